"""The rules of `activities:` as validate, check-changes and new-update apply them, each breach at its line."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.acceptance.activity_scenario import SCENARIO, activities
from tests.conftest import MakeRepo, RunCli
from tests.git_helpers import branch, commit, init

LOCK_Q3 = {"plan/locks.yaml": "locks:\n  - period: 2020-Q3\n    locked_on: 2020-09-20\n"}
VALID = {rel: text for rel, text in SCENARIO.items() if "/snv/" not in rel}  # without its invalid file
VISIT = {"kind": "delegation_in", "title": "Đoàn Nhật Bản", "start": "2020-10-01", "partner": "Hội A"}


def validate(run_cli: RunCli, root: Path) -> tuple[int, list[str]]:
    result = run_cli("validate", repo=root)
    return result.exit_code, result.output.splitlines()


def test_a_start_after_the_files_window_is_an_error_at_its_line(run_cli: RunCli, make_repo: MakeRepo) -> None:
    code, lines = validate(run_cli, make_repo(SCENARIO))
    assert code == 1
    assert lines[0] == (
        "plan/updates/snv/2020-Q4.yaml:11:10: activities[1].start: hoạt động bắt đầu ngày 20/12/2020, sau ngày chốt "
        "số liệu của kỳ 2020-Q4 (14/12/2020): báo cáo nó trong tệp của kỳ sau"
    )
    assert lines[1] == "Có 1 lỗi trong 1 tệp. Sửa theo hướng dẫn ở từng dòng rồi chạy lại `dnnd validate`."


def test_a_late_report_is_a_warning_naming_the_activity_and_its_period(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("validate", repo=make_repo(VALID))
    assert result.exit_code == 0 and result.stdout.startswith("Hợp lệ:")
    warnings = result.stderr.splitlines()
    assert warnings[0] == (
        "Cảnh báo: plan/updates/lhhn/2020-Q4.yaml: activities[2]: hoạt động 'Giao lưu Việt Nam - Lào' bắt đầu ngày "
        "01/09/2020, trước kỳ 2020-Q4 của tệp: báo cáo muộn, được tính vào kỳ 2020-Q3"
    )
    assert "được báo cáo với ngày bắt đầu khác nhau (lhhn 05/10/2020, sngv 06/10/2020)" in warnings[1]


def test_a_late_report_into_a_locked_period_is_an_error_naming_the_lock(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo({**VALID, **LOCK_Q3})
    code, lines = validate(run_cli, root)
    assert code == 1
    assert lines[0].startswith("plan/updates/lhhn/2020-Q4.yaml:")
    assert "thuộc kỳ 2020-Q3, nằm trong kỳ 2020-Q3 đã khóa ngày 20/09/2020" in lines[0]
    assert "`dnnd unlock`" in lines[0]


def test_codes_are_checked_with_what_to_write_instead(run_cli: RunCli, make_repo: MakeRepo) -> None:
    aid = {"kind": "aid", "title": "Quà", "start": "2020-10-03", "countries": ["JPN", "uk"], "partner": "P"}
    aid |= {"aid_type": "grant", "pledged": {"amount": "1.500.000", "currency": "usd"}}
    code, lines = validate(run_cli, make_repo(activities("sngv", "2020-Q4", [aid, {**VISIT, "kind": "meeting"}])))
    assert code == 1
    text = "\n".join(lines)
    assert "activities[0].countries[0]: 'JPN' không phải mã nước ISO 3166-1: viết JP (Nhật Bản)" in text
    assert "activities[0].countries[1]: 'uk' không phải mã nước ISO 3166-1: viết GB (Anh)" in text
    assert "activities[0].aid_type: giá trị 'grant' không hợp lệ; chọn một trong: project, non_project" in text
    assert "activities[0].pledged.amount: phải là một số nguyên, không phải '1.500.000'" in text
    assert "activities[0].pledged.currency: 'usd' không phải mã tiền tệ ISO 4217: viết USD" in text
    assert "activities[1].kind: giá trị 'meeting' không hợp lệ" in text
    assert all(line.startswith("plan/updates/sngv/2020-Q4.yaml:") for line in lines[:6])


def test_each_kind_asks_for_its_own_fields(run_cli: RunCli, make_repo: MakeRepo) -> None:
    other = {"kind": "other", "title": "Việc khác", "start": "2020-10-02"}
    bare = {"kind": "delegation_out", "title": "Đoàn ra", "start": "2020-10-02", "count": 3}
    code, lines = validate(run_cli, make_repo(activities("sngv", "2020-Q4", [other, bare])))
    assert code == 1
    fields = [line.split(": ")[1] for line in lines if line.startswith("plan/")]
    assert fields == ["activities[0].note", "activities[1].countries", "activities[1].partner", "activities[1].count"]


def test_tasks_must_exist_and_a_ref_is_reported_once_per_file(run_cli: RunCli, make_repo: MakeRepo) -> None:
    twice = [{**VISIT, "countries": ["JP"], "ref": "5/QĐ-UBND", "tasks": [99]}]
    twice.append({**twice[0], "title": "Lại đoàn đó", "ref": "5/qđ-ubnd", "tasks": [7]})
    code, lines = validate(run_cli, make_repo(activities("sngv", "2020-Q4", twice)))
    assert code == 1
    text = "\n".join(lines)
    assert "activities[0].tasks" in text and "99" in text
    assert "activities[1].ref" in text and "5/qđ-ubnd" in text


def test_a_file_of_activities_only_leaves_its_agency_missing_for_its_tasks(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    root = make_repo(activities("lhhn", "2020-Q4", [{**VISIT, "countries": ["JP"]}]))
    result = run_cli("missing", "--quarter", "2020-Q4", "--format", "json", repo=root)
    assert result.exit_code == 0, result.output
    assert "lhhn" in result.stdout
    assert run_cli("stats", "--quarter", "2020-Q4", "--format", "json", repo=root).stdout.count('"lhhn"') >= 1


def test_check_changes_refuses_a_late_activity_in_a_locked_period(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo(LOCK_Q3))
    branch(root, "pr")
    late = {**VISIT, "countries": ["JP"], "start": "2020-09-01"}
    commit(root, activities("lhhn", "2020-Q4", [late]), "Báo cáo quý IV", date="2020-12-10T10:00:00+07:00")
    result = run_cli("check-changes", "--base", "main", "--agency", "lhhn", repo=root)
    assert result.exit_code == 1
    assert "plan/updates/lhhn/2020-Q4.yaml" in result.output and "đã khóa ngày 20/09/2020" in result.output


def test_new_update_writes_an_example_that_validates_once_uncommented(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    assert run_cli("new-update", "--agency", "lhhn", "--quarter", "2020-Q4", repo=root).exit_code == 0
    path = root / "plan/updates/lhhn/2020-Q4.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("# activities:")
    example = [line[2:] for line in lines[start:]]
    listed = yaml.safe_load("\n".join(example).replace("…", "X"))["activities"]
    path.write_text(activities("lhhn", "2020-Q4", listed)["plan/updates/lhhn/2020-Q4.yaml"], encoding="utf-8")
    assert [item["kind"] for item in listed] == ["delegation_in", "aid", "media"]
    assert validate(run_cli, root)[0] == 0


def test_a_report_that_would_change_a_locked_quarters_figures_is_an_error(run_cli: RunCli, make_repo: MakeRepo) -> None:
    event = {"kind": "event", "title": "Hội thảo", "start": "2020-10-05", "people": 30, "ref": "1/KH"}
    again = {**event, "start": "2021-01-10", "people": 300, "countries": ["JP"], "ref": "1 / kh"}
    lock = {"plan/locks.yaml": "locks:\n  - period: 2020-Q4\n    locked_on: 2020-12-20\n"}
    root = make_repo({**activities("lhhn", "2020-Q4", [event]), **activities("sngv", "2021-Q1", [again]), **lock})
    code, lines = validate(run_cli, root)
    assert code == 1
    assert lines[0].startswith("plan/updates/sngv/2021-Q1.yaml: activities[0].ref: hoạt động event số 1/KH đã được")
    assert "tính vào kỳ 2020-Q4 (báo cáo trong plan/updates/lhhn/2020-Q4.yaml" in lines[0]
    assert "đã khóa ngày 20/12/2020" in lines[0]
    figures = json.loads(run_cli("stats", "--quarter", "2020-Q4", "--format", "json", repo=root).stdout)
    assert figures["totals"]["event"] == {"activities": 1, "people": 30, "countries": {}}  # as issued
