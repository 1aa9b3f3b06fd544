"""The shared options parsed into typed values: days, periods, the choice of period, and their usage messages."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.cli.options import DEFAULT_FORMAT, Format, day, period_argument, period_choice, quarter_of, status_code
from dnnd.errors import UsageError
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.plan.periods import Period


def usage(error: pytest.ExceptionInfo[UsageError]) -> tuple[str, str, int]:
    return error.value.message.vi, error.value.message.en, error.value.exit_code


def test_day_is_a_date_or_none_and_otherwise_a_usage_error() -> None:
    assert day("--date", None) is None
    assert day("--date", " 2020-12-16 ") == dt.date(2020, 12, 16)
    with pytest.raises(UsageError) as raised:
        day("--date", "16/12/2020")
    assert usage(raised) == (
        "--date '16/12/2020' không phải ngày dạng YYYY-MM-DD, ví dụ 2020-12-16",
        "--date '16/12/2020' is not a date YYYY-MM-DD, e.g. 2020-12-16",
        2,
    )


@pytest.mark.parametrize(
    ("quarter", "half", "year", "as_of", "choice"),
    [
        ("2020-q3", None, None, None, PeriodChoice(period=Period(2020, 3, 3))),
        (None, "2020-H2", None, None, PeriodChoice(period=Period(2020, 3, 4))),
        (None, None, "2021", None, PeriodChoice(period=Period(2021, 1, 4))),
        (None, None, None, "2020-11-20", PeriodChoice(as_of=dt.date(2020, 11, 20))),
        (None, None, None, None, PeriodChoice()),
    ],
)
def test_period_choice_is_the_one_option_given(
    quarter: str | None, half: str | None, year: str | None, as_of: str | None, choice: PeriodChoice
) -> None:
    assert period_choice(quarter, half, year, as_of) == choice


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ("2020-Q3", "2020-H2", None, None),
            "chỉ chọn một trong --quarter, --half, --year (--as-of đi kèm được: đánh giá kỳ đó vào ngày ấy)",
            "choose only one of --quarter, --half, --year (--as-of may join one: that period on that day)",
        ),
        (
            ("2020-Q5", None, None, None),
            "--quarter '2020-Q5' không đúng dạng; ví dụ: --quarter 2020-Q3",
            "--quarter '2020-Q5' is not valid; for example: --quarter 2020-Q3",
        ),
        (
            (None, "2020-Q1", None, None),
            "--half '2020-Q1' không đúng dạng; ví dụ: --half 2020-H1 (kỳ này dùng --quarter 2020-Q1)",
            "--half '2020-Q1' is not valid; for example: --half 2020-H1 (use --quarter 2020-Q1)",
        ),
        (
            (None, None, "20", None),
            "--year '20' không đúng dạng; ví dụ: --year 2020",
            "--year '20' is not valid; for example: --year 2020",
        ),
        (
            (None, None, None, "9999-12-31"),
            "--as-of 9999-12-31: năm 9999 nằm ngoài phạm vi tính được (1900–2200)",
            "--as-of 9999-12-31: the year 9999 is out of range (1900–2200)",
        ),
        (
            (None, None, None, "2020-13-01"),
            "--as-of '2020-13-01' không phải ngày dạng YYYY-MM-DD, ví dụ 2020-12-16",
            "--as-of '2020-13-01' is not a date YYYY-MM-DD, e.g. 2020-12-16",
        ),
    ],
)
def test_period_choice_usage_messages(
    args: tuple[str | None, str | None, str | None, str | None], vi: str, en: str
) -> None:
    with pytest.raises(UsageError) as raised:
        period_choice(*args)
    assert usage(raised) == (vi, en, 2)


def test_period_choice_is_the_one_given_or_none_and_quarter_of_only_quarters() -> None:
    assert period_choice(None, "2020-H1", None, None) == PeriodChoice(Period(2020, 1, 2))
    assert period_choice(None, None, None, None) == PeriodChoice()  # the period being reported, chosen by the core
    assert period_choice("2020-Q3", None, None, "2020-11-20") == PeriodChoice(Period(2020, 3, 3), dt.date(2020, 11, 20))
    assert (quarter_of(None), quarter_of("2020-Q4")) == (None, Period(2020, 4, 4))
    with pytest.raises(UsageError) as raised:
        quarter_of("2020")
    assert usage(raised)[1] == "--quarter '2020' is not valid; for example: --quarter 2020-Q3 (use --year 2020)"


def test_period_argument_is_any_kind_and_formats_are_the_registrys() -> None:
    assert [period_argument(text) for text in ("2020-Q3", "2020-h2", " 2021 ")] == [
        Period(2020, 3, 3),
        Period(2020, 3, 4),
        Period(2021, 1, 4),
    ]
    with pytest.raises(UsageError) as raised:
        period_argument("Q3/2020")
    assert usage(raised) == (
        "kỳ 'Q3/2020' không đúng dạng: dùng 2020-Q3, 2020-H1 hoặc 2020",
        "period 'Q3/2020' is not valid: use 2020-Q3, 2020-H1 or 2020",
        2,
    )
    assert ([member.value for member in Format], DEFAULT_FORMAT) == (["table", "json", "csv", "xlsx"], Format("table"))


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, None),
        ("overdue", "overdue"),
        ("Quá hạn chưa hoàn thành", "overdue"),
        ("qua han chua xong", "overdue"),
        ("ĐANG THỰC HIỆN TRONG HẠN", "in_progress"),
        ("Done late", "done_late"),
        ("chờ điều kiện", "waiting"),
    ],
)
def test_status_code_takes_a_code_or_a_status_name_whatever_the_case_and_marks(value: str | None, code: str) -> None:
    assert status_code(value) == code


def test_an_unknown_status_lists_the_codes_with_their_names() -> None:
    with pytest.raises(UsageError) as raised:
        status_code("late")
    vi, en, exit_code = usage(raised)
    assert vi.startswith("--status 'late' không có; chọn một trong: done_on_time (Đã hoàn thành đúng hạn), done_late")
    assert vi.endswith("overdue (Quá hạn chưa hoàn thành), ongoing (Thường xuyên), waiting (Chờ điều kiện)")
    assert en.startswith("no status 'late'; use one of: done_on_time (Done on time), done_late (Done late)")
    assert exit_code == 2
