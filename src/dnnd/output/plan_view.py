"""`dnnd tasks`, `dnnd agencies` and `dnnd show`: the plan itself, and one task with every update on it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from dnnd.evaluate.task_views import TaskView
from dnnd.i18n import Text
from dnnd.output.console import out
from dnnd.plan.models import Task
from dnnd.plan.vietnamese import dmy, dmy_or_blank
from dnnd.plan.vocabulary import ENTRY_STATUS_LABELS, KIND_LABELS
from dnnd.repository import Repository

TASK_FIELDS = ("task", "title", "lead", "support", "timing")


def agency_names(repo: Repository, ids: Iterable[str]) -> str:
    """The agencies' short names, as tables show them."""
    return ", ".join(repo.agencies[agency_id].short_name for agency_id in ids)


def task_record(task: Task) -> dict[str, Any]:
    """The contract fields of one task."""
    return {
        "task": task.id,
        "title": task.title,
        "lead": list(task.lead),
        "support": list(task.support),
        "timing": task.timing,
    }


class TasksOutput(NamedTuple):
    """`dnnd tasks`: the plan's tasks with their agencies and timing."""

    repo: Repository
    views: list[TaskView]

    def document(self) -> dict[str, Any]:
        return {"tasks": [task_record(view.task) for view in self.views]}

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return TASK_FIELDS, self.document()["tasks"]

    def notices(self, lang: str) -> list[str]:
        return []

    def print_table(self, lang: str) -> None:
        from rich.table import Table

        table = Table(title=Text("Nhiệm vụ của kế hoạch", "The plan's tasks").in_(lang), show_lines=True)
        for header in (
            Text("STT", "No."),
            Text("Nhiệm vụ", "Task"),
            Text("Chủ trì", "Lead"),
            Text("Phối hợp", "Support"),
            Text("Thời gian", "Timing"),
        ):
            table.add_column(header.in_(lang))
        for view in self.views:
            task = view.task
            lead, support = agency_names(self.repo, task.lead), agency_names(self.repo, task.support)
            table.add_row(str(task.id), task.title, lead, support, task.timing)
        out().print(table)


class AgenciesOutput(NamedTuple):
    """`dnnd agencies`: the registry on a day, with the tasks each agency holds, its other names, its
    predecessors and, for one no longer in force, its successors."""

    records: list[dict[str, Any]]

    def document(self) -> dict[str, Any]:
        return {"agencies": self.records}

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return (tuple(self.records[0]) if self.records else ("id",)), self.records

    def notices(self, lang: str) -> list[str]:
        return []

    def print_table(self, lang: str) -> None:
        from rich.table import Table

        table = Table(title=Text("Cơ quan, đơn vị", "Agencies").in_(lang), show_lines=True)
        for header in (
            Text("Mã", "Id"),
            Text("Tên viết tắt", "Short name"),
            Text("Tên đầy đủ", "Name"),
            Text("Loại", "Kind"),
            Text("Chủ trì", "Leads"),
            Text("Phối hợp", "Supports"),
            Text("Thời gian hoạt động", "In force"),
            Text("Tiền thân, tên khác", "Predecessors, other names"),
        ):
            table.add_column(header.in_(lang))
        for record in self.records:
            table.add_row(
                record["id"],
                record["short_name"],
                record["name"],
                KIND_LABELS[record["kind"]].in_(lang),
                ", ".join(map(str, record["lead"])),
                ", ".join(map(str, record["support"])),
                _in_force(record, lang),
                "\n".join(
                    [
                        *(
                            Text(f"tiền thân: {name}", f"predecessor: {name}").in_(lang)
                            for name in record["predecessors"]
                        ),
                        *(Text(f"tên khác: {name}", f"also: {name}").in_(lang) for name in record["aliases"]),
                    ]
                ),
            )
        out().print(table)


def _in_force(record: dict[str, Any], lang: str) -> str:
    """'01/03/2025 – …', or for an agency no longer in force: 'đã giải thể/sáp nhập từ 01/03/2025, chuyển cho …'."""
    since, until = record["since"], record["until"]
    span = "" if since is None and until is None else f"{dmy_or_blank(since) or '…'} – {dmy_or_blank(until) or '…'}"
    if record["state"] == "ended":
        heirs = "; ".join(record["successors"])
        ended = Text(
            f"đã giải thể/sáp nhập sau ngày {dmy_or_blank(until)}" + (f", chuyển cho: {heirs}" if heirs else ""),
            f"dissolved or merged after {dmy_or_blank(until)}" + (f", duties to: {heirs}" if heirs else ""),
        )
        return f"{span}\n{ended.in_(lang)}"
    if record["state"] == "not_yet":
        return f"{span}\n" + Text("chưa hoạt động", "not yet in force").in_(lang)
    return span


def show(repo: Repository, view: TaskView, lang: str) -> None:
    """One task in full, then every entry on it, newest first."""
    from rich.text import Text as RichText

    task = view.task
    console = out()
    console.print(RichText(f"{Text('Nhiệm vụ', 'Task').in_(lang)} {task.id}", style="bold"))
    console.print(task.title)
    for label, value in (
        (Text("Chủ trì", "Lead"), agency_names(repo, task.lead)),
        (Text("Phối hợp", "Support"), agency_names(repo, task.support)),
        (Text("Thời gian", "Timing"), task.timing),
    ):
        console.print(f"{label.in_(lang)}: {value}")
    console.print()
    if not view.entries:
        console.print(Text("Chưa có báo cáo nào về nhiệm vụ này.", "No update reports on this task yet.").in_(lang))
        return
    for item in view.entries:
        entry = item.entry
        agency = repo.agencies[item.agency]
        head = f"{item.period} · {agency.name} ({agency.short_name}) · {ENTRY_STATUS_LABELS[entry.status].in_(lang)}"
        if entry.done_on:
            head += f" · {Text('hoàn thành', 'done on').in_(lang)} {dmy(entry.done_on)}"
        console.print(RichText(head, style="bold"))
        console.print(RichText(f"  {item.rel}", style="dim"))
        console.print(f"  {entry.summary}")
        for label, text in (
            (Text("Khó khăn, vướng mắc", "Difficulties"), entry.difficulties),
            (Text("Kiến nghị, đề xuất", "Proposals"), entry.proposals),
        ):
            if text:
                console.print(f"  {label.in_(lang)}: {text}")
        for document in entry.documents:
            console.print(f"  - {document.number} ({dmy(document.date)}): {document.title}")
        console.print()
