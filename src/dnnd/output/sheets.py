"""A command's result as workbook sheets (`--format xlsx`): plain data, no spreadsheet library.

Headers and values are in the reader's language (labels, not codes), dates are dates and numbers numbers,
so that the `xlsx` format writes real cells; CSV stays the machine contract (codes, English headers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class SheetColumn:
    """A column: its header, its width in characters, and whether its text wraps."""

    header: str
    width: float = 14
    wrap: bool = False


@dataclass(frozen=True)
class Sheet:
    """One sheet: its title (at most 31 characters, as spreadsheets allow), its columns and its rows."""

    title: str
    columns: list[SheetColumn]
    rows: list[list[Any]] = field(default_factory=list)


class Workbookable(Protocol):
    """A result that has sheets (not every command's does)."""

    def sheets(self, lang: str) -> list[Sheet]: ...
