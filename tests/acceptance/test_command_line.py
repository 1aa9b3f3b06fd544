"""CLI commands through typer's CliRunner: output, exit codes, languages, repository discovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PROJECT, MakeRepo, RunCli


def test_validate_embedded_plan_passes(run_cli: RunCli) -> None:
    result = run_cli("validate", repo=PROJECT)
    assert result.exit_code == 0, result.output
    assert "Hợp lệ: 15 nhiệm vụ" in result.output


def test_validate_in_english(run_cli: RunCli) -> None:
    result = run_cli("validate", "--lang", "en", repo=PROJECT)
    assert result.exit_code == 0
    assert "Valid: 15 tasks" in result.output


def test_outside_a_plan_repository_exits_2(run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("status")
    assert result.exit_code == 2
    assert "không tìm thấy kho kế hoạch" in result.output
    assert "Traceback" not in result.output


def test_repo_found_from_a_subfolder(run_cli: RunCli, make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repo()
    (root / "plan" / "updates").mkdir()
    monkeypatch.chdir(root / "plan" / "updates")
    result = run_cli("tasks", "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["tasks"]) == 15


def test_dnnd_repo_environment_variable(
    run_cli: RunCli, make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = make_repo()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DNND_REPO", str(root))
    assert run_cli("agencies").exit_code == 0


def test_every_command_has_help_and_is_in_the_readme() -> None:
    import typer

    from dnnd.cli.app import app

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    names = sorted(group.commands)  # type: ignore[attr-defined]
    assert len(names) >= 17
    for name in names:
        assert group.commands[name].help, name  # type: ignore[attr-defined]
        assert f"dnnd {name}" in readme, name


def test_an_unknown_language_is_refused_wherever_it_comes_from(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_cli("tasks", "--lang", "fr", repo=PROJECT)
    assert result.exit_code == 2 and "--lang: ngôn ngữ 'fr' không có" in result.output
    monkeypatch.setenv("DNND_LANG", "xx")
    result = run_cli("tasks", repo=PROJECT)
    assert result.exit_code == 2 and "DNND_LANG: ngôn ngữ 'xx' không có" in result.output


def test_an_unknown_command_is_told_in_the_language_asked_for(run_cli: RunCli) -> None:
    english = run_cli("--lang", "en", "stat")
    assert english.exit_code == 2
    assert "Error: No such command 'stat'. Did you mean 'stats', 'status'?" in english.output
    vietnamese = run_cli("stat")
    assert (
        "Lỗi: không có lệnh 'stat' (danh sách lệnh: dnnd --help). Có phải ý bạn là 'stats', 'status'?"
        in vietnamese.output
    )
    assert "Cách dùng: " in vietnamese.output and "Usage:" not in vietnamese.output  # the program name is the runner's
