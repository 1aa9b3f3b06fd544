"""What the focal point sees: each task with its agencies and what the agencies last reported."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dnnd.errors import UsageError
from dnnd.evaluate.task_status import Evaluation, Facts, TaskResult, evaluate
from dnnd.i18n import Text
from dnnd.load.summary import ReportedEntry, newest_first
from dnnd.plan.models import Agency, Task
from dnnd.plan.periods import Convention, Kind, Period, parse_period, quarter_containing
from dnnd.plan.successions import Successions
from dnnd.plan.vietnamese import dmy_or_blank
from dnnd.plan.vocabulary import STATUS_CODES, empty_counts
from dnnd.repository import Repository

if TYPE_CHECKING:
    from dnnd.workflow.history import Submission


@dataclass(frozen=True)
class TaskView:
    """A task with entries reported on it, newest period first: every entry (`task_view`), or the entries of
    its leads (`task_views`, which is all that `latest_by_lead` reads); `until` is the last quarter shown."""

    task: Task
    entries: tuple[ReportedEntry, ...]
    lead_paths: tuple[tuple[str, ...], ...] = ()
    until: str | None = None

    def latest_by_lead(self) -> list[ReportedEntry]:
        """The newest entry of each lead (the agency the decision named, or a successor its duty passed to) up
        to `until`, in the decision's order of leads: a past period shows what was reported by then."""
        paths = self.lead_paths or tuple((agency_id,) for agency_id in self.task.lead)
        newest: dict[str, ReportedEntry] = {}
        for reported in self.entries:
            if self.until is None or reported.period <= self.until:  # "2020-Q4" names sort in time order
                newest.setdefault(reported.agency, reported)
        found: list[ReportedEntry] = []
        for path in paths:
            candidates = [newest[agency_id] for agency_id in path if agency_id in newest]
            latest = max(candidates, key=lambda item: item.period) if candidates else None
            if latest is not None and all(latest is not other for other in found):
                found.append(latest)
        return found


def entries_by_task(repo: Repository) -> dict[int, list[ReportedEntry]]:
    """Index every valid entry by task once, newest period first, then by the agencies' file order."""
    index: dict[int, list[ReportedEntry]] = {task_id: [] for task_id in repo.tasks}
    for reported in newest_first((update_file.rel, update_file.update) for update_file in repo.updates):
        index[reported.entry.task].append(reported)
    return index


def check_agency(repo: Repository, agency_id: str | None) -> Agency | None:
    """The agency named by an --agency option, or a usage error listing the ids that exist."""
    if agency_id is None:
        return None
    agency = repo.agencies.get(agency_id)
    if agency is None:
        known = ", ".join(sorted(repo.agencies))
        raise UsageError(
            Text(
                f"không có cơ quan mã '{agency_id}'; các mã hiện có: {known}",
                f"no agency with id '{agency_id}'; known ids: {known}",
            )
        )
    return agency


def roles_at(repo: Repository, day: dt.date) -> dict[int, tuple[list[str], list[str]]]:
    """Each task's lead and support agencies in force at `day`, through the successors of those that ended."""
    successions = Successions(repo.agencies)

    def resolve(task: int, ids: list[str]) -> list[str]:
        return list(dict.fromkeys(heir for agency in ids for heir in successions.resolve(agency, task, day)))

    roles = {}
    for task in repo.tasks.values():
        lead = resolve(task.id, task.lead)
        roles[task.id] = (lead, [agency for agency in resolve(task.id, task.support) if agency not in lead])
    return roles


def task_views(
    repo: Repository, agency_id: str | None = None, day: dt.date | None = None, until: Period | None = None
) -> list[TaskView]:
    """Every task (or those the agency leads or supports, at `day` when given), in the plan's order, with
    what its leads reported up to the end of `until` (all, without it)."""
    check_agency(repo, agency_id)
    latest = repo.summary.latest
    roles = roles_at(repo, day) if day is not None else {}
    successions = Successions(repo.agencies)

    def holds(task: Task) -> bool:
        lead, support = roles.get(task.id, (task.lead, task.support))
        return agency_id in lead or agency_id in support

    def paths(task: Task) -> tuple[tuple[str, ...], ...]:
        return tuple(successions.path(lead, task.id, day) for lead in task.lead) if day is not None else ()

    return [
        TaskView(task, latest.get(task.id, ()), paths(task), until.quarters()[-1].name if until else None)
        for task in repo.tasks.values()
        if agency_id is None or holds(task)
    ]


def task_view(repo: Repository, task_id: int) -> TaskView:
    """One task with all its entries, or a usage error listing the task numbers."""
    task = repo.tasks.get(task_id)
    if task is None:
        numbers = ", ".join(str(number) for number in repo.tasks)
        raise UsageError(
            Text(
                f"không có nhiệm vụ số {task_id}; kế hoạch có các nhiệm vụ {numbers}",
                f"there is no task {task_id}; the plan has tasks {numbers}",
            )
        )
    return TaskView(task, tuple(entries_by_task(repo)[task_id]))


