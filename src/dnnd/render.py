"""Everything the CLI draws: rich tables for people, JSON and CSV for other tools. Only the CLI imports this."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dnnd import export
from dnnd.i18n import Text
from dnnd.labels import ENTRY_STATUS_LABELS, KIND_LABELS, TASK_STATUS_LABELS, summary_line
from dnnd.repository import Repository
from dnnd.status import StatusReport, TaskView

if TYPE_CHECKING:
    from rich.console import Console

    from dnnd.changes import ChangeReport
    from dnnd.errors import Problem
    from dnnd.history import Submission
    from dnnd.importing.build import ImportResult
    from dnnd.periods import Period
    from dnnd.rollup import Province, Rollup
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
WIDE_TABLE = 140


def _out() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


def _err() -> Console:
    from rich.console import Console

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
    from rich.text import Text as RichText

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
    from rich.text import Text as RichText

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
    from rich.table import Table
    from rich.text import Text as RichText

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
    console = _out()
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
            label += f"\n({_date(result.done_on)})"
        missing = [agency for agency, state in result.reports.items() if state == "missing"]
        lead, support = report.roles[task.id]
        cells: list[str | RichText] = [
            str(task.id),
            _shorten(task.title, 50 if wide else 40),
            _names(repo, lead),
            _names(repo, support),
            task.timing,
            _date(result.due),
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
    from rich.table import Table

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
    from rich.table import Table

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
    from rich.text import Text as RichText

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
    from rich.table import Table
    from rich.text import Text as RichText

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
    from rich.text import Text as RichText

    console = _err()
    for problem in problems:
        console.print(RichText(f"{Text('Cảnh báo', 'Warning').in_(lang)}: {problem.render(lang)}", style="yellow"))


def imported(result: ImportResult, lang: str) -> None:
    """Warnings with where they are, the plan's problems if any, and a summary line."""
    from rich.text import Text as RichText

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


