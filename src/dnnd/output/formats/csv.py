"""The `csv` format: UTF-8 with a byte-order mark, so that Excel shows Vietnamese letters correctly."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dnnd.output.formats import Tabular, write_text
from dnnd.output.notices import print_notices


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_cell(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_cell(item)}" for key, item in value.items())
    return "" if value is None else str(value)


def to_csv(records: Iterable[dict[str, Any]], fields: Sequence[str]) -> str:
    """CSV with a UTF-8 byte-order mark; each record's `fields`, in order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([_cell(record.get(field)) for field in fields])
    return "\ufeff" + buffer.getvalue()


def write(result: Tabular, lang: str, output: Path | None) -> None:
    print_notices(result.notices(lang))
    fields, rows = result.csv()
    write_text(to_csv(rows, fields), output, lang)
