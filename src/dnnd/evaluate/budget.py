"""`dnnd budget`: the plan's funding in a year. Each agency's estimate, Sở Tài chính's appraisal and
allocation, and what was spent, per agency, per task and per source, with the plan's totals and the agencies
that hold a task that year but sent no estimate.

Amounts are whole đồng. An amount a line does not have counts as 0 in a sum; a sum of appraised, allocated or
executed amounts is None (unknown, not zero) when none of its lines has one at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dnnd.checks.budgets import Budgets, budget_rel, budget_years, read_budgets
from dnnd.errors import Problem, UsageError
from dnnd.evaluate.task_views import check_agency
from dnnd.i18n import Text
from dnnd.plan.budget_models import Appraisal, BudgetLine
from dnnd.plan.successions import Successions, holdings_in_year
from dnnd.plan.vocabulary import BUDGET_SOURCES
from dnnd.repository import Repository


@dataclass
class Amounts:
    """Estimated, appraised, allocated and executed đồng; the last three None while no line has one."""

    estimate: int = 0
    appraised: int | None = None
    allocated: int | None = None
    executed: int | None = None

    def add(self, line: BudgetLine, appraisal: Appraisal | None) -> None:
        self.estimate += line.amount
        if appraisal is not None:
            self.appraised = (self.appraised or 0) + appraisal.appraised
            if appraisal.allocated is not None:
                self.allocated = (self.allocated or 0) + appraisal.allocated
        if line.executed is not None:
            self.executed = (self.executed or 0) + line.executed

    @property
    def execution_rate(self) -> float | None:
        """Executed over allocated (over the estimate when nothing was allocated yet), or None."""
        base = self.allocated if self.allocated is not None else self.estimate
        return None if self.executed is None or not base else self.executed / base


@dataclass
class BudgetLineView:
    """An estimate's line as the summary lists it, with its appraisal when there is one."""

    agency: str
    line: BudgetLine
    appraisal: Appraisal | None


@dataclass
class BudgetSummary:
    """The year's funding: per agency (in the plan's order) with its tasks, per source, the plan's total, the
    agencies with a task and no estimate, every line, and the problems of the files left out."""

    year: int
    agencies: dict[str, Amounts] = field(default_factory=dict)
    tasks: dict[str, dict[int, Amounts]] = field(default_factory=dict)
    sources: dict[str, Amounts] = field(default_factory=dict)
    total: Amounts = field(default_factory=Amounts)
    missing: list[str] = field(default_factory=list)
    held: dict[str, list[int]] = field(default_factory=dict)  # the tasks each agency of `missing` holds that year
    invalid: list[str] = field(default_factory=list)  # agencies whose estimate of the year was left out: wrong
    lines: list[BudgetLineView] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_repository_budgets(repo: Repository, today: dt.date, year: int | None = None) -> Budgets:
    """The repository's funding files (of `year`, when given) as loading read them, checked (the snapshot does
    not keep them: a command checks only the year it sums up)."""
    found = read_budgets(repo.plan, repo.agencies, repo.tasks, repo.budget_files, today, year)
    return Budgets(found.estimates, found.appraisals, [*repo.budget_file_problems, *found.problems])


def budget_summary(repo: Repository, year: int, *, today: dt.date, agency_id: str | None = None) -> BudgetSummary:
    """The funding of `year` (of one agency when asked)."""
    check_agency(repo, agency_id)
    allowed = budget_years(repo.plan, today)
    if year not in allowed:
        raise UsageError(
            Text(
                f"năm {year} nằm ngoài các năm có thể lập dự toán hôm nay ({allowed[0]}–{allowed[-1]})",
                f"{year} is outside the years that may be budgeted today ({allowed[0]}–{allowed[-1]})",
            )
        )
    budgets = read_repository_budgets(repo, today, year)
    appraisals = budgets.appraisals.get(year)
    by_line = {(item.agency, item.line): item for item in appraisals.appraisals} if appraisals is not None else {}
    summary = BudgetSummary(year, sources={source: Amounts() for source in BUDGET_SOURCES})
    summary.problems = budgets.problems
    for agency in repo.agencies:
        estimate = budgets.estimates.get((agency, year))
        if estimate is None or (agency_id is not None and agency != agency_id):
            continue
        totals, tasks = Amounts(), summary.tasks.setdefault(agency, {})
        for line in estimate.lines:
            appraisal = by_line.get((agency, line.id))
            for amounts in (
                totals,
                tasks.setdefault(line.task, Amounts()),
                summary.sources[line.source],
                summary.total,
            ):
                amounts.add(line, appraisal)
            summary.lines.append(BudgetLineView(agency, line, appraisal))
        summary.agencies[agency] = totals
    held = holdings_in_year(repo.tasks.values(), Successions(repo.agencies), year)
    left_out = {problem.path for problem in budgets.problems}  # an estimate left out is wrong, not missing
    for agency, record in repo.agencies.items():
        if agency_id not in (None, agency) or not record.reports or not held.get(agency):
            continue
        if budget_rel(agency, year) in left_out:
            summary.invalid.append(agency)
        elif (agency, year) not in budgets.estimates:
            summary.missing.append(agency)
            summary.held[agency] = [task for task in repo.tasks if task in held[agency]]
    return summary
