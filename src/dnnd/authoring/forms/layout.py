"""The Excel form's layout, shared by `dnnd form` (which writes it) and `dnnd take` (which reads it back): the
sheets, their columns and rows, the labels clerks pick from drop-downs and the codes they stand for.

No spreadsheet library is imported here: the layout is plain data, and matching a clerk's word to a code
ignores case, spacing and diacritics ('đã hoàn thành', 'Da hoan thanh').
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from dnnd.i18n import Text
from dnnd.plan.countries import country_name, iso_countries
from dnnd.plan.vocabulary import (
    ACTIVITY_KIND_LIST,
    AID_TYPE_LABELS,
    ENTRY_STATUS_LABELS,
    code_named,
    folded,
)

FORMAT = "dnnd-form-1"
TASKS_SHEET = "Nhiệm vụ"
DOCUMENTS_SHEET = "Văn bản"
ACTIVITIES_SHEET = "Hoạt động"
GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
META_SHEET = "dnnd"

# who wrote the report: the cells to fill, and the labels beside them (right-aligned, reading into the left)
REPORTER_CELLS = {"name": "G3", "title": "I3", "phone": "G4"}
REPORTER_LABELS = {"F3": "Người lập báo cáo:", "H3": "Chức vụ:", "F4": "Điện thoại:"}
HEADER_ROW = 5
FIRST_ROW = 6
DOCUMENT_ROWS = 40  # rows made ready (drop-downs, formats) below the header; more may be added
ACTIVITY_ROWS = 60
MAX_WORKBOOK_BYTES = 20_000_000  # a filled form is tens of kilobytes; more is not a form


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its key in the update file, its header, its width (characters), what a cell of it
    holds (fixed: text written by dnnd, read-only; id: the task's number, the same), and whether it wraps."""

    key: str
    header: str
    width: float
    kind: str
    wrap: bool = False

    @property
    def written_by_dnnd(self) -> bool:
        return self.kind in ("fixed", "id")


TASK_COLUMNS = (
    Column("task", "STT", 5, "id"),
    Column("title", "Nhiệm vụ", 36, "fixed", wrap=True),
    Column("role", "Vai trò", 9, "fixed"),
    Column("timing", "Thời hạn", 14, "fixed", wrap=True),
    Column("status", "Tình trạng", 15, "status"),
    Column("done_on", "Ngày hoàn thành", 12, "date"),
    Column("summary", "Kết quả thực hiện", 36, "text", wrap=True),
    Column("difficulties", "Khó khăn, vướng mắc", 22, "text", wrap=True),
    Column("proposals", "Kiến nghị, đề xuất", 22, "text", wrap=True),
)
DOCUMENT_COLUMNS = (
    Column("task", "Nhiệm vụ (STT)", 12, "task"),
    Column("number", "Số, ký hiệu văn bản", 22, "text"),
    Column("date", "Ngày ban hành", 14, "date"),
    Column("title", "Trích yếu", 70, "text", wrap=True),
)
ACTIVITY_COLUMNS = (
    Column("kind", "Loại hoạt động", 20, "kind"),
    Column("title", "Nội dung", 40, "text", wrap=True),
    Column("start", "Từ ngày", 12, "date"),
    Column("end", "Đến ngày", 12, "date"),
    Column("countries", "Nước (nhiều nước: cách nhau bằng dấu ;)", 22, "country", wrap=True),
    Column("partner", "Đối tác nước ngoài", 24, "text", wrap=True),
    Column("people", "Số người", 9, "number"),
    Column("count", "Số tin, bài", 9, "number"),
    Column("ref", "Số văn bản cho phép, tổ chức", 18, "text"),
    Column("tasks", "Phục vụ nhiệm vụ (STT)", 12, "tasks"),
    Column("aid_type", "Loại viện trợ", 16, "aid"),
    Column("pledged", "Cam kết (số tiền)", 16, "number"),
    Column("disbursed", "Giải ngân trong kỳ (số tiền)", 16, "number"),
    Column("currency", "Loại tiền", 9, "currency"),
    Column("note", "Ghi chú", 24, "text", wrap=True),
)
CURRENCIES = ("VND", "USD", "EUR", "JPY", "KRW", "CNY", "GBP", "AUD", "CAD", "CHF", "SGD", "THB", "RUB", "LAK", "KHR")


def letter(index: int) -> str:
    """The column letter of the `index`-th column (0-based): A … Z, AA …"""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


fold = folded  # words are compared as the vocabulary compares them: no case, no diacritics, single spaces

STATUS_LABELS = {code: label.vi for code, label in ENTRY_STATUS_LABELS.items()}
KIND_LABELS = {kind.code: kind.label.vi for kind in ACTIVITY_KIND_LIST}
AID_LABELS = {code: label.vi for code, label in AID_TYPE_LABELS.items()}
_CHOICES: dict[str, tuple[Mapping[str, Text], Mapping[str, str] | None]] = {
    "status": (ENTRY_STATUS_LABELS, None),  # the drop-down's words only: 'Đã xong' is not in the list
    "kind": ({kind.code: kind.label for kind in ACTIVITY_KIND_LIST}, None),
    "aid": (AID_TYPE_LABELS, None),
}


def code_of(text: str, kind: str) -> str | None:
    """The code a clerk's word in a column of `kind` (status, kind, aid) stands for: its label (Vietnamese or
    English) or the code itself, in any case, with or without diacritics."""
    labels, words = _CHOICES[kind]
    return code_named(text, labels, words)


@functools.cache
def country_choices() -> list[str]:
    """The countries of the drop-down: the Vietnamese name where dnnd has a source for it, else the ISO
    English name, in Vietnamese alphabetical order of what is shown."""
    return sorted((country_name(code).name for code in iso_countries()), key=fold)
