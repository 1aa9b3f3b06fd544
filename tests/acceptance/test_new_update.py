"""`dnnd new-update`: an agency's quarterly update file, already listing the tasks it holds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import EMBEDDED_PLAN, MakeRepo, RunCli
from tests.git_helpers import update

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/update.schema.json"
LHHN_Q3 = [2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15]


def scaffold(run_cli: RunCli, root: Path, agency: str, quarter: str) -> tuple[str, list[int]]:
    """Run new-update; the file's text and the tasks of its entries."""
    result = run_cli("new-update", "--agency", agency, "--quarter", quarter, repo=root)
    assert result.exit_code == 0, result.output
    text = (root / "plan" / "updates" / agency / f"{quarter}.yaml").read_text(encoding="utf-8")
    return text, [entry["task"] for entry in yaml.safe_load(text)["entries"]]


def events_occurred(day: str) -> dict[str, str]:
    text = (EMBEDDED_PLAN / "events.yaml").read_text(encoding="utf-8")
    assert text.count("occurred_on: null") == 2
    return {"plan/events.yaml": text.replace("occurred_on: null", f"occurred_on: {day}")}


def test_first_line_names_the_schema_and_each_task_has_its_text_above(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    text, tasks = scaffold(run_cli, root, "lhhn", "2020-Q3")
    lines = text.splitlines()
    assert lines[0] == SCHEMA_LINE
    assert tasks == LHHN_Q3
    titles = {task["id"]: task["title"] for task in yaml.safe_load((root / "plan/tasks.yaml").read_text())["tasks"]}
    for number in tasks:
        index = lines.index(f"  - task: {number}")
        comments = [line for line in lines[index - 3 : index] if line.lstrip().startswith("#")]
        assert any(f"Nhiệm vụ {number} " in line and titles[number] in line for line in comments), lines[
            index - 3 : index
        ]
    document = yaml.safe_load(text)
    assert (document["agency"], document["period"]) == ("lhhn", "2020-Q3")


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, [2, 3, 4, 5, 13, 15]),  # tasks 1, 9 and 10 wait for the ministries' guidance
        (events_occurred("2020-07-01"), [1, 2, 3, 4, 5, 9, 10, 13, 15]),
        (events_occurred("2020-12-01"), [2, 3, 4, 5, 13, 15]),  # guidance only after the quarter's cut-off
    ],
)
def test_waiting_tasks_are_left_out_until_their_events_occur(
    run_cli: RunCli, make_repo: MakeRepo, files: dict[str, str], expected: list[int]
) -> None:
    assert scaffold(run_cli, make_repo(files), "snv", "2020-Q3")[1] == expected


def test_once_task_done_before_the_quarter_is_left_out(run_cli: RunCli, make_repo: MakeRepo) -> None:
    assert 4 in scaffold(run_cli, make_repo(), "lhhn", "2020-Q4")[1]  # overdue: still reported on
    done = update("sngv", "2020-Q3", (4, "done", "2020-08-01"))
    tasks = scaffold(run_cli, make_repo(done, name="done"), "lhhn", "2020-Q4")[1]
    assert 4 not in tasks
    assert tasks == [2, 3, 5, 6, 7, 11, 12, 13, 14, 15]


def test_placeholders_fail_validation_until_filled_in(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    text, _ = scaffold(run_cli, root, "lhhn", "2020-Q3")
    result = run_cli("validate", repo=root)
    assert result.exit_code == 1
    assert "plan/updates/lhhn/2020-Q3.yaml" in result.output
    assert "nhiệm vụ 2 (entries[0]).status" in result.output and "nhiệm vụ 2 (entries[0]).summary" in result.output
    filled = text.replace('status: ""', "status: in_progress").replace('summary: ""', "summary: Đã triển khai.")
    (root / "plan/updates/lhhn/2020-Q3.yaml").write_text(filled, encoding="utf-8")
    result = run_cli("validate", repo=root)
    assert result.exit_code == 0, result.output
    assert "1 tệp báo cáo" in result.output


def test_next_steps_are_printed(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("new-update", "--agency", "lhhn", "--quarter", "2020-Q3", repo=make_repo())
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "Đã tạo plan/updates/lhhn/2020-Q3.yaml với các nhiệm vụ: 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15." in output
    assert "Bước tiếp theo" in output
    assert "dnnd validate" in output
    assert "git add plan/updates/lhhn/2020-Q3.yaml" in output
    assert "pull request" in output


def test_english_next_steps(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("--lang", "en", "new-update", "--agency", "snv", "--quarter", "2020-Q3", repo=make_repo())
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "Created plan/updates/snv/2020-Q3.yaml with tasks: 2, 3, 4, 5, 13, 15." in output
    assert "Next steps" in output and "dnnd validate" in output and "pull request" in output


def test_never_overwrites(run_cli: RunCli, make_repo: MakeRepo) -> None:
    own = "agency: lhhn\nperiod: 2020-Q3\nentries: []  # viết tay\n".encode()
    root = make_repo({"plan/updates/lhhn/2020-Q3.yaml": own.decode()})
    result = run_cli("new-update", "--agency", "lhhn", "--quarter", "2020-Q3", repo=root)
    assert result.exit_code == 1
    assert "plan/updates/lhhn/2020-Q3.yaml đã có" in result.output
    assert "Traceback" not in result.output
    assert (root / "plan/updates/lhhn/2020-Q3.yaml").read_bytes() == own


@pytest.mark.parametrize(
    ("agency", "quarter", "message"),
    [
        ("xyz", "2020-Q3", "không có cơ quan mã 'xyz'"),
        ("lienquan", "2020-Q3", "'lienquan' là nhóm hoặc cơ quan ngoài tỉnh: không gửi báo cáo"),
        ("bng", "2020-Q3", "'bng' là nhóm hoặc cơ quan ngoài tỉnh"),
        ("lhhn", "2020-Q5", "--quarter '2020-Q5' không đúng dạng"),
        ("lhhn", "2020-H1", "--quarter '2020-H1' không đúng dạng"),
        ("lhhn", "Q3-2020", "--quarter 'Q3-2020' không đúng dạng"),
    ],
)
def test_clear_errors(run_cli: RunCli, make_repo: MakeRepo, agency: str, quarter: str, message: str) -> None:
    root = make_repo()
    result = run_cli("new-update", "--agency", agency, "--quarter", quarter, repo=root)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (root / "plan" / "updates").exists()
