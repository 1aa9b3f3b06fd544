"""Reading a filled Excel form back (`dnnd take`): each cell's value as what it means (a date, a whole number,
a status code, countries), with where it came from ('Nhiệm vụ!E7') so that every problem names its cell.

Cells are read as Excel and LibreOffice Calc save them: a date cell or a date typed as text (05/10/2020,
2020-10-05), a number or a number typed as text (1.500.000), words in any case and with or without their
diacritics. Text is NFC. Rows left empty are skipped; columns a clerk added are ignored with a warning; a
column moved or removed is a problem, since every value after it would land in the wrong field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from dnnd.authoring.forms import layout
from dnnd.authoring.forms.layout import Column
from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.plan.countries import country_code
from dnnd.plan.vocabulary import NEEDS_COUNTRIES, NEEDS_PARTNER

_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})|(\d{4})-(\d{1,2})-(\d{1,2})")
_WHOLE = re.compile(r"\d{1,3}([.,\s]\d{3})+|\d+")


@dataclass(frozen=True)
class Value:
    """A cell's value as it means, and the cell it came from."""

    ref: str
    label: str
    value: Any


@dataclass
class Sheets:
    """What a filled form holds: its rows (column key → value), its reporter, and the problems of its cells."""

    path: str
    reporter: dict[str, Value] = field(default_factory=dict)
    tasks: list[dict[str, Value]] = field(default_factory=list)
    documents: list[dict[str, Value]] = field(default_factory=list)
    activities: list[dict[str, Value]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def problem(self, ref: str, vi: str, en: str) -> None:
        self.problems.append(Problem(self.path, None, None, ref, Text(vi, en)))


def text_of(raw: object) -> str:
    """A cell as text: numbers without a needless '.0', dates as dd/mm/yyyy, NFC, trimmed."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.strftime("%d/%m/%Y")
    return unicodedata.normalize("NFC", str(raw)).replace("\r\n", "\n").strip()


def read_rows(sheet: Worksheet, columns: tuple[Column, ...], found: Sheets) -> list[dict[str, Value]]:
    """The rows below the header that hold anything, each as column key → value (empty cells left out)."""
    _check_header(sheet, columns, found)
    rows = []
    for row in sheet.iter_rows(min_row=layout.FIRST_ROW, max_col=len(columns)):
        values = {}
        for column, cell in zip(columns, row, strict=False):
            ref = f"{sheet.title}!{cell.coordinate}"
            if text_of(cell.value) == "":
                continue
            # a value that could not be read is kept as None: its problem is told, and it is not also "empty"
            values[column.key] = Value(ref, column.header, _converted(column, cell.value, ref, found))
        fixed = {column.key for column in columns if column.written_by_dnnd}
        if any(key not in fixed for key in values):  # a row with nothing filled in is no entry
            rows.append(values)
    return rows


def _check_header(sheet: Worksheet, columns: tuple[Column, ...], found: Sheets) -> None:
    headers = [text_of(cell.value) for cell in sheet[layout.HEADER_ROW]]
    for index, column in enumerate(columns):
        written = headers[index] if index < len(headers) else ""
        if layout.fold(written) != layout.fold(column.header):
            ref = f"{sheet.title}!{layout.letter(index)}{layout.HEADER_ROW}"
            found.problem(
                ref,
                f"cột '{column.header}' phải ở ô này (đang là '{written}'): đừng chèn, xóa hay đổi tên cột của biểu mẫu",
                f"column '{column.header}' belongs in this cell (it holds '{written}'): do not insert, delete or rename "
                "the form's columns",
            )
            return
    for index in range(len(columns), len(headers)):
        if headers[index]:
            ref = f"{sheet.title}!{layout.letter(index)}{layout.HEADER_ROW}"
            found.warnings.append(
                Problem(
                    found.path,
                    None,
                    None,
                    ref,
                    Text(
                        f"cột '{headers[index]}' không thuộc biểu mẫu: bỏ qua",
                        f"column '{headers[index]}' is not part of the form: ignored",
                    ),
                )
            )


def _converted(column: Column, raw: object, ref: str, found: Sheets) -> object:
    """The cell's value for its column, or None (with a problem) when it cannot mean anything there."""
    label = column.header
    if column.kind in ("text", "fixed", "currency"):
        return text_of(raw)
    if column.kind == "date":
        return _date(raw, ref, label, found)
    if column.kind in ("number", "task", "id"):
        return _whole(raw, ref, label, found)
    if column.kind == "tasks":
        numbers = [_whole(part, ref, label, found) for part in re.split(r"[;,]", text_of(raw)) if part.strip()]
        return None if None in numbers else numbers
    if column.kind == "country":
        codes = []
        for name in (part.strip() for part in re.split(r"[;,]", text_of(raw)) if part.strip()):
            code = country_code(name)
            if code is None:
                found.problem(
                    ref,
                    f"{label}: không có nước '{name}' trong danh sách (chọn trong danh sách, nhiều nước cách nhau bằng ;)",
                    f"{label}: no country '{name}' in the list (pick from the list; several separated by ;)",
                )
                return None
            codes.append(code)
        return codes
    choices = {"status": layout.STATUS_LABELS, "kind": layout.KIND_LABELS, "aid": layout.AID_LABELS}[column.kind]
    code = layout.code_of(text_of(raw), column.kind)
    if code is None:
        listed = ", ".join(choices.values())
        found.problem(
            ref,
            f"{label} '{text_of(raw)}' không có trong danh sách ({listed})",
            f"{label} '{text_of(raw)}' is not in the list ({listed})",
        )
    return code


def _date(raw: object, ref: str, label: str, found: Sheets) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = text_of(raw)
    match = _DATE.fullmatch(text)
    if match is not None:
        day, month, year = (match[1], match[2], match[3]) if match[1] else (match[6], match[5], match[4])
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            found.problem(ref, f"{label}: ngày {text} không có thật", f"{label}: {text} is not a real date")
            return None
    found.problem(
        ref,
        f"{label}: '{text}' không phải ngày (viết ngày/tháng/năm, ví dụ 05/10/2020)",
        f"{label}: '{text}' is not a date (write day/month/year, e.g. 05/10/2020)",
    )
    return None


def _whole(raw: object, ref: str, label: str, found: Sheets) -> int | None:
    if isinstance(raw, bool):
        raw = text_of(raw)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    text = text_of(raw)
    if _WHOLE.fullmatch(text):
        return int(re.sub(r"[.,\s]", "", text))
    found.problem(
        ref,
        f"{label}: '{text}' không phải số nguyên (viết chữ số liền nhau, ví dụ 1500000)",
        f"{label}: '{text}' is not a whole number (write the digits alone, e.g. 1500000)",
    )
    return None


def missing_cells(found: Sheets, held: set[int]) -> None:
    """What a filled row still lacks, told at the empty cell: a task's status and results (and its completion
    date once done), a document's task, number, date and title, an activity's kind, content and start; a
    document for a task the sheet reports nothing on, or for a task the agency does not hold."""
    tasks = {row["task"].value: row for row in found.tasks if "task" in row}
    for row in found.tasks:
        wanted = ["status", "summary"] + (["done_on"] if _code(row, "status") == "done" else [])
        _required(found, layout.TASK_COLUMNS, row, wanted)
    for row in found.documents:
        _required(found, layout.DOCUMENT_COLUMNS, row, ["task", "number", "date", "title"])
        task = row.get("task")
        if task is not None and task.value not in tasks:
            found.problem(
                task.ref,
                f"{task.label}: nhiệm vụ {task.value} "
                + ("không có ở sheet Nhiệm vụ" if task.value not in held else "chưa được báo cáo ở sheet Nhiệm vụ")
                + ": điền dòng của nhiệm vụ đó (Tình trạng, Kết quả thực hiện) hoặc xóa văn bản này",
                f"{task.label}: task {task.value} "
                + (
                    "is not on the Nhiệm vụ sheet"
                    if task.value not in held
                    else "is not reported on the Nhiệm vụ sheet"
                )
                + ": fill in that task's row (status, results) or delete this document",
            )
    for row in found.activities:
        kind = _code(row, "kind")
        wanted = ["kind", "title", "start"]
        wanted += ["countries"] if kind in NEEDS_COUNTRIES else []
        wanted += ["partner"] if kind in NEEDS_PARTNER else []
        wanted += ["aid_type", "pledged"] if kind == "aid" else []
        wanted += ["note"] if kind == "other" else []
        _required(found, layout.ACTIVITY_COLUMNS, row, wanted)


def _code(row: dict[str, Value], key: str) -> object:
    value = row.get(key)
    return value.value if value is not None else None


def _required(found: Sheets, columns: tuple[Column, ...], row: dict[str, Value], keys: list[str]) -> None:
    """Each of `keys` the row leaves empty, told at its cell (the row's number from any filled cell)."""
    some = next(iter(row.values()))
    sheet, cell = some.ref.split("!")
    number = int(re.sub(r"[A-Z]", "", cell))
    for index, column in enumerate(columns):
        if column.key in keys and column.key not in row:
            found.problem(
                f"{sheet}!{layout.letter(index)}{number}",
                f"{column.header}: còn trống (bắt buộc với dòng này)",
                f"{column.header}: empty (required in this row)",
            )
