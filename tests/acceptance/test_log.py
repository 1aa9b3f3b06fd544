"""`dnnd log`, `status --late`, `missing --late`: dates from main's first-parent history, on real git repositories."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dnnd.load.git import first_parent_history
from dnnd.repository import load_repository
from dnnd.workflow.history import submissions
from tests.conftest import EMBEDDED_PLAN, MakeRepo, RunCli
from tests.git_helpers import CLERK, FOCAL, branch, commit, git, init, merge, submit, update

# 2023-Q3: cut-off Thursday 14/9/2023; + 2 working days (Friday, then Monday): due Monday 18/9/2023.
LHHN = update("lhhn", "2023-Q3", (2, "in_progress"))
SNV = update("snv", "2023-Q3", (2, "in_progress"))
FIXER = ("Lê Văn Sửa", "sua@lhhn.example")


def holidays(*days: str) -> dict[str, str]:
    text = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8")
    assert "reporting:" not in text
    return {"plan/plan.yaml": text + f"reporting:\n  holidays: [{', '.join(days)}]\n"}


def log(run_cli: RunCli, root: Path, *args: str) -> dict[str, dict[str, Any]]:
    """`dnnd log --format json`, by file: every quarter unless one is named."""
    every = () if "--quarter" in args else ("--all",)
    result = run_cli("log", *every, *args, "--format", "json", repo=root)
    assert result.exit_code == 0, result.output
    return {item["file"]: item for item in json.loads(result.stdout)["submissions"]}


def test_reached_main_is_the_merge_date_not_the_clerks(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-01T10:00:00+07:00", merged="2023-09-19T08:00:00+07:00")
    submit(root, "snv", SNV, committed="2023-09-25T10:00:00+07:00", merged="2023-09-18T16:00:00+07:00")
    found = log(run_cli, root)
    lhhn, snv = found["plan/updates/lhhn/2023-Q3.yaml"], found["plan/updates/snv/2023-Q3.yaml"]
    assert (lhhn["reached_main"], lhhn["due"], lhhn["late"]) == ("2023-09-19T08:00:00+07:00", "2023-09-18", True)
    assert (snv["reached_main"], snv["due"], snv["late"]) == ("2023-09-18T16:00:00+07:00", "2023-09-18", False)
    assert (lhhn["agency"], lhhn["period"], lhhn["changes"]) == ("lhhn", "2023-Q3", 1)
    assert lhhn["last_changed"] == lhhn["reached_main"]


def test_last_changed_after_a_later_change(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-12T10:00:00+07:00", merged="2023-09-15T09:00:00+07:00")
    fix = update("lhhn", "2023-Q3", (2, "in_progress"), summary="Bổ sung số liệu.")
    submit(root, "sua", fix, committed="2023-09-30T10:00:00+07:00", merged="2023-10-02T14:30:00+07:00", merger=FIXER)
    item = log(run_cli, root)["plan/updates/lhhn/2023-Q3.yaml"]
    assert item["reached_main"] == "2023-09-15T09:00:00+07:00"
    assert item["last_changed"] == "2023-10-02T14:30:00+07:00"
    assert (item["changes"], item["late"]) == (2, False)  # judged by when it first reached main


def test_the_writers_are_named_not_who_merged(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-12T10:00:00+07:00", merged="2023-09-15T09:00:00+07:00")
    commit(root, update("lhhn", "2023-Q3", (2, "blocked")), author=FIXER, date="2023-10-02T10:00:00+07:00")
    item = log(run_cli, root)["plan/updates/lhhn/2023-Q3.yaml"]
    assert item["reached_by"] == CLERK[0]  # the clerk's commit on the pull request's branch, not the merge
    assert item["last_changed_by"] == FIXER[0]  # a direct commit: its own author


@pytest.mark.parametrize(
    ("merged", "late"),
    [
        ("2023-09-16T10:00:00+07:00", False),  # Saturday, before the due Monday
        ("2023-09-18T23:59:00+07:00", False),  # the last minute of the due day
        ("2023-09-19T00:00:00+07:00", True),  # the first minute after it
        ("2023-09-18T16:30:00+00:00", False),  # 23:30 in Vietnam
        ("2023-09-18T17:30:00+00:00", True),  # 00:30 on the 19th in Vietnam
    ],
)
def test_late_boundary(run_cli: RunCli, make_repo: MakeRepo, merged: str, late: bool) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-10T10:00:00+07:00", merged=merged)
    item = log(run_cli, root)["plan/updates/lhhn/2023-Q3.yaml"]
    assert (item["due"], item["late"]) == ("2023-09-18", late)


@pytest.mark.parametrize(
    ("merged", "late"), [("2023-09-19T10:00:00+07:00", False), ("2023-09-20T08:00:00+07:00", True)]
)
def test_holiday_listed_in_plan_is_skipped(run_cli: RunCli, make_repo: MakeRepo, merged: str, late: bool) -> None:
    root = init(make_repo(holidays("2023-09-15")))
    assert run_cli("validate", repo=root).exit_code == 0
    submit(root, "lhhn", LHHN, committed="2023-09-10T10:00:00+07:00", merged=merged)
    item = log(run_cli, root)["plan/updates/lhhn/2023-Q3.yaml"]
    assert (item["due"], item["late"]) == ("2023-09-19", late)


def test_quarter_and_agency_filters(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    later = update("lhhn", "2023-Q4", (2, "in_progress"))
    for name, files in (("a", LHHN), ("b", SNV), ("c", later)):
        submit(root, name, files, committed="2023-12-01T10:00:00+07:00", merged="2023-12-15T10:00:00+07:00")
    assert len(log(run_cli, root)) == 3
    assert set(log(run_cli, root, "--quarter", "2023-Q3")) == {*LHHN, *SNV}
    assert set(log(run_cli, root, "--agency", "lhhn")) == {*LHHN, *later}
    assert set(log(run_cli, root, "--quarter", "2023-Q4", "--agency", "lhhn")) == {*later}
    assert log(run_cli, root, "--quarter", "2024-Q1") == {}


def test_only_the_main_branch_counts(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-12T10:00:00+07:00", merged="2023-09-15T09:00:00+07:00")
    branch(root, "snv")
    commit(root, SNV, date="2023-09-13T10:00:00+07:00")  # a pull request not yet merged
    assert set(log(run_cli, root)) == {*LHHN}
    assert set(log(run_cli, root, "--branch", "snv")) == {*LHHN, *SNV}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--quarter", "2023-H1"), "--quarter '2023-H1' không đúng dạng"),
        (("--agency", "xyz"), "không có cơ quan mã 'xyz'"),
        (
            ("--branch", "khong-co"),
            "không có nhánh 'khong-co' trong kho; các nhánh hiện có: main",
        ),
    ],
)
def test_log_usage_errors(run_cli: RunCli, make_repo: MakeRepo, args: tuple[str, ...], message: str) -> None:
    result = run_cli("log", *args, repo=init(make_repo()))
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize("args", [("log",), ("status", "--late"), ("missing", "--late")])
def test_outside_git_exits_2(run_cli: RunCli, make_repo: MakeRepo, args: tuple[str, ...]) -> None:
    result = run_cli(*args, repo=make_repo())
    assert result.exit_code == 2
    assert "không phải kho git" in result.output
    assert "Traceback" not in result.output


def test_table_format(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-01T10:00:00+07:00", merged="2023-09-19T08:00:00+07:00")
    submit(root, "snv", SNV, committed="2023-09-01T10:00:00+07:00", merged="2023-09-18T08:00:00+07:00")
    result = run_cli("log", "--quarter", "2023-Q3", repo=root)
    assert result.exit_code == 0, result.output
    lhhn = next(line for line in result.output.splitlines() if "LHHN 2023-Q3" in line)  # short names
    snv = next(line for line in result.output.splitlines() if "SNV 2023-Q3" in line)
    assert "19/09/2023 08:00" in lhhn and "18/09/2023" in lhhn and "Muộn" in lhhn
    assert "18/09/2023 08:00" in snv and "Đúng hạn" in snv


@pytest.mark.parametrize("command", ["status", "missing"])
def test_status_and_missing_list_late_submissions(run_cli: RunCli, make_repo: MakeRepo, command: str) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-01T10:00:00+07:00", merged="2023-09-19T08:00:00+07:00")
    submit(root, "snv", SNV, committed="2023-09-01T10:00:00+07:00", merged="2023-09-18T08:00:00+07:00")
    result = run_cli(command, "--quarter", "2023-Q3", "--late", repo=root)
    assert result.exit_code == 0, result.output
    tail = result.output[result.output.index("Báo cáo gửi muộn:") :]
    assert "Liên hiệp các tổ chức hữu nghị tỉnh, 2023-Q3: vào nhánh chính ngày 19/09/2023, hạn 18/09/2023" in tail
    assert "Sở Nội vụ" not in tail
    assert "Báo cáo gửi muộn" not in run_cli(command, "--quarter", "2023-Q3", repo=root).output


def test_status_late_json_and_none_late(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-01T10:00:00+07:00", merged="2023-09-19T08:00:00+07:00")
    result = run_cli("status", "--quarter", "2023-Q3", "--late", "--format", "json", repo=root)
    assert result.exit_code == 0, result.output
    late = json.loads(result.stdout)["late_submissions"]
    assert [(item["agency"], item["period"], item["due"]) for item in late] == [("lhhn", "2023-Q3", "2023-09-18")]
    result = run_cli("missing", "--quarter", "2023-Q4", "--late", repo=root)
    assert "Không có báo cáo nào gửi muộn." in result.output


def test_first_parent_history_runs_one_git_log_and_submissions_two(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = init(make_repo())
    for number, name in enumerate(("lhhn", "snv", "lhhn4")):
        files = LHHN if name == "lhhn" else SNV if name == "snv" else update("lhhn", "2023-Q4", (2, "blocked"))
        submit(root, name, files, committed="2023-12-01T10:00:00+07:00", merged=f"2023-12-1{number}T10:00:00+07:00")
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(argv: list[str], *args: Any, **kwargs: Any) -> Any:
        calls.append(list(argv))
        return real(argv, *args, **kwargs)

    repo = load_repository(root)
    monkeypatch.setattr(subprocess, "run", counting)
    landings = first_parent_history(root, "main", "plan/updates")
    assert [len(landing.paths) for landing in landings] == [1, 1, 1]
    assert sum("log" in argv for argv in calls) == 1
    assert CLERK[0] not in {landing.author.rstrip("\0") for landing in landings}  # merges, not the clerk's commits
    calls.clear()
    found = submissions(repo)
    assert len(found) == 3 and {item.first_by for item in found} == {CLERK[0]}  # who wrote them, not who merged
    assert sum("log" in argv for argv in calls) == 2  # main's line, and the whole graph once for the writers


def test_a_repository_whose_main_branch_is_master_needs_no_option(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    git(root, "init", "-q", "-b", "master")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Kế hoạch", date="2020-06-01T09:00:00+07:00")
    commit(
        root, update("lhhn", "2020-Q3", (5, "in_progress")), date="2020-09-15T20:30:00+00:00"
    )  # 16/09 03:30 in Vietnam
    result = run_cli("log", "--all", repo=root)
    assert result.exit_code == 0, result.output
    assert "16/09/2020 03:30" in result.output  # shown on the clock lateness is judged by
    assert run_cli("status", "--quarter", "2020-Q3", "--late", repo=root).exit_code == 0


def test_a_merge_names_the_last_writer_of_the_file_on_the_merged_branch(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    branch(root, "lhhn-q3")
    commit(root, LHHN, "Báo cáo", author=CLERK, date="2023-09-10T10:00:00+07:00")
    commit(root, update("lhhn", "2023-Q3", (2, "blocked")), "Sửa", author=FIXER, date="2023-09-11T10:00:00+07:00")
    commit(root, {"README.md": "Ghi chú.\n"}, "Ghi chú", author=CLERK, date="2023-09-12T10:00:00+07:00")
    merge(root, "lhhn-q3", author=FOCAL, date="2023-09-15T09:00:00+07:00")
    item = log(run_cli, root)["plan/updates/lhhn/2023-Q3.yaml"]
    assert (item["reached_by"], item["reached_main"]) == (FIXER[0], "2023-09-15T09:00:00+07:00")


def test_without_a_quarter_log_shows_the_quarter_being_reported_and_says_why(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-01T10:00:00+07:00", merged="2023-09-19T08:00:00+07:00")
    result = run_cli("log", "--format", "json", repo=root)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"submissions": []}  # 2023-Q3 is long past: today's quarter is shown
    assert "(kỳ đang diễn ra: " in result.stderr  # why, on stderr beside JSON
    assert len(log(run_cli, root)) == 1  # --all


def test_log_as_a_workbook_has_vietnam_times_and_real_due_dates(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-01T10:00:00+07:00", merged="2023-09-19T08:00:00+07:00")
    target = root.parent / "log.xlsx"
    result = run_cli("log", "--all", "--format", "xlsx", "-o", str(target), repo=root)
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert [cell.value for cell in sheet[1]][:3] == ["Cơ quan", "Quý", "Vào nhánh chính"]
    assert sheet["C2"].value == dt.datetime(2023, 9, 19, 8, 0) and sheet["H2"].value == "Muộn"
    assert isinstance(sheet["G2"].value, dt.datetime)  # the due date, a real date cell
