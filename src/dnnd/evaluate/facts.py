"""The plan and the update summary indexed once, as evaluation reads them."""

from __future__ import annotations

from dnnd.evaluate.task_status import Facts
from dnnd.plan.successions import Successions
from dnnd.repository import Repository


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
