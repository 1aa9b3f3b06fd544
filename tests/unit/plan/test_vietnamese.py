"""Dates, document numbers and periods as Vietnamese documents write them (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from dnnd.plan.periods import parse_period
from dnnd.plan.vietnamese import (
    BLANK,
    blank_date,
    change,
    count,
    decimal,
    dmy,
    dmy_hm,
    dmy_or_blank,
    document_number,
    grouped,
    long_date,
    money,
    period_phrase,
    place_date,
    previous_phrase,
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


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1_500_000_000, "1.500.000.000"),
        (1_500_000, "1.500.000"),
        (999, "999"),
        (1000, "1.000"),
        (0, "0"),
        (-1500, "-1.500"),
    ],
)
def test_thousands_are_grouped_with_a_dot(number: int, text: str) -> None:
    assert grouped(number) == text


@pytest.mark.parametrize(
    ("number", "places", "text"),
    [
        (Decimal("23150.5"), 2, "23.150,5"),
        (Decimal("23150"), 2, "23.150"),
        (23150, 2, "23.150"),
        (Decimal("168.43"), 2, "168,43"),
        (Decimal("168.4321"), 2, "168,43"),
        (Decimal("1.50"), 2, "1,5"),
        (Decimal("0.5"), 2, "0,5"),
        (Decimal("-1234.5"), 2, "-1.234,5"),
        (Decimal("27000.25"), 1, "27.000,2"),
        (Decimal("1234.6"), 0, "1.235"),
    ],
)
def test_decimals_take_a_comma_and_drop_trailing_zeros(number: Decimal | int, places: int, text: str) -> None:
    assert decimal(number, places) == text


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (1_500_000_000, "VND", "1,5 tỷ đồng"),
        (1_230_000_000, "VND", "1,23 tỷ đồng"),
        (2_000_000_000, "VND", "2 tỷ đồng"),
        (300_000_000, "VND", "300 triệu đồng"),
        (1_000_000, "VND", "1 triệu đồng"),
        (4_860_000, "USD", "4,86 triệu USD"),
        (20_000, "USD", "20.000 USD"),
        (999_999, "VND", "999.999 đồng"),
        (1_500_000_000, "USD", "1.500 triệu USD"),  # other currencies never in tỷ
    ],
)
def test_sums_are_written_in_the_largest_unit_they_reach_when_exact(amount: int, currency: str, text: str) -> None:
    assert money(amount, currency) == text


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (1_963_000_000, "VND", "1.963.000.000 đồng"),  # 1,963 tỷ needs three decimals; never triệu below tỷ
        (1_234_567, "VND", "1.234.567 đồng"),
        (4_865_000, "USD", "4.865.000 USD"),
        (1_000_000_001, "VND", "1.000.000.001 đồng"),
    ],
)
def test_sums_not_exact_to_two_decimals_are_written_in_full_never_rounded(
    amount: int, currency: str, text: str
) -> None:
    assert money(amount, currency) == text


@pytest.mark.parametrize(
    ("number", "leading_zero", "text"),
    [(9, False, "9"), (9, True, "09"), (0, True, "00"), (12, True, "12"), (12, False, "12"), (1500, True, "1.500")],
)
def test_counts_take_a_leading_zero_below_ten_only_when_asked(number: int, leading_zero: bool, text: str) -> None:
    assert count(number, leading_zero) == text


@pytest.mark.parametrize(
    ("delta", "leading_zero", "phrase"),
    [
        (1, False, "tăng 1 đoàn so với quý trước"),
        (-2, False, "giảm 2 đoàn so với quý trước"),
        (-2, True, "giảm 02 đoàn so với quý trước"),
        (1200, False, "tăng 1.200 đoàn so với quý trước"),
        (0, True, "bằng quý trước"),
    ],
)
def test_changes_read_as_increase_decrease_or_equal(delta: int, leading_zero: bool, phrase: str) -> None:
    assert change(delta, "đoàn", "quý trước", leading_zero) == phrase


@pytest.mark.parametrize(
    ("period", "phrase"),
    [
        ("2021-Q1", "quý trước"),
        ("2020-Q3", "quý trước"),
        ("2020-H2", "6 tháng đầu năm"),
        ("2021-H1", "6 tháng cuối năm 2020"),
        ("2020", "năm trước"),
    ],
)
def test_the_previous_period_is_named_as_reports_name_it(period: str, phrase: str) -> None:
    parsed = parse_period(period)
    assert parsed is not None and previous_phrase(parsed) == phrase


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2021, 2, 5), "ngày 05 tháng 02 năm 2021"),
        (dt.date(2021, 1, 9), "ngày 09 tháng 01 năm 2021"),
        (dt.date(2020, 3, 1), "ngày 01 tháng 3 năm 2020"),
        (dt.date(2020, 9, 30), "ngày 30 tháng 9 năm 2020"),
        (dt.date(2020, 12, 16), "ngày 16 tháng 12 năm 2020"),
    ],
)
def test_long_dates_zero_pad_days_below_ten_and_months_one_and_two_only(day: dt.date, text: str) -> None:
    assert long_date(day) == text
