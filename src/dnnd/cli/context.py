"""What every command shares: the global options' settings, and finding and opening the plan repository."""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from dnnd.repository import Repository


class Settings:
    """Options that apply to every command."""

    def __init__(self, repo: Path | None, lang: str, use_cache: bool = True) -> None:
        self.repo = repo
        self.lang = lang
        self.use_cache = use_cache


def settings_of(ctx: typer.Context) -> Settings:
    settings = ctx.find_object(Settings)
    assert settings is not None
    return settings


def repository_root(ctx: typer.Context) -> Path:
    """The plan repository: --repo (or DNND_REPO), else the nearest folder upwards holding plan/plan.yaml."""
    from dnnd.load.layout import find_root

    return find_root(Path.cwd(), settings_of(ctx).repo)


def open_repository(ctx: typer.Context) -> "Repository":
    from dnnd.repository import load_repository

    return load_repository(repository_root(ctx), use_cache=settings_of(ctx).use_cache)
