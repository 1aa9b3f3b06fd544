"""Find a plan repository and load every file in it, collecting all problems before reporting them."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from dnnd.cache import snapshot
from dnnd.cache import store as cache
from dnnd.checks import cross_file as checks
from dnnd.checks import schedules as timing
from dnnd.checks import successions as succession_checks
from dnnd.errors import DataError, DnndError, Problem, whole_file
from dnnd.i18n import Text
from dnnd.load import summary as summary_module
from dnnd.load import updates as updates_module
from dnnd.load.state import (
    AGENCIES_FILE,
    EVENTS_FILE,
    LOCKS_FILE,
    PLAN_FILE,
    TASKS_FILE,
    CacheKeys,
    Listing,
    RepositoryState,
    read_state,
    update_paths,
)
from dnnd.load.summary import UpdateSummary, summarise
from dnnd.load.updates import Plain, UpdateRecord
from dnnd.load.validation import validate_document
from dnnd.load.yamlio import YamlDocument, load_yaml
from dnnd.plan.models import AgenciesFile, Agency, Event, EventsFile, LocksFile, Plan, Task, TasksFile, rebuild
from dnnd.plan.periods import Window, parse_period
from dnnd.plan.schedules import Schedule
from dnnd.plan.successions import Successions, holdings_at

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class UpdateFile:
    """One agency's quarterly update, valid."""

    rel: str
    update: UpdateRecord


@dataclass
class Repository:
    """A loaded plan: the plan files are valid; invalid update files are left out and listed."""

    root: Path
    plan: Plan
    agencies: dict[str, Agency]
    tasks: dict[int, Task]
    events: dict[str, Event]
    schedules: dict[int, Schedule]
    locks: LocksFile
    summary: UpdateSummary
    update_problems: list[Problem]
    left_out: list[str]
    warnings: list[Problem]
    load_updates: Callable[[], list[UpdateFile]] | None = field(default=None, repr=False)
    _updates: list[UpdateFile] | None = field(default=None, repr=False)

    def verdict(self) -> snapshot.Verdict:
        """What `dnnd validate` reports of it."""
        return snapshot.Verdict(
            len(self.tasks), len(self.agencies), self.summary.files, self.update_problems, self.warnings
        )

    @property
    def updates(self) -> list[UpdateFile]:
        """The valid update files' records, read on first use when the repository came from its snapshot."""
        if self._updates is None:
            self._updates = self.load_updates() if self.load_updates is not None else []
        return self._updates


def _load(raw: bytes, rel: str, model: type[M]) -> tuple[M, YamlDocument]:
    doc = load_yaml(raw, rel)
    return validate_document(model, doc, rel), doc


@dataclass
class _Parsed:
    """Each update file's record (or its problems), and how to store the valid ones back in the cache."""

    results: dict[str, tuple[UpdateRecord | None, list[Problem]]] = field(default_factory=dict)
    store: CacheKeys | None = None
    plains: dict[str, Plain] = field(default_factory=dict)
    stored: frozenset[str] = frozenset()
    ids: dict[str, str] = field(default_factory=dict)  # the content each record was made from
    as_keyed: bool = True  # every file read had the content the caches' keys were computed from

    def save(self, valid: list[str]) -> None:
        """Keep the valid files (parsed and cross-checked) for the next run, if anything changed."""
        if self.store is None:
            return
        fresh = {f"{rel}\0{self.ids[rel]}": self.plains[rel] for rel in valid if rel in self.ids}
        if fresh.keys() != self.stored:
            cache.save(self.store.cache_file, self.store.files_key, fresh)


