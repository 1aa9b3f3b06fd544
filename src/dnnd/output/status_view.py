"""`dnnd status` and `dnnd missing` in every format: the tasks of a period, and the agencies to urge."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from dnnd.evaluate.status_report import StatusReport
from dnnd.evaluate.task_views import TaskView
from dnnd.i18n import Text
from dnnd.output.console import cut_in_a_cell, named_in_a_cell, named_in_a_cell_note, out, shorten
from dnnd.output.plan_view import agency_names, task_record
from dnnd.output.sheets import Sheet, SheetColumn
from dnnd.plan.vietnamese import dmy_or_blank
from dnnd.plan.vocabulary import ENTRY_STATUS_LABELS, STATUS_STYLES, TASK_STATUS_LABELS, summary_line
from dnnd.repository import Repository
from dnnd.workflow.history import Submission

STATUS_FIELDS = ("task", "title", "lead", "support", "timing", "status", "due", "done_on", "reports")
WIDE_TABLE = 140


def _latest(view: TaskView) -> list[dict[str, Any]]:
    return [
        {"agency": item.agency, "period": item.period, "status": item.entry.status, "summary": item.entry.summary}
        for item in view.latest_by_lead()
    ]


def status_document(report: StatusReport) -> dict[str, Any]:
    """The JSON contract of `dnnd status`: the period, its window, the evaluation date and each task."""
    evaluation = report.evaluation
    tasks = []
    for view in report.views:
        result = report.results[view.task.id]
        lead, support = report.roles[view.task.id]
        tasks.append(
            {
                **task_record(view.task),
                "lead": lead,
                "support": support,
                "status": result.status,
                "due": result.due,
                "done_on": result.done_on,
                "reports": result.reports,
                "occurrence": result.occurrence,
                "waiting_for": list(result.waiting_for),
                "latest": _latest(view),
            }
        )
    return {
        "period": evaluation.period.name,
        "window": {"start": evaluation.window.start, "end": evaluation.window.end},
        "as_of": evaluation.as_of,
        "counts": report.counts(),
        "tasks": tasks,
    }


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
        name, reached, due = repo.agencies[item.agency].name, dmy_or_blank(item.reached_on), dmy_or_blank(item.due)
        console.print(
            Text(
                f"  - {name}, {item.quarter.name}: vào nhánh chính ngày {reached}, hạn {due}",
                f"  - {name}, {item.quarter.name}: reached main on {reached}, due {due}",
            ).in_(lang)
        )


def _latest_text(repo: Repository, view: TaskView, lang: str) -> str:
    lines = []
    for item in view.latest_by_lead():
        label = ENTRY_STATUS_LABELS[item.entry.status].in_(lang)
        lines.append(f"{repo.agencies[item.agency].short_name} {item.period}: {label}")
    return "\n".join(lines) or Text("(chưa có báo cáo)", "(no report yet)").in_(lang)


def _some_names(repo: Repository, ids: Sequence[str], lang: str) -> str:
    return named_in_a_cell([repo.agencies[agency_id].short_name for agency_id in ids], lang)


def _why(report: StatusReport, lang: str) -> list[str]:
    """Why this period, when none was named: beside JSON and CSV on stderr, under a table's title."""
    return [f"({report.why.in_(lang)})"] if report.why is not None else []


class StatusOutput(NamedTuple):
    """`dnnd status`: each task's status in the period, with the late submissions when asked for."""

    repo: Repository
    report: StatusReport
    late: list[Submission] | None = None

    def document(self) -> dict[str, Any]:
        document = status_document(self.report)
        if self.late is not None:
            document["late_submissions"] = _late_records(self.late)
        return document

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return STATUS_FIELDS, self.document()["tasks"]

    def sheets(self, lang: str) -> list[Sheet]:
        """The tasks with Vietnamese (or English) labels, real dates, and what each lead reported last."""
        repo, report = self.repo, self.report
        headers = (
            (Text("STT", "No."), 6, False),
            (Text("Nhiệm vụ", "Task"), 50, True),
            (Text("Chủ trì", "Lead"), 24, True),
            (Text("Phối hợp", "Support"), 30, True),
            (Text("Thời gian", "Timing"), 20, True),
            (Text("Hạn", "Due"), 12, False),
            (Text("Tình trạng", "Status"), 22, True),
            (Text("Ngày hoàn thành", "Done on"), 12, False),
            (Text("Chưa báo cáo", "Not reported"), 24, True),
            (Text("Báo cáo gần nhất của cơ quan chủ trì", "The leads' latest reports"), 60, True),
        )
        rows = []
        for view in report.views:
            task, result = view.task, report.results[view.task.id]
            lead, support = report.roles[task.id]
            missing = [agency for agency, state in result.reports.items() if state == "missing"]
            latest = "\n".join(
                f"{repo.agencies[item.agency].short_name} {item.period} "
                f"({ENTRY_STATUS_LABELS[item.entry.status].in_(lang)}): {item.entry.summary}"
                for item in view.latest_by_lead()
            )
            rows.append(
                [
                    task.id,
                    task.title,
                    agency_names(repo, lead),
                    agency_names(repo, support),
                    task.timing,
                    result.due,
                    TASK_STATUS_LABELS[result.status].in_(lang),
                    result.done_on,
                    agency_names(repo, missing),
                    latest,
                ]
            )
        columns = [SheetColumn(header.in_(lang), width, wrap) for header, width, wrap in headers]
        return [Sheet(Text("Tình trạng", "Status").in_(lang) + f" {report.evaluation.period.name}", columns, rows)]

    def notices(self, lang: str) -> list[str]:
        return _why(self.report, lang)

    def print_table(self, lang: str) -> None:
        from rich.table import Table
        from rich.text import Text as RichText

        repo, report = self.repo, self.report
        evaluation = report.evaluation
        start, end, as_of = (
            dmy_or_blank(day) for day in (evaluation.window.start, evaluation.window.end, evaluation.as_of)
        )
        title = Text(
            f"Tình hình thực hiện kế hoạch — kỳ {evaluation.period.name} (số liệu {start}–{end}), tính đến ngày {as_of}",
            f"Plan status — period {evaluation.period.name} (data {start}–{end}), as of {as_of}",
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
        shortened = False
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
                agency_names(repo, lead),
                _some_names(repo, support, lang),
                task.timing,
                dmy_or_blank(result.due),
                RichText(label, style=STATUS_STYLES[result.status]),
                RichText(_some_names(repo, missing, lang), style="red"),
                _latest_text(repo, view, lang),
            ]
            shortened = shortened or cut_in_a_cell(len(missing)) or (wide and cut_in_a_cell(len(support)))
            table.add_row(*(cell for cell, (_, shown) in zip(cells, columns, strict=True) if shown))
        for line in _why(self.report, lang):
            console.print(line, highlight=False)
        console.print(table)
        if not wide:
            console.print(
                Text(
                    "(Cửa sổ hẹp: đã ẩn cột Phối hợp và Báo cáo gần nhất; mở rộng cửa sổ, hoặc dùng --format csv để "
                    "xem đủ.)",
                    "(Narrow window: the Support and Latest report columns are hidden; widen it, or use --format csv.)",
                ).in_(lang)
            )
        if shortened:
            where = Text("dnnd missing, hoặc --format csv", "dnnd missing, or --format csv")
            console.print(named_in_a_cell_note(where, lang))
        console.print(summary_line(report.counts()).in_(lang))
        _late_lines(repo, self.late, lang)


