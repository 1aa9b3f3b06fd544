"""Where output goes: rich consoles for people (standard output and error), raw UTF-8 for other tools.

rich is imported only when a console is made: JSON and CSV output start without it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

TITLE_WIDTH = 70


def out() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


def err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False, emoji=False)


def write_raw(text: str) -> None:
    """Write machine-readable output as UTF-8 bytes, whatever the console's encoding."""
    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
    else:
        stream.write(text.encode("utf-8"))
        stream.flush()


def shorten(text: str, width: int = TITLE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
