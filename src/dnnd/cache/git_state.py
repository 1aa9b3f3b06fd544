"""What git says of the update files, for the caches' keys: where the git directory is, which files may
differ from the index, and each file's blob id.

Blob ids come from the index (`git ls-files -s`) for files that `git status` does not report as changed;
git itself compares the content of files changed within the same second as the index, so an edit of the
same size in the same second is seen. Files git reports (changed, untracked, ignored), or does not list
one by one, are hashed here.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from dnnd.load import git

CACHE_NAME = "dnnd-cache.json"


class GitPlaces(NamedTuple):
    """Where the caches live (the repository's git directory) and where git keeps its index."""

    git_dir: Path
    index_file: Path

    @property
    def cache_file(self) -> Path:
        return self.git_dir / CACHE_NAME


_WHERE = ("rev-parse", "--absolute-git-dir", "--show-toplevel", "--git-path", "index")
_STATUS = ("--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=traditional")
Started = tuple[subprocess.Popen[bytes] | None, subprocess.Popen[bytes] | None]  # git status, git ls-files


def locate(root: Path) -> GitPlaces | None:
    """The repository's git places. None outside a git repository, and when the plan is a subfolder of one
    (git status names paths from the top, not from the plan)."""
    return _places(root, git.output(root, *_WHERE))


def _start_worktree(root: Path, folder: str) -> Started:
    """`git status` (which never rewrites the index here) and `git ls-files` of `folder`, side by side."""
    return git.start(root, *_STATUS, "--no-renames", "--", folder), git.start(root, "ls-files", "-z", "--", folder)


class Probe:
    """git asked early, beside the reading of the plan: where the git directory is and what git says of
    `folder`, started at once; `places` and `worktree` wait for the answers, `close` stops what was not used."""

    def __init__(self, root: Path, folder: str) -> None:
        self.root, self.folder = root, folder
        self._where = git.start(root, *_WHERE)
        # a plan without plan/updates/ (a new one) gives git nothing to report: `worktree` starts it if asked
        self._worktree: Started | None = _start_worktree(root, folder) if os.path.isdir(root / folder) else None

    def places(self) -> GitPlaces | None:
        return _places(self.root, git.finish(self._where))

    def worktree(self) -> Started:
        """The started `git status` and `git ls-files`, handed over once (after that, started again)."""
        started, self._worktree = self._worktree, None
        return started if started is not None else _start_worktree(self.root, self.folder)

    def close(self) -> None:
        git.discard(self._where)
        for process in self._worktree or ():
            git.discard(process)
        self._worktree = None


def _places(root: Path, found: bytes | None) -> GitPlaces | None:
    if not found:
        return None
    lines = found.decode("utf-8", "surrogateescape").strip().split("\n")
    if len(lines) != 3 or Path(lines[1]).resolve() != root.resolve():
        return None
    return GitPlaces(Path(lines[0]), root / lines[2])  # --git-path is relative to -C's folder unless absolute


_CONVERTING = ("filter", "working-tree-encoding", "ident")
UPDATES = "plan/updates"


class Worktree:
    """What git says of the files under `folder`: those whose content may differ from the index (changed,
    untracked or ignored: `git status`, which compares the content of files changed within the same second
    as the index), the files the index lists one by one, and the index itself. `git status` (which never
    rewrites the index here) and `git ls-files` run side by side, started here or already (`started`)."""

    def __init__(self, root: Path, places: GitPlaces, folder: str, started: Started | None = None) -> None:
        self.root, self.places, self.folder = root, places, folder
        self.index_digest = self._index_digest()
        status, listed = started if started is not None else _start_worktree(root, folder)
        self.status = git.finish(status)
        text = (self.status or b"").decode("utf-8", "surrogateescape")
        self.changed = {item[3:] for item in text.split("\0") if item}
        names = git.finish(listed)
        self.tracked = None if names is None else set(names.decode("utf-8", "surrogateescape").split("\0"))

    def converted(self, rels: list[str]) -> bool:
        """Whether git may give any of `rels` other content in the working tree than the index holds (a clean
        and smudge filter, a working-tree encoding, ident): then a blob id does not name the bytes dnnd reads,
        and the caches must not be used. Attributes are asked for only when some attributes file exists."""
        if not self._attributes_may_apply():
            return False
        names = "\0".join(rels).encode("utf-8", "surrogateescape") + b"\0"
        found = git.output(self.root, "check-attr", "-z", "--stdin", *_CONVERTING, given=names)
        if found is None:
            return True  # git could not say: assume the worst
        values = found.decode("utf-8", "surrogateescape").split("\0")[2::3]  # path, attribute, value, ...
        return any(value not in ("unspecified", "unset") for value in values)

    def _attributes_may_apply(self) -> bool:
        """Whether any attributes file could apply to the update files, read from the files themselves (no git
        process): one in the repository, the git directory, the user's or the system's, or a git config that
        names one (or includes another config, which might)."""
        home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        root, git_dir = self.root, self.places.git_dir
        sources = [root / ".gitattributes", root / "plan" / ".gitattributes", root / UPDATES / ".gitattributes"]
        sources += [git_dir / "info" / "attributes", home / "git" / "attributes", Path("/etc/gitattributes")]
        if any(source.exists() for source in sources) or any(name.startswith("GIT_CONFIG") for name in os.environ):
            return True
        for config in (git_dir / "config", home / "git" / "config", Path.home() / ".gitconfig", Path("/etc/gitconfig")):
            try:
                text = config.read_text(encoding="utf-8", errors="replace").lower()
            except OSError:
                continue
            if "attributesfile" in text or "[include" in text:
                return True
        return False

    def _index_digest(self) -> str | None:
        try:
            return hashlib.sha256(self.places.index_file.read_bytes()).hexdigest()
        except FileNotFoundError:  # nothing added yet
            return ""
        except OSError:
            return None

    def digest(self, rels: Iterable[str]) -> str | None:
        """A digest that differs whenever the content of one of `rels` may: the index's bytes, git's report, and
        the content of each file git does not vouch for: one it reports, or one the index does not list by
        itself (in a nested repository, a submodule, a linked or case-folded folder). None when git cannot say."""
        if self.status is None or self.index_digest is None or self.tracked is None:
            return None
        digest = hashlib.sha256(f"{self.index_digest}\0".encode())
        digest.update(self.status)
        tracked, changed = self.tracked, self.changed
        for rel in sorted(rel for rel in rels if rel in changed or rel not in tracked):
            digest.update(f"\0{rel}\0{self._hashed(rel) or '-'}".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def _hashed(self, rel: str) -> str | None:
        try:
            return git.content_id((self.root / rel).read_bytes())
        except OSError:
            return None

    def content_ids(self, rels: Iterable[str]) -> dict[str, str]:
        """The blob id of each file: from the index when git says it is unchanged, else by hashing it."""
        listed = git.output(self.root, "ls-files", "-s", "-z", "--", self.folder) or b""
        index: dict[str, str] = {}
        for record in listed.decode("utf-8", "surrogateescape").split("\0"):
            if record:
                meta, _, path = record.partition("\t")
                index[path] = meta.split()[1]
        ids = {}
        for rel in rels:
            if self.status is not None and rel in index and rel not in self.changed:
                ids[rel] = index[rel]
            elif (hashed := self._hashed(rel)) is not None:
                ids[rel] = hashed
        return ids
