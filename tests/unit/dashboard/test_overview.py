"""The overview and trend pages: tasks per status, tasks needing attention, the figures, the trend and the aid."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.dashboard.overview import (
    aid_chart,
    attention,
    figures_chart,
    figures_rows,
    late_in_period,
    status_chart,
    trend_charts,
)
from dnnd.dashboard.reporting import reporting_grid
from dnnd.dashboard.words import Writer
from dnnd.evaluate.figures import KindFigures, figures_of
from dnnd.evaluate.quarter_history import QuarterRecord, quarter_history
from dnnd.evaluate.status_report import PeriodChoice, status_report
from dnnd.load.git import Landing
from dnnd.plan.periods import Period, parse_period
from dnnd.plan.vocabulary import ACTIVITY_KIND_BY_CODE, ACTIVITY_KINDS, STATUS_CODES, STATUS_COLOURS
from dnnd.repository import Repository, load_repository
from dnnd.workflow.history import VIETNAM, Submission
from tests.conftest import MakeRepo
from tests.git_helpers import update

D = dt.date
TODAY = D(2024, 1, 1)
NOVEMBER_20 = D(2020, 11, 20)  # tasks 8 and 13 overdue since 17/11/2020
# 4 done after its due day (30/9/2020); 7 and 14 reported on by every agency that holds them
REPORTED = {
    **update("sngv", "2020-Q4", (4, "done", "2020-10-01"), (7, "in_progress"), (14, "in_progress")),
    **update("lhhn", "2020-Q4", (7, "in_progress"), (14, "in_progress")),
}


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def activities(agency: str, period: str, *items: str) -> dict[str, str]:
    """An update file with no entries and the activities given (each a YAML mapping on one line)."""
    listed = "".join(f"  - {item}\n" for item in items)
    return {
        f"plan/updates/{agency}/{period}.yaml": f"agency: {agency}\nperiod: {period}\nentries: []\nactivities:\n{listed}"
    }


def event(start: str, people: int) -> str:
    return f"{{kind: event, title: Hội nghị {start}, start: {start}, people: {people}}}"


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(REPORTED), use_cache=False)


def test_attention_lists_overdue_late_and_waiting_tasks_and_those_with_agencies_missing(repo: Repository) -> None:
    report = status_report(repo, PeriodChoice(as_of=NOVEMBER_20), today=TODAY)
    found = {item.task: item for item in attention(repo, report, Writer("vi"))}
    assert list(found) == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 15]  # 7 and 14: ongoing, in progress, reported
    assert (found[4].status, found[4].due) == ("Đã hoàn thành quá hạn", "30/09/2020")
    assert (found[8].status, found[8].due) == ("Quá hạn chưa hoàn thành", "17/11/2020")
    assert found[8].missing == ["BTGTU", "STTTT", "Báo KH", "KTV", "Cổng TTĐT"]  # short names
    assert (found[1].status, found[1].missing) == ("Chờ điều kiện", [])
    assert (found[12].status, found[12].missing) == ("Thường xuyên", ["SNgV", "LHHN"])
    assert found[13].title == repo.tasks[13].title


def test_an_agency_missing_in_two_quarters_of_the_period_is_named_once(repo: Repository) -> None:
    report = status_report(repo, PeriodChoice(P("2020-H2")), today=TODAY)
    assert {item.quarter.name for item in report.evaluation.missing if item.agency == "stttt"} == {"2020-Q3", "2020-Q4"}
    found = {item.task: item for item in attention(repo, report, Writer("en"))}
    assert found[8].missing == ["BTGTU", "STTTT", "Báo KH", "KTV", "Cổng TTĐT"]
    assert found[8].status == "Overdue, not done" and found[8].due == "2020-11-17"


def test_the_status_chart_counts_the_reports_tasks_per_status(repo: Repository) -> None:
    report = status_report(repo, PeriodChoice(as_of=NOVEMBER_20), today=TODAY)
    chart = status_chart(report, Writer("en"))
    counts = report.counts()
    assert [values[0] for _, values in chart.rows()] == [counts[code] for code in STATUS_CODES]
    assert counts["done_late"] == 1 and counts["overdue"] == 2 and counts["waiting"] == 3
    assert chart.rows()[4] == ("Overdue, not done", [2])
    assert chart.series[0].colour == [STATUS_COLOURS[code] for code in STATUS_CODES]
    assert chart.summary == "15 tasks, evaluated on 2020-11-20; overdue: 2."


def record(quarter: str, aid: KindFigures) -> QuarterRecord:
    return QuarterRecord(P(quarter), P(quarter).window().end, {}, {}, {}, {"aid": aid}, True)


def test_the_aid_chart_counts_vnd_equivalents_and_names_the_quarters_without_a_rate() -> None:
    history = [
        record("2020-Q3", KindFigures(1, pledged={"USD": 1000, "VND": 5}, pledged_vnd_equivalent=23_000_005)),
        record("2020-Q4", KindFigures(2, pledged={"VND": 7_000_000}, disbursed={"VND": 2_000_000})),
        record("2021-Q1", KindFigures(1, pledged={"USD": 10, "VND": 3_000}, disbursed={"EUR": 4})),
        record("2021-Q2", KindFigures()),
    ]
    chart = aid_chart(history, ["III/2020", "IV/2020", "I/2021", "II/2021"], Writer("vi"))
    assert [series.code for series in chart.series] == ["pledged", "disbursed"]
    assert chart.rows() == [
        ("III/2020", [23_000_005, 0]),
        ("IV/2020", [7_000_000, 2_000_000]),
        ("I/2021", [3_000, 0]),  # the đồng only: no rate for USD nor EUR
        ("II/2021", [0, 0]),
    ]
    assert chart.summary.endswith("Chưa quy đổi ngoại tệ (thiếu tỷ giá): I/2021.")  # named once


def test_the_aid_chart_says_nothing_of_rates_when_every_amount_is_converted() -> None:
    history = [record("2020-Q4", KindFigures(1, pledged={"USD": 1}, pledged_vnd_equivalent=23_000))]
    chart = aid_chart(history, ["2020-Q4"], Writer("en"))
    assert chart.summary == "In VND at the plan's exchange rates."
    assert chart.rows() == [("2020-Q4", [23_000, 0])]


FIGURES = {
    **activities("lhhn", "2020-Q4", event("2020-10-05", 1500)),
    **activities("lhhn", "2021-Q3", event("2021-08-01", 9)),
    **activities("sngv", "2021-Q4", event("2021-11-20", 1200), event("2021-12-10", 800),
                 "{kind: training, title: Tập huấn, start: 2021-10-10, people: 20}"),
}  # fmt: skip


@pytest.fixture
def figures_repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(FIGURES, name="figures"), use_cache=False)


def test_the_figures_table_gives_each_kind_in_the_period_before_a_year_earlier_and_the_year_to_date(
    figures_repo: Repository,
) -> None:
    stats = figures_of(figures_repo, P("2021-Q4"), D(2021, 12, 14))
    rows = figures_rows(stats, Writer("vi"))
    assert [row["label"] for row in rows] == [ACTIVITY_KIND_BY_CODE[kind].label.vi for kind in ACTIVITY_KINDS]
    by_label = {row["label"]: row for row in rows}
    assert by_label["Hội nghị, sự kiện"] == {
        "label": "Hội nghị, sự kiện",
        "values": ["2", "1", "1", "3"],
        "people": "2.000",
    }
    assert by_label["Tập huấn"] == {"label": "Tập huấn", "values": ["1", "0", "0", "1"], "people": "20"}
    assert by_label["Đoàn vào"]["values"] == ["0", "0", "0", "0"]
    assert figures_rows(stats, Writer("en"))[2]["people"] == "2,000"


@pytest.mark.parametrize(
    ("period", "until", "codes"),
    [("2021-Q4", D(2021, 12, 14), ["period", "previous", "year_ago"]), ("2020-Q3", D(2020, 9, 14), ["period"])],
)
def test_the_figures_chart_compares_only_with_periods_within_the_plans_reporting(
    figures_repo: Repository, period: str, until: dt.date, codes: list[str]
) -> None:
    chart = figures_chart(figures_of(figures_repo, P(period), until), Writer("vi"))
    assert [series.code for series in chart.series] == codes
    assert len(chart.rows()) == len(ACTIVITY_KINDS)


def test_the_figures_chart_counts_the_periods_activities(figures_repo: Repository) -> None:
    chart = figures_chart(figures_of(figures_repo, P("2021-Q4"), D(2021, 12, 14)), Writer("en"))
    assert dict(chart.rows())["Conferences, events"] == [2, 1, 1]
    assert chart.summary == "3 activities in the period."


def submission(agency: str, quarter: str, late: bool) -> Submission:
    due = P(quarter).window().end + dt.timedelta(days=2)
    reached = dt.datetime.combine(due + dt.timedelta(days=1 if late else 0), dt.time(9), tzinfo=VIETNAM)
    landing = Landing("abc", reached, "Clerk", ())
    return Submission(f"plan/updates/{agency}/{quarter}.yaml", agency, P(quarter), landing, landing, 1, due)


def test_the_late_submissions_of_the_period_are_those_of_its_quarters_that_reached_main_after_their_due_day(
    repo: Repository,
) -> None:
    report = status_report(repo, PeriodChoice(P("2020-Q4")), today=TODAY)
    found = [
        submission("lhhn", "2020-Q4", True),
        submission("snv", "2020-Q4", False),
        submission("sngv", "2020-Q3", True),
    ]
    assert [(item.agency, item.quarter) for item in late_in_period(found, report, TODAY)] == [("lhhn", P("2020-Q4"))]
    assert late_in_period(None, report, TODAY) == []
    before = min(item.reached_on for item in found) - dt.timedelta(days=1)
    assert late_in_period(found, report, before) == []  # as of a day before any arrived


def test_the_trend_has_a_bar_per_quarter_of_each_status_each_reporting_state_each_kind_and_the_aid(
    make_repo: MakeRepo,
) -> None:
    stttt = update("stttt", "2020-Q4", (8, "in_progress"), (11, "in_progress"))  # all it had to report on
    repo = load_repository(make_repo({**FIGURES, **stttt}), use_cache=False)
    history = quarter_history(repo, P("2021-Q1"), D(2021, 3, 14))
    grid = reporting_grid(repo, history, None, D(2021, 3, 15))  # 2021-Q1 is due on 16/3/2021
    charts = trend_charts(history, grid, Writer("vi"))
    assert [chart.id for chart in charts] == ["trend-status", "trend-reporting", "trend-activities", "trend-aid"]
    status, reporting, kinds, _ = charts
    assert [label for label, _ in status.rows()] == ["III/2020", "IV/2020", "I/2021"]
    assert [values for _, values in status.rows()] == [list(record.counts().values()) for record in history]
    assert [series.code for series in reporting.series] == ["submitted", "missing", "pending"]  # none: not shown
    assert dict(reporting.rows()) == {"III/2020": [0, 10, 0], "IV/2020": [1, 9, 0], "I/2021": [0, 0, 10]}
    assert [values[ACTIVITY_KINDS.index("event")] for _, values in kinds.rows()] == [0, 1, 0]
