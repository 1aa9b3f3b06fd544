"""The command line: the typer app and its global options (`app`), the options commands share and their
parsing into typed values (`options`), one module per group of commands, and the one place that turns
errors into messages and exit codes (`error_handling`). The only place that imports typer.

May import: everything.
"""


def main() -> None:
    """The `dnnd` program: Ctrl-C even while Python is still importing the app exits 130, with no traceback.

    pydantic looks for plugins on the first model it builds by reading the metadata of every installed
    distribution (60 ms in a small virtual environment, more in a large one). dnnd's models serve no
    plugin, so the program turns the search off unless the user set PYDANTIC_DISABLE_PLUGINS."""
    import os
    import sys

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    try:
        from dnnd.cli.app import main as run_app
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise SystemExit(130) from None
    run_app()
