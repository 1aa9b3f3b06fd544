"""Task status at a date (QĐ 42/2014 categories) and who must report, from hand-built Facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pytest

from dnnd.evaluate.status_report import build_facts
from dnnd.evaluate.task_status import Completion, Facts, evaluate, evaluate_task
from dnnd.plan.models import Event
from dnnd.plan.periods import Period, parse_period
from dnnd.plan.schedules import AfterEvents, Once, Ongoing, Schedule, Yearly
from dnnd.repository import load_repository
from tests.conftest import EMBEDDED_PLAN

D = dt.date
ONCE, ONGOING, YEAR_END, NOV, AFTER, MULTI = 4, 5, 14, 8, 9, 20
SCHEDULES: dict[int, Schedule] = {
    ONCE: Once(D(2020, 9, 30)),
    ONGOING: Ongoing(),
    YEAR_END: Yearly(12),
    NOV: Yearly(11, 17),
    AFTER: AfterEvents(events=("huong-dan-bng",)),
    MULTI: Once(D(2020, 12, 31)),
}
LEADS = {ONCE: ("sngv",), ONGOING: ("sngv", "lhhn"), YEAR_END: ("lhhn",), NOV: ("stttt",), AFTER: ("sngv",)}
LEADS[MULTI] = ("sngv", "lhhn")
REPORTERS = {task: (*leads, "snv") for task, leads in LEADS.items()}


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def facts(
    done: Iterable[tuple[int, str, dt.date, str] | tuple[int, str, dt.date, str, int]] = (),
    submitted: Iterable[tuple[str, str, int]] = (),
    events: Iterable[Event] | None = None,
    schedules: dict[int, Schedule] | None = None,
) -> Facts:
    """Facts of a plan decided 27/5/2020; `done` holds (task, agency, done_on, file quarter[, occurrence])."""
    completions: dict[tuple[int, str], list[Completion]] = {}
    for task, agency, done_on, quarter, *occurrence in done:
        completions.setdefault((task, agency), []).append(Completion(done_on, P(quarter), *occurrence))
    return Facts(
        decision_date=D(2020, 5, 27),
        convention="cutoff",
        schedules=schedules or SCHEDULES,
        events={item.id: item for item in (events if events is not None else [event(None)])},
        leads=LEADS,
        reporters=REPORTERS,
        completions=completions,
        submitted=frozenset((agency, P(quarter), task) for agency, quarter, task in submitted),
    )


def event(occurred_on: dt.date | None, within_days: int | None = None, id: str = "huong-dan-bng") -> Event:
    return Event(id=id, name="Hướng dẫn", issuer="bng", occurred_on=occurred_on, within_days=within_days)


@pytest.mark.parametrize(
    ("as_of", "status"), [(D(2020, 9, 29), "in_progress"), (D(2020, 9, 30), "in_progress"), (D(2020, 10, 1), "overdue")]
)
def test_not_done_around_the_deadline(as_of: dt.date, status: str) -> None:
    result = evaluate_task(facts(), ONCE, P("2020-Q4"), as_of)
    assert (result.status, result.due, result.done_on) == (status, D(2020, 9, 30), None)


@pytest.mark.parametrize(
    ("done_on", "status"),
    [(D(2020, 9, 29), "done_on_time"), (D(2020, 9, 30), "done_on_time"), (D(2020, 10, 1), "done_late")],
)
def test_done_around_the_deadline(done_on: dt.date, status: str) -> None:
    result = evaluate_task(facts([(ONCE, "sngv", done_on, "2020-Q4")]), ONCE, P("2020-Q4"), D(2020, 12, 14))
    assert (result.status, result.due, result.done_on) == (status, D(2020, 9, 30), done_on)


def test_multi_lead_task_is_done_only_when_every_lead_is() -> None:
    one = facts([(MULTI, "lhhn", D(2020, 10, 5), "2020-Q4")])
    assert evaluate_task(one, MULTI, P("2020-Q4"), D(2020, 12, 14)).status == "in_progress"
    assert evaluate_task(one, MULTI, P("2021-Q1"), D(2021, 3, 14)).status == "overdue"
    both = facts([(MULTI, "lhhn", D(2020, 10, 5), "2020-Q4"), (MULTI, "sngv", D(2021, 1, 4), "2021-Q1")])
    result = evaluate_task(both, MULTI, P("2021-Q1"), D(2021, 3, 14))
    assert (result.status, result.done_on) == ("done_late", D(2021, 1, 4))
    early = facts([(MULTI, "lhhn", D(2020, 12, 20), "2021-Q1"), (MULTI, "sngv", D(2020, 10, 1), "2020-Q4")])
    assert evaluate_task(early, MULTI, P("2021-Q1"), D(2021, 3, 14)).done_on == D(2020, 12, 20)


def test_completion_is_not_undone_by_later_entries() -> None:
    later = [("sngv", "2020-Q4", ONCE), ("sngv", "2021-Q1", ONCE)]  # e.g. in_progress entries after the done one
    data = facts([(ONCE, "sngv", D(2020, 9, 10), "2020-Q3")], submitted=later)
    for name in ("2020-Q3", "2020-Q4", "2021-Q1", "2021-H1", "2022"):
        result = evaluate_task(data, ONCE, P(name), P(name).window().end)
        assert (result.status, result.done_on) == ("done_on_time", D(2020, 9, 10))


def test_completion_wins_over_waiting() -> None:
    data = facts([(AFTER, "sngv", D(2020, 8, 1), "2020-Q3")], events=[event(None)])
    result = evaluate_task(data, AFTER, P("2020-Q3"), D(2020, 9, 14))
    assert (result.status, result.due, result.done_on) == ("done", None, D(2020, 8, 1))
    assert evaluate_task(facts(events=[event(None)]), AFTER, P("2020-Q3"), D(2020, 9, 14)).status == "waiting"


def test_update_files_of_later_periods_are_ignored() -> None:
    data = facts([(ONCE, "sngv", D(2020, 9, 10), "2020-Q4")])
    assert evaluate_task(data, ONCE, P("2020-Q3"), D(2020, 9, 14)).status == "in_progress"
    assert evaluate_task(data, ONCE, P("2020-Q4"), D(2020, 12, 14)).status == "done_on_time"
    assert evaluate_task(data, ONCE, P("2020-H2"), D(2020, 12, 14)).status == "done_on_time"
    assert evaluate_task(data, ONCE, P("2020-H1"), D(2020, 6, 14)).done_on is None


def test_completions_after_the_evaluation_date_are_ignored() -> None:
    data = facts([(ONCE, "sngv", D(2020, 9, 20), "2020-Q3")])
    assert evaluate_task(data, ONCE, P("2020-Q3"), D(2020, 9, 14)).status == "in_progress"
    assert evaluate_task(data, ONCE, P("2020-Q4"), D(2020, 9, 19)).status == "in_progress"
    result = evaluate_task(data, ONCE, P("2020-Q4"), D(2020, 9, 20))
    assert (result.status, result.done_on) == ("done_on_time", D(2020, 9, 20))


def test_missed_year_end_occurrence_is_overdue_in_next_years_q1() -> None:
    data = facts()
    q4 = evaluate_task(data, YEAR_END, P("2020-Q4"), D(2020, 12, 14))
    assert (q4.status, q4.due, q4.occurrence) == ("in_progress", D(2020, 12, 31), 2020)
    q1 = evaluate_task(data, YEAR_END, P("2021-Q1"), D(2021, 3, 14))
    assert (q1.status, q1.due, q1.occurrence) == ("overdue", D(2020, 12, 31), 2020)
    q2 = evaluate_task(data, YEAR_END, P("2021-Q2"), D(2021, 6, 14))
    assert (q2.status, q2.due, q2.occurrence) == ("in_progress", D(2021, 12, 31), 2021)


def test_done_entry_completes_the_occurrence_evaluated_on_its_date() -> None:
    late = facts([(YEAR_END, "lhhn", D(2021, 1, 10), "2021-Q1")])
    q1 = evaluate_task(late, YEAR_END, P("2021-Q1"), D(2021, 3, 14))
    assert (q1.status, q1.occurrence, q1.done_on) == ("done_late", 2020, D(2021, 1, 10))
    q2 = evaluate_task(late, YEAR_END, P("2021-Q2"), D(2021, 6, 14))
    assert (q2.status, q2.occurrence, q2.done_on) == ("in_progress", 2021, None)
    # 20/12/2020 lies in 2021-Q1's window, whose first deadline on or after 15/12/2020 is 17/11/2021.
    early = facts([(NOV, "stttt", D(2020, 12, 20), "2021-Q1")])
    q1 = evaluate_task(early, NOV, P("2021-Q1"), D(2021, 3, 14))
    assert (q1.status, q1.occurrence, q1.due, q1.done_on) == ("done_on_time", 2021, D(2021, 11, 17), D(2020, 12, 20))


def test_occurrence_named_in_the_entry_wins() -> None:
    data = facts([(YEAR_END, "lhhn", D(2021, 1, 5), "2021-Q1", 2021)])
    q1 = evaluate_task(data, YEAR_END, P("2021-Q1"), D(2021, 3, 14))
    assert (q1.status, q1.occurrence, q1.done_on) == ("overdue", 2020, None)
    q2 = evaluate_task(data, YEAR_END, P("2021-Q2"), D(2021, 6, 14))
    assert (q2.status, q2.occurrence, q2.done_on) == ("done_on_time", 2021, D(2021, 1, 5))
    named = facts([(NOV, "stttt", D(2020, 12, 20), "2021-Q1", 2020)])
    q1 = evaluate_task(named, NOV, P("2021-Q1"), D(2021, 3, 14))
    assert (q1.status, q1.occurrence, q1.done_on) == ("in_progress", 2021, None)


def test_second_done_for_a_completed_occurrence_changes_nothing() -> None:
    first = (YEAR_END, "lhhn", D(2020, 12, 1), "2020-Q4")
    again = (YEAR_END, "lhhn", D(2020, 12, 10), "2021-Q1")
    for data in (facts([first]), facts([first, again])):
        q1 = evaluate_task(data, YEAR_END, P("2021-Q1"), D(2021, 3, 14))
        assert (q1.status, q1.occurrence, q1.done_on) == ("done_on_time", 2020, D(2020, 12, 1))
        q2 = evaluate_task(data, YEAR_END, P("2021-Q2"), D(2021, 6, 14))
        assert (q2.status, q2.occurrence, q2.done_on) == ("in_progress", 2021, None)


@pytest.mark.parametrize(
    ("as_of", "status", "waiting_for"),
    [
        (D(2020, 7, 31), "waiting", ("huong-dan-bng",)),
        (D(2020, 8, 1), "in_progress", ()),
        (D(2020, 9, 14), "in_progress", ()),
    ],
)
def test_event_occurring_mid_period(as_of: dt.date, status: str, waiting_for: tuple[str, ...]) -> None:
    result = evaluate_task(facts(events=[event(D(2020, 8, 1))]), AFTER, P("2020-Q3"), as_of)
    assert (result.status, result.due, result.waiting_for) == (status, None, waiting_for)


def test_event_mid_period_starts_reporting_duty() -> None:
    data = facts(events=[event(D(2020, 8, 1))])
    before = evaluate(data, [AFTER], P("2020-Q3"), D(2020, 7, 31))
    assert (before.results[0].reports, before.missing) == ({}, [])
    after = evaluate(data, [AFTER], P("2020-Q3"), D(2020, 9, 14))
    assert after.results[0].reports == {"sngv": "missing", "snv": "missing"}


def test_waits_for_every_event() -> None:
    schedules = {**SCHEDULES, AFTER: AfterEvents(events=("huong-dan-bng", "huong-dan-bnv"))}
    one = [event(D(2020, 8, 1)), event(None, id="huong-dan-bnv")]
    result = evaluate_task(facts(events=one, schedules=schedules), AFTER, P("2020-Q3"), D(2020, 9, 14))
    assert (result.status, result.waiting_for) == ("waiting", ("huong-dan-bnv",))
    both = [event(D(2020, 8, 1)), event(D(2020, 8, 20), 10, id="huong-dan-bnv")]
    result = evaluate_task(facts(events=both, schedules=schedules), AFTER, P("2020-Q3"), D(2020, 9, 14))
    assert (result.status, result.due, result.waiting_for) == ("overdue", D(2020, 8, 30), ())


@pytest.mark.parametrize(
    ("task_days", "event_days", "due", "status"),
    [
        (None, 30, D(2020, 8, 31), "overdue"),
        (60, 30, D(2020, 9, 30), "in_progress"),
        (0, 30, D(2020, 8, 1), "overdue"),
        (None, None, None, "in_progress"),
    ],
)
def test_within_days_of_the_task_wins_over_the_event(
    task_days: int | None, event_days: int | None, due: dt.date | None, status: str
) -> None:
    schedules = {**SCHEDULES, AFTER: AfterEvents(events=("huong-dan-bng",), within_days=task_days)}
    data = facts(events=[event(D(2020, 8, 1), event_days)], schedules=schedules)
    result = evaluate_task(data, AFTER, P("2020-Q3"), D(2020, 9, 14))
    assert (result.status, result.due) == (status, due)


def test_leads_and_supports_must_report_and_submissions_count() -> None:
    data = facts(submitted=[("sngv", "2020-Q3", ONGOING), ("snv", "2020-Q2", ONGOING)])
    evaluation = evaluate(data, [ONGOING, AFTER], P("2020-Q3"), D(2020, 9, 14))
    ongoing, waiting = evaluation.results
    assert ongoing.status == "ongoing"
    assert ongoing.reports == {"sngv": "submitted", "lhhn": "missing", "snv": "missing"}
    assert (waiting.status, waiting.reports) == ("waiting", {})
    missing = {(item.agency, item.quarter.name): item.tasks for item in evaluation.missing}
    assert missing == {("lhhn", "2020-Q3"): (ONGOING,), ("snv", "2020-Q3"): (ONGOING,)}


def test_groups_and_external_bodies_do_not_report() -> None:
    data = build_facts(load_repository(EMBEDDED_PLAN.parent))
    assert data.reporters[2] == ("sngv", "bdv", "mttq", "snv", "lhhn")
    assert data.leads[5] == ("sngv", "lhhn")
    assert data.reporters[7] == ("sngv", "lhhn")
    assert all("lienquan" not in agencies and "bng" not in agencies for agencies in data.reporters.values())


@pytest.mark.parametrize(
    ("done_on", "quarter", "expected"),
    [(D(2020, 9, 14), "2020-Q3", {}), (D(2020, 9, 15), "2020-Q4", {"sngv": "missing", "snv": "missing"})],
)
def test_no_report_expected_for_a_task_done_before_the_window(
    done_on: dt.date, quarter: str, expected: dict[str, str]
) -> None:
    data = facts([(ONCE, "sngv", done_on, quarter)])
    evaluation = evaluate(data, [ONCE], P("2020-Q4"), D(2020, 12, 14))
    assert evaluation.results[0].status in ("done_on_time", "done_late")
    assert evaluation.results[0].reports == expected
    later = evaluate(data, [ONCE], P("2021-Q1"), D(2021, 3, 14))
    assert (later.results[0].status, later.results[0].reports) == (evaluation.results[0].status, {})


@pytest.mark.parametrize("name", ["2020-Q1", "2020-Q2", "2020-H1", "2019"])
def test_no_report_expected_before_the_first_reporting_quarter(name: str) -> None:
    evaluation = evaluate(facts(), [ONGOING, ONCE], P(name), P(name).window().end)
    assert [result.reports for result in evaluation.results] == [{}, {}]
    assert evaluation.missing == []


def test_half_year_expects_each_covered_quarter() -> None:
    data = facts(submitted=[("sngv", "2020-Q3", ONGOING), ("lhhn", "2020-Q3", ONGOING), ("lhhn", "2020-Q4", ONGOING)])
    evaluation = evaluate(data, [ONGOING], P("2020-H2"), D(2020, 12, 14))
    assert evaluation.results[0].reports == {"sngv": "missing", "lhhn": "submitted", "snv": "missing"}
    missing = sorted((item.agency, item.quarter.name) for item in evaluation.missing)
    assert missing == [("sngv", "2020-Q4"), ("snv", "2020-Q3"), ("snv", "2020-Q4")]


def test_year_expects_quarters_from_the_first_reporting_one() -> None:
    evaluation = evaluate(facts(), [ONGOING], P("2020"), D(2020, 12, 14))
    assert sorted({item.quarter.name for item in evaluation.missing}) == ["2020-Q3", "2020-Q4"]
    partial = evaluate(facts(), [ONGOING], P("2021-H1"), D(2021, 2, 1))
    assert {item.quarter.name for item in partial.missing} == {"2021-Q1"}


def test_half_year_skips_quarters_after_the_task_was_done() -> None:
    data = facts([(ONCE, "sngv", D(2020, 9, 10), "2020-Q3")], submitted=[("sngv", "2020-Q3", ONCE)])
    evaluation = evaluate(data, [ONCE], P("2020-H2"), D(2020, 12, 14))
    assert evaluation.results[0].status == "done_on_time"
    assert sorted((item.agency, item.quarter.name) for item in evaluation.missing) == [("snv", "2020-Q3")]
    assert evaluation.results[0].reports == {"sngv": "submitted", "snv": "missing"}
