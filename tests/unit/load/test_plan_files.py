"""Reading the plan's own files into their models: what loaded, the problems of the rest, the accessors."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.load.layout import AGENCIES_FILE, EVENTS_FILE, LOCKS_FILE, PLAN_FILE, TASKS_FILE
from dnnd.load.plan_files import read_plan_files
from tests.conftest import EMBEDDED_PLAN

EMBEDDED = {
    rel: (EMBEDDED_PLAN.parent / rel).read_bytes() for rel in (PLAN_FILE, AGENCIES_FILE, TASKS_FILE, EVENTS_FILE)
}


def test_the_embedded_plan_loads_completely() -> None:
    files = read_plan_files(EMBEDDED)
    assert (files.complete, files.problems, files.present) == (True, [], frozenset(EMBEDDED))
    assert len(files.agencies) == 21 and files.agencies["sngv"].id == "sngv"
    tasks, doc = files.tasks_file()
    assert (len(tasks.tasks), tasks.tasks[0].id, doc.locate(("tasks", 0, "id"))) == (15, 1, (None, None))
    placed = read_plan_files(EMBEDDED, positions=True)  # what the checks' problems need, read when they have any
    assert placed.tasks_file() == (tasks, placed.loaded[TASKS_FILE][1])
    assert (files.unplaced, placed.unplaced, placed.loaded[TASKS_FILE][1].locate(("tasks", 0, "id"))) == (
        True,
        False,
        (4, 9),
    )
    assert [(event.id, event.occurred_on) for event in files.event_list or []] == [
        ("huong-dan-bng", None),
        ("huong-dan-bnv", None),
    ]


def test_a_file_that_does_not_validate_is_left_out_with_its_problems() -> None:
    raw = {**EMBEDDED, EVENTS_FILE: b"events:\n  - id: huong-dan-bng\n    name: X\n    occurred_on: null\n"}
    files = read_plan_files(raw)
    assert (files.complete, files.has(EVENTS_FILE), files.has(PLAN_FILE)) == (False, False, True)
    assert files.event_list is None  # there, but it did not load
    assert [problem.render("en") for problem in files.problems] == [
        "plan/events.yaml:2:5: events[0].issuer: required field 'issuer' is missing: add a line 'issuer: …'"
    ]


def test_every_broken_file_is_told_at_once() -> None:
    raw = {
        **EMBEDDED,
        AGENCIES_FILE: b"agencies: [\n",
        LOCKS_FILE: b"locks:\n  - period: 2020-Q5\n    locked_on: 2020-12-16\n",
    }
    files = read_plan_files(raw)
    assert sorted(files.loaded) == [EVENTS_FILE, PLAN_FILE, TASKS_FILE]
    assert [(problem.path, problem.line, problem.field) for problem in files.problems] == [
        (AGENCIES_FILE, 2, ""),
        (LOCKS_FILE, 2, "locks[0].period"),
    ]
    assert files.agencies == {}


def test_without_an_events_file_there_are_no_events() -> None:
    files = read_plan_files({rel: content for rel, content in EMBEDDED.items() if rel != EVENTS_FILE})
    assert (files.complete, files.event_list) == (True, [])


def test_a_locks_file_reads_into_its_model() -> None:
    files = read_plan_files({LOCKS_FILE: b"locks:\n  - period: 2020-Q4\n    locked_on: 2020-12-16\n"})
    locks, _ = files.locks_file()
    assert [(lock.period, lock.locked_on, lock.note) for lock in locks.locks] == [
        ("2020-Q4", dt.date(2020, 12, 16), None)
    ]
    with pytest.raises(KeyError):
        files.events_file()


def test_plainly_valid_files_load_light_and_the_others_through_pydantic() -> None:
    numbered = EMBEDDED[PLAN_FILE].replace(b"province: Kh\xc3\xa1nh H\xc3\xb2a", b"province: 2020", 1)
    files = read_plan_files({**EMBEDDED, PLAN_FILE: numbered})
    plan, tasks = files.plan()[0], files.tasks_file()[0]
    assert (type(plan).__module__, plan.province) == ("dnnd.plan.models", "2020")  # a number read as text
    assert type(tasks).__module__ == "dnnd.plan.light_models" and type(tasks).__name__ == "TasksFile"
