"""What every command shares: the settings on the context, and finding and opening the plan repository."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from dnnd.cli.app import app
from dnnd.cli.context import Settings, open_repository, repository_root, settings_of
from dnnd.errors import UsageError
from tests.conftest import MakeRepo
from tests.git_helpers import init


def context(settings: Settings) -> typer.Context:
    """A command's context below the group's, which holds the settings."""
    group = typer.main.get_command(app)
    parent = typer.Context(group, obj=settings)
    return typer.Context(group.commands["tasks"], parent=parent)  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def no_repo_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DNND_REPO", raising=False)


def test_settings_are_found_from_a_commands_context() -> None:
    settings = Settings(Path("kho"), "en")
    assert settings_of(context(settings)) is settings
    assert (settings.repo, settings.lang, settings.use_cache) == (Path("kho"), "en", True)


def test_the_repository_is_repo_else_dnnd_repo_else_found_upwards(
    make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root, other = make_repo(), make_repo(name="other")
    (root / "plan" / "updates").mkdir()
    monkeypatch.chdir(root / "plan" / "updates")
    assert repository_root(context(Settings(None, "vi"))) == root
    assert repository_root(context(Settings(tmp_path / "other", "vi"))) == other
    monkeypatch.setenv("DNND_REPO", str(other))
    assert repository_root(context(Settings(None, "vi"))) == other


def test_no_repository_found_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError) as raised:
        repository_root(context(Settings(None, "vi")))
    assert raised.value.message.en.startswith(f"no plan repository found: no plan/plan.yaml in '{tmp_path.resolve()}'")
    with pytest.raises(UsageError) as raised:
        repository_root(context(Settings(tmp_path, "vi")))
    assert raised.value.message.vi == f"'{tmp_path}' không phải kho kế hoạch: không có tệp plan/plan.yaml"


@pytest.mark.parametrize(("use_cache", "cached"), [(True, True), (False, False)])
def test_open_repository_loads_it_and_caches_only_when_allowed(
    make_repo: MakeRepo, use_cache: bool, cached: bool
) -> None:
    root = init(make_repo())
    before = set((root / ".git").iterdir())
    repo = open_repository(context(Settings(root, "vi", use_cache=use_cache)))
    assert (repo.root, len(repo.tasks)) == (root, 15)
    assert bool(set((root / ".git").iterdir()) - before) is cached
