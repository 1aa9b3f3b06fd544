"""Reporting periods and their data windows: the cut-off convention of NĐ 09/2019 and calendar windows."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.plan.periods import Period, first_reporting_quarter, parse_period, period_option, quarter, quarter_containing

D = dt.date


@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        ("2021-Q1", D(2020, 12, 15), D(2021, 3, 14)),
        ("2021-Q2", D(2021, 3, 15), D(2021, 6, 14)),
        ("2021-Q3", D(2021, 6, 15), D(2021, 9, 14)),
        ("2021-Q4", D(2021, 9, 15), D(2021, 12, 14)),
        ("2021-H1", D(2020, 12, 15), D(2021, 6, 14)),
        ("2021-H2", D(2021, 6, 15), D(2021, 12, 14)),
        ("2021", D(2020, 12, 15), D(2021, 12, 14)),
    ],
)
def test_cutoff_windows(name: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(name)
    assert period is not None
    window = period.window("cutoff")
    assert (window.start, window.end) == (start, end)
    assert period.window() == window


@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        ("2024-Q1", D(2024, 1, 1), D(2024, 3, 31)),
        ("2024-Q2", D(2024, 4, 1), D(2024, 6, 30)),
        ("2024-Q3", D(2024, 7, 1), D(2024, 9, 30)),
        ("2024-Q4", D(2024, 10, 1), D(2024, 12, 31)),
        ("2024-H1", D(2024, 1, 1), D(2024, 6, 30)),
        ("2024-H2", D(2024, 7, 1), D(2024, 12, 31)),
        ("2024", D(2024, 1, 1), D(2024, 12, 31)),
    ],
)
def test_calendar_windows(name: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(name)
    assert period is not None
    window = period.window("calendar")
    assert (window.start, window.end) == (start, end)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2020, 12, 14), "2020-Q4"),
        (D(2020, 12, 15), "2021-Q1"),
        (D(2020, 12, 20), "2021-Q1"),
        (D(2020, 12, 31), "2021-Q1"),
        (D(2021, 1, 1), "2021-Q1"),
        (D(2021, 3, 14), "2021-Q1"),
        (D(2021, 3, 15), "2021-Q2"),
        (D(2021, 6, 14), "2021-Q2"),
        (D(2021, 6, 15), "2021-Q3"),
        (D(2021, 9, 14), "2021-Q3"),
        (D(2021, 9, 15), "2021-Q4"),
        (D(2021, 11, 30), "2021-Q4"),
    ],
)
def test_quarter_containing_under_cutoff(day: dt.date, name: str) -> None:
    period = quarter_containing(day, "cutoff")
    assert period.name == name
    assert day in period.window("cutoff")


@pytest.mark.parametrize(
    ("day", "name"),
    [(D(2020, 12, 20), "2020-Q4"), (D(2021, 1, 1), "2021-Q1"), (D(2021, 3, 31), "2021-Q1"), (D(2021, 4, 1), "2021-Q2")],
)
def test_quarter_containing_under_calendar(day: dt.date, name: str) -> None:
    period = quarter_containing(day, "calendar")
    assert period.name == name
    assert day in period.window("calendar")


def test_window_edges_are_inclusive() -> None:
    window = quarter(2020, 4).window()
    assert D(2020, 9, 15) in window
    assert D(2020, 12, 14) in window
    assert D(2020, 9, 14) not in window
    assert D(2020, 12, 15) not in window
    assert "2020-10-01" not in window


@pytest.mark.parametrize(
    ("text", "expected", "period"),
    [
        ("2020-Q3", None, Period(2020, 3, 3)),
        ("2020-q1", None, Period(2020, 1, 1)),
        (" 2020-Q4 ", "quarter", Period(2020, 4, 4)),
        ("2020-H1", None, Period(2020, 1, 2)),
        ("2020-H2", "half", Period(2020, 3, 4)),
        ("2020", None, Period(2020, 1, 4)),
        ("2021", "year", Period(2021, 1, 4)),
    ],
)
def test_parse_period_accepts(text: str, expected: str | None, period: Period) -> None:
    assert parse_period(text, expected) == period  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-Q0", None),
        ("2020-Q5", None),
        ("2020-H3", None),
        ("2020-H0", None),
        ("2020Q3", None),
        ("20-Q3", None),
        ("2020-Q", None),
        ("Q3-2020", None),
        ("2020-Q3", "half"),
        ("2020-H1", "quarter"),
        ("2020", "quarter"),
        ("2020-Q3", "year"),
        ("0000-Q1", None),
        ("0000", "year"),
        ("0001-Q1", None),
        ("9999", None),
        ("", None),
    ],
)
def test_parse_period_rejects(text: str, expected: str | None) -> None:
    assert parse_period(text, expected) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "kind", "quarters"),
    [
        ("2020-Q3", "quarter", ["2020-Q3"]),
        ("2020-H1", "half", ["2020-Q1", "2020-Q2"]),
        ("2020-H2", "half", ["2020-Q3", "2020-Q4"]),
        ("2020", "year", ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"]),
    ],
)
def test_kind_name_and_quarters(name: str, kind: str, quarters: list[str]) -> None:
    period = parse_period(name)
    assert period is not None
    assert period.kind == kind
    assert period.name == str(period) == name
    assert [item.name for item in period.quarters()] == quarters


@pytest.mark.parametrize(
    ("decision", "convention", "first"),
    [
        (D(2020, 5, 27), "cutoff", "2020-Q3"),
        (D(2020, 6, 14), "cutoff", "2020-Q3"),
        (D(2020, 6, 15), "cutoff", "2020-Q4"),
        (D(2020, 12, 20), "cutoff", "2021-Q2"),
        (D(2020, 12, 14), "cutoff", "2021-Q1"),
        (D(2020, 5, 27), "calendar", "2020-Q3"),
        (D(2020, 7, 1), "calendar", "2020-Q4"),
        (D(2020, 6, 30), "calendar", "2020-Q3"),
    ],
)
def test_first_reporting_quarter(decision: dt.date, convention: str, first: str) -> None:
    period = first_reporting_quarter(decision, convention)  # type: ignore[arg-type]
    assert period.name == first
    assert period.window(convention).start > decision  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "following"),
    [
        ("2020-Q1", "2020-Q2"),
        ("2020-Q3", "2020-Q4"),
        ("2020-Q4", "2021-Q1"),
        ("2020-H1", "2020-H2"),
        ("2020-H2", "2021-H1"),
        ("2020", "2021"),
    ],
)
def test_next_period(name: str, following: str) -> None:
    period = parse_period(name)
    assert period is not None
    assert period.next().name == following
    assert period.next() > period


def test_consecutive_cutoff_windows_touch_without_gap() -> None:
    period = quarter(2020, 1)
    for _ in range(8):
        following = period.next()
        assert following.window().start == period.window().end + dt.timedelta(days=1)
        period = following


def test_quarters_covered_name_the_first_period_covering_each_and_pass_over_what_does_not_read() -> None:
    from dnnd.plan.periods import quarters_covered

    found = quarters_covered(["2020-Q3", "2020-H2", "2021", "not a period"])
    assert {quarter.name: name for quarter, name in found.items()} == {
        "2020-Q3": "2020-Q3",
        "2020-Q4": "2020-H2",
        **{f"2021-Q{number}": "2021" for number in range(1, 5)},
    }


def test_period_option_names_the_option_of_its_kind() -> None:
    named = [parse_period(text) for text in ("2020-Q4", "2020-H2", "2020")]
    assert [period_option(period) for period in named if period is not None] == [
        "--quarter 2020-Q4",
        "--half 2020-H2",
        "--year 2020",
    ]
