"""Text from a data file never starts a line of its own in dnnd's output: no forged GitHub annotation, no
hidden or reordered text."""

from __future__ import annotations

import json

from tests.conftest import MakeRepo, RunCli
from tests.git_helpers import branch, commit, init

FORGED = '"bad\\n::error file=plan/plan.yaml,line=1::Ke hoach bi hong"'
UPDATE = "agency: lhhn\nperiod: 2020-Q3\nentries:\n  - task: 5\n    status: in_progress\n    summary: Đã làm.\n"


def forged_update(copies: int = 1) -> dict[str, str]:
    """Update files whose entry has a key holding a newline and a GitHub annotation command."""
    return {
        f"plan/updates/lhhn/{2020 + number // 4}-Q{number % 4 + 1}.yaml": UPDATE.replace(
            "2020-Q3", f"{2020 + number // 4}-Q{number % 4 + 1}"
        )
        + f"    {FORGED}: x\n"
        for number in range(2, 2 + copies)
    }


def test_validate_shows_a_newline_in_a_key_as_an_escape(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("validate", repo=make_repo(forged_update()))
    assert result.exit_code == 1
    assert not any(line.startswith("::") for line in result.output.splitlines())
    assert "bad\\n::error file=plan/plan.yaml" in result.output


def test_no_annotation_can_be_forged_past_the_tenth(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    branch(root, "pr")
    commit(root, forged_update(12), "Nhiều tệp")
    result = run_cli("check-changes", "--base", "main", "--format", "github", repo=root)
    assert result.exit_code == 1
    annotations = [line for line in result.output.splitlines() if line.startswith("::")]
    assert len(annotations) == 10  # ten of ours, then log lines; the forged one never stands alone
    assert all(line.startswith("::error file=plan/updates/lhhn/") for line in annotations)
    forged = [line for line in result.output.splitlines() if "Ke hoach bi hong" in line]
    assert len(forged) == 12 and all("%0A::error" in line or "\\n::error" in line for line in forged)


def test_json_keeps_the_data_as_written(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo({"plan/updates/lhhn/2020-Q3.yaml": UPDATE.replace("Đã làm.", '"Dòng một\\nDòng hai"')})
    result = run_cli("status", "--quarter", "2020-Q3", "--format", "json", repo=root)
    latest = json.loads(result.stdout)["tasks"][4]["latest"]
    assert [item["summary"] for item in latest if item["agency"] == "lhhn"] == ["Dòng một\nDòng hai"]
