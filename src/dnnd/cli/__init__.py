"""The command line: the typer app and its global options (`app`), the options commands share and their
parsing into typed values (`options`), one module per group of commands, and the one place that turns
errors into messages and exit codes (`error_handling`). The only place that imports typer.

May import: everything.
"""


def main() -> None:
    """The `dnnd` program: Ctrl-C even while Python is still importing the app exits 130, with no traceback."""
    import sys

    try:
        from dnnd.cli.app import main as run_app
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise SystemExit(130) from None
    run_app()
