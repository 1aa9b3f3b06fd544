"""The `xlsx` format: an Excel workbook (openpyxl) for people who work in spreadsheets, written to the file
-o names. Headers and labels in the reader's language, real dates and numbers, the header row frozen and
filtered, columns sized, long text wrapped, printed on A4 landscape one page wide."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

from dnnd.errors import DnndError, UsageError
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.output.formats import Tabular, write_file
from dnnd.output.notices import print_notices
from dnnd.output.sheets import Sheet, SheetColumn

_DATE_FORMAT = "dd/mm/yyyy"
_MOMENT_FORMAT = "dd/mm/yyyy hh:mm"
_LINE_POINTS = 15  # a line of the default 11-point font


def write(result: Tabular, lang: str, output: Path | None) -> None:
    sheets = getattr(result, "sheets", None)
    if sheets is None:
        raise UsageError(Text("lệnh này không có dạng xlsx", "this command has no xlsx output"))
    if output is None:
        raise UsageError(
            Text("--format xlsx cần tệp để ghi: thêm -o TỆP.xlsx", "--format xlsx needs a file: add -o FILE.xlsx")
        )
    print_notices(result.notices(lang))
    write_file(output, workbook_bytes(sheets(lang)), lang)


def write_new(path: Path, sheets: list[Sheet], *, force: bool, root: Path | None = None) -> Path:
    """Write the workbook of `sheets` to `path` (inside the repository `root`, when given: never through a
    link); a file there only with `force`."""
    if os.path.lexists(path) and not force:
        raise DnndError(
            Text(f"{path} đã có: không ghi đè (thêm --force)", f"{path} exists: not overwritten (add --force)")
        )
    return write_atomic(path, workbook_bytes(sheets), root=root)


def workbook_bytes(sheets: list[Sheet]) -> bytes:
    """The .xlsx file of `sheets`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    head_fill = PatternFill("solid", fgColor="DCE6F1")
    for sheet in sheets:
        page = book.create_sheet(sheet.title[:31])
        page.append([column.header for column in sheet.columns])
        for cell in page[1]:
            cell.font = Font(bold=True)
            cell.fill = head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        wrapped = Sheet(sheet.title, [SheetColumn(column.header, column.width, True) for column in sheet.columns])
        page.row_dimensions[1].height = _height(wrapped, [column.header for column in sheet.columns])
        for number, row in enumerate(sheet.rows, 2):
            page.append(row)
            page.row_dimensions[number].height = _height(sheet, row)
        for index, column in enumerate(sheet.columns, 1):
            letter = get_column_letter(index)
            page.column_dimensions[letter].width = column.width
            for cell in page[letter][1:]:
                if isinstance(cell.value, dt.datetime):
                    cell.number_format = _MOMENT_FORMAT
                elif isinstance(cell.value, dt.date):
                    cell.number_format = _DATE_FORMAT
                elif isinstance(cell.value, int) and cell.value >= 10_000:
                    cell.number_format = "#,##0"  # grouped as the reader's locale groups digits (1.500.000)
                cell.alignment = Alignment(wrap_text=column.wrap, vertical="top")
        page.freeze_panes = "A2"
        if sheet.rows:
            page.auto_filter.ref = page.dimensions
        page.page_setup.orientation = "landscape"
        page.page_setup.paperSize = page.PAPERSIZE_A4
        page.page_setup.fitToWidth = 1
        page.page_setup.fitToHeight = 0
        page.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        page.print_title_rows = "1:1"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _height(sheet: Sheet, row: list[object]) -> float:
    """A row's height for its longest wrapped text: a spreadsheet does not grow a row for text a program wrote
    (Excel does when it opens the file; LibreOffice's printing does not)."""
    lines = 1
    for column, value in zip(sheet.columns, row, strict=False):
        if column.wrap and isinstance(value, str):
            per_line = max(int(column.width * 1.1), 1)
            lines = max(lines, sum(-(-max(len(part), 1) // per_line) for part in value.split("\n")))
    return lines * _LINE_POINTS + 3
