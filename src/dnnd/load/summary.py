"""What status, missing and the roll-up read of the update files, indexed once and small enough to keep.

A repository of 24,000 update files has some 40,000 entries, but evaluation only asks whether an agency
reported on a task in a quarter, when a lead reported a task done, and what the leads reported on a
task up to a period. The summary holds exactly that; it is built from the records when the files are
read, and kept in the repository snapshot in a form that a run reads back without building an object
per entry: the submissions stay as stored, and a lead's completions are made when evaluation asks.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, NamedTuple, cast

from dnnd.load.records import EntryRecord, UpdateRecord, entry_from_plain, entry_to_plain
from dnnd.plan.periods import Period, parse_period


@dataclass(frozen=True)
class Completion:
    """A `done` entry: when, for which yearly occurrence if named, and in which quarter's file."""

    done_on: dt.date
    quarter: Period
    occurrence: int | None = None


class ReportedEntry(NamedTuple):
    """One agency's entry on a task in one period's update file."""

    agency: str
    period: str
    rel: str
    entry: EntryRecord


class Submissions:
    """Which agencies reported on which tasks in which quarter: `(agency, quarter, task) in submissions`."""

    def __init__(self, by_quarter: dict[str, dict[str, Sequence[int]]]) -> None:
        self.by_quarter = by_quarter  # quarter name → agency → the tasks of its entries

    def __contains__(self, item: object) -> bool:
        agency, quarter, task = cast(tuple[str, Period, int], item)
        return task in self.by_quarter.get(quarter.name, {}).get(agency, ())


class Completions(Mapping[tuple[int, str], list[Completion]]):
    """Each (task, agency)'s `done` entries, in the repository's order; made from their stored form on
    first use, since evaluation asks only for the leads of the tasks it evaluates."""

    def __init__(self, stored: dict[tuple[int, str], list[list[Any]]]) -> None:
        self.stored = stored  # (task, agency) → [done_on, quarter, occurrence] in JSON form
        self._made: dict[tuple[int, str], list[Completion]] = {}

    def __getitem__(self, key: tuple[int, str]) -> list[Completion]:
        if key not in self._made:
            self._made[key] = [
                Completion(dt.date.fromisoformat(done_on), _quarter(quarter), occurrence)
                for done_on, quarter, occurrence in self.stored[key]
            ]
        return self._made[key]

    def __iter__(self) -> Iterator[tuple[int, str]]:
        return iter(self.stored)

    def __len__(self) -> int:
        return len(self.stored)


@dataclass(frozen=True)
class UpdateSummary:
    """The valid update files as evaluation reads them."""

    files: int
    submissions: Submissions
    completions: Completions
    latest: dict[int, tuple[ReportedEntry, ...]]  # per task, its leads' entries, newest period first
    activities: int = 0  # how many activities the files report (before merging): none to count when 0


def _quarter(name: str) -> Period:
    period = parse_period(name, "quarter")
    assert period is not None  # the model's pattern guarantees it
    return period


def _period(item: tuple[str, UpdateRecord]) -> str:
    return item[1].period


def newest_first(updates: Iterable[tuple[str, UpdateRecord]]) -> Iterator[ReportedEntry]:
    """Every entry of the (rel, record) pairs, newest period first, then in the files' and entries' order."""
    new = tuple.__new__  # ReportedEntry without its Python-level __new__: one per entry of every file
    for rel, update in sorted(updates, key=_period, reverse=True):
        for entry in update.entries:
            yield new(ReportedEntry, (update.agency, update.period, rel, entry))


_task = attrgetter("task")


def summarise(updates: Sequence[tuple[str, UpdateRecord]], leads: Mapping[int, frozenset[str]]) -> UpdateSummary:
    """Index (rel, record) pairs, in the repository's order: who reported what when, the `done` entries in
    that order, and per task the entries of its `leads` (the agencies the decision named to lead it and
    every successor their duty can pass to): newest period first, then the files' order."""
    by_quarter: dict[str, dict[str, Sequence[int]]] = {}
    completions: dict[tuple[int, str], list[list[Any]]] = {}
    activities = 0
    for _, update in updates:
        activities += len(update.activities)
        by_agency = by_quarter.setdefault(update.period, {})
        tasks = tuple(map(_task, update.entries))  # a tuple of its size: there are tens of thousands
        earlier = by_agency.get(update.agency)
        by_agency[update.agency] = tasks if earlier is None else (*earlier, *tasks)
        for entry in update.entries:
            if entry.status == "done" and entry.done_on is not None:
                completions.setdefault((entry.task, update.agency), []).append(
                    [entry.done_on.isoformat(), update.period, entry.occurrence]
                )
    latest: dict[int, list[ReportedEntry]] = {}
    new = tuple.__new__  # as in newest_first, whose order this is; an entry is made only for a lead's entries
    for rel, update in sorted(updates, key=_period, reverse=True):
        agency, period = update.agency, update.period
        for entry in update.entries:
            if agency in leads.get(entry.task, ()):
                latest.setdefault(entry.task, []).append(new(ReportedEntry, (agency, period, rel, entry)))
    return UpdateSummary(
        len(updates),
        Submissions(by_quarter),
        Completions(completions),
        {task: tuple(entries) for task, entries in latest.items()},
        activities,
    )


def to_plain(summary: UpdateSummary) -> dict[str, Any]:
    """The JSON form kept in the snapshot."""
    return {
        "files": summary.files,
        "submissions": summary.submissions.by_quarter,
        "completions": [[task, agency, found] for (task, agency), found in summary.completions.stored.items()],
        "latest": [
            [task, [[item.agency, item.period, item.rel, entry_to_plain(item.entry)] for item in items]]
            for task, items in summary.latest.items()
        ],
        "activities": summary.activities,
    }


def from_plain(plain: dict[str, Any]) -> UpdateSummary:
    """The summary back from its JSON form; raises TypeError, ValueError or KeyError when it does not read."""
    submissions = plain["submissions"]
    if not isinstance(submissions, dict):
        raise TypeError("submissions")
    new, intern = tuple.__new__, sys.intern
    latest = {
        task: tuple(
            new(ReportedEntry, (intern(agency), intern(period), rel, entry_from_plain(entry)))
            for agency, period, rel, entry in items
        )
        for task, items in plain["latest"]
    }
    completions = Completions({(task, agency): found for task, agency, found in plain["completions"]})
    tasks: dict[str, dict[str, Sequence[int]]] = {
        quarter: {agency: tuple(found) for agency, found in by.items()} for quarter, by in submissions.items()
    }
    return UpdateSummary(int(plain["files"]), Submissions(tasks), completions, latest, int(plain["activities"]))
