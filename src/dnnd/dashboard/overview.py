"""What the overview and the trend pages show: the period's tasks per status, the tasks needing attention,
the reporting picture and the figures; then, quarter by quarter since the decision, the tasks per status,
the reports expected and received, the activities per kind and the aid."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dnnd.dashboard.charts import ChartSpec, Series
from dnnd.dashboard.reporting import ReportingGrid
from dnnd.dashboard.words import Writer
from dnnd.evaluate.figures import Figures, KindFigures, Stats
from dnnd.evaluate.quarter_history import QuarterRecord
from dnnd.evaluate.status_report import StatusReport
from dnnd.i18n import Text
from dnnd.plan.vocabulary import (
    ACTIVITY_KIND_BY_CODE,
    ACTIVITY_KINDS,
    REPORTING_STATES,
    STATUS_CODES,
    STATUS_COLOURS,
    TASK_STATUS_LABELS,
)
from dnnd.repository import Repository
from dnnd.workflow.history import Submission

# one colour per kind of activity, in the vocabulary's order (matplotlib's tab10, which stays readable to
# most colour-blind readers)
KIND_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")
ATTENTION = ("overdue", "done_late", "waiting")


@dataclass(frozen=True)
class Attention:
    """A task needing attention: overdue, done late, waiting, or with agencies that have not reported."""

    task: int
    title: str
    status: str
    due: str
    missing: list[str]


def status_chart(report: StatusReport, writer: Writer) -> ChartSpec:
    counts = report.counts()
    total = sum(counts.values())
    return ChartSpec(
        "status",
        writer(Text("Nhiệm vụ theo tình trạng", "Tasks by status")),
        writer(
            Text(
                f"{writer.number(total)} nhiệm vụ, đánh giá ngày {writer.date(report.evaluation.as_of)}; "
                f"quá hạn chưa hoàn thành: {writer.number(counts['overdue'])}.",
                f"{writer.number(total)} tasks, evaluated on {writer.date(report.evaluation.as_of)}; "
                f"overdue: {writer.number(counts['overdue'])}.",
            )
        ),
        writer.words["status"],
        [writer(TASK_STATUS_LABELS[code]) for code in STATUS_CODES],
        [
            Series(
                "count",
                writer.words["count"],
                [STATUS_COLOURS[code] for code in STATUS_CODES],
                [counts[code] for code in STATUS_CODES],
            )
        ],
        horizontal=True,
        lang=writer.lang,
    )


def attention(repo: Repository, report: StatusReport, writer: Writer) -> list[Attention]:
    """The tasks overdue, done late or waiting, and those some agency has not reported on, in the plan's order."""
    missing: dict[int, dict[str, None]] = {}  # task → short names, in order, each once
    for item in report.evaluation.missing:
        name = repo.agencies[item.agency].short_name if item.agency in repo.agencies else item.agency
        for task in item.tasks:
            missing.setdefault(task, {})[name] = None
    found = []
    for view in report.views:
        result = report.results[view.task.id]
        if result.status in ATTENTION or view.task.id in missing:
            label = writer(TASK_STATUS_LABELS[result.status])
            found.append(
                Attention(
                    view.task.id, view.task.title, label, writer.date(result.due), list(missing.get(view.task.id, ()))
                )
            )
    return found


def late_in_period(found: list[Submission] | None, report: StatusReport, day: dt.date) -> list[Submission]:
    """The period's files that reached the main branch late, by `day`."""
    quarters = set(report.evaluation.period.quarters())
    return [item for item in found or () if item.quarter in quarters and item.late and item.reached_on <= day]


def figures_chart(stats: Stats, writer: Writer) -> ChartSpec:
    """The period's activities per kind beside the period before and a year earlier (when reported then)."""
    columns: list[tuple[str, Text, Figures]] = [("period", Text("Kỳ này", "This period"), stats.totals)]
    if stats.previous_reported:
        columns.append(("previous", Text("Kỳ trước", "Period before"), stats.previous_totals))
    if stats.year_ago_reported:
        columns.append(("year_ago", Text("Cùng kỳ năm trước", "A year earlier"), stats.year_ago_totals))
    palette = ("#0277bd", "#90a4ae", "#cfd8dc")
    total = sum(found.activities for found in stats.totals.values())
    return ChartSpec(
        "figures",
        writer(Text("Hoạt động theo loại", "Activities by kind")),
        writer(
            Text(f"{writer.number(total)} hoạt động trong kỳ.", f"{writer.number(total)} activities in the period.")
        ),
        writer.words["kind"],
        [writer(ACTIVITY_KIND_BY_CODE[kind].label) for kind in ACTIVITY_KINDS],
        [
            Series(
                code,
                writer(label),
                colour,
                [(figures.get(kind) or KindFigures()).activities for kind in ACTIVITY_KINDS],
            )
            for (code, label, figures), colour in zip(columns, palette, strict=False)
        ],
        horizontal=True,
        lang=writer.lang,
    )


