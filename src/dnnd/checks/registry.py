"""The registry of checks: every rule that relates the plan's files to each other, run from one place.

A check is a function in the module of its family (agencies, tasks, events, schedules, successions, the
plan file, update files), registered by one decorator line:

- `@plan_check(AGENCIES_FILE, TASKS_FILE)`: runs on the plan's own files, only when the files it names
  have loaded (a file that did not load has its own problems already);
- `@update_check()`: runs on each valid update file against the plan, only when the plan is valid;
  `decisive=True` checks run first, and when one finds a problem the others are not run (what they would
  say follows from it);
- `@document_check`: runs on an update file that does not validate, so that problems a check would find
  once the schema is right are told at the same time.

Every module of this package is imported when checks first run, so registering is all a new check needs.
Which files under plan/updates/ are update files at all is decided by `update_layout`, since the
loader needs the files, not only the problems.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, NamedTuple

from dnnd.errors import Problem
from dnnd.load.plan_files import PlanFiles
from dnnd.load.records import UpdateLike
from dnnd.load.yamlio import YamlDocument
from dnnd.plan.periods import Window, parse_period, quarters_covered
from dnnd.plan.successions import Holdings, Successions

if TYPE_CHECKING:
    from dnnd.plan.models import Agency, LocksFile, Plan, Task
    from dnnd.plan.schedules import Schedule

PlanCheckFunction = Callable[[PlanFiles], list[Problem]]
UpdateCheckFunction = Callable[["UpdateContext", UpdateLike, YamlDocument, "UpdatePath"], list[Problem]]
DocumentCheckFunction = Callable[[YamlDocument, str, list[Problem]], list[Problem]]


class PlanCheck(NamedTuple):
    name: str
    needs: tuple[str, ...]
    run: PlanCheckFunction


class UpdateCheck(NamedTuple):
    name: str
    run: UpdateCheckFunction
    decisive: bool


_plan_checks: list[PlanCheck] = []
_update_checks: list[UpdateCheck] = []
_document_checks: list[DocumentCheckFunction] = []


def plan_check(*needs: str) -> Callable[[PlanCheckFunction], PlanCheckFunction]:
    """Register a check of the plan's files that runs when every file in `needs` has loaded."""

    def register(function: PlanCheckFunction) -> PlanCheckFunction:
        _plan_checks.append(PlanCheck(function.__name__, needs, function))
        return function

    return register


def update_check(*, decisive: bool = False) -> Callable[[UpdateCheckFunction], UpdateCheckFunction]:
    """Register a check of each valid update file against the plan."""

    def register(function: UpdateCheckFunction) -> UpdateCheckFunction:
        _update_checks.append(UpdateCheck(function.__name__, function, decisive))
        return function

    return register


def document_check(function: DocumentCheckFunction) -> DocumentCheckFunction:
    """Register a check of an update file that does not validate against its schema."""
    _document_checks.append(function)
    return function


_imported: list[str] = []


def _registered() -> None:
    """Import every module of the checks package, whose decorators register its checks (once)."""
    if _imported:
        return
    package = importlib.import_module(__package__ or "dnnd.checks")
    for folder in package.__path__:  # listed from the folder: pkgutil costs start-up
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py") and name != "__init__.py":
                importlib.import_module(f"{package.__name__}.{name.removesuffix('.py')}")
                _imported.append(name)


def plan_checks() -> list[PlanCheck]:
    _registered()
    return list(_plan_checks)


def check_plan_files(files: PlanFiles) -> list[Problem]:
    """Every problem the registered plan checks find, each run only when the files it needs have loaded."""
    return [
        problem for check in plan_checks() if all(files.has(rel) for rel in check.needs) for problem in check.run(files)
    ]


class UpdateContext:
    """The valid plan an update file is checked against, with what the checks look up once per period
    (each forked worker fills its own)."""

    def __init__(
        self,
        plan: Plan,
        agencies: dict[str, Agency],
        tasks: dict[int, Task],
        schedules: dict[int, Schedule],
        locks: LocksFile | None = None,
    ) -> None:
        self.plan, self.agencies, self.tasks, self.schedules = plan, agencies, tasks, schedules
        self.successions = Successions(agencies)
        dates: dict[str, dt.date] = {}
        for lock in locks.locks if locks is not None else ():
            dates.setdefault(lock.period, lock.locked_on)
        # each locked quarter → its lock's period and date (the first lock covering it, as `dnnd lock` reads them)
        self.locked: dict[str, tuple[str, dt.date]] = {
            quarter.name: (period, dates[period]) for quarter, period in quarters_covered(dates).items()
        }
        self._windows: dict[str, Window] = {}
        self._held: dict[str, dict[str, AbstractSet[int]]] = {}
        self._holdings: Holdings | None = None

    def window(self, period: str) -> Window:
        """The data window of a quarter named like an update file ('2020-Q3')."""
        if period not in self._windows:
            quarter = parse_period(period, "quarter")
            assert quarter is not None  # the file name pattern guarantees it
            self._windows[period] = quarter.window(self.plan.reporting.windows)
        return self._windows[period]

    def held(self, period: str) -> dict[str, AbstractSet[int]]:
        """For each agency, the tasks it may report on in the quarter `period`."""
        if period not in self._held:
            if self._holdings is None:
                self._holdings = Holdings(self.tasks.values(), self.successions)
            window = self.window(period)
            self._held[period] = self._holdings.at(window.start, window.end)
        return self._held[period]


class UpdateChecks:
    """The registered update checks, bound to a valid plan (or to none: then only the document checks run)."""

    def __init__(self, context: UpdateContext | None) -> None:
        _registered()
        self.context = context
        self.decisive = [check for check in _update_checks if check.decisive]
        self.others = [check for check in _update_checks if not check.decisive]
        self.documents = list(_document_checks)

    def of_record(self, update: UpdateLike, doc: YamlDocument, rel: str) -> list[Problem]:
        if self.context is None:
            return []
        path = UpdatePath.of(rel)
        for check in self.decisive:
            problems = check.run(self.context, update, doc, path)
            if problems:
                return problems
        return [problem for check in self.others for problem in check.run(self.context, update, doc, path)]

    def of_document(self, doc: YamlDocument, rel: str, known: list[Problem]) -> list[Problem]:
        return [problem for check in self.documents for problem in check(doc, rel, known)]


class UpdatePath(NamedTuple):
    """An update file's path, and the agency folder and quarter it names: plan/updates/<folder>/<quarter>.yaml."""

    rel: str
    folder: str
    period: str

    @classmethod
    def of(cls, rel: str) -> UpdatePath:
        _, _, folder, name = rel.split("/")
        return cls(rel, folder, name.removesuffix(".yaml"))
