"""The plan quarter by quarter since its first reporting quarter: each task's status at the quarter's end, who
had to report on what, who did not, and the quarter's activity figures. The dashboard's trend and its grid of
agencies by quarter are drawn from it.

Every quarter is evaluated as `dnnd status --quarter` evaluates it (on its window's end, or on the day asked
when that comes first), from facts indexed once: the work grows with quarters × the evaluation of one, not
with their square.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.figures import Figures, figures_by_quarter
from dnnd.evaluate.task_status import TaskResult, evaluate
from dnnd.plan.periods import Period, first_reporting_quarter
from dnnd.plan.vocabulary import empty_counts
from dnnd.repository import Repository


@dataclass(frozen=True)
class QuarterRecord:
    """One quarter evaluated on `as_of`: each task's result, the tasks each agency had to report on and those
    it did not, and the activity figures of the quarter up to `as_of`."""

    quarter: Period
    as_of: dt.date
    results: dict[int, TaskResult]
    expected: dict[str, tuple[int, ...]]
    missing: dict[str, tuple[int, ...]]
    figures: Figures
    ended: bool  # whether the quarter's data window had ended on `as_of`

    def counts(self) -> dict[str, int]:
        """Tasks per status code, in the vocabulary's order."""
        totals = empty_counts()
        for result in self.results.values():
            totals[result.status] += 1
        return totals


def history_quarters(repo: Repository, until: Period, as_of: dt.date) -> list[Period]:
    """The quarters from the plan's first reporting quarter to the last of `until` that had begun by `as_of`."""
    convention = repo.plan.reporting.windows
    quarter = first_reporting_quarter(repo.plan.decision.date, convention)
    last = until.quarters()[-1]
    found = []
    while quarter <= last and quarter.window(convention).start <= as_of:
        found.append(quarter)
        quarter = quarter.next()
    return found


def quarter_history(repo: Repository, until: Period, as_of: dt.date) -> list[QuarterRecord]:
    """Every quarter of `history_quarters`, oldest first."""
    convention = repo.plan.reporting.windows
    quarters = history_quarters(repo, until, as_of)
    facts = build_facts(repo)
    tasks = list(repo.tasks)
    figures = figures_by_quarter(repo, quarters, as_of)
    records = []
    for quarter in quarters:
        end = quarter.window(convention).end
        day = min(as_of, end)
        evaluation = evaluate(facts, tasks, quarter, day)
        expected: dict[str, list[int]] = {}
        for result in evaluation.results:
            for agency in result.reports:
                expected.setdefault(agency, []).append(result.task)
        missing = {item.agency: item.tasks for item in evaluation.missing}
        records.append(
            QuarterRecord(
                quarter,
                day,
                {result.task: result for result in evaluation.results},
                {agency: tuple(numbers) for agency, numbers in expected.items()},
                missing,
                figures[quarter],
                day >= end,
            )
        )
    return records
