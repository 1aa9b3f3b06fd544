"""Reading update files through the per-file cache: each valid file's record, stored under its path and git
blob id, is taken from the cache when it is there; the others are parsed and checked (`load.update_files`).

The cache holds only files that were valid under the same plan files (its key covers them), so a hit
needs no check again. A file edited while dnnd read it is filed under the content actually read, and the
run keeps no snapshot.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from dnnd.cache import store
from dnnd.cache.keys import CacheKeys
from dnnd.errors import DnndError, Problem
from dnnd.i18n import Text
from dnnd.load.records import Plain, UpdateRecord, jsonable, record_or_none

if TYPE_CHECKING:
    from dnnd.load.update_files import FileChecks


class ReadUpdates:
    """Each update file's record (or its problems), and how to store the valid ones back in the cache."""

    def __init__(self, keys: CacheKeys | None) -> None:
        self.results: dict[str, tuple[UpdateRecord | None, tuple[Problem, ...]]] = {}
        self.keys = keys
        self.plains: dict[str, Plain] = {}
        self.stored: frozenset[str] = frozenset()
        self.ids: dict[str, str] = {}  # the content each record was made from
        self.as_keyed = True  # every file read had the content the caches' keys were computed from

    def save(self, valid: list[str]) -> None:
        """Keep the valid files (parsed and cross-checked) for the next run, if anything changed."""
        if self.keys is None:
            return
        fresh = {f"{rel}\0{self.ids[rel]}": rel for rel in valid if rel in self.ids}
        if fresh.keys() != self.stored:
            plains = {key: jsonable(self.plains[rel]) for key, rel in fresh.items()}
            store.save(self.keys.cache_file, self.keys.files_key, plains)

    def records(self, rels: list[str]) -> list[tuple[str, UpdateRecord]]:
        """The records of files known to be valid; they are, unless a file changed while dnnd read it."""
        found = []
        for rel in rels:
            record, problems = self.results[rel]
            if problems or record is None:
                raise DnndError(
                    Text(
                        f"tệp {rel} vừa thay đổi trong khi dnnd đang đọc: hãy chạy lại lệnh",
                        f"{rel} changed while dnnd was reading it: run the command again",
                    )
                )
            found.append((rel, record))
        return found


def read_updates(root: Path, rels: list[str], keys: CacheKeys | None, checks: FileChecks) -> ReadUpdates:
    """Every update file parsed, validated and checked, through the cache when `keys` are given.

    Records are made as the parsed files arrive, so that their plain form need not be kept (without a cache)."""
    read = ReadUpdates(keys if rels else None)
    stored: dict[str, Any] = {}
    if read.keys is not None:
        stored = store.load(read.keys.cache_file, read.keys.files_key)
        read.stored = frozenset(stored)
    ids = read.keys.ids if read.keys is not None else {}
    todo = []
    for rel in rels:
        hit = stored.get(f"{rel}\0{ids[rel]}") if rel in ids else None
        record = record_or_none(hit)
        if record is None:  # not stored, or stored in a form that does not read: parse the file
            todo.append(rel)
        else:
            assert hit is not None
            read.results[rel] = (record, ())
            read.plains[rel] = hit
            read.ids[rel] = ids[rel]
    if not todo:
        return read
    from dnnd.load.update_files import parse_many  # pydantic, which validates them: only with files to parse

    parsed = parse_many(root, todo, checks, with_ids=read.keys is not None)
    for rel, (_, plain, problems, read_id) in zip(todo, parsed, strict=True):  # this run's rel, not a copy
        read.results[rel] = (record_or_none(plain), tuple(problems))  # a valid file's: the one empty tuple
        if read.keys is not None:
            # a file edited while dnnd ran: its record is filed under what was read, and no snapshot is kept
            read.as_keyed = read.as_keyed and read_id is not None and read_id == ids.get(rel)
            if plain is not None and read_id is not None:
                read.plains[rel] = plain
                read.ids[rel] = read_id
    return read
