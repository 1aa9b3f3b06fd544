"""The quarters an update file may be for: from the plan's first reporting period to today's quarter."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.checks.update_periods import allowed_quarters, first_quarter, period_problem, periods_out_of_range
from dnnd.load.records import UpdateRecord
from dnnd.plan.models import Plan
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import load_repository
from tests.conftest import MakeRepo

D = dt.date


@pytest.fixture
def plan(make_repo: MakeRepo) -> Plan:
    return load_repository(make_repo(), use_cache=False).plan


def q(name: str) -> Period:
    period = parse_period(name, "quarter")
    assert period is not None
    return period


@pytest.mark.parametrize(
    ("decided", "first"),
    [
        (D(2020, 5, 27), "2020-Q3"),
        (D(2020, 6, 14), "2020-Q3"),
        (D(2020, 6, 15), "2020-Q4"),  # a window that opens on the decision's day is not yet due
        (D(2020, 3, 14), "2020-Q2"),
    ],
)
def test_the_first_period_is_the_one_evaluation_expects_reports_from(plan: Plan, decided: dt.date, first: str) -> None:
    decision = plan.decision.model_copy(update={"date": decided})
    assert first_quarter(plan.model_copy(update={"decision": decision})).name == first


def test_a_first_period_the_plan_names_is_taken_as_given(plan: Plan) -> None:
    reporting = plan.reporting.model_copy(update={"first_period": "2020-Q2"})
    assert first_quarter(plan.model_copy(update={"reporting": reporting})).name == "2020-Q2"


@pytest.mark.parametrize(
    ("today", "last"),
    [
        (D(2026, 12, 14), "2026-Q4"),
        (D(2026, 12, 15), "2027-Q1"),
        (D(2027, 3, 14), "2027-Q1"),
        (D(2027, 3, 15), "2027-Q2"),
    ],
)
def test_the_last_period_is_the_one_whose_window_holds_today(plan: Plan, today: dt.date, last: str) -> None:
    assert [period.name for period in allowed_quarters(plan, today)] == ["2020-Q3", last]


def test_a_quarter_not_begun_or_before_the_plan_is_refused_with_the_periods_allowed(plan: Plan) -> None:
    today = D(2026, 12, 7)
    assert period_problem(plan, q("2026-Q4"), today) is None and period_problem(plan, q("2020-Q3"), today) is None
    ahead = period_problem(plan, q("2027-Q3"), today)
    assert ahead is not None and ahead.vi == (
        "kỳ 2027-Q3 chưa bắt đầu (số liệu từ ngày 15/06/2027; hôm nay 07/12/2026): các kỳ được báo cáo: từ "
        "2020-Q3 đến 2026-Q4; có phải gõ nhầm năm?"
    )
    before = period_problem(plan, q("2020-Q2"), today)
    assert before is not None and before.en.startswith("2020-Q2 comes before the plan's first reporting period")


def test_only_the_files_out_of_range_are_named(plan: Plan) -> None:
    updates = [
        (f"plan/updates/lhhn/{name}.yaml", UpdateRecord("lhhn", name, None, (), ()))
        for name in ("2020-Q2", "2026-Q4", "2027-Q1")
    ]
    found = periods_out_of_range(plan, updates, D(2026, 12, 14))
    assert sorted(found) == ["plan/updates/lhhn/2020-Q2.yaml", "plan/updates/lhhn/2027-Q1.yaml"]
    assert [problem.field for problems in found.values() for problem in problems] == ["period", "period"]
    assert periods_out_of_range(plan, updates[1:], D(2026, 12, 15)) == {}
