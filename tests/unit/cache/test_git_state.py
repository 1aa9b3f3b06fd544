"""What git says of the update files: where the git directory is, what may have changed, each file's blob id."""

from __future__ import annotations

from pathlib import Path

import pytest

from dnnd.cache import git_state
from dnnd.cache.git_state import GitPlaces, Worktree, locate
from dnnd.load.git import content_id
from tests.conftest import MakeRepo
from tests.git_helpers import git, init

LHHN = "plan/updates/lhhn/2020-Q3.yaml"
SNV = "plan/updates/snv/2020-Q3.yaml"
A, B = "agency: lhhn\n", "agency: snv\n"


def worktree(root: Path) -> Worktree:
    places = locate(root)
    assert places is not None
    return Worktree(root, places, "plan/updates")


def test_the_caches_live_in_the_git_directory(make_repo: MakeRepo, tmp_path: Path) -> None:
    root = init(make_repo())
    places = locate(root)
    assert places == GitPlaces(root.resolve() / ".git", root / ".git/index")
    assert places.cache_file == root.resolve() / ".git" / "dnnd-cache.json"
    git(root, "worktree", "add", "-q", str(tmp_path / "linked"))
    linked = locate(tmp_path / "linked")
    assert linked == GitPlaces(root.resolve() / ".git/worktrees/linked", root.resolve() / ".git/worktrees/linked/index")


def test_no_places_outside_git_or_for_a_plan_in_a_subfolder(make_repo: MakeRepo, tmp_path: Path) -> None:
    assert locate(make_repo(name="plain")) is None
    outer = tmp_path / "outer"
    make_repo(name="outer/province")
    init(outer)
    assert locate(outer / "province") is None


def test_changed_untracked_and_ignored_files_are_reported(make_repo: MakeRepo) -> None:
    root = init(make_repo({LHHN: A, SNV: B, ".gitignore": "*.bak\n"}))
    (root / LHHN).write_text("agency: lhhn # sửa\n", encoding="utf-8")
    (root / "plan/updates/snv/2020-Q4.yaml").write_text(B, encoding="utf-8")
    (root / "plan/updates/snv/2020-Q3.yaml.bak").write_text(B, encoding="utf-8")
    found = worktree(root)
    assert found.changed == {LHHN, "plan/updates/snv/2020-Q4.yaml", "plan/updates/snv/2020-Q3.yaml.bak"}
    assert found.tracked - {""} == {LHHN, SNV}  # the index lists the tracked ones


def test_blob_ids_come_from_the_index_unless_git_reports_the_file(make_repo: MakeRepo) -> None:
    root = init(make_repo({LHHN: A, SNV: B}))
    git(root, "update-index", "--assume-unchanged", SNV)  # git then vouches for it without reading it
    (root / SNV).write_text("agency: snv # sửa\n", encoding="utf-8")
    (root / LHHN).write_text("agency: lhhn # sửa\n", encoding="utf-8")
    ids = worktree(root).content_ids([LHHN, SNV, "plan/updates/lhhn/2020-Q4.yaml"])
    assert ids == {LHHN: content_id("agency: lhhn # sửa\n".encode()), SNV: content_id(B.encode())}


def test_the_digest_changes_with_any_edit_and_only_then(make_repo: MakeRepo) -> None:
    root = init(make_repo({LHHN: A}))
    (root / SNV).parent.mkdir(parents=True)
    (root / SNV).write_text(B, encoding="utf-8")  # untracked: hashed
    before = worktree(root).digest([LHHN, SNV])
    assert before is not None and worktree(root).digest([LHHN, SNV]) == before
    (root / SNV).write_text("agency: snx\n", encoding="utf-8")  # same size, still untracked
    edited = worktree(root).digest([LHHN, SNV])
    assert edited not in (None, before)
    git(root, "add", SNV)
    assert worktree(root).digest([LHHN, SNV]) not in (None, before, edited)


def test_no_digest_when_git_cannot_say(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = init(make_repo({LHHN: A}))
    monkeypatch.setattr(git_state.git, "start", lambda *args: None)
    found = worktree(root)
    assert (found.status, found.tracked, found.digest([LHHN])) == (None, None, None)
    assert found.content_ids([LHHN]) == {LHHN: content_id(A.encode())}  # hashed: nothing vouches for it


def test_a_repository_without_an_index_yet_has_a_digest(make_repo: MakeRepo) -> None:
    root = make_repo({LHHN: A})
    git(root, "init", "-q", "-b", "main")
    found = worktree(root)
    assert (found.index_digest, found.changed) == ("", {LHHN})
    first = found.digest([LHHN])
    (root / LHHN).write_text(B, encoding="utf-8")
    assert first is not None and worktree(root).digest([LHHN]) not in (None, first)


@pytest.mark.parametrize(
    ("attributes", "converts"),
    [
        (None, False),
        ("*.md text\n", False),
        ("*.yaml working-tree-encoding=UTF-16\n", True),
        ("*.yaml filter=x\n", True),
    ],
)
def test_files_git_converts_are_told(make_repo: MakeRepo, attributes: str | None, converts: bool) -> None:
    root = init(make_repo({LHHN: A}))
    if attributes is not None:  # written after the commit: git converts only on checkout
        (root / ".gitattributes").write_text(attributes, encoding="utf-8")
    assert worktree(root).converted([LHHN]) is converts


def test_a_probe_started_early_says_what_locate_and_a_worktree_say(make_repo: MakeRepo) -> None:
    root = init(make_repo({LHHN: A, SNV: B}))
    (root / LHHN).write_text(A + "# sửa\n", encoding="utf-8")
    probe = git_state.Probe(root, "plan/updates")
    places = probe.places()
    assert places == locate(root) and places is not None
    early, late = Worktree(root, places, "plan/updates", probe.worktree()), worktree(root)
    assert (early.changed, early.tracked) == (late.changed, late.tracked)
    assert early.changed == {LHHN} and early.tracked is not None and {LHHN, SNV} <= early.tracked
    assert early.digest([LHHN, SNV]) == late.digest([LHHN, SNV])
    probe.close()


def test_a_probe_not_used_is_stopped_and_outside_git_finds_nothing(make_repo: MakeRepo) -> None:
    new = git_state.Probe(make_repo(name="new"), "plan/updates")
    assert new._worktree is None  # no plan/updates/: no git status to start
    new.close()
    probe = git_state.Probe(make_repo({LHHN: A}, name="plain"), "plan/updates")
    assert probe.places() is None
    started = probe._worktree
    probe.close()
    assert started is not None and all(process is None or process.returncode is not None for process in started)
