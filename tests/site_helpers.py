"""The sample repository with a git history (for the dashboard's lateness), and headless Chromium.

Chromium is Debian's (`apt-get install chromium`, which `.ci/run` does), driven by Playwright through its
`executable_path`: no browser download. Where it is not installed the browser tests are skipped, except
under CI (`CI` set), where its absence fails them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from dnnd.cli.app import app
from tests.conftest import PROJECT
from tests.git_helpers import CLERK, FOCAL, git

SAMPLE = PROJECT / "examples" / "khanhhoa-2020"
LATE_AGENCY = "lhhn"  # its 2020-Q4 update reaches main on 28/12/2020, after the due day 16/12/2020
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def sample_with_history(root: Path) -> Path:
    """The sample repository as a git repository: the plan committed first, each quarter's updates on the
    day after the quarter's data window closed, but LATE_AGENCY's 2020-Q4 update twelve days after its due day."""
    shutil.copytree(SAMPLE, root)
    updates = sorted((root / "plan" / "updates").rglob("*.yaml"))
    for path in updates:
        path.rename(path.with_suffix(".hold"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A", ":!plan/updates")
    git(root, "commit", "-q", "-m", "Kế hoạch", author=FOCAL, date="2020-06-01T09:00:00+07:00")
    batches: tuple[tuple[str, Callable[[Path], bool]], ...] = (
        ("2020-09-15", lambda path: path.stem == "2020-Q3"),
        ("2020-12-15", lambda path: path.stem == "2020-Q4" and path.parent.name != LATE_AGENCY),
        ("2020-12-28", lambda path: path.stem == "2020-Q4" and path.parent.name == LATE_AGENCY),
    )
    for day, chosen in batches:
        for path in filter(chosen, updates):
            path.with_suffix(".hold").rename(path)
        git(root, "add", "plan/updates")
        git(root, "commit", "-q", "-m", f"Báo cáo ngày {day}", author=CLERK, date=f"{day}T10:00:00+07:00")
    return root


def run(*args: str) -> Result:
    """`dnnd ARGS` through typer's CliRunner, outside any test's monkeypatch (for module-scoped fixtures)."""
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200", "DNND_LANG": "vi"})


def chromium_path() -> str:
    """Debian's Chromium, or a skip (a failure under CI)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install Chromium (apt-get install chromium): the dashboard is tested in it")
        pytest.skip("Chromium is not installed (apt-get install chromium; CI installs it)")
    return found


@contextmanager
def browser() -> Iterator[Any]:
    """A headless Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()
