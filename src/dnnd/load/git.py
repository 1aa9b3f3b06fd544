"""Reading git: the commit of the data, the files a change touches, a file at a revision, main's history,
and the processes the caches ask git's view of the worktree with.

Every function runs git processes that read; none writes to the repository.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from dnnd.errors import DnndError, UsageError
from dnnd.i18n import Text

WATCHED = ("plan", "templates")


TIMEOUT_SECONDS = 120


def content_id(data: bytes) -> str:
    """The id git gives a file with this content (its blob id): what a cached record is filed under."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _git(root: Path, *args: str, given: bytes | None = None) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(
            ["git", "-C", str(root), *args], input=given, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None


def output(root: Path, *args: str, given: bytes | None = None) -> bytes | None:
    """What `git ARGS` prints (with `given` on its standard input), or None when git cannot run or fails."""
    done = _git(root, *args, given=given)
    return done.stdout if done is not None and done.returncode == 0 else None


def start(root: Path, *args: str) -> subprocess.Popen[bytes] | None:
    """`git ARGS` started in the background (its errors discarded), to run beside other work; see `finish`."""
    try:
        return subprocess.Popen(["git", "-C", str(root), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None


def discard(process: subprocess.Popen[bytes] | None) -> None:
    """Stop a process from `start` whose answer is not needed, and reap it."""
    if process is not None:
        if process.poll() is None:
            process.kill()
        process.communicate()


def finish(process: subprocess.Popen[bytes] | None) -> bytes | None:
    """What a process from `start` printed, or None when it could not start, failed or took too long."""
    if process is None:
        return None
    try:
        out, _ = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.SubprocessError:
        process.kill()
        process.communicate()
        return None
    return out if process.returncode == 0 else None


def _text(root: Path, *args: str) -> str | None:
    done = _git(root, *args)
    if done is None or done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "replace").strip()


def data_commit(root: Path) -> str:
    """'<sha>', '<sha>+uncommitted changes in plan/ templates/' or 'no git' outside a git repository."""
    head = _text(root, "rev-parse", "HEAD")
    if head is None:
        return "no git"
    changed = _text(root, "status", "--porcelain", "--untracked-files=all", "--", *WATCHED)
    if changed:
        return f"{head}+uncommitted changes in {' '.join(folder + '/' for folder in WATCHED)}"
    return head


def require_git(root: Path) -> None:
    if _text(root, "rev-parse", "--git-dir") is None:
        raise UsageError(
            Text(
                f"'{root}' không phải kho git (hoặc chưa cài git)",
                f"'{root}' is not a git repository (or git is not installed)",
            )
        )


def commit_of(root: Path, revision: str) -> str | None:
    """The commit a revision names, or None when it names none."""
    return _text(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")


def merge_base(root: Path, base: str) -> str:
    """The commit where the current branch left `base` (a revision, never read as an option)."""
    require_git(root)
    commit = commit_of(root, base)
    found = _text(root, "merge-base", commit, "HEAD") if commit else None
    if not found:
        raise UsageError(
            Text(
                f"không tìm thấy điểm rẽ nhánh với '{base}': kiểm tra tên nhánh (ví dụ origin/main) "
                "và lấy đủ lịch sử (git fetch --unshallow)",
                f"no merge base with '{base}': check the branch name (e.g. origin/main) and fetch "
                "the full history (git fetch --unshallow)",
            )
        )
    return found


class Change(NamedTuple):
    """A path changed since the merge base: A(dded), M(odified), D(eleted)."""

    status: str
    path: str


def changed_since(root: Path, base_commit: str) -> list[Change]:
    """Files changed from `base_commit` to the working tree, untracked files included (renames as delete + add)."""
    diff = _git(root, "diff", "--name-status", "--no-renames", "-z", base_commit, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    if diff is None or diff.returncode != 0 or untracked is None:
        raise DnndError(Text("git diff không chạy được", "git diff failed"))
    fields = diff.stdout.decode("utf-8", "surrogateescape").split("\0")
    changes = [Change(fields[index][0], fields[index + 1]) for index in range(0, len(fields) - 1, 2)]
    changes += [Change("A", path) for path in untracked.stdout.decode("utf-8", "surrogateescape").split("\0") if path]
    return sorted(set(changes), key=lambda change: change.path)


def show(root: Path, revision: str, path: str) -> bytes | None:
    """The bytes of `path` at `revision`, or None when it did not exist there."""
    done = _git(root, "show", f"{revision}:{path}")
    return done.stdout if done is not None and done.returncode == 0 else None


class Landing(NamedTuple):
    """A commit of main's first-parent history and the update files it changed."""

    commit: str
    when: dt.datetime
    author: str
    paths: tuple[str, ...]


def main_branch(root: Path, branch: str | None) -> str:
    """The branch asked for, checked; without one, `main`, else `master`, else the branch checked out."""
    require_git(root)
    if branch is not None:
        if _text(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}") is None and (
            commit_of(root, branch) is None
        ):
            known = ", ".join((_text(root, "for-each-ref", "--format=%(refname:short)", "refs/heads") or "").split())
            raise UsageError(
                Text(
                    f"không có nhánh '{branch}' trong kho; các nhánh hiện có: {known or '(chưa có)'}. "
                    "Ghi tên nhánh chính bằng --branch TÊN",
                    f"there is no branch '{branch}'; branches: {known or '(none yet)'}. "
                    "Name the main branch with --branch NAME",
                )
            )
        return branch
    for candidate in ("main", "master"):
        if _text(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{candidate}") is not None:
            return candidate
    return _text(root, "symbolic-ref", "--short", "HEAD") or "main"


def first_parent_history(root: Path, branch: str, folder: str) -> list[Landing]:
    """Main's first-parent commits touching `folder`, oldest first, from a single `git log` call.

    A merge commit counts with its diff against the first parent: what the pull request brought to main.
    Dates are the committer dates of those commits: when the forge merged, not when the clerk committed.
    """
    require_git(root)
    done = _git(
        root,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--no-renames",  # a rename is a delete and an add, as in changed_since, whatever the user's git config
        "--reverse",
        "--name-only",
        "-z",
        "--format=%x01%H%x02%cI%x02%an",
        "--end-of-options",
        branch,
        "--",
        folder,
    )
    if done is None or done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip() if done is not None else ""
        raise UsageError(
            Text(
                f"không đọc được lịch sử của nhánh '{branch}': {detail}",
                f"cannot read the history of branch '{branch}': {detail}",
            )
        )
    landings = []
    for record in done.stdout.decode("utf-8", "surrogateescape").split("\x01")[1:]:
        head, _, names = record.partition("\n")
        head = head.rstrip("\0")
        commit, when, author = head.split("\x02")
        paths = tuple(name.strip("\n") for name in names.split("\0") if name.strip("\n"))
        landings.append(Landing(commit, dt.datetime.fromisoformat(when), author, paths))
    return landings


@contextlib.contextmanager
def checked_out(root: Path, revision: str) -> Iterator[Path]:
    """A detached worktree of `revision` in a temporary folder, removed afterwards: a branch can be read as
    it is without checking it out in the user's working tree."""
    require_git(root)
    commit = commit_of(root, revision)
    if commit is None:
        raise UsageError(
            Text(
                f"không tìm thấy '{revision}': kiểm tra tên nhánh (ví dụ origin/lhhn-q4) và git fetch",
                f"'{revision}' names no commit: check the branch name (e.g. origin/lhhn-q4) and git fetch",
            )
        )
    with tempfile.TemporaryDirectory(prefix="dnnd-head-") as folder:
        place = Path(folder) / "head"
        added = _git(root, "worktree", "add", "--detach", "--quiet", str(place), commit)
        if added is None or added.returncode != 0:
            raise DnndError(Text(f"không lấy được {revision} ra thư mục tạm", f"could not check out {revision}"))
        try:
            yield place
        finally:
            _git(root, "worktree", "remove", "--force", str(place))
            _git(root, "worktree", "prune")


class Commit(NamedTuple):
    """A commit of a branch's whole history: its parents, its author, and the files it changed (none for a
    merge: what a merge brought is read from the commits it merged)."""

    parents: tuple[str, ...]
    author: str
    paths: frozenset[str]


def history_graph(root: Path, branch: str) -> dict[str, Commit]:
    """Every commit reachable from `branch`, from a single `git log` call (merged branches included)."""
    done = _git(
        root,
        "log",
        "--no-renames",
        "--diff-merges=off",
        "--name-only",
        "-z",
        "--format=%x01%H%x02%P%x02%an",
        "--end-of-options",
        branch,
        "--",
    )
    if done is None or done.returncode != 0:
        return {}
    graph = {}
    for record in done.stdout.decode("utf-8", "surrogateescape").split("\x01")[1:]:
        head, _, names = record.partition("\n")
        commit, parents, author = head.rstrip("\0").split("\x02")
        paths = frozenset(name.strip("\n") for name in names.split("\0") if name.strip("\n"))
        graph[commit] = Commit(tuple(parents.split()), author, paths)
    return graph


def writer(graph: dict[str, Commit], landing: str, path: str, main_line: set[str]) -> str | None:
    """Who wrote `path` as `landing` brought it to main: for a merge, the author of the newest commit on the
    merged side that changed the file (walking that side's first parents until main's line); for any other
    commit (a squash, a direct commit), its own author. None when the graph does not hold the commit."""
    found = graph.get(landing)
    if found is None:
        return None
    if len(found.parents) < 2:
        return found.author
    current: str | None = found.parents[1]
    while current is not None and current not in main_line:
        side = graph.get(current)
        if side is None:
            break
        if path in side.paths:
            return side.author
        current = side.parents[0] if side.parents else None
    return found.author
