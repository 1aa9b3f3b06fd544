"""The plan's own files (plan, agencies, tasks, events, locks) read into their models, each with its document.

A file that does not read or validate is left out of `PlanFiles.loaded` and its problems are kept; the
checks then run on the files that did load (`checks.registry`), so that every problem is told at once.
A file the fast path vouches for is first read without positions, which only problems need (PyYAML with
positions takes 50-90 ms on a plan of a thousand agencies, the fast path 10): when the checks find any,
the files are read again with them.

Most plan files are plainly valid: the light reader (`light_reader`) vouches for them and reads them into
their light models without pydantic, whose validators would cost a first `dnnd validate` more than all the
rest. pydantic reads the others, and says what is wrong and where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from dnnd.errors import DataError, Problem
from dnnd.load import fastpath
from dnnd.load.decoding import decode_text
from dnnd.load.layout import AGENCIES_FILE, EVENTS_FILE, LOCKS_FILE, PLAN_FILE, TASKS_FILE
from dnnd.load.light_reader import read_light
from dnnd.load.yamlio import YamlDocument, load_yaml

if TYPE_CHECKING:
    from pydantic import BaseModel

    from dnnd.plan.light_models import LightModel
    from dnnd.plan.models import AgenciesFile, Agency, Event, EventsFile, LocksFile, Plan, TasksFile

PLAN_MODEL_NAMES = {
    PLAN_FILE: "Plan",
    AGENCIES_FILE: "AgenciesFile",
    TASKS_FILE: "TasksFile",
    EVENTS_FILE: "EventsFile",
    LOCKS_FILE: "LocksFile",
}


def plan_model(rel: str) -> type[BaseModel]:
    """The pydantic model of a plan file (importing pydantic: only a file the light reader left is validated by
    it, and only a snapshot is rebuilt into it)."""
    from dnnd.plan import models

    return cast("type[BaseModel]", getattr(models, PLAN_MODEL_NAMES[rel]))


class PlanFiles:
    """The plan files found (`present`), those that read and validated (`loaded`, with their documents for
    positions), and the problems of the others. A loaded file's model is its pydantic model or, when the
    light reader vouched for the file, its light form (`plan.light_models`), which reads alike."""

    def __init__(self, present: frozenset[str]) -> None:
        self.present = present
        self.loaded: dict[str, tuple[BaseModel | LightModel, YamlDocument]] = {}
        self.problems: list[Problem] = []
        self.unplaced = False  # some file was read without positions

    def has(self, rel: str) -> bool:
        return rel in self.loaded

    def _get(self, rel: str) -> tuple[Any, YamlDocument]:
        """A loaded file's model (pydantic's or its light form: they read alike) and its document."""
        found, doc = self.loaded[rel]
        assert type(found).__name__ == PLAN_MODEL_NAMES[rel]
        return found, doc

    def plan(self) -> tuple[Plan, YamlDocument]:
        """plan.yaml's model and document (the file must have loaded)."""
        return self._get(PLAN_FILE)

    def agencies_file(self) -> tuple[AgenciesFile, YamlDocument]:
        return self._get(AGENCIES_FILE)

    def tasks_file(self) -> tuple[TasksFile, YamlDocument]:
        return self._get(TASKS_FILE)

    def events_file(self) -> tuple[EventsFile, YamlDocument]:
        return self._get(EVENTS_FILE)

    def locks_file(self) -> tuple[LocksFile, YamlDocument]:
        return self._get(LOCKS_FILE)

    @property
    def complete(self) -> bool:
        """Every file found read and validated."""
        return len(self.loaded) == len(self.present)

    @property
    def agencies(self) -> dict[str, Agency]:
        """The agencies by id ({} when the agencies file did not load)."""
        if not self.has(AGENCIES_FILE):
            return {}
        return {agency.id: agency for agency in self.agencies_file()[0].agencies}

    @property
    def event_list(self) -> list[Event] | None:
        """The events as written, [] without an events file, None when it is there but did not load."""
        if self.has(EVENTS_FILE):
            return self.events_file()[0].events
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
                    files.loaded[rel] = _validated(rel, doc), doc
                    files.unplaced = True
                    continue
                except DataError:
                    pass  # told below, with positions
            doc = load_yaml(content, rel)
            files.loaded[rel] = _validated(rel, doc), doc
        except DataError as exc:
            files.problems.extend(exc.problems)
    return files


def _validated(rel: str, doc: YamlDocument) -> BaseModel | LightModel:
    """The file's light model when the light reader vouches for it, else its pydantic model; raises DataError
    when the file does not validate."""
    light = read_light(PLAN_MODEL_NAMES[rel], doc.data)
    if light is not None:
        return light
    from dnnd.load.validation import validate_document

    return validate_document(plan_model(rel), doc, rel)