def trend_charts(history: list[QuarterRecord], grid: ReportingGrid, writer: Writer) -> list[ChartSpec]:
    """The four charts of the trend page, one bar per quarter since the plan's first reporting quarter."""
    labels = [writer.quarter(record.quarter) for record in history]
    counts = [record.counts() for record in history]
    span = f"{labels[0]}–{labels[-1]}" if labels else ""
    status = ChartSpec(
        "trend-status",
        writer(Text("Nhiệm vụ theo tình trạng, từng quý", "Tasks by status, quarter by quarter")),
        writer(
            Text(
                f"Tình trạng các nhiệm vụ vào cuối mỗi quý, {span}.",
                f"Each task's status at each quarter's end, {span}.",
            )
        ),
        writer.words["quarter"],
        labels,
        [
            Series(code, writer(TASK_STATUS_LABELS[code]), STATUS_COLOURS[code], [found[code] for found in counts])
            for code in STATUS_CODES
        ],
        stacked=True,
        lang=writer.lang,
    )
    states = [grid.counts(record.quarter) for record in history]
    shown = [state for state in REPORTING_STATES if state.code != "none" and any(s.get(state.code) for s in states)]
    reporting = ChartSpec(
        "trend-reporting",
        writer(Text("Báo cáo của các cơ quan, từng quý", "Agencies' reports, quarter by quarter")),
        writer(
            Text(
                "Số cơ quan phải báo cáo mỗi quý: đúng hạn, muộn, chưa báo cáo, chưa đến hạn.",
                "Agencies due to report each quarter: on time, late, not reported, not yet due.",
            )
        ),
        writer.words["quarter"],
        labels,
        [
            Series(state.code, writer(state.label), state.colour, [s.get(state.code, 0) for s in states])
            for state in shown
        ],
        stacked=True,
        lang=writer.lang,
    )
    activities = ChartSpec(
        "trend-activities",
        writer(Text("Hoạt động theo loại, từng quý", "Activities by kind, quarter by quarter")),
        writer(Text("Số hoạt động mỗi quý, theo quý bắt đầu.", "Activities per quarter, by the quarter they began.")),
        writer.words["quarter"],
        labels,
        [
            Series(
                kind,
                writer(ACTIVITY_KIND_BY_CODE[kind].label),
                colour,
                [_kind(r.figures, kind).activities for r in history],
            )
            for kind, colour in zip(ACTIVITY_KINDS, KIND_COLOURS, strict=True)
        ],
        stacked=True,
        lang=writer.lang,
    )
    return [status, reporting, activities, aid_chart(history, labels, writer)]


def aid_chart(history: list[QuarterRecord], labels: list[str], writer: Writer) -> ChartSpec:
    """Aid pledged and disbursed per quarter in đồng (a quarter whose foreign amounts have no rate counts its
    đồng only, and the summary says so)."""
    pledged: list[int] = []
    disbursed: list[int] = []
    partial: list[str] = []
    for record, label in zip(history, labels, strict=True):
        aid = _kind(record.figures, "aid")
        for values, equivalent, into in (
            (aid.pledged, aid.pledged_vnd_equivalent, pledged),
            (aid.disbursed, aid.disbursed_vnd_equivalent, disbursed),
        ):
            into.append(equivalent if equivalent is not None else values.get("VND", 0))
            if equivalent is None and set(values) - {"VND"}:
                partial.append(label)
    unconverted = ", ".join(dict.fromkeys(partial))
    note = (
        Text(
            f" Chưa quy đổi ngoại tệ (thiếu tỷ giá): {unconverted}.",
            f" Foreign amounts not converted (no rate): {unconverted}.",
        )
        if partial
        else Text("", "")
    )
    return ChartSpec(
        "trend-aid",
        writer(
            Text("Viện trợ PCPNN cam kết và giải ngân (đồng), từng quý", "Foreign NGO aid pledged and disbursed (VND)")
        ),
        writer(
            Text(
                "Giá trị quy ra đồng theo tỷ giá quy đổi ghi trong kế hoạch." + note.vi,
                "In VND at the plan's exchange rates." + note.en,
            )
        ),
        writer.words["quarter"],
        labels,
        [
            Series("pledged", writer(Text("Cam kết", "Pledged")), "#0277bd", pledged),
            Series("disbursed", writer(Text("Giải ngân", "Disbursed")), "#2e7d32", disbursed),
        ],
        lang=writer.lang,
    )


def _kind(figures: Figures, kind: str) -> KindFigures:
    return figures.get(kind) or KindFigures()


def figures_rows(stats: Stats, writer: Writer) -> list[dict[str, Any]]:
    """The figures table: per kind, the period's activities and people, the period before, a year earlier
    and the year to date."""
    return [
        {
            "label": writer(ACTIVITY_KIND_BY_CODE[kind].label),
            "values": [
                writer.number(_kind(figures, kind).activities) if reported else "—"
                for figures, reported in (
                    (stats.totals, True),
                    (stats.previous_totals, stats.previous_reported),
                    (stats.year_ago_totals, stats.year_ago_reported),
                    (stats.year_to_date_totals, True),
                )
            ],
            "people": writer.number(_kind(stats.totals, kind).people),
        }
        for kind in ACTIVITY_KINDS
    ]
