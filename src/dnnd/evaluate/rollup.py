"""The national roll-up: one period's status counts, missing reports and activity figures of many
provinces' plan repositories.

Each repository is loaded and evaluated as `dnnd status` and `dnnd stats` do, under its own plan's
reporting windows. A repository that cannot be loaded is recorded with its problems and does not stop the
others; a repository given twice, or two with the same plan id, are refused before any is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from dnnd.errors import DataError, DnndError, Problem, UsageError
from dnnd.evaluate.figures import Figures, add_figures, figures_of
from dnnd.evaluate.status_report import PeriodChoice, status_report
from dnnd.i18n import Text
from dnnd.load.layout import PLAN_FILE, find_root, read_file
from dnnd.load.workers import mark_worker, workers_for
from dnnd.load.yamlio import load_yaml
from dnnd.plan.vocabulary import empty_counts
from dnnd.repository import Repository, import_loading, load_repository

SHOWN_PROBLEMS = 3


@dataclass(frozen=True)
class MissingAgency:
    """An agency of one province that has not reported on `tasks` in the period's quarters."""

    agency: str
    name: str
    short_name: str
    quarters: tuple[str, ...]
    tasks: tuple[int, ...]


@dataclass(frozen=True)
class Province:
    """One repository's part of the roll-up; `error` is set (and the counts empty) when it could not be loaded."""

    repository: str
    plan: str
    title: str
    counts: dict[str, int] = field(default_factory=dict)
    missing: tuple[MissingAgency, ...] = ()
    left_out: int = 0
    period: str | None = None
    as_of: dt.date | None = None
    error: Text | None = None
    problems: tuple[Problem, ...] = ()
    problem_count: int = 0
    province: str | None = None
    figures: Figures = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return self.error is not None


@dataclass(frozen=True)
class Rollup:
    """Every province in the order given, and the national totals of the provinces that loaded."""

    provinces: list[Province]

    @property
    def totals(self) -> dict[str, int]:
        totals = empty_counts()
        for province in self.provinces:
            for code, count in province.counts.items():
                totals[code] += count
        return totals

    @property
    def figures(self) -> Figures:
        """The national figures: each kind's activities, people, items, countries and aid values added up."""
        return add_figures(province.figures for province in self.provinces)

    @property
    def failed(self) -> list[Province]:
        return [province for province in self.provinces if province.failed]

    @property
    def periods(self) -> list[str]:
        """The periods evaluated (one, unless the provinces' windows put the same date in different quarters)."""
        return sorted({province.period for province in self.provinces if province.period is not None})

    @property
    def as_of(self) -> dt.date | None:
        """The evaluation date, when it is the same for every province."""
        days = {province.as_of for province in self.provinces if province.as_of is not None}
        return days.pop() if len(days) == 1 else None


def _plan_names(root: Path, folder: str) -> tuple[str, str]:
    """The plan's id and title when plan/plan.yaml reads as a mapping with them, else the folder name."""
    try:
        data = load_yaml(read_file(root, PLAN_FILE), PLAN_FILE).data
    except (DnndError, OSError):
        return folder, ""
    if not isinstance(data, dict):
        return folder, ""
    plan, title = data.get("id"), data.get("title")
    return (plan if isinstance(plan, str) and plan else folder), (title if isinstance(title, str) else "")


def _failed(directory: str, root: Path, folder: str, error: Text, problems: Sequence[Problem] = ()) -> Province:
    plan, title = _plan_names(root, folder)
    return Province(
        directory,
        plan,
        title,
        error=error,
        problems=tuple(problems[:SHOWN_PROBLEMS]),
        problem_count=len(problems),
    )


