"""Everything the CLI draws: rich tables for people, JSON and CSV for other tools. Only the CLI imports this."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dnnd.evaluate.status_report import StatusReport, TaskView
from dnnd.i18n import Text
from dnnd.output import records as export
from dnnd.plan.vietnamese import dmy, dmy_or_blank
from dnnd.plan.vocabulary import ENTRY_STATUS_LABELS, KIND_LABELS, STATUS_STYLES, TASK_STATUS_LABELS, summary_line
from dnnd.repository import Repository

if TYPE_CHECKING:
    from rich.console import Console

    from dnnd.workflow.history import Submission

TITLE_WIDTH = 70
WIDE_TABLE = 140


def out() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


def err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False, emoji=False)


def write_raw(text: str) -> None:
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


def shorten(text: str, width: int = TITLE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def left_out_warning(repo: Repository, lang: str) -> None:
    """Say prominently which update files were left out because they do not validate."""
    if not repo.left_out:
        return
    from rich.text import Text as RichText

    files = sorted(set(repo.left_out))
    console = err()
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


def _late_records(late: list[Submission]) -> list[dict[str, Any]]:
    return [
        {
            "agency": item.agency,
            "period": item.quarter.name,
            "file": item.rel,
            "reached_main": item.first.when.isoformat(),
            "due": item.due,
        }
        for item in late
    ]


def _late_lines(repo: Repository, late: list[Submission] | None, lang: str) -> None:
    from rich.text import Text as RichText

    if late is None:
        return
    console = out()
    if not late:
        console.print(Text("Không có báo cáo nào gửi muộn.", "No update was submitted late.").in_(lang))
        return
    console.print(RichText(Text("Báo cáo gửi muộn:", "Late submissions:").in_(lang), style="bold red"))
    for item in late:
        console.print(
            Text(
                f"  - {repo.agencies[item.agency].name}, {item.quarter.name}: vào nhánh chính ngày "
                f"{dmy_or_blank(item.reached_on)}, hạn {dmy_or_blank(item.due)}",
                f"  - {repo.agencies[item.agency].name}, {item.quarter.name}: reached main on {dmy_or_blank(item.reached_on)}, "
                f"due {dmy_or_blank(item.due)}",
            ).in_(lang)
        )


def status(repo: Repository, report: StatusReport, fmt: str, lang: str, late: list[Submission] | None = None) -> None:
    document = export.status_document(report)
    if late is not None:
        document["late_submissions"] = _late_records(late)
    if fmt == "json":
        write_raw(export.to_json(document) + "\n")
        return
    if fmt == "csv":
        write_raw(export.to_csv(document["tasks"], export.STATUS_FIELDS))
        return
    from rich.table import Table  # only for people: JSON and CSV do without rich's start-up
    from rich.text import Text as RichText

    evaluation = report.evaluation
    title = Text(
        f"Tình hình thực hiện kế hoạch — kỳ {evaluation.period.name} (số liệu {dmy_or_blank(evaluation.window.start)}–"
        f"{dmy_or_blank(evaluation.window.end)}), tính đến ngày {dmy_or_blank(evaluation.as_of)}",
        f"Plan status — period {evaluation.period.name} (data {dmy_or_blank(evaluation.window.start)}–"
        f"{dmy_or_blank(evaluation.window.end)}), as of {dmy_or_blank(evaluation.as_of)}",
    )
    console = out()
    wide = console.width >= WIDE_TABLE  # on a narrow terminal, leave out the columns that matter least
    columns = [
        (Text("STT", "No."), True),
        (Text("Nhiệm vụ", "Task"), True),
        (Text("Chủ trì", "Lead"), True),
        (Text("Phối hợp", "Support"), wide),
        (Text("Thời gian", "Timing"), True),
        (Text("Hạn", "Due"), True),
        (Text("Tình trạng", "Status"), True),
        (Text("Chưa báo cáo", "Not reported"), True),
        (Text("Báo cáo gần nhất (chủ trì)", "Latest report (leads)"), wide),
    ]
    table = Table(title=title.in_(lang), show_lines=True)
    for header, shown in columns:
        if shown:
            table.add_column(header.in_(lang), no_wrap=header.en == "Due")
    for view in report.views:
        task, result = view.task, report.results[view.task.id]
        label = TASK_STATUS_LABELS[result.status].in_(lang)
        if result.done_on is not None:
            label += f"\n({dmy_or_blank(result.done_on)})"
        missing = [agency for agency, state in result.reports.items() if state == "missing"]
        lead, support = report.roles[task.id]
        cells: list[str | RichText] = [
            str(task.id),
            shorten(task.title, 50 if wide else 40),
            _names(repo, lead),
            _names(repo, support),
            task.timing,
            dmy_or_blank(result.due),
            RichText(label, style=STATUS_STYLES[result.status]),
            RichText(_names(repo, missing), style="red"),
            _latest_text(repo, view, lang),
        ]
        table.add_row(*(cell for cell, (_, shown) in zip(cells, columns, strict=True) if shown))
    console.print(table)
    if not wide:
        console.print(
            Text(
                "(Cửa sổ hẹp: đã ẩn cột Phối hợp và Báo cáo gần nhất; mở rộng cửa sổ, hoặc dùng --format csv để xem đủ.)",
                "(Narrow window: the Support and Latest report columns are hidden; widen it, or use --format csv.)",
            ).in_(lang)
        )
    console.print(summary_line(report.counts()).in_(lang))
    _late_lines(repo, late, lang)


def missing(repo: Repository, report: StatusReport, fmt: str, lang: str, late: list[Submission] | None = None) -> None:
    from rich.table import Table

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
        write_raw(
            export.to_json(
                {
                    "period": evaluation.period.name,
                    "window": {"start": evaluation.window.start, "end": evaluation.window.end},
                    "as_of": evaluation.as_of,
                    "missing": records,
                    **({"late_submissions": _late_records(late)} if late is not None else {}),
                }
            )
            + "\n"
        )
        return
    if fmt == "csv":
        write_raw(export.to_csv(records, ("agency", "name", "period", "tasks")))
        return
    console = out()
    if not records:
        console.print(
            Text(
                f"Kỳ {evaluation.period.name}: mọi cơ quan đã báo cáo đủ.",
                f"Period {evaluation.period.name}: every agency has reported.",
            ).in_(lang)
        )
        _late_lines(repo, late, lang)
        return
    table = Table(
        title=Text(
            f"Cơ quan chưa báo cáo — kỳ {evaluation.period.name}, tính đến ngày {dmy_or_blank(evaluation.as_of)}",
            f"Agencies that have not reported — {evaluation.period.name}, as of {dmy_or_blank(evaluation.as_of)}",
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
    _late_lines(repo, late, lang)


def tasks(repo: Repository, views: list[TaskView], fmt: str, lang: str) -> None:
    from rich.table import Table

    records = [export.task_record(view.task) for view in views]
    if fmt == "json":
        write_raw(export.to_json({"tasks": records}) + "\n")
        return
    if fmt == "csv":
        write_raw(export.to_csv(records, ("task", "title", "lead", "support", "timing")))
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
    out().print(table)


def agencies(repo: Repository, records: list[dict[str, Any]], fmt: str, lang: str) -> None:
    from rich.table import Table

    if fmt == "json":
        write_raw(export.to_json({"agencies": records}) + "\n")
        return
    if fmt == "csv":
        write_raw(export.to_csv(records, tuple(records[0]) if records else ("id",)))
        return
    table = Table(title=Text("Cơ quan, đơn vị", "Agencies").in_(lang), show_lines=True)
    for header in (
        Text("Mã", "Id"),
        Text("Tên viết tắt", "Short name"),
        Text("Tên đầy đủ", "Name"),
        Text("Loại", "Kind"),
        Text("Chủ trì", "Leads"),
        Text("Phối hợp", "Supports"),
        Text("Thời gian hoạt động", "In force"),
        Text("Tên cũ, tên khác", "Former names"),
    ):
        table.add_column(header.in_(lang))
    for record in records:
        since, until = record["since"], record["until"]
        span = "" if since is None and until is None else f"{dmy_or_blank(since) or '…'} – {dmy_or_blank(until) or '…'}"
        table.add_row(
            record["id"],
            record["short_name"],
            record["name"],
            KIND_LABELS[record["kind"]].in_(lang),
            ", ".join(map(str, record["lead"])),
            ", ".join(map(str, record["support"])),
            span,
            "\n".join(record["former_names"]),
        )
    out().print(table)


def show(repo: Repository, view: TaskView, lang: str) -> None:
    from rich.text import Text as RichText

    task = view.task
    console = out()
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
