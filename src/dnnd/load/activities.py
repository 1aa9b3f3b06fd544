"""The people-to-people diplomacy activities of the valid update files, each counted once, in its period.

An activity belongs to the quarter whose data window holds its `start`, whichever file reports it (a file
may report an earlier, unlocked quarter's activity late: a warning, not an error). The same activity
reported by several agencies, or again in a later file (same `kind` and `ref`), is one activity: every
agency that reported it is named, `people` is the largest figure given, `countries` and `tasks` are the
union, the earliest `start` and latest `end` are kept (differing starts are a warning), and the other
fields are those of the first report in the repository's order. Activities without `ref` are never merged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from typing import Any, NamedTuple

from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.records import ActivityRecord, MoneyRecord, UpdateRecord
from dnnd.plan.periods import Convention, Window, parse_period, quarter_containing
from dnnd.plan.vietnamese import dmy


class CountedActivity(NamedTuple):
    """An activity as it is counted: once, with every agency that reported it, in the quarter of its start."""

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
    agencies: tuple[str, ...]
    period: str


def ref_key(kind: str, ref: str) -> tuple[str, str]:
    """What makes two reports the same activity: the kind and the document number, however spaced or cased
    ('1234/QĐ-UBND', '1234 / qđ-ubnd'): a document number holds no space of its own."""
    return kind, "".join(ref.split()).casefold()


class _Windows:
    """The data window of each quarter named by a file, and the quarter of each day, computed once each."""

    def __init__(self, convention: Convention) -> None:
        self.convention = convention
        self.windows: dict[str, Window] = {}
        self.quarters: dict[dt.date, str] = {}

    def window(self, period: str) -> Window:
        if period not in self.windows:
            quarter = parse_period(period, "quarter")
            assert quarter is not None  # the file name pattern guarantees it
            self.windows[period] = quarter.window(self.convention)
        return self.windows[period]

    def quarter(self, day: dt.date) -> str:
        if day not in self.quarters:
            self.quarters[day] = quarter_containing(day, self.convention).name
        return self.quarters[day]


def _late(rel: str, index: int, activity: ActivityRecord, counted_in: str, file_period: str) -> Problem:
    title = " ".join(activity.title.split())
    return Problem(
        rel,
        None,
        None,
        f"activities[{index}]",
        Text(
            f"hoạt động '{title}' bắt đầu ngày {dmy(activity.start)}, trước kỳ {file_period} của tệp: báo cáo muộn, "
            f"được tính vào kỳ {counted_in}",
            f"activity '{title}' started on {activity.start.isoformat()}, before this file's period {file_period}: a "
            f"late report, counted in {counted_in}",
        ),
    )


def activity_warnings(updates: Sequence[tuple[str, UpdateRecord]], convention: Convention) -> list[Problem]:
    """What `dnnd validate` warns about the activities: late reports, and one activity (same kind and ref)
    reported with different start dates. One pass, no record built."""
    windows = _Windows(convention)
    warnings: list[Problem] = []
    starts: dict[tuple[str, str], list[tuple[dt.date, str, str, int, str]]] = {}
    for rel, update in updates:
        if not update.activities:
            continue
        window_start = windows.window(update.period).start
        for index, activity in enumerate(update.activities):
            if activity.start < window_start:
                warnings.append(_late(rel, index, activity, windows.quarter(activity.start), update.period))
            if activity.ref:
                key = ref_key(activity.kind, activity.ref)
                starts.setdefault(key, []).append((activity.start, update.agency, rel, index, activity.ref))
    for (kind, _), reports in starts.items():
        days = {report[0] for report in reports}
        if len(days) < 2:
            continue
        earliest = min(days)
        said = ", ".join(f"{agency} {dmy(day)}" for day, agency, *_ in reports)
        ref = reports[0][4]
        for day, _, rel, index, _ in reports:
            if day == earliest:
                continue
            warnings.append(
                Problem(
                    rel,
                    None,
                    None,
                    f"activities[{index}].start",
                    Text(
                        f"hoạt động {kind} số {ref} được báo cáo với ngày bắt đầu khác nhau ({said}): được tính một "
                        f"lần, từ ngày sớm nhất {dmy(earliest)}",
                        f"activity {kind} {ref} is reported with different start dates ({said}): it counts once, "
                        f"from the earliest, {earliest.isoformat()}",
                    ),
                )
            )
    return warnings


def count_activities(
    updates: Iterable[tuple[str, UpdateRecord]], convention: Convention, quarters: Collection[str] | None = None
) -> list[CountedActivity]:
    """Every activity of the (rel, record) pairs (of `quarters` only, when given), merged by kind and ref,
    each in the quarter of its start; in the order of their first report. Runs over every activity of a
    repository: one without a ref (most of them) is counted at once, or passed over when its quarter is not
    wanted; one with a ref is merged as a list (its quarter is known once every report of it is seen)."""
    quarter = _Windows(convention).quarter
    new = tuple.__new__
    merged: dict[tuple[str, str], list[Any]] = {}  # key → the fields of a CountedActivity, while merging
    listed: list[Any] = []  # counted activities, and the lists of those still merging, in order of first report
    for _, update in updates:
        agency = update.agency
        alone = (agency,)
        for activity in update.activities:
            if not activity.ref:
                counted_in = quarter(activity.start)
                if quarters is None or counted_in in quarters:
                    listed.append(new(CountedActivity, (*activity, alone, counted_in)))
                continue
            key = ref_key(activity.kind, activity.ref)
            found = merged.get(key)
            if found is None:
                merged[key] = found = [*activity, alone, ""]
                listed.append(found)
                continue
            found[2] = min(found[2], activity.start)
            if activity.end is not None:
                found[3] = activity.end if found[3] is None else max(found[3], activity.end)
            found[4] = tuple(dict.fromkeys((*found[4], *activity.countries)))
            if activity.people is not None:
                found[6] = activity.people if found[6] is None else max(found[6], activity.people)
            found[9] = tuple(sorted({*found[9], *activity.tasks}))
            if agency not in found[14]:
                found[14] = (*found[14], agency)
    for fields in merged.values():
        fields[15] = quarter(fields[2])
    return [
        new(CountedActivity, item) if type(item) is list else item
        for item in listed
        if quarters is None or (item[15] if type(item) is list else item.period) in quarters
    ]


def to_plain(activity: CountedActivity) -> list[Any]:
    """The JSON form the activities snapshot keeps."""
    return [
        *activity[:2],
        activity.start.isoformat(),
        activity.end.isoformat() if activity.end else None,
        *activity[4:15],
        activity.period,
    ]


def from_plain(plain: list[Any]) -> CountedActivity:
    """An activity from its JSON form; raises TypeError or ValueError when it does not read."""
    (kind, title, start, end, countries, partner, people, count, ref, tasks, note, aid_type, pledged, disbursed,
     agencies, period) = plain  # fmt: skip
    day = dt.date.fromisoformat
    return CountedActivity(
        kind,
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
        MoneyRecord(*pledged) if pledged else None,
        MoneyRecord(*disbursed) if disbursed else None,
        tuple(agencies),
        period,
    )