def _read_updates(root: Path, rels: list[str], store: CacheKeys | None, check: updates_module.Check | None) -> _Parsed:
    """Every update file parsed, validated and cross-checked (by `check`), through the cache when it can be used.

    The cache holds only files that were valid under the same plan files, so a hit needs no check again.
    Records are made as the parsed files arrive, so that their plain form need not be kept (without a cache)."""
    parsed = _Parsed(store=store if rels else None)
    stored: dict[str, Any] = {}
    if parsed.store is not None:
        stored = cache.load(parsed.store.cache_file, parsed.store.files_key)
        parsed.stored = frozenset(stored)
    ids = parsed.store.ids if parsed.store is not None else {}
    todo = []
    for rel in rels:
        hit = stored.get(f"{rel}\0{ids[rel]}") if rel in ids else None
        record = _record(hit)
        if record is None:  # not stored, or stored in a form that does not read: parse the file
            todo.append(rel)
        else:
            assert hit is not None
            parsed.results[rel] = (record, [])
            parsed.plains[rel] = hit
            parsed.ids[rel] = ids[rel]
    for rel, plain, problems, content_id in updates_module.parse_many(root, todo, check):
        parsed.results[rel] = (_record(plain), problems)
        if parsed.store is not None:
            # a file edited while dnnd ran: its record is filed under what was read, and no snapshot is kept
            parsed.as_keyed = parsed.as_keyed and content_id is not None and content_id == ids.get(rel)
            if plain is not None and content_id is not None:
                parsed.plains[rel] = plain
                parsed.ids[rel] = content_id
    return parsed


def _record(plain: Plain | None) -> UpdateRecord | None:
    if plain is None:
        return None
    try:
        return updates_module.from_plain(plain)
    except (TypeError, ValueError):
        return None


def _cross_checks(
    plan: Plan, agencies: dict[str, Agency], tasks: dict[int, Task], schedules: dict[int, Schedule]
) -> updates_module.Check:
    """The checks of an update file against the plan: its agency in force, its tasks held and reportable."""
    successions = Successions(agencies)
    held_in: dict[str, dict[str, set[int]]] = {}
    windows: dict[str, Window] = {}

    def cross_checks(record: updates_module.UpdateLike, doc: YamlDocument, rel: str) -> list[Problem]:
        _, _, folder, name = rel.split("/")
        period = name.removesuffix(".yaml")
        if period not in windows:  # once per period and process (forked workers fill their own)
            quarter = parse_period(period, "quarter")
            assert quarter is not None  # the file name pattern guarantees it
            windows[period] = window = quarter.window(plan.reporting.windows)
            held_in[period] = holdings_at(tasks.values(), successions, window.start, window.end)
        return succession_checks.check_in_force(
            record, doc, rel, agencies[folder], successions, windows[period], plan.decision.date
        ) or checks.check_update(
            record,
            doc,
            rel,
            folder=folder,
            period=period,
            tasks=tasks,
            held=held_in[period],
            schedules=schedules,
            first_year=plan.decision.date.year,
        )

    return cross_checks


def _valid_updates(parsed: _Parsed, rels: list[str]) -> list[UpdateFile]:
    """The records of files the snapshot says are valid; they were, unless a file changed while we read."""
    updates = []
    for rel in rels:
        record, problems = parsed.results[rel]
        if problems or record is None:
            raise DnndError(
                Text(
                    f"tệp {rel} vừa thay đổi trong khi dnnd đang đọc: hãy chạy lại lệnh",
                    f"{rel} changed while dnnd was reading it: run the command again",
                )
            )
        updates.append(UpdateFile(rel, record))
    return updates


