"""The caches' keys: what a cached record or snapshot depends on, so that one is never used for other data.

The per-file cache's key is dnnd's code (its modules, Python, the libraries that read files), the
repository and the plan's own files; a record is then filed under its path and git blob id. The
snapshot's key is that, the names the update folders hold, and a digest of the update files' content
(`git_state.Worktree.digest`): any edit, new, deleted or renamed file gives another key.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.util
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from dnnd import __version__
from dnnd.cache import store
from dnnd.cache.git_state import GitPlaces, Probe, Worktree
from dnnd.load.layout import UPDATES_DIR, Listing, candidates, listed_names

SNAPSHOT_NAME = "dnnd-snapshot.json"
ACTIVITIES_NAME = "dnnd-activities.json"
DERIVED_NAME = "dnnd-derived.json"
_READERS = ("pydantic", "pydantic_core", "yaml", "fast_yaml")  # what turns a file's bytes into a record


def files_key(root: Path, plan_files: Iterable[tuple[str, bytes]]) -> str:
    """The key of what every cached record depends on: dnnd's code, the repository and its plan files."""
    digest = hashlib.sha256(f"{store.FORMAT}\0{__version__}\0{_code_stamp()}\0{root.resolve()}".encode())
    for rel, content in plan_files:
        digest.update(f"{rel}\0".encode())
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


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


def texts_key(texts: Iterable[tuple[str, bytes]], unreadable: Iterable[str]) -> str:
    """The digest of the focal point's report texts (plan/reports/) and of the funding files (plan/budgets/):
    part of the snapshot's key only, so that editing one does not make every update file be read again."""
    digest = hashlib.sha256()
    for rel, content in texts:
        digest.update(f"{rel}\0".encode("utf-8", "surrogateescape"))
        digest.update(hashlib.sha256(content).digest())
    for rel in unreadable:
        digest.update(f"!{rel}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def snapshot_key(files: str, names: Iterable[str], state: str, texts: str = "") -> str:
    """The key of the repository's state: the per-file cache's key, the report texts' digest, the names the
    update folders hold, the digest of the update files' content, and today's date (which quarters may be
    reported on changes with it: a snapshot of yesterday would judge a file by yesterday's date)."""
    digest = hashlib.sha256(f"{files}\0{texts}\0{state}\0{dt.date.today().isoformat()}\0".encode())
    digest.update("".join(f"{name}\n" for name in names).encode("utf-8", "surrogateescape"))  # one update, same digest
    return digest.hexdigest()


class CacheKeys:
    """Where this repository's caches live, and the keys of this run: the snapshot's from the index, git's
    report and the listing; each update file's blob id (for the per-file cache) only when asked."""

    def __init__(
        self, places: GitPlaces, files: str, listing: Listing, root: Path, texts: str = "", probe: Probe | None = None
    ) -> None:
        self.cache_file = places.cache_file
        self.snapshot_file = places.git_dir / SNAPSHOT_NAME
        self.activities_file = places.git_dir / ACTIVITIES_NAME
        self.derived_file = places.git_dir / DERIVED_NAME
        self.files_key = files
        self.candidates = candidates(listing)
        started = probe.worktree() if probe is not None and self.candidates else None
        self.worktree = Worktree(root, places, UPDATES_DIR, started) if self.candidates else None
        # git converts some update files (a filter, a working-tree encoding): blob ids do not name what is read
        self.usable = self.worktree is None or not self.worktree.converted(self.candidates)
        state = self.worktree.digest(self.candidates) if self.worktree is not None else "no update files"
        self.snapshot_key = None if state is None else snapshot_key(files, listed_names(listing), state, texts)

    @functools.cached_property
    def ids(self) -> dict[str, str]:
        return self.worktree.content_ids(self.candidates) if self.worktree is not None else {}
