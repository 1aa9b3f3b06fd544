"""Each task with its agencies (at a date, through their successors) and the entries reported on it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dnnd.errors import UsageError
from dnnd.i18n import Text
from dnnd.load.summary import ReportedEntry, newest_first
from dnnd.plan.models import Agency, Task
from dnnd.plan.periods import Period
from dnnd.plan.successions import Successions
from dnnd.repository import Repository


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
    for reported in newest_first(repo.updates):
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
