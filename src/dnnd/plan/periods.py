"""Reporting periods and their data windows. Pure functions, no I/O.

Under the cut-off convention of Nghị định 09/2019/NĐ-CP (restated for Khánh Hòa by QĐ 01/2023/QĐ-UBND)
a quarter's window runs from the 15th of the month before the quarter to the 14th of its last month:
Q1 = 15/12 of the previous year to 14/03. Half-years and years follow (H1 15/12-14/06, year 15/12-14/12).
Under the calendar convention windows are the calendar quarters, halves and years.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from dnnd.plan.schedules import last_day

Convention = Literal["cutoff", "calendar"]
Kind = Literal["quarter", "half", "year"]
# The years a plan can span: every date dnnd reads or is given lies in them, so that no deadline, window or
# following period computed from one leaves the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def plausible_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


_PERIOD = re.compile(r"(?P<y>\d{4})(?:-(?P<k>[QqHh])(?P<n>\d))?")


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


@dataclass(frozen=True, order=True)
class Period:
    """A quarter (`2020-Q3`), half-year (`2020-H1`) or year (`2020`)."""

    year: int
    first_quarter: int
    last_quarter: int

    @property
    def kind(self) -> Kind:
        span = self.last_quarter - self.first_quarter
        return "quarter" if span == 0 else "half" if span == 1 else "year"

    @property
    def name(self) -> str:
        if self.kind == "quarter":
            return f"{self.year}-Q{self.first_quarter}"
        if self.kind == "half":
            return f"{self.year}-H{1 if self.first_quarter == 1 else 2}"
        return str(self.year)

    def __str__(self) -> str:
        return self.name

    def quarters(self) -> list[Period]:
        return [quarter(self.year, number) for number in range(self.first_quarter, self.last_quarter + 1)]

    def window(self, convention: Convention = "cutoff") -> Window:
        first_month = self.first_quarter * 3 - 2
        last_month = self.last_quarter * 3
        if convention == "calendar":
            return Window(dt.date(self.year, first_month, 1), last_day(self.year, last_month))
        start_year, start_month = (self.year - 1, 12) if first_month == 1 else (self.year, first_month - 1)
        return Window(dt.date(start_year, start_month, 15), dt.date(self.year, last_month, 14))

    def next(self) -> Period:
        """The period of the same kind that follows this one."""
        span = self.last_quarter - self.first_quarter + 1
        if self.last_quarter == 4:
            return Period(self.year + 1, 1, span)
        return Period(self.year, self.last_quarter + 1, self.last_quarter + span)

    def previous(self) -> Period:
        """The period of the same kind that comes before this one."""
        span = self.last_quarter - self.first_quarter + 1
        if self.first_quarter == 1:
            return Period(self.year - 1, 5 - span, 4)
        return Period(self.year, self.first_quarter - span, self.first_quarter - 1)

    def year_before(self) -> Period:
        """The same period a year earlier."""
        return Period(self.year - 1, self.first_quarter, self.last_quarter)


def period_option(period: Period) -> str:
    """The command-line option that names `period`: '--quarter 2020-Q4', '--half 2020-H2', '--year 2020'."""
    return f"--{period.kind} {period.name}"


def quarter(year: int, number: int) -> Period:
    return Period(year, number, number)


@functools.lru_cache(maxsize=4096)
def parse_period(text: str, expected: Kind | None = None) -> Period | None:
    """'2020-Q3', '2020-H1' or '2020' as a Period; None when the text is not one (or not of `expected` kind)."""
    match = _PERIOD.fullmatch(text.strip())
    if match is None:
        return None
    year = int(match["y"])
    if not dt.MINYEAR < year < dt.MAXYEAR:  # a window (from 15/12 of the year before) and the next period must exist
        return None
    kind, number = (match["k"] or "").upper(), int(match["n"] or 0)
    if not kind:
        period = Period(year, 1, 4)
    elif kind == "Q" and 1 <= number <= 4:
        period = quarter(year, number)
    elif kind == "H" and number in (1, 2):
        period = Period(year, 1, 2) if number == 1 else Period(year, 3, 4)
    else:
        return None
    return period if expected is None or period.kind == expected else None


def quarter_containing(day: dt.date, convention: Convention = "cutoff") -> Period:
    """The quarter whose window contains `day` (under cut-off windows, 20/12/2020 is in 2021-Q1)."""
    if convention == "cutoff" and day.day >= 15 and day.month % 3 == 0:
        year, number = (day.year + 1, 1) if day.month == 12 else (day.year, day.month // 3 + 1)
        return quarter(year, number)
    return quarter(day.year, (day.month - 1) // 3 + 1)


def quarters_covered(periods: Iterable[str]) -> dict[Period, str]:
    """Each quarter of the named periods (as locks name them: 2020-Q3, 2020-H2, 2020), with the first of them
    that covers it; names that do not read are passed over."""
    quarters: dict[Period, str] = {}
    for name in periods:
        period = parse_period(name)
        for covered in period.quarters() if period is not None else ():
            quarters.setdefault(covered, name)
    return quarters


def first_reporting_quarter(decision_date: dt.date, convention: Convention = "cutoff") -> Period:
    """The first quarter whose window begins after the decision's date: reporting duty starts there."""
    period = quarter_containing(decision_date, convention)
    while period.window(convention).start <= decision_date:
        period = period.next()
    return period
