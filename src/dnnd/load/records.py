"""What dnnd keeps of a valid update file: a small frozen record, and its JSON form (what the cache stores).

A repository of tens of thousands of files is read into these; they are built without Python-level
constructors and with interned agency, period and status strings.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from dnnd.plan.models import Update

Plain = list[Any]  # the JSON form of a record, as the cache stores it


class DocumentRecord(NamedTuple):
    number: str
    date: dt.date
    title: str


class EntryRecord(NamedTuple):
    """An entry. Its texts are kept as UTF-8 and read as `summary`, `difficulties` and `proposals`: they are
    most of a repository's memory, and a Python string spends two bytes on every letter of a Vietnamese text
    (one with a letter beyond Latin-1), UTF-8 one on most (a loaded 24,000-file repository: 9.5 → 5.6 MiB)."""

    task: int
    status: str
    done_on: dt.date | None
    summary_utf8: bytes
    difficulties_utf8: bytes | None
    proposals_utf8: bytes | None
    documents: tuple[DocumentRecord, ...]
    occurrence: int | None

    @property
    def summary(self) -> str:
        return self.summary_utf8.decode()

    @property
    def difficulties(self) -> str | None:
        return None if self.difficulties_utf8 is None else self.difficulties_utf8.decode()

    @property
    def proposals(self) -> str | None:
        return None if self.proposals_utf8 is None else self.proposals_utf8.decode()

    @classmethod
    def of(
        cls,
        task: int,
        status: str,
        done_on: dt.date | None,
        summary: str,
        difficulties: str | None = None,
        proposals: str | None = None,
        documents: tuple[DocumentRecord, ...] = (),
        occurrence: int | None = None,
    ) -> EntryRecord:
        """An entry made from its texts."""
        return cls(
            task, status, done_on, summary.encode(), _utf8(difficulties), _utf8(proposals), documents, occurrence
        )


def _utf8(text: str | None) -> bytes | None:
    return None if text is None else text.encode()


def _as_utf8(text: str | bytes | None) -> bytes | None:
    """A text of a plain form as UTF-8: str in the cache's JSON form, bytes already as a worker sends it."""
    return text.encode() if type(text) is str else text  # type: ignore[return-value]


class ReporterRecord(NamedTuple):
    name: str | None
    title: str | None
    phone: str | None
    email: str | None


class MoneyRecord(NamedTuple):
    amount: int
    currency: str


class ActivityRecord(NamedTuple):
    kind: str
    title: str
    start: dt.date
    end: dt.date | None
    countries: tuple[str, ...]
    partner: str | None
    people: int | None
    items: int | None  # `count:` in the file (a tuple cannot have a field named count)
    ref: str | None
    tasks: tuple[int, ...]
    note: str | None
    aid_type: str | None
    pledged: MoneyRecord | None
    disbursed: MoneyRecord | None


class UpdateRecord(NamedTuple):
    agency: str
    period: str
    reporter: ReporterRecord | None
    entries: tuple[EntryRecord, ...]
    activities: tuple[ActivityRecord, ...]


class EntryLike(Protocol):
    @property
    def task(self) -> int: ...
    @property
    def occurrence(self) -> int | None: ...


class ActivityLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def start(self) -> dt.date: ...
    @property
    def ref(self) -> str | None: ...
    @property
    def tasks(self) -> Sequence[int]: ...


