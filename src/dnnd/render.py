"""Everything the CLI draws: rich tables for people, JSON and CSV for other tools. Only the CLI imports this."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from dnnd import export
from dnnd.i18n import Text
from dnnd.repository import Repository
from dnnd.status import TaskView

ENTRY_STATUS_LABELS = {
    "not_started": Text("Chưa bắt đầu", "Not started"),
    "in_progress": Text("Đang thực hiện", "In progress"),
    "done": Text("Đã hoàn thành", "Done"),
    "blocked": Text("Gặp vướng mắc", "Blocked"),
}
KIND_LABELS = {
    "department": Text("Sở, ngành", "Department"),
    "party": Text("Ban của Tỉnh ủy", "Party committee board"),
    "front": Text("Mặt trận", "Fatherland Front"),
    "association": Text("Tổ chức hội", "Association"),
    "press": Text("Báo chí", "Press"),
    "office": Text("Văn phòng", "Office"),
    "council": Text("Hội đồng nhân dân", "People's Council"),
    "local": Text("Chính quyền địa phương", "Local government"),
    "group": Text("Nhóm chung (không báo cáo)", "Group (does not report)"),
    "external": Text("Cơ quan ngoài tỉnh (không báo cáo)", "External body (does not report)"),
}
TITLE_WIDTH = 70


def _out() -> Console:
    return Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


def _err() -> Console:
    return Console(stderr=True, highlight=False, markup=False, emoji=False)


def _write_raw(text: str) -> None:
    """Write machine-readable output as UTF-8 bytes, whatever the console's encoding."""
    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
    else:
        stream.write(text.encode("utf-8"))
        stream.flush()


def _names(repo: Repository, ids: Iterable[str]) -> str:
    return ", ".join(repo.agencies[agency_id].short_name for agency_id in ids)


