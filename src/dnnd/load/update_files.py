"""Reading the agencies' update files: fast, in parallel when there are many, into light records.

A file is parsed by the fast path when it can vouch for it (`fastpath`), else by `yamlio`; either way
pydantic validates it. A valid file is then checked against the plan by the checks it is given (the
registry's, in `checks`), which this layer knows only by the `FileChecks` protocol. Files with problems
are parsed again by `yamlio`, whose positions the messages need.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from pydantic import ValidationError

from dnnd.errors import DataError, Problem
from dnnd.load import fastpath
from dnnd.load.decoding import decode_text
from dnnd.load.git import content_id
from dnnd.load.layout import read_bytes
from dnnd.load.records import Plain, UpdateLike, to_plain
from dnnd.load.validation import validate_document
from dnnd.load.workers import mark_worker, workers_for
from dnnd.load.yamlio import YamlDocument, parse_yaml
from dnnd.plan.models import Update

PARALLEL_MIN_FILES = 400
SMALLEST_CHUNK = 50  # files: a chunk's round trip costs about one file's work


class FileChecks(Protocol):
    """The checks of one update file beyond its own schema."""

    def of_record(self, update: UpdateLike, doc: YamlDocument, rel: str) -> list[Problem]:
        """The problems of a file that validated (`doc` has positions only when the file was read with them)."""
        ...

    def of_document(self, doc: YamlDocument, rel: str, known: list[Problem]) -> list[Problem]:
        """More problems of a file that did not validate, beside the `known` ones, so that all are told at once."""
        ...


def parse_slow(raw: bytes, rel: str, checks: FileChecks | None = None) -> tuple[Update, YamlDocument]:
    """Parse with positions; raises DataError with every problem of the file, those `checks` find in a
    document that does not validate included."""
    doc = parse_yaml(decode_text(raw, rel), rel)
    try:
        return validate_document(Update, doc, rel), doc
    except DataError as error:
        more = checks.of_document(doc, rel, error.problems) if checks is not None else []
        raise DataError(error.problems + more) from None


def read_update(raw: bytes, rel: str, checks: FileChecks | None = None) -> Update:
    """One file validated; raises DataError with positions when it is not valid."""
    text = decode_text(raw, rel)
    data = fastpath.parse(text)
    if data is not None:
        try:
            return Update.model_validate(data)
        except ValidationError:
            pass  # the slow path says where, and may read the file differently
    return parse_slow(raw, rel, checks)[0]


class Parsed(NamedTuple):
    """One file's outcome: its plain record (texts as UTF-8) or its problems, and the git blob id of the bytes
    actually read (None if none could be, or none was asked for), so that a cache never files what was read
    under the id of other content."""

    rel: str
    plain: Plain | None
    problems: list[Problem]
    content_id: str | None


_checks: FileChecks | None = None  # set before worker processes are forked, which inherit it
_NO_POSITIONS = YamlDocument(None)  # what a check of a file read by the fast path locates problems in: nothing


def _parse_file(root: Path, rel: str, with_id: bool = True) -> Parsed:
    """A file parsed, validated and checked: its plain record, or the problems with their positions."""
    try:
        raw = read_bytes(os.path.join(root, rel), rel)
    except DataError as error:
        return Parsed(rel, None, error.problems, None)
    read_id = content_id(raw) if with_id else None
    try:
        update = read_update(raw, rel, _checks)
        if _checks is not None:
            problems = _checks.of_record(update, _NO_POSITIONS, rel)
            if problems:  # read it again with positions, for messages that say where
                return Parsed(rel, None, _checks.of_record(update, parse_slow(raw, rel)[1], rel), read_id)
        return Parsed(rel, to_plain(update, utf8=True), [], read_id)
    except DataError as error:
        return Parsed(rel, None, error.problems, read_id)


def _parse_chunk(job: tuple[Path, Sequence[str], bool]) -> list[Parsed]:
    root, rels, with_ids = job
    return [_parse_file(root, rel, with_ids) for rel in rels]


def _parse_chunk_packed(job: tuple[Path, Sequence[str], bool]) -> tuple[bytes, list[tuple[int, list[Problem]]]]:
    """A worker's chunk as it travels back: the records and blob ids marshalled (plain lists, texts and
    numbers: half the time of pickling `Parsed` tuples at both ends), and the problems, rare, by their index."""
    parsed = _parse_chunk(job)
    problems = [(index, found.problems) for index, found in enumerate(parsed) if found.problems]
    return marshal.dumps([(found.plain, found.content_id) for found in parsed]), problems


def chunk_bounds(count: int, workers: int) -> list[tuple[int, int]]:
    """How `count` files are cut into chunks for `workers` processes: each chunk a quarter of a worker's share
    of what is left, so that the chunks shrink towards the end and the workers finish together (equal
    chunks of 1,500 files left one worker idle for up to half a second of a 24,000-file load)."""
    bounds = []
    start = 0
    while start < count:
        end = min(count, start + max(SMALLEST_CHUNK, -(-(count - start) // (workers * 4))))
        bounds.append((start, end))
        start = end
    return bounds


def parse_many(
    root: Path, rels: Sequence[str], checks: FileChecks | None = None, *, with_ids: bool = True
) -> Iterator[Parsed]:
    """Parse and check every file, in order, in forked worker processes when there are many and more than
    one core; results arrive chunk by chunk, so the caller need not hold them all at once. Without
    `with_ids` (no cache to file records under them) the files' git blob ids are not computed."""
    global _checks
    _checks = checks
    try:
        workers = workers_for(len(rels), PARALLEL_MIN_FILES)
        if workers == 1:
            yield from _parse_chunk((root, rels, with_ids))
            return
        import multiprocessing  # only when there are many files: they cost start-up to import
        from concurrent.futures import ProcessPoolExecutor

        bounds = chunk_bounds(len(rels), workers)
        jobs = [(root, rels[start:end], with_ids) for start, end in bounds]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=mark_worker) as pool:
            for (start, _), (packed, problems) in zip(bounds, pool.map(_parse_chunk_packed, jobs), strict=True):
                told = dict(problems)
                for index, (plain, read_id) in enumerate(marshal.loads(packed)):
                    yield Parsed(rels[start + index], plain, told.get(index, []), read_id)
    finally:
        _checks = None