def load_repository(root: Path, *, use_cache: bool = True, state: RepositoryState | None = None) -> Repository:
    """Load and check every file (`state`, when given, is what `read_state` found of it already).
    Raises DataError (with all problems) when the plan's own files are wrong.

    Python's cyclic garbage collector is paused meanwhile: tens of thousands of small, acyclic objects
    made in one go would otherwise trigger it over and over (forked workers inherit the pause)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load_repository(root, use_cache, state)
    finally:
        if paused:
            gc.enable()


_PLAN_MODELS: dict[str, type[BaseModel]] = {
    PLAN_FILE: Plan,
    AGENCIES_FILE: AgenciesFile,
    TASKS_FILE: TasksFile,
    EVENTS_FILE: EventsFile,
    LOCKS_FILE: LocksFile,
}


def _load_repository(root: Path, use_cache: bool, state: RepositoryState | None) -> Repository:
    state = state or read_state(root, use_cache)
    problems = list(state.problems)
    raw, listing, store = state.plan_bytes, state.listing, state.keys
    if store is not None and store.snapshot_key is not None:
        repo = _from_snapshot(root, store, store.snapshot_key, listing)
        if repo is not None:
            return repo
    loaded: dict[str, tuple[BaseModel, YamlDocument]] = {}
    for rel, content in raw.items():
        try:
            loaded[rel] = _load(content, rel, _PLAN_MODELS[rel])
        except DataError as exc:
            problems.extend(exc.problems)

    agencies: dict[str, Agency] = {}
    if AGENCIES_FILE in loaded:
        agencies_file, doc = loaded[AGENCIES_FILE]
        assert isinstance(agencies_file, AgenciesFile)
        problems.extend(checks.check_agencies(agencies_file, doc, AGENCIES_FILE))
        agencies = {agency.id: agency for agency in agencies_file.agencies}
    event_list: list[Event] | None = None if EVENTS_FILE in raw else []  # None: the file is there but unread
    if EVENTS_FILE in loaded and AGENCIES_FILE in loaded:
        events_file, doc = loaded[EVENTS_FILE]
        assert isinstance(events_file, EventsFile)
        problems.extend(timing.check_events(events_file, doc, EVENTS_FILE, agencies))
        event_list = events_file.events
    tasks: dict[int, Task] = {}
    schedules: dict[int, Schedule] = {}
    if TASKS_FILE in loaded:
        tasks_file, doc = loaded[TASKS_FILE]
        assert isinstance(tasks_file, TasksFile)
        if AGENCIES_FILE in loaded:
            problems.extend(checks.check_tasks(tasks_file, doc, TASKS_FILE, agencies))
            schedules, schedule_problems = timing.resolve_schedules(tasks_file, doc, TASKS_FILE, agencies, event_list)
            problems.extend(schedule_problems)
        tasks = {task.id: task for task in tasks_file.tasks}
    if AGENCIES_FILE in loaded and TASKS_FILE in loaded:
        agencies_file, doc = loaded[AGENCIES_FILE]
        assert isinstance(agencies_file, AgenciesFile)
        problems.extend(succession_checks.check_successions(agencies_file, doc, AGENCIES_FILE, tasks))
    if PLAN_FILE in loaded and AGENCIES_FILE in loaded:
        plan, doc = loaded[PLAN_FILE]
        assert isinstance(plan, Plan)
        problems.extend(checks.check_plan(plan, doc, PLAN_FILE, agencies))

    plan_ok = not problems and len(loaded) == len(raw)
    paths, update_problems = update_paths(listing, agencies if AGENCIES_FILE in loaded else None)
    left_out = [problem.path for problem in update_problems]
    loaded_plan = loaded[PLAN_FILE][0] if PLAN_FILE in loaded else None
    check = (
        _cross_checks(loaded_plan, agencies, tasks, schedules) if plan_ok and isinstance(loaded_plan, Plan) else None
    )
    parsed = _read_updates(root, paths, store if plan_ok else None, check)
    updates: list[UpdateFile] = []
    for rel in paths:
        record, file_problems = parsed.results[rel]
        if file_problems or record is None:
            update_problems.extend(file_problems)
            left_out.append(rel)
        else:
            updates.append(UpdateFile(rel, record))
    if not plan_ok:
        raise DataError(problems + update_problems)
    assert isinstance(loaded_plan, Plan)
    parsed.save([update.rel for update in updates])
    files = {rel: model for rel, (model, _) in loaded.items()}
    successions = Successions(agencies)
    leads = {
        task.id: frozenset(heir for lead in task.lead for heir in successions.path(lead, task.id, dt.date.max))
        for task in tasks.values()
    }
    summary = summarise([(update.rel, update.update) for update in updates], leads)
    repo = _repository(root, files, schedules, summary, update_problems, left_out, updates=updates)
    if store is not None and store.snapshot_key is not None and parsed.as_keyed:
        body = {
            "plan": {rel: model.model_dump(mode="json") for rel, model in files.items()},
            "summary": summary_module.to_plain(summary),
            "problems": snapshot.problems_to_plain(update_problems),
            "left_out": left_out,
            "verdict": snapshot.verdict_to_plain(repo.verdict()),
        }
        cache.save(store.snapshot_file, store.snapshot_key, body)
    return repo


def _repository(
    root: Path,
    files: dict[str, BaseModel],
    schedules: dict[int, Schedule],
    summary: UpdateSummary,
    update_problems: list[Problem],
    left_out: list[str],
    *,
    updates: list[UpdateFile] | None = None,
    load_updates: Callable[[], list[UpdateFile]] | None = None,
) -> Repository:
    plan, agencies_file, tasks_file = files[PLAN_FILE], files[AGENCIES_FILE], files[TASKS_FILE]
    assert isinstance(plan, Plan) and isinstance(agencies_file, AgenciesFile) and isinstance(tasks_file, TasksFile)
    # model_construct: validating even an empty model would build its schema, which a snapshot hit avoids
    events_file = files.get(EVENTS_FILE) or EventsFile.model_construct(events=[])
    locks = files.get(LOCKS_FILE) or LocksFile.model_construct(locks=[])
    assert isinstance(events_file, EventsFile) and isinstance(locks, LocksFile)
    warnings = (
        []
        if tasks_file.tasks
        else [
            whole_file(
                TASKS_FILE,
                Text(
                    "kế hoạch chưa có nhiệm vụ nào: thêm các nhiệm vụ vào danh sách tasks",
                    "the plan has no tasks yet: add them to the tasks list",
                ),
            )
        ]
    )
    return Repository(
        root,
        plan,
        {agency.id: agency for agency in agencies_file.agencies},
        {task.id: task for task in tasks_file.tasks},
        {event.id: event for event in events_file.events},
        schedules,
        locks,
        summary,
        update_problems,
        left_out,
        warnings,
        load_updates=load_updates,
        _updates=updates,
    )


def _from_snapshot(root: Path, store: CacheKeys, key: str, listing: Listing) -> Repository | None:
    """The repository as the snapshot keeps it, or None when there is none for this key or it does not read.
    Update records are read (through the per-file cache) only when a command asks for them."""
    body = cache.load(store.snapshot_file, key)
    if not body:
        return None
    try:
        files = {rel: rebuild(_PLAN_MODELS[rel], data) for rel, data in body["plan"].items()}
        summary = summary_module.from_plain(body["summary"])
        update_problems = snapshot.problems_from_plain(body["problems"])
        left_out = [str(rel) for rel in body["left_out"]]
        tasks_file, agencies_file = files[TASKS_FILE], files[AGENCIES_FILE]
        plan = files[PLAN_FILE]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    assert isinstance(tasks_file, TasksFile) and isinstance(agencies_file, AgenciesFile) and isinstance(plan, Plan)
    agencies = {agency.id: agency for agency in agencies_file.agencies}
    events_file = files.get(EVENTS_FILE)
    listed = events_file.events if isinstance(events_file, EventsFile) else []
    schedules, _ = timing.resolve_schedules(tasks_file, YamlDocument(None), TASKS_FILE, agencies, listed)
    tasks = {task.id: task for task in tasks_file.tasks}

    def load_updates() -> list[UpdateFile]:
        invalid = set(left_out)
        valid = [rel for rel in update_paths(listing, agencies)[0] if rel not in invalid]
        parsed = _read_updates(root, valid, store, _cross_checks(plan, agencies, tasks, schedules))
        updates = _valid_updates(parsed, valid)
        parsed.save(valid)
        return updates

    return _repository(root, files, schedules, summary, update_problems, left_out, load_updates=load_updates)
