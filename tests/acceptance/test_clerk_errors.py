"""Gentler errors for clerks (issue 16), through the command line: an entry's problems name its task, a wrong
status word hides nothing, a held task left out is warned of, and --status takes the statuses' names."""

from __future__ import annotations

import json

from tests.conftest import MakeRepo, RunCli
from tests.git_helpers import update

LHHN = "plan/updates/lhhn/2020-Q3.yaml"
HELD = (3, 4, 5, 6, 7, 11, 12, 13, 14, 15)  # what lhhn holds in 2020-Q3 but task 2, which it supports


def test_a_clerks_file_is_fixed_in_one_round_then_validates_with_a_warning(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    text = update("lhhn", "2020-Q3", *((task, "in_progress") for task in HELD))[LHHN]
    repo = make_repo({LHHN: text.replace("status: in_progress", "status: Đã hoàn thành", 1)})
    first = run_cli("validate", repo=repo)
    assert first.exit_code == 1
    assert first.output.splitlines()[:2] == [
        f"{LHHN}:4:5: nhiệm vụ 3 (entries[0]).done_on: status là done nên phải ghi done_on: ngày hoàn thành (YYYY-MM-DD)",
        f"{LHHN}:5:13: nhiệm vụ 3 (entries[0]).status: giá trị 'Đã hoàn thành' không hợp lệ: dùng 'done' (Đã hoàn thành)",
    ]
    (repo / LHHN).write_text(text, encoding="utf-8")  # the one entry fixed: all it needed was told at once
    second = run_cli("validate", repo=repo)
    assert second.exit_code == 0
    assert second.stdout == "Hợp lệ: 15 nhiệm vụ, 21 cơ quan, 1 tệp báo cáo; không có lỗi.\n"
    assert second.stderr == (
        f"Cảnh báo: {LHHN}: entries: lhhn phối hợp nhiệm vụ 2 nhưng tệp 2020-Q3 không có mục cho nhiệm vụ này\n"
    )


def test_status_takes_a_status_name_as_well_as_its_code(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo()
    by_code = run_cli("status", "--quarter", "2020-Q4", "--status", "overdue", "--format", "json", repo=repo)
    by_name = run_cli(
        "status", "--quarter", "2020-Q4", "--status", "quá hạn chưa hoàn thành", "--format", "json", repo=repo
    )
    assert by_code.exit_code == by_name.exit_code == 0
    assert [item["task"] for item in json.loads(by_name.stdout)["tasks"]] == [4, 8, 13]
    assert by_name.stdout == by_code.stdout
    wrong = run_cli("status", "--status", "trễ hạn", "--lang", "en", repo=repo)
    assert wrong.exit_code == 2
    assert "no status 'trễ hạn'; use one of: done_on_time (Done on time)," in wrong.output
    assert "overdue (Overdue, not done)" in wrong.output
