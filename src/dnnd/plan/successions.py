"""Who is responsible at a date: agencies end (`until`) and hand their tasks to successors. Pure functions.

A task keeps the ids the decision named; at any date each id resolves, through the successors in force,
to the agencies that hold its duties then. A split names the tasks each successor takes; the one
without a list takes the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from dnnd.plan.light_models import LIGHT_CLASSES

if TYPE_CHECKING:
    from dnnd.plan.models import Agency, Succession, Task


def successors_of(agency: Agency) -> list[Succession]:
    """The agency's successors as a list (a plain id is one successor taking every task)."""
    if agency.successor is None:
        return []
    if isinstance(agency.successor, str):
        return [cast("Succession", LIGHT_CLASSES["Succession"](agency=agency.successor, tasks=None))]
    return list(agency.successor)


def heir(agency: Agency, task: int | None) -> str | None:
    """The successor that takes `task` (None: the one taking the rest)."""
    rest = None
    for succession in successors_of(agency):
        if succession.tasks is None:
            rest = succession.agency
        elif task is not None and task in succession.tasks:
            return succession.agency
    return rest


@dataclass
class Successions:
    """The succession graph of one plan's agencies, with the lookups evaluation needs cached."""

    agencies: Mapping[str, Agency]
    _cache: dict[tuple[str, int | None, dt.date], tuple[str, ...]] = field(default_factory=dict)
    _lineage: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    _resolved: dict[tuple[str, int | None, dt.date], tuple[str, ...]] = field(default_factory=dict)
    _reverse: dict[str, list[tuple[Agency, list[int] | None]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for agency in self.agencies.values():
            for succession in successors_of(agency):
                self._reverse.setdefault(succession.agency, []).append((agency, succession.tasks))

    def in_force(self, agency_id: str, day: dt.date) -> bool:
        agency = self.agencies[agency_id]
        return (agency.since is None or agency.since <= day) and (agency.until is None or day <= agency.until)

    def resolve(self, agency_id: str, task: int | None, day: dt.date) -> tuple[str, ...]:
        """The agencies holding `agency_id`'s duty on `task` at `day` (itself while in force)."""
        key = (agency_id, task, day)
        if key not in self._resolved:
            self._resolved[key] = self.path(agency_id, task, day)[-1:]
        return self._resolved[key]

    def path(self, agency_id: str, task: int | None, day: dt.date) -> tuple[str, ...]:
        """`agency_id`, then each successor its duty on `task` passed through, up to the holder at `day`."""
        key = (agency_id, task, day)
        if key not in self._cache:
            chain = [agency_id]
            while True:
                agency = self.agencies.get(chain[-1])
                if agency is None or agency.until is None or day <= agency.until:
                    break
                successor = heir(agency, task)
                if successor in chain:  # a cycle (validation reports it): the duty stays where it started
                    chain = [agency_id]
                    break
                if successor is None:
                    break
                chain.append(successor)
            self._cache[key] = tuple(chain)
        return self._cache[key]

    def lineage(self, agency_id: str, task: int) -> frozenset[str]:
        """`agency_id` and every agency whose duty on `task` passed to it, directly or through a chain."""
        key = (agency_id, task)
        if key not in self._lineage:
            found = {agency_id}
            queue = [agency_id]
            while queue:
                current = queue.pop()
                for predecessor, _ in self._reverse.get(current, ()):
                    if predecessor.id not in found and heir(predecessor, task) == current:
                        found.add(predecessor.id)
                        queue.append(predecessor.id)
            self._lineage[key] = frozenset(found)
        return self._lineage[key]

    def predecessors(self, agency_id: str) -> list[tuple[Agency, list[int] | None]]:
        """Agencies that handed duties directly to `agency_id`, with the tasks (None: all or the rest)."""
        return list(self._reverse.get(agency_id, ()))


def find_cycle(agencies: Mapping[str, Agency]) -> list[str] | None:
    """A chain of successors that comes back to where it started, if there is one."""
    state: dict[str, int] = {}

    def visit(agency_id: str, path: list[str]) -> list[str] | None:
        if state.get(agency_id) == 1:
            return [*path[path.index(agency_id) :], agency_id]
        if state.get(agency_id) == 2 or agency_id not in agencies:
            return None
        state[agency_id] = 1
        for succession in successors_of(agencies[agency_id]):
            cycle = visit(succession.agency, [*path, agency_id])
            if cycle:
                return cycle
        state[agency_id] = 2
        return None

    for agency_id in agencies:
        cycle = visit(agency_id, [])
        if cycle:
            return cycle
    return None


class Holdings:
    """The tasks each agency may report on, window after window. An agency in force throughout (no `since`,
    no `until`) holds its own tasks in every window: those are found once; only the others are followed
    through their successions for each window (a plan of a thousand agencies, quarter after quarter)."""

    def __init__(self, tasks: Iterable[Task], successions: Successions) -> None:
        self.successions = successions
        steady: dict[str, set[int]] = {}
        self.changing: list[tuple[int, str]] = []  # (task, agency) of the agencies with dates
        for task in tasks:
            for agency_id in (*task.lead, *task.support):
                agency = successions.agencies.get(agency_id)
                if agency is not None and agency.since is None and agency.until is None:
                    steady.setdefault(agency_id, set()).add(task.id)
                else:
                    self.changing.append((task.id, agency_id))
        self.steady = {agency_id: frozenset(held) for agency_id, held in steady.items()}

    def at(self, start: dt.date, end: dt.date) -> dict[str, AbstractSet[int]]:
        """For each agency, the tasks it may report on in a window: its own while it was in force in the
        window, and those it inherited by the window's end."""
        held: dict[str, AbstractSet[int]] = dict(self.steady)
        for task_id, agency_id in self.changing:
            chain = self.successions.path(agency_id, task_id, end)
            for index, holder_id in enumerate(chain):
                holder = self.successions.agencies.get(holder_id)
                in_window = holder is None or (
                    (holder.since is None or holder.since <= end) and (holder.until is None or holder.until >= start)
                )
                if in_window or index == len(chain) - 1:
                    held[holder_id] = held.get(holder_id, frozenset()) | {task_id}  # the shared sets stay as they are
        return held


def holdings_at(tasks: Iterable[Task], successions: Successions, start: dt.date, end: dt.date) -> dict[str, set[int]]:
    """For each agency, the tasks it may report on in a window (`Holdings.at`, for one window)."""
    return {agency_id: set(held) for agency_id, held in Holdings(tasks, successions).at(start, end).items()}


def holdings_in_year(tasks: Iterable[Task], successions: Successions, year: int) -> dict[str, set[int]]:
    """For each agency, the tasks it held at some time in `year` (the funding of a year is budgeted by them)."""
    return holdings_at(tasks, successions, dt.date(year, 1, 1), dt.date(year, 12, 31))
