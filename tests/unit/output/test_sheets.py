"""A result's sheets: plain data a workbook is written from."""

from __future__ import annotations

import datetime as dt

from dnnd.output.sheets import Sheet, SheetColumn


def test_a_sheet_holds_its_columns_and_typed_rows() -> None:
    sheet = Sheet("Tình trạng 2020-Q4", [SheetColumn("Hạn", 12), SheetColumn("Nhiệm vụ", 50, wrap=True)])
    sheet.rows.append([dt.date(2020, 9, 30), "Xây dựng cơ chế phối hợp"])
    assert sheet.columns[1].wrap and not sheet.columns[0].wrap
    assert sheet.columns[0].width == 12 and SheetColumn("STT").width == 14
    assert sheet.rows == [[dt.date(2020, 9, 30), "Xây dựng cơ chế phối hợp"]]
    assert Sheet("x", []).rows == []  # each sheet its own rows
