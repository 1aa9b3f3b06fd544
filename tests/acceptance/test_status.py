"""`dnnd status` and `dnnd missing` on scenario repositories, in table, JSON and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EMBEDDED_PLAN, MakeRepo, RunCli

CONTRACT = ("task", "title", "lead", "support", "timing", "status", "due", "done_on", "reports")


BNG_ONLY = "    timing: Sau khi có hướng dẫn của Bộ Ngoại giao\n"


BNG_BNV = "    timing: Sau khi có hướng dẫn của Bộ Ngoại giao và Bộ Nội vụ\n"


def update(agency: str, period: str, *entries: tuple[Any, ...]) -> dict[str, str]:
    """An update file: each entry is (task, status) or (task, "done", done_on[, occurrence])."""
    lines = [f"agency: {agency}", f"period: {period}", "entries:"]
    for task, status, *rest in entries:
        lines += [f"  - task: {task}", f"    status: {status}"]
        if rest:
            lines.append(f"    done_on: {rest[0]}")
        if len(rest) > 1:
            lines.append(f"    occurrence: {rest[1]}")
        lines.append("    summary: Đã triển khai theo kế hoạch.")
    return {f"plan/updates/{agency}/{period}.yaml": "\n".join(lines) + "\n"}


def plan_file(name: str, *replacements: tuple[str, str]) -> dict[str, str]:
    """The embedded plan/<name> with each (old, new) replaced (every occurrence, which must exist)."""
    text = (EMBEDDED_PLAN / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return {f"plan/{name}": text}


def status_json(run_cli: RunCli, repo: Path, *args: str) -> dict[str, Any]:
    result = run_cli("status", *args, "--format", "json", repo=repo)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_task(document: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {item["task"]: item for item in document["tasks"]}


SECOND_BNG_EVENT = (
    "  - id: cong-van-bng\n    name: Công văn khác của Bộ Ngoại giao\n    issuer: bng\n    occurred_on: null\n"
)


@pytest.mark.parametrize(("quarter", "status"), [("2020-Q3", "in_progress"), ("2020-Q4", "overdue")])
def test_acceptance_task_4_on_the_embedded_plan(
    run_cli: RunCli, make_repo: MakeRepo, quarter: str, status: str
) -> None:
    tasks = by_task(status_json(run_cli, make_repo(), "--quarter", quarter))
    assert (tasks[4]["status"], tasks[4]["due"], tasks[4]["done_on"]) == (status, "2020-09-30", None)
    for number in (1, 9, 10):
        assert (tasks[number]["status"], tasks[number]["due"], tasks[number]["reports"]) == ("waiting", None, {})
    assert {tasks[number]["status"] for number in (2, 3, 5, 6, 7, 11, 12, 15)} == {"ongoing"}


def test_json_contract(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = status_json(run_cli, make_repo(), "--quarter", "2020-Q3")
    assert {"period", "window", "as_of", "tasks"} <= set(document)
    assert document["period"] == "2020-Q3"
    assert document["window"] == {"start": "2020-06-15", "end": "2020-09-14"}
    assert document["as_of"] == "2020-09-14"
    assert [item["task"] for item in document["tasks"]] == list(range(1, 16))
    for item in document["tasks"]:
        assert set(CONTRACT) <= set(item)
        assert item["status"] in ("done_on_time", "done_late", "done", "in_progress", "overdue", "ongoing", "waiting")
        assert set(item["reports"].values()) <= {"submitted", "missing"}
    task = by_task(document)[13]
    assert (task["lead"], task["timing"], task["due"]) == (["sngv"], "Trước ngày 18/11 hàng năm", "2020-11-17")


def test_reports_name_leads_and_supports_but_not_groups(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(update("lhhn", "2020-Q3", (2, "in_progress"), (5, "not_started")))
    tasks = by_task(status_json(run_cli, repo, "--quarter", "2020-Q3"))
    assert tasks[2]["reports"] == {
        "sngv": "missing",
        "bdv": "missing",
        "mttq": "missing",
        "snv": "missing",
        "lhhn": "submitted",
    }
    assert tasks[5]["reports"]["lhhn"] == "submitted"
    assert tasks[5]["reports"]["sngv"] == "missing"


def test_csv_has_a_bom_and_the_contract_fields(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("status", "--quarter", "2020-Q4", "--format", "csv", repo=make_repo())
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CONTRACT
    assert len(rows) == 15
    row = rows[3]
    assert (row["task"], row["status"], row["due"], row["done_on"], row["timing"]) == (
        "4",
        "overdue",
        "2020-09-30",
        "",
        "Quý III/2020",
    )
    assert "Xây dựng cơ chế phối hợp" in row["title"]


def test_table_shows_labels_due_dates_and_summary(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("status", "--quarter", "2020-Q4", repo=make_repo())
    assert result.exit_code == 0, result.output
    for text in ("2020-Q4", "Quá hạn chưa hoàn thành", "Đang thực hiện trong hạn", "Chờ điều kiện", "30/09/2020"):
        assert text in result.output
    assert "Tổng số 15 nhiệm vụ" in result.output
    assert "chưa hoàn thành 4 (trong hạn 1, quá hạn 3); thường xuyên 8; chờ điều kiện 3." in " ".join(
        result.output.split()
    )
    english = run_cli("status", "--quarter", "2020-Q4", "--lang", "en", repo=make_repo(name="en"))
    assert "Overdue, not done" in english.output


def test_done_on_time_and_late(run_cli: RunCli, make_repo: MakeRepo) -> None:
    on_time = make_repo(update("sngv", "2020-Q3", (4, "done", "2020-09-10")), name="on_time")
    task = by_task(status_json(run_cli, on_time, "--quarter", "2020-Q4"))[4]
    assert (task["status"], task["done_on"]) == ("done_on_time", "2020-09-10")
    assert task["reports"] == {}  # done before 2020-Q4's window began
    late = make_repo(update("sngv", "2020-Q4", (4, "done", "2020-10-05")), name="late")
    assert by_task(status_json(run_cli, late, "--quarter", "2020-Q3"))[4]["status"] == "in_progress"
    task = by_task(status_json(run_cli, late, "--quarter", "2020-Q4"))[4]
    assert (task["status"], task["done_on"], task["reports"]["sngv"]) == ("done_late", "2020-10-05", "submitted")
    assert by_task(status_json(run_cli, late, "--quarter", "2021-Q2"))[4]["status"] == "done_late"


def test_multi_lead_task_needs_every_lead(run_cli: RunCli, make_repo: MakeRepo) -> None:
    sngv = update("sngv", "2020-Q4", (9, "done", "2020-10-20"))
    lhhn = update("lhhn", "2020-Q4", (9, "done", "2020-11-02"))
    one = make_repo(sngv, name="one")
    assert by_task(status_json(run_cli, one, "--quarter", "2020-Q4"))[9]["status"] == "waiting"
    both = make_repo({**sngv, **lhhn}, name="both")
    task = by_task(status_json(run_cli, both, "--quarter", "2020-Q4"))[9]
    assert (task["status"], task["due"], task["done_on"]) == ("done", None, "2020-11-02")


def test_yearly_task_missed_then_done_late(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo()
    task = by_task(status_json(run_cli, repo, "--quarter", "2021-Q1"))[14]
    assert (task["status"], task["due"]) == ("overdue", "2020-12-31")
    repo = make_repo(update("lhhn", "2021-Q1", (14, "done", "2021-01-10")), name="late")
    task = by_task(status_json(run_cli, repo, "--quarter", "2021-Q1"))[14]
    assert (task["status"], task["due"], task["done_on"]) == ("done_late", "2020-12-31", "2021-01-10")
    task = by_task(status_json(run_cli, repo, "--quarter", "2021-Q2"))[14]
    assert (task["status"], task["due"], task["done_on"]) == ("in_progress", "2021-12-31", None)


def test_yearly_occurrence_named_in_the_entry(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(update("lhhn", "2021-Q1", (14, "done", "2021-01-10", 2021)))
    assert by_task(status_json(run_cli, repo, "--quarter", "2021-Q1"))[14]["status"] == "overdue"
    task = by_task(status_json(run_cli, repo, "--quarter", "2021-Q4"))[14]
    assert (task["status"], task["due"], task["done_on"]) == ("done_on_time", "2021-12-31", "2021-01-10")


def test_invalid_update_file_is_left_out_with_a_warning(run_cli: RunCli, make_repo: MakeRepo) -> None:
    broken = {
        "plan/updates/lhhn/2020-Q3.yaml": "agency: lhhn\nperiod: 2020-Q3\nentries:\n  - task: 5\n    status: done\n"
    }
    repo = make_repo({**broken, **update("sngv", "2020-Q3", (4, "done", "2020-09-01"))})
    for command in ("status", "missing"):
        result = run_cli(command, "--quarter", "2020-Q3", "--format", "json", repo=repo)
        assert result.exit_code == 0, result.output
        assert "plan/updates/lhhn/2020-Q3.yaml" in result.stderr
        assert "dnnd validate" in result.stderr
        json.loads(result.stdout)
    task = by_task(status_json(run_cli, repo, "--quarter", "2020-Q3"))[4]
    assert (task["status"], task["done_on"], task["reports"]["sngv"]) == ("done_on_time", "2020-09-01", "submitted")
    assert run_cli("validate", repo=repo).exit_code == 1


@pytest.mark.parametrize("command", ["status", "missing"])
def test_error_in_the_plan_files_stops_the_command(run_cli: RunCli, make_repo: MakeRepo, command: str) -> None:
    repo = make_repo(plan_file("tasks.yaml", ("  - id: 4\n", "  - id: four\n")))
    result = run_cli(command, "--quarter", "2020-Q3", "--format", "json", repo=repo)
    assert result.exit_code == 1
    assert "plan/tasks.yaml" in result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_unparseable_timing_is_a_validation_error_quoting_it(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(plan_file("tasks.yaml", ("timing: Quý III/2020", "timing: Khi có điều kiện")))
    for args in (("validate",), ("status", "--quarter", "2020-Q3")):
        result = run_cli(*args, repo=repo)
        assert result.exit_code == 1
        assert "plan/tasks.yaml" in result.output
        assert "'Khi có điều kiện'" in result.output
        assert "Thường xuyên" in result.output and "Quý IV hàng năm" in result.output  # the known forms


def test_explicit_schedule_wins_over_the_phrase(run_cli: RunCli, make_repo: MakeRepo) -> None:
    explicit = "timing: Quý III/2020\n    schedule:\n      kind: once\n      due: 2020-12-31\n"
    repo = make_repo(plan_file("tasks.yaml", ("timing: Quý III/2020\n", explicit)))
    task = by_task(status_json(run_cli, repo, "--quarter", "2020-Q4"))[4]
    assert (task["status"], task["due"], task["timing"]) == ("in_progress", "2020-12-31", "Quý III/2020")
    unknown = make_repo(
        plan_file("tasks.yaml", ("timing: Quý III/2020\n", explicit.replace("Quý III/2020", "Khi có điều kiện"))),
        name="unknown",
    )
    assert by_task(status_json(run_cli, unknown, "--quarter", "2021-Q1"))[4]["status"] == "overdue"


def test_issuer_with_two_events_is_ambiguous_unless_after_is_given(run_cli: RunCli, make_repo: MakeRepo) -> None:
    events = {"plan/events.yaml": (EMBEDDED_PLAN / "events.yaml").read_text(encoding="utf-8") + SECOND_BNG_EVENT}
    result = run_cli("validate", repo=make_repo(events, name="ambiguous"))
    assert result.exit_code == 1
    assert "after" in result.output and "cong-van-bng" in result.output
    tasks = plan_file(
        "tasks.yaml",
        (BNG_ONLY, BNG_ONLY + "    after: [huong-dan-bng]\n"),
        (BNG_BNV, BNG_BNV + "    after: [huong-dan-bng, huong-dan-bnv]\n"),
    )
    repo = make_repo({**events, **tasks}, name="explicit")
    assert run_cli("validate", repo=repo).exit_code == 0
    document = by_task(status_json(run_cli, repo, "--quarter", "2020-Q3"))
    assert document[9]["waiting_for"] == ["huong-dan-bng"]
    assert document[1]["waiting_for"] == ["huong-dan-bng", "huong-dan-bnv"]


def test_event_occurring_mid_period(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(
        plan_file(
            "events.yaml",
            ("occurred_on: null\n  - id: huong-dan-bnv", "occurred_on: 2020-08-01\n  - id: huong-dan-bnv"),
        )
    )
    tasks = by_task(status_json(run_cli, repo, "--quarter", "2020-Q3"))
    assert (tasks[9]["status"], tasks[10]["status"], tasks[1]["status"]) == ("in_progress", "in_progress", "waiting")
    assert tasks[1]["waiting_for"] == ["huong-dan-bnv"]
    assert tasks[9]["reports"] == {name: "missing" for name in ("sngv", "lhhn", "bdv", "mttq", "snv")}
    before = by_task(status_json(run_cli, repo, "--as-of", "2020-07-31"))
    assert (before[9]["status"], before[9]["reports"]) == ("waiting", {})


def test_status_filter(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo()
    document = status_json(run_cli, repo, "--quarter", "2020-Q4", "--status", "waiting")
    assert [item["task"] for item in document["tasks"]] == [1, 9, 10]
    overdue = status_json(run_cli, repo, "--quarter", "2020-Q4", "--status", "overdue")
    assert [item["task"] for item in overdue["tasks"]] == [4, 8, 13]
    result = run_cli("status", "--status", "late", repo=repo)
    assert result.exit_code == 2
    assert "late" in result.output and "done_late" in result.output


def test_agency_filter(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo()
    document = status_json(run_cli, repo, "--quarter", "2020-Q3", "--agency", "stttt")
    assert [item["task"] for item in document["tasks"]] == [8, 11]
    result = run_cli("missing", "--quarter", "2020-Q3", "--agency", "stttt", "--format", "json", repo=repo)
    assert result.exit_code == 0, result.output
    assert [(item["agency"], item["tasks"]) for item in json.loads(result.stdout)["missing"]] == [("stttt", [8, 11])]
    result = run_cli("status", "--agency", "khongco", repo=repo)
    assert result.exit_code == 2
    assert "khongco" in result.output


@pytest.mark.parametrize(
    ("as_of", "period", "status"),
    [
        ("2020-09-14", "2020-Q3", "in_progress"),  # the window's last day
        ("2020-09-30", "2020-Q3", "in_progress"),  # Q3 is still the period being reported
        ("2020-10-01", "2020-Q3", "overdue"),
        ("2020-10-29", "2020-Q3", "overdue"),  # 45 days after the window's end
        ("2020-10-30", "2020-Q4", "overdue"),  # the day after: the quarter under way
    ],
)
def test_as_of_applies_the_reporting_rule_on_that_day_and_evaluates_on_it(
    run_cli: RunCli, make_repo: MakeRepo, as_of: str, period: str, status: str
) -> None:
    document = status_json(run_cli, make_repo(), "--as-of", as_of)
    assert (document["period"], document["as_of"]) == (period, as_of)
    assert by_task(document)[4]["status"] == status


def test_a_named_period_is_evaluated_on_the_day_given(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = status_json(run_cli, make_repo(), "--quarter", "2020-Q3", "--as-of", "2020-09-01")
    assert (document["period"], document["as_of"]) == ("2020-Q3", "2020-09-01")


def test_done_on_after_as_of_does_not_count(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(update("sngv", "2020-Q4", (4, "done", "2020-10-20")))
    assert (
        by_task(status_json(run_cli, repo, "--quarter", "2020-Q4", "--as-of", "2020-10-19"))[4]["status"] == "overdue"
    )
    task = by_task(status_json(run_cli, repo, "--quarter", "2020-Q4", "--as-of", "2020-10-20"))[4]
    assert (task["status"], task["done_on"]) == ("done_late", "2020-10-20")


@pytest.mark.parametrize(
    ("option", "value", "window", "quarters"),
    [
        ("--half", "2020-H2", {"start": "2020-06-15", "end": "2020-12-14"}, ["2020-Q3", "2020-Q4"]),
        ("--year", "2020", {"start": "2019-12-15", "end": "2020-12-14"}, ["2020-Q3", "2020-Q4"]),
        ("--half", "2020-H1", {"start": "2019-12-15", "end": "2020-06-14"}, []),
        ("--half", "2021-H1", {"start": "2020-12-15", "end": "2021-06-14"}, ["2021-Q1", "2021-Q2"]),
    ],
)
def test_half_and_year_expect_each_covered_quarter(
    run_cli: RunCli, make_repo: MakeRepo, option: str, value: str, window: dict[str, str], quarters: list[str]
) -> None:
    repo = make_repo(update("stttt", "2020-Q3", (8, "in_progress"), (11, "in_progress")))
    result = run_cli("missing", option, value, "--format", "json", repo=repo)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert (document["period"], document["window"], document["as_of"]) == (value, window, window["end"])
    assert sorted({item["period"] for item in document["missing"]}) == quarters
    stttt = [item["period"] for item in document["missing"] if item["agency"] == "stttt"]
    assert stttt == [name for name in quarters if name != "2020-Q3"]


def test_missing_in_three_formats(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(update("stttt", "2020-Q3", (8, "in_progress")))
    result = run_cli("missing", "--quarter", "2020-Q3", "--format", "json", repo=repo)
    missing = {item["agency"]: item for item in json.loads(result.stdout)["missing"]}
    assert missing["stttt"] == {
        "agency": "stttt",
        "name": "Sở Thông tin và Truyền thông",
        "period": "2020-Q3",
        "tasks": [11],
    }
    assert "lienquan" not in missing and "bng" not in missing
    result = run_cli("missing", "--quarter", "2020-Q3", "--format", "csv", repo=repo)
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert {"agency": "stttt", "name": "Sở Thông tin và Truyền thông", "period": "2020-Q3", "tasks": "11"} in rows
    table = run_cli("missing", "--quarter", "2020-Q3", repo=repo)
    assert table.exit_code == 0
    assert "Cơ quan chưa báo cáo" in table.output and "Sở Thông tin và Truyền thông" in table.output


def test_missing_before_reporting_starts_says_everyone_reported(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("missing", "--quarter", "2020-Q2", repo=make_repo())
    assert result.exit_code == 0, result.output
    assert "mọi cơ quan đã báo cáo đủ" in result.output
    document = status_json(run_cli, make_repo(name="json"), "--quarter", "2020-Q2")
    assert all(item["reports"] == {} for item in document["tasks"])


@pytest.mark.parametrize(
    "args",
    [
        ("--quarter", "2020-Q5"),
        ("--quarter", "2020Q3"),
        ("--quarter", "Q3"),
        ("--quarter", "2020-H1"),
        ("--quarter", "0000-Q1"),
        ("--half", "2020-Q3"),
        ("--year", "2020-H1"),
        ("--as-of", "14/09/2020"),
    ],
)
def test_bad_period_options_exit_2_with_a_message(run_cli: RunCli, make_repo: MakeRepo, args: tuple[str, ...]) -> None:
    for command in ("status", "missing"):
        result = run_cli(command, *args, repo=make_repo(name=command))
        assert result.exit_code == 2, result.output
        assert "Lỗi:" in result.output
        assert args[0] in result.output
        assert "Traceback" not in result.output


def test_as_of_without_a_representable_window_is_a_usage_error(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("status", "--as-of", "0001-01-01", repo=make_repo())
    assert result.exit_code == 2, result.output
    assert "--as-of" in result.output


def test_calendar_windows_from_plan_yaml(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(
        plan_file("plan.yaml", ("focal_point: sngv\n", "focal_point: sngv\nreporting:\n  windows: calendar\n"))
    )
    q3 = status_json(run_cli, repo, "--quarter", "2020-Q3")
    assert (q3["window"], q3["as_of"]) == ({"start": "2020-07-01", "end": "2020-09-30"}, "2020-09-30")
    assert by_task(q3)[4]["status"] == "in_progress"
    q4 = status_json(run_cli, repo, "--quarter", "2020-Q4")
    assert by_task(q4)[4]["status"] == "overdue"
    assert by_task(status_json(run_cli, repo, "--as-of", "2020-12-20"))[14]["status"] == "in_progress"


def test_phrase_in_capitals_still_names_both_ministries(run_cli: RunCli, make_repo: MakeRepo) -> None:
    capitals = "    timing: SAU KHI CÓ HƯỚNG DẪN CỦA BỘ NGOẠI GIAO VÀ BỘ NỘI VỤ\n"
    repo = make_repo(plan_file("tasks.yaml", (BNG_BNV, capitals)))
    task = by_task(status_json(run_cli, repo, "--quarter", "2020-Q3"))[1]
    assert (task["status"], task["waiting_for"]) == ("waiting", ["huong-dan-bng", "huong-dan-bnv"])


def test_empty_after_list_is_a_validation_error(run_cli: RunCli, make_repo: MakeRepo) -> None:
    empty = "    timing: Quý III/2020\n    after: []\n    within_days: 10\n"
    repo = make_repo(plan_file("tasks.yaml", ("    timing: Quý III/2020\n", empty)))
    result = run_cli("validate", repo=repo)
    assert result.exit_code == 1, result.output
    assert "after" in result.output
    assert run_cli("status", "--quarter", "2020-Q3", repo=repo).exit_code == 1


def test_without_a_period_evaluates_today(run_cli: RunCli, make_repo: MakeRepo) -> None:
    from dnnd.plan.periods import quarter_containing

    before = dt.date.today()
    document = status_json(run_cli, make_repo())
    days = {before, dt.date.today()}
    assert dt.date.fromisoformat(document["as_of"]) in days
    assert document["period"] in {quarter_containing(day).name for day in days}


def test_a_narrow_terminal_hides_the_least_needed_columns(make_repo: MakeRepo) -> None:
    from typer.testing import CliRunner

    from dnnd.cli.app import app

    root = make_repo()
    narrow = CliRunner().invoke(app, ["--repo", str(root), "status", "--quarter", "2020-Q4"], env={"COLUMNS": "100"})
    wide = CliRunner().invoke(app, ["--repo", str(root), "status", "--quarter", "2020-Q4"], env={"COLUMNS": "200"})
    assert "┃ Phối hợp" not in narrow.output and "Cửa sổ hẹp" in narrow.output
    assert "┃ Phối hợp" in wide.output and "Cửa sổ hẹp" not in wide.output
    assert "30/09/2020" in narrow.output  # the due date is never wrapped


def test_a_past_period_shows_what_the_leads_had_reported_by_then(run_cli: RunCli, make_repo: MakeRepo) -> None:
    def update(period: str, status: str, extra: str = "") -> str:
        return f"agency: sngv\nperiod: {period}\nentries:\n  - task: 4\n    status: {status}\n{extra}    summary: Có.\n"

    root = make_repo(
        {
            "plan/updates/sngv/2020-Q3.yaml": update("2020-Q3", "in_progress"),
            "plan/updates/sngv/2020-Q4.yaml": update("2020-Q4", "done", "    done_on: 2020-10-05\n"),
        }
    )
    for quarter, expected in (("2020-Q3", "2020-Q3"), ("2020-Q4", "2020-Q4"), ("2021-Q1", "2020-Q4")):
        result = run_cli("status", "--quarter", quarter, "--format", "json", repo=root)
        task = next(item for item in json.loads(result.stdout)["tasks"] if item["task"] == 4)
        assert [item["period"] for item in task["latest"]] == [expected], quarter
    result = run_cli("status", "--quarter", "2020-Q2", "--format", "json", repo=root)
    assert next(item for item in json.loads(result.stdout)["tasks"] if item["task"] == 4)["latest"] == []
