"""The caches' keys: what changes them (code, repository, plan files, update names and content) and what not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dnnd.cache import git_state, keys
from dnnd.cache.git_state import locate
from dnnd.cache.keys import CacheKeys, files_key, snapshot_key, texts_key
from dnnd.load.git import content_id
from dnnd.load.layout import list_updates, listed_names
from tests.conftest import MakeRepo
from tests.git_helpers import init

PLAN = [("plan/plan.yaml", b"plan: 1\n"), ("plan/tasks.yaml", b"tasks: []\n")]
LHHN = "plan/updates/lhhn/2020-Q3.yaml"


def test_the_files_key_follows_the_plan_files_and_the_repository(tmp_path: Path) -> None:
    key = files_key(tmp_path, PLAN)
    assert files_key(tmp_path, list(PLAN)) == key and len(key) == 64
    assert files_key(tmp_path, [PLAN[0], ("plan/tasks.yaml", b"tasks: [] \n")]) != key
    assert files_key(tmp_path, [PLAN[0], ("plan/events.yaml", PLAN[1][1])]) != key
    assert files_key(tmp_path, PLAN[:1]) != key
    assert files_key(tmp_path / "other", PLAN) != key


def test_the_files_key_follows_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = files_key(tmp_path, PLAN)
    monkeypatch.setattr(keys, "_code_stamp", lambda: "another build")
    assert files_key(tmp_path, PLAN) != key


def test_the_code_stamp_follows_every_module_and_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "dnnd"
    (package / "cache").mkdir(parents=True)
    (package / "plan.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(keys, "__file__", str(package / "cache" / "keys.py"))  # the package is its parent's parent
    stamp = keys._code_stamp()
    (package / "notes.txt").write_text("không phải mã\n", encoding="utf-8")
    assert keys._code_stamp() == stamp
    (package / "plan.py").write_text("A = 12\n", encoding="utf-8")
    changed = keys._code_stamp()
    assert changed != stamp
    monkeypatch.setattr(sys, "version", "3.99.0")
    assert keys._code_stamp() not in (stamp, changed)


def test_the_snapshot_key_follows_names_and_state() -> None:
    key = snapshot_key("files", ["lhhn/2020-Q3.yaml/10", "snv/2020-Q3.yaml/10"], "state")
    assert key == snapshot_key("files", iter(["lhhn/2020-Q3.yaml/10", "snv/2020-Q3.yaml/10"]), "state")
    assert snapshot_key("files", ["lhhn/2020-Q3.yaml/10snv/2020-Q3.yaml/10"], "state") != key
    assert snapshot_key("files", ["lhhn/2020-Q3.yaml/10"], "state") != key
    assert snapshot_key("files", ["lhhn/2020-Q3.yaml/10", "snv/2020-Q3.yaml/10"], "other") != key
    assert snapshot_key("other", ["lhhn/2020-Q3.yaml/10", "snv/2020-Q3.yaml/10"], "state") != key


def test_without_update_files_git_is_not_asked(make_repo: MakeRepo) -> None:
    root = init(make_repo({"plan/updates/lhhn/notes.txt": "ghi chú\n"}))
    places, listing = locate(root), list_updates(root)
    assert places is not None
    found = CacheKeys(places, "files", listing, root)
    assert (found.worktree, found.ids, found.snapshot_file) == (None, {}, places.git_dir / "dnnd-snapshot.json")
    assert found.snapshot_key == snapshot_key("files", ["lhhn/notes.txt/10"], "no update files")
    assert listed_names(listing) == ["lhhn/notes.txt/10"]


def test_each_update_file_has_its_blob_id(make_repo: MakeRepo) -> None:
    root = init(make_repo({LHHN: "agency: lhhn\n", "plan/updates/lhhn/notes.txt": "ghi chú\n"}))
    places = locate(root)
    assert places is not None
    found = CacheKeys(places, "files", list_updates(root), root)
    assert found.candidates == [LHHN]
    assert found.ids == {LHHN: content_id(b"agency: lhhn\n")}
    assert found.snapshot_key is not None and found.cache_file == places.cache_file


def test_no_snapshot_key_when_git_cannot_say(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = init(make_repo({LHHN: "agency: lhhn\n"}))
    places = locate(root)
    assert places is not None
    monkeypatch.setattr(git_state.git, "start", lambda *args: None)
    assert CacheKeys(places, "files", list_updates(root), root).snapshot_key is None


TEXTS = [("plan/reports/2020-Q3.yaml", b"period: 2020-Q3\n"), ("plan/reports/2020-Q4.yaml", b"period: 2020-Q4\n")]


def test_the_texts_key_follows_each_texts_name_and_bytes_and_what_could_not_be_read() -> None:
    key = texts_key(TEXTS, [])
    assert texts_key(iter(TEXTS), iter([])) == key and len(key) == 64
    assert texts_key([TEXTS[0], (TEXTS[1][0], b"period: 2020-Q4 \n")], []) != key  # one byte more
    assert texts_key([TEXTS[0], ("plan/reports/2021-Q4.yaml", TEXTS[1][1])], []) != key  # renamed
    assert texts_key(TEXTS[:1], []) != key
    assert texts_key([], []) != key
    assert texts_key(TEXTS, ["plan/reports/cũ"]) not in (key, texts_key(TEXTS, ["plan/reports/mới"]))
    assert texts_key(TEXTS[:1], [TEXTS[1][0]]) != texts_key(TEXTS[:1], [])  # unreadable is not absent
    assert texts_key([("plan/reports/x", b"")], []) != texts_key([], ["plan/reports/x"])


def test_the_texts_key_is_part_of_the_snapshot_key_only(make_repo: MakeRepo) -> None:
    root = init(make_repo({LHHN: "agency: lhhn\n"}))
    places = locate(root)
    assert places is not None
    plain = CacheKeys(places, "files", list_updates(root), root)
    edited = CacheKeys(places, "files", list_updates(root), root, texts_key(TEXTS, []))
    assert plain.snapshot_key is not None and edited.snapshot_key not in (None, plain.snapshot_key)
    assert (edited.files_key, edited.ids) == (plain.files_key, plain.ids)  # the per-file cache is untouched
    assert snapshot_key("files", [], "state", texts_key(TEXTS, [])) != snapshot_key("files", [], "state")
