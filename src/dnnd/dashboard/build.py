"""`dnnd site`: the static website of a plan repository: the overview of the period, the trend since the
decision, the agencies by quarter, and a page per task and per agency."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from dnnd.dashboard.charts import Chart, Drawing
from dnnd.dashboard.detail_pages import agency_pages, task_pages
from dnnd.dashboard.overview import attention, figures_chart, figures_rows, late_in_period, status_chart, trend_charts
from dnnd.dashboard.pages import PageWriter
from dnnd.dashboard.reporting import ReportingGrid, main_branch_submissions, reporting_grid
from dnnd.dashboard.words import Writer
from dnnd.evaluate.figures import Stats, figures_of
from dnnd.evaluate.quarter_history import QuarterRecord, quarter_history
from dnnd.evaluate.status_report import PeriodChoice, StatusReport, status_report
from dnnd.evaluate.task_views import entries_by_task
from dnnd.i18n import Text
from dnnd.plan.periods import Period, first_reporting_quarter
from dnnd.plan.vocabulary import REPORTING_STATE_BY_CODE, REPORTING_STATES, summary_line
from dnnd.repository import Repository
from dnnd.workflow.history import Submission


class GridCell(NamedTuple):
    """One agency's quarter in the grid: its state's code and mark, and the words shown on hovering."""

    code: str
    mark: str
    title: str


class GridRow(NamedTuple):
    id: str
    short_name: str
    cells: list[GridCell]


class Site(NamedTuple):
    """The site's files (path → bytes), the period of its overview, and why it was chosen when none was named."""

    pages: dict[str, bytes]
    period: Period
    why: Text | None


def build_site(repo: Repository, choice: PeriodChoice, today: dt.date, lang: str) -> Site:
    """Every page of the site for the chosen period (by default the period being reported). The charts are
    drawn beside (`charts.Drawing`) while the pages of the tasks and agencies are built."""
    writer = Writer(lang)
    report = status_report(repo, choice, today=today)
    evaluation = report.evaluation
    history = quarter_history(repo, evaluation.period, evaluation.as_of)  # first: it counts every activity once
    stats = figures_of(repo, evaluation.period, evaluation.as_of)
    found = main_branch_submissions(repo)
    grid = reporting_grid(repo, history, found, choice.as_of or today)
    trend = trend_charts(history, grid, writer) if history else []
    drawing = Drawing([status_chart(report, writer), figures_chart(stats, writer), *trend])
    pages = PageWriter(repo.plan.title, writer, writer.date(evaluation.as_of))
    _agency_grid(pages, repo, grid, writer)
    _detail_pages(pages, repo, report, history, grid, stats, writer)
    status, figures, *trend_drawn = drawing.result()
    _overview(pages, repo, report, stats, found, grid, choice.as_of or today, (status, figures), writer)
    first = first_reporting_quarter(repo.plan.decision.date, repo.plan.reporting.windows)
    trend_lead_in = (
        Text(f"Từng quý, từ quý {writer.quarter(first)}.", f"Quarter by quarter, from {writer.quarter(first)}.")
        if history
        else Text(
            f"Chưa có quý nào để so sánh: các cơ quan báo cáo từ quý {writer.quarter(first)}.",
            f"No quarter to compare yet: the agencies report from {writer.quarter(first)}.",
        )
    )
    pages.add(
        "dien-bien.html",
        "trend.html.j2",
        "trend",
        writer.words["trend"],
        heading=writer(Text("Diễn biến từ khi ban hành Kế hoạch", "The trend since the plan was issued")),
        lead_in=writer(trend_lead_in),
        charts=trend_drawn,
    )
    return Site(pages.finish(), evaluation.period, report.why)


def _overview(
    pages: PageWriter,
    repo: Repository,
    report: StatusReport,
    stats: Stats,
    found: list[Submission] | None,
    grid: ReportingGrid,
    day: dt.date,
    charts: tuple[Chart, Chart],
    writer: Writer,
) -> None:
    """index.html: the period in five numbers, the tasks per status, the tasks needing attention, who has not
    reported and who was late, and the figures."""
    evaluation = report.evaluation
    heading = (
        writer(Text("Tình hình thực hiện Kế hoạch", "Progress of the plan")) + " — " + writer.period(evaluation.period)
    )
    lead_in = writer(
        Text(
            f"{repo.plan.title}, ban hành kèm theo Quyết định số {repo.plan.decision.number} ngày "
            f"{writer.date(repo.plan.decision.date)}. Số liệu đến ngày {writer.date(evaluation.as_of)}.",
            f"{repo.plan.title}, issued with Decision {repo.plan.decision.number} of "
            f"{writer.date(repo.plan.decision.date)}. Data as of {writer.date(evaluation.as_of)}.",
        )
    )
    counts = report.counts()
    late = _late_rows(repo, report, found, day, writer)
    missing, pending = _missing_rows(repo, report, grid, writer)
    headline = [
        (writer.number(sum(counts.values())), writer(Text("nhiệm vụ", "tasks"))),
        (writer.number(counts["overdue"]), writer(Text("quá hạn chưa hoàn thành", "overdue"))),
        (
            writer.number(len({row["agency"] for row in missing})),
            writer(Text("cơ quan chưa báo cáo", "agencies not reported")),
        ),
        (
            writer.number(len(late)) if grid.history_read else "—",
            writer(Text("báo cáo muộn", "late reports")),
        ),
        (
            writer.number(sum(kind.activities for kind in stats.totals.values())),
            writer(Text("hoạt động trong kỳ", "activities")),
        ),
    ]
    pages.add(
        "index.html",
        "index.html.j2",
        "overview",
        writer.words["overview"],
        headline=headline,
        heading=heading,
        lead_in=lead_in,
        why=writer(report.why) if report.why is not None else "",
        summary_line=writer(summary_line(counts)),
        status_chart=charts[0],
        attention=attention(repo, report, writer),
        missing=missing,
        pending=pending,
        late=late,
        history_read=grid.history_read,
        figures_chart=charts[1],
        figure_columns=[
            writer(Text(*pair))
            for pair in (
                ("Kỳ này", "This period"),
                ("Kỳ trước", "Period before"),
                ("Cùng kỳ năm trước", "A year earlier"),
                ("Lũy kế từ đầu năm", "Year to date"),
                ("Số người trong kỳ", "People in the period"),
            )
        ],
        figure_rows=figures_rows(stats, writer),
    )


