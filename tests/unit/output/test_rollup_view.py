"""`dnnd rollup`'s output: the records per province, CSV rows with a national total, notices and the tables."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.errors import Problem
from dnnd.evaluate.figures import KindFigures
from dnnd.evaluate.rollup import MissingAgency, Province, Rollup
from dnnd.i18n import Text
from dnnd.output.formats.csv import to_csv
from dnnd.output.rollup_view import CSV_FIELDS, RollupOutput

COUNTS = {"done_on_time": 2, "done_late": 1, "done": 0, "in_progress": 1, "overdue": 0, "ongoing": 8, "waiting": 3}
BTG = MissingAgency("btg", "Ban Tuyên giáo Tỉnh ủy", "BTGTU", ("2020-Q4",), (4, 8))
IN = KindFigures(activities=2, people=15, countries={"JP": 2})
COUNTED = Province(
    "kho/kh",
    "khanhhoa",
    "Kế hoạch Khánh Hòa",
    COUNTS,
    (BTG,),
    2,
    "2020-Q4",
    dt.date(2020, 12, 14),
    province="Khánh Hòa",
    figures={"delegation_in": IN},
)
PROBLEMS = tuple(Problem("plan/tasks.yaml", line, 1, "timing", Text("lạ", "odd")) for line in (3, 7, 9))
FAILED = Province(
    "kho/py",
    "phuyen",
    "",
    error=Text("Dữ liệu có lỗi.", "The plan data has errors."),
    problems=PROBLEMS,
    problem_count=5,
)
ROLLUP = Rollup([COUNTED, FAILED])


def table_rows(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("│")[1:-1]] for line in text.splitlines() if line.startswith("│")]


def test_document_holds_each_province_and_the_totals_of_those_counted() -> None:
    document = RollupOutput(ROLLUP, "en").document()
    assert (document["period"], document["totals"]) == ("2020-Q4", COUNTS)
    counted, failed = document["provinces"]
    assert counted["missing"] == [
        {"agency": "btg", "name": BTG.name, "short_name": "BTGTU", "quarters": ["2020-Q4"], "tasks": [4, 8]}
    ]
    assert [counted[key] for key in ("counts", "as_of", "left_out", "error", "problems")] == [
        COUNTS,
        dt.date(2020, 12, 14),
        2,
        None,
        [],
    ]
    assert (failed["counts"], failed["period"], failed["missing"]) == (None, None, [])
    assert failed["error"] == "The plan data has errors. (5 problem(s); run `dnnd --repo kho/py validate` to see all)"
    assert failed["problems"] == [f"plan/tasks.yaml:{line}:1: timing: odd" for line in (3, 7, 9)]


def test_csv_has_a_row_per_province_and_a_national_total() -> None:
    fields, rows = RollupOutput(ROLLUP, "vi").csv()
    assert fields == CSV_FIELDS
    assert to_csv(rows, fields).splitlines() == [
        "\ufeffrepository,plan,province,title,period,as_of,done_on_time,done_late,done,in_progress,overdue,ongoing,"
        "waiting,total,missing,left_out,activities_delegation_in,activities_delegation_out,activities_event,"
        "activities_aid,activities_agreement,activities_training,activities_media,activities_other,error",
        'kho/kh,khanhhoa,Khánh Hòa,Kế hoạch Khánh Hòa,2020-Q4,2020-12-14,2,1,0,1,0,8,3,15,"btg (4, 8)",2,2,0,0,0,0,0,0,0,',
        "kho/py,phuyen,,,,,,,,,,,,,,0,,,,,,,,,Dữ liệu có lỗi. (5 lỗi; chạy `dnnd --repo kho/py validate` để xem tất cả)",
        ",,,Tổng cộng toàn quốc,2020-Q4,,2,1,0,1,0,8,3,15,,2,2,0,0,0,0,0,0,0,",
    ]


def test_notices_count_the_repositories_not_read() -> None:
    assert RollupOutput(ROLLUP, "vi").notices("vi") == [
        "Cảnh báo: 1 kho không đọc được nên KHÔNG được tính (xem cột error)."
    ]
    assert RollupOutput(ROLLUP, "en").notices("en") == [
        "Warning: 1 repository(ies) could not be read and were NOT counted (see error)."
    ]
    assert RollupOutput(Rollup([COUNTED]), "vi").notices("vi") == []


def test_a_wide_window_gets_a_column_per_status_then_the_failures(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    RollupOutput(ROLLUP, "vi").print_table("vi")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].strip() == "Tổng hợp toàn quốc — kỳ 2020-Q4, tính đến ngày 14/12/2020"
    rows = table_rows("\n".join(lines))
    assert rows[0] == ["1", "Khánh Hòa", "2", "1", "0", "1", "0", "8", "3", "15", "BTGTU", "2"]
    figures = [row for row in rows if len(row) == 9]  # the second table: a province, then the eight kinds
    assert figures[0] == ["Khánh Hòa", "2", *["—"] * 7]
    assert figures[1] == ["(khanhhoa)", "(15 người)", *[""] * 7]
    assert figures[2][:2] == ["Tổng cộng toàn quốc", "2"]
    assert rows[2] == ["2", "phuyen", *["—"] * 8, "LỖI: xem dưới bảng", "—"]
    assert rows[3] == ["", "Tổng cộng toàn quốc", "2", "1", "0", "1", "0", "8", "3", "15", "1 cơ quan", "2"]
    first = next(n for n, line in enumerate(lines) if line.startswith("Tổng số 15"))
    assert lines[first : first + 8] == [
        "Tổng số 15 nhiệm vụ: đã hoàn thành 3 (đúng hạn 2, quá hạn 1, không có hạn 0); chưa hoàn thành 1 (trong hạn 1, "
        "quá hạn 0); thường xuyên 8; chờ điều kiện 3.",
        "1/2 kho được tổng hợp; 1 cơ quan chưa báo cáo đủ.",
        "2 tệp báo cáo có lỗi KHÔNG được tính; chạy `dnnd --repo THƯ_MỤC validate` trong kho đó để xem lý do.",
        "phuyen (kho/py): Dữ liệu có lỗi. (5 lỗi; chạy `dnnd --repo kho/py validate` để xem tất cả)",
        "  - plan/tasks.yaml:3:1: timing: lạ",
        "  - plan/tasks.yaml:7:1: timing: lạ",
        "  - plan/tasks.yaml:9:1: timing: lạ",
        "  … và 2 lỗi khác",
    ]
    assert not any(line.startswith("(Cửa sổ hẹp") for line in lines)


def test_a_narrow_window_shares_one_status_column_and_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    other = Province("kho/b", "b", "", COUNTS, (), 0, "2021-Q1", dt.date(2020, 12, 20))
    RollupOutput(Rollup([COUNTED, other]), "en").print_table("en")
    lines = capsys.readouterr().out.splitlines()
    title = " ".join(line.strip() for line in lines[: next(n for n, line in enumerate(lines) if line.startswith("┏"))])
    assert title == (
        "National roll-up — period 2020-Q4, 2021-Q1 (by each province's reporting windows), "
        "as of each province's window end"
    )
    assert table_rows("\n".join(lines))[0] == ["1", "Khánh Hòa", "Done on time: 2", "15", "BTGTU", "2"]
    assert (
        "(Narrow window: the statuses share one column; widen the window, or use --format csv for every column.)"
        in lines
    )