class UpdateLike(Protocol):
    """What the cross-file checks read of an update: a validated model or a record."""

    @property
    def agency(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def entries(self) -> Sequence[EntryLike]: ...
    @property
    def activities(self) -> Sequence[ActivityLike]: ...


def to_plain(update: Update, *, utf8: bool = False) -> Plain:
    """The record's plain form. With `utf8` the entries' texts are UTF-8 bytes, as a worker sends them: the
    main process keeps them so instead of decoding every text when it receives it and encoding it again;
    `jsonable` gives the cache's JSON form of either."""
    reporter = update.reporter
    text = str.encode if utf8 else _same
    return [
        update.agency,
        update.period,
        [reporter.name, reporter.title, reporter.phone, reporter.email] if reporter else None,
        [
            [
                entry.task,
                entry.status,
                entry.done_on.isoformat() if entry.done_on else None,
                text(entry.summary),
                None if entry.difficulties is None else text(entry.difficulties),
                None if entry.proposals is None else text(entry.proposals),
                [[document.number, document.date.isoformat(), document.title] for document in entry.documents],
                entry.occurrence,
            ]
            for entry in update.entries
        ],
        [
            [
                activity.kind,
                activity.title,
                activity.start.isoformat(),
                activity.end.isoformat() if activity.end else None,
                activity.countries,
                activity.partner,
                activity.people,
                activity.count,
                activity.ref,
                activity.tasks,
                activity.note,
                activity.aid_type,
                [activity.pledged.amount, activity.pledged.currency] if activity.pledged else None,
                [activity.disbursed.amount, activity.disbursed.currency] if activity.disbursed else None,
            ]
            for activity in update.activities
        ],
    ]


def _same(text: str) -> str | bytes:
    return text


def jsonable(plain: Plain) -> Plain:
    """A plain form with its entries' texts as str (the cache's JSON form), whether they were str or UTF-8."""
    entries = plain[3]
    if not any(type(entry[3]) is bytes for entry in entries):
        return plain
    decoded = [[*entry[:3], *(_decoded(text) for text in entry[3:6]), *entry[6:]] for entry in entries]
    return [*plain[:3], decoded, *plain[4:]]


def _decoded(text: str | bytes | None) -> str | None:
    return text.decode() if type(text) is bytes else text  # type: ignore[return-value]


def entry_to_plain(entry: EntryRecord) -> Plain:
    """An entry record in the JSON form `to_plain` gives it."""
    task, status, done_on, _, _, _, documents, occurrence = entry
    issued = [[number, date.isoformat(), title] for number, date, title in documents]
    return [
        task,
        status,
        done_on.isoformat() if done_on else None,
        entry.summary,
        entry.difficulties,
        entry.proposals,
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
    if type(summary) is not bytes:  # the cache's JSON form; a worker sends every text as UTF-8 already
        summary, difficulties, proposals = _as_utf8(summary), _as_utf8(difficulties), _as_utf8(proposals)
    return _new(EntryRecord, (task, sys.intern(status), done, summary, difficulties, proposals, issued, occurrence))


def activity_from_plain(plain: Plain) -> ActivityRecord:
    kind, title, start, end, countries, partner, people, count, ref, tasks, note, aid_type, pledged, disbursed = plain
    day = dt.date.fromisoformat
    return _new(
        ActivityRecord,
        (
            sys.intern(kind),
            title,
            day(start),
            day(end) if end else None,
            tuple(countries),
            partner,
            people,
            count,
            ref,
            tuple(tasks),
            note,
            aid_type,
            _new(MoneyRecord, pledged) if pledged else None,
            _new(MoneyRecord, disbursed) if disbursed else None,
        ),
    )


_reporters: dict[tuple[str | None, ...], ReporterRecord] = {}  # the same clerk signs quarter after quarter


def _reporter(fields: list[str | None]) -> ReporterRecord:
    key = tuple(fields)
    found = _reporters.get(key)
    if found is None:
        found = _reporters[key] = _new(ReporterRecord, key)
    return found


def from_plain(plain: Plain) -> UpdateRecord:
    agency, period, reporter, entries, activities = plain
    agency, period = sys.intern(agency), sys.intern(period)  # one string each, not one per file
    made = tuple(map(entry_from_plain, entries))
    done = tuple(map(activity_from_plain, activities)) if activities else ()
    return _new(UpdateRecord, (agency, period, _reporter(reporter) if reporter else None, made, done))


def record_or_none(plain: Plain | None) -> UpdateRecord | None:
    """The record of a plain form, or None when there is none or it does not read (a damaged cache entry)."""
    if plain is None:
        return None
    try:
        return from_plain(plain)
    except (TypeError, ValueError):
        return None
