"""A snapshot of a whole loaded repository, so that a run in which nothing changed reads no file again.

It lives beside the per-file cache in the git directory (`dnnd-snapshot.json`, the same checksummed
JSON) under the snapshot key (`keys.py`): any edit, new, deleted or renamed file gives another key. No
snapshot is kept of a run in which a file changed while it was read.

It keeps the plan files' validated data, the problems of the invalid update files (and which they are),
the summary of the valid ones (`load.summary`), and what `dnnd validate` reports (`verdict.py`). On a
hit the plan models are rebuilt from that data without validating it again (`models.rebuild`): it was
valid when stored and the key proves the bytes are the same.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from pydantic import BaseModel

from dnnd.cache import store
from dnnd.cache.keys import CacheKeys
from dnnd.cache.verdict import Verdict, problems_from_plain, problems_to_plain, verdict_to_plain
from dnnd.errors import Problem
from dnnd.load import summary as summary_module
from dnnd.load.layout import AGENCIES_FILE, PLAN_FILE, TASKS_FILE
from dnnd.load.plan_files import PLAN_MODELS
from dnnd.load.summary import UpdateSummary
from dnnd.plan.models import rebuild

REQUIRED_FILES = (PLAN_FILE, AGENCIES_FILE, TASKS_FILE)


class Snapshot(NamedTuple):
    """What the snapshot keeps of a loaded repository."""

    files: dict[str, BaseModel]  # each plan file's model
    summary: UpdateSummary
    update_problems: list[Problem]
    left_out: list[str]


def save(keys: CacheKeys, snapshot: Snapshot, verdict: Verdict) -> None:
    assert keys.snapshot_key is not None
    body: dict[str, Any] = {
        "plan": {rel: model.model_dump(mode="json") for rel, model in snapshot.files.items()},
        "summary": summary_module.to_plain(snapshot.summary),
        "problems": problems_to_plain(snapshot.update_problems),
        "left_out": snapshot.left_out,
        "verdict": verdict_to_plain(verdict),
    }
    store.save(keys.snapshot_file, keys.snapshot_key, body)


def load(keys: CacheKeys) -> Snapshot | None:
    """The snapshot of the repository's present state, or None when there is none or it does not read."""
    if keys.snapshot_key is None:
        return None
    body = store.load(keys.snapshot_file, keys.snapshot_key)
    if not body:
        return None
    try:
        files = {rel: rebuild(PLAN_MODELS[rel], data) for rel, data in body["plan"].items()}
        if not all(rel in files for rel in REQUIRED_FILES):
            return None
        return Snapshot(
            files,
            summary_module.from_plain(body["summary"]),
            problems_from_plain(body["problems"]),
            [str(rel) for rel in body["left_out"]],
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
