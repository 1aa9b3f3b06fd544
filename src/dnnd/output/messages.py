"""What the CLI prints after the commands that act: files written, pull-request findings, locks, history,
imports and the national roll-up. Only the CLI imports this."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from dnnd.i18n import Text
from dnnd.output import records as export
from dnnd.output.tables import err, out, shorten, write_raw
from dnnd.plan.vietnamese import dmy_hm, dmy_or_blank
from dnnd.plan.vocabulary import STATUS_CODES, STATUS_SHORT_LABELS, STATUS_STYLES, summary_line
from dnnd.repository import Repository

if TYPE_CHECKING:
    from dnnd.authoring.importing.build import ImportResult
    from dnnd.authoring.new_update import Scaffold
    from dnnd.evaluate.rollup import Province, Rollup
    from dnnd.plan.periods import Period
    from dnnd.workflow.history import Submission
    from dnnd.workflow.pull_requests import ChangeReport


def written(paths: list[Path], lang: str) -> None:
    console = out()
    for path in paths:
        console.print(Text(f"Đã ghi {path}", f"Wrote {path}").in_(lang))


def nobody_missing(period: str, lang: str) -> None:
    out().print(
        Text(
            f"Kỳ {period}: không có cơ quan nào chưa báo cáo, nên không cần công văn đôn đốc.",
            f"Period {period}: every agency has reported, so no reminder letter is needed.",
        ).in_(lang)
    )


def scaffolded(scaffold: Scaffold, lang: str) -> None:
    console = out()
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
    out().print(
        Text(
            f"Đã khóa kỳ {period.name}: báo cáo các quý {quarters} không được sửa nữa "
            "(`dnnd check-changes` sẽ từ chối). Hãy commit plan/locks.yaml.",
            f"Locked {period.name}: the updates of {quarters} may no longer change "
            "(`dnnd check-changes` refuses it). Commit plan/locks.yaml.",
        ).in_(lang)
    )


def unlocked(period: Period, still: dict[Period, str], lang: str) -> None:
    free = [quarter.name for quarter in period.quarters() if quarter not in still]
    held = ", ".join(f"{quarter.name} ({by})" for quarter, by in still.items())
    console = out()
    console.print(
        Text(
            f"Đã mở khóa kỳ {period.name}: báo cáo các quý {', '.join(free) or '(không có)'} lại có thể được sửa. Hãy "
            "commit plan/locks.yaml trong một pull request riêng; pull request vừa mở khóa vừa sửa báo cáo vẫn bị từ "
            "chối, vì khóa được xét ở cả hai phía.",
            f"Unlocked {period.name}: the updates of {', '.join(free) or '(none)'} may change again. Commit "
            "plan/locks.yaml in a pull request of its own; one that unlocks and edits at once is still refused, since "
            "locks are judged on both sides.",
        ).in_(lang)
    )
    if held:
        console.print(Text(f"Vẫn còn khóa bởi kỳ khác: {held}.", f"Still locked by another period: {held}.").in_(lang))


def history(repo: Repository, found: list[Submission], fmt: str, lang: str) -> None:
    from rich.table import Table
    from rich.text import Text as RichText

    from dnnd.workflow.history import VIETNAM

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
        write_raw(export.to_json({"submissions": records}) + "\n")
        return
    if fmt == "csv":
        write_raw(export.to_csv(records, tuple(records[0]) if records else ("file",)))
        return
    table = Table(title=Text("Báo cáo đã vào nhánh chính", "Updates on the main branch").in_(lang))
    for header in (
        Text("Cơ quan, quý", "Agency, quarter"),
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
            f"{item.agency} {item.quarter.name}",
            dmy_hm(item.first.when.astimezone(VIETNAM)),  # the clock lateness is judged by
            item.first.author,
            dmy_hm(item.last.when.astimezone(VIETNAM)),
            item.last.author,
            dmy_or_blank(item.due),
            RichText(late.in_(lang), style="red" if item.late else "green"),
        )
    out().print(table)


def imported(result: ImportResult, lang: str) -> None:
    """Warnings with where they are, the plan's problems if any, and a summary line."""
    from rich.text import Text as RichText

    console = out()
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


