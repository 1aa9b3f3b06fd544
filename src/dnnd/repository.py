"""A plan repository loaded and checked: the one way a `Repository` is built.

Loading runs load → checks → Repository: the plan files are read into their models
(`load.plan_files`), the registered checks run on them (`checks.registry`), the update files are read
through the per-file cache and checked against the plan (`cache.update_cache`), and their summary is built
(`load.summary`). When the repository is in a state the snapshot has seen (`cache.snapshot`), the
snapshot supplies the same parts instead and no file is parsed; the update records are then read only
when a command asks for them.

Problems in the plan's own files stop loading with every problem found (DataError); update files that do
not validate are left out, listed, and their problems kept for `dnnd validate`.

Only what `dnnd validate` needs when the snapshot holds its verdict is imported with this module: the
loading machinery is imported when a repository is loaded, and pydantic only when a file needs it (an update
file to parse, a plan file the light reader does not vouch for, a budget or report text file).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from dnnd.cache.state import RepositoryState, read_state
from dnnd.cache.verdict import Verdict, recorded_verdict
from dnnd.errors import DataError, Problem, whole_file
from dnnd.i18n import Text
from dnnd.load.layout import AGENCIES_FILE, EVENTS_FILE, LOCKS_FILE, PLAN_FILE, TASKS_FILE, Listing

if TYPE_CHECKING:
    from dnnd.cache.keys import CacheKeys
    from dnnd.cache.snapshot import Snapshot
    from dnnd.load.activities import CountedActivity
    from dnnd.load.records import UpdateRecord
    from dnnd.load.summary import UpdateSummary
    from dnnd.plan.models import AgenciesFile, Agency, Event, EventsFile, LocksFile, Plan, ReportText, Task, TasksFile
    from dnnd.plan.schedules import Schedule

FROZEN_FROM_FILES = 400  # a load of this many update files leaves its objects out of the collector's walks


class UpdateFile(NamedTuple):
    """One agency's quarterly update, valid: a (rel, record) pair, as the summary reads it."""

    rel: str
    update: UpdateRecord


class Repository:
    """A loaded plan: the plan files are valid; invalid update files are left out and listed. (A plain class:
    a dataclass would cost every run, `dnnd validate` included, a millisecond to define.)"""

    def __init__(
        self,
        root: Path,
        plan: Plan,
        agencies: dict[str, Agency],
        tasks: dict[int, Task],
        events: dict[str, Event],
        schedules: dict[int, Schedule],
        locks: LocksFile,
        summary: UpdateSummary,
        update_problems: list[Problem],
        left_out: list[str],
        warnings: list[Problem],
        *,
        load_updates: Callable[[], list[UpdateFile]] | None = None,
        updates: list[UpdateFile] | None = None,
        keys: CacheKeys | None = None,
        report_texts: dict[str, ReportText] | None = None,
    ) -> None:
        self.root, self.plan, self.agencies, self.tasks, self.events = root, plan, agencies, tasks, events
        self.schedules, self.locks, self.summary = schedules, locks, summary
        self.update_problems, self.left_out, self.warnings = update_problems, left_out, warnings
        self.load_updates = load_updates
        self._updates = updates
        self._keys = keys  # where the counted activities are kept, when the caches are in use
        self._activities: list[CountedActivity] | None = None
        self.report_texts = report_texts or {}  # the focal point's own text of each report, by period name
        # plan/budgets/ as read for the snapshot's key (rel → bytes) and the entries that could not be read:
        # `dnnd budget` checks them from here rather than reading them again (the snapshot does not keep them)
        self.budget_files: dict[str, bytes] = {}
        self.budget_file_problems: list[Problem] = []

    def verdict(self) -> Verdict:
        """What `dnnd validate` reports of it."""
        return Verdict(
            len(self.tasks),
            len(self.agencies),
            self.summary.files,
            self.update_problems,
            self.warnings,
            len(self.report_texts),
        )

    @property
    def updates(self) -> list[UpdateFile]:
        """The valid update files' records, read on first use when the repository came from its snapshot."""
        if self._updates is None:
            self._updates = self.load_updates() if self.load_updates is not None else []
        return self._updates

    @property
    def keeps(self) -> bool:
        """Whether what is derived from this state can be kept for the next run (the caches are in use)."""
        return self._keys is not None

    def kept(self, compute: Callable[[list[str]], dict[str, Any]], names: list[str]) -> dict[str, Any]:
        """JSON values derived from this state, by name: those kept beside the snapshot, the others from
        `compute(missing names)`, then kept for the next run. The layers above decide what is worth keeping
        (the repository does not know what the values mean)."""
        from dnnd.cache import snapshot

        found = snapshot.load_derived(self._keys, names) if self._keys is not None else {}
        missing = [name for name in names if name not in found]
        if missing:
            computed = compute(missing)
            found.update(computed)
            if self._keys is not None:
                snapshot.save_derived(self._keys, computed)
        return found

    def activities(self, quarters: Collection[str] | None = None) -> list[CountedActivity]:
        """The activities counted once each (`load.activities`) of `quarters` ('2020-Q4'; all when None): kept
        beside the snapshot (unless the records are read already), else counted from the update records, once,
        and kept for the next run."""
        from dnnd.cache import snapshot

        if not self.summary.activities:
            return []
        if self._activities is None and self._updates is None and self._keys is not None:
            kept = snapshot.load_activities(self._keys, quarters)
            if kept is not None:
                return kept
        from dnnd.load.activities import count_activities

        if self._activities is None and self._keys is None and quarters is not None:
            # nothing to keep for a next run: count only the quarters asked for
            return count_activities(self.updates, self.plan.reporting.windows, set(quarters))
        if self._activities is None:
            self._activities = count_activities(self.updates, self.plan.reporting.windows)
            if self._keys is not None:
                snapshot.save_activities(self._keys, self._activities)
        if quarters is None:
            return self._activities
        wanted = set(quarters)
        return [activity for activity in self._activities if activity.period in wanted]


