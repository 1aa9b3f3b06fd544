"""Working days: weekends and listed public holidays skipped. Pure functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection


def is_working_day(day: dt.date, holidays: Collection[dt.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(day: dt.date, count: int, holidays: Collection[dt.date]) -> dt.date:
    """The date `count` working days after `day` (`day` itself not counted)."""
    current = day
    remaining = count
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current, holidays):
            remaining -= 1
    return current
