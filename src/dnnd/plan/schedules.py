"""Timing phrases of a decision turned into schedules, and their deadlines. Pure functions, no I/O."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER = r"(?P<q>iv|iii|ii|i|[1-4])"
_YEARLY = r"(?:hàng|hằng)\s*năm"


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Ongoing:
    """`Thường xuyên`: no deadline, expected in every report."""


@dataclass(frozen=True)
class Once:
    """Due once, on `due` (inclusive)."""

    due: dt.date


@dataclass(frozen=True)
class Yearly:
    """Due every year on `month`/`day` (inclusive); `day` None is the month's last day."""

    month: int
    day: int | None = None

    def due(self, year: int) -> dt.date:
        end = last_day(year, self.month)
        return end if self.day is None or self.day > end.day else dt.date(year, self.month, self.day)


@dataclass(frozen=True)
class AfterEvents:
    """Starts once every named event has occurred; no deadline unless `within_days` is set.

    `issuers` holds the names read from the phrase until validation resolves them to `events` ids.
    """

    issuers: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    within_days: int | None = None


Schedule = Ongoing | Once | Yearly | AfterEvents

KNOWN_FORMS = (
    "Thường xuyên",
    "Quý III/2020 (hoặc Quý 3/2020, Quý III năm 2020)",
    "Tháng 6/2021",
    "Năm 2021",
    "Trước ngày 15/12/2020 (hoặc Trước 15/12/2020)",
    "Chậm nhất ngày 15/12/2020",
    "Trước ngày 18/11 hàng năm",
    "Quý IV hàng năm",
    "Tháng 12 hàng năm",
    "Sau khi có hướng dẫn của Bộ Ngoại giao (và Bộ Nội vụ)",
)


def _normal(phrase: str) -> str:
    text = unicodedata.normalize("NFC", phrase).lower()
    text = re.sub(r"\s+", " ", text).strip().rstrip(".;, ")
    return re.sub(r"\s*/\s*", "/", text)


def _quarter(token: str) -> int:
    return _ROMAN[token] if token in _ROMAN else int(token)


def _before(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) - dt.timedelta(days=1)
    except ValueError:
        return None


_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), name)
    for pattern, name in (
        (r"thường xuyên", "ongoing"),
        (rf"quý {_QUARTER}(?:/| năm )(?P<y>\d{{4}})", "quarter"),
        (r"tháng (?P<m>\d{1,2})(?:/| năm )(?P<y>\d{4})", "month"),
        (r"năm (?P<y>\d{4})", "year"),
        (r"trước (?:ngày )?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})", "before"),
        (r"trước (?:ngày )?(?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})", "before"),
        (r"chậm nhất (?:là )?(?:ngày )?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})", "by"),
        (rf"trước (?:ngày )?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}) {_YEARLY}", "yearly_before"),
        (rf"quý {_QUARTER} {_YEARLY}", "yearly_quarter"),
        (rf"tháng (?P<m>\d{{1,2}}) {_YEARLY}", "yearly_month"),
        (r"sau khi có hướng dẫn của (?P<names>.+)", "after"),
    )
)


def parse_timing(phrase: str) -> Schedule | None:
    """The schedule a timing phrase describes, or None when the phrase is not one of KNOWN_FORMS."""
    text = _normal(phrase)
    for pattern, name in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        try:
            return _build(name, groups, phrase)
        except ValueError:
            return None
    return None


def _build(name: str, groups: dict[str, str], phrase: str) -> Schedule | None:
    if name == "ongoing":
        return Ongoing()
    if name == "quarter":
        return Once(last_day(int(groups["y"]), _quarter(groups["q"]) * 3))
    if name == "month":
        return Once(last_day(int(groups["y"]), int(groups["m"])))
    if name == "year":
        return Once(dt.date(int(groups["y"]), 12, 31))
    if name == "before":
        due = _before(int(groups["d"]), int(groups["m"]), int(groups["y"]))
        return Once(due) if due else None
    if name == "by":
        return Once(dt.date(int(groups["y"]), int(groups["m"]), int(groups["d"])))
    if name == "yearly_before":
        day, month = int(groups["d"]), int(groups["m"])
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
            return None
        if day == 1:
            previous = 12 if month == 1 else month - 1
            return Yearly(previous, None)
        return Yearly(month, day - 1)
    if name == "yearly_quarter":
        return Yearly(_quarter(groups["q"]) * 3, None)
    if name == "yearly_month":
        month = int(groups["m"])
        return Yearly(month, None) if 1 <= month <= 12 else None
    return AfterEvents(issuers=_issuer_names(phrase))


def _issuer_names(phrase: str) -> tuple[str, ...]:
    """'Sau khi có hướng dẫn của Bộ Ngoại giao và Bộ Nội vụ' -> ('Bộ Ngoại giao', 'Bộ Nội vụ'), as written."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", phrase)).strip().rstrip(".;, ")
    tail = re.split(r"(?i)hướng dẫn của ", text, maxsplit=1)[1]
    return tuple(part.strip() for part in re.split(r"(?i)\s*,\s*|\s+và\s+", tail) if part.strip())


def yearly_occurrence(schedule: Yearly, first_year: int, on_or_after: dt.date) -> int:
    """The first occurrence (a year, from `first_year`) whose deadline falls on or after `on_or_after`."""
    year = max(first_year, on_or_after.year - 1)
    while schedule.due(year) < on_or_after:
        year += 1
    return year
