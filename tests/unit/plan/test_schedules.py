"""Timing phrases of the decision turned into schedules, their deadlines and yearly occurrences."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from dnnd.plan.schedules import AfterEvents, Once, Ongoing, Yearly, parse_timing, yearly_occurrence

D = dt.date


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Quý III/2020", D(2020, 9, 30)),
        ("Quý 3/2020", D(2020, 9, 30)),
        ("Quý I/2021", D(2021, 3, 31)),
        ("Quý 2/2021", D(2021, 6, 30)),
        ("Quý IV/2020", D(2020, 12, 31)),
        ("Quý III năm 2020", D(2020, 9, 30)),
        ("Tháng 6/2021", D(2021, 6, 30)),
        ("Tháng 02/2021", D(2021, 2, 28)),
        ("Năm 2021", D(2021, 12, 31)),
        ("Trước ngày 15/12/2020", D(2020, 12, 14)),
        ("Trước 30/6/2021", D(2021, 6, 29)),
        ("Trước ngày 1/1/2021", D(2020, 12, 31)),
        ("Trước ngày 15 tháng 12 năm 2020", D(2020, 12, 14)),
        ("Chậm nhất ngày 15/12/2020", D(2020, 12, 15)),
    ],
)
def test_once_phrases(phrase: str, due: dt.date) -> None:
    assert parse_timing(phrase) == Once(due)


def test_ongoing_phrase() -> None:
    assert parse_timing("Thường xuyên") == Ongoing()
    assert parse_timing("  THƯỜNG   XUYÊN ") == Ongoing()


@pytest.mark.parametrize(
    ("phrase", "month", "day"),
    [
        ("Trước ngày 18/11 hàng năm", 11, 17),
        ("Trước ngày 18/11 hằng năm", 11, 17),
        ("Trước 18/11 hàng năm", 11, 17),
        ("Quý IV hàng năm", 12, None),
        ("Quý 4 hằng năm", 12, None),
        ("Quý II hàng năm", 6, None),
        ("Tháng 12 hàng năm", 12, None),
        ("Tháng 6 hằng năm", 6, None),
    ],
)
def test_yearly_phrases(phrase: str, month: int, day: int | None) -> None:
    schedule = parse_timing(phrase)
    assert schedule == Yearly(month, day)


@pytest.mark.parametrize(
    ("phrase", "year", "due"),
    [
        ("Trước ngày 18/11 hàng năm", 2020, D(2020, 11, 17)),
        ("Trước ngày 18/11 hàng năm", 2023, D(2023, 11, 17)),
        ("Quý IV hàng năm", 2021, D(2021, 12, 31)),
        ("Tháng 12 hằng năm", 2022, D(2022, 12, 31)),
        ("Tháng 2 hàng năm", 2024, D(2024, 2, 29)),
        ("Tháng 2 hàng năm", 2023, D(2023, 2, 28)),
    ],
)
def test_yearly_due_dates(phrase: str, year: int, due: dt.date) -> None:
    schedule = parse_timing(phrase)
    assert isinstance(schedule, Yearly)
    assert schedule.due(year) == due


@pytest.mark.parametrize(
    "phrase",
    [
        "quý iii/2020",
        "QUÝ III/2020",
        "Quý  III / 2020",
        "  Quý III/2020.  ",
        "quý\tiii/ 2020",
        unicodedata.normalize("NFD", "Quý III/2020"),
    ],
)
def test_case_spacing_and_nfd_do_not_matter(phrase: str) -> None:
    assert parse_timing(phrase) == Once(D(2020, 9, 30))


@pytest.mark.parametrize(
    "phrase",
    [
        "TRƯỚC NGÀY 18/11 HẰNG NĂM",
        "trước  ngày 18 / 11   hàng năm",
        unicodedata.normalize("NFD", "Trước ngày 18/11 hằng năm"),
        unicodedata.normalize("NFD", "Trước ngày 18/11 hàng năm"),
    ],
)
def test_yearly_phrase_in_any_case_spacing_and_nfd(phrase: str) -> None:
    assert parse_timing(phrase) == Yearly(11, 17)


@pytest.mark.parametrize(
    ("phrase", "issuers"),
    [
        ("Sau khi có hướng dẫn của Bộ Ngoại giao", ("Bộ Ngoại giao",)),
        ("Sau khi có hướng dẫn của Bộ Ngoại giao và Bộ Nội vụ", ("Bộ Ngoại giao", "Bộ Nội vụ")),
        ("sau khi có hướng dẫn của  Bộ Ngoại giao  và Bộ Nội vụ.", ("Bộ Ngoại giao", "Bộ Nội vụ")),
        ("SAU KHI CÓ HƯỚNG DẪN CỦA BỘ NGOẠI GIAO VÀ BỘ NỘI VỤ", ("BỘ NGOẠI GIAO", "BỘ NỘI VỤ")),
        (
            unicodedata.normalize("NFD", "Sau khi có hướng dẫn của Bộ Ngoại giao và Bộ Nội vụ"),
            ("Bộ Ngoại giao", "Bộ Nội vụ"),
        ),
    ],
)
def test_after_guidance_names_every_issuer(phrase: str, issuers: tuple[str, ...]) -> None:
    schedule = parse_timing(phrase)
    assert isinstance(schedule, AfterEvents)
    assert schedule.issuers == issuers
    assert schedule.events == ()
    assert schedule.within_days is None


@pytest.mark.parametrize(
    "phrase",
    [
        "",
        "Khi có yêu cầu",
        "Quý V/2020",
        "Quý 5/2020",
        "Quý III",
        "Tháng 13/2021",
        "Tháng 0 hàng năm",
        "Trước ngày 30/2/2021",
        "Trước ngày 32/1 hàng năm",
        "Trước ngày 18/11",
        "Năm 21",
        "Hàng năm",
        "Sau khi có hướng dẫn của",
    ],
)
def test_unknown_phrases_return_none(phrase: str) -> None:
    assert parse_timing(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("Tháng 2/2024", D(2024, 2, 29)),
        ("Tháng 2/2023", D(2023, 2, 28)),
        ("Tháng 2/2100", D(2100, 2, 28)),
        ("Tháng 2/2000", D(2000, 2, 29)),
        ("Quý I/2024", D(2024, 3, 31)),
        ("Trước ngày 1/3/2024", D(2024, 2, 29)),
        ("Trước ngày 1/3/2023", D(2023, 2, 28)),
        ("Trước ngày 29/2/2024", D(2024, 2, 28)),
    ],
)
def test_leap_years_for_once_phrases(phrase: str, due: dt.date) -> None:
    assert parse_timing(phrase) == Once(due)


@pytest.mark.parametrize(
    ("year", "due"), [(2023, D(2023, 2, 28)), (2024, D(2024, 2, 29)), (2100, D(2100, 2, 28)), (2000, D(2000, 2, 29))]
)
def test_before_first_of_march_yearly_is_end_of_february(year: int, due: dt.date) -> None:
    schedule = parse_timing("Trước ngày 1/3 hàng năm")
    assert isinstance(schedule, Yearly)
    assert schedule.due(year) == due


@pytest.mark.parametrize(
    ("schedule", "on_or_after", "occurrence"),
    [
        (Yearly(11, 17), D(2020, 6, 15), 2020),
        (Yearly(11, 17), D(2020, 11, 17), 2020),
        (Yearly(11, 17), D(2020, 11, 18), 2021),
        (Yearly(11, 17), D(2020, 12, 15), 2021),
        (Yearly(12), D(2020, 12, 15), 2020),
        (Yearly(12), D(2020, 12, 31), 2020),
        (Yearly(12), D(2021, 1, 1), 2021),
        (Yearly(12), D(2019, 1, 1), 2020),
        (Yearly(11, 17), D(2025, 3, 15), 2025),
        (Yearly(2), D(2024, 2, 29), 2024),
        (Yearly(2), D(2023, 3, 1), 2024),
    ],
)
def test_yearly_occurrence_boundaries(schedule: Yearly, on_or_after: dt.date, occurrence: int) -> None:
    assert yearly_occurrence(schedule, 2020, on_or_after) == occurrence
