"""A plan repository as found on disk before any file is parsed: the plan files' bytes, the focal point's
report texts' and the funding files' bytes, the listing of plan/updates/, and, when the caches are in use,
their keys for this state."""

from __future__ import annotations

import os
from pathlib import Path

from dnnd import files
from dnnd.cache import git_state, store
from dnnd.cache.keys import CacheKeys, files_key, texts_key
from dnnd.errors import DataError, Problem, whole_file
from dnnd.i18n import Text
from dnnd.load.layout import (
    OPTIONAL_FILES,
    PLAN_FILES,
    REPORT_TEXTS_DIR,
    UPDATES_DIR,
    Listing,
    list_report_texts,
    list_updates,
    read_budget_files,
    read_bytes,
    read_file,
)


class RepositoryState:
    """The plan files' bytes (and the problems of those that could not be read), the listing of
    plan/updates/, and the caches' keys (None when the caches are not to be used or cannot be)."""

    def __init__(self, root: Path, plan_bytes: dict[str, bytes]) -> None:
        self.root, self.plan_bytes = root, plan_bytes
        self.problems: list[Problem] = []
        self.report_texts: dict[str, bytes] = {}  # plan/reports/: their problems do not stop loading
        self.report_text_problems: list[Problem] = []
        self.budget_files: dict[str, bytes] = {}  # plan/budgets/: checked by validate and budget only
        self.budget_problems: list[Problem] = []
        self.listing: Listing = []
        self.keys: CacheKeys | None = None


def read_state(root: Path, use_cache: bool) -> RepositoryState:
    """Read the plan files and list the update folders; with the caches, ask git for the update files' state
    (asked first, so that git works on another core while the plan is read and the folders listed)."""
    probe = git_state.Probe(root, UPDATES_DIR) if use_cache and not store.disabled() else None
    try:
        return _read(root, probe)
    finally:
        if probe is not None:
            probe.close()


def _read(root: Path, probe: git_state.Probe | None) -> RepositoryState:
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
    _read_report_texts(found)
    found.budget_files, found.budget_problems = read_budget_files(root)
    if probe is not None and not found.problems:
        places = probe.places()
        if places is not None:
            texts = texts_key(
                [*found.report_texts.items(), *found.budget_files.items()],
                [problem.path for problem in (*found.report_text_problems, *found.budget_problems)],
            )
            keys = CacheKeys(places, files_key(root, found.plan_bytes.items()), found.listing, root, texts, probe)
            found.keys = keys if keys.usable else None
    return found


def _read_report_texts(found: RepositoryState) -> None:
    folder = found.root / REPORT_TEXTS_DIR
    if os.path.lexists(folder) and (not files.inside(found.root, folder) or not folder.is_dir()):
        message = (
            files.outside_message(REPORT_TEXTS_DIR)
            if not files.inside(found.root, folder)
            else Text(
                f"{REPORT_TEXTS_DIR} phải là thư mục chứa các tệp <kỳ>.yaml",
                f"{REPORT_TEXTS_DIR} must be a folder of <period>.yaml files",
            )
        )
        found.report_text_problems.append(whole_file(REPORT_TEXTS_DIR, message))
        return
    for rel, is_file in list_report_texts(found.root):
        if not is_file:
            found.report_text_problems.append(
                whole_file(
                    rel,
                    Text(
                        "plan/reports/ chỉ chứa các tệp <kỳ>.yaml (ví dụ 2020-Q4.yaml): đây không phải một tệp thường",
                        "plan/reports/ holds only <period>.yaml files (such as 2020-Q4.yaml): this is not a regular file",
                    ),
                )
            )
            continue
        try:
            found.report_texts[rel] = read_bytes(found.root / rel, rel)
        except DataError as exc:
            found.report_text_problems.extend(exc.problems)
