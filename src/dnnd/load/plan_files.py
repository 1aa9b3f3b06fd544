"""The plan's own files (plan, agencies, tasks, events, locks) read into their models, each with its document.

A file that does not read or validate is left out of `PlanFiles.loaded` and its problems are kept; the
checks then run on the files that did load (`checks.registry`), so that every problem is told at once.
A file the fast path vouches for is first read without positions, which only problems need (PyYAML with
positions takes 50-90 ms on a plan of a thousand agencies, the fast path 10): when the checks find any,
the files are read again with them.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from dnnd.errors import DataError, Problem
from dnnd.load import fastpath
from dnnd.load.decoding import decode_text
from dnnd.load.layout import AGENCIES_FILE, EVENTS_FILE, LOCKS_FILE, PLAN_FILE, TASKS_FILE
from dnnd.load.validation import validate_document
from dnnd.load.yamlio import YamlDocument, load_yaml
from dnnd.plan.models import AgenciesFile, Agency, Event, EventsFile, LocksFile, Plan, TasksFile

M = TypeVar("M", bound=BaseModel)

PLAN_MODELS: dict[str, type[BaseModel]] = {
    PLAN_FILE: Plan,
    AGENCIES_FILE: AgenciesFile,
    TASKS_FILE: TasksFile,
    EVENTS_FILE: EventsFile,
    LOCKS_FILE: LocksFile,
}


class PlanFiles:
    """The plan files found (`present`), those that read and validated (`loaded`, with their documents for
    positions), and the problems of the others."""

    def __init__(self, present: frozenset[str]) -> None:
        self.present = present
        self.loaded: dict[str, tuple[BaseModel, YamlDocument]] = {}
        self.problems: list[Problem] = []
        self.unplaced = False  # some file was read without positions

    def has(self, rel: str) -> bool:
        return rel in self.loaded

    def get(self, rel: str, model: type[M]) -> tuple[M, YamlDocument]:
        """A loaded file's model (of the type `model`) and its document."""
        found, doc = self.loaded[rel]
        assert isinstance(found, model)
        return found, doc

    @property
    def complete(self) -> bool:
        """Every file found read and validated."""
        return len(self.loaded) == len(self.present)

    @property
    def agencies(self) -> dict[str, Agency]:
        """The agencies by id ({} when the agencies file did not load)."""
        if not self.has(AGENCIES_FILE):
            return {}
        return {agency.id: agency for agency in self.get(AGENCIES_FILE, AgenciesFile)[0].agencies}

    @property
    def event_list(self) -> list[Event] | None:
        """The events as written, [] without an events file, None when it is there but did not load."""
        if self.has(EVENTS_FILE):
            return self.get(EVENTS_FILE, EventsFile)[0].events
        return None if EVENTS_FILE in self.present else []


def read_plan_files(raw: dict[str, bytes], *, positions: bool = False) -> PlanFiles:
    """Parse and validate each plan file's bytes, keeping the problems of those that do not; with
    `positions`, every file is read with them."""
    files = PlanFiles(frozenset(raw))
    for rel, content in raw.items():
        try:
            data = None if positions else fastpath.parse(decode_text(content, rel))
            if data is not None:
                doc = YamlDocument(data)
                try:
                    files.loaded[rel] = validate_document(PLAN_MODELS[rel], doc, rel), doc
                    files.unplaced = True
                    continue
                except DataError:
                    pass  # told below, with positions
            doc = load_yaml(content, rel)
            files.loaded[rel] = validate_document(PLAN_MODELS[rel], doc, rel), doc
        except DataError as exc:
            files.problems.extend(exc.problems)
    return files