def _today() -> dt.date:
    """The date of the run (which quarters may be reported on depends on it)."""
    return dt.date.today()


def validate_repository(root: Path, *, use_cache: bool = True) -> Verdict:
    """What `dnnd validate` reports: the verdict the snapshot recorded for this very state (no model is
    loaded: it runs on every commit), else that of the repository loaded. Raises DataError when the plan's
    own files are wrong."""
    state = read_state(root, use_cache)
    return recorded_verdict(state) or load_repository(root, use_cache=use_cache, state=state).verdict()


def load_repository(root: Path, *, use_cache: bool = True, state: RepositoryState | None = None) -> Repository:
    """Load and check every file (`state`, when given, is what `read_state` found of it already).
    Raises DataError (with all problems) when the plan's own files are wrong.

    Python's cyclic garbage collector is paused meanwhile: tens of thousands of small, acyclic objects
    made in one go would otherwise trigger it over and over (forked workers inherit the pause). After a
    large load, what is loaded is put out of the collector's sight (`gc.freeze`), as it lives as long as the
    command: started again, the collector would walk it three times over (0.1 s after 24,000 files).
    Objects frozen are still freed when nothing refers to them; only a cycle among them would stay."""
    paused = gc.isenabled()
    gc.disable()
    try:
        state = state or read_state(root, use_cache)
        keys = state.keys if state.keys is not None and state.keys.snapshot_key is not None else None
        repo = (keys is not None and _from_snapshot(root, keys, state.listing)) or _from_files(state)
        repo.budget_files, repo.budget_file_problems = state.budget_files, state.budget_problems
        if paused and repo.summary.files >= FROZEN_FROM_FILES:
            gc.freeze()
        return repo
    finally:
        if paused:
            gc.enable()


def import_loading() -> None:
    """Import what loading a repository needs, now: processes forked afterwards to load repositories then
    share these modules instead of each importing them again."""
    import dnnd.cache.snapshot
    import dnnd.cache.update_cache
    import dnnd.checks.registry
    import dnnd.checks.task_timing
    import dnnd.checks.update_layout
    import dnnd.load.plan_files
    import dnnd.load.summary
    import dnnd.load.update_files  # with pydantic and the update models, which each repository's files need
    import dnnd.plan.models
    import dnnd.plan.rebuild

    dnnd.checks.registry.plan_checks()  # which imports every check module


