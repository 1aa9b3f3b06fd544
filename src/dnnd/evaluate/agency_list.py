"""The agencies of the plan on a day (today by default): the tasks each holds then, its other names, the
agencies it succeeded (its predecessors) and, for one dissolved or merged, the agencies that took its duties
(`dnnd agencies`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dnnd.evaluate.task_views import roles_at
from dnnd.plan.successions import Successions, successors_of
from dnnd.plan.vietnamese import dmy_or_blank
from dnnd.repository import Repository


def _scope(tasks: list[int] | None) -> str:
    return f"; nhiệm vụ {', '.join(map(str, tasks))}" if tasks else ""


def agency_records(
    repo: Repository, day: dt.date | None = None, *, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """The registry on `day` (only the agencies in force then), or on `today` (every agency: those not in
    force are marked, ended ones with their successors, and hold no task)."""
    at = day or today or dt.date.today()
    successions = Successions(repo.agencies)
    leads: dict[str, list[int]] = {}
    supports: dict[str, list[int]] = {}
    for task_id, (lead, support) in roles_at(repo, at).items():
        for agency_id in lead:
            leads.setdefault(agency_id, []).append(task_id)
        for agency_id in support:
            supports.setdefault(agency_id, []).append(task_id)
    records = []
    for agency in repo.agencies.values():
        in_force = successions.in_force(agency.id, at)
        if day is not None and not in_force:
            continue
        predecessors = []
        queue = [agency.id]
        while queue:
            for predecessor, tasks in successions.predecessors(queue.pop()):
                until = dmy_or_blank(predecessor.until)
                predecessors.append(f"{predecessor.name} ({predecessor.id}, đến {until}{_scope(tasks)})")
                queue.append(predecessor.id)
        successors = [
            f"{repo.agencies[item.agency].name} ({item.agency}{_scope(item.tasks)})"
            for item in successors_of(agency)
            if item.agency in repo.agencies
        ]
        ended = agency.until is not None and agency.until < at
        records.append(
            {
                "id": agency.id,
                "name": agency.name,
                "short_name": agency.short_name,
                "kind": agency.kind,
                "since": agency.since,
                "until": agency.until,
                "state": "in_force" if in_force else ("ended" if ended else "not_yet"),
                "aliases": list(agency.aliases),
                "predecessors": predecessors,
                "successors": successors,
                "lead": leads.get(agency.id, []) if in_force else [],
                "support": supports.get(agency.id, []) if in_force else [],
            }
        )
    return records
