"""Update files only for quarters that can be reported on: validate, check-changes and new-update refuse a
quarter not begun (a mistyped year) or one before the plan's first reporting period."""

from __future__ import annotations

import pytest

from tests.conftest import MakeRepo, RunCli
from tests.git_helpers import branch, commit, init, update


@pytest.mark.parametrize(
    ("name", "says"),
    [("2099-Q3", "kỳ 2099-Q3 chưa bắt đầu (số liệu từ ngày 15/06/2099"), ("2020-Q2", "trước kỳ báo cáo đầu tiên")],
)
def test_validate_refuses_the_file_and_names_the_periods_allowed(
    run_cli: RunCli, make_repo: MakeRepo, name: str, says: str
) -> None:
    result = run_cli("validate", repo=make_repo(update("lhhn", name, (2, "in_progress"))))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"plan/updates/lhhn/{name}.yaml: period: ")  # data errors go to stderr
    assert says in result.stderr and "các kỳ được báo cáo: từ 2020-Q3 đến " in result.stderr


@pytest.mark.parametrize("name", ["2099-Q3", "2020-Q2"])
def test_new_update_writes_nothing_for_such_a_quarter(run_cli: RunCli, make_repo: MakeRepo, name: str) -> None:
    root = make_repo()
    result = run_cli("new-update", "--agency", "lhhn", "--quarter", name, repo=root)
    assert result.exit_code == 2 and "các kỳ được báo cáo: từ 2020-Q3 đến " in result.output
    assert not (root / "plan/updates/lhhn").exists()


def test_check_changes_fails_a_pull_request_for_a_mistyped_year(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    branch(root, "pr")
    commit(root, update("lhhn", "2099-Q4", (2, "in_progress")), "Báo cáo quý IV")
    result = run_cli("check-changes", "--base", "main", "--agency", "lhhn", repo=root)
    assert result.exit_code == 1 and "kỳ 2099-Q4 chưa bắt đầu" in result.output
