"""`dnnd log`'s output: each submission as a record, CSV columns, and the table in Vietnam time."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.load.git import Landing
from dnnd.output.history_view import HistoryOutput
from dnnd.plan.periods import parse_period
from dnnd.workflow.history import Submission

REL = "plan/updates/lhhn/2023-Q3.yaml"
UTC, ICT = dt.UTC, dt.timezone(dt.timedelta(hours=7))


def submission(reached: dt.datetime, due: dt.date = dt.date(2023, 9, 18)) -> Submission:
    quarter = parse_period("2023-Q3")
    assert quarter is not None
    first = Landing("a" * 40, reached, "Trần Đầu Mối", (REL,))
    last = Landing("b" * 40, dt.datetime(2023, 10, 2, 14, 30, tzinfo=ICT), "Lê Văn Sửa", (REL,))
    return Submission(REL, "lhhn", quarter, first, last, 2, due)


def table_rows(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("│")[1:-1]] for line in text.splitlines() if line.startswith("│")]


def test_records_carry_the_landings_as_given_and_whether_late() -> None:
    output = HistoryOutput([submission(dt.datetime(2023, 9, 18, 17, 30, tzinfo=UTC))])
    assert output.document() == {
        "submissions": [
            {
                "file": REL,
                "agency": "lhhn",
                "period": "2023-Q3",
                "reached_main": "2023-09-19T00:30:00+07:00",  # in Vietnam time, whatever git recorded
                "reached_by": "Trần Đầu Mối",
                "last_changed": "2023-10-02T14:30:00+07:00",
                "last_changed_by": "Lê Văn Sửa",
                "changes": 2,
                "due": dt.date(2023, 9, 18),
                "late": True,  # 00:30 on the 19th in Vietnam
            }
        ]
    }
    assert output.notices("vi") == []


def test_csv_columns_are_the_record_keys_and_a_lone_file_column_when_empty() -> None:
    fields, rows = HistoryOutput([submission(dt.datetime(2023, 9, 18, 9, 0, tzinfo=ICT))]).csv()
    assert fields == (
        "file",
        "agency",
        "period",
        "reached_main",
        "reached_by",
        "last_changed",
        "last_changed_by",
        "changes",
        "due",
        "late",
    )
    assert [row["late"] for row in rows] == [False]
    assert HistoryOutput([]).csv() == (("file",), [])


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            [
                "lhhn 2023-Q3",
                "19/09/2023 00:30",
                "Trần Đầu Mối",
                "02/10/2023 14:30",
                "Lê Văn Sửa",
                "18/09/2023",
                "Muộn",
            ],
        ),
        (
            "en",
            [
                "lhhn 2023-Q3",
                "19/09/2023 00:30",
                "Trần Đầu Mối",
                "02/10/2023 14:30",
                "Lê Văn Sửa",
                "18/09/2023",
                "Late",
            ],
        ),
    ],
)
def test_table_shows_times_in_vietnam_and_the_verdict(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, expected: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    HistoryOutput([submission(dt.datetime(2023, 9, 18, 17, 30, tzinfo=UTC))]).print_table(lang)
    out = capsys.readouterr().out
    assert table_rows(out) == [expected]
    title = {"vi": "Báo cáo đã vào nhánh chính", "en": "Updates on the main branch"}[lang]
    assert out.splitlines()[0].strip() == title


def test_table_says_on_time_when_reached_by_the_due_day(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    HistoryOutput([submission(dt.datetime(2023, 9, 18, 16, 59, tzinfo=UTC))]).print_table("vi")
    assert table_rows(capsys.readouterr().out)[0][1:] == [
        "18/09/2023 23:59",
        "Trần Đầu Mối",
        "02/10/2023 14:30",
        "Lê Văn Sửa",
        "18/09/2023",
        "Đúng hạn",
    ]
