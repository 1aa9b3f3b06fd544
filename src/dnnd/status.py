"""What the focal point sees: each task with its agencies and what the agencies last reported."""

from __future__ import annotations

from dataclasses import dataclass

from dnnd.errors import UsageError
from dnnd.i18n import Text
from dnnd.models import Agency, Entry, Task
from dnnd.repository import Repository


@dataclass(frozen=True)
class ReportedEntry:
    """One agency's entry on a task in one period's update file."""

    agency: str
    period: str
    rel: str
    entry: Entry


@dataclass(frozen=True)
class TaskView:
    """A task with every entry reported on it, newest period first."""

    task: Task
    entries: tuple[ReportedEntry, ...]

    def latest_by_lead(self) -> list[ReportedEntry]:
        """The newest entry of each lead agency that has reported, in the decision's order of leads."""
        newest: dict[str, ReportedEntry] = {}
        for reported in self.entries:
            newest.setdefault(reported.agency, reported)
        return [newest[agency_id] for agency_id in self.task.lead if agency_id in newest]


def entries_by_task(repo: Repository) -> dict[int, list[ReportedEntry]]:
    """Index every valid entry by task once, newest period first, then by the agencies' file order."""
    index: dict[int, list[ReportedEntry]] = {task_id: [] for task_id in repo.tasks}
    for update_file in sorted(repo.updates, key=lambda item: item.update.period, reverse=True):
        update = update_file.update
        for entry in update.entries:
            index[entry.task].append(ReportedEntry(update.agency, update.period, update_file.rel, entry))
    return index


def check_agency(repo: Repository, agency_id: str | None) -> Agency | None:
    """The agency named by an --agency option, or a usage error listing the ids that exist."""
    if agency_id is None:
        return None
    agency = repo.agencies.get(agency_id)
    if agency is None:
        known = ", ".join(sorted(repo.agencies))
        raise UsageError(Text(f"không có cơ quan mã '{agency_id}'; các mã hiện có: {known}",
                              f"no agency with id '{agency_id}'; known ids: {known}"))
    return agency


def task_views(repo: Repository, agency_id: str | None = None) -> list[TaskView]:
    """Every task (or those the agency leads or supports), in the plan's order."""
    check_agency(repo, agency_id)
    index = entries_by_task(repo)
    return [
        TaskView(task, tuple(index[task.id]))
        for task in repo.tasks.values()
        if agency_id is None or agency_id in task.lead or agency_id in task.support
    ]


def task_view(repo: Repository, task_id: int) -> TaskView:
    """One task with all its entries, or a usage error listing the task numbers."""
    task = repo.tasks.get(task_id)
    if task is None:
        numbers = ", ".join(str(number) for number in repo.tasks)
        raise UsageError(Text(f"không có nhiệm vụ số {task_id}; kế hoạch có các nhiệm vụ {numbers}",
                              f"there is no task {task_id}; the plan has tasks {numbers}"))
    return TaskView(task, tuple(entries_by_task(repo)[task_id]))