def _shorten(text: str, width: int = TITLE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def validation_passed(repo: Repository, lang: str) -> None:
    count = len(repo.updates)
    _out().print(Text(
        f"Hợp lệ: {len(repo.tasks)} nhiệm vụ, {len(repo.agencies)} cơ quan, {count} tệp báo cáo; không có lỗi.",
        f"Valid: {len(repo.tasks)} tasks, {len(repo.agencies)} agencies, {count} update files; no problems.",
    ).in_(lang))


def left_out_warning(repo: Repository, lang: str) -> None:
    """Say prominently which update files were left out because they do not validate."""
    if not repo.left_out:
        return
    files = sorted(set(repo.left_out))
    console = _err()
    console.print(RichText(Text(
        f"Cảnh báo: {len(files)} tệp báo cáo có lỗi nên KHÔNG được tính (chạy `dnnd validate` để xem lý do):",
        f"Warning: {len(files)} update file(s) have errors and were LEFT OUT (run `dnnd validate` to see why):",
    ).in_(lang), style="bold yellow"))
    for rel in files:
        console.print(RichText(f"  - {rel}", style="yellow"))


def _latest_text(repo: Repository, view: TaskView, lang: str) -> str:
    lines = []
    for item in view.latest_by_lead():
        label = ENTRY_STATUS_LABELS[item.entry.status].in_(lang)
        lines.append(f"{repo.agencies[item.agency].short_name} {item.period}: {label}")
    return "\n".join(lines) or Text("(chưa có báo cáo)", "(no report yet)").in_(lang)


def status(repo: Repository, views: list[TaskView], fmt: str, lang: str) -> None:
    records = [export.task_record(view) for view in views]
    if fmt == "json":
        _write_raw(export.to_json({"tasks": records}) + "\n")
        return
    if fmt == "csv":
        for record, view in zip(records, views, strict=True):
            record["latest"] = [
                f"{item.agency} {item.period} {item.entry.status}" for item in view.latest_by_lead()
            ]
        _write_raw(export.to_csv(records, ("task", "title", "lead", "support", "timing", "latest")))
        return
    table = Table(title=Text("Tình hình thực hiện kế hoạch", "Plan status").in_(lang), show_lines=True)
    for header in (Text("STT", "No."), Text("Nhiệm vụ", "Task"), Text("Chủ trì", "Lead"),
                   Text("Phối hợp", "Support"), Text("Thời gian", "Timing"),
                   Text("Báo cáo gần nhất của cơ quan chủ trì", "Latest report by the leads")):
        table.add_column(header.in_(lang))
    for view in views:
        task = view.task
        table.add_row(str(task.id), _shorten(task.title), _names(repo, task.lead), _names(repo, task.support),
                      task.timing, _latest_text(repo, view, lang))
    _out().print(table)


def tasks(repo: Repository, views: list[TaskView], fmt: str, lang: str) -> None:
    records = [{key: value for key, value in export.task_record(view).items() if key != "latest"} for view in views]
    if fmt == "json":
        _write_raw(export.to_json({"tasks": records}) + "\n")
        return
    if fmt == "csv":
        _write_raw(export.to_csv(records, ("task", "title", "lead", "support", "timing")))
        return
    table = Table(title=Text("Nhiệm vụ của kế hoạch", "The plan's tasks").in_(lang), show_lines=True)
    for header in (Text("STT", "No."), Text("Nhiệm vụ", "Task"), Text("Chủ trì", "Lead"),
                   Text("Phối hợp", "Support"), Text("Thời gian", "Timing")):
        table.add_column(header.in_(lang))
    for view in views:
        task = view.task
        table.add_row(str(task.id), task.title, _names(repo, task.lead), _names(repo, task.support), task.timing)
    _out().print(table)


def agencies(repo: Repository, fmt: str, lang: str) -> None:
    leads: dict[str, list[int]] = {}
    supports: dict[str, list[int]] = {}
    for task in repo.tasks.values():
        for agency_id in task.lead:
            leads.setdefault(agency_id, []).append(task.id)
        for agency_id in task.support:
            supports.setdefault(agency_id, []).append(task.id)
    records = [
        {"id": agency.id, "name": agency.name, "short_name": agency.short_name, "kind": agency.kind,
         "lead": leads.get(agency.id, []), "support": supports.get(agency.id, [])}
        for agency in repo.agencies.values()
    ]
    if fmt == "json":
        _write_raw(export.to_json({"agencies": records}) + "\n")
        return
    if fmt == "csv":
        _write_raw(export.to_csv(records, ("id", "name", "short_name", "kind", "lead", "support")))
        return
    table = Table(title=Text("Cơ quan, đơn vị", "Agencies").in_(lang))
    for header in (Text("Mã", "Id"), Text("Tên viết tắt", "Short name"), Text("Tên đầy đủ", "Name"),
                   Text("Loại", "Kind"), Text("Chủ trì", "Leads"), Text("Phối hợp", "Supports")):
        table.add_column(header.in_(lang))
    for record in records:
        table.add_row(record["id"], record["short_name"], record["name"], KIND_LABELS[record["kind"]].in_(lang),
                      ", ".join(map(str, record["lead"])), ", ".join(map(str, record["support"])))
    _out().print(table)


def show(repo: Repository, view: TaskView, lang: str) -> None:
    task = view.task
    console = _out()
    console.print(RichText(f"{Text('Nhiệm vụ', 'Task').in_(lang)} {task.id}", style="bold"))
    console.print(task.title)
    for label, value in ((Text("Chủ trì", "Lead"), _names(repo, task.lead)),
                         (Text("Phối hợp", "Support"), _names(repo, task.support)),
                         (Text("Thời gian", "Timing"), task.timing)):
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
            head += f" · {Text('hoàn thành', 'done on').in_(lang)} {entry.done_on.strftime('%d/%m/%Y')}"
        console.print(RichText(head, style="bold"))
        console.print(RichText(f"  {item.rel}", style="dim"))
        console.print(f"  {entry.summary}")
        for label, text in ((Text("Khó khăn, vướng mắc", "Difficulties"), entry.difficulties),
                            (Text("Kiến nghị, đề xuất", "Proposals"), entry.proposals)):
            if text:
                console.print(f"  {label.in_(lang)}: {text}")
        for document in entry.documents:
            console.print(f"  - {document.number} ({document.date.strftime('%d/%m/%Y')}): {document.title}")
        console.print()
