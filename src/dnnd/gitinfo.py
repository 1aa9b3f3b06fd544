"""The git commit of a plan repository's data, for the provenance recorded in documents."""

from __future__ import annotations

import subprocess
from pathlib import Path

WATCHED = ("plan", "templates")


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def data_commit(root: Path) -> str:
    """'<sha>', '<sha>+uncommitted changes in plan/ templates/' or 'no git' outside a git repository."""
    head = _git(root, "rev-parse", "HEAD")
    if head is None:
        return "no git"
    changed = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *WATCHED)
    if changed:
        return f"{head}+uncommitted changes in {' '.join(folder + '/' for folder in WATCHED)}"
    return head
