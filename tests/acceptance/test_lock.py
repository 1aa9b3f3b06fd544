"""`dnnd lock` / `dnnd unlock`: periods whose report was issued, recorded in plan/locks.yaml."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from dnnd.workflow.locks import locked_quarters, parse_locks
from tests.conftest import MakeRepo, RunCli
from tests.git_helpers import FOCAL, branch, commit, init, update


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_lock_writes_locks_file_that_validates(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    result = run_cli("lock", "2020-Q3", "--note", "Báo cáo số 12/BC-SNgV", repo=root)
    assert result.exit_code == 0, result.output
    assert "Đã khóa kỳ 2020-Q3" in one_line(result.output) and "plan/locks.yaml" in result.output
    data = yaml.safe_load((root / "plan/locks.yaml").read_text(encoding="utf-8"))
    assert data == {"locks": [{"period": "2020-Q3", "locked_on": dt.date.today(), "note": "Báo cáo số 12/BC-SNgV"}]}
    assert run_cli("lock", "2021", repo=root).exit_code == 0
    assert [lock["period"] for lock in yaml.safe_load((root / "plan/locks.yaml").read_text())["locks"]] == [
        "2020-Q3",
        "2021",
    ]
    result = run_cli("validate", repo=root)
    assert result.exit_code == 0, result.output


def test_locking_twice_is_an_error(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    assert run_cli("lock", "2020-H2", repo=root).exit_code == 0
    before = (root / "plan/locks.yaml").read_bytes()
    result = run_cli("lock", "2020-H2", repo=root)
    assert result.exit_code == 1
    assert "kỳ 2020-H2 đã được khóa" in result.output
    assert (root / "plan/locks.yaml").read_bytes() == before


def test_unlock_removes_the_lock_and_says_what_it_does(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    for period in ("2020-Q3", "2020-Q4"):
        assert run_cli("lock", period, repo=root).exit_code == 0
    result = run_cli("unlock", "2020-Q3", repo=root)
    assert result.exit_code == 0, result.output
    output = one_line(result.output)
    assert "Đã mở khóa kỳ 2020-Q3" in output and "lại có thể được sửa" in output
    assert "pull request riêng" in output
    assert "pull request vừa mở khóa vừa sửa báo cáo vẫn bị từ chối" in output
    periods = [lock["period"] for lock in yaml.safe_load((root / "plan/locks.yaml").read_text())["locks"]]
    assert periods == ["2020-Q4"]
    assert run_cli("validate", repo=root).exit_code == 0


def test_unlock_in_english(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    assert run_cli("lock", "2020-Q3", repo=root).exit_code == 0
    output = one_line(run_cli("--lang", "en", "unlock", "2020-Q3", repo=root).output)
    assert "Unlocked 2020-Q3" in output and "one that unlocks and edits at once is still refused" in output


def test_unlocking_what_is_not_locked_is_an_error(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    result = run_cli("unlock", "2020-Q3", repo=root)
    assert result.exit_code == 1
    assert "kỳ 2020-Q3 không bị khóa" in result.output
    assert not (root / "plan/locks.yaml").exists()


@pytest.mark.parametrize("command", ["lock", "unlock"])
@pytest.mark.parametrize("period", ["2020-Q5", "2020-H3", "Q3-2020", "2020-Q", "20"])
def test_bad_period_exits_2(run_cli: RunCli, make_repo: MakeRepo, command: str, period: str) -> None:
    root = make_repo()
    result = run_cli(command, period, repo=root)
    assert result.exit_code == 2
    assert f"kỳ '{period}' không đúng dạng" in result.output
    assert "Traceback" not in result.output
    assert not (root / "plan/locks.yaml").exists()


@pytest.mark.parametrize(
    ("period", "quarters"),
    [
        ("2020-Q3", ["2020-Q3"]),
        ("2020-H1", ["2020-Q1", "2020-Q2"]),
        ("2020", ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"]),
    ],
)
def test_locked_quarters(period: str, quarters: list[str]) -> None:
    locks = parse_locks(f"locks:\n  - period: '{period}'\n    locked_on: 2020-12-20\n".encode())
    found = locked_quarters(locks)
    assert sorted(quarter.name for quarter in found) == quarters
    assert set(found.values()) == {period}


def test_half_year_lock_output_names_both_quarters(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("lock", "2020-H2", repo=make_repo())
    assert result.exit_code == 0, result.output
    assert "báo cáo các quý 2020-Q3, 2020-Q4 và phần báo cáo của cơ quan đầu mối không được sửa nữa" in one_line(
        result.output
    )


@pytest.mark.parametrize(("quarter", "refused"), [("2020-Q3", True), ("2020-Q4", True), ("2021-Q1", False)])
def test_half_year_lock_locks_both_quarters(run_cli: RunCli, make_repo: MakeRepo, quarter: str, refused: bool) -> None:
    root = init(make_repo(update("lhhn", quarter, (2, "in_progress"))))
    assert run_cli("lock", "2020-H2", repo=root).exit_code == 0
    commit(root, {}, "Khóa 2020-H2", author=FOCAL)
    branch(root, "pr")
    commit(root, update("lhhn", quarter, (5, "in_progress")))
    result = run_cli("check-changes", "--base", "main", "--agency", "lhhn", repo=root)
    assert result.exit_code == (1 if refused else 0), result.output
    assert (
        f"kỳ 2020-H2 đã khóa (báo cáo đã ban hành): không được sửa báo cáo quý {quarter}" in result.output
    ) == refused


def test_unlock_says_which_quarters_another_lock_still_holds(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    for period in ("2020", "2020-H2"):
        assert run_cli("lock", period, repo=root).exit_code == 0
    result = run_cli("unlock", "2020", repo=root)
    assert result.exit_code == 0, result.output
    assert "báo cáo các quý 2020-Q1, 2020-Q2 lại có thể được sửa" in result.output
    assert "Vẫn còn khóa bởi kỳ khác: 2020-Q3 (2020-H2), 2020-Q4 (2020-H2)" in result.output
