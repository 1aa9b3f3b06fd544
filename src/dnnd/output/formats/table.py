"""The `table` format: rich tables on the console, for people."""

from __future__ import annotations

from dnnd.output.formats import Tabular


def write(result: Tabular, lang: str) -> None:
    result.print_table(lang)
