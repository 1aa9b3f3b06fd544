"""Fixture plan repositories built in tmp_path: the embedded plan, with files added, replaced or removed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from dnnd.cli.app import app

PROJECT = Path(__file__).resolve().parent.parent
EMBEDDED_PLAN = PROJECT / "plan"
DATA = Path(__file__).resolve().parent / "data"

MakeRepo = Callable[..., Path]
RunCli = Callable[..., Result]


@pytest.fixture
def make_repo(tmp_path: Path) -> MakeRepo:
    """Copy the embedded plan into tmp_path, then write `files` (path -> text or bytes; None deletes)."""

    def build(files: dict[str, str | bytes | None] | None = None, name: str = "repo") -> Path:
        root = tmp_path / name
        shutil.copytree(EMBEDDED_PLAN, root / "plan", ignore=shutil.ignore_patterns("updates"))
        for rel, content in (files or {}).items():
            path = root / rel
            if content is None:
                path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return build


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Run `dnnd ARGS` through typer's CliRunner, in a plan repository when `repo` is given."""
    monkeypatch.delenv("DNND_LANG", raising=False)
    monkeypatch.delenv("DNND_REPO", raising=False)

    def invoke(*args: str, repo: Path | None = None) -> Result:
        argv = [*(["--repo", str(repo)] if repo is not None else []), *args]
        return CliRunner().invoke(app, argv, env={"COLUMNS": "200"})

    return invoke