def rollup(result: Rollup, fmt: str, lang: str) -> None:
    """The national roll-up: a row per province (its counts, who has not reported, files left out), the totals,
    and, for each repository that could not be read, its first problems and how to see them all."""
    from rich.table import Table
    from rich.text import Text as RichText

    from dnnd.evaluate import STATUS_CODES

    def error_text(province: Province) -> str | None:
        if province.error is None:
            return None
        text = province.error.in_(lang)
        if province.problem_count:
            text += Text(
                f" ({province.problem_count} lỗi; chạy `dnnd --repo {province.repository} validate` để xem tất cả)",
                f" ({province.problem_count} problem(s); run `dnnd --repo {province.repository} validate` to see all)",
            ).in_(lang)
        return text

    totals = result.totals
    period = ", ".join(result.periods) or None
    records: list[dict[str, Any]] = [
        {
            "repository": province.repository,
            "plan": province.plan,
            "title": province.title,
            "period": province.period,
            "as_of": province.as_of,
            "counts": None if province.failed else province.counts,
            "missing": [
                {
                    "agency": item.agency,
                    "name": item.name,
                    "short_name": item.short_name,
                    "quarters": list(item.quarters),
                    "tasks": list(item.tasks),
                }
                for item in province.missing
            ],
            "left_out": province.left_out,
            "error": error_text(province),
            "problems": [problem.render(lang) for problem in province.problems],
        }
        for province in result.provinces
    ]
    failed = result.failed
    if fmt in ("json", "csv") and failed:
        _err().print(
            RichText(
                Text(
                    f"Cảnh báo: {len(failed)} kho không đọc được nên KHÔNG được tính (xem cột error).",
                    f"Warning: {len(failed)} repository(ies) could not be read and were NOT counted (see error).",
                ).in_(lang),
                style="bold yellow",
            )
        )
    if fmt == "json":
        _write_raw(export.to_json({"period": period, "provinces": records, "totals": totals}) + "\n")
        return
    if fmt == "csv":
        rows = [
            {
                **record,
                **(record["counts"] or {}),
                "total": sum((record["counts"] or {}).values()) if record["counts"] is not None else None,
                "missing": "; ".join(
                    f"{item['agency']} ({', '.join(map(str, item['tasks']))})" for item in record["missing"]
                ),
            }
            for record in records
        ]
        rows.append(
            {
                "title": Text("Tổng cộng toàn quốc", "National total").in_(lang),
                "period": period,
                **totals,
                "total": sum(totals.values()),
                "left_out": sum(p.left_out for p in result.provinces),
            }
        )
        fields = (
            "repository",
            "plan",
            "title",
            "period",
            "as_of",
            *STATUS_CODES,
            "total",
            "missing",
            "left_out",
            "error",
        )
        _write_raw(export.to_csv(rows, fields))
        return
    as_of = result.as_of
    heading = Text(f"Tổng hợp toàn quốc — kỳ {period or '—'}", f"National roll-up — period {period or '—'}").in_(lang)
    if len(result.periods) > 1:
        heading += Text(" (theo kỳ báo cáo của từng tỉnh)", " (by each province's reporting windows)").in_(lang)
    if as_of is not None:
        heading += Text(f", tính đến ngày {_date(as_of)}", f", as of {_date(as_of)}").in_(lang)
    elif result.periods:
        heading += Text(", tính đến cuối kỳ số liệu của từng tỉnh", ", as of each province's window end").in_(lang)
    table = Table(title=heading, show_lines=True)
    table.add_column(Text("STT", "No.").in_(lang), justify="right")
    table.add_column(Text("Tỉnh (kế hoạch)", "Province (plan)").in_(lang), min_width=24)
    headers = {
        "done_on_time": Text("Xong đúng hạn", "Done on time"),
        "done_late": Text("Xong quá hạn", "Done late"),
        "done": Text("Xong (không hạn)", "Done (no deadline)"),
        "in_progress": Text("Đang làm trong hạn", "In progress"),
        "overdue": Text("Quá hạn chưa xong", "Overdue"),
        "ongoing": Text("Thường xuyên", "Ongoing"),
        "waiting": Text("Chờ điều kiện", "Waiting"),
    }
    for code in STATUS_CODES:
        table.add_column(headers[code].in_(lang), justify="right", style=STATUS_STYLES[code])
    table.add_column(Text("Tổng", "Total").in_(lang), justify="right")
    table.add_column(Text("Cơ quan chưa báo cáo", "Agencies not reported").in_(lang))
    table.add_column(Text("Tệp báo cáo bị bỏ qua", "Update files left out").in_(lang), justify="right")
    for number, province in enumerate(result.provinces, start=1):
        name = f"{_shorten(province.title, 40)}\n({province.plan})" if province.title else province.plan
        last = number == len(result.provinces)
        if province.failed:
            cells = ["—"] * (len(STATUS_CODES) + 1)
            note = RichText(Text("LỖI: xem dưới bảng", "ERROR: see below the table").in_(lang), style="bold red")
            table.add_row(str(number), name, *cells, note, "—", end_section=last)
            continue
        table.add_row(
            str(number),
            name,
            *(str(province.counts[code]) for code in STATUS_CODES),
            str(sum(province.counts.values())),
            RichText(", ".join(item.short_name for item in province.missing), style="red"),
            RichText(str(province.left_out), style="bold yellow" if province.left_out else ""),
            end_section=last,
        )
    missing_total = sum(len(province.missing) for province in result.provinces)
    left_out_total = sum(province.left_out for province in result.provinces)
    table.add_row(
        "",
        RichText(Text("Tổng cộng toàn quốc", "National total").in_(lang), style="bold"),
        *(RichText(str(totals[code]), style="bold") for code in STATUS_CODES),
        RichText(str(sum(totals.values())), style="bold"),
        RichText(Text(f"{missing_total} cơ quan", f"{missing_total} agencies").in_(lang), style="bold red"),
        RichText(str(left_out_total), style="bold"),
    )
    console = _out()
    console.print(table)
    console.print(summary_line(totals).in_(lang))
    counted = len(result.provinces) - len(failed)
    console.print(
        Text(
            f"{counted}/{len(result.provinces)} kho được tổng hợp; {missing_total} cơ quan chưa báo cáo đủ.",
            f"{counted}/{len(result.provinces)} repositories counted; {missing_total} agencies have not fully reported.",
        ).in_(lang)
    )
    if left_out_total:
        console.print(
            RichText(
                Text(
                    f"{left_out_total} tệp báo cáo có lỗi KHÔNG được tính; chạy `dnnd --repo THƯ_MỤC validate` "
                    "trong kho đó để xem lý do.",
                    f"{left_out_total} update file(s) with errors were LEFT OUT; run `dnnd --repo DIR validate` "
                    "on that repository to see why.",
                ).in_(lang),
                style="bold yellow",
            )
        )
    for province, record in zip(result.provinces, records, strict=True):
        if not province.failed:
            continue
        console.print(RichText(f"{province.plan} ({province.repository}): {record['error']}", style="bold red"))
        for line in record["problems"]:
            console.print(RichText(f"  - {line}", style="red"))
        if province.problem_count > len(province.problems):
            rest = province.problem_count - len(province.problems)
            console.print(RichText(Text(f"  … và {rest} lỗi khác", f"  … and {rest} more").in_(lang), style="red"))
