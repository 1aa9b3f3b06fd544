"""The status of a period as the focal point reads it: each task's status, who must report and who has not,
for the period asked for (a named period at its window's end, a day in its quarter, or today)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from dnnd.errors import UsageError
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.task_status import Evaluation, TaskResult, evaluate
from dnnd.evaluate.task_views import TaskView, roles_at, task_views
from dnnd.i18n import Text
from dnnd.plan.periods import Convention, Period, quarter_containing
from dnnd.plan.vocabulary import STATUS_CODES, empty_counts
from dnnd.repository import Repository


class PeriodChoice(NamedTuple):
    """What to evaluate: a named period (at its window's end), a day (in the quarter containing it), or
    neither (today). The command line parses its options into one."""

    period: Period | None = None
    as_of: dt.date | None = None


def choose_period(choice: PeriodChoice, today: dt.date, convention: Convention) -> tuple[Period, dt.date]:
    """The period and evaluation date: a named period at its window's end, a date in its quarter, or today."""
    if choice.period is not None:
        return choice.period, choice.period.window(convention).end
    day = choice.as_of or today
    return quarter_containing(day, convention), day


class StatusReport(NamedTuple):
    """The evaluation of a period with the tasks it concerns, in the plan's order."""

    evaluation: Evaluation
    views: list[TaskView]
    results: dict[int, TaskResult]
    roles: dict[int, tuple[list[str], list[str]]]

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
    period, as_of = choose_period(choice, today, repo.plan.reporting.windows)
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
    return StatusReport(evaluation, views, results, roles)
