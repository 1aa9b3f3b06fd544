"""A snapshot of a whole loaded repository, so that a run in which nothing changed reads no file again.

It lives beside the per-file cache in the git directory (`dnnd-snapshot.json`, JSON with the same
checksummed header, nothing that runs code). Its key is the per-file cache's key (dnnd's code, the
repository, the plan files' bytes), the names the update folders hold, and a digest of the update files'
content: the git index's bytes, what `git status` reports under plan/updates/ (changed, untracked and
ignored files) and the content of each file it reports or the index does not list one by one. Any other
file has the content the index records, and the index is the same, so any edit, new, deleted or renamed
file gives another key. No snapshot is kept of a run in which a file changed while it was read.

It keeps the plan files' validated data, the problems of the invalid update files (and which they are),
the summary of the valid ones (`summary.py`), and what `dnnd validate` reports. On a hit the plan
models are rebuilt from that data without validating it again (`models.rebuild`): it was valid when
stored and the key proves the bytes are the same. This module imports no pydantic: `dnnd validate`
reads the verdict without loading the models.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dnnd.errors import Problem
from dnnd.i18n import Text

NAME = "dnnd-snapshot.json"


def snapshot_file(cache_file: Path) -> Path:
    return cache_file.with_name(NAME)


def key_of(files_key: str, names: Iterable[str], state: str) -> str:
    """The key of the repository's state: the per-file cache's key, the names the update folders hold,
    and the digest of the update files' content (`cache.Worktree.digest`)."""
    digest = hashlib.sha256(f"{files_key}\0{state}\0".encode())
    for name in names:
        digest.update(f"{name}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def problems_to_plain(problems: Iterable[Problem]) -> list[list[Any]]:
    return [[item.path, item.line, item.column, item.field, item.message.vi, item.message.en] for item in problems]


def problems_from_plain(plain: list[list[Any]]) -> list[Problem]:
    return [Problem(path, line, column, field, Text(vi, en)) for path, line, column, field, vi, en in plain]


@dataclass(frozen=True)
class Verdict:
    """What `dnnd validate` reports of a repository whose plan files are valid."""

    tasks: int
    agencies: int
    files: int  # valid update files
    problems: list[Problem]  # of the update files left out
    warnings: list[Problem]


def verdict_to_plain(verdict: Verdict) -> dict[str, Any]:
    return {
        "tasks": verdict.tasks,
        "agencies": verdict.agencies,
        "files": verdict.files,
        "warnings": problems_to_plain(verdict.warnings),
    }


def read_verdict(body: dict[str, Any]) -> Verdict | None:
    """The verdict a snapshot's body holds (its update problems are the body's own), or None."""
    try:
        plain = body["verdict"]
        return Verdict(
            int(plain["tasks"]),
            int(plain["agencies"]),
            int(plain["files"]),
            problems_from_plain(body["problems"]),
            problems_from_plain(plain["warnings"]),
        )
    except (KeyError, TypeError, ValueError):
        return None
