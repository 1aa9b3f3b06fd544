"""The `xlsx` format: a workbook of the result's sheets, with real dates and numbers, written to -o."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dnnd.errors import UsageError
from dnnd.output.formats import xlsx
from dnnd.output.sheets import Sheet, SheetColumn

SHEET = Sheet(
    "Tình trạng 2020-Q4 và một tên rất dài quá ba mươi mốt ký tự",
    [SheetColumn("STT", 6), SheetColumn("Hạn", 12), SheetColumn("Kết quả", 20, wrap=True)],
    [[1, dt.date(2020, 9, 30), "Dòng một\nDòng hai " + "dài " * 30], [2, None, "Xong"]],
)


def test_the_workbook_has_real_dates_numbers_a_frozen_filtered_header_and_a4_landscape() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx.workbook_bytes([SHEET])))
    sheet = book.worksheets[0]
    assert sheet.title == SHEET.title[:31]
    assert [cell.value for cell in sheet[1]] == ["STT", "Hạn", "Kết quả"] and sheet.freeze_panes == "A2"
    assert sheet["A2"].value == 1 and sheet["B2"].value == dt.datetime(2020, 9, 30)
    assert sheet["B2"].number_format == "dd/mm/yyyy" and sheet.auto_filter.ref == "A1:C3"
    assert sheet["C2"].alignment.wrap_text and sheet.row_dimensions[2].height > sheet.row_dimensions[3].height
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"


class Plain:
    """A result without sheets."""

    def document(self) -> dict[str, Any]:
        return {}

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return (), []

    def print_table(self, lang: str) -> None: ...

    def notices(self, lang: str) -> list[str]:
        return []


def test_a_result_without_sheets_or_without_a_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        xlsx.write(Plain(), "vi", tmp_path / "a.xlsx")
    assert raised.value.message.en == "this command has no xlsx output"
    with pytest.raises(UsageError) as raised:
        xlsx.write(type("WithSheets", (Plain,), {"sheets": lambda self, lang: [SHEET]})(), "en", None)
    assert "-o FILE.xlsx" in raised.value.message.en
    assert not (tmp_path / "a.xlsx").exists()
