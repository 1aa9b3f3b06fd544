"""Everything the CLI draws: rich tables for people, JSON and CSV for other tools. Only the CLI imports this."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from dnnd import export
from dnnd.i18n import Text
from dnnd.labels import ENTRY_STATUS_LABELS, KIND_LABELS, TASK_STATUS_LABELS, summary_line
from dnnd.repository import Repository
from dnnd.status import StatusReport, TaskView

STATUS_STYLES = {
    "done_on_time": "green",
    "done_late": "green",
    "done": "green",
    "in_progress": "yellow",
    "overdue": "bold red",
    "ongoing": "cyan",
    "waiting": "dim",
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
    _out().print(
        Text(
            f"Hợp lệ: {len(repo.tasks)} nhiệm vụ, {len(repo.agencies)} cơ quan, {count} tệp báo cáo; không có lỗi.",
            f"Valid: {len(repo.tasks)} tasks, {len(repo.agencies)} agencies, {count} update files; no problems.",
        ).in_(lang)
    )


def left_out_warning(repo: Repository, lang: str) -> None:
    """Say prominently which update files were left out because they do not validate."""
    if not repo.left_out:
        return
    files = sorted(set(repo.left_out))
    console = _err()
    console.print(
        RichText(
            Text(
                f"Cảnh báo: {len(files)} tệp báo cáo có lỗi nên KHÔNG được tính (chạy `dnnd validate` để xem lý do):",
                f"Warning: {len(files)} update file(s) have errors and were LEFT OUT (run `dnnd validate` to see why):",
            ).in_(lang),
            style="bold yellow",
        )
    )
    for rel in files:
        console.print(RichText(f"  - {rel}", style="yellow"))


def _latest_text(repo: Repository, view: TaskView, lang: str) -> str:
    lines = []
    for item in view.latest_by_lead():
        label = ENTRY_STATUS_LABELS[item.entry.status].in_(lang)
        lines.append(f"{repo.agencies[item.agency].short_name} {item.period}: {label}")
    return "\n".join(lines) or Text("(chưa có báo cáo)", "(no report yet)").in_(lang)


def _date(value: object) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else ""


def status(repo: Repository, report: StatusReport, fmt: str, lang: str) -> None:
    document = export.status_document(report)
    if fmt == "json":
        _write_raw(export.to_json(document) + "\n")
        return
    if fmt == "csv":
        _write_raw(export.to_csv(document["tasks"], export.STATUS_FIELDS))
        return
    evaluation = report.evaluation
    title = Text(
        f"Tình hình thực hiện kế hoạch — kỳ {evaluation.period.name} (số liệu {_date(evaluation.window.start)}–"
        f"{_date(evaluation.window.end)}), tính đến ngày {_date(evaluation.as_of)}",
        f"Plan status — period {evaluation.period.name} (data {_date(evaluation.window.start)}–"
        f"{_date(evaluation.window.end)}), as of {_date(evaluation.as_of)}",
    )
    table = Table(title=title.in_(lang), show_lines=True)
    for header in (
        Text("STT", "No."),
        Text("Nhiệm vụ", "Task"),
        Text("Chủ trì", "Lead"),
        Text("Phối hợp", "Support"),
        Text("Thời gian", "Timing"),
        Text("Hạn", "Due"),
        Text("Tình trạng", "Status"),
        Text("Chưa báo cáo", "Not reported"),
        Text("Báo cáo gần nhất (chủ trì)", "Latest report (leads)"),
    ):
        table.add_column(header.in_(lang))
    for view in report.views:
        task, result = view.task, report.results[view.task.id]
        label = TASK_STATUS_LABELS[result.status].in_(lang)
        if result.done_on is not None:
            label += f"\n({_date(result.done_on)})"
        missing = [agency for agency, state in result.reports.items() if state == "missing"]
        table.add_row(
            str(task.id),
            _shorten(task.title, 50),
            _names(repo, task.lead),
            _names(repo, task.support),
            task.timing,
            _date(result.due),
            RichText(label, style=STATUS_STYLES[result.status]),
            RichText(_names(repo, missing), style="red"),
            _latest_text(repo, view, lang),
        )
    console = _out()
    console.print(table)
    console.print(summary_line(report.counts()).in_(lang))


def missing(repo: Repository, report: StatusReport, fmt: str, lang: str) -> None:
    order = {agency_id: index for index, agency_id in enumerate(repo.agencies)}
    items = sorted(report.evaluation.missing, key=lambda item: (order[item.agency], item.quarter))
    records: list[dict[str, Any]] = [
        {
            "agency": item.agency,
            "name": repo.agencies[item.agency].name,
            "period": item.quarter.name,
            "tasks": list(item.tasks),
        }
        for item in items
    ]
    evaluation = report.evaluation
    if fmt == "json":
        _write_raw(
            export.to_json(
                {
                    "period": evaluation.period.name,
                    "window": {"start": evaluation.window.start, "end": evaluation.window.end},
                    "as_of": evaluation.as_of,
                    "missing": records,
                }
            )
            + "\n"
        )
        return
    if fmt == "csv":
        _write_raw(export.to_csv(records, ("agency", "name", "period", "tasks")))
        return
    console = _out()
    if not records:
        console.print(
            Text(
                f"Kỳ {evaluation.period.name}: mọi cơ quan đã báo cáo đủ.",
                f"Period {evaluation.period.name}: every agency has reported.",
            ).in_(lang)
        )
        return
    table = Table(
        title=Text(
            f"Cơ quan chưa báo cáo — kỳ {evaluation.period.name}, tính đến ngày {_date(evaluation.as_of)}",
            f"Agencies that have not reported — {evaluation.period.name}, as of {_date(evaluation.as_of)}",
        ).in_(lang),
        show_lines=True,
    )
    for header in (Text("Cơ quan", "Agency"), Text("Quý", "Quarter"), Text("Nhiệm vụ chưa báo cáo", "Tasks")):
        table.add_column(header.in_(lang))
    for record in records:
        agency = repo.agencies[record["agency"]]
        table.add_row(
            f"{agency.name} ({agency.short_name})",
            record["period"],
            ", ".join(str(number) for number in record["tasks"]),
        )
    console.print(table)
    console.print(
        Text(
            f"{len({r['agency'] for r in records})} cơ quan chưa báo cáo đủ.",
            f"{len({r['agency'] for r in records})} agencies have not fully reported.",
        ).in_(lang)
    )


def tasks(repo: Repository, views: list[TaskView], fmt: str, lang: str) -> None:
    records = [export.task_record(view.task) for view in views]
    if fmt == "json":
        _write_raw(export.to_json({"tasks": records}) + "\n")
        return
    if fmt == "csv":
        _write_raw(export.to_csv(records, ("task", "title", "lead", "support", "timing")))
        return
    table = Table(title=Text("Nhiệm vụ của kế hoạch", "The plan's tasks").in_(lang), show_lines=True)
    for header in (
        Text("STT", "No."),
        Text("Nhiệm vụ", "Task"),
        Text("Chủ trì", "Lead"),
        Text("Phối hợp", "Support"),
        Text("Thời gian", "Timing"),
    ):
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
    records: list[dict[str, Any]] = [
        {
            "id": agency.id,
            "name": agency.name,
            "short_name": agency.short_name,
            "kind": agency.kind,
            "lead": leads.get(agency.id, []),
            "support": supports.get(agency.id, []),
        }
        for agency in repo.agencies.values()
    ]
    if fmt == "json":
        _write_raw(export.to_json({"agencies": records}) + "\n")
        return
    if fmt == "csv":
        _write_raw(export.to_csv(records, ("id", "name", "short_name", "kind", "lead", "support")))
        return
    table = Table(title=Text("Cơ quan, đơn vị", "Agencies").in_(lang))
    for header in (
        Text("Mã", "Id"),
        Text("Tên viết tắt", "Short name"),
        Text("Tên đầy đủ", "Name"),
        Text("Loại", "Kind"),
        Text("Chủ trì", "Leads"),
        Text("Phối hợp", "Supports"),
    ):
        table.add_column(header.in_(lang))
    for record in records:
        table.add_row(
            record["id"],
            record["short_name"],
            record["name"],
            KIND_LABELS[record["kind"]].in_(lang),
            ", ".join(map(str, record["lead"])),
            ", ".join(map(str, record["support"])),
        )
    _out().print(table)


def show(repo: Repository, view: TaskView, lang: str) -> None:
    task = view.task
    console = _out()
    console.print(RichText(f"{Text('Nhiệm vụ', 'Task').in_(lang)} {task.id}", style="bold"))
    console.print(task.title)
    for label, value in (
        (Text("Chủ trì", "Lead"), _names(repo, task.lead)),
        (Text("Phối hợp", "Support"), _names(repo, task.support)),
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
            head += f" · {Text('hoàn thành', 'done on').in_(lang)} {entry.done_on.strftime('%d/%m/%Y')}"
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
            console.print(f"  - {document.number} ({document.date.strftime('%d/%m/%Y')}): {document.title}")
        console.print()


def written(paths: list[Path], lang: str) -> None:
    console = _out()
    for path in paths:
        console.print(Text(f"Đã ghi {path}", f"Wrote {path}").in_(lang))


def nobody_missing(period: str, lang: str) -> None:
    _out().print(
        Text(
            f"Kỳ {period}: không có cơ quan nào chưa báo cáo, nên không cần công văn đôn đốc.",
            f"Period {period}: every agency has reported, so no reminder letter is needed.",
        ).in_(lang)
    )
