"""A cache of parsed update files, keyed on their content, kept under .git/ as JSON (nothing that runs code).

Each valid file's record is stored under its path and git blob id. Blob ids come from the index
(`git ls-files -s`) for files that `git status` does not report as changed; git itself compares the
content of files changed within the same second as the index, so an edit of the same size in the same
second is seen. Files git reports (changed, untracked, ignored), or does not list one by one, are hashed
here, and a record is filed under the id of the bytes it was parsed from. The cache is tied to dnnd's
code (its modules, Python, the libraries that read files), the repository and the plan's own files; a
checksum guards its body. This module also finds the git places and state the repository snapshot's
key is made of (`Worktree`). A cache that is missing, corrupt, foreign or from another version is
ignored and written anew.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dnnd import __version__

FORMAT = 1
NAME = "dnnd-cache.json"


def disabled() -> bool:
    return os.environ.get("DNND_NO_CACHE", "").strip() not in ("", "0")


def _git(root: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _start_git(root: Path, *args: str) -> subprocess.Popen[bytes] | None:
    try:
        return subprocess.Popen(["git", "-C", str(root), *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None


def _finish(process: subprocess.Popen[bytes] | None) -> bytes | None:
    if process is None:
        return None
    try:
        out, _ = process.communicate(timeout=60)
    except subprocess.SubprocessError:
        process.kill()
        process.communicate()
        return None
    return out if process.returncode == 0 else None


def blob_id(data: bytes) -> str:
    """The id git gives a file with this content."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


@dataclass(frozen=True)
class GitPlaces:
    """Where the caches live (the repository's git directory) and where git keeps its index."""

    git_dir: Path
    index_file: Path

    @property
    def cache_file(self) -> Path:
        return self.git_dir / NAME


def locate(root: Path) -> GitPlaces | None:
    """The repository's git places. None outside a git repository, and when the plan is a subfolder of one
    (git status names paths from the top, not from the plan)."""
    found = _git(root, "rev-parse", "--absolute-git-dir", "--show-toplevel", "--git-path", "index")
    if not found:
        return None
    lines = found.decode("utf-8", "surrogateescape").strip().split("\n")
    if len(lines) != 3 or Path(lines[1]).resolve() != root.resolve():
        return None
    return GitPlaces(Path(lines[0]), root / lines[2])  # --git-path is relative to -C's folder unless absolute


class Worktree:
    """What git says of the files under `folder`: those whose content may differ from the index (changed,
    untracked or ignored: `git status`, which compares the content of files changed within the same second
    as the index), the files the index lists one by one, and the index itself. `git status` (which never
    rewrites the index here) and `git ls-files` run side by side."""

    def __init__(self, root: Path, places: GitPlaces, folder: str) -> None:
        self.root, self.places, self.folder = root, places, folder
        self.index_digest = self._index_digest()
        status = _start_git(
            root,
            "--no-optional-locks",
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--ignored=traditional",
            "--no-renames",
            "--",
            folder,
        )
        listed = _start_git(root, "ls-files", "-z", "--", folder)
        self.status = _finish(status)
        text = (self.status or b"").decode("utf-8", "surrogateescape")
        self.changed = {item[3:] for item in text.split("\0") if item}
        names = _finish(listed)
        self.tracked = None if names is None else set(names.decode("utf-8", "surrogateescape").split("\0"))

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
            return blob_id((self.root / rel).read_bytes())
        except OSError:
            return None

    def content_ids(self, rels: Iterable[str]) -> dict[str, str]:
        """The blob id of each file: from the index when git says it is unchanged, else by hashing it."""
        listed = _git(self.root, "ls-files", "-s", "-z", "--", self.folder) or b""
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


def key_of(root: Path, plan_files: Iterable[tuple[str, bytes]]) -> str:
    """The key of what every cached record depends on: dnnd's code, the repository and its plan files."""
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{_code_stamp()}\0{root.resolve()}".encode())
    for rel, content in plan_files:
        digest.update(f"{rel}\0".encode())
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


_READERS = ("pydantic", "pydantic_core", "yaml", "fast_yaml")  # what turns a file's bytes into a record


def _code_stamp() -> str:
    """Size and modification time of each of dnnd's modules and of the libraries that read the files, and the
    Python version: a changed module (in a development install the version stays the same) or an upgraded
    library must not read records that the old code wrote."""
    package = Path(__file__).resolve().parent.parent  # every module of dnnd, not only the caches'
    stamps = [sys.version]
    for folder, _, names in os.walk(package):
        for name in sorted(names):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                stamps.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    for reader in _READERS:
        spec = importlib.util.find_spec(reader)  # finds the package without importing it
        if spec is not None and spec.origin and os.path.exists(spec.origin):
            info = os.stat(spec.origin)
            stamps.append(f"{spec.origin}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(stamps)).encode()).hexdigest()


def load(path: Path, key: str) -> dict[str, Any]:
    """The stored records, or nothing when the cache is missing or cannot be trusted."""
    try:
        raw = path.read_bytes()
        head, _, body = raw.partition(b"\n")
        header = json.loads(head)
        if (header.get("format"), header.get("key"), header.get("sha256")) != (
            FORMAT,
            key,
            hashlib.sha256(body).hexdigest(),
        ):
            return {}
        files = json.loads(body)
        return files if isinstance(files, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def save(path: Path, key: str, files: dict[str, Any]) -> None:
    """Write the cache atomically; a cache that cannot be written is simply not kept."""
    body = json.dumps(files, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}).encode()
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".dnnd-cache-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(header + b"\n" + body)
        os.replace(temporary, path)
    except OSError:
        return
