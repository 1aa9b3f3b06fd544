"""The caches' files: JSON under the repository's git directory, guarded by a checksum, written atomically
(never through a link, and no temporary file left behind when a write fails).

Nothing in them runs code when read. A file that is missing, corrupt, foreign (another key) or from
another format is ignored, and the cache is written anew.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from dnnd.errors import DnndError
from dnnd.files import write_atomic

FORMAT = 1


def disabled() -> bool:
    """Whether DNND_NO_CACHE asks to use no cache."""
    return os.environ.get("DNND_NO_CACHE", "").strip() not in ("", "0")


def load(path: Path, key: str) -> dict[str, Any]:
    """The stored body, or nothing when the file is missing or cannot be trusted."""
    try:
        raw = path.read_bytes()
        head, _, body = raw.partition(b"\n")
        header = json.loads(head)
        if (header.get("format"), header.get("key")) != (FORMAT, key):  # before hashing a body of megabytes
            return {}
        if header.get("sha256") != hashlib.sha256(body).hexdigest():
            return {}
        files = json.loads(body)
        return files if isinstance(files, dict) else {}
    except (OSError, ValueError, AttributeError):
        return {}


def save(path: Path, key: str, files: dict[str, Any]) -> None:
    """Write the body atomically under `key`; a cache that cannot be written is simply not kept."""
    body = json.dumps(files, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}).encode()
    try:  # not flushed to disk: a cache torn by a crash fails its checksum and is written anew
        write_atomic(path, header + b"\n" + body, root=path.parent, durable=False)
    except DnndError:
        return
