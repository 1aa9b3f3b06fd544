"""Where output goes: rich consoles for people (standard output and error), raw UTF-8 for other tools.

rich is imported only when a console is made: JSON and CSV output start without it.
"""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

TITLE_WIDTH = 70


def out() -> Console:
    return _console_class()(highlight=False, soft_wrap=False, markup=False, emoji=False)


def err() -> Console:
    return _console_class()(stderr=True, highlight=False, markup=False, emoji=False)


@functools.cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class DnndConsole(Console):
        def on_broken_pipe(self) -> None:
            """rich exits 1 when the reader left; the command line ends such a run quietly, as git does."""
            self.quiet = True
            raise BrokenPipeError

    return DnndConsole


def write_raw(text: str) -> None:
    """Write machine-readable output as UTF-8 bytes, whatever the console's encoding (nothing when standard
    output is closed)."""
    if sys.stdout is None:
        return
    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
    else:
        stream.write(text.encode("utf-8"))
        stream.flush()


def shorten(text: str, width: int = TITLE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
