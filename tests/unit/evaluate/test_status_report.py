"""The status of a period: which period and date are evaluated, the agency and status filters, the counts."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.errors import UsageError
from dnnd.evaluate.status_report import PeriodChoice, choose_period, status_report
from dnnd.plan.periods import Convention, Period, parse_period
from dnnd.plan.vocabulary import STATUS_CODES, empty_counts
from dnnd.repository import load_repository
from tests.conftest import MakeRepo
from tests.git_helpers import update

D = dt.date
TODAY = D(2024, 1, 1)


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


@pytest.mark.parametrize(
    ("choice", "convention", "period", "as_of"),
    [
        (PeriodChoice(P("2020-Q3")), "cutoff", "2020-Q3", D(2020, 9, 14)),
        (PeriodChoice(P("2020-Q3")), "calendar", "2020-Q3", D(2020, 9, 30)),
        (PeriodChoice(P("2020-H2")), "cutoff", "2020-H2", D(2020, 12, 14)),
        (PeriodChoice(P("2020-Q3"), D(2020, 12, 20)), "cutoff", "2020-Q3", D(2020, 12, 20)),
        (PeriodChoice(as_of=D(2020, 12, 20)), "cutoff", "2020-Q4", D(2020, 12, 20)),
        (PeriodChoice(as_of=D(2020, 12, 20)), "calendar", "2020-Q4", D(2020, 12, 20)),
        (PeriodChoice(), "cutoff", "2023-Q4", D(2023, 12, 14)),  # 1/1/2024: 2023-Q4 is still being reported
        (PeriodChoice(P("2024-Q1")), "cutoff", "2024-Q1", TODAY),  # not ended: evaluated today, not in March
    ],
    ids=["quarter", "quarter-calendar", "half", "quarter-on-a-day", "day", "day-calendar", "today", "not-ended"],
)
def test_choose_period(choice: PeriodChoice, convention: Convention, period: str, as_of: dt.date) -> None:
    assert choose_period(choice, TODAY, convention)[:2] == (P(period), as_of)


@pytest.mark.parametrize(
    ("today", "locked", "period", "as_of"),
    [
        (D(2026, 12, 14), (), "2026-Q4", D(2026, 12, 14)),  # the window's last day: the quarter under way
        (D(2026, 12, 15), (), "2026-Q4", D(2026, 12, 14)),  # the day after: the quarter just ended, at its end
        (D(2027, 1, 28), (), "2026-Q4", D(2026, 12, 14)),  # 45 days after the window's end
        (D(2027, 1, 29), (), "2027-Q1", D(2027, 1, 29)),  # the day after that
        (D(2026, 12, 15), (P("2026-Q4"),), "2027-Q1", D(2026, 12, 15)),  # locked: its report was issued
    ],
)
def test_the_period_being_reported_is_the_default_until_locked_or_45_days_on(
    today: dt.date, locked: tuple[Period, ...], period: str, as_of: dt.date
) -> None:
    chosen = choose_period(PeriodChoice(), today, "cutoff", locked)
    assert (chosen.period, chosen.as_of) == (P(period), as_of)
    reported = as_of != today  # the quarter just ended, evaluated at its window's end
    assert chosen.why is not None and chosen.why.vi.startswith(
        f"kỳ đang báo cáo: {period}, chưa khóa" if reported else f"kỳ đang diễn ra: {period}"
    )
    assert choose_period(PeriodChoice(as_of=today), D(2030, 1, 1), "cutoff", locked).as_of == today


def test_every_task_is_evaluated_and_counted(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(update("sngv", "2020-Q3", (4, "done", "2020-09-10"))))
    report = status_report(repo, PeriodChoice(P("2020-Q3")), today=TODAY)
    assert [view.task.id for view in report.views] == list(range(1, 16))
    assert report.counts() == {**empty_counts(), "done_on_time": 1, "in_progress": 3, "ongoing": 8, "waiting": 3}
    assert (report.results[4].status, report.results[4].done_on) == ("done_on_time", D(2020, 9, 10))
    assert (report.evaluation.period, report.evaluation.as_of) == (P("2020-Q3"), D(2020, 9, 14))
    assert len({item.agency for item in report.evaluation.missing}) == 10


def test_agency_filter_keeps_its_tasks_and_its_missing_reports(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo())
    report = status_report(repo, PeriodChoice(as_of=D(2020, 11, 20)), today=TODAY, agency_id="stttt")
    assert [view.task.id for view in report.views] == [8, 11]
    assert report.counts() == {**empty_counts(), "overdue": 1, "ongoing": 1}
    assert [(item.agency, item.quarter.name, item.tasks) for item in report.evaluation.missing] == [
        ("stttt", "2020-Q4", (8, 11))
    ]


def test_agency_filter_follows_the_successions_at_the_date(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo())
    later = D(2026, 1, 1)  # 2025-Q2 has ended: evaluated at its window's end
    after = status_report(repo, PeriodChoice(P("2025-Q2")), today=later, agency_id="svhtt")
    assert [view.task.id for view in after.views] == [8, 11]
    assert after.roles[8] == (["svhtt"], ["btg", "lienquan", "baokh", "ktv", "congttdt"])
    assert {item.agency for item in after.evaluation.missing} == {"svhtt"}
    ended = status_report(repo, PeriodChoice(P("2025-Q2")), today=later, agency_id="stttt")
    assert (ended.views, ended.evaluation.missing, sum(ended.counts().values())) == ([], [], 0)


def test_status_filter_keeps_the_tasks_of_that_status_only(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo())
    report = status_report(repo, PeriodChoice(P("2020-Q3")), today=TODAY, status_code="waiting")
    assert [view.task.id for view in report.views] == [1, 9, 10]
    assert report.counts() == {**empty_counts(), "waiting": 3}
    assert len(report.evaluation.results) == 15
    none = status_report(repo, PeriodChoice(P("2020-Q3")), today=TODAY, agency_id="lhhn", status_code="overdue")
    assert none.views == []


@pytest.mark.parametrize(("agency", "status"), [(None, "late"), ("xyz", None)])
def test_unknown_status_or_agency_is_a_usage_error(make_repo: MakeRepo, agency: str | None, status: str | None) -> None:
    repo = load_repository(make_repo())
    with pytest.raises(UsageError) as raised:
        status_report(repo, PeriodChoice(P("2020-Q3")), today=TODAY, agency_id=agency, status_code=status)
    expected = (
        f"no status 'late'; use one of: {', '.join(STATUS_CODES)}"
        if status
        else "no agency with id 'xyz'; known ids: " + ", ".join(sorted(repo.agencies))
    )
    assert raised.value.message.en == expected
