"""Find a plan repository and load every file in it, collecting all problems before reporting them."""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from dnnd import cache, checks, succession_checks, timing
from dnnd import updates as updates_module
from dnnd.errors import DataError, Problem, UsageError
from dnnd.i18n import Text
from dnnd.models import AgenciesFile, Agency, Event, EventsFile, LocksFile, Plan, Task, TasksFile
from dnnd.periods import Window, parse_period
from dnnd.schedule import Schedule
from dnnd.succession import Successions, holdings_at
from dnnd.updates import Plain, UpdateRecord
from dnnd.validation import validate_document
from dnnd.yamlio import YamlDocument, load_yaml

PLAN_DIR = "plan"
PLAN_FILE = "plan/plan.yaml"
AGENCIES_FILE = "plan/agencies.yaml"
TASKS_FILE = "plan/tasks.yaml"
EVENTS_FILE = "plan/events.yaml"
LOCKS_FILE = "plan/locks.yaml"
PLAN_FILES = ("plan/plan.yaml", "plan/agencies.yaml", "plan/tasks.yaml", "plan/events.yaml", "plan/locks.yaml")
UPDATES_DIR = "plan/updates"
_UPDATE_NAME = re.compile(r"([0-9]{4})-Q([1-4])\.yaml")
_ALLOWED_EXTRA = frozenset({".gitkeep"})

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
    events: dict[str, Event] = field(default_factory=dict)
    schedules: dict[int, Schedule] = field(default_factory=dict)
    locks: LocksFile = field(default_factory=LocksFile)
    updates: list[UpdateFile] = field(default_factory=list)
    update_problems: list[Problem] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def find_root(start: Path, explicit: Path | None = None) -> Path:
    """The plan repository: `explicit` (or DNND_REPO) if given, else the nearest parent holding plan/plan.yaml."""
    chosen = explicit or (Path(os.environ["DNND_REPO"]) if os.environ.get("DNND_REPO") else None)
    if chosen is not None:
        if (chosen / PLAN_FILE).is_file():
            return chosen.resolve()
        raise UsageError(
            Text(
                f"'{chosen}' không phải kho kế hoạch: không có tệp {PLAN_FILE}",
                f"'{chosen}' is not a plan repository: it has no {PLAN_FILE}",
            )
        )
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / PLAN_FILE).is_file():
            return folder
    raise UsageError(
        Text(
            f"không tìm thấy kho kế hoạch: không có {PLAN_FILE} trong '{here}' hay các thư mục cha. "
            "Hãy chuyển vào thư mục kho kế hoạch, hoặc dùng --repo THƯ_MỤC (hay biến DNND_REPO)",
            f"no plan repository found: no {PLAN_FILE} in '{here}' or its parents. "
            "Change into the plan repository, or use --repo DIR (or DNND_REPO)",
        )
    )


def read_file(root: Path, rel: str) -> bytes:
    """Bytes of a regular file of the repository, refusing devices, fifos and anything over the size limit."""
    return updates_module.read_bytes(root / rel, rel)


def _load(root: Path, rel: str, model: type[M]) -> tuple[M, YamlDocument]:
    doc = load_yaml(read_file(root, rel), rel)
    return validate_document(model, doc, rel), doc


def _update_paths(root: Path, agencies: dict[str, Agency] | None) -> tuple[list[tuple[str, str, str]], list[Problem]]:
    """(rel, agency id, period) of each update file, and a problem for anything else under plan/updates/."""
    base = root / UPDATES_DIR
    found: list[tuple[str, str, str]] = []
    problems: list[Problem] = []
    if not base.is_dir():
        return found, problems
    reporting = sorted(agency_id for agency_id, agency in (agencies or {}).items() if agency.reports)
    for folder in sorted(base.iterdir()):
        rel_folder = f"{UPDATES_DIR}/{folder.name}"
        if folder.name in _ALLOWED_EXTRA:
            continue
        if not folder.is_dir():
            problems.append(
                Problem(
                    rel_folder,
                    None,
                    None,
                    "",
                    Text(
                        f"tệp không đúng chỗ: báo cáo phải nằm trong {UPDATES_DIR}/<mã cơ quan>/<năm>-Q<quý>.yaml",
                        f"file in the wrong place: updates go in {UPDATES_DIR}/<agency id>/<year>-Q<n>.yaml",
                    ),
                )
            )
            continue
        agency = agencies.get(folder.name) if agencies is not None else None
        if agencies is not None and (agency is None or not agency.reports):
            why_vi = "không có cơ quan mã này" if agency is None else "cơ quan này không báo cáo"
            why_en = "no agency has this id" if agency is None else "this agency does not report"
            problems.append(
                Problem(
                    rel_folder,
                    None,
                    None,
                    "",
                    Text(
                        f"thư mục '{folder.name}' không hợp lệ ({why_vi}); tên thư mục phải là mã một cơ quan báo cáo: "
                        f"{', '.join(reporting)}",
                        f"folder '{folder.name}' is not valid ({why_en}); it must be the id of a reporting agency: "
                        f"{', '.join(reporting)}",
                    ),
                )
            )
            continue
        with os.scandir(folder) as listing:  # the directory entries know their type: no stat per file
            files = sorted((entry.name, entry.is_file(follow_symlinks=False), entry.is_symlink()) for entry in listing)
        for name, is_file, is_link in files:
            rel = f"{rel_folder}/{name}"
            if is_file and _UPDATE_NAME.fullmatch(name):
                found.append((rel, folder.name, name.removesuffix(".yaml")))
            elif name in _ALLOWED_EXTRA:
                continue
            elif _UPDATE_NAME.fullmatch(name):
                problems.append(Problem(rel, None, None, "", _not_a_file(is_link)))
            else:
                problems.append(Problem(rel, None, None, "", _misnamed(name)))
    return found, problems


