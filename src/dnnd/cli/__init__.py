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
    try:
        run_app()
    except SystemExit as exit_:
        leave(exit_)


# Exit steps that modules dnnd may import register at their import (one each): `leave` runs them itself.
_KNOWN_EXIT_STEPS = (("multiprocessing.util", "_exit_function"), ("logging", "shutdown"))


def leave(exit_: SystemExit) -> None:
    """End the process with the command's exit code.

    Python's own shutdown tears down every module and object one by one: 40-60 ms after a first
    `dnnd validate` (a sixth of its time), as much after loading 24,000 files, for nothing a finished
    command needs. When the only callbacks registered to run at exit are the known steps of
    multiprocessing (its workers are joined by then) and logging (dnnd has no log handler), and no other
    thread runs, those steps are run, the output is flushed and the process ends at once. Anything else
    registered (a temporary folder's clean-up, a coverage tool) and Python shuts down as usual."""
    import atexit
    import os
    import sys

    steps = [getattr(sys.modules[name], step) for name, step in _KNOWN_EXIT_STEPS if name in sys.modules]
    threading = sys.modules.get("threading")
    alone = threading is None or threading.active_count() == 1
    code = 0 if exit_.code is None else exit_.code
    if atexit._ncallbacks() != len(steps) or not alone or not isinstance(code, int):
        raise exit_
    try:
        for step in steps:
            step()
            atexit.unregister(step)
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: the program was started with the stream closed
                stream.flush()
    except (OSError, ValueError):
        raise exit_ from None
    os._exit(code)
