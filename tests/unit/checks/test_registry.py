"""The registry of checks: registering, plan checks run only on loaded files, decisive and document checks."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.checks import registry
from dnnd.checks.registry import (
    UpdateChecks,
    UpdateContext,
    UpdatePath,
    check_plan_files,
    document_check,
    plan_check,
    plan_checks,
    update_check,
)
from dnnd.checks.task_timing import schedules_of
from dnnd.errors import Problem, whole_file
from dnnd.i18n import Text
from dnnd.load.layout import AGENCIES_FILE, PLAN_FILES, TASKS_FILE
from dnnd.load.plan_files import PlanFiles, read_plan_files
from dnnd.load.records import UpdateLike
from dnnd.load.yamlio import YamlDocument, parse_yaml
from dnnd.plan.models import Update
from dnnd.plan.periods import Window
from tests.conftest import PROJECT

D = dt.date
RAW = {rel: (PROJECT / rel).read_bytes() for rel in PLAN_FILES if (PROJECT / rel).is_file()}
REL = "plan/updates/lhhn/2020-Q3.yaml"
DOC = parse_yaml("agency: lhhn\nperiod: 2020-Q3\nentries: []\n", REL)
UPDATE = Update.model_validate(DOC.data)


def context() -> UpdateContext:
    """The embedded plan, valid, as update checks see it."""
    files = read_plan_files(RAW)
    tasks_file, events = files.tasks_file()[0], files.events_file()[0].events
    tasks = {task.id: task for task in tasks_file.tasks}
    return UpdateContext(files.plan()[0], files.agencies, tasks, schedules_of(tasks_file, files.agencies, events))


def said(text: str) -> Problem:
    return whole_file(REL, Text(text, text))


@pytest.fixture
def empty_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real checks registered first, then set aside for the test: the test's own checks are the only ones."""
    plan_checks()
    for name in ("_plan_checks", "_update_checks", "_document_checks"):
        monkeypatch.setattr(registry, name, [])


def test_decorators_register_each_kind_of_check(empty_registry: None) -> None:
    @plan_check(AGENCIES_FILE, TASKS_FILE)
    def pairs(files: PlanFiles) -> list[Problem]:
        return []

    @update_check(decisive=True)
    def first(ctx: UpdateContext, update: UpdateLike, doc: YamlDocument, path: UpdatePath) -> list[Problem]:
        return []

    @document_check
    def shape(doc: YamlDocument, rel: str, known: list[Problem]) -> list[Problem]:
        return []

    assert [(check.name, check.needs, check.run) for check in plan_checks()] == [
        ("pairs", (AGENCIES_FILE, TASKS_FILE), pairs)
    ]
    checks = UpdateChecks(None)
    assert ([c.name for c in checks.decisive], checks.others, checks.documents) == (["first"], [], [shape])


def test_a_plan_check_runs_only_when_every_file_it_needs_has_loaded(empty_registry: None) -> None:
    plan_check(AGENCIES_FILE)(lambda files: [said("agencies")])
    plan_check(AGENCIES_FILE, TASKS_FILE)(lambda files: [said("agencies and tasks")])
    broken = read_plan_files({**RAW, TASKS_FILE: b"tasks: 5\n"})
    assert [problem.message.en for problem in check_plan_files(broken)] == ["agencies"]
    whole = read_plan_files(RAW)
    assert [problem.message.en for problem in check_plan_files(whole)] == ["agencies", "agencies and tasks"]


def test_the_real_checks_still_run_on_the_files_that_loaded() -> None:
    text = RAW[AGENCIES_FILE].decode() + "  - id: snv\n    name: Sở Nội vụ\n    short_name: SNV\n    kind: department\n"
    files = read_plan_files({**RAW, AGENCIES_FILE: text.encode(), TASKS_FILE: b"tasks: 5\n"})
    assert [problem.field for problem in files.problems] == ["tasks"]
    assert [(problem.path, problem.field) for problem in check_plan_files(files)] == [
        (AGENCIES_FILE, "agencies[21].id")
    ]


def test_a_decisive_check_that_finds_a_problem_stops_the_others(empty_registry: None) -> None:
    ran: list[str] = []

    def check(name: str, found: bool) -> None:
        def run(ctx: UpdateContext, update: UpdateLike, doc: YamlDocument, path: UpdatePath) -> list[Problem]:
            ran.append(name)
            return [said(name)] if found else []

        update_check(decisive=name.startswith("decisive"))(run)

    check("other", True)
    check("decisive-clean", False)
    check("decisive-finds", True)
    check("decisive-never", True)
    assert UpdateChecks(context()).of_record(UPDATE, DOC, REL) == [said("decisive-finds")]
    assert ran == ["decisive-clean", "decisive-finds"]


def test_when_no_decisive_check_finds_anything_every_other_check_runs_in_order(empty_registry: None) -> None:
    update_check(decisive=True)(lambda ctx, update, doc, rel: [])
    update_check()(lambda ctx, update, doc, rel: [said("one"), said("two")])
    update_check()(lambda ctx, update, doc, rel: [])
    update_check()(lambda ctx, update, doc, path: [said(f"{update.agency} {path.rel}")])
    found = UpdateChecks(context()).of_record(UPDATE, DOC, REL)
    assert [problem.message.en for problem in found] == ["one", "two", f"lhhn {REL}"]


def test_without_a_valid_plan_only_document_checks_run(empty_registry: None) -> None:
    update_check(decisive=True)(lambda ctx, update, doc, rel: pytest.fail("an update check ran without a plan"))
    update_check()(lambda ctx, update, doc, rel: pytest.fail("an update check ran without a plan"))
    document_check(lambda doc, rel, known: [said(f"{rel} knew {len(known)}: {doc.data['agency']}")])
    checks = UpdateChecks(None)
    assert checks.of_record(UPDATE, DOC, REL) == []
    assert checks.of_document(DOC, REL, [said("x"), said("y")]) == [said(f"{REL} knew 2: lhhn")]


def test_the_real_registry_holds_the_agency_check_as_its_only_decisive_one() -> None:
    checks = UpdateChecks(None)
    assert [check.name for check in checks.decisive] == ["agency_in_force"]
    assert {"path_agrees", "entries_are_held"} <= {check.name for check in checks.others}
    assert "path_agrees_in_document" in [check.__name__ for check in checks.documents]


def test_the_window_of_a_quarter_follows_the_reporting_cut_off() -> None:
    found = context()
    assert found.window("2020-Q3") == Window(D(2020, 6, 15), D(2020, 9, 14))
    assert found.window("2021-Q1") == Window(D(2020, 12, 15), D(2021, 3, 14))


def test_held_tasks_pass_to_the_successor_in_the_quarter_its_predecessor_ends() -> None:
    found = context()
    assert ("svhtt" in found.held("2024-Q4"), found.held("2024-Q4")["stttt"]) == (False, {8, 11})
    assert (found.held("2025-Q1")["stttt"], found.held("2025-Q1")["svhtt"]) == ({8, 11}, {8, 11})
    assert ("stttt" in found.held("2025-Q2"), found.held("2025-Q2")["svhtt"]) == (False, {8, 11})
    assert found.held("2020-Q3")["lhhn"] == {2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15}


def test_an_update_path_names_the_agency_folder_and_the_quarter() -> None:
    assert UpdatePath.of("plan/updates/lhhn/2020-Q3.yaml") == ("plan/updates/lhhn/2020-Q3.yaml", "lhhn", "2020-Q3")
    assert UpdatePath.of("plan/updates/svhtt/2025-Q2.yaml").folder == "svhtt"
