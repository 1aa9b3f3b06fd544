"""A cache of parsed update files, keyed on their content, kept under .git/ as JSON (nothing that runs code).

Each valid file's record is stored under its path and git blob id. Blob ids come from the index
(`git ls-files -s`) for files that `git status` does not report as changed; git itself compares the
content of files changed within the same second as the index, so an edit of the same size in the same
second is seen. Files git reports as changed, or does not track, are hashed here. The cache is tied to
the dnnd version, the repository and the content of the plan's own files; a checksum guards its body.
A cache that is missing, corrupt, foreign or from another version is ignored and written anew.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from collections.abc import Iterable
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


def blob_id(data: bytes) -> str:
    """The id git gives a file with this content."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def cache_file(root: Path) -> Path | None:
    """Where the cache lives: inside the repository's git directory. None outside a git repository, and
    when the plan is a subfolder of one (git status names paths from the top, not from the plan)."""
    found = _git(root, "rev-parse", "--absolute-git-dir", "--show-toplevel")
    if not found:
        return None
    git_dir, _, top = found.decode("utf-8", "surrogateescape").strip().partition("\n")
    if Path(top).resolve() != root.resolve():
        return None
    return Path(git_dir) / NAME


def content_ids(root: Path, folder: str, rels: Iterable[str]) -> dict[str, str]:
    """The blob id of each file: from the index when git says it is unchanged, else by hashing it."""
    listed = _git(root, "ls-files", "-s", "-z", "--", folder) or b""
    changed_out = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", folder)
    index: dict[str, str] = {}
    for record in listed.decode("utf-8", "surrogateescape").split("\0"):
        if record:
            meta, _, path = record.partition("\t")
            index[path] = meta.split()[1]
    changed = {item[3:] for item in (changed_out or b"").decode("utf-8", "surrogateescape").split("\0") if item}
    ids = {}
    for rel in rels:
        if changed_out is not None and rel in index and rel not in changed:
            ids[rel] = index[rel]
        else:
            try:
                ids[rel] = blob_id((root / rel).read_bytes())
            except OSError:
                continue
    return ids


def key_of(root: Path, plan_files: Iterable[bytes]) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{root.resolve()}".encode())
    for content in plan_files:
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


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
