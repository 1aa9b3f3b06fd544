"""The agencies of the plan, with the tasks each holds and its former names (`dnnd agencies`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dnnd.evaluate.task_views import roles_at
from dnnd.plan.successions import Successions
from dnnd.plan.vietnamese import dmy_or_blank
from dnnd.repository import Repository


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
