"""Real git repositories for tests: init, commits with chosen authors and dates, branches, --no-ff merges.

Identity and dates are passed per command (`git -c user.name=…`, GIT_*_DATE); global git config is never touched.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

CLERK = ("Nguyễn Văn Thư", "thu@lhhn.example")
FOCAL = ("Trần Đầu Mối", "daumoi@sngv.example")
START = "2020-06-01T09:00:00+07:00"
_IDENTITY_VARIABLES = ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL")


def git(root: Path, *args: str, author: tuple[str, str] = CLERK, date: str = START) -> str:
    """Run git in `root` as `author`, with author and committer dates `date`; its stdout."""
    env = {key: value for key, value in os.environ.items() if key not in _IDENTITY_VARIABLES}
    env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    identity = ["-c", f"user.name={author[0]}", "-c", f"user.email={author[1]}", "-c", "commit.gpgsign=false"]
    done = subprocess.run(
        ["git", *identity, "-C", str(root), *args], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


def write(root: Path, files: dict[str, str | None]) -> None:
    """Write (or, for None, delete) files relative to `root`."""
    for rel, text in files.items():
        path = root / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def init(root: Path, date: str = START) -> Path:
    """`git init -b main` a folder built by make_repo and commit everything in it as the focal point."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Kế hoạch", author=FOCAL, date=date)
    return root


def commit(
    root: Path,
    files: dict[str, str | None],
    message: str = "Báo cáo",
    *,
    author: tuple[str, str] = CLERK,
    date: str = START,
) -> str:
    """Write `files`, stage everything and commit; the new commit's id."""
    write(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message, author=author, date=date)
    return git(root, "rev-parse", "HEAD")


def branch(root: Path, name: str, start: str = "main") -> None:
    """Create branch `name` at `start` and check it out."""
    git(root, "checkout", "-q", "-b", name, start)


def checkout(root: Path, name: str) -> None:
    git(root, "checkout", "-q", name)


def merge(root: Path, name: str, *, author: tuple[str, str] = FOCAL, date: str = START, into: str = "main") -> str:
    """Merge branch `name` into `into` with --no-ff, as the forge does; the merge commit's id."""
    checkout(root, into)
    git(root, "merge", "-q", "--no-ff", "-m", f"Merge {name}", name, author=author, date=date)
    return git(root, "rev-parse", "HEAD")


def submit(
    root: Path,
    name: str,
    files: dict[str, str | None],
    *,
    committed: str,
    merged: str,
    clerk: tuple[str, str] = CLERK,
    merger: tuple[str, str] = FOCAL,
) -> str:
    """A pull request: branch `name` off main, one clerk commit dated `committed`, merged --no-ff at `merged`."""
    branch(root, name)
    commit(root, files, f"Báo cáo {name}", author=clerk, date=committed)
    return merge(root, name, author=merger, date=merged)


def update(agency: str, period: str, *entries: tuple[object, ...], summary: str = "Đã triển khai.") -> dict[str, str]:
    """An update file as {path: text}; each entry is (task, status) or (task, "done", done_on)."""
    lines = [f"agency: {agency}", f"period: {period}", "entries:"]
    for task, status, *done_on in entries:
        lines += [f"  - task: {task}", f"    status: {status}"]
        lines += [f"    done_on: {day}" for day in done_on]
        lines.append(f"    summary: {summary}")
    return {f"plan/updates/{agency}/{period}.yaml": "\n".join(lines) + "\n"}
