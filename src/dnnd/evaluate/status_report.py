"""The status of a period as the focal point reads it: each task's status, who must report and who has not,
for the period asked for (a named period at its window's end, a day in its quarter, or today)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import NamedTuple

from dnnd.errors import UsageError
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.task_status import Evaluation, TaskResult, evaluate
from dnnd.evaluate.task_views import TaskView, roles_at, task_views
from dnnd.i18n import Text
from dnnd.plan.periods import Convention, Period, quarter_containing, quarters_covered
from dnnd.plan.vietnamese import dmy
from dnnd.plan.vocabulary import STATUS_CODES, empty_counts
from dnnd.repository import Repository


class PeriodChoice(NamedTuple):
    """What to evaluate: a named period, a day, both (the period evaluated on that day), or neither (the period
    being reported today). The command line parses its options into one."""

    period: Period | None = None
    as_of: dt.date | None = None


# A quarter stays the one being reported this many days after its data window ends, unless it is locked
# first (its report issued). Not a legal deadline: long enough for late updates, short of the next window's end.
REPORTING_DAYS = 45


class ChosenPeriod(NamedTuple):
    """The period to evaluate, the day to evaluate it on, and why it was chosen when no period was named."""

    period: Period
    as_of: dt.date
    why: Text | None = None


def locked_quarters(repo: Repository) -> set[Period]:
    """The quarters whose report was issued (`dnnd lock`)."""
    return set(quarters_covered(lock.period for lock in repo.locks.locks))


def choose_period(
    choice: PeriodChoice, today: dt.date, convention: Convention, locked: Collection[Period] = ()
) -> ChosenPeriod:
    """A named period is evaluated on the day given, else on its window's end or today, whichever is earlier.
    Without one, the period being reported on the day given (else today): the quarter whose data window ended
    last, until it is locked or REPORTING_DAYS have passed since; then the quarter whose window holds the day."""
    if choice.period is not None:
        end = choice.period.window(convention).end
        return ChosenPeriod(choice.period, choice.as_of or min(end, today))
    day = choice.as_of or today
    holding = quarter_containing(day, convention)
    ended = holding.previous()
    end = ended.window(convention).end
    if ended not in locked and (day - end).days <= REPORTING_DAYS:
        last = end + dt.timedelta(days=REPORTING_DAYS)
        why = Text(
            f"kỳ đang báo cáo: {ended.name}, chưa khóa (số liệu đến {dmy(end)}; là kỳ mặc định đến {dmy(last)} hoặc "
            f"khi khóa bằng `dnnd lock {ended.name}`)",
            f"the period being reported: {ended.name}, not locked (data to {end.isoformat()}; the default until "
            f"{last.isoformat()} or until `dnnd lock {ended.name}`)",
        )
        return ChosenPeriod(ended, day if choice.as_of else end, why)
    because = (
        Text(f"kỳ {ended.name} đã khóa", f"{ended.name} is locked")
        if ended in locked
        else Text(
            f"kỳ {ended.name} đã qua {REPORTING_DAYS} ngày sau ngày chốt số liệu",
            f"{ended.name} ended more than {REPORTING_DAYS} days ago",
        )
    )
    why = Text(
        f"kỳ đang diễn ra: {holding.name} ({because.vi})", f"the period under way: {holding.name} ({because.en})"
    )
    return ChosenPeriod(holding, day, why)


class StatusReport(NamedTuple):
    """The evaluation of a period with the tasks it concerns, in the plan's order."""

    evaluation: Evaluation
    views: list[TaskView]
    results: dict[int, TaskResult]
    roles: dict[int, tuple[list[str], list[str]]]
    why: Text | None = None  # why this period, when none was named

    def counts(self) -> dict[str, int]:
        """Tasks shown, per status code."""
        totals = empty_counts()
        for view in self.views:
            totals[self.results[view.task.id].status] += 1
        return totals


def status_report(
    repo: Repository,
    choice: PeriodChoice,
    *,
    today: dt.date,
    agency_id: str | None = None,
    status_code: str | None = None,
) -> StatusReport:
    """Evaluate every task for the chosen period; keep the agency's tasks and the status asked for."""
    if status_code is not None and status_code not in STATUS_CODES:
        raise UsageError(
            Text(
                f"--status '{status_code}' không có; chọn một trong: {', '.join(STATUS_CODES)}",
                f"no status '{status_code}'; use one of: {', '.join(STATUS_CODES)}",
            )
        )
    period, as_of, why = choose_period(choice, today, repo.plan.reporting.windows, locked_quarters(repo))
    views = task_views(repo, agency_id, as_of, period)
    evaluation = evaluate(build_facts(repo), [view.task.id for view in views], period, as_of)
    results = {result.task: result for result in evaluation.results}
    roles = roles_at(repo, evaluation.as_of)
    if status_code is not None:
        views = [view for view in views if results[view.task.id].status == status_code]
    if agency_id is not None:
        evaluation = Evaluation(
            evaluation.period,
            evaluation.window,
            evaluation.as_of,
            evaluation.results,
            [item for item in evaluation.missing if item.agency == agency_id],
        )
    return StatusReport(evaluation, views, results, roles, why)
