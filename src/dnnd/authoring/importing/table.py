"""The plan's task table, wherever it is: columns found by their header words, rows cleaned of debris."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dnnd.authoring.importing.agency_names import name_key
from dnnd.authoring.importing.source import Block, TableBlock

COLUMNS = {
    "number": ("stt", "tt", "số tt", "số thứ tự"),
    "title": ("nhiệm vụ", "nội dung", "nội dung công việc", "nhiệm vụ, giải pháp"),
    "lead": ("chủ trì",),
    "support": ("phối hợp",),
    "timing": ("thời gian", "thời hạn", "tiến độ"),
}
_ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.?$")


@dataclass
class RawTask:
    number: str
    title: str
    lead: str
    support: str
    timing: str
    where: str
    section: str | None = None
    notes: dict[str, str] = field(default_factory=dict)


@dataclass
class TaskTable:
    tasks: list[RawTask] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _column_of(header: str) -> str | None:
    key = name_key(header)
    for column, words in COLUMNS.items():
        if column == "number" and key in words:
            return column
        if column != "number" and any(word in key for word in words):
            return column
    return None


def _header_map(row: list[str]) -> dict[str, int] | None:
    """Column name -> index when `row` is the task table's header row."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        column = _column_of(cell)
        if column is not None and column not in found:
            found[column] = index
    return found if set(found) == set(COLUMNS) else None


def _flat(text: str, joiner: str) -> str:
    return joiner.join(part.strip() for part in text.split("\n") if part.strip())


def _is_numbering_row(row: list[str]) -> bool:
    """The '(1) (2) (3)' row that Vietnamese tables often carry under the header."""
    cells = [cell for cell in row if cell.strip()]
    return bool(cells) and all(re.fullmatch(r"\(?\d{1,2}\)?", cell.strip()) for cell in cells)


def read_task_table(blocks: list[Block]) -> TaskTable | None:
    """The tasks of the first table with STT, nhiệm vụ, chủ trì, phối hợp and thời gian columns, and its continuations."""
    result = TaskTable()
    columns: dict[str, int] | None = None
    header: list[str] | None = None
    section: str | None = None
    for block in blocks:
        if not isinstance(block, TableBlock):
            continue
        for row, where in zip(block.rows, block.where, strict=True):
            mapped = _header_map(row)
            if mapped is not None:
                if columns is None:
                    columns, header = mapped, row
                    result.extra_columns = [
                        cell
                        for index, cell in enumerate(row)
                        if cell.strip() and index not in mapped.values() and cell not in row[:index]
                    ]
                    if result.extra_columns:
                        result.warnings.append(
                            f"{where}: bảng có thêm cột {', '.join(result.extra_columns)}: "
                            "nội dung được giữ trong notes của nhiệm vụ"
                        )
                continue
            if columns is None or header is None or len(row) < len(header) or _is_numbering_row(row):
                continue
            section = _read_row(row, where, columns, header, section, result)
    return result if columns is not None else None


def _read_row(
    row: list[str], where: str, columns: dict[str, int], header: list[str], section: str | None, result: TaskTable
) -> str | None:
    cells = {name: row[index] for name, index in columns.items()}
    number = _flat(cells["number"], " ").rstrip(".")
    if name_key(number) in COLUMNS["number"]:
        return section  # a header row repeated on a new page, or the upper row of a two-row header
    content = [cell for name, cell in cells.items() if name != "number" and cell.strip()]
    if not number and not content:
        return section
    distinct = {cell.strip() for cell in row if cell.strip()}
    if _ROMAN.match(number) or re.fullmatch(r"[A-Z]\.?", number) or (len(distinct) == 1 and len(row) > 2):
        title = _flat(cells["title"], " ")
        heading = number if not title or title == number else f"{number}. {title}" if number else title
        return heading.strip()
    if not number and result.tasks:
        previous = result.tasks[-1]
        result.warnings.append(f"{where}: dòng không có STT, được nối vào nhiệm vụ {previous.number}")
        previous.title = " ".join(filter(None, (previous.title, _flat(cells["title"], " "))))
        previous.lead = "; ".join(filter(None, (previous.lead, _flat(cells["lead"], "; "))))
        previous.support = "; ".join(filter(None, (previous.support, _flat(cells["support"], "; "))))
        previous.timing = " ".join(filter(None, (previous.timing, _flat(cells["timing"], " "))))
        return section
    notes = {
        header[index]: _flat(row[index], " ")
        for index in range(len(header))
        if header[index] in result.extra_columns and row[index].strip()
    }
    result.tasks.append(
        RawTask(
            number,
            _flat(cells["title"], " "),
            _flat(cells["lead"], "; "),
            _flat(cells["support"], "; "),
            _flat(cells["timing"], " "),
            where,
            section,
            notes,
        )
    )
    return section