def _rollup_table(result: Rollup, heading: str, lang: str, *, wide: bool) -> Any:
    """The roll-up table: each status in its own column (`wide`), or all of a province's in one."""
    from rich.table import Table
    from rich.text import Text as RichText

    totals = result.totals
    table = Table(title=heading, show_lines=True)
    table.add_column(Text("STT", "No.").in_(lang), justify="right")
    table.add_column(Text("Tỉnh (kế hoạch)", "Province (plan)").in_(lang), min_width=24 if wide else 12)
    headers = STATUS_SHORT_LABELS
    if wide:
        for code in STATUS_CODES:
            table.add_column(headers[code].in_(lang), justify="right", style=STATUS_STYLES[code])
    else:
        table.add_column(Text("Theo tình trạng", "By status").in_(lang))

    def status_cells(counts: dict[str, int], bold: bool = False) -> list[Any]:
        if wide:
            return [RichText(str(counts[code]), style="bold" if bold else "") for code in STATUS_CODES]
        lines = [f"{headers[code].in_(lang)}: {counts[code]}" for code in STATUS_CODES if counts[code]]
        return [RichText("\n".join(lines) or "—", style="bold" if bold else "")]

    table.add_column(Text("Tổng", "Total").in_(lang), justify="right")
    table.add_column(Text("Cơ quan chưa báo cáo", "Agencies not reported").in_(lang))
    left_out = Text("Tệp báo cáo bị bỏ qua", "Update files left out") if wide else Text("Bỏ qua", "Left out")
    table.add_column(left_out.in_(lang), justify="right")
    for number, province in enumerate(result.provinces, start=1):
        name = f"{shorten(province.title, 40)}\n({province.plan})" if province.title else province.plan
        last = number == len(result.provinces)
        if province.failed:
            cells = ["—"] * ((len(STATUS_CODES) if wide else 1) + 1)
            note = RichText(Text("LỖI: xem dưới bảng", "ERROR: see below the table").in_(lang), style="bold red")
            table.add_row(str(number), name, *cells, note, "—", end_section=last)
            continue
        table.add_row(
            str(number),
            name,
            *status_cells(province.counts),
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
        *status_cells(totals, bold=True),
        RichText(str(sum(totals.values())), style="bold"),
        RichText(Text(f"{missing_total} cơ quan", f"{missing_total} agencies").in_(lang), style="bold red"),
        RichText(str(left_out_total), style="bold"),
    )
    return table


def rollup(result: Rollup, fmt: str, lang: str) -> None:
    """The national roll-up: a row per province (its counts, who has not reported, files left out), the totals,
    and, for each repository that could not be read, its first problems and how to see them all."""
    from rich.text import Text as RichText

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
        err().print(
            RichText(
                Text(
                    f"Cảnh báo: {len(failed)} kho không đọc được nên KHÔNG được tính (xem cột error).",
                    f"Warning: {len(failed)} repository(ies) could not be read and were NOT counted (see error).",
                ).in_(lang),
                style="bold yellow",
            )
        )
    if fmt == "json":
        write_raw(export.to_json({"period": period, "provinces": records, "totals": totals}) + "\n")
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
        write_raw(export.to_csv(rows, fields))
        return
    as_of = result.as_of
    heading = Text(f"Tổng hợp toàn quốc — kỳ {period or '—'}", f"National roll-up — period {period or '—'}").in_(lang)
    if len(result.periods) > 1:
        heading += Text(" (theo kỳ báo cáo của từng tỉnh)", " (by each province's reporting windows)").in_(lang)
    if as_of is not None:
        heading += Text(f", tính đến ngày {dmy_or_blank(as_of)}", f", as of {dmy_or_blank(as_of)}").in_(lang)
    elif result.periods:
        heading += Text(", tính đến cuối kỳ số liệu của từng tỉnh", ", as of each province's window end").in_(lang)
    console = out()
    table = _rollup_table(result, heading, lang, wide=True)
    natural = console.measure(table, options=console.options.update_width(10_000)).maximum  # words unbroken
    wide = natural <= console.width  # else the status columns would be squeezed and cut off
    if not wide:
        table = _rollup_table(result, heading, lang, wide=False)
    missing_total = sum(len(province.missing) for province in result.provinces)
    left_out_total = sum(province.left_out for province in result.provinces)
    console.print(table)
    if not wide:
        console.print(
            Text(
                "(Cửa sổ hẹp: các tình trạng gộp vào một cột; mở rộng cửa sổ, hoặc dùng --format csv để xem từng cột.)",
                "(Narrow window: the statuses share one column; widen the window, or use --format csv for every column.)",
            ).in_(lang)
        )
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
