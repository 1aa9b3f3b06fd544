"""The repository snapshot: a run with nothing changed reads no file again, and every change is seen."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from dnnd.cache import keys
from dnnd.cache.git_state import CACHE_NAME
from dnnd.cache.keys import SNAPSHOT_NAME
from dnnd.cache.state import read_state
from dnnd.cache.verdict import recorded_verdict
from dnnd.errors import DataError
from dnnd.evaluate.status_report import PeriodChoice, status_report
from dnnd.load import update_files
from dnnd.plan.periods import parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import MakeRepo
from tests.git_helpers import git, init

UPDATE = "plan/updates/lhhn/2020-Q3.yaml"
LATER = "plan/updates/lhhn/2020-Q4.yaml"


def entry(summary: str, period: str = "2020-Q3", status: str = "in_progress", task: int = 5) -> str:
    return f"agency: lhhn\nperiod: {period}\nentries:\n  - task: {task}\n    status: {status}\n    summary: {summary}\n"


def latest(repo: Repository, task: int = 5) -> list[tuple[str, str, str]]:
    """Each lead's newest entry on `task`, as the summary keeps it."""
    newest: dict[str, tuple[str, str, str]] = {}
    for item in repo.summary.latest.get(task, ()):
        newest.setdefault(item.agency, (item.agency, item.period, item.entry.summary))
    return list(newest.values())


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any reading of plan or update files fail the test."""
    monkeypatch.setattr("dnnd.load.plan_files.read_plan_files", lambda *args: pytest.fail("a plan file was parsed"))
    monkeypatch.setattr("dnnd.load.update_files._parse_file", lambda *args: pytest.fail("update files were parsed"))


def test_a_second_run_reads_no_file_and_evaluates_the_same(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = init(
        make_repo({UPDATE: entry("Quý III."), LATER: entry("Xong.", "2020-Q4", "done\n    done_on: 2020-10-01")})
    )
    fresh = load_repository(root, use_cache=False)
    load_repository(root)
    assert (root / ".git" / SNAPSHOT_NAME).is_file()
    no_parsing(monkeypatch)
    served = load_repository(root)
    assert served.load_updates is not None and served._updates is None  # records not read yet
    for quarter in ("2020-Q3", "2020-Q4", "2021-Q1"):
        choice, today = PeriodChoice(parse_period(quarter)), dt.date(2026, 11, 26)
        assert status_report(served, choice, today=today) == status_report(fresh, choice, today=today)
    assert latest(served) == latest(fresh) == [("lhhn", "2020-Q4", "Xong.")]
    assert (served.plan, served.agencies, served.tasks, served.schedules) == (
        fresh.plan,
        fresh.agencies,
        fresh.tasks,
        fresh.schedules,
    )


def test_records_load_on_first_use_and_equal_a_fresh_load(make_repo: MakeRepo) -> None:
    root = init(make_repo({UPDATE: entry("Quý III."), LATER: entry("Quý IV.", "2020-Q4")}))
    load_repository(root)
    (root / ".git" / CACHE_NAME).unlink()  # the per-file cache gone: the records are parsed again
    served = load_repository(root)
    assert served.updates == load_repository(root, use_cache=False).updates
    assert (root / ".git" / CACHE_NAME).is_file()


def test_an_edit_in_the_same_second_with_the_same_size_is_seen(make_repo: MakeRepo) -> None:
    root = init(make_repo({UPDATE: entry("Bản A.")}))
    path = root / UPDATE
    before = path.stat()
    assert latest(load_repository(root)) == [("lhhn", "2020-Q3", "Bản A.")]
    path.write_text(entry("Bản B."), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same timestamps
    assert latest(load_repository(root)) == [("lhhn", "2020-Q3", "Bản B.")]


def test_a_change_committed_between_two_runs_is_seen(make_repo: MakeRepo) -> None:
    root = init(make_repo({UPDATE: entry("Một.")}))
    assert latest(load_repository(root))[0][2] == "Một."
    (root / UPDATE).write_text(entry("Hai."), encoding="utf-8")
    git(root, "commit", "-q", "-a", "-m", "Hai")  # git reports nothing changed, as before: the index differs
    assert latest(load_repository(root))[0][2] == "Hai."


def test_a_commit_a_checkout_and_a_staged_edit_are_seen(make_repo: MakeRepo) -> None:
    root = init(make_repo({UPDATE: entry("Một.")}))
    assert latest(load_repository(root))[0][2] == "Một."
    (root / UPDATE).write_text(entry("Hai."), encoding="utf-8")
    git(root, "add", UPDATE)
    assert latest(load_repository(root))[0][2] == "Hai."
    git(root, "commit", "-q", "-m", "Hai")
    assert latest(load_repository(root))[0][2] == "Hai."
    git(root, "checkout", "-q", "HEAD~1", "--", UPDATE)
    assert latest(load_repository(root))[0][2] == "Một."


@pytest.mark.parametrize("ignored", [False, True])
def test_untracked_and_ignored_files_are_seen_when_edited(make_repo: MakeRepo, ignored: bool) -> None:
    root = init(make_repo({".gitignore": "plan/updates/lhhn/\n" if ignored else ""}))
    (root / UPDATE).parent.mkdir(parents=True)
    (root / UPDATE).write_text(entry("Bản A."), encoding="utf-8")
    assert latest(load_repository(root)) == [("lhhn", "2020-Q3", "Bản A.")]
    (root / UPDATE).write_text(entry("Bản B."), encoding="utf-8")
    assert latest(load_repository(root)) == [("lhhn", "2020-Q3", "Bản B.")]
    (root / UPDATE).unlink()
    assert latest(load_repository(root)) == []


def test_problems_of_invalid_files_are_kept_and_a_fix_is_seen(make_repo: MakeRepo) -> None:
    root = init(make_repo({UPDATE: entry("Sai.", task=1), "plan/updates/lhhn/notes.txt": "ghi chú\n"}))
    fresh = load_repository(root, use_cache=False)
    load_repository(root)
    served = load_repository(root)
    assert (served.left_out, served.update_problems) == (fresh.left_out, fresh.update_problems)
    assert served.left_out == ["plan/updates/lhhn/notes.txt", UPDATE]
    (root / UPDATE).write_text(entry("Đúng."), encoding="utf-8")
    assert load_repository(root).left_out == ["plan/updates/lhhn/notes.txt"]


def test_a_plan_change_is_validated_again(make_repo: MakeRepo) -> None:
    root = init(make_repo({UPDATE: entry("Có.")}))
    load_repository(root)
    tasks = root / "plan" / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("  - id: 5\n", "  - id: 5\n    bogus: 1\n", 1), "utf-8")
    with pytest.raises(DataError) as caught:
        load_repository(root)
    assert [(problem.path, problem.field) for problem in caught.value.problems] == [
        ("plan/tasks.yaml", "tasks[4].bogus")
    ]


def test_another_version_of_dnnd_does_not_read_it(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = init(make_repo({UPDATE: entry("Có.")}))
    load_repository(root)
    monkeypatch.setattr(keys, "_code_stamp", lambda: "a changed module")
    monkeypatch.setattr("dnnd.load.summary.from_plain", lambda *args: pytest.fail("an old snapshot was read"))
    assert latest(load_repository(root))[0][2] == "Có."


@pytest.mark.parametrize("damage", ["garbage", "truncated", "edited", "other-key"])
def test_a_damaged_snapshot_is_rebuilt_not_trusted(make_repo: MakeRepo, damage: str) -> None:
    root = init(make_repo({UPDATE: entry("Thật.")}))
    load_repository(root)
    stored = root / ".git" / SNAPSHOT_NAME
    head, _, body = stored.read_bytes().partition(b"\n")
    damaged = {
        "garbage": b"\x00\xff not json",
        "truncated": head + b"\n" + body[: len(body) // 2],
        "edited": head + b"\n" + body.replace("Thật.".encode(), "Giả.".encode()),
        "other-key": json.dumps({**json.loads(head), "key": "old"}).encode() + b"\n" + body,
    }[damage]
    stored.write_bytes(damaged)
    assert latest(load_repository(root))[0][2] == "Thật."
    assert stored.read_bytes() != damaged  # written anew


def test_no_snapshot_without_the_cache(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = init(make_repo({UPDATE: entry("Có.")}))
    load_repository(root, use_cache=False)
    monkeypatch.setenv("DNND_NO_CACHE", "1")
    load_repository(root)
    assert not (root / ".git" / SNAPSHOT_NAME).exists()


def test_a_file_edited_while_dnnd_reads_it_is_never_filed_under_its_old_content(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = init(make_repo({UPDATE: entry("Bản A.")}))
    real_read = update_files.read_bytes

    def edited_meanwhile(path: str, rel: str) -> bytes:  # the clerk saves just after dnnd asked git
        Path(path).write_text(entry("Bản B."), encoding="utf-8")
        return real_read(path, rel)

    monkeypatch.setattr(update_files, "read_bytes", edited_meanwhile)
    assert latest(load_repository(root)) == [("lhhn", "2020-Q3", "Bản B.")]
    monkeypatch.undo()
    (root / UPDATE).write_text(entry("Bản A."), encoding="utf-8")  # and undoes it
    assert latest(load_repository(root)) == [("lhhn", "2020-Q3", "Bản A.")]
    assert [update.update.entries[0].summary for update in load_repository(root).updates] == ["Bản A."]


def test_files_git_does_not_list_one_by_one_are_hashed(make_repo: MakeRepo) -> None:
    """In a nested repository (a linked folder is refused outright: test_hostile_links)."""
    root = init(make_repo())
    folder = root / "plan/updates/lhhn"
    folder.mkdir(parents=True)
    git(folder, "init", "-q")
    (folder / "2020-Q3.yaml").write_text(entry("Bản A."), encoding="utf-8")
    assert latest(load_repository(root)) == [("lhhn", "2020-Q3", "Bản A.")]
    (folder / "2020-Q3.yaml").write_text(entry("Bản B."), encoding="utf-8")
    assert latest(load_repository(root)) == [("lhhn", "2020-Q3", "Bản B.")]


TEXT = "plan/reports/2020-Q4.yaml"
WRONG_TEXT = "plan/reports/2021-Q1.yaml"


def report_text(summary: str, period: str = "2020-Q4", task: int = 5) -> str:
    return f"period: {period}\nsummary: {summary}\ntasks:\n  {task}: Nhiệm vụ {task}.\n"


def test_the_report_texts_come_back_from_the_snapshot(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = init(
        make_repo({UPDATE: entry("Có."), TEXT: report_text("Chung."), WRONG_TEXT: report_text("X", "2021-Q1", 99)})
    )
    fresh = load_repository(root, use_cache=False)
    load_repository(root)
    no_parsing(monkeypatch)
    monkeypatch.setattr("dnnd.checks.report_texts.read_report_texts", lambda *args: pytest.fail("texts were read"))
    served = load_repository(root)
    assert served.report_texts == fresh.report_texts and list(served.report_texts) == ["2020-Q4"]
    text = served.report_texts["2020-Q4"]
    assert (text.summary, text.tasks) == ("Chung.", {5: "Nhiệm vụ 5."})
    assert [type(task) for task in text.tasks] == [int]  # not the JSON file's text keys
    assert served.update_problems == fresh.update_problems
    assert [(problem.path, problem.field) for problem in served.update_problems] == [(WRONG_TEXT, "tasks.99")]


def test_a_report_text_edited_added_or_removed_after_a_snapshot_is_seen(make_repo: MakeRepo) -> None:
    root = init(make_repo({UPDATE: entry("Có."), TEXT: report_text("Bản A.")}))
    assert load_repository(root).report_texts["2020-Q4"].summary == "Bản A."
    (root / TEXT).write_text(report_text("Bản B."), encoding="utf-8")
    assert load_repository(root).report_texts["2020-Q4"].summary == "Bản B."
    (root / "plan/reports/2020-Q3.yaml").write_text(report_text("Quý III.", "2020-Q3"), encoding="utf-8")
    assert sorted(load_repository(root).report_texts) == ["2020-Q3", "2020-Q4"]
    (root / TEXT).unlink()
    (root / TEXT).mkdir()  # unreadable: a problem, no longer a text
    repo = load_repository(root)
    assert (list(repo.report_texts), [problem.path for problem in repo.update_problems]) == (["2020-Q3"], [TEXT])


def test_a_report_text_edit_reads_no_update_file_again(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = init(make_repo({UPDATE: entry("Có."), TEXT: report_text("Bản A.")}))
    load_repository(root)
    (root / TEXT).write_text(report_text("Bản B."), encoding="utf-8")
    monkeypatch.setattr("dnnd.load.update_files._parse_file", lambda *args: pytest.fail("update files were parsed"))
    repo = load_repository(root)  # a new snapshot, the same per-file cache
    assert repo.report_texts["2020-Q4"].summary == "Bản B."
    assert latest(repo) == [("lhhn", "2020-Q3", "Có.")]


def test_the_warnings_come_back_from_the_snapshot_and_with_validates_verdict(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = init(make_repo({UPDATE: entry("Quý III.")}))  # lhhn holds ten more tasks: each left out is warned of
    found = load_repository(root).warnings
    assert found and found == load_repository(root, use_cache=False).warnings
    assert any(warning.message.en.startswith("lhhn supports tasks 2, 3, 4, 11, 13 but") for warning in found)
    no_parsing(monkeypatch)
    served, recorded = load_repository(root), recorded_verdict(read_state(root, use_cache=True))
    assert served.warnings == found and served.verdict().warnings == found
    assert recorded is not None and recorded.warnings == found  # kept once in the snapshot, for both
    body = json.loads((root / ".git" / SNAPSHOT_NAME).read_bytes().split(b"\n", 1)[1])  # after its header line
    assert body["verdict"]["warnings"] == [] and len(body["warnings"]) == len(found)
