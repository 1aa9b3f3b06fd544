"""`dnnd init DIR`: a plan repository to fill in by hand, with schema, CODEOWNERS and workflow."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dnnd import __version__
from tests.conftest import RunCli


@pytest.fixture
def repo(run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    result = run_cli("init", "nuoc")
    assert result.exit_code == 0, result.output
    return tmp_path / "nuoc"


def test_new_repository_validates_with_a_no_tasks_warning(run_cli: RunCli, repo: Path) -> None:
    result = run_cli("validate", repo=repo)
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "kế hoạch chưa có nhiệm vụ nào" in output
    english = run_cli("--lang", "en", "validate", repo=repo)
    assert "the plan has no tasks yet" in " ".join(english.output.split())


def test_new_repository_has_the_plan_files_and_repository_files(repo: Path) -> None:
    for rel in ("plan/plan.yaml", "plan/agencies.yaml", "plan/tasks.yaml", "plan/events.yaml", "plan/updates"):
        assert (repo / rel).exists(), rel
    schemas = sorted(path.name for path in (repo / "schema").glob("*.schema.json"))
    assert {"plan.schema.json", "agencies.schema.json", "tasks.schema.json", "update.schema.json"} <= set(schemas)
    assert (repo / ".github" / "CODEOWNERS").is_file()
    assert (repo / ".github" / "workflows" / "dnnd.yml").is_file()
    assert yaml.safe_load((repo / "plan" / "tasks.yaml").read_text(encoding="utf-8")) == {"tasks": []}


def test_workflow_installs_dnnd_by_version_or_from_a_repository_variable(repo: Path) -> None:
    text = (repo / ".github" / "workflows" / "dnnd.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    steps = workflow["jobs"]["check"]["steps"]
    install = next(step["run"] for step in steps if "pip install" in step.get("run", ""))
    assert f"dnnd=={__version__}" in install and "DNND_SOURCE" in install
    assert workflow["jobs"]["check"]["env"]["DNND_SOURCE"] == "${{ vars.DNND_SOURCE }}"
    for own_folder in ("pip install .", "pip install -e", "pip install ./", '"."'):
        assert own_folder not in install
    assert any(step.get("run") == "dnnd validate" for step in steps)


def test_workflow_runs_in_a_shell_that_understands_the_default(repo: Path) -> None:
    """${DNND_SOURCE:-dnnd==X} is evaluated by the runner's bash: empty variable -> the released version."""
    import subprocess

    install = next(
        line for line in (repo / ".github/workflows/dnnd.yml").read_text().splitlines() if "pip install" in line
    )
    command = install.split("run:", 1)[1].strip().replace("pip install", "echo")
    for source, expected in (
        ("", f"dnnd=={__version__}"),
        ("git+https://example.org/dnnd@v1", "git+https://example.org/dnnd@v1"),
    ):
        done = subprocess.run(["bash", "-c", command], env={"DNND_SOURCE": source}, capture_output=True, text=True)
        assert done.stdout.strip() == expected


def test_refuses_an_existing_plan(run_cli: RunCli, repo: Path) -> None:
    plan = repo / "plan" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "# đã sửa tay\n", encoding="utf-8")
    before = {path: path.read_bytes() for path in repo.rglob("*") if path.is_file()}
    result = run_cli("init", str(repo))
    assert result.exit_code == 2, result.output
    assert "không ghi đè" in " ".join(result.output.split())
    assert {path: path.read_bytes() for path in repo.rglob("*") if path.is_file()} == before


def test_refuses_a_plan_folder_with_files(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "kho" / "plan").mkdir(parents=True)
    (tmp_path / "kho" / "plan" / "tasks.yaml").write_text("tasks: []\n", encoding="utf-8")
    result = run_cli("init", str(tmp_path / "kho"))
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "kho" / "plan" / "plan.yaml").exists()


def test_init_into_an_empty_existing_folder(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "kho" / "plan").mkdir(parents=True)
    assert run_cli("init", str(tmp_path / "kho")).exit_code == 0
    assert run_cli("validate", repo=tmp_path / "kho").exit_code == 0
