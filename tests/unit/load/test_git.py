"""What dnnd reads from git: the data's commit, changed files, a file at a revision, main and its history."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from dnnd.errors import UsageError
from dnnd.load import git
from dnnd.load.git import Change, Landing
from tests.conftest import MakeRepo
from tests.git_helpers import CLERK, FOCAL, branch, commit, init, merge, submit, update
from tests.git_helpers import git as run_git

LHHN = "plan/updates/lhhn/2020-Q3.yaml"
SNV = "plan/updates/snv/2020-Q3.yaml"
MERGED = "2020-09-15T16:30:00+07:00"
VN = dt.timezone(dt.timedelta(hours=7))


def test_the_data_commit_names_uncommitted_changes_in_watched_folders_only(make_repo: MakeRepo) -> None:
    root = make_repo()
    assert git.data_commit(root) == "no git"
    init(root)
    head = run_git(root, "rev-parse", "HEAD")
    (root / "notes.txt").write_text("ghi chú\n", encoding="utf-8")
    assert git.data_commit(root) == head
    (root / "templates").mkdir()
    (root / "templates" / "report.docx").write_bytes(b"x")
    assert git.data_commit(root) == f"{head}+uncommitted changes in plan/ templates/"


def test_changes_since_the_merge_base_include_untracked_files_and_split_renames(make_repo: MakeRepo) -> None:
    root = init(make_repo({LHHN: "a\n", "plan/updates/lhhn/2020-Q4.yaml": "b\n"}))
    branch(root, "lhhn-2021-Q1")
    run_git(root, "mv", "plan/updates/lhhn/2020-Q4.yaml", "plan/updates/lhhn/2021-Q1.yaml")
    commit(root, {LHHN: "a, sửa\n"})
    (root / SNV).parent.mkdir(parents=True)
    (root / SNV).write_text("mới\n", encoding="utf-8")
    base = git.merge_base(root, "main")
    assert base == run_git(root, "rev-parse", "main")
    assert git.changed_since(root, base) == [
        Change("M", LHHN),
        Change("D", "plan/updates/lhhn/2020-Q4.yaml"),
        Change("A", "plan/updates/lhhn/2021-Q1.yaml"),
        Change("A", SNV),
    ]


def test_a_missing_base_or_repository_is_a_usage_error(make_repo: MakeRepo) -> None:
    root = make_repo()
    with pytest.raises(UsageError) as outside:
        git.merge_base(root, "main")
    assert outside.value.message.en == f"'{root}' is not a git repository (or git is not installed)"
    init(root)
    with pytest.raises(UsageError) as unknown:
        git.merge_base(root, "origin/main")
    assert unknown.value.message.en.startswith("no merge base with 'origin/main': check the branch name")


def test_show_gives_a_file_as_it_was_at_a_revision(make_repo: MakeRepo) -> None:
    root = init(make_repo({LHHN: "bản một\n"}))
    first = run_git(root, "rev-parse", "HEAD")
    commit(root, {LHHN: "bản hai\n", SNV: "snv\n"})
    assert git.show(root, first, LHHN) == "bản một\n".encode()
    assert git.show(root, "HEAD", LHHN) == "bản hai\n".encode()
    assert git.show(root, first, SNV) is None


def test_the_main_branch_is_main_then_master_then_the_current_one(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    branch(root, "lhhn")
    assert (git.main_branch(root, None), git.main_branch(root, "lhhn"), git.main_branch(root, "HEAD~0")) == (
        "main",
        "lhhn",
        "HEAD~0",
    )
    run_git(root, "branch", "-m", "main", "master")
    assert git.main_branch(root, None) == "master"
    run_git(root, "branch", "-m", "master", "trunk")
    assert git.main_branch(root, None) == "lhhn"


def test_an_unknown_branch_lists_the_branches(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    branch(root, "lhhn")
    with pytest.raises(UsageError) as caught:
        git.main_branch(root, "khong-co")
    assert caught.value.message.en == (
        "there is no branch 'khong-co'; branches: lhhn, main. Name the main branch with --branch NAME"
    )


def test_history_lists_merges_on_main_with_the_merge_date_and_merger(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    first = submit(
        root, "a", update("lhhn", "2020-Q3", (5, "in_progress")), committed="2020-09-10T10:00+07:00", merged=MERGED
    )
    commit(root, {"README.md": "x\n"}, author=FOCAL, date="2020-09-20T08:00:00+07:00")  # outside the folder
    second = submit(
        root,
        "b",
        {**update("snv", "2020-Q3", (5, "in_progress")), LHHN: "agency: lhhn\n"},
        committed="2020-09-16T10:00:00+07:00",
        merged="2020-09-18T09:00:00+07:00",
        merger=CLERK,
    )
    assert git.first_parent_history(root, "main", "plan/updates") == [
        Landing(first, dt.datetime(2020, 9, 15, 16, 30, tzinfo=VN), FOCAL[0], (LHHN,)),
        Landing(second, dt.datetime(2020, 9, 18, 9, 0, tzinfo=VN), CLERK[0], (LHHN, SNV)),
    ]


def test_a_renamed_update_file_lists_both_paths_as_changed_since_does(
    make_repo: MakeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))  # git's default: diff.renames on
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = init(make_repo())
    submit(root, "a", update("lhhn", "2020-Q3", (5, "in_progress")), committed=MERGED, merged=MERGED)
    branch(root, "b")
    run_git(root, "mv", LHHN, "plan/updates/lhhn/2020-Q4.yaml")
    commit(root, {}, date=MERGED)
    merge(root, "b", date="2020-12-15T09:00:00+07:00")
    assert git.first_parent_history(root, "main", "plan/updates")[-1].paths == (
        LHHN,
        "plan/updates/lhhn/2020-Q4.yaml",
    )


def test_a_history_of_an_unknown_branch_is_a_usage_error(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    with pytest.raises(UsageError) as caught:
        git.first_parent_history(root, "khong-co", "plan/updates")
    assert caught.value.message.en.startswith("cannot read the history of branch 'khong-co': fatal:")


def test_output_and_background_processes_give_none_when_git_fails(tmp_path: Path, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    head = run_git(root, "rev-parse", "HEAD")
    assert git.output(root, "rev-parse", "HEAD") == f"{head}\n".encode()
    assert git.output(tmp_path, "rev-parse", "HEAD") is None
    assert git.finish(git.start(root, "rev-parse", "HEAD")) == f"{head}\n".encode()
    assert git.finish(git.start(root, "rev-parse", "no-such-ref")) is None
    assert git.finish(None) is None


def test_content_id_is_the_blob_id_git_gives(tmp_path: Path) -> None:
    data = "agency: lhhn\nsummary: Đã phối hợp.\n".encode()
    (tmp_path / "f.yaml").write_bytes(data)
    hashed = subprocess.run(["git", "hash-object", str(tmp_path / "f.yaml")], capture_output=True, check=True)
    assert git.content_id(data) == hashed.stdout.decode().strip()
    assert git.content_id(b"") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
