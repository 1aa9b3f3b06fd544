"""The content-keyed cache: it serves unchanged files, sees every change, and never trusts a bad cache."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from dnnd.cache.git_state import CACHE_NAME
from dnnd.load.git import content_id
from dnnd.repository import load_repository
from tests.conftest import MakeRepo

UPDATE = "plan/updates/lhhn/2020-Q3.yaml"


def entry(summary: str, task: int = 5) -> str:
    return (
        f"agency: lhhn\nperiod: 2020-Q3\nentries:\n  - task: {task}\n    status: in_progress\n    summary: {summary}\n"
    )


def git_repo(make_repo: MakeRepo, files: dict[str, str | bytes | None]) -> Path:
    root = make_repo(files)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git[:3], "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "plan"], check=True)
    return root


def summaries(root: Path) -> dict[str, str]:
    repo = load_repository(root)
    return {update.rel: update.update.entries[0].summary for update in repo.updates}


def test_a_second_run_is_served_from_the_cache(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = git_repo(make_repo, {UPDATE: entry("Lần một.")})
    assert summaries(root) == {UPDATE: "Lần một."}
    assert (root / ".git" / CACHE_NAME).is_file()
    monkeypatch.setattr("dnnd.load.update_files._parse_file", lambda *args: pytest.fail("parsed again"))
    assert summaries(root) == {UPDATE: "Lần một."}


def test_an_edit_in_the_same_second_with_the_same_size_is_seen(make_repo: MakeRepo) -> None:
    root = git_repo(make_repo, {UPDATE: entry("Bản A.")})
    path = root / UPDATE
    before = path.stat()
    assert summaries(root)[UPDATE] == "Bản A."
    path.write_text(entry("Bản B."), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same timestamps
    assert summaries(root)[UPDATE] == "Bản B."


def test_new_and_deleted_files_are_seen(make_repo: MakeRepo) -> None:
    root = git_repo(make_repo, {UPDATE: entry("Quý III.")})
    assert set(summaries(root)) == {UPDATE}
    other = "plan/updates/lhhn/2020-Q4.yaml"
    (root / other).write_text(entry("Quý IV.").replace("2020-Q3", "2020-Q4"), encoding="utf-8")
    assert summaries(root) == {UPDATE: "Quý III.", other: "Quý IV."}
    (root / UPDATE).unlink()
    assert summaries(root) == {other: "Quý IV."}


@pytest.mark.parametrize("damage", ["garbage", "truncated", "edited", "other-version"])
def test_a_bad_cache_is_rebuilt_not_trusted(make_repo: MakeRepo, damage: str) -> None:
    root = git_repo(make_repo, {UPDATE: entry("Thật.")})
    summaries(root)
    stored = root / ".git" / CACHE_NAME
    head, _, body = stored.read_bytes().partition(b"\n")
    if damage == "garbage":
        stored.write_bytes(b"\x00\xff not json")
    elif damage == "truncated":
        stored.write_bytes(head + b"\n" + body[: len(body) // 2])
    elif damage == "edited":  # valid JSON, right key, but the body does not match its checksum
        stored.write_bytes(head + b"\n" + body.replace("Thật.".encode(), "Giả.".encode()))
    else:
        stored.write_bytes(json.dumps({**json.loads(head), "key": "old"}).encode() + b"\n" + body)
    assert summaries(root) == {UPDATE: "Thật."}
    assert json.loads(stored.read_bytes().partition(b"\n")[0])["key"] != "old"


def test_an_invalid_file_is_never_cached(make_repo: MakeRepo) -> None:
    root = git_repo(make_repo, {UPDATE: entry("Sai.", task=1)})  # lhhn does not hold task 1
    for _ in range(2):
        repo = load_repository(root)
        assert repo.left_out == [UPDATE]
        assert repo.update_problems[0].line == 4


def test_changing_a_plan_file_invalidates_the_cache(make_repo: MakeRepo) -> None:
    root = git_repo(make_repo, {UPDATE: entry("Có.")})
    assert summaries(root) == {UPDATE: "Có."}
    tasks = root / "plan" / "tasks.yaml"
    tasks.write_text(
        tasks.read_text(encoding="utf-8").replace(
            "lead: [sngv, lhhn]\n    support: [bdv, mttq, snv, lienquan]\n    timing: Thường xuyên",
            "lead: [sngv]\n    support: [bdv, mttq, snv, lienquan]\n    timing: Thường xuyên",
            1,
        ),
        encoding="utf-8",
    )
    assert load_repository(root).left_out == [UPDATE]


def test_no_cache_option_and_environment(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = git_repo(make_repo, {UPDATE: entry("Không lưu.")})
    load_repository(root, use_cache=False)
    assert not (root / ".git" / CACHE_NAME).exists()
    monkeypatch.setenv("DNND_NO_CACHE", "1")
    load_repository(root)
    assert not (root / ".git" / CACHE_NAME).exists()


def test_blob_id_is_gits() -> None:
    assert content_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"