def _from_files(state: RepositoryState) -> Repository:
    """Read, check and summarise every file; keep a snapshot when the caches are in use."""
    from dnnd.cache import snapshot
    from dnnd.cache.update_cache import read_updates
    from dnnd.checks.activities import merges_into_locked_periods
    from dnnd.checks.budgets import read_budgets
    from dnnd.checks.omitted_entries import omitted_entries
    from dnnd.checks.registry import UpdateChecks, UpdateContext, check_plan_files
    from dnnd.checks.report_texts import ReportTexts, read_report_texts
    from dnnd.checks.task_timing import schedules_of
    from dnnd.checks.update_layout import update_files
    from dnnd.checks.update_periods import periods_out_of_range
    from dnnd.load.activities import activity_warnings
    from dnnd.load.plan_files import read_plan_files

    files = read_plan_files(state.plan_bytes)
    plan_problems = check_plan_files(files)
    if plan_problems and files.unplaced:  # their lines are wanted: the files are read again with positions
        files = read_plan_files(state.plan_bytes, positions=True)
        plan_problems = check_plan_files(files)
    problems = [*state.problems, *files.problems, *plan_problems]
    plan_ok = not problems and files.complete
    agencies = files.agencies
    paths, update_problems = update_files(state.listing, agencies if files.has(AGENCIES_FILE) else None)
    left_out = [problem.path for problem in update_problems]
    context = None
    if plan_ok:
        tasks_file = files.tasks_file()[0]
        events = files.events_file()[0].events if files.has(EVENTS_FILE) else []
        tasks = {task.id: task for task in tasks_file.tasks}
        locks = files.locks_file()[0] if files.has(LOCKS_FILE) else None
        context = UpdateContext(files.plan()[0], agencies, tasks, schedules_of(tasks_file, agencies, events), locks)
    models = {rel: model for rel, (model, _) in files.loaded.items()}
    del files  # the plan's documents hold positions for its own problems, told above: not kept while updates load
    read = read_updates(state.root, paths, state.keys if plan_ok else None, UpdateChecks(context))
    updates: list[UpdateFile] = []
    for rel in paths:
        record, file_problems = read.results[rel]
        if file_problems or record is None:
            update_problems.extend(file_problems)
            left_out.append(rel)
        else:
            updates.append(UpdateFile(rel, record))
    if context is None:
        raise DataError(problems + update_problems + state.report_text_problems)
    read.results.clear()  # `updates` holds the records: the summary below need not share memory with this index
    read.save([update.rel for update in updates])
    crossed = merges_into_locked_periods(context, updates)  # each file is valid alone; together, not
    for rel, found_problems in periods_out_of_range(context.plan, updates, _today()).items():
        crossed.setdefault(rel, []).extend(found_problems)
    if crossed:
        for rel, found_problems in crossed.items():
            update_problems.extend(found_problems)
            left_out.append(rel)
        updates = [update for update in updates if update.rel not in crossed]
    texts = read_report_texts(context.plan, context.tasks, state.report_texts, _today())
    texts = ReportTexts(texts.texts, [*state.report_text_problems, *texts.problems])
    update_problems.extend(texts.problems)  # told by validate; they leave no update out
    budgets = read_budgets(context.plan, agencies, context.tasks, state.budget_files, _today())
    update_problems.extend([*state.budget_problems, *budgets.problems])  # told by validate; `budget` reads again
    summary = _summary(context.tasks, agencies, updates)
    occurred = {event.id: event.occurred_on for event in events}
    warnings = [
        *activity_warnings(updates, context.plan.reporting.windows),
        *omitted_entries(context, summary, occurred),
    ]
    found = snapshot.Snapshot(models, summary, update_problems, left_out, warnings, texts.texts)
    kept = state.keys is not None and state.keys.snapshot_key is not None and read.as_keyed
    repo = _assemble(state.root, found, context.schedules, updates=updates, keys=state.keys if kept else None)
    if kept:
        assert state.keys is not None
        snapshot.save(state.keys, found, repo.verdict())
    return repo


