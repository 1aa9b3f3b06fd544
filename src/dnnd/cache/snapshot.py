"""A snapshot of a whole loaded repository, so that a run in which nothing changed reads no file again.

It lives beside the per-file cache in the git directory (`dnnd-snapshot.json`, the same checksummed
JSON) under the snapshot key (`keys.py`): any edit, new, deleted or renamed file gives another key. No
snapshot is kept of a run in which a file changed while it was read.

It keeps the plan files' validated data, the focal point's valid report texts, the problems of the
invalid update files (and which they are), the summary of the valid ones (`load.summary`), the warnings
about them (their activities, the tasks they leave out), and what `dnnd validate` reports (`verdict.py`).
On a hit the plan files are read back from that data into their light models (`load.light_reader`), as the
files themselves are; data the light reader does not vouch for is rebuilt into its pydantic model without
validating it again (`plan.rebuild`): it was valid when stored and the key proves the bytes are the same.

The activities counted once each (`load.activities`) are kept beside it, in their own file under the same
key (`dnnd-activities.json`), so that only the commands that count them read them: each quarter's
activities are one section of that file (`store.save_sections`), read and decoded only when a command
asks for that quarter. What upper layers derive from a state and want to keep (each quarter's figures)
is kept the same way in `dnnd-derived.json`.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import TYPE_CHECKING, Any, NamedTuple

from dnnd.cache import store
from dnnd.cache.keys import CacheKeys
from dnnd.cache.verdict import Verdict, problems_from_plain, problems_to_plain, verdict_to_plain
from dnnd.errors import Problem
from dnnd.load import summary as summary_module
from dnnd.load.activities import CountedActivity, from_plain, to_plain
from dnnd.load.layout import AGENCIES_FILE, PLAN_FILE, TASKS_FILE
from dnnd.load.light_reader import read_light
from dnnd.load.plan_files import PLAN_MODEL_NAMES, plan_model
from dnnd.load.summary import UpdateSummary

if TYPE_CHECKING:
    from pydantic import BaseModel

    from dnnd.plan.light_models import LightModel
    from dnnd.plan.models import ReportText

REQUIRED_FILES = (PLAN_FILE, AGENCIES_FILE, TASKS_FILE)


class Snapshot(NamedTuple):
    """What the snapshot keeps of a loaded repository."""

    files: dict[str, BaseModel | LightModel]  # each plan file's model, or its light form (`load.plan_files`)
    summary: UpdateSummary
    update_problems: list[Problem]
    left_out: list[str]
    warnings: list[Problem]  # about the valid update files: their activities, the tasks they leave out
    report_texts: dict[str, ReportText]  # the focal point's valid report texts, by period


def save(keys: CacheKeys, snapshot: Snapshot, verdict: Verdict) -> None:
    assert keys.snapshot_key is not None
    kept = len(snapshot.warnings)  # the verdict's warnings end with these: kept once
    shared = kept if kept and verdict.warnings[len(verdict.warnings) - kept :] == snapshot.warnings else 0
    body: dict[str, Any] = {
        "plan": {rel: model.model_dump(mode="json") for rel, model in snapshot.files.items()},
        "summary": summary_module.to_plain(snapshot.summary),
        "problems": problems_to_plain(snapshot.update_problems),
        "left_out": snapshot.left_out,
        "warnings": problems_to_plain(snapshot.warnings),
        "report_texts": {period: text.model_dump(mode="json") for period, text in snapshot.report_texts.items()},
        "verdict": verdict_to_plain(verdict, shared),
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
        files = {rel: _plan_file(rel, data) for rel, data in body["plan"].items()}
        if not all(rel in files for rel in REQUIRED_FILES):
            return None
        return Snapshot(
            files,
            summary_module.from_plain(body["summary"]),
            problems_from_plain(body["problems"]),
            [str(rel) for rel in body["left_out"]],
            problems_from_plain(body["warnings"]),
            _report_texts(body["report_texts"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _plan_file(rel: str, data: Any) -> BaseModel | LightModel:
    """A plan file's model from its dump: its light form, as the files give it when the light reader vouches
    for them, else its pydantic model rebuilt without validation (`plan.rebuild`)."""
    light = read_light(PLAN_MODEL_NAMES[rel], data)
    if light is not None:
        return light
    from dnnd.plan.rebuild import rebuild

    return rebuild(plan_model(rel), data)


def _report_texts(dumped: dict[str, Any]) -> dict[str, ReportText]:
    if not dumped:
        return {}
    from dnnd.plan.models import ReportText
    from dnnd.plan.rebuild import rebuild

    return {str(period): rebuild(ReportText, data) for period, data in dumped.items()}


def save_activities(keys: CacheKeys, activities: list[CountedActivity]) -> None:
    """Keep the counted activities under the snapshot's key, each quarter's as one JSON text."""
    assert keys.snapshot_key is not None
    quarters: dict[str, list[list[Any]]] = {}
    for activity in activities:
        quarters.setdefault(activity.period, []).append(to_plain(activity))
    sections = {
        quarter: json.dumps(plains, ensure_ascii=False, separators=(",", ":")).encode()
        for quarter, plains in quarters.items()
    }
    store.save_sections(keys.activities_file, keys.snapshot_key, sections)


def load_activities(keys: CacheKeys, quarters: Collection[str] | None) -> list[CountedActivity] | None:
    """The counted activities of `quarters` (all when None) kept for the repository's present state, or None
    when none are kept or they do not read. Only those quarters' sections are read and decoded."""
    if keys.snapshot_key is None:
        return None
    sections = store.load_sections(keys.activities_file, keys.snapshot_key, quarters)
    if sections is None:
        return None
    try:
        return [from_plain(plain) for data in sections.values() for plain in json.loads(data)]
    except (TypeError, ValueError, KeyError):
        return None


def load_derived(keys: CacheKeys, names: Collection[str]) -> dict[str, Any]:
    """Values that upper layers derived from this very state and kept (`save_derived`), by name; those not
    kept (or not readable) are left out."""
    if keys.snapshot_key is None:
        return {}
    sections = store.load_sections(keys.derived_file, keys.snapshot_key, names) or {}
    found = {}
    for name, data in sections.items():
        try:
            found[name] = json.loads(data)
        except ValueError:
            continue
    return found


def save_derived(keys: CacheKeys, values: dict[str, Any]) -> None:
    """Keep JSON values derived from this state beside those kept already (under the same key)."""
    if keys.snapshot_key is None or not values:
        return
    sections = store.load_sections(keys.derived_file, keys.snapshot_key, None) or {}
    for name, value in values.items():
        sections[name] = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    store.save_sections(keys.derived_file, keys.snapshot_key, sections)