def _not_a_file(is_link: bool) -> Text:
    if is_link:
        return Text(
            "đây là liên kết (symlink), không phải tệp: hãy thay bằng một tệp có nội dung báo cáo",
            "this is a symbolic link, not a file: replace it with a file holding the update",
        )
    return Text(
        "đây không phải tệp thường (thư mục, thiết bị hay ống dẫn): hãy thay bằng một tệp báo cáo",
        "this is not a regular file (a folder, device or pipe): replace it with an update file",
    )


def _misnamed(name: str) -> Text:
    guess = re.fullmatch(r"([0-9]{4})[-_ ]?[qQ]([1-4])\.ya?ml", name, re.IGNORECASE)
    if guess:
        right = f"{guess[1]}-Q{guess[2]}.yaml"
        return Text(f"tên tệp không đúng: đổi tên thành {right}", f"wrong file name: rename it to {right}")
    return Text(
        "tệp không đúng chỗ: mỗi báo cáo quý là một tệp tên <năm>-Q<quý>.yaml, ví dụ 2020-Q3.yaml",
        "unexpected file: each quarterly update is a file named <year>-Q<n>.yaml, e.g. 2020-Q3.yaml",
    )


@dataclass
class _Parsed:
    """Each update file's record (or its problems), and how to store the valid ones back in the cache."""

    results: dict[str, tuple[UpdateRecord | None, list[Problem]]] = field(default_factory=dict)
    cache_file: Path | None = None
    key: str = ""
    ids: dict[str, str] = field(default_factory=dict)
    plains: dict[str, Plain] = field(default_factory=dict)
    stored: frozenset[str] = frozenset()

    def store(self, valid: list[str]) -> None:
        """Keep the valid files (parsed and cross-checked) for the next run, if anything changed."""
        if self.cache_file is None:
            return
        fresh = {f"{rel}\0{self.ids[rel]}": self.plains[rel] for rel in valid if rel in self.ids}
        if fresh.keys() != self.stored:
            cache.save(self.cache_file, self.key, fresh)


def _read_updates(root: Path, rels: list[str], use_cache: bool, check: updates_module.Check | None) -> _Parsed:
    """Every update file parsed, validated and cross-checked (by `check`), through the cache when it can be used.

    The cache holds only files that were valid under the same plan files, so a hit needs no check again.
    Records are made as the parsed files arrive, so that their plain form need not be kept (without a cache)."""
    where = cache.cache_file(root) if rels and use_cache and not cache.disabled() else None
    parsed = _Parsed(cache_file=where)
    stored: dict[str, Any] = {}
    if where is not None:
        parsed.key = cache.key_of(root, (read_file(root, rel) for rel in PLAN_FILES if (root / rel).exists()))
        stored = cache.load(where, parsed.key)
        parsed.stored = frozenset(stored)
        parsed.ids = cache.content_ids(root, UPDATES_DIR, rels)
    todo = []
    for rel in rels:
        hit = stored.get(f"{rel}\0{parsed.ids[rel]}") if rel in parsed.ids else None
        record = _record(hit)
        if record is None:  # not stored, or stored in a form that does not read: parse the file
            todo.append(rel)
        else:
            assert hit is not None
            parsed.results[rel] = (record, [])
            parsed.plains[rel] = hit
    for rel, plain, problems in updates_module.parse_many(root, todo, check):
        parsed.results[rel] = (_record(plain), problems)
        if where is not None and plain is not None:
            parsed.plains[rel] = plain
    return parsed


def _record(plain: Plain | None) -> UpdateRecord | None:
    if plain is None:
        return None
    try:
        return updates_module.from_plain(plain)
    except (TypeError, ValueError):
        return None