def _summary(tasks: dict[int, Task], agencies: dict[str, Agency], updates: list[UpdateFile]) -> UpdateSummary:
    """The summary of the valid files; a task's leads are the agencies the decision named and every
    successor their duty on it can pass to."""
    from dnnd.load.summary import summarise
    from dnnd.plan.successions import Successions

    successions = Successions(agencies)
    leads = {
        task.id: frozenset(heir for lead in task.lead for heir in successions.path(lead, task.id, dt.date.max))
        for task in tasks.values()
    }
    return summarise(updates, leads)


def _from_snapshot(root: Path, keys: CacheKeys, listing: Listing) -> Repository | None:
    """The repository as the snapshot keeps it, or None when there is none for this state or it does not read.
    Update records are read (through the per-file cache) only when a command asks for them."""
    from dnnd.cache import snapshot
    from dnnd.checks.task_timing import schedules_of

    found = snapshot.load(keys)
    if found is None:
        return None
    plan = cast("Plan", found.files[PLAN_FILE])
    agencies_file, tasks_file = (
        cast("AgenciesFile", found.files[AGENCIES_FILE]),
        cast("TasksFile", found.files[TASKS_FILE]),
    )
    agencies = {agency.id: agency for agency in agencies_file.agencies}
    events_file = cast("EventsFile | None", found.files.get(EVENTS_FILE))
    events = events_file.events if events_file is not None else []
    schedules = schedules_of(tasks_file, agencies, events)
    tasks = {task.id: task for task in tasks_file.tasks}

    def load_updates() -> list[UpdateFile]:
        from dnnd.cache.update_cache import read_updates
        from dnnd.checks.registry import UpdateChecks, UpdateContext
        from dnnd.checks.update_layout import update_files

        invalid = set(found.left_out)
        valid = [rel for rel in update_files(listing, agencies)[0] if rel not in invalid]
        context = UpdateContext(plan, agencies, tasks, schedules, cast("LocksFile | None", found.files.get(LOCKS_FILE)))
        read = read_updates(root, valid, keys, UpdateChecks(context))
        updates = [UpdateFile(rel, record) for rel, record in read.records(valid)]
        read.save(valid)
        return updates

    return _assemble(root, found, schedules, load_updates=load_updates, keys=keys)


def _assemble(
    root: Path,
    found: Snapshot,
    schedules: dict[int, Schedule],
    *,
    updates: list[UpdateFile] | None = None,
    load_updates: Callable[[], list[UpdateFile]] | None = None,
    keys: CacheKeys | None = None,
) -> Repository:
    from dnnd.plan.light_models import LIGHT_CLASSES

    # each file's pydantic model, or its light form (`load.plan_files`); missing files are empty light ones
    files = found.files
    plan = cast("Plan", files[PLAN_FILE])
    agencies_file, tasks_file = cast("AgenciesFile", files[AGENCIES_FILE]), cast("TasksFile", files[TASKS_FILE])
    events_file = cast("EventsFile", files.get(EVENTS_FILE) or LIGHT_CLASSES["EventsFile"](events=[]))
    locks = cast("LocksFile", files.get(LOCKS_FILE) or LIGHT_CLASSES["LocksFile"](locks=[], budgets=[]))
    warnings = [*found.warnings]
    if not tasks_file.tasks:
        warnings.insert(
            0,
            whole_file(
                TASKS_FILE,
                Text(
                    "kế hoạch chưa có nhiệm vụ nào: thêm các nhiệm vụ vào danh sách tasks",
                    "the plan has no tasks yet: add them to the tasks list",
                ),
            ),
        )
    return Repository(
        root,
        plan,
        {agency.id: agency for agency in agencies_file.agencies},
        {task.id: task for task in tasks_file.tasks},
        {event.id: event for event in events_file.events},
        schedules,
        locks,
        found.summary,
        found.update_problems,
        found.left_out,
        warnings,
        load_updates=load_updates,
        updates=updates,
        keys=keys,
        report_texts=found.report_texts,
    )
