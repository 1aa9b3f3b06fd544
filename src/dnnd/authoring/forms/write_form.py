"""`dnnd form`: the Excel workbook an agency's clerk fills in instead of a YAML file.

Sheet *Nhiệm vụ* lists the tasks the agency must report on in the quarter (the same ones `dnnd new-update`
lists), with cells to fill beside each; *Văn bản* and *Hoạt động* take the documents issued and the
activities, one per row; *Hướng dẫn* says how to fill and send it. What the form is for (plan, agency,
quarter, dnnd's version) is kept in a hidden sheet that `dnnd take` checks. The sheets are protected
without a password, only so that a clerk does not type over a task's text by mistake: any cell to fill is
unlocked, columns and rows may be resized, and nothing is hidden from anyone who unprotects them.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from dnnd import __version__
from dnnd.authoring.forms import layout
from dnnd.authoring.forms.guide import guide_lines
from dnnd.authoring.forms.layout import Column
from dnnd.authoring.new_update import quarter_to_report
from dnnd.errors import DnndError, UsageError
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.evaluate.update_scaffold import HeldTask, held_tasks
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.plan.periods import Period
from dnnd.plan.vietnamese import dmy, period_phrase
from dnnd.repository import Repository

FONT = "Times New Roman"
SIZE = 11
_LINE_POINTS = 13  # the height of a line of 11-point text, with its leading
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TO_FILL = PatternFill("solid", fgColor="FFF7D6")  # the cells a clerk fills: pale yellow
_HEAD = PatternFill("solid", fgColor="DCE6F1")
_DATE_FORMAT = "dd/mm/yyyy"
_LISTS = {  # defined name → the list sheet's column holding it
    "ds_tinh_trang": "A",
    "ds_loai_hoat_dong": "B",
    "ds_loai_vien_tro": "C",
    "ds_loai_tien": "D",
    "ds_nuoc": "E",
    "ds_nhiem_vu": "F",
}


def form_bytes(
    repo: Repository, agency_id: str, quarter: Period, today: dt.date, held: list[HeldTask] | None = None
) -> bytes:
    """The workbook of the agency's form for the quarter, as the bytes of an .xlsx file."""
    book = Workbook()
    held = held_tasks(repo, agency_id, quarter) if held is None else held  # evaluating takes every update
    tasks = book.active
    assert tasks is not None
    tasks.title = layout.TASKS_SHEET
    _tasks_sheet(tasks, repo, agency_id, quarter, held)
    _table_sheet(book.create_sheet(layout.DOCUMENTS_SHEET), layout.DOCUMENT_COLUMNS, layout.DOCUMENT_ROWS)
    _table_sheet(book.create_sheet(layout.ACTIVITIES_SHEET), layout.ACTIVITY_COLUMNS, layout.ACTIVITY_ROWS)
    guide = book.create_sheet(layout.GUIDE_SHEET)
    guide_column = Column("text", "", 110, "text", wrap=True)
    for row, text in enumerate(guide_lines(repo, agency_id, quarter), 1):
        cell = guide.cell(row, 1, text)
        cell.font = Font(name=FONT, size=SIZE, bold=row == 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        guide.row_dimensions[row].height = _height((guide_column,), [text], least=1)
    guide.column_dimensions["A"].width = guide_column.width
    _print_setup(guide)
    _lists_sheet(book, [str(item.task.id) for item in held])
    meta = book.create_sheet(layout.META_SHEET)
    facts = {
        "format": layout.FORMAT,
        "plan": repo.plan.id,
        "agency": agency_id,
        "period": quarter.name,
        "tasks": ",".join(str(item.task.id) for item in held),
        "dnnd": __version__,
        "created": today.isoformat(),
    }
    for row, (key, value) in enumerate(facts.items(), 1):
        meta.cell(row, 1, key)
        meta.cell(row, 2, value)
    meta.sheet_state = "hidden"
    book.properties.title = f"Báo cáo {period_phrase(quarter)} – {repo.agencies[agency_id].name}"
    book.properties.creator = f"dnnd {__version__}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _tasks_sheet(sheet: Worksheet, repo: Repository, agency_id: str, quarter: Period, held: list[HeldTask]) -> None:
    agency = repo.agencies[agency_id]
    window = quarter.window(repo.plan.reporting.windows)
    last = layout.letter(len(layout.TASK_COLUMNS) - 1)
    sheet["A1"] = f"BÁO CÁO {period_phrase(quarter).upper()} CỦA {agency.name.upper()}"
    sheet["A1"].font = Font(name=FONT, size=14, bold=True)
    sheet["A2"] = f"{repo.plan.title}: số liệu từ {dmy(window.start)} đến {dmy(window.end)}."
    sheet["A2"].font = Font(name=FONT, size=SIZE, italic=True)
    for row in (1, 2):
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet[f"A{row}"].alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[2].height = 32
    for name, text in layout.REPORTER_LABELS.items():
        sheet[name] = text
        sheet[name].font = Font(name=FONT, size=SIZE, bold=True)
        sheet[name].alignment = Alignment(horizontal="right")
    for name in layout.REPORTER_CELLS.values():
        _to_fill(sheet[name])
        sheet[name].border = _BOX
        sheet[name].font = Font(name=FONT, size=SIZE)
    _header(sheet, layout.TASK_COLUMNS)
    for offset, item in enumerate(held):
        row = layout.FIRST_ROW + offset
        values: list[int | str] = [
            item.task.id,
            item.task.title,
            "Chủ trì" if item.lead else "Phối hợp",
            item.task.timing,
        ]
        sheet.row_dimensions[row].height = _height(layout.TASK_COLUMNS, values, least=3)
        for index, column in enumerate(layout.TASK_COLUMNS):
            cell = sheet.cell(row, index + 1, values[index] if index < len(values) else None)
            cell.font = Font(name=FONT, size=SIZE)
            cell.border = _BOX
            cell.alignment = Alignment(wrap_text=column.wrap, vertical="top")
            if not column.written_by_dnnd:
                _to_fill(cell)
            elif column.kind == "id":
                cell.alignment = Alignment(horizontal="center", vertical="top")
            if column.kind == "date":
                cell.number_format = _DATE_FORMAT
    rows = f"{layout.FIRST_ROW}:{layout.FIRST_ROW + max(len(held), 1) - 1}"
    _validate(sheet, layout.TASK_COLUMNS, rows)
    _print_setup(sheet)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # a clerk may widen a column or a row to read better
    sheet.protection.formatRows = False


def _table_sheet(sheet: Worksheet, columns: tuple[Column, ...], rows: int) -> None:
    """A sheet of one row per item: the header, then `rows` rows ready to fill (more may be added below)."""
    sheet["A1"] = "Mỗi dòng một mục; để trống các dòng không dùng. Xem sheet Hướng dẫn."
    sheet["A1"].font = Font(name=FONT, size=SIZE, italic=True)
    _header(sheet, columns)
    for row in range(layout.FIRST_ROW, layout.FIRST_ROW + rows):
        sheet.row_dimensions[row].height = _height(columns, [], least=2)
        for index, column in enumerate(columns):
            cell = sheet.cell(row, index + 1)
            cell.font = Font(name=FONT, size=SIZE)
            cell.border = _BOX
            cell.alignment = Alignment(wrap_text=column.wrap, vertical="top")
            _to_fill(cell)
            if column.kind == "date":
                cell.number_format = _DATE_FORMAT
    _validate(sheet, columns, f"{layout.FIRST_ROW}:{layout.FIRST_ROW + rows - 1}")
    _print_setup(sheet)


def _height(columns: tuple[Column, ...], values: list[int | str], least: int) -> float:
    """A row's height for its longest wrapped text (spreadsheets do not grow a row for text written by a program),
    at least `least` lines: room to write in."""
    lines = least
    for column, value in zip(columns, values, strict=False):
        if column.wrap:
            per_line = max(int(column.width * 1.3), 1)  # characters of Times New Roman 11 per unit of width
            lines = max(lines, sum(-(-max(len(part), 1) // per_line) for part in str(value).split("\n")))
    return lines * _LINE_POINTS + 4


def _header(sheet: Worksheet, columns: tuple[Column, ...]) -> None:
    for index, column in enumerate(columns):
        cell = sheet.cell(layout.HEADER_ROW, index + 1, column.header)
        cell.font = Font(name=FONT, size=SIZE, bold=True)
        cell.fill = _HEAD
        cell.border = _BOX
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[layout.letter(index)].width = column.width
    sheet.row_dimensions[layout.HEADER_ROW].height = 36
    sheet.freeze_panes = f"A{layout.FIRST_ROW}"


def _to_fill(cell: object) -> None:
    cell.fill = _TO_FILL  # type: ignore[attr-defined]
    cell.protection = Protection(locked=False)  # type: ignore[attr-defined]


def _validate(sheet: Worksheet, columns: tuple[Column, ...], rows: str) -> None:
    """Drop-downs and date checks on the columns that have them, over the rows `first:last`."""
    first, last = rows.split(":")
    kinds: dict[str, tuple[str, Literal["stop", "warning"], str]] = {
        "status": ("ds_tinh_trang", "stop", "Chọn tình trạng trong danh sách."),
        "kind": ("ds_loai_hoat_dong", "stop", "Chọn loại hoạt động trong danh sách."),
        "aid": ("ds_loai_vien_tro", "stop", "Chọn loại viện trợ trong danh sách."),
        "currency": ("ds_loai_tien", "warning", "Mã tiền tệ ISO 4217, ví dụ VND, USD, EUR."),
        "country": ("ds_nuoc", "warning", "Chọn nước trong danh sách; nhiều nước thì gõ, cách nhau bằng dấu ;"),
        "task": ("ds_nhiem_vu", "stop", "Chọn số thứ tự (STT) của nhiệm vụ trong danh sách."),
    }
    for index, column in enumerate(columns):
        area = f"{layout.letter(index)}{first}:{layout.letter(index)}{last}"
        if column.kind in kinds:
            name, style, message = kinds[column.kind]
            # a list from a defined name: written without '=', as Excel itself writes a formula in the file
            rule = DataValidation(type="list", formula1=name, allow_blank=True, errorStyle=style)
        elif column.kind == "date":
            rule = DataValidation(
                type="date", operator="between", formula1="DATE(1900,1,1)", formula2="DATE(2200,12,31)"
            )
            message = "Ngày dạng ngày/tháng/năm, ví dụ 05/10/2020."
        elif column.kind == "number":
            rule = DataValidation(type="whole", operator="greaterThan", formula1="0")
            message = "Một số nguyên dương, không dấu chấm ngăn cách."
        else:
            continue
        rule.allow_blank = True
        rule.error, rule.errorTitle = message, column.header
        rule.prompt, rule.promptTitle = message, column.header
        rule.showErrorMessage = rule.showInputMessage = True
        sheet.add_data_validation(rule)
        rule.add(area)


def _lists_sheet(book: Workbook, tasks: list[str]) -> None:
    sheet = book.create_sheet(layout.LISTS_SHEET)
    columns: dict[str, list[str] | list[int]] = {
        "A": list(layout.STATUS_LABELS.values()),
        "B": list(layout.KIND_LABELS.values()),
        "C": list(layout.AID_LABELS.values()),
        "D": list(layout.CURRENCIES),
        "E": layout.country_choices(),
        "F": [int(task) for task in tasks] or [0],  # numbers, as a clerk types them
    }
    for column, values in columns.items():
        for row, value in enumerate(values, 1):
            sheet[f"{column}{row}"] = value
    for name, column in _LISTS.items():
        reference = f"'{layout.LISTS_SHEET}'!${column}$1:${column}${len(columns[column])}"
        book.defined_names[name] = DefinedName(name, attr_text=reference)
    sheet.sheet_state = "hidden"


def _print_setup(sheet: Worksheet) -> None:
    """A4 landscape, as wide as the page, the header row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_ROW}"
    sheet.page_margins.left = sheet.page_margins.right = 0.4


def write_form(
    repo: Repository, agency_id: str, choice: PeriodChoice, today: dt.date, *, output: Path | None, force: bool
) -> Path:
    """Write the agency's form for the chosen quarter (by default the one being reported) to `output`, else
    to reports/bieu-mau-<agency>-<quarter>.xlsx; an existing file only with `force`."""
    if choice.period is not None and choice.period.kind != "quarter":
        raise UsageError(
            Text("biểu mẫu là báo cáo của một quý: dùng --quarter", "a form is a quarter's: use --quarter")
        )
    quarter = quarter_to_report(repo, agency_id, choice, today)
    held = held_tasks(repo, agency_id, quarter)
    if not held:
        raise DnndError(
            Text(
                f"'{agency_id}' không có nhiệm vụ nào phải báo cáo trong {quarter.name}: không tạo biểu mẫu",
                f"'{agency_id}' has no task to report on in {quarter.name}: no form was written",
            )
        )
    path = output or repo.root / "reports" / f"bieu-mau-{agency_id}-{quarter.name}.xlsx"
    if os.path.lexists(path) and not force:
        raise DnndError(
            Text(
                f"{path} đã có: không ghi đè (thêm --force để ghi đè)",
                f"{path} exists: not overwritten (add --force to overwrite it)",
            )
        )
    return write_atomic(path, form_bytes(repo, agency_id, quarter, today, held), root=None if output else repo.root)
