"""Task status at a date, in the categories of the government's task tracking (QĐ 42/2014/QĐ-TTg).

Pure functions of indexed plan data, a period and an evaluation date: no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field

from dnnd.load.summary import Completion
from dnnd.plan.models import Event
from dnnd.plan.periods import Convention, Period, Window, first_reporting_quarter, quarter_containing
from dnnd.plan.schedules import AfterEvents, Once, Ongoing, Schedule, Yearly, yearly_occurrence
from dnnd.plan.successions import Successions


@dataclass(frozen=True)
class Facts:
    """What evaluation needs, indexed once: per task its reporting agencies and the completions of its leads."""

    decision_date: dt.date
    convention: Convention
    schedules: Mapping[int, Schedule]
    events: Mapping[str, Event]
    leads: Mapping[int, Sequence[str]]
    reporters: Mapping[int, Sequence[str]]
    completions: Mapping[tuple[int, str], Sequence[Completion]]
    submitted: Container[tuple[str, Period, int]]  # (agency, quarter, task) of every entry
    successions: Successions | None = None
    reporting: frozenset[str] = frozenset()

    def _at(self, ids: Sequence[str], task: int, day: dt.date) -> tuple[str, ...]:
        if self.successions is None:
            return tuple(ids)
        resolved = (heir for agency in ids for heir in self.successions.resolve(agency, task, day))
        return tuple(agency for agency in dict.fromkeys(resolved) if agency in self.reporting)

    def reporters_at(self, task: int, day: dt.date) -> tuple[str, ...]:
        """Every reporting agency, lead or support, of `task` in force at `day`."""
        return self._at(self.reporters.get(task, ()), task, day)

    def lineage(self, agency: str, task: int) -> frozenset[str]:
        """The agency and those whose duty on `task` passed to it: their submissions count as its own."""
        return self.successions.lineage(agency, task) if self.successions is not None else frozenset((agency,))


@dataclass(frozen=True)
class TaskResult:
    task: int
    status: str
    due: dt.date | None
    done_on: dt.date | None
    occurrence: int | None = None
    waiting_for: tuple[str, ...] = ()
    reports: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MissingReport:
    """An agency's quarter in which it did not report on `tasks`."""

    agency: str
    quarter: Period
    tasks: tuple[int, ...]


@dataclass(frozen=True)
class Evaluation:
    period: Period
    window: Window
    as_of: dt.date
    results: list[TaskResult]
    missing: list[MissingReport]


def _earliest_done(
    facts: Facts,
    task: int,
    agencies: Sequence[str],
    period: Period,
    as_of: dt.date,
    occurrence_of: Yearly | None,
) -> dict[int | None, dt.date]:
    """Per occurrence (None for non-yearly tasks), the first counted completion by any of `agencies`."""
    first: dict[int | None, dt.date] = {}
    entries = [item for source in agencies for item in facts.completions.get((task, source), ())]
    for completion in entries:
        if completion.quarter > period.quarters()[-1] or completion.done_on > as_of:
            continue
        key: int | None = None
        if occurrence_of is not None:
            key = completion.occurrence or yearly_occurrence(
                occurrence_of,
                facts.decision_date.year,
                quarter_containing(completion.done_on, facts.convention).window(facts.convention).start,
            )
        if key not in first or completion.done_on < first[key]:
            first[key] = completion.done_on
    return first


def _completion(
    facts: Facts, task: int, period: Period, as_of: dt.date, key: int | None, yearly: Yearly | None
) -> dt.date | None:
    """When every lead agency the decision named had reported the task (or occurrence `key`) done, each
    through itself or the successors its duty passed to by `as_of`; None if one has not."""
    leads = facts.leads.get(task, ())
    if not leads:
        return None
    dates = []
    for agency in leads:
        path = facts.successions.path(agency, task, as_of) if facts.successions is not None else (agency,)
        done = _earliest_done(facts, task, path, period, as_of, yearly).get(key)
        if done is None:
            return None
        dates.append(done)
    return max(dates)