def build_facts(repo: Repository) -> Facts:
    """Index the plan and every valid update once for evaluation."""
    reporting = {agency_id for agency_id, agency in repo.agencies.items() if agency.reports}
    leads = {task.id: tuple(a for a in task.lead if a in reporting) for task in repo.tasks.values()}
    reporters = {
        task.id: tuple(dict.fromkeys(a for a in (*task.lead, *task.support) if a in reporting))
        for task in repo.tasks.values()
    }
    return Facts(
        decision_date=repo.plan.decision.date,
        convention=repo.plan.reporting.windows,
        schedules=repo.schedules,
        events=repo.events,
        leads=leads,
        reporters=reporters,
        completions=repo.summary.completions,
        submitted=repo.summary.submissions,
        successions=Successions(repo.agencies),
        reporting=frozenset(reporting),
    )


@dataclass(frozen=True)
class PeriodChoice:
    """What the user asked to evaluate: at most one of a quarter, half-year, year or date."""

    quarter: str | None = None
    half: str | None = None
    year: str | None = None
    as_of: dt.date | None = None


def choose_period(choice: PeriodChoice, today: dt.date, convention: Convention) -> tuple[Period, dt.date]:
    """The period and evaluation date: a named period at its window's end, a date in its quarter, or today."""
    given = [
        (option, value)
        for option, value in (("--quarter", choice.quarter), ("--half", choice.half), ("--year", choice.year))
        if value is not None
    ]
    if len(given) + (choice.as_of is not None) > 1:
        raise UsageError(
            Text(
                "chỉ chọn một trong --quarter, --half, --year, --as-of",
                "choose only one of --quarter, --half, --year, --as-of",
            )
        )
    if given:
        option, value = given[0]
        kind: Kind = {"--quarter": "quarter", "--half": "half", "--year": "year"}[option]  # type: ignore[assignment]
        period = parse_period(value, kind)
        if period is None:
            example = {"quarter": "2020-Q3", "half": "2020-H1", "year": "2020"}[kind]
            raise UsageError(
                Text(
                    f"{option} '{value}' không đúng dạng; ví dụ: {option} {example}",
                    f"{option} '{value}' is not valid; for example: {option} {example}",
                )
            )
        return period, period.window(convention).end
    day = choice.as_of or today
    if not dt.MINYEAR < day.year < dt.MAXYEAR:
        raise UsageError(
            Text(
                f"--as-of {day.isoformat()}: năm {day.year} nằm ngoài phạm vi tính được",
                f"--as-of {day.isoformat()}: the year {day.year} is out of range",
            )
        )
    return quarter_containing(day, convention), day


@dataclass(frozen=True)
class StatusReport:
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


def agency_records(repo: Repository, day: dt.date | None = None) -> list[dict[str, Any]]:
    """The registry (at `day`: only the agencies in force then), with the tasks each leads and supports and
    its former names: aliases, and the agencies whose duties passed to it."""
    successions = Successions(repo.agencies)
    roles = roles_at(repo, day) if day is not None else {t.id: (t.lead, t.support) for t in repo.tasks.values()}
    leads: dict[str, list[int]] = {}
    supports: dict[str, list[int]] = {}
    for task_id, (lead, support) in roles.items():
        for agency_id in lead:
            leads.setdefault(agency_id, []).append(task_id)
        for agency_id in support:
            supports.setdefault(agency_id, []).append(task_id)
    records = []
    for agency in repo.agencies.values():
        if day is not None and not successions.in_force(agency.id, day):
            continue
        former = list(agency.aliases)
        queue = [agency.id]
        while queue:
            for predecessor, tasks in successions.predecessors(queue.pop()):
                scope = f"; nhiệm vụ {', '.join(map(str, tasks))}" if tasks else ""
                former.append(f"{predecessor.name} ({predecessor.id}, đến {dmy_or_blank(predecessor.until)}{scope})")
                queue.append(predecessor.id)
        records.append(
            {
                "id": agency.id,
                "name": agency.name,
                "short_name": agency.short_name,
                "kind": agency.kind,
                "since": agency.since,
                "until": agency.until,
                "former_names": former,
                "lead": leads.get(agency.id, []),
                "support": supports.get(agency.id, []),
            }
        )
    return records


def late_for(repo: Repository, report: StatusReport) -> list[Submission]:
    """The late submissions of the report's quarters by agencies that hold one of its tasks (or held it)."""
    from dnnd.workflow.history import late_submissions

    holders: set[str] = set()
    for view in report.views:
        lead, support = report.roles[view.task.id]
        holders.update(lead, support, view.task.lead, view.task.support)
    return [item for item in late_submissions(repo, report.evaluation.period.quarters()) if item.agency in holders]
