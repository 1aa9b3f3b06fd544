"""The plan quarter by quarter since its first reporting quarter: each quarter evaluated as `dnnd status --quarter`
evaluates it, who had to report on what and who did not, and the quarter's figures."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.evaluate.quarter_history import history_quarters, quarter_history
from dnnd.evaluate.status_report import PeriodChoice, status_report
from dnnd.plan.periods import Period, parse_period
from dnnd.plan.vocabulary import STATUS_CODES
from dnnd.repository import load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import update

D = dt.date
TODAY = D(2024, 1, 1)
STTTT_ALL = update("stttt", "2020-Q4", (8, "done", "2020-11-30"), (11, "in_progress"))  # every task it holds
EVENT = "activities:\n  - {kind: event, title: Hội nghị, start: 2021-01-10, people: 40}\n"
FILES = {
    **update("sngv", "2020-Q3", (4, "done", "2020-09-10"), (2, "in_progress")),
    **STTTT_ALL,
    "plan/updates/lhhn/2021-Q1.yaml": update("lhhn", "2021-Q1", (2, "in_progress"))["plan/updates/lhhn/2021-Q1.yaml"]
    + EVENT,
}


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def names(quarters: list[Period]) -> list[str]:
    return [quarter.name for quarter in quarters]


@pytest.mark.parametrize(
    ("until", "as_of", "quarters"),
    [
        ("2020-Q4", D(2020, 12, 14), ["2020-Q3", "2020-Q4"]),  # from 2020-Q3: the decision is of 27/5/2020
        ("2020-Q4", D(2021, 6, 1), ["2020-Q3", "2020-Q4"]),  # not past the period
        ("2020-Q4", D(2020, 9, 15), ["2020-Q3", "2020-Q4"]),  # 2020-Q4's window begins on 15/9/2020
        ("2020-Q4", D(2020, 9, 14), ["2020-Q3"]),  # not a quarter that has not begun
        ("2021", D(2021, 1, 10), ["2020-Q3", "2020-Q4", "2021-Q1"]),  # up to the last quarter begun of a year
        ("2021-H1", D(2021, 6, 14), ["2020-Q3", "2020-Q4", "2021-Q1", "2021-Q2"]),
        ("2020-Q2", D(2020, 6, 14), []),  # before reporting began
    ],
)
def test_the_quarters_run_from_the_first_reporting_quarter_to_the_period_stopping_at_the_day(
    make_repo: MakeRepo, until: str, as_of: dt.date, quarters: list[str]
) -> None:
    repo = load_repository(make_repo(), use_cache=False)
    assert names(history_quarters(repo, P(until), as_of)) == quarters


def test_under_calendar_windows_the_quarters_begin_on_the_first_of_their_month(make_repo: MakeRepo) -> None:
    plan = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8") + "\nreporting:\n  windows: calendar\n"
    repo = load_repository(make_repo({"plan/plan.yaml": plan}), use_cache=False)
    assert names(history_quarters(repo, P("2020-Q4"), D(2020, 9, 30))) == ["2020-Q3"]
    assert names(history_quarters(repo, P("2020-Q4"), D(2020, 10, 1))) == ["2020-Q3", "2020-Q4"]


def test_each_quarter_counts_as_the_status_of_that_quarter_does(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(FILES), use_cache=False)
    history = quarter_history(repo, P("2021-Q1"), D(2021, 2, 1))
    assert [(record.quarter.name, record.as_of, record.ended) for record in history] == [
        ("2020-Q3", D(2020, 9, 14), True),
        ("2020-Q4", D(2020, 12, 14), True),
        ("2021-Q1", D(2021, 2, 1), False),  # evaluated on the day asked, before its window's end
    ]
    for record in history:
        report = status_report(repo, PeriodChoice(record.quarter, record.as_of), today=TODAY)
        assert record.counts() == report.counts(), record.quarter
        assert list(record.counts()) == list(STATUS_CODES)
        assert {task: result.status for task, result in record.results.items()} == {
            task: result.status for task, result in report.results.items()
        }


def test_each_quarter_names_who_had_to_report_on_what_and_who_did_not(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(FILES), use_cache=False)
    history = quarter_history(repo, P("2021-Q1"), D(2021, 2, 1))
    for record in history:
        report = status_report(repo, PeriodChoice(record.quarter, record.as_of), today=TODAY)
        assert record.missing == {item.agency: item.tasks for item in report.evaluation.missing}
        assert all(set(tasks) <= set(record.expected[agency]) for agency, tasks in record.missing.items())
    q3, q4, _ = history
    assert q3.expected["sngv"] == (2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15)
    assert q3.missing["sngv"] == (3, 5, 6, 7, 11, 12, 13, 14, 15)  # it reported on 2 and 4
    assert (q4.expected["stttt"], "stttt" in q4.missing) == ((8, 11), False)
    assert 4 not in q4.expected["sngv"]  # done in the quarter before: no report expected


def test_each_quarter_has_its_own_activity_figures_up_to_the_day(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(FILES), use_cache=False)
    before, after = (
        quarter_history(repo, P("2021-Q1"), D(2021, 1, 9)),
        quarter_history(repo, P("2021-Q1"), D(2021, 1, 10)),
    )
    assert [record.figures["event"].activities for record in before] == [0, 0, 0]
    assert [record.figures["event"].activities for record in after] == [0, 0, 1]
    assert after[-1].figures["event"].people == 40


def test_a_period_before_reporting_began_has_no_history(make_repo: MakeRepo) -> None:
    assert quarter_history(load_repository(make_repo(), use_cache=False), P("2020-Q2"), D(2020, 6, 14)) == []
