"""What the report on an evaluated period is drafted from: the entries the agencies reported in it, task by
task (leads first), the leads' latest, and the tasks coming due in the next period. `dnnd report` and `dnnd
draft` read the same material, so that the draft the focal point edits is what the report would say."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from dnnd.evaluate.task_status import Evaluation
from dnnd.evaluate.task_views import entries_by_task, roles_at
from dnnd.load.summary import ReportedEntry
from dnnd.plan.schedules import AfterEvents, Yearly
from dnnd.plan.vocabulary import DONE_CODES
from dnnd.repository import Repository


class ComingTask(NamedTuple):
    """A task the next period holds: overdue, due, a yearly occurrence coming due, or newly able to start (an
    awaited guidance came in the period). Ongoing tasks are not listed one by one."""

    task: int
    why: str  # "overdue", "due", "yearly" or "guidance"
    due: dt.date | None


class ReportMaterial:
    """The period's entries by task (newest first) and each task's agencies at the evaluation date."""

    def __init__(self, repo: Repository, evaluation: Evaluation) -> None:
        self.repo, self.evaluation = repo, evaluation
        self.roles = roles_at(repo, evaluation.as_of)
        quarters = {quarter.name for quarter in evaluation.period.quarters()}
        self.entries = {
            task_id: [item for item in items if item.period in quarters]
            for task_id, items in entries_by_task(repo).items()
        }

    def is_lead(self, task_id: int, agency_id: str) -> bool:
        return agency_id in self.roles[task_id][0] or agency_id in self.repo.tasks[task_id].lead

    def ordered(self, task_id: int) -> list[ReportedEntry]:
        """The period's entries on a task: leads first, in the decision's order, then supporters; oldest first."""
        task = self.repo.tasks[task_id]
        lead, support = self.roles[task_id]
        order = {
            agency_id: index
            for index, agency_id in enumerate(dict.fromkeys((*lead, *task.lead, *support, *task.support)))
        }
        return sorted(self.entries[task_id], key=lambda item: (order.get(item.agency, len(order)), item.period))

    def leads_latest(self, task_id: int) -> list[ReportedEntry]:
        """Each lead's newest entry of the period on a task that says something, in the decision's order."""
        newest: dict[str, ReportedEntry] = {}  # an agency keeps its first place, and its newest entry
        for item in self.ordered(task_id):
            if self.is_lead(task_id, item.agency) and (item.entry.summary or "").strip():
                newest[item.agency] = item
        return list(newest.values())


def coming_tasks(repo: Repository, evaluation: Evaluation, next_end: dt.date) -> list[ComingTask]:
    """The tasks the next period (ending `next_end`) holds, overdue ones first, then in the plan's order."""
    results = {result.task: result for result in evaluation.results}
    chosen = []
    for task in repo.tasks.values():
        result, schedule = results[task.id], repo.schedules[task.id]
        if result.status == "ongoing":
            continue
        if result.status not in DONE_CODES and result.due is not None and result.due <= next_end:
            chosen.append(ComingTask(task.id, "overdue" if result.status == "overdue" else "due", result.due))
        elif isinstance(schedule, Yearly) and result.occurrence is not None and result.status in DONE_CODES:
            following = schedule.due(result.occurrence + 1)
            if following <= next_end:
                chosen.append(ComingTask(task.id, "yearly", following))
        elif (
            isinstance(schedule, AfterEvents)
            and result.status not in (*DONE_CODES, "waiting")
            and any(
                (event := repo.events[event_id]).occurred_on is not None and event.occurred_on in evaluation.window
                for event_id in schedule.events
            )
        ):
            chosen.append(ComingTask(task.id, "guidance", None))
    return sorted(chosen, key=lambda item: item.why != "overdue")  # stable: the plan's order otherwise
