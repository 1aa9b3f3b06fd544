"""`dnnd take FILE.xlsx`: a filled Excel form turned into the agency's update file, the same file it would
have written by hand, checked like every update file before it is written.

The YAML is written line by line from the cells, each line remembering its cell, so that a problem the
usual checks find at a line is told at its cell ('Nhiệm vụ!E7'). Exit 2 when the file is not a form at all
(an .xls or .ods, another kind of file, a form of another plan or for an agency the plan does not have),
exit 1 when its content is wrong; nothing is written then, and an existing update only with --force.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dnnd.authoring.forms import layout
from dnnd.authoring.forms.read_form import Sheets, Value, missing_cells, read_rows, text_of
from dnnd.checks.registry import UpdateChecks, UpdateContext
from dnnd.checks.update_periods import period_problem
from dnnd.errors import DataError, DnndError, Problem, UsageError
from dnnd.evaluate.update_scaffold import SCHEMA_PATH
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.load.layout import UPDATES_DIR
from dnnd.load.update_files import parse_slow
from dnnd.load.yamlio import quoted, text_value
from dnnd.plan.periods import parse_period
from dnnd.repository import Repository


@dataclass(frozen=True)
class Taken:
    """The update file written from a form, and what was ignored on the way (columns a clerk added)."""

    path: Path
    rel: str
    warnings: list[Problem]


def take_form(repo: Repository, source: Path, *, force: bool, today: dt.date) -> Taken:
    """Read the form at `source`, check it as the agency's update file, and write that file."""
    shown = source.name
    book = _open(source, shown)
    meta = _meta(book, shown)
    if meta.get("plan") != repo.plan.id:
        raise UsageError(
            Text(
                f"{shown} là biểu mẫu của kế hoạch '{meta.get('plan')}', không phải của kế hoạch này "
                f"('{repo.plan.id}')",
                f"{shown} is a form of plan '{meta.get('plan')}', not of this one ('{repo.plan.id}')",
            )
        )
    agency_id, quarter = meta.get("agency", ""), parse_period(meta.get("period", ""), "quarter")
    if agency_id not in repo.agencies or quarter is None:
        raise UsageError(
            Text(
                f"{shown}: biểu mẫu cho cơ quan '{agency_id}', kỳ '{meta.get('period')}' mà kế hoạch không có",
                f"{shown}: a form for agency '{agency_id}', period '{meta.get('period')}' the plan does not have",
            )
        )
    rel = f"{UPDATES_DIR}/{agency_id}/{quarter.name}.yaml"
    target = repo.root / rel
    if os.path.lexists(target) and not force:
        raise DnndError(
            Text(
                f"{rel} đã có: không ghi đè (thêm --force để thay bằng nội dung biểu mẫu {shown})",
                f"{rel} exists: not overwritten (add --force to replace it with the form {shown})",
            )
        )
    found = Sheets(shown)
    for name, columns, rows in (
        (layout.TASKS_SHEET, layout.TASK_COLUMNS, found.tasks),
        (layout.DOCUMENTS_SHEET, layout.DOCUMENT_COLUMNS, found.documents),
        (layout.ACTIVITIES_SHEET, layout.ACTIVITY_COLUMNS, found.activities),
    ):
        if name not in book.sheetnames:
            found.problem(name, f"thiếu sheet '{name}' của biểu mẫu", f"the form's sheet '{name}' is missing")
            continue
        rows.extend(read_rows(book[name], columns, found))
    if layout.TASKS_SHEET in book.sheetnames:
        sheet = book[layout.TASKS_SHEET]
        for key, cell in layout.REPORTER_CELLS.items():
            if text_of(sheet[cell].value):
                found.reporter[key] = Value(f"{layout.TASKS_SHEET}!{cell}", key, text_of(sheet[cell].value))
    missing_cells(found, {int(number) for number in meta.get("tasks", "").split(",") if number.isdigit()})
    rerun = f"dnnd take {source.name}"
    if found.problems:
        raise DataError(found.problems, rerun=rerun)
    lines = _update_lines(agency_id, quarter.name, found, shown)
    text = "\n".join(line for line, _ in lines) + "\n"
    problems = _checked(repo, rel, text, lines, shown)
    problem = period_problem(repo.plan, quarter, today)
    if problem is not None:
        problems.append(Problem(shown, None, None, f"{layout.META_SHEET}!period", problem))
    if problems:
        raise DataError(problems, rerun=rerun)
    write_atomic(target, text.encode("utf-8"), root=repo.root)
    return Taken(target, rel, found.warnings)