def _detail_pages(
    pages: PageWriter,
    repo: Repository,
    report: StatusReport,
    history: list[QuarterRecord],
    grid: ReportingGrid,
    stats: Stats,
    writer: Writer,
) -> None:
    """The tasks' index, a page per task and a page per agency."""
    tasks = task_pages(repo, report, history, entries_by_task(repo), writer)
    pages.add(
        "nhiem-vu/index.html",
        "tasks.html.j2",
        "tasks",
        writer.words["tasks"],
        heading=writer.words["tasks"] + " — " + writer.period(report.evaluation.period),
        lead_in=writer(summary_line(report.counts())),
        pages=tasks,
    )
    for page in tasks:
        pages.add(
            f"nhiem-vu/{page.task.id}.html",
            "task.html.j2",
            "tasks",
            f"{writer.words['task']} {page.task.id}",
            page=page,
        )
    year = stats.year_to_date
    activities = [item for item in repo.activities(year.quarters()) if item.start <= year.until]
    activities_heading = writer(
        Text(
            f"Hoạt động từ đầu năm {year.period.year} đến ngày {writer.date(year.until)}",
            f"Activities from the start of {year.period.year} to {writer.date(year.until)}",
        )
    )
    for agency in agency_pages(repo, report, grid, activities, writer):
        pages.add(
            f"co-quan/{agency.id}.html",
            "agency.html.j2",
            "agencies",
            agency.name,
            page=agency,
            activities_heading=activities_heading,
        )


def _missing_rows(
    repo: Repository, report: StatusReport, grid: ReportingGrid, writer: Writer
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The agencies that have not reported on tasks of the period: those past their due day, and those whose
    report is not due yet (the grid's 'pending')."""
    missing: list[dict[str, str]] = []
    pending: list[dict[str, str]] = []
    for item in report.evaluation.missing:
        standing = grid.standings.get(item.agency, {}).get(item.quarter)
        row = {
            "agency": item.agency,
            "name": repo.agencies[item.agency].name if item.agency in repo.agencies else item.agency,
            "quarter": writer.quarter(item.quarter),
            "tasks": ", ".join(str(task) for task in item.tasks),
            "due": writer.date(standing.due) if standing is not None else "",
        }
        (pending if standing is not None and standing.state == "pending" else missing).append(row)
    return missing, pending


def _late_rows(
    repo: Repository, report: StatusReport, found: list[Submission] | None, day: dt.date, writer: Writer
) -> list[dict[str, str]]:
    rows = []
    for item in late_in_period(found, report, day):
        agency = repo.agencies.get(item.agency)
        rows.append(
            {
                "agency": item.agency,
                "name": agency.name if agency is not None else item.agency,
                "quarter": writer.quarter(item.quarter),
                "due": writer.date(item.due),
                "reached_on": writer.date(item.reached_on),
                "days_late": writer.number((item.reached_on - item.due).days),
            }
        )
    return rows


def _agency_grid(pages: PageWriter, repo: Repository, grid: ReportingGrid, writer: Writer) -> None:
    """The agencies × quarters page: a cell per quarter with the agency's standing, as a colour and a mark."""
    rows = []
    for agency_id in grid.agencies:
        cells = []
        for quarter in grid.quarters:
            standing = grid.standings[agency_id][quarter]
            state = REPORTING_STATE_BY_CODE[standing.state]
            title = f"{writer.quarter(quarter)}: {writer(state.label)}"
            if standing.missing:
                title += f" ({writer.words['missing_tasks'].lower()}: {', '.join(map(str, standing.missing))})"
            cells.append(GridCell(state.code, state.mark, title))
        rows.append(GridRow(agency_id, repo.agencies[agency_id].short_name, cells))
    legend = [{"code": state.code, "mark": state.mark, "label": writer(state.label)} for state in REPORTING_STATES]
    pages.add(
        "co-quan/index.html",
        "agencies.html.j2",
        "agencies",
        writer.words["agencies"],
        heading=writer(Text("Báo cáo của các cơ quan theo quý", "The agencies' reports by quarter")),
        lead_in=writer(
            Text(
                "Mỗi ô là một quý của một cơ quan: báo cáo đúng hạn, muộn, chưa báo cáo, chưa đến hạn hoặc không phải báo cáo.",
                "Each cell is one agency's quarter: reported on time, late, not reported, not yet due, or nothing to report.",
            )
        ),
        history_read=grid.history_read,
        legend=legend,
        grid_caption=writer(Text("Cơ quan × quý", "Agencies × quarters")),
        quarters=[writer.quarter(quarter) for quarter in grid.quarters],
        rows=rows,
    )
