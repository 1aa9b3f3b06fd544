"""A plan repository as found on disk before any file is parsed: the plan files' bytes, the listing of
plan/updates/, and, when the caches are in use, their keys for this state."""

from __future__ import annotations

import os
from pathlib import Path

from dnnd import files
from dnnd.cache import git_state, store
from dnnd.cache.keys import CacheKeys, files_key
from dnnd.errors import DataError, Problem, whole_file
from dnnd.load.layout import OPTIONAL_FILES, PLAN_FILES, UPDATES_DIR, Listing, list_updates, read_file


class RepositoryState:
    """The plan files' bytes (and the problems of those that could not be read), the listing of
    plan/updates/, and the caches' keys (None when the caches are not to be used or cannot be)."""

    def __init__(self, root: Path, plan_bytes: dict[str, bytes]) -> None:
        self.root, self.plan_bytes = root, plan_bytes
        self.problems: list[Problem] = []
        self.listing: Listing = []
        self.keys: CacheKeys | None = None


def read_state(root: Path, use_cache: bool) -> RepositoryState:
    """Read the plan files and list the update folders; with the caches, ask git for the update files' state."""
    found = RepositoryState(root, {})
    for rel in PLAN_FILES:
        if rel not in OPTIONAL_FILES or (root / rel).exists():
            try:
                found.plan_bytes[rel] = read_file(root, rel)
            except DataError as exc:
                found.problems.extend(exc.problems)
    updates = root / UPDATES_DIR
    if os.path.lexists(updates) and not files.inside(root, updates):
        found.problems.append(whole_file(UPDATES_DIR, files.outside_message(UPDATES_DIR)))
    found.listing = list_updates(root)
    if use_cache and not found.problems and not store.disabled():
        places = git_state.locate(root)
        if places is not None:
            keys = CacheKeys(places, files_key(root, found.plan_bytes.items()), found.listing, root)
            found.keys = keys if keys.usable else None
    return found
