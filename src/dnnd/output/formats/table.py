"""The `table` format: rich tables on the console, for people."""

from __future__ import annotations

from pathlib import Path

from dnnd.errors import UsageError
from dnnd.i18n import Text
from dnnd.output.formats import Tabular


def write(result: Tabular, lang: str, output: Path | None) -> None:
    if output is not None:
        raise UsageError(
            Text(
                "-o ghi ra tệp với --format json, csv hoặc xlsx; bảng chỉ hiện trên màn hình",
                "-o writes a file with --format json, csv or xlsx; the table is for the screen only",
            )
        )
    result.print_table(lang)
