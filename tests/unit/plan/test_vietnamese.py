"""Dates, document numbers and periods as Vietnamese documents write them (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.plan.periods import parse_period
from dnnd.plan.vietnamese import (
    BLANK,
    blank_date,
    dmy,
    dmy_hm,
    dmy_or_blank,
    document_number,
    period_phrase,
    place_date,
)


def test_dates_are_day_month_year_with_leading_zeros() -> None:
    assert dmy(dt.date(2021, 2, 5)) == "05/02/2021"
    assert dmy_or_blank(dt.date(2020, 12, 16)) == "16/12/2020"
    assert dmy_or_blank(None) == dmy_or_blank("2020-12-16") == ""
    assert dmy_hm(dt.datetime(2020, 12, 15, 16, 5)) == "15/12/2020 16:05"


@pytest.mark.parametrize(
    ("day", "line"),
    [
        (dt.date(2021, 2, 5), "Khánh Hòa, ngày 05 tháng 02 năm 2021"),
        (dt.date(2020, 12, 16), "Khánh Hòa, ngày 16 tháng 12 năm 2020"),
        (dt.date(2020, 3, 1), "Khánh Hòa, ngày 01 tháng 3 năm 2020"),
    ],
)
def test_place_and_date_line(day: dt.date, line: str) -> None:
    assert place_date("Khánh Hòa", day, day.year) == line


def test_blanks_for_the_clerk() -> None:
    assert place_date("Khánh Hòa", None, 2021) == f"Khánh Hòa, ngày{BLANK * 4}tháng{BLANK * 4}năm 2021"
    assert blank_date(2021) == f"{BLANK * 3}/{BLANK * 3}/2021"
    assert document_number(None) == BLANK * 6
    assert (document_number(5), document_number(125)) == ("05", "125")


@pytest.mark.parametrize(
    ("period", "phrase"),
    [
        ("2020-Q4", "quý IV năm 2020"),
        ("2021-Q1", "quý I năm 2021"),
        ("2020-H1", "6 tháng đầu năm 2020"),
        ("2020-H2", "6 tháng cuối năm 2020"),
        ("2020", "năm 2020"),
    ],
)
def test_period_phrases(period: str, phrase: str) -> None:
    parsed = parse_period(period)
    assert parsed is not None and period_phrase(parsed) == phrase
