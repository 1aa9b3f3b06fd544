"""`dnnd init DIR`: a plan repository to fill in by hand, with schema, CODEOWNERS and workflow."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dnnd import __version__
from tests.conftest import PROJECT, RunCli


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
    assert (repo / ".github" / "workflows" / "pages.yml").is_file()
    assert yaml.safe_load((repo / "plan" / "tasks.yaml").read_text(encoding="utf-8")) == {"tasks": []}


def test_workflow_installs_dnnd_from_the_repository_variable_never_a_version_not_published(repo: Path) -> None:
    text = (repo / ".github" / "workflows" / "dnnd.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    steps = workflow["jobs"]["check"]["steps"]
    install = next(step["run"] for step in steps if "pip install" in step.get("run", ""))
    assert f"dnnd=={__version__}" not in install and 'pip install "$DNND_SOURCE"' in install
    assert workflow["jobs"]["check"]["env"]["DNND_SOURCE"] == "${{ vars.DNND_SOURCE }}"
    for own_folder in ("pip install .", "pip install -e", "pip install ./", '"."'):
        assert own_folder not in install
    assert any(step.get("run") == "dnnd validate" for step in steps)


def test_workflow_runs_in_a_shell_that_understands_the_default(run_cli: RunCli, tmp_path: Path) -> None:
    """${DNND_SOURCE:-SOURCE} is evaluated by the runner's bash: an empty variable -> the source recorded."""
    import subprocess

    recorded = "git+https://example.org/dnnd@abc123"
    assert run_cli("init", str(tmp_path / "kho"), "--dnnd-source", recorded).exit_code == 0
    install = next(step["run"] for step in _steps(tmp_path / "kho") if "pip install" in step.get("run", ""))
    command = install.replace("pip install", "echo")
    for source, expected in (("", recorded), ("git+https://example.org/dnnd@v1", "git+https://example.org/dnnd@v1")):
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


def test_the_generated_workflow_installs_dnnd_from_the_source_given_then_validates(
    run_cli: RunCli, tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    root = tmp_path / "kho"
    result = run_cli("init", str(root), "--dnnd-source", str(PROJECT))
    assert result.exit_code == 0 and f"GitHub Actions cài dnnd từ: {PROJECT}" in result.stdout
    steps = {step.get("name"): step["run"] for step in _steps(root) if "run" in step}
    # a fresh environment that borrows this one's libraries (a .pth file), as a CI machine would have them
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    site = next(venv.glob("lib/python*/site-packages"))
    (site / "deps.pth").write_text("\n".join(sysconfig_paths()) + "\n", encoding="utf-8")
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "DNND_SOURCE": ""}
    env |= {"PIP_NO_DEPS": "1", "PIP_FORCE_REINSTALL": "1", "VIRTUAL_ENV": str(venv)}
    install = subprocess.run(["bash", "-ec", steps["Install dnnd"]], env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    check = subprocess.run(["bash", "-ec", steps["dnnd validate"]], cwd=root, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("Hợp lệ:")
    assert not (site / "dnnd" / "__init__.py").is_symlink() and (site / "dnnd" / "__init__.py").is_file()


def sysconfig_paths() -> list[str]:
    """Where this environment's libraries are (its site-packages)."""
    import site

    return site.getsitepackages()


def test_without_a_known_source_the_workflow_says_what_to_set(run_cli: RunCli, tmp_path: Path) -> None:
    import subprocess

    result = run_cli("init", str(tmp_path / "kho"))  # this dnnd is an editable install: no git URL to reuse
    assert "chưa rõ nguồn cài dnnd cho GitHub Actions" in result.stderr
    steps = {step.get("name"): step["run"] for step in _steps(tmp_path / "kho") if "run" in step}
    done = subprocess.run(["bash", "-ec", steps["Install dnnd"]], env={"PATH": "/usr/bin:/bin"}, capture_output=True)
    assert done.returncode == 1 and b"::error::" in done.stdout


def _steps(root: Path) -> list[dict[str, str]]:
    steps: list[dict[str, str]] = yaml.safe_load((root / ".github/workflows/dnnd.yml").read_text("utf-8"))["jobs"][
        "check"
    ]["steps"]
    return steps