def _counted(directory: str, repo: Repository, choice: PeriodChoice, today: dt.date) -> Province:
    report = status_report(repo, choice, today=today)
    evaluation = report.evaluation
    quarters: dict[str, set[str]] = {}
    tasks: dict[str, set[int]] = {}
    for item in evaluation.missing:
        quarters.setdefault(item.agency, set()).add(item.quarter.name)
        tasks.setdefault(item.agency, set()).update(item.tasks)
    missing = tuple(
        MissingAgency(
            agency_id,
            agency.name,
            agency.short_name,
            tuple(sorted(quarters[agency_id])),
            tuple(sorted(tasks[agency_id])),
        )
        for agency_id, agency in repo.agencies.items()
        if agency_id in tasks
    )
    return Province(
        directory,
        repo.plan.id,
        repo.plan.title,
        province=repo.plan.province,
        counts=report.counts(),
        figures=figures_of(repo, evaluation.period, evaluation.as_of).totals,
        missing=missing,
        left_out=len(set(repo.left_out)),
        period=evaluation.period.name,
        as_of=evaluation.as_of,
    )


def load_province(directory: Path, choice: PeriodChoice, *, today: dt.date, use_cache: bool = True) -> Province:
    """Load one repository and count its tasks per status for the chosen period, or record why it failed."""
    shown = str(directory)
    folder = directory.resolve().name or shown
    try:
        root = find_root(directory, directory)
    except DnndError as exc:
        return _failed(shown, directory, folder, exc.message)
    try:
        repo = load_repository(root, use_cache=use_cache)
    except DataError as exc:
        return _failed(shown, root, folder, exc.message, exc.problems)
    except DnndError as exc:
        return _failed(shown, root, folder, exc.message)
    except OSError as exc:
        return _failed(shown, root, folder, Text(f"không đọc được: {exc}", f"cannot be read: {exc}"))
    return _counted(shown, repo, choice, today)


def roll_up(
    directories: Sequence[Path],
    choice: PeriodChoice,
    *,
    today: dt.date,
    use_cache: bool = True,
    done: Callable[[Province], None] | None = None,
) -> Rollup:
    """Every repository, each under its own plan's windows, in the order given (`done` is told after each).

    With several repositories and more than one core, forked workers load one repository each at a time,
    so that one repository's plan, listing and evaluation overlap another's parsing.
    A repository given twice is a usage error before any repository is read."""
    seen: dict[Path, int] = {}
    for index, directory in enumerate(directories):
        first = directories[seen.setdefault(directory.resolve(), index)]
        if seen[directory.resolve()] != index:
            raise UsageError(
                Text(
                    f"kho '{directory}' được ghi hai lần (đã có '{first}'): mỗi tỉnh chỉ được tính một lần",
                    f"repository '{directory}' is given twice (as '{first}' too): each province counts once",
                )
            )
    _refuse_same_plan(directories)
    jobs = [(directory, choice, today, use_cache) for directory in directories]
    provinces = []
    with ExitStack() as stack:
        results: Iterable[Province] = map(_load_job, jobs)
        workers = workers_for(len(jobs))
        if workers > 1:
            import multiprocessing

            import_loading()  # once, before the workers fork
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("fork")
            pool = stack.enter_context(ProcessPoolExecutor(workers, mp_context=context, initializer=mark_worker))
            results = pool.map(_load_job, jobs)
        for result in results:
            provinces.append(result)
            if done is not None:
                done(result)
    return Rollup(provinces)


def _refuse_same_plan(directories: Sequence[Path]) -> None:
    """Two repositories of the same plan (two clones, or a copy) would be added up twice: refused."""
    seen: dict[str, Path] = {}
    for directory in directories:
        try:
            root = find_root(directory, directory)
        except DnndError:
            continue  # reported as that repository's failure when it is read
        plan, _ = _plan_names(root, "")
        if not plan:
            continue
        if plan in seen:
            raise UsageError(
                Text(
                    f"kho '{directory}' và kho '{seen[plan]}' cùng là kế hoạch '{plan}': mỗi kế hoạch chỉ được tính "
                    "một lần (hai bản sao của cùng một kho?)",
                    f"repositories '{directory}' and '{seen[plan]}' hold the same plan '{plan}': each plan counts once "
                    "(two copies of one repository?)",
                )
            )
        seen[plan] = directory


def _load_job(job: tuple[Path, PeriodChoice, dt.date, bool]) -> Province:
    directory, choice, today, use_cache = job
    return load_province(directory, choice, today=today, use_cache=use_cache)