class MissingOutput(NamedTuple):
    """`dnnd missing`: per agency and quarter, the tasks it has not reported on."""

    repo: Repository
    report: StatusReport
    late: list[Submission] | None = None

    def records(self) -> list[dict[str, Any]]:
        order = {agency_id: index for index, agency_id in enumerate(self.repo.agencies)}
        items = sorted(self.report.evaluation.missing, key=lambda item: (order[item.agency], item.quarter))
        return [
            {
                "agency": item.agency,
                "name": self.repo.agencies[item.agency].name,
                "period": item.quarter.name,
                "tasks": list(item.tasks),
            }
            for item in items
        ]

    def document(self) -> dict[str, Any]:
        evaluation = self.report.evaluation
        return {
            "period": evaluation.period.name,
            "window": {"start": evaluation.window.start, "end": evaluation.window.end},
            "as_of": evaluation.as_of,
            "missing": self.records(),
            **({"late_submissions": _late_records(self.late)} if self.late is not None else {}),
        }

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return ("agency", "name", "period", "tasks"), self.records()

    def sheets(self, lang: str) -> list[Sheet]:
        """Per agency and quarter, the tasks it has not reported on, by number and by name."""
        columns = [
            SheetColumn(Text("Cơ quan, đơn vị", "Agency").in_(lang), 36, True),
            SheetColumn(Text("Mã", "Id").in_(lang), 10),
            SheetColumn(Text("Quý", "Quarter").in_(lang), 10),
            SheetColumn(Text("Nhiệm vụ chưa báo cáo", "Tasks not reported on").in_(lang), 16, True),
            SheetColumn(Text("Nội dung nhiệm vụ", "The tasks").in_(lang), 70, True),
        ]
        rows = [
            [
                record["name"],
                record["agency"],
                record["period"],
                ", ".join(str(task) for task in record["tasks"]),
                "\n".join(f"{task}. {self.repo.tasks[task].title}" for task in record["tasks"]),
            ]
            for record in self.records()
        ]
        title = Text("Chưa báo cáo", "Not reported").in_(lang) + f" {self.report.evaluation.period.name}"
        return [Sheet(title, columns, rows)]

    def notices(self, lang: str) -> list[str]:
        return _why(self.report, lang)

    def print_table(self, lang: str) -> None:
        from rich.table import Table

        evaluation, records = self.report.evaluation, self.records()
        console = out()
        if not records:
            for line in _why(self.report, lang):
                console.print(line, highlight=False)
            console.print(
                Text(
                    f"Kỳ {evaluation.period.name}: mọi cơ quan đã báo cáo đủ.",
                    f"Period {evaluation.period.name}: every agency has reported.",
                ).in_(lang)
            )
            _late_lines(self.repo, self.late, lang)
            return
        as_of = dmy_or_blank(evaluation.as_of)
        table = Table(
            title=Text(
                f"Cơ quan chưa báo cáo — kỳ {evaluation.period.name}, tính đến ngày {as_of}",
                f"Agencies that have not reported — {evaluation.period.name}, as of {as_of}",
            ).in_(lang),
            show_lines=True,
        )
        for header in (Text("Cơ quan", "Agency"), Text("Quý", "Quarter"), Text("Nhiệm vụ chưa báo cáo", "Tasks")):
            table.add_column(header.in_(lang))
        for record in records:
            agency = self.repo.agencies[record["agency"]]
            table.add_row(
                f"{agency.name} ({agency.short_name})",
                record["period"],
                ", ".join(str(number) for number in record["tasks"]),
            )
        for line in _why(self.report, lang):
            console.print(line, highlight=False)
        console.print(table)
        agencies = len({record["agency"] for record in records})
        console.print(
            Text(
                f"{agencies} cơ quan chưa báo cáo đủ.",
                f"{agencies} agencies have not fully reported.",
            ).in_(lang)
        )
        _late_lines(self.repo, self.late, lang)
