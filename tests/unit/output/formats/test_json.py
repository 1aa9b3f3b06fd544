"""The `json` format: real Vietnamese letters, dates as ISO strings, indented, notices on standard error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import pytest

from dnnd.output.formats import json


class Result:
    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings

    def document(self) -> dict[str, Any]:
        return {"period": "2020-Q4", "as_of": dt.date(2020, 12, 14), "agency": "Sở Ngoại vụ", "tasks": [4]}

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        raise AssertionError("json writes the document, not rows")

    def print_table(self, lang: str) -> None:
        raise AssertionError("json prints no table")

    def notices(self, lang: str) -> list[str]:
        return [f"{warning} ({lang})" for warning in self.warnings]


def test_to_json_keeps_vietnamese_letters_and_writes_dates_as_iso() -> None:
    value = {"name": "Ủy ban Mặt trận", "due": dt.date(2020, 9, 30), "done_on": None, "late": False}
    assert json.to_json(value) == (
        '{\n  "name": "Ủy ban Mặt trận",\n  "due": "2020-09-30",\n  "done_on": null,\n  "late": false\n}'
    )


def test_write_puts_the_document_on_stdout_as_utf8_with_a_final_newline(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    json.write(Result([]), "vi", None)
    captured = capsysbinary.readouterr()
    expected = (
        '{\n  "period": "2020-Q4",\n  "as_of": "2020-12-14",\n  "agency": "Sở Ngoại vụ",\n  "tasks": [\n    4\n  ]\n}\n'
    )
    assert captured.out == expected.encode()
    assert captured.err == b""


def test_write_puts_the_notices_on_stderr_not_in_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    json.write(Result(["Warning: 1 repository", "second"]), "en", None)
    captured = capsys.readouterr()
    assert captured.err == "Warning: 1 repository (en)\nsecond (en)\n"
    assert captured.out.startswith('{\n  "period": "2020-Q4"')


def test_the_layout_is_that_of_the_standard_library_for_every_kind_of_value() -> None:
    import json as standard
    from typing import NamedTuple

    class Pair(NamedTuple):
        amount: int
        currency: str

    value = {"tỉnh": "Khánh Hòa", "ngày": dt.date(2020, 12, 14), "tiền": Pair(5, "USD"), 7: [], "rỗng": {}}
    value |= {"tỷ giá": Decimal("23150.5"), "lồng": [{"a": (1, 2)}, None, True, 1.5]}
    assert json.to_json(value) == standard.dumps(value, ensure_ascii=False, indent=2, default=str).replace(
        '"tiền": "Pair(amount=5, currency=\'USD\')"', '"tiền": [\n    5,\n    "USD"\n  ]'
    )


def test_an_integer_beyond_64_bits_is_still_written() -> None:
    assert json.to_json({"total": 10**20}) == '{\n  "total": 100000000000000000000\n}'


def test_a_large_document_is_written_alike_by_the_faster_writer() -> None:
    import json as standard

    rows = [{"kind": "media", "title": f"Tin bài {n}", "start": dt.date(2020, 10, 1), "count": n} for n in range(2000)]
    document = {"period": "2020-Q4", "activities": rows, "total": 5}
    assert json._large(document) and not json._large({"tasks": list(range(100))})
    assert json.to_json(document) == standard.dumps(document, ensure_ascii=False, indent=2, default=str)
