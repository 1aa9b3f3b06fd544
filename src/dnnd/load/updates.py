"""Reading the agencies' update files: fast, in parallel when there are many, into light records.

A file is parsed by the fast path when it can vouch for it (`fastpath`), else by `yamlio`; either way
pydantic validates it. What the rest of dnnd keeps of a valid file is a small frozen record, also the
form the cache stores. Invalid files are parsed again by `yamlio`, whose positions the messages need.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from pydantic import ValidationError

from dnnd.cache.store import blob_id
from dnnd.checks.cross_file import path_mismatches
from dnnd.errors import DataError, Problem
from dnnd.load import fastpath
from dnnd.load.state import read_bytes
from dnnd.load.validation import validate_document
from dnnd.load.yamlio import YamlDocument, decode_text, parse_yaml
from dnnd.plan.models import Update

PARALLEL_MIN_FILES = 400

Plain = list[Any]  # the JSON form of a record, as the cache stores it


class DocumentRecord(NamedTuple):
    number: str
    date: dt.date
    title: str


class EntryRecord(NamedTuple):
    task: int
    status: str
    done_on: dt.date | None
    summary: str
    difficulties: str | None
    proposals: str | None
    documents: tuple[DocumentRecord, ...]
    occurrence: int | None


class ReporterRecord(NamedTuple):
    name: str | None
    title: str | None
    phone: str | None
    email: str | None


class UpdateRecord(NamedTuple):
    agency: str
    period: str
    reporter: ReporterRecord | None
    entries: tuple[EntryRecord, ...]


def to_plain(update: Update) -> Plain:
    reporter = update.reporter
    return [
        update.agency,
        update.period,
        [reporter.name, reporter.title, reporter.phone, reporter.email] if reporter else None,
        [
            [
                entry.task,
                entry.status,
                entry.done_on.isoformat() if entry.done_on else None,
                entry.summary,
                entry.difficulties,
                entry.proposals,
                [[document.number, document.date.isoformat(), document.title] for document in entry.documents],
                entry.occurrence,
            ]
            for entry in update.entries
        ],
    ]


def entry_to_plain(entry: EntryRecord) -> Plain:
    """An entry record in the JSON form `to_plain` gives it."""
    task, status, done_on, summary, difficulties, proposals, documents, occurrence = entry
    issued = [[number, date.isoformat(), title] for number, date, title in documents]
    return [
        task,
        status,
        done_on.isoformat() if done_on else None,
        summary,
        difficulties,
        proposals,
        issued,
        occurrence,
    ]


_new = tuple.__new__  # builds a named tuple without the Python-level __new__: these are made by the ten thousand


def entry_from_plain(plain: Plain) -> EntryRecord:
    task, status, done_on, summary, difficulties, proposals, documents, occurrence = plain
    day = dt.date.fromisoformat
    issued = (
        tuple(_new(DocumentRecord, (number, day(date), title)) for number, date, title in documents)
        if documents
        else ()
    )
    done = day(done_on) if done_on else None
    return _new(EntryRecord, (task, sys.intern(status), done, summary, difficulties, proposals, issued, occurrence))


def from_plain(plain: Plain) -> UpdateRecord:
    agency, period, reporter, entries = plain
    agency, period = sys.intern(agency), sys.intern(period)  # one string each, not one per file
    made = tuple(map(entry_from_plain, entries))
    return _new(UpdateRecord, (agency, period, _new(ReporterRecord, reporter) if reporter else None, made))


def parse_slow(raw: bytes, rel: str) -> tuple[Update, YamlDocument]:
    """Parse with positions; raises DataError with every problem of the file, also whether its agency and
    period disagree with its folder and name (which the cross-file checks would say once the rest is fixed)."""
    doc = parse_yaml(decode_text(raw, rel), rel)
    try:
        return validate_document(Update, doc, rel), doc
    except DataError as error:
        raise DataError(error.problems + _path_problems(doc, rel, error.problems)) from None


def _path_problems(doc: YamlDocument, rel: str, known: list[Problem]) -> list[Problem]:
    parts = rel.split("/")  # plan/updates/<folder>/<period>.yaml
    if len(parts) != 4 or not isinstance(doc.data, dict):
        return []
    fields = {problem.field for problem in known}
    found = path_mismatches(
        doc.data.get("agency"), doc.data.get("period"), doc, rel, folder=parts[2], period=parts[3].removesuffix(".yaml")
    )
    return [problem for problem in found if problem.field not in fields]


def read_update(raw: bytes, rel: str) -> Update:
    """One file validated; raises DataError with positions when it is not valid."""
    text = decode_text(raw, rel)
    data = fastpath.parse(text)
    if data is not None:
        try:
            return Update.model_validate(data)
        except ValidationError:
            pass  # the slow path says where, and may read the file differently
    return parse_slow(raw, rel)[0]


def parse_update(raw: bytes, rel: str) -> Plain:
    """The record of one file in plain form; raises DataError with positions when it is not valid."""
    return to_plain(read_update(raw, rel))


class EntryLike(Protocol):
    @property
    def task(self) -> int: ...
    @property
    def occurrence(self) -> int | None: ...


class UpdateLike(Protocol):
    """What the cross-file checks read of an update: a validated model or a record."""

    @property
    def agency(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def entries(self) -> Sequence[EntryLike]: ...


Check = Callable[[UpdateLike, YamlDocument, str], list[Problem]]
_check: Check | None = None  # the cross-file checks, set before worker processes are forked


class Parsed(NamedTuple):
    """One file's outcome: its plain record or its problems, and the git blob id of the bytes actually read
    (None if none could be), so that a cache never files what was read under the id of other content."""

    rel: str
    plain: Plain | None
    problems: list[Problem]
    content_id: str | None


def _parse_file(root: Path, rel: str) -> Parsed:
    """A file parsed, validated and cross-checked: its plain record, or the problems with their positions."""
    try:
        raw = read_bytes(os.path.join(root, rel), rel)
    except DataError as error:
        return Parsed(rel, None, error.problems, None)
    content_id = blob_id(raw)
    try:
        update = read_update(raw, rel)
        if _check is not None:
            problems = _check(update, YamlDocument(None), rel)
            if problems:  # read it again with positions, for messages that say where
                return Parsed(rel, None, _check(update, parse_slow(raw, rel)[1], rel), content_id)
        return Parsed(rel, to_plain(update), [], content_id)
    except DataError as error:
        return Parsed(rel, None, error.problems, content_id)


def _parse_chunk(job: tuple[Path, Sequence[str]]) -> list[Parsed]:
    root, rels = job
    return [_parse_file(root, rel) for rel in rels]


def workers_for(count: int, minimum: int = 2) -> int:
    """How many forked processes to share `count` jobs among: one (no fork) below `minimum` jobs, on one
    core, where fork is not available, or inside a worker already (workers do not fork workers)."""
    cpus = os.cpu_count() or 1
    if count < minimum or cpus < 2 or _in_worker:
        return 1
    import multiprocessing

    return min(cpus, 8) if "fork" in multiprocessing.get_all_start_methods() else 1


_in_worker = False


def mark_worker() -> None:
    """Run in each forked worker: what it does, it does in its own process."""
    global _in_worker
    _in_worker = True


def parse_many(root: Path, rels: Sequence[str], check: Check | None = None) -> Iterator[Parsed]:
    """Parse and check every file, in order, in forked worker processes when there are many and more than
    one core; results arrive chunk by chunk, so the caller need not hold them all at once."""
    global _check
    _check = check
    try:
        workers = workers_for(len(rels), PARALLEL_MIN_FILES)
        if workers == 1:
            yield from _parse_chunk((root, rels))
            return
        import multiprocessing  # only when there are many files: they cost start-up to import
        from concurrent.futures import ProcessPoolExecutor

        size = max(1, len(rels) // (workers * 8))
        jobs = [(root, rels[start : start + size]) for start in range(0, len(rels), size)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=mark_worker) as pool:
            for chunk in pool.map(_parse_chunk, jobs):
                yield from chunk
    finally:
        _check = None
