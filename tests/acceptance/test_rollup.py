"""`dnnd rollup`: many provinces' plan repositories in one table, with national totals."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dnnd.evaluate import rollup
from dnnd.evaluate.rollup import roll_up
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.plan.periods import parse_period
from tests.acceptance.activity_scenario import SCENARIO
from tests.conftest import EMBEDDED_PLAN, PROJECT, MakeRepo, RunCli

CODES = ("done_on_time", "done_late", "done", "in_progress", "overdue", "ongoing", "waiting")


def update(agency: str, period: str, *entries: tuple[int, str]) -> dict[str, str]:
    lines = [f"agency: {agency}", f"period: {period}", "entries:"]
    for task, status in entries:
        lines += [f"  - task: {task}", f"    status: {status}", "    summary: Đã triển khai theo kế hoạch."]
    return {f"plan/updates/{agency}/{period}.yaml": "\n".join(lines) + "\n"}


def plan_named(plan_id: str, extra: str = "") -> dict[str, str]:
    text = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8")
    assert "id: khanhhoa-dnnd-2020\n" in text
    return {"plan/plan.yaml": text.replace("id: khanhhoa-dnnd-2020\n", f"id: {plan_id}\n") + extra}


def rollup_json(run_cli: RunCli, *args: str, code: int = 0) -> dict[str, Any]:
    result = run_cli("rollup", *args, "--format", "json")
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def status_counts(run_cli: RunCli, repo: Path, *args: str) -> dict[str, int]:
    result = run_cli("status", *args, "--format", "json", repo=repo)
    assert result.exit_code == 0, result.output
    counts: dict[str, int] = json.loads(result.stdout)["counts"]
    return counts


def assert_totals_add_up(document: dict[str, Any]) -> None:
    counted = [province["counts"] for province in document["provinces"] if province["error"] is None]
    assert document["totals"] == {code: sum(counts[code] for counts in counted) for code in CODES}


def test_counts_per_province_match_status_and_totals_add_up(run_cli: RunCli, make_repo: MakeRepo) -> None:
    first = make_repo(name="khanh-hoa")
    second = make_repo({**plan_named("phuyen-dnnd"), **update("lhhn", "2020-Q3", (2, "in_progress"))}, name="phu-yen")
    document = rollup_json(run_cli, str(first), str(second), "--quarter", "2020-Q3")
    assert document["period"] == "2020-Q3"
    assert [province["plan"] for province in document["provinces"]] == ["khanhhoa-dnnd-2020", "phuyen-dnnd"]
    assert [province["repository"] for province in document["provinces"]] == [str(first), str(second)]
    for province, repo in zip(document["provinces"], (first, second), strict=True):
        assert province["counts"] == status_counts(run_cli, repo, "--quarter", "2020-Q3")
        assert (province["error"], province["left_out"]) == (None, 0)
        assert province["title"].startswith("Kế hoạch triển khai Đề án")
    assert_totals_add_up(document)
    assert sum(document["totals"].values()) == 30


def test_missing_agencies_are_named_with_their_tasks(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo(update("lhhn", "2020-Q3", (2, "in_progress")))
    province = rollup_json(run_cli, str(repo), "--quarter", "2020-Q3")["provinces"][0]
    result = run_cli("missing", "--quarter", "2020-Q3", "--format", "json", repo=repo)
    expected = {item["agency"]: item for item in json.loads(result.stdout)["missing"]}
    assert [item["agency"] for item in province["missing"]] == list(expected)
    assert "lhhn" not in expected or 2 not in expected["lhhn"]["tasks"]
    for item in province["missing"]:
        assert (item["name"], item["tasks"], item["quarters"]) == (
            expected[item["agency"]]["name"],
            expected[item["agency"]]["tasks"],
            ["2020-Q3"],
        )


def test_broken_repository_is_reported_and_the_others_still_counted(run_cli: RunCli, make_repo: MakeRepo) -> None:
    good = make_repo(name="good")
    broken = make_repo(
        {**plan_named("broken-plan"), "plan/tasks.yaml": "tasks:\n  - id: 1\n    title: [\n"}, name="broken"
    )
    document = rollup_json(run_cli, str(good), str(broken), "--quarter", "2020-Q3", code=1)
    counted, failed = document["provinces"]
    assert counted["error"] is None and counted["counts"] == status_counts(run_cli, good, "--quarter", "2020-Q3")
    assert failed["plan"] == "broken-plan" and failed["counts"] is None
    assert f"dnnd --repo {broken} validate" in failed["error"]
    assert failed["problems"] and "plan/tasks.yaml" in failed["problems"][0]
    assert document["totals"] == counted["counts"]
    table = run_cli("rollup", str(good), str(broken), "--quarter", "2020-Q3")
    assert table.exit_code == 1
    assert "plan/tasks.yaml" in table.stdout and "validate" in table.stdout
    assert "1/2 kho được tổng hợp" in table.stdout


def test_folder_that_is_not_a_plan_repository(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    good = make_repo(name="good")
    (tmp_path / "empty").mkdir()
    document = rollup_json(run_cli, str(tmp_path / "empty"), str(good), str(tmp_path / "absent"), code=1)
    assert [province["plan"] for province in document["provinces"]] == ["empty", "khanhhoa-dnnd-2020", "absent"]
    for province in (document["provinces"][0], document["provinces"][2]):
        assert "plan/plan.yaml" in province["error"] and province["counts"] is None
    assert_totals_add_up(document)


def test_invalid_update_file_is_left_out_and_counted_per_province(run_cli: RunCli, make_repo: MakeRepo) -> None:
    clean = make_repo(name="clean")
    bad = update("lhhn", "2020-Q3", (2, "finished"))
    dirty = make_repo({**plan_named("dirty-plan"), **bad}, name="dirty")
    document = rollup_json(run_cli, str(clean), str(dirty), "--quarter", "2020-Q3")
    assert [province["left_out"] for province in document["provinces"]] == [0, 1]
    assert document["provinces"][1]["counts"] == document["provinces"][0]["counts"]
    assert document["provinces"][1]["error"] is None
    table = run_cli("rollup", str(clean), str(dirty), "--quarter", "2020-Q3", "--lang", "en")
    assert table.exit_code == 0, table.output
    assert "1 update file(s) with errors were LEFT OUT" in table.stdout


def test_table_shows_each_province_and_the_national_total(run_cli: RunCli, make_repo: MakeRepo) -> None:
    first = make_repo(name="a")
    second = make_repo(plan_named("tinh-thu-hai"), name="b")
    result = run_cli("rollup", str(first), str(second), "--quarter", "2020-Q4")
    assert result.exit_code == 0, result.output
    assert "Tổng hợp toàn quốc — kỳ 2020-Q4, tính đến ngày 14/12/2020" in result.stdout
    assert "(khanhhoa-dnnd-2020)" in result.stdout and "(tinh-thu-hai)" in result.stdout
    assert "Tổng cộng toàn quốc" in result.stdout and "Tổng số 30 nhiệm vụ" in result.stdout
    english = run_cli("--lang", "en", "rollup", str(first), str(second), "--quarter", "2020-Q4")
    assert "National roll-up — period 2020-Q4" in english.stdout and "National total" in english.stdout


def test_csv_has_a_bom_a_row_per_province_and_a_total_row(run_cli: RunCli, make_repo: MakeRepo) -> None:
    first, second = make_repo(name="a"), make_repo(plan_named("tinh-b"), name="b")
    result = run_cli("rollup", str(first), str(second), "--quarter", "2020-Q3", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert [row["plan"] for row in rows] == ["khanhhoa-dnnd-2020", "tinh-b", ""]
    assert rows[2]["title"] == "Tổng cộng toàn quốc"
    for code in (*CODES, "total"):
        assert int(rows[2][code]) == int(rows[0][code]) + int(rows[1][code])
    assert int(rows[2]["total"]) == 30 and rows[0]["error"] == ""


def test_each_province_uses_its_own_reporting_windows(run_cli: RunCli, make_repo: MakeRepo) -> None:
    cutoff = make_repo(name="cutoff")
    calendar = make_repo(plan_named("lich", "\nreporting:\n  windows: calendar\n"), name="calendar")
    document = rollup_json(run_cli, str(cutoff), str(calendar), "--quarter", "2020-Q3")
    assert [province["as_of"] for province in document["provinces"]] == ["2020-09-14", "2020-09-30"]
    assert document["provinces"][1]["counts"] == status_counts(run_cli, calendar, "--quarter", "2020-Q3")
    result = run_cli("rollup", str(cutoff), str(calendar), "--quarter", "2020-Q3")
    assert "tính đến cuối kỳ số liệu của từng tỉnh" in result.stdout


def test_a_wrong_period_is_a_usage_error(run_cli: RunCli, make_repo: MakeRepo) -> None:
    repo = make_repo()
    result = run_cli("rollup", str(repo), "--quarter", "2020-Q5")
    assert result.exit_code == 2
    assert "2020-Q5" in result.output
    assert run_cli("rollup", str(repo), "--quarter", "2020-Q3", "--year", "2020").exit_code == 2


def test_rollup_of_generated_repositories(run_cli: RunCli, tmp_path: Path) -> None:
    script = PROJECT / "benchmarks" / "generate.py"
    arguments = ["--provinces", "3", "--agencies", "6", "--quarters", "4", "--tasks", "5"]
    subprocess.run([sys.executable, str(script), str(tmp_path / "vn"), *arguments], check=True, capture_output=True)
    repos = [tmp_path / "vn" / f"tinh-0{number}" for number in (1, 2, 3)]
    document = rollup_json(run_cli, *map(str, repos), "--quarter", "2021-Q1")
    assert [province["plan"] for province in document["provinces"]] == ["gia-lap-01", "gia-lap-02", "gia-lap-03"]
    for province, repo in zip(document["provinces"], repos, strict=True):
        assert (province["error"], province["left_out"], province["period"]) == (None, 0, "2021-Q1")
        assert province["counts"] == status_counts(run_cli, repo, "--quarter", "2021-Q1")
        assert sum(province["counts"].values()) == 5
    assert_totals_add_up(document)
    assert sum(document["totals"].values()) == 15


def test_parallel_roll_up_gives_the_serial_result(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = make_repo({**plan_named("broken"), "plan/tasks.yaml": "tasks: [\n"}, name="broken")
    repos = [
        make_repo({**plan_named(f"p{index}"), **update("lhhn", "2020-Q3", (2, "in_progress"))}, name=f"p{index}")
        for index in range(3)
    ]
    directories = [repos[0], broken, *repos[1:]]
    choice, today = PeriodChoice(parse_period("2020-Q3")), dt.date(2026, 11, 26)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    told: list[str] = []
    parallel = roll_up(directories, choice, today=today, done=lambda province: told.append(province.repository))
    assert told == [str(directory) for directory in directories]  # told in order, as each arrives
    monkeypatch.setattr(rollup, "workers_for", lambda count: 1)
    assert parallel == roll_up(directories, choice, today=today)
    assert [province.failed for province in parallel.provinces] == [False, True, False, False]


@pytest.mark.parametrize("columns", [80, 120, 300])
def test_the_table_fits_the_terminal(make_repo: MakeRepo, columns: int) -> None:
    from typer.testing import CliRunner

    from dnnd.cli.app import app

    repos = [str(make_repo(plan_named(name), name=name)) for name in ("khanh-hoa", "phu-yen")]
    result = CliRunner().invoke(app, ["rollup", *repos, "--quarter", "2020-Q4"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) <= columns
    assert ("Xong đúng hạn ┃" in result.output) == (columns == 300)  # a column per status only when they fit
    assert ("Cửa sổ hẹp" in result.output) == (columns != 300)


def test_a_repository_given_twice_is_refused_not_counted_twice(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo(name="khanh-hoa")
    result = run_cli("rollup", str(root), str(root / "plan" / ".."), "--lang", "en")
    assert result.exit_code == 2
    assert "is given twice" in result.output and "each province counts once" in result.output


def test_two_copies_of_one_plan_are_refused_with_both_named(run_cli: RunCli, make_repo: MakeRepo) -> None:
    first, copy = make_repo(name="khanh-hoa"), make_repo(name="ban-sao")
    result = run_cli("rollup", str(first), str(copy))
    assert result.exit_code == 2
    assert f"kho '{copy}' và kho '{first}' cùng là kế hoạch 'khanhhoa-dnnd-2020'" in result.output
    assert "mỗi kế hoạch chỉ được tính một lần" in result.output


def test_national_figures_add_up_each_provinces_figures(run_cli: RunCli, make_repo: MakeRepo) -> None:
    khanh_hoa = make_repo(SCENARIO, name="khanh-hoa")
    plan = SCENARIO["plan/plan.yaml"].replace("id: khanhhoa-dnnd-2020\n", "id: phuyen-dnnd\n")
    phu_yen = make_repo({**SCENARIO, "plan/plan.yaml": plan.replace("province: Khánh Hòa", "province: Phú Yên")})
    document = rollup_json(run_cli, str(khanh_hoa), str(phu_yen), "--quarter", "2020-Q4")
    provinces = document["provinces"]
    assert [province["province"] for province in provinces] == ["Khánh Hòa", "Phú Yên"]
    one = provinces[0]["figures"]
    assert one["delegation_in"] == {"activities": 2, "people": 18, "countries": {"JP": 1, "KR": 2}}
    assert document["figures"]["delegation_in"] == {"activities": 4, "people": 36, "countries": {"JP": 2, "KR": 4}}
    assert document["figures"]["aid"]["pledged"] == {"VND": 3000000000, "USD": 10000}
    assert document["figures"]["aid"]["pledged_vnd_equivalent"] == 2 * (1500000000 + 5000 * 23000)
    result = run_cli("rollup", str(khanh_hoa), str(phu_yen), "--quarter", "2020-Q4", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert [row["activities_delegation_in"] for row in rows] == ["2", "2", "4"]