def _after_events(facts: Facts, schedule: AfterEvents, as_of: dt.date) -> tuple[tuple[str, ...], dt.date | None]:
    """The events not yet occurred at `as_of`, and the deadline once all have (None without within_days)."""
    events = [facts.events[event_id] for event_id in schedule.events]
    pending = tuple(e.id for e in events if e.occurred_on is None or e.occurred_on > as_of)
    if pending:
        return pending, None
    if schedule.within_days is not None:
        latest = max(e.occurred_on for e in events if e.occurred_on is not None)
        return (), latest + dt.timedelta(days=schedule.within_days)
    limits = [
        e.occurred_on + dt.timedelta(days=e.within_days)
        for e in events
        if e.occurred_on is not None and e.within_days is not None
    ]
    return (), max(limits) if limits else None


def _judge(due: dt.date | None, done_on: dt.date | None, as_of: dt.date) -> str:
    if done_on is not None:
        return "done" if due is None else ("done_on_time" if done_on <= due else "done_late")
    return "in_progress" if due is None or as_of <= due else "overdue"


def evaluate_task(facts: Facts, task: int, period: Period, as_of: dt.date) -> TaskResult:
    """Status, deadline and completion of one task for `period`, evaluated at `as_of`."""
    schedule = facts.schedules[task]
    if isinstance(schedule, Ongoing):
        return TaskResult(task, "ongoing", None, None)
    if isinstance(schedule, Yearly):
        start = period.window(facts.convention).start
        occurrence = yearly_occurrence(schedule, facts.decision_date.year, start)
        due = schedule.due(occurrence)
        done_on = _completion(facts, task, period, as_of, occurrence, schedule)
        return TaskResult(task, _judge(due, done_on, as_of), due, done_on, occurrence)
    done_on = _completion(facts, task, period, as_of, None, None)
    if isinstance(schedule, Once):
        return TaskResult(task, _judge(schedule.due, done_on, as_of), schedule.due, done_on)
    pending, after_due = _after_events(facts, schedule, as_of)
    if pending and done_on is None:
        return TaskResult(task, "waiting", None, None, waiting_for=pending)
    return TaskResult(task, _judge(after_due, done_on, as_of), after_due, done_on, waiting_for=pending)


def is_active(result: TaskResult, window: Window) -> bool:
    """Reports are expected unless the task waits, or was done before the window began."""
    if result.status == "waiting":
        return False
    return not (result.done_on is not None and result.done_on < window.start)


def evaluate(facts: Facts, tasks: Sequence[int], period: Period, as_of: dt.date) -> Evaluation:
    """Every task's status for `period` at `as_of`, who must report on it, and who has not."""
    window = period.window(facts.convention)
    first_quarter = first_reporting_quarter(facts.decision_date, facts.convention)
    quarters = [
        quarter
        for quarter in period.quarters()
        if quarter >= first_quarter and quarter.window(facts.convention).start <= as_of
    ]
    results = []
    missing: dict[tuple[str, Period], list[int]] = {}
    for task in tasks:
        result = evaluate_task(facts, task, period, as_of)
        reports: dict[str, str] = {}
        for quarter in quarters:
            quarter_window = quarter.window(facts.convention)
            in_quarter = (
                result if quarter == period else evaluate_task(facts, task, quarter, min(as_of, quarter_window.end))
            )
            if not is_active(in_quarter, quarter_window):
                continue
            for agency in facts.reporters_at(task, min(as_of, quarter_window.end)):
                if any((source, quarter, task) in facts.submitted for source in facts.lineage(agency, task)):
                    reports.setdefault(agency, "submitted")
                else:
                    reports[agency] = "missing"
                    missing.setdefault((agency, quarter), []).append(task)
        results.append(
            TaskResult(
                result.task, result.status, result.due, result.done_on, result.occurrence, result.waiting_for, reports
            )
        )
    missing_list = [MissingReport(agency, quarter, tuple(numbers)) for (agency, quarter), numbers in missing.items()]
    return Evaluation(period, window, as_of, results, missing_list)