def _open(source: Path, shown: str) -> Any:
    """The workbook, or a usage error saying what the file is instead."""
    suffix = source.suffix.lower()
    if suffix in (".xls", ".ods", ".csv"):
        raise UsageError(
            Text(
                f"{shown}: dnnd đọc tệp Excel .xlsx; mở tệp rồi 'Lưu thành' (Save As) dạng Excel Workbook (.xlsx)",
                f"{shown}: dnnd reads Excel .xlsx files; open it and 'Save As' an Excel Workbook (.xlsx)",
            )
        )
    try:
        size = source.stat().st_size
    except OSError:
        raise UsageError(Text(f"không đọc được tệp {shown}", f"cannot read {shown}")) from None
    if size > layout.MAX_WORKBOOK_BYTES or not zipfile.is_zipfile(source):
        raise UsageError(
            Text(
                f"{shown} không phải biểu mẫu Excel (.xlsx) của dnnd",
                f"{shown} is not a dnnd Excel form (.xlsx)",
            )
        )
    from openpyxl import load_workbook

    try:
        return load_workbook(source, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged package: all mean "not a workbook"
        raise UsageError(
            Text(f"{shown} không mở được như một tệp Excel .xlsx", f"{shown} does not open as an Excel .xlsx file")
        ) from None


def _meta(book: Any, shown: str) -> dict[str, str]:
    if layout.META_SHEET not in book.sheetnames:
        raise UsageError(
            Text(
                f"{shown} không phải biểu mẫu do `dnnd form` tạo (thiếu sheet ẩn '{layout.META_SHEET}')",
                f"{shown} is not a form written by `dnnd form` (its hidden sheet '{layout.META_SHEET}' is missing)",
            )
        )
    sheet = book[layout.META_SHEET]
    meta = {text_of(row[0].value): text_of(row[1].value) for row in sheet.iter_rows(max_col=2) if row[0].value}
    if meta.get("format") != layout.FORMAT:
        raise UsageError(
            Text(
                f"{shown}: biểu mẫu dạng '{meta.get('format')}' mà bản dnnd này không đọc được; tạo lại bằng `dnnd form`",
                f"{shown}: a form of kind '{meta.get('format')}' this dnnd cannot read; write a new one with `dnnd form`",
            )
        )
    return meta


Line = tuple[str, Value | None]
_CODES = frozenset({"status", "kind", "aid_type"})


def _update_lines(agency_id: str, period: str, found: Sheets, shown: str) -> list[Line]:
    """The update file's lines, each with the cell it came from."""
    lines: list[Line] = [
        (f"# yaml-language-server: $schema=../../../{SCHEMA_PATH}", None),
        (f"# Chuyển từ biểu mẫu Excel {quoted(shown)} bằng `dnnd take`.", None),
        (f"agency: {agency_id}", None),
        (f"period: {period}", None),
    ]
    if found.reporter:
        lines.append(("reporter:", None))
        lines += [(f"  {key}: {quoted(value.value)}", value) for key, value in found.reporter.items()]
    documents: dict[int, list[dict[str, Value]]] = {}
    for row in found.documents:
        task = row.get("task")
        documents.setdefault(task.value if task else 0, []).append(row)
    lines.append(("entries:" if found.tasks else "entries: []", None))
    for row in found.tasks:
        task = row["task"]
        lines.append((f"  - task: {task.value}", task))
        for key in ("status", "done_on", "summary", "difficulties", "proposals"):
            if key in row:
                lines += _field(key, row[key], 4)
        lines += _documents(documents.pop(task.value, []), 4)
    for task_id, rows in documents.items():  # documents of a task the sheet has no row for
        ref = rows[0].get("task") or next(iter(rows[0].values()))
        lines.append((f"  - task: {task_id}", ref))
        lines += _documents(rows, 4)
    if found.activities:
        lines.append(("activities:", None))
        for row in found.activities:
            lines += _activity(row)
    return lines


def _field(key: str, value: Value, indent: int, first: bool = False) -> list[Line]:
    """`key: value` at `indent` (after a '- ' when `first`), its continuation lines pointing at the same cell."""
    lead = " " * (indent - 2) + "- " if first else " " * indent
    data = value.value
    if isinstance(data, dt.date):
        written = [data.isoformat()]
    elif isinstance(data, int):
        written = [str(data)]
    elif isinstance(data, list):
        written = ["[" + ", ".join(str(item) for item in data) + "]"]
    elif key in _CODES:
        written = [str(data)]  # a code from the form's lists: plain words, safe as they are
    elif "\n" in str(data):
        written = text_value(str(data), indent + 2)
    else:
        written = [quoted(str(data))]
    return [(f"{lead}{key}: {written[0]}", value), *((line, value) for line in written[1:])]


def _documents(rows: list[dict[str, Value]], indent: int) -> list[Line]:
    if not rows:
        return []
    lines: list[Line] = [(" " * indent + "documents:", None)]
    for row in rows:
        items = [(key, row[key]) for key in ("number", "date", "title") if key in row]
        if not items:
            continue
        for position, (key, value) in enumerate(items):
            lines += _field(key, value, indent + 4, first=position == 0)
    return lines


def _activity(row: dict[str, Value]) -> list[Line]:
    lines: list[Line] = []
    first = True
    for key in ("kind", "title", "start", "end", "countries", "partner", "people", "count", "ref", "tasks", "note"):
        if key in row:
            lines += _field(key, row[key], 4, first=first)
            first = False
    if "aid_type" in row:
        lines += _field("aid_type", row["aid_type"], 4, first=first)
        first = False
    currency = row.get("currency")
    for key in ("pledged", "disbursed"):
        if key in row:
            amount = row[key]
            lines.append((f"    {key}:" if not first else f"  - {key}:", amount))
            lines.append((f"      amount: {amount.value}", amount))
            lines.append((f"      currency: {quoted(currency.value if currency else 'VND')}", currency or amount))
            first = False
    return lines


def _checked(repo: Repository, rel: str, text: str, lines: list[Line], shown: str) -> list[Problem]:
    """The update file's problems, as every update file is checked, each told at the cell of its line."""
    context = UpdateContext(repo.plan, repo.agencies, repo.tasks, repo.schedules, repo.locks)
    checks = UpdateChecks(context)
    try:
        update, doc = parse_slow(text.encode("utf-8"), rel, checks)
        problems = checks.of_record(update, doc, rel)
    except DataError as error:
        problems = error.problems
    return [_at_cell(problem, lines, shown) for problem in problems]


def _at_cell(problem: Problem, lines: list[Line], shown: str) -> Problem:
    """A problem of the YAML text told at the cell its line came from (the nearest cell above it)."""
    cell = None
    if problem.line is not None:
        for _, value in reversed(lines[: problem.line]):
            if value is not None:
                cell = value
                break
    if cell is None:
        return Problem(shown, None, None, problem.field, problem.message)
    message = Text(f"{cell.label}: {problem.message.vi}", f"{cell.label}: {problem.message.en}")
    return Problem(shown, None, None, cell.ref, message)
