"""Working days: weekends and listed public holidays are skipped (QĐ 01/2023/QĐ-UBND: 2 working days)."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.plan.workdays import add_working_days, is_working_day

D = dt.date


@pytest.mark.parametrize(
    ("start", "count", "holidays", "expected"),
    [
        (D(2020, 9, 14), 2, (), D(2020, 9, 16)),  # Monday: no weekend in between
        (D(2023, 9, 14), 2, (), D(2023, 9, 18)),  # Thursday: Friday, then Monday
        (D(2023, 9, 15), 1, (), D(2023, 9, 18)),  # Friday + 1 is Monday
        (D(2023, 9, 16), 1, (), D(2023, 9, 18)),  # from a Saturday
        (D(2023, 9, 14), 2, (D(2023, 9, 15),), D(2023, 9, 19)),  # Friday is a holiday
        (D(2023, 9, 14), 2, (D(2023, 9, 16),), D(2023, 9, 18)),  # a holiday on a Saturday changes nothing
        (D(2024, 2, 7), 2, tuple(D(2024, 2, day) for day in (8, 9, 12, 13, 14)), D(2024, 2, 16)),  # Tết
        (D(2023, 9, 16), 0, (), D(2023, 9, 16)),  # no working day added: the day itself
    ],
)
def test_add_working_days(start: dt.date, count: int, holidays: tuple[dt.date, ...], expected: dt.date) -> None:
    assert add_working_days(start, count, set(holidays)) == expected


def test_is_working_day() -> None:
    assert is_working_day(D(2023, 9, 15), ())
    assert not is_working_day(D(2023, 9, 16), ())  # Saturday
    assert not is_working_day(D(2023, 9, 17), ())  # Sunday
    assert not is_working_day(D(2023, 9, 2), {D(2023, 9, 2)})  # Quốc khánh, itself a Saturday
    assert not is_working_day(D(2023, 9, 4), {D(2023, 9, 4)})  # a holiday on a Monday


def test_day_itself_is_not_counted() -> None:
    friday = D(2023, 9, 15)
    assert add_working_days(friday, 1, ()) != friday
    assert add_working_days(friday, 5, ()) == D(2023, 9, 22)