def load_repository(root: Path, *, use_cache: bool = True) -> Repository:
    """Load and check every file. Raises DataError (with all problems) when the plan's own files are wrong.

    Python's cyclic garbage collector is paused meanwhile: tens of thousands of small, acyclic objects
    made in one go would otherwise trigger it over and over (forked workers inherit the pause)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load_repository(root, use_cache)
    finally:
        if paused:
            gc.enable()


def _load_repository(root: Path, use_cache: bool) -> Repository:
    problems: list[Problem] = []
    loaded: dict[str, tuple[BaseModel, YamlDocument]] = {}
    plan_files: list[tuple[str, type[BaseModel]]] = [
        (PLAN_FILE, Plan),
        (AGENCIES_FILE, AgenciesFile),
        (TASKS_FILE, TasksFile),
    ]
    for rel, optional in ((EVENTS_FILE, EventsFile), (LOCKS_FILE, LocksFile)):
        if (root / rel).exists():
            plan_files.append((rel, optional))
    for rel, model in plan_files:
        try:
            loaded[rel] = _load(root, rel, model)
        except DataError as exc:
            problems.extend(exc.problems)

    agencies: dict[str, Agency] = {}
    if AGENCIES_FILE in loaded:
        agencies_file, doc = loaded[AGENCIES_FILE]
        assert isinstance(agencies_file, AgenciesFile)
        problems.extend(checks.check_agencies(agencies_file, doc, AGENCIES_FILE))
        agencies = {agency.id: agency for agency in agencies_file.agencies}
    events: dict[str, Event] = {}
    if EVENTS_FILE in loaded and AGENCIES_FILE in loaded:
        events_file, doc = loaded[EVENTS_FILE]
        assert isinstance(events_file, EventsFile)
        problems.extend(timing.check_events(events_file, doc, EVENTS_FILE, agencies))
        events = {event.id: event for event in events_file.events}
    tasks: dict[int, Task] = {}
    schedules: dict[int, Schedule] = {}
    if TASKS_FILE in loaded:
        tasks_file, doc = loaded[TASKS_FILE]
        assert isinstance(tasks_file, TasksFile)
        if AGENCIES_FILE in loaded:
            problems.extend(checks.check_tasks(tasks_file, doc, TASKS_FILE, agencies))
            schedules, schedule_problems = timing.resolve_schedules(tasks_file, doc, TASKS_FILE, agencies, events)
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

    plan_ok = not problems and len(loaded) == len(plan_files)
    loaded_plan = loaded[PLAN_FILE][0] if PLAN_FILE in loaded else None
    first_year = loaded_plan.decision.date.year if isinstance(loaded_plan, Plan) else 0
    paths, update_problems = _update_paths(root, agencies if AGENCIES_FILE in loaded else None)
    left_out = [problem.path for problem in update_problems]
    updates: list[UpdateFile] = []
    successions = Successions(agencies)
    convention = loaded_plan.reporting.windows if isinstance(loaded_plan, Plan) else "cutoff"
    held_in: dict[str, dict[str, set[int]]] = {}
    windows: dict[str, Window] = {}

    def cross_checks(record: updates_module.UpdateLike, doc: YamlDocument, rel: str) -> list[Problem]:
        assert isinstance(loaded_plan, Plan)
        _, _, folder, name = rel.split("/")
        period = name.removesuffix(".yaml")
        if period not in windows:  # once per period and process (forked workers fill their own)
            quarter = parse_period(period, "quarter")
            assert quarter is not None  # the file name pattern guarantees it
            windows[period] = window = quarter.window(convention)
            held_in[period] = holdings_at(tasks.values(), successions, window.start, window.end)
        return succession_checks.check_in_force(
            record, doc, rel, agencies[folder], successions, windows[period], loaded_plan.decision.date
        ) or checks.check_update(
            record,
            doc,
            rel,
            folder=folder,
            period=period,
            tasks=tasks,
            held=held_in[period],
            schedules=schedules,
            first_year=first_year,
        )

    parsed = _read_updates(root, [rel for rel, _, _ in paths], use_cache and plan_ok, cross_checks if plan_ok else None)
    for rel, _, _ in paths:
        record, file_problems = parsed.results[rel]
        if file_problems or record is None:
            update_problems.extend(file_problems)
            left_out.append(rel)
        else:
            updates.append(UpdateFile(rel, record))
    if plan_ok:
        parsed.store([update.rel for update in updates])
    if not plan_ok:
        raise DataError(problems + update_problems)
    assert isinstance(loaded_plan, Plan)
    locks = loaded[LOCKS_FILE][0] if LOCKS_FILE in loaded else LocksFile()
    assert isinstance(locks, LocksFile)
    warnings = (
        []
        if tasks
        else [
            Problem(
                TASKS_FILE,
                None,
                None,
                "",
                Text(
                    "kế hoạch chưa có nhiệm vụ nào: thêm các nhiệm vụ vào danh sách tasks",
                    "the plan has no tasks yet: add them to the tasks list",
                ),
            )
        ]
    )
    return Repository(
        root, loaded_plan, agencies, tasks, events, schedules, locks, updates, update_problems, left_out, warnings
    )
