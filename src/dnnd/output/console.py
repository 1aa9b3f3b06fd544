"""Where output goes: rich consoles for people (standard output and error), raw UTF-8 for other tools.

rich is imported only when a console is made: JSON and CSV output start without it.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dnnd.i18n import Text

if TYPE_CHECKING:
    from rich.console import Console

TITLE_WIDTH = 70
# A terminal table's cell names this many agencies and counts the rest: a plan with hundreds of agencies would
# otherwise print rows hundreds of lines tall (and rich would take a second to lay them out). The whole lists
# are in CSV, JSON and Excel.
NAMED_IN_A_CELL = 10


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


def cut_in_a_cell(count: int) -> bool:
    """Whether a cell of `count` agencies names only the first NAMED_IN_A_CELL (then the table says so)."""
    return count > NAMED_IN_A_CELL


def named_in_a_cell(names: Sequence[str], lang: str) -> str:
    """Agencies' names for a table cell: all of them, or the first NAMED_IN_A_CELL and how many more."""
    if not cut_in_a_cell(len(names)):
        return ", ".join(names)
    more = len(names) - NAMED_IN_A_CELL
    return ", ".join(names[:NAMED_IN_A_CELL]) + Text(f" và {more} cơ quan khác", f" and {more} more").in_(lang)


def named_in_a_cell_note(where: Text, lang: str) -> str:
    """The line under a table some of whose cells were shortened, saying `where` the whole lists are."""
    return Text(
        f"(Mỗi ô ghi tối đa {NAMED_IN_A_CELL} cơ quan; danh sách đủ: {where.vi}.)",
        f"(A cell names at most {NAMED_IN_A_CELL} agencies; the whole lists: {where.en}.)",
    ).in_(lang)


def shorten(text: str, width: int = TITLE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
