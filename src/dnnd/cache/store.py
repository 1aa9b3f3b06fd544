"""The caches' files: JSON under the repository's git directory, guarded by a checksum, written atomically
(never through a link, and no temporary file left behind when a write fails).

Nothing in them runs code when read. A file that is missing, corrupt, foreign (another key) or from
another format is ignored, and the cache is written anew.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
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


def save_sections(path: Path, key: str, sections: dict[str, bytes]) -> None:
    """Write named byte sections after a header that indexes them (offset, length, checksum of each), so
    that a reader reads and checks only the sections it needs."""
    index, offset = {}, 0
    for name, data in sections.items():
        index[name] = [offset, len(data), hashlib.sha256(data).hexdigest()]
        offset += len(data)
    header = json.dumps({"format": FORMAT, "key": key, "sections": index}, ensure_ascii=False).encode()
    try:
        write_atomic(path, header + b"\n" + b"".join(sections.values()), root=path.parent, durable=False)
    except DnndError:
        return


def load_sections(path: Path, key: str, names: Iterable[str] | None) -> dict[str, bytes] | None:
    """The sections `names` (all when None) that the file holds and that pass their checksum; None when the
    file is missing, foreign or damaged."""
    try:
        with open(path, "rb") as file:
            header = json.loads(file.readline())
            if (header.get("format"), header.get("key")) != (FORMAT, key):
                return None
            index = header["sections"]
            start = file.tell()
            found = {}
            for name in index if names is None else [name for name in names if name in index]:
                offset, length, digest = index[name]
                file.seek(start + offset)
                data = file.read(length)
                if len(data) != length or hashlib.sha256(data).hexdigest() != digest:
                    return None
                found[name] = data
            return found
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return None
