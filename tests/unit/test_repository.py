"""Loading a plan repository: from its files or its snapshot alike, validate's verdict, plan errors, left-out updates."""

from __future__ import annotations

import datetime as dt
import gc

import pytest

from dnnd.cache.verdict import Verdict
from dnnd.errors import DataError
from dnnd.repository import Repository, load_repository, validate_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import init, update

GOOD = {
    **update("lhhn", "2020-Q3", (5, "in_progress")),
    **update("lhhn", "2020-Q4", (14, "done", "2020-12-01")),
    **update("stttt", "2024-Q4", (8, "in_progress")),
    **update("svhtt", "2025-Q2", (8, "blocked"), (11, "in_progress")),
}
NOT_HELD = update("lhhn", "2021-Q1", (1, "in_progress"))  # task 1 is sngv's and snv's
BAD_SCHEMA = {"plan/updates/snv/2020-Q3.yaml": "agency: snv\nperiod: 2020-Q3\nentries: 5\n"}
MISNAMED = {"plan/updates/lhhn/ghi-chu.txt": "ghi chú\n"}


def summary_parts(repo: Repository) -> tuple[object, ...]:
    summary = repo.summary
    return summary.files, summary.submissions.by_quarter, dict(summary.completions.items()), summary.latest


def test_the_snapshot_gives_the_same_repository_as_the_files(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = init(make_repo({**GOOD, **NOT_HELD, **MISNAMED}))
    fresh = load_repository(root, use_cache=False)
    load_repository(root)  # keeps the snapshot
    monkeypatch.setattr("dnnd.load.plan_files.read_plan_files", lambda *args: pytest.fail("a plan file was parsed"))
    served = load_repository(root)
    assert served._updates is None and fresh._updates is not None
    for name in vars(fresh):
        if name not in ("summary", "load_updates", "_updates", "_keys"):  # _keys: where the caches are, if used
            assert getattr(served, name) == getattr(fresh, name), name
    assert summary_parts(served) == summary_parts(fresh)
    assert served.updates == fresh.updates and len(fresh.updates) == 4
    assert served.verdict() == fresh.verdict()


def test_update_files_that_do_not_validate_are_left_out_and_their_problems_kept(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo({**GOOD, **NOT_HELD, **BAD_SCHEMA, **MISNAMED}), use_cache=False)
    assert repo.left_out == [
        "plan/updates/lhhn/ghi-chu.txt",
        "plan/updates/lhhn/2021-Q1.yaml",
        "plan/updates/snv/2020-Q3.yaml",
    ]
    assert [(problem.path, problem.line, problem.field) for problem in repo.update_problems] == [
        ("plan/updates/lhhn/ghi-chu.txt", None, ""),
        ("plan/updates/lhhn/2021-Q1.yaml", 4, "entries[0].task"),
        ("plan/updates/snv/2020-Q3.yaml", 3, "entries"),
    ]
    assert sorted(item.rel for item in repo.updates) == sorted(GOOD)
    assert (repo.verdict().files, repo.summary.files, repo.verdict().problems) == (4, 4, repo.update_problems)


def test_a_tasks_latest_reports_include_those_of_its_leads_successors(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo({**GOOD, **update("snv", "2020-Q3", (2, "in_progress"))}), use_cache=False)
    assert [(item.agency, item.period, item.entry.status) for item in repo.summary.latest[8]] == [
        ("svhtt", "2025-Q2", "blocked"),
        ("stttt", "2024-Q4", "in_progress"),
    ]
    assert 2 not in repo.summary.latest  # snv only supports task 2
    assert 11 not in repo.summary.latest  # svhtt supports task 11, which sngv leads


def test_a_plan_error_raises_data_error_with_every_problem_found(make_repo: MakeRepo) -> None:
    root = make_repo({**NOT_HELD, **BAD_SCHEMA, "plan/locks.yaml": "locks: 5\n"})
    plan = (root / "plan/plan.yaml").read_text(encoding="utf-8")
    (root / "plan/plan.yaml").write_text(plan.replace("focal_point: sngv", "focal_point: khongco"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_repository(root, use_cache=False)
    assert [(problem.path, problem.field) for problem in caught.value.problems] == [
        ("plan/locks.yaml", "locks"),
        ("plan/plan.yaml", "focal_point"),
        ("plan/updates/snv/2020-Q3.yaml", "entries"),
    ]  # the update checks against the plan (task 1 not held by lhhn) wait for a valid plan


def test_a_missing_plan_file_is_a_plan_error_but_the_optional_locks_file_may_be_absent(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(), use_cache=False)
    assert not (repo.root / "plan/locks.yaml").exists()
    assert (sorted(repo.events), repo.locks.locks, len(repo.tasks)) == (["huong-dan-bng", "huong-dan-bnv"], [], 15)
    with pytest.raises(DataError) as caught:
        load_repository(make_repo({"plan/tasks.yaml": None}, name="no-tasks"), use_cache=False)
    assert [problem.render("en") for problem in caught.value.problems] == ["plan/tasks.yaml: this file is missing"]


def test_validate_answers_from_the_snapshot_of_the_same_state_and_sees_a_change(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = init(make_repo({**GOOD, **NOT_HELD}))
    first = validate_repository(root)
    assert (first.tasks, first.agencies, first.files, [problem.path for problem in first.problems]) == (
        15,
        21,
        4,
        ["plan/updates/lhhn/2021-Q1.yaml"],
    )
    with monkeypatch.context() as patched:
        patched.setattr("dnnd.repository.load_repository", lambda *args, **kwargs: pytest.fail("loaded again"))
        assert validate_repository(root) == first
    (root / "plan/updates/lhhn/2021-Q1.yaml").unlink()
    after = validate_repository(root)
    assert (after.files, after.problems) == (4, [])


def test_validate_without_the_cache_loads_the_repository_and_raises_on_plan_errors(make_repo: MakeRepo) -> None:
    root = make_repo(GOOD)
    verdict = validate_repository(root, use_cache=False)  # its warnings (tasks left out): checks/test_omitted_entries
    assert verdict._replace(warnings=[]) == Verdict(15, 21, 4, [], [])
    (root / "plan/tasks.yaml").write_text("tasks: 5\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate_repository(root, use_cache=False)
    assert [(problem.path, problem.line, problem.field) for problem in caught.value.problems] == [
        ("plan/tasks.yaml", 1, "tasks")
    ]


def test_a_plan_without_tasks_loads_with_a_warning(make_repo: MakeRepo) -> None:
    agencies = (EMBEDDED_PLAN / "agencies.yaml").read_text(encoding="utf-8")
    split = agencies[agencies.index("    successor:\n") : agencies.index("    note:")]  # stttt's tasks 8 and 11
    files = {"plan/tasks.yaml": "tasks: []\n", "plan/agencies.yaml": agencies.replace(split, "    successor: skhcn\n")}
    repo = load_repository(make_repo(files), use_cache=False)
    assert (repo.tasks, repo.schedules) == ({}, {})
    assert [problem.render("en") for problem in repo.verdict().warnings] == [
        "plan/tasks.yaml: the plan has no tasks yet: add them to the tasks list"
    ]


TEXT = {"plan/reports/2020-Q4.yaml": "period: 2020-Q4\nsummary: Chung.\ntasks:\n  5: Năm.\n  14: Mười bốn.\n"}
BAD_TEXTS = {
    "plan/reports/2021-Q1.yaml": "period: 2021-Q1\ntasks:\n  5: Năm.\n  99: Không có.\n",
    "plan/reports/notes.yaml": "period: 2021-Q2\n",
}


def test_valid_report_texts_load_by_period_and_the_others_are_problems(make_repo: MakeRepo) -> None:
    root = make_repo({**GOOD, **TEXT, **BAD_TEXTS})
    (root / "plan/reports/2021").mkdir()
    repo = load_repository(root, use_cache=False)
    assert list(repo.report_texts) == ["2020-Q4"]
    assert repo.report_texts["2020-Q4"].tasks == {5: "Năm.", 14: "Mười bốn."}
    assert [(problem.path, problem.line, problem.field) for problem in repo.update_problems] == [
        ("plan/reports/2021", None, ""),
        ("plan/reports/2021-Q1.yaml", 4, "tasks.99"),
        ("plan/reports/notes.yaml", None, ""),
    ]
    assert (repo.left_out, len(repo.updates)) == ([], 4)  # no update is left out for them
    assert repo.verdict().problems == repo.update_problems
    plain = load_repository(make_repo(GOOD, name="plain"), use_cache=False)
    assert (plain.report_texts, plain.update_problems) == ({}, [])


def test_whether_a_period_may_have_its_text_yet_depends_on_the_date(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo({"plan/reports/2027-Q1.yaml": "period: 2027-Q1\nsummary: Sớm.\n"})
    monkeypatch.setattr("dnnd.repository._today", lambda: dt.date(2026, 12, 14))
    early = load_repository(root, use_cache=False)
    assert early.report_texts == {}
    assert [problem.render("en") for problem in early.update_problems] == [
        "plan/reports/2027-Q1.yaml:1:9: period: 2027-Q1 is outside the periods the plan may report on today "
        "(2020-Q3 to 2026-Q4)"
    ]
    monkeypatch.setattr("dnnd.repository._today", lambda: dt.date(2026, 12, 15))  # 2027-Q1's window opens
    on_time = load_repository(root, use_cache=False)
    assert (list(on_time.report_texts), on_time.update_problems) == (["2027-Q1"], [])


def test_report_text_problems_are_told_with_a_plan_error(make_repo: MakeRepo) -> None:
    root = make_repo({"plan/tasks.yaml": "tasks: 5\n", **BAD_TEXTS})
    (root / "plan/reports/2021").mkdir()
    with pytest.raises(DataError) as caught:
        load_repository(root, use_cache=False)
    assert [(problem.path, problem.field) for problem in caught.value.problems] == [
        ("plan/reports/2021", ""),
        ("plan/tasks.yaml", "tasks"),
    ]  # a text's own checks wait for a valid plan; a folder among the texts is told at once


@pytest.mark.parametrize(("least", "frozen"), [(4, True), (5, False)])
def test_a_large_load_is_left_out_of_the_collectors_walks(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, least: int, frozen: bool
) -> None:
    monkeypatch.setattr("dnnd.repository.FROZEN_FROM_FILES", least)  # GOOD holds 4 files
    root = make_repo(GOOD)
    gc.unfreeze()
    try:
        repo = load_repository(root, use_cache=False)
        assert (gc.get_freeze_count() > 0, gc.isenabled(), repo.summary.files) == (frozen, True, 4)
    finally:
        gc.unfreeze()  # the rest of the test session is collected as usual
