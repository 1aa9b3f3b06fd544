"""Everything the CLI draws: rich tables for people, JSON and CSV for other tools. Only the CLI imports this."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from dnnd import export
from dnnd.i18n import Text
from dnnd.labels import ENTRY_STATUS_LABELS, KIND_LABELS, TASK_STATUS_LABELS, summary_line
from dnnd.repository import Repository
from dnnd.status import StatusReport, TaskView

if TYPE_CHECKING:
    from dnnd.changes import ChangeReport
    from dnnd.errors import Problem
    from dnnd.history import Submission
    from dnnd.importing.build import ImportResult
    from dnnd.periods import Period
    from dnnd.scaffold import Scaffold

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
    if late is None:
        return
    console = _out()
    if not late:
        console.print(Text("Không có báo cáo nào gửi muộn.", "No update was submitted late.").in_(lang))
        return
    console.print(RichText(Text("Báo cáo gửi muộn:", "Late submissions:").in_(lang), style="bold red"))
    for item in late:
        console.print(
            Text(
                f"  - {repo.agencies[item.agency].name}, {item.quarter.name}: vào nhánh chính ngày "
                f"{_date(item.reached_on)}, hạn {_date(item.due)}",
                f"  - {repo.agencies[item.agency].name}, {item.quarter.name}: reached main on {_date(item.reached_on)}, "
                f"due {_date(item.due)}",
            ).in_(lang)
        )


def status(repo: Repository, report: StatusReport, fmt: str, lang: str, late: list[Submission] | None = None) -> None:
    document = export.status_document(report)
    if late is not None:
        document["late_submissions"] = _late_records(late)
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
        lead, support = report.roles[task.id]
        table.add_row(
            str(task.id),
            _shorten(task.title, 50),
            _names(repo, lead),
            _names(repo, support),
            task.timing,
            _date(result.due),
            RichText(label, style=STATUS_STYLES[result.status]),
            RichText(_names(repo, missing), style="red"),
            _latest_text(repo, view, lang),
        )
    console = _out()
    console.print(table)
    console.print(summary_line(report.counts()).in_(lang))
    _late_lines(repo, late, lang)


def missing(repo: Repository, report: StatusReport, fmt: str, lang: str, late: list[Submission] | None = None) -> None:
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
                    **({"late_submissions": _late_records(late)} if late is not None else {}),
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
        _late_lines(repo, late, lang)
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
    _late_lines(repo, late, lang)


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


def agencies(repo: Repository, records: list[dict[str, Any]], fmt: str, lang: str) -> None:
    if fmt == "json":
        _write_raw(export.to_json({"agencies": records}) + "\n")
        return
    if fmt == "csv":
        _write_raw(export.to_csv(records, tuple(records[0]) if records else ("id",)))
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
        span = "" if since is None and until is None else f"{_date(since) or '…'} – {_date(until) or '…'}"
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


def scaffolded(scaffold: Scaffold, lang: str) -> None:
    console = _out()
    tasks = ", ".join(str(number) for number in scaffold.tasks) or Text("(không có)", "(none)").in_(lang)
    console.print(
        Text(f"Đã tạo {scaffold.rel} với các nhiệm vụ: {tasks}.", f"Created {scaffold.rel} with tasks: {tasks}.").in_(
            lang
        )
    )
    console.print(
        Text(
            "Bước tiếp theo:\n"
            "  1. Mở tệp, với mỗi nhiệm vụ chọn status, viết summary (và done_on khi đã hoàn thành).\n"
            "  2. Chạy `dnnd validate` và sửa đến khi không còn lỗi.\n"
            f'  3. git add {scaffold.rel} && git commit -m "Báo cáo ..."\n'
            "  4. Đẩy nhánh lên và mở pull request; cơ quan đầu mối sẽ duyệt.",
            "Next steps:\n"
            "  1. Open the file; for each task choose a status, write the summary (and done_on when done).\n"
            "  2. Run `dnnd validate` and fix until it reports no problem.\n"
            f'  3. git add {scaffold.rel} && git commit -m "Update ..."\n'
            "  4. Push the branch and open a pull request; the focal point reviews it.",
        ).in_(lang)
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


GITHUB_ANNOTATIONS_PER_KIND = 10


def changes(report: ChangeReport, fmt: str, lang: str) -> None:
    """Findings as text lines, or as GitHub workflow annotations (at most 10 per kind, the rest as log lines)."""
    shown = {"error": 0, "warning": 0}
    for finding in report.findings:
        where = finding.path + (f":{finding.line}" if finding.line is not None else "")
        message = finding.message.in_(lang)
        if fmt == "github" and shown[finding.level] < GITHUB_ANNOTATIONS_PER_KIND:
            shown[finding.level] += 1
            line = f",line={finding.line}" if finding.line is not None else ""
            print(f"::{finding.level} file={_escape_property(finding.path)}{line}::{_escape_data(message)}")
        else:
            label = {"error": Text("LỖI", "ERROR"), "warning": Text("CẢNH BÁO", "WARNING")}[finding.level]
            print(f"{label.in_(lang)} {where}: {message}")
    errors = sum(finding.level == "error" for finding in report.findings)
    warnings = len(report.findings) - errors
    print(
        Text(
            f"{len(report.changes)} tệp thay đổi so với {report.base[:12]}: {errors} lỗi, {warnings} cảnh báo.",
            f"{len(report.changes)} file(s) changed since {report.base[:12]}: {errors} error(s), "
            f"{warnings} warning(s).",
        ).in_(lang)
    )


def locked(period: Period, lang: str) -> None:
    quarters = ", ".join(quarter.name for quarter in period.quarters())
    _out().print(
        Text(
            f"Đã khóa kỳ {period.name}: báo cáo các quý {quarters} không được sửa nữa "
            "(`dnnd check-changes` sẽ từ chối). Hãy commit plan/locks.yaml.",
            f"Locked {period.name}: the updates of {quarters} may no longer change "
            "(`dnnd check-changes` refuses it). Commit plan/locks.yaml.",
        ).in_(lang)
    )


def unlocked(period: Period, lang: str) -> None:
    quarters = ", ".join(quarter.name for quarter in period.quarters())
    _out().print(
        Text(
            f"Đã mở khóa kỳ {period.name}: báo cáo các quý {quarters} lại có thể được sửa. Hãy commit "
            "plan/locks.yaml trong một pull request riêng; pull request vừa mở khóa vừa sửa báo cáo vẫn bị "
            "từ chối, vì khóa được xét ở cả hai phía.",
            f"Unlocked {period.name}: the updates of {quarters} may change again. Commit plan/locks.yaml "
            "in a pull request of its own; one that unlocks and edits at once is still refused, since "
            "locks are judged on both sides.",
        ).in_(lang)
    )


def history(repo: Repository, found: list[Submission], fmt: str, lang: str) -> None:
    records: list[dict[str, Any]] = [
        {
            "file": item.rel,
            "agency": item.agency,
            "period": item.quarter.name,
            "reached_main": item.first.when.isoformat(),
            "reached_by": item.first.author,
            "last_changed": item.last.when.isoformat(),
            "last_changed_by": item.last.author,
            "changes": item.changes,
            "due": item.due,
            "late": item.late,
        }
        for item in found
    ]
    if fmt == "json":
        _write_raw(export.to_json({"submissions": records}) + "\n")
        return
    if fmt == "csv":
        _write_raw(export.to_csv(records, tuple(records[0]) if records else ("file",)))
        return
    table = Table(title=Text("Báo cáo đã vào nhánh chính", "Updates on the main branch").in_(lang))
    for header in (
        Text("Tệp", "File"),
        Text("Vào nhánh chính", "Reached main"),
        Text("Bởi", "By"),
        Text("Sửa lần cuối", "Last changed"),
        Text("Bởi", "By"),
        Text("Hạn gửi", "Due"),
        Text("Đúng hạn?", "On time?"),
    ):
        table.add_column(header.in_(lang))
    for item in found:
        late = Text("Muộn", "Late") if item.late else Text("Đúng hạn", "On time")
        table.add_row(
            item.rel,
            item.first.when.strftime("%d/%m/%Y %H:%M"),
            item.first.author,
            item.last.when.strftime("%d/%m/%Y %H:%M"),
            item.last.author,
            _date(item.due),
            RichText(late.in_(lang), style="red" if item.late else "green"),
        )
    _out().print(table)


def warnings(problems: list[Problem], lang: str) -> None:
    console = _err()
    for problem in problems:
        console.print(RichText(f"{Text('Cảnh báo', 'Warning').in_(lang)}: {problem.render(lang)}", style="yellow"))


def imported(result: ImportResult, lang: str) -> None:
    """Warnings with where they are, the plan's problems if any, and a summary line."""
    console = _out()
    for warning in result.warnings:
        console.print(RichText(f"{Text('Cảnh báo', 'Warning').in_(lang)}: {warning}", style="yellow"))
    for problem in result.problems:
        console.print(RichText(problem.render(lang), style="red"))
    console.print(
        Text(
            f"Đã ghi kế hoạch vào {result.out}: {result.tasks} nhiệm vụ; {len(result.matched)} cơ quan khớp danh mục, "
            f"{len(result.created)} cơ quan mới; {result.parsed}/{result.tasks} cụm thời gian hiểu được; "
            f"{len(result.warnings)} cảnh báo; "
            + ("cần sửa các lỗi trên rồi chạy `dnnd validate`." if result.problems else "kế hoạch hợp lệ."),
            f"Wrote the plan to {result.out}: {result.tasks} tasks; {len(result.matched)} agencies matched, "
            f"{len(result.created)} created; {result.parsed}/{result.tasks} timing phrases understood; "
            f"{len(result.warnings)} warnings; "
            + ("fix the problems above, then run `dnnd validate`." if result.problems else "the plan validates."),
        ).in_(lang)
    )
