"""What `dnnd validate` reports of a repository, and reading it back from the snapshot without the models.

`dnnd validate` runs on every commit: when the snapshot holds the verdict for the repository's very
state, it answers from here, importing neither pydantic nor the models.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from dnnd.cache import store
from dnnd.cache.state import RepositoryState
from dnnd.errors import Problem
from dnnd.i18n import Text


class Verdict(NamedTuple):
    """What `dnnd validate` reports of a repository whose plan files are valid."""

    tasks: int
    agencies: int
    files: int  # valid update files
    problems: list[Problem]  # of the update files left out
    warnings: list[Problem]
    texts: int = 0  # the focal point's valid report texts


def problems_to_plain(problems: Iterable[Problem]) -> list[list[Any]]:
    return [[item.path, item.line, item.column, item.field, item.message.vi, item.message.en] for item in problems]


def problems_from_plain(plain: list[list[Any]]) -> list[Problem]:
    return [Problem(path, line, column, field, Text(vi, en)) for path, line, column, field, vi, en in plain]


def verdict_to_plain(verdict: Verdict, shared: int = 0) -> dict[str, Any]:
    """The JSON form of the verdict; its last `shared` warnings are kept once, as the body's own ("warnings")."""
    return {
        "tasks": verdict.tasks,
        "agencies": verdict.agencies,
        "files": verdict.files,
        "warnings": problems_to_plain(verdict.warnings[: len(verdict.warnings) - shared]),
        "shared_warnings": shared,
        "texts": verdict.texts,
    }


def read_verdict(body: dict[str, Any]) -> Verdict | None:
    """The verdict a snapshot's body holds (its update problems are the body's own, and so are its warnings
    about the update files), or None."""
    try:
        plain = body["verdict"]
        shared = body["warnings"] if int(plain["shared_warnings"]) else []
        return Verdict(
            int(plain["tasks"]),
            int(plain["agencies"]),
            int(plain["files"]),
            problems_from_plain(body["problems"]),
            problems_from_plain(plain["warnings"]) + problems_from_plain(shared),
            int(plain["texts"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def recorded_verdict(state: RepositoryState) -> Verdict | None:
    """What `dnnd validate` found the last time the repository was in this very state, if the snapshot has it."""
    if state.keys is None or state.keys.snapshot_key is None:
        return None
    return read_verdict(store.load(state.keys.snapshot_file, state.keys.snapshot_key))
