"""check_changes on real git repositories: the findings for one agency's own update, other files, locks, validation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dnnd.load.git import Change
from dnnd.workflow.pull_requests import ChangeReport, check_changes
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import FOCAL, branch, checkout, commit, git, init, update

BASE = {**update("lhhn", "2020-Q3", (2, "in_progress")), **update("snv", "2020-Q3", (2, "in_progress"))}
LHHN_Q3, LHHN_Q4, SNV_Q4 = (f"plan/updates/{rel}.yaml" for rel in ("lhhn/2020-Q3", "lhhn/2020-Q4", "snv/2020-Q4"))
LOCK_Q3 = {"plan/locks.yaml": "locks:\n  - period: 2020-Q3\n    locked_on: 2020-09-20\n"}
BAD_LOCKS = {"plan/locks.yaml": "locks:\n  - period: 2020-Q5\n    locked_on: 2020-09-20\n"}
Pr = Callable[..., Path]


@pytest.fixture
def pr(make_repo: MakeRepo) -> Pr:
    """A repository whose main holds BASE (and `main`), on branch `pr` with `files` committed."""

    def build(files: dict[str, str | None], main: dict[str, str] | None = None, name: str = "repo") -> Path:
        root = init(make_repo({**BASE, **(main or {})}, name=name))
        branch(root, "pr")
        commit(root, files, "Báo cáo quý", date="2020-09-15T10:00:00+07:00")
        return root

    return build


def found(report: ChangeReport) -> list[tuple[str, str]]:
    return [(finding.level, finding.path) for finding in report.findings]


def test_an_agencys_own_update_has_no_findings(pr: Pr) -> None:
    root = pr({**update("lhhn", "2020-Q3", (2, "done", "2020-09-10")), **update("lhhn", "2020-Q4", (5, "blocked"))})
    for agency in ("lhhn", None):
        report = check_changes(root, "main", agency)
        assert (report.findings, report.failed) == ([], False)
        assert report.changes == [Change("M", LHHN_Q3), Change("A", LHHN_Q4)]
        assert report.base == git(root, "rev-parse", "main")


@pytest.mark.parametrize(("agency", "level"), [("lhhn", "error"), (None, "warning")])
def test_a_change_outside_the_updates_is_an_error_for_an_agency_else_a_warning(
    pr: Pr, agency: str | None, level: str
) -> None:
    root = pr({"README.md": "x\n", **update("lhhn", "2020-Q4", (2, "blocked"))})
    report = check_changes(root, "main", agency)
    assert found(report) == [(level, "README.md")]
    assert report.failed is (level == "error")
    expected = "this file is outside plan/updates/lhhn/" if agency else "a change outside plan/updates/"
    assert report.findings[0].message.en.startswith(expected)


def test_updates_of_two_agencies_are_refused(pr: Pr) -> None:
    root = pr({**update("lhhn", "2020-Q4", (2, "blocked")), **update("snv", "2020-Q4", (2, "blocked"))})
    report = check_changes(root, "main", None)
    assert found(report) == [("error", LHHN_Q4), ("error", SNV_Q4)]
    assert all("several agencies (lhhn, snv)" in finding.message.en for finding in report.findings)
    assert found(check_changes(root, "main", "lhhn")) == [("error", SNV_Q4)]  # not its own folder


@pytest.mark.parametrize(
    "files",
    [update("lhhn", "2020-Q3", (5, "in_progress")), {LHHN_Q3: None}, {"plan/locks.yaml": "locks: []\n", LHHN_Q3: None}],
    ids=["edited", "deleted", "unlocked-and-deleted"],
)
def test_an_update_of_a_locked_quarter_is_refused(pr: Pr, files: dict[str, str | None]) -> None:
    root = pr({**files, **update("lhhn", "2020-Q4", (2, "blocked"))}, LOCK_Q3)
    report = check_changes(root, "main", None)
    errors = [finding for finding in report.findings if finding.level == "error"]
    assert [finding.path for finding in errors] == [LHHN_Q3]  # locks are judged on both sides of the pull request
    assert errors[0].message.en.startswith("period 2020-Q3 is locked (its report was issued)")


def test_a_lock_added_on_main_after_the_branch_left_counts(make_repo: MakeRepo) -> None:
    root = init(make_repo(BASE))
    branch(root, "pr")
    commit(root, update("lhhn", "2020-Q3", (5, "in_progress")))
    checkout(root, "main")
    commit(root, {"plan/locks.yaml": "locks:\n  - period: 2020\n    locked_on: 2020-12-20\n"}, author=FOCAL)
    checkout(root, "pr")
    report = check_changes(root, "main", "lhhn")
    assert found(report) == [("error", LHHN_Q3)]
    assert report.findings[0].message.vi.startswith(
        "kỳ 2020 đã khóa (báo cáo đã ban hành): không được sửa báo cáo quý 2020-Q3"
    )


def test_validation_problems_are_errors_with_their_line(pr: Pr) -> None:
    report = check_changes(pr(update("lhhn", "2020-Q4", (2, "finished"))), "main", "lhhn")
    assert [(f.level, f.path, f.line) for f in report.findings] == [("error", LHHN_Q4, 5)]
    assert report.findings[0].message.en.startswith("task 2 (entries[0]).status: ")
    tasks = (EMBEDDED_PLAN / "tasks.yaml").read_text(encoding="utf-8").replace("lead: [sngv]", "lead: [xyz]", 1)
    broken = check_changes(pr({"plan/tasks.yaml": tasks}, name="broken"), "main", None)
    assert [(f.level, f.path, f.line) for f in broken.findings] == [("error", "plan/tasks.yaml", 6)]  # and no more


def test_a_locks_file_that_does_not_validate_at_the_base_is_a_warning(make_repo: MakeRepo) -> None:
    root = init(make_repo({**BASE, **BAD_LOCKS}))
    left_at = git(root, "rev-parse", "HEAD")
    commit(root, LOCK_Q3, author=FOCAL)
    branch(root, "pr", left_at)
    commit(root, {**LOCK_Q3, **update("lhhn", "2020-Q4", (2, "blocked"))})
    report = check_changes(root, "main", None)
    assert found(report) == [("warning", "plan/locks.yaml"), ("warning", "plan/locks.yaml")]
    warning = f"plan/locks.yaml at {left_at} does not validate, so its locks could not be checked"
    assert report.findings[0].message.en == warning
    assert report.findings[1].message.en == "a change outside plan/updates/: the focal point must review it"


def test_an_invalid_locks_file_at_an_unmoved_base_is_warned_about_once(pr: Pr) -> None:
    report = check_changes(pr(LOCK_Q3, BAD_LOCKS), "main", None)
    warnings = [finding for finding in report.findings if "does not validate" in finding.message.en]
    assert len(warnings) == 1
