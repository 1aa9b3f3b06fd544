"""The `csv` format: a byte-order mark, CRLF rows, list and mapping cells joined, notices on standard error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import pytest

from dnnd.output.formats import csv


class Result:
    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings

    def document(self) -> dict[str, Any]:
        raise AssertionError("csv writes rows, not the document")

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return ("task", "lead"), iter([{"task": 4, "lead": ["sngv", "lhhn"]}])

    def print_table(self, lang: str) -> None:
        raise AssertionError("csv prints no table")

    def notices(self, lang: str) -> list[str]:
        return [f"{warning} ({lang})" for warning in self.warnings]


def test_to_csv_starts_with_a_bom_ends_rows_with_crlf_and_quotes_as_excel_reads() -> None:
    text = csv.to_csv([{"b": 'nói "xong"', "a": "Sở Ngoại vụ, LHHN", "extra": "x"}], ("a", "b"))
    assert text == '\ufeffa,b\r\n"Sở Ngoại vụ, LHHN","nói ""xong"""\r\n'
    assert csv.to_csv([], ("a",)) == "\ufeffa\r\n"


def test_cells_join_lists_and_mappings_and_leave_none_and_missing_fields_blank() -> None:
    record = {"lists": [1, [2, 3]], "map": {"sngv": "missing", "lhhn": None}, "none": None, "day": dt.date(2020, 9, 30)}
    text = csv.to_csv([record], ("lists", "map", "none", "absent", "day"))
    assert text.splitlines()[1] == "1; 2; 3,sngv: missing; lhhn: ,,,2020-09-30"


def test_write_puts_notices_on_stderr_and_the_rows_as_utf8_bytes(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    csv.write(Result(["Cảnh báo: 1 kho"]), "vi", None)
    captured = capsysbinary.readouterr()
    assert captured.out == b"\xef\xbb\xbftask,lead\r\n4,sngv; lhhn\r\n"
    assert captured.err.decode() == "Cảnh báo: 1 kho (vi)\n"


def test_write_without_notices_leaves_stderr_empty(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    csv.write(Result([]), "en", None)
    assert capsysbinary.readouterr().err == b""
