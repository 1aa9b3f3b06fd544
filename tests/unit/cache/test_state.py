"""A repository's state before parsing: the plan files' bytes, the listing of plan/updates/, the caches' keys."""

from __future__ import annotations

import pytest

from dnnd.cache.keys import files_key
from dnnd.cache.state import read_state
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import init

LHHN = "plan/updates/lhhn/2020-Q3.yaml"


def test_the_plan_files_are_read_and_the_updates_listed(make_repo: MakeRepo) -> None:
    root = init(make_repo({LHHN: "agency: lhhn\n", "plan/locks.yaml": "locks: []\n"}))
    state = read_state(root, use_cache=True)
    assert sorted(state.plan_bytes) == [
        "plan/agencies.yaml",
        "plan/events.yaml",
        "plan/locks.yaml",
        "plan/plan.yaml",
        "plan/tasks.yaml",
    ]
    assert state.plan_bytes["plan/tasks.yaml"] == (EMBEDDED_PLAN / "tasks.yaml").read_bytes()
    assert (state.problems, state.listing) == ([], [("lhhn", [("2020-Q3.yaml", True, False)], False)])
    assert state.keys is not None and state.keys.files_key == files_key(root, state.plan_bytes.items())
    assert state.keys.candidates == [LHHN]


def test_optional_files_may_be_absent_required_ones_may_not(make_repo: MakeRepo) -> None:
    root = init(make_repo({"plan/events.yaml": None, "plan/tasks.yaml": None}))
    state = read_state(root, use_cache=True)
    assert sorted(state.plan_bytes) == ["plan/agencies.yaml", "plan/plan.yaml"]
    assert [problem.render("en") for problem in state.problems] == ["plan/tasks.yaml: this file is missing"]
    assert state.keys is None  # no cache for a repository whose plan files do not read


def test_no_keys_outside_git_or_without_the_cache(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    assert read_state(make_repo(name="plain"), use_cache=True).keys is None
    root = init(make_repo())
    assert read_state(root, use_cache=False).keys is None
    monkeypatch.setenv("DNND_NO_CACHE", "1")
    assert read_state(root, use_cache=True).keys is None
    monkeypatch.setenv("DNND_NO_CACHE", "0")
    assert read_state(root, use_cache=True).keys is not None


def test_the_listing_is_empty_without_an_updates_folder(make_repo: MakeRepo) -> None:
    root = make_repo()
    assert read_state(root, use_cache=False).listing == []
    (root / "plan/updates").mkdir()
    (root / "plan/updates/README.md").write_text("x\n", encoding="utf-8")
    assert read_state(root, use_cache=False).listing == [("README.md", None, False)]


Q3, Q4 = "plan/reports/2020-Q3.yaml", "plan/reports/2020-Q4.yaml"


def test_the_report_texts_are_read_as_bytes(make_repo: MakeRepo) -> None:
    root = make_repo({Q4: "period: 2020-Q4\n", Q3: "period: 2020-Q3\n", "plan/reports/ghi-chu.txt": "x\n"})
    (root / "plan/reports/.gitkeep").write_text("", encoding="utf-8")
    state = read_state(root, use_cache=False)
    assert state.report_texts == {
        Q3: b"period: 2020-Q3\n",
        Q4: b"period: 2020-Q4\n",
        "plan/reports/ghi-chu.txt": b"x\n",  # its name is judged when the repository loads
    }
    assert list(state.report_texts) == sorted(state.report_texts)
    assert (state.report_text_problems, state.problems) == ([], [])
    without = read_state(make_repo(name="without"), use_cache=False)
    assert (without.report_texts, without.report_text_problems) == ({}, [])


def test_a_folder_or_a_link_in_plan_reports_is_a_problem_not_a_text(make_repo: MakeRepo) -> None:
    root = make_repo({Q3: "period: 2020-Q3\n"})
    (root / Q4).mkdir()
    (root / "plan/reports/2021.yaml").symlink_to(root / Q3)
    state = read_state(root, use_cache=False)
    assert list(state.report_texts) == [Q3]
    problems = state.report_text_problems
    assert [(problem.path, problem.line, problem.field) for problem in problems] == [
        (Q4, None, ""),
        ("plan/reports/2021.yaml", None, ""),
    ]
    assert problems[0].message.en.endswith("this is not a regular file")
    assert state.problems == []  # they do not stop the plan from loading


def test_a_report_text_edit_changes_the_snapshot_key_not_the_files_key(make_repo: MakeRepo) -> None:
    root = init(make_repo({Q3: "period: 2020-Q3\n"}))
    before = read_state(root, use_cache=True).keys
    (root / Q3).write_text("period: 2020-Q3\nsummary: Mới.\n", encoding="utf-8")
    edited = read_state(root, use_cache=True).keys
    (root / Q3).unlink()
    (root / Q3).mkdir()  # unreadable: a key of its own too
    folder = read_state(root, use_cache=True).keys
    assert before is not None and edited is not None and folder is not None
    assert before.files_key == edited.files_key == folder.files_key
    assert len({before.snapshot_key, edited.snapshot_key, folder.snapshot_key}) == 3
