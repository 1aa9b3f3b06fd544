"""The registry of output formats: one module per format in this package, named as the `--format` value.

A command's core returns its result; the output layer wraps it in a `Tabular` (what the result is as a
JSON document, as CSV rows, as a table for people, and, for the commands that have one, as workbook
sheets), and `emit` hands it to the format asked for, with the file to write when one is named (-o).
Adding a format is adding a module here with a `write(result, lang, output)` function: `names()` finds it,
the command line offers it, and only the module asked for is imported.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

DEFAULT = "table"
FIRST = ("table", "json", "csv")  # the order the help lists them in; any other after these, by name


class Tabular(Protocol):
    """A command's result in the forms the formats write."""

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        ...

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        """The CSV columns and rows (a cell holding a list or mapping is joined with '; ')."""
        ...

    def print_table(self, lang: str) -> None:
        """The table (and the lines around it) for people, on the console."""
        ...

    def notices(self, lang: str) -> list[str]:
        """What to tell on standard error before a JSON or CSV output, which has no room for it."""
        ...


class Writer(Protocol):
    def __call__(self, result: Tabular, lang: str, output: Path | None) -> None: ...


def names() -> list[str]:
    """The formats there are: the modules of this package (listed from its folder: pkgutil costs start-up)."""
    found = sorted(
        name[:-3]
        for folder in __path__
        for name in os.listdir(folder)
        if name.endswith(".py") and name != "__init__.py"
    )
    return sorted(found, key=lambda name: FIRST.index(name) if name in FIRST else len(FIRST))


def emit(result: Tabular, fmt: str, lang: str, output: Path | None = None) -> None:
    """Write `result` in the format `fmt` (one of `names()`), to the file `output` when one is named."""
    module = importlib.import_module(f"{__name__}.{fmt}")
    writer: Writer = module.write
    writer(result, lang, output)


def write_text(text: str, output: Path | None, lang: str) -> None:
    """Machine-readable text on standard output, or into the file `output` (written whole or not at all)."""
    from dnnd.output.console import write_raw

    if output is None:
        write_raw(text)
        return
    write_file(output, text.encode("utf-8"), lang)


def write_file(output: Path, content: bytes, lang: str) -> None:
    """Write a command's output file whole (or not at all), and say so on standard error."""
    from dnnd.files import write_atomic
    from dnnd.i18n import Text
    from dnnd.output.notices import print_notices

    write_atomic(output, content)
    print_notices([Text(f"Đã ghi {output}", f"Wrote {output}").in_(lang)])
