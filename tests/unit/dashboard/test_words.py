"""The dashboard's numbers, dates, periods and shared words, in Vietnamese or English."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.dashboard.words import WORDS, Writer
from dnnd.i18n import Text
from dnnd.plan.periods import Period, parse_period


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def test_vietnamese_groups_thousands_with_dots_and_writes_day_month_year() -> None:
    writer = Writer("vi")
    assert (writer.number(1_500_000), writer.number(999), writer.number(0)) == ("1.500.000", "999", "0")
    assert writer.date(dt.date(2021, 2, 5)) == "05/02/2021"
    assert writer.date(None) == ""


def test_english_groups_thousands_with_commas_and_writes_iso_dates() -> None:
    writer = Writer("en")
    assert (writer.number(1_500_000), writer.number(999)) == ("1,500,000", "999")
    assert writer.date(dt.date(2021, 2, 5)) == "2021-02-05"
    assert writer.date(None) == ""


@pytest.mark.parametrize(
    ("name", "vi", "en"),
    [
        ("2020-Q4", "quý IV năm 2020", "2020-Q4"),
        ("2021-Q1", "quý I năm 2021", "2021-Q1"),
        ("2020-H2", "6 tháng cuối năm 2020", "2020-H2"),
        ("2021", "năm 2021", "2021"),
    ],
)
def test_a_period_in_a_heading(name: str, vi: str, en: str) -> None:
    assert (Writer("vi").period(P(name)), Writer("en").period(P(name))) == (vi, en)


@pytest.mark.parametrize(("name", "vi"), [("2020-Q4", "IV/2020"), ("2021-Q1", "I/2021"), ("2022-Q3", "III/2022")])
def test_a_quarter_along_a_charts_axis(name: str, vi: str) -> None:
    assert (Writer("vi").quarter(P(name)), Writer("en").quarter(P(name))) == (vi, name)


def test_a_writer_picks_its_language_of_a_text_and_of_every_shared_word() -> None:
    text = Text("Tổng quan", "Overview")
    assert (Writer("vi")(text), Writer("en")(text)) == ("Tổng quan", "Overview")
    assert Writer("vi").words["overview"] == "Tổng quan" and Writer("en").words["overview"] == "Overview"
    assert set(Writer("en").words) == set(WORDS) == set(Writer("vi").words)


def test_every_shared_word_is_written_in_both_languages() -> None:
    empty = [key for key, text in WORDS.items() if not text.vi.strip() or not text.en.strip()]
    assert empty == []
    assert all(text.vi != text.en for text in WORDS.values())
