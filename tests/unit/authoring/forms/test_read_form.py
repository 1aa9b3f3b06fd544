"""Reading a filled form's cells: text, dates and whole numbers as clerks and spreadsheets write them, words of
the lists in any case, the columns' headers, and what a filled row still lacks; every problem names its cell."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import pytest
from openpyxl import Workbook

from dnnd.authoring.forms import layout
from dnnd.authoring.forms.layout import Column
from dnnd.authoring.forms.read_form import Sheets, Value, missing_cells, read_rows, text_of

SHEETS = {
    layout.TASK_COLUMNS: layout.TASKS_SHEET,
    layout.DOCUMENT_COLUMNS: layout.DOCUMENTS_SHEET,
    layout.ACTIVITY_COLUMNS: layout.ACTIVITIES_SHEET,
}


def read(columns: tuple[Column, ...], cells: dict[str, Any], headers: list[str] | None = None) -> Sheets:
    """A sheet with the columns' headers (or `headers`) on row 5 and `cells`, read into found.tasks."""
    sheet = Workbook().active
    assert sheet is not None
    sheet.title = SHEETS[columns]
    for index, header in enumerate(headers or [column.header for column in columns], 1):
        sheet.cell(layout.HEADER_ROW, index, header)
    for ref, value in cells.items():
        sheet[ref] = value
    found = Sheets("bieu-mau.xlsx")
    found.tasks = read_rows(sheet, columns, found)
    return found


def problems(found: Sheets) -> list[tuple[str | None, str]]:
    return [(problem.field, problem.message.vi) for problem in found.problems]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (None, ""),
        (14.0, "14"),
        (14.5, "14.5"),
        (12, "12"),
        (dt.datetime(2020, 10, 5, 0, 0), "05/10/2020"),
        (dt.date(2020, 10, 5), "05/10/2020"),
        (unicodedata.normalize("NFD", "  Đã hoàn thành "), "Đã hoàn thành"),
        ("Ý một\r\nÝ hai", "Ý một\nÝ hai"),
    ],
)
def test_text_of_a_cell_is_trimmed_nfc_without_a_needless_point_zero_and_dates_as_dd_mm_yyyy(
    raw: object, text: str
) -> None:
    assert text_of(raw) == text
    assert unicodedata.is_normalized("NFC", text_of(raw))


@pytest.mark.parametrize(
    "raw",
    [
        "05/10/2020",
        "5/10/2020",
        "05-10-2020",
        "05.10.2020",
        "2020-10-05",
        " 2020-10-5 ",
        dt.datetime(2020, 10, 5),
        dt.date(2020, 10, 5),
    ],
)
def test_a_date_typed_as_text_or_in_a_date_cell_is_read_as_that_day(raw: object) -> None:
    found = read(layout.DOCUMENT_COLUMNS, {"A6": 2, "C6": raw})
    assert problems(found) == []
    assert found.tasks[0]["date"] == Value("Văn bản!C6", "Ngày ban hành", dt.date(2020, 10, 5))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("31/02/2020", "Ngày ban hành: ngày 31/02/2020 không có thật"),
        ("2020-13-01", "Ngày ban hành: ngày 2020-13-01 không có thật"),
        ("tháng 10/2020", "Ngày ban hành: 'tháng 10/2020' không phải ngày (viết ngày/tháng/năm, ví dụ 05/10/2020)"),
        (44109, "Ngày ban hành: '44109' không phải ngày"),
    ],
)
def test_a_date_that_does_not_exist_or_is_not_a_date_is_a_problem_at_its_cell(raw: object, message: str) -> None:
    found = read(layout.DOCUMENT_COLUMNS, {"A9": 2, "C9": raw})
    [(ref, text)] = problems(found)
    assert ref == "Văn bản!C9"
    assert text.startswith(message)
    assert found.tasks[0]["date"].value is None  # kept as unreadable: told once, not also as empty


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("1.500.000", 1500000),
        ("1,500,000", 1500000),
        ("1 500 000", 1500000),
        ("1500000", 1500000),
        (14.0, 14),
        (12, 12),
    ],
)
def test_a_whole_number_typed_with_thousands_grouped_or_in_a_number_cell_is_read(raw: object, number: int) -> None:
    found = read(layout.ACTIVITY_COLUMNS, {"L6": raw})
    assert problems(found) == []
    assert found.tasks[0]["pledged"].value == number


@pytest.mark.parametrize("raw", ["abc", 14.5, "1.5", "1.50.000", "-3", True])
def test_anything_else_in_a_number_column_is_a_problem_at_its_cell(raw: object) -> None:
    found = read(layout.ACTIVITY_COLUMNS, {"G7": raw})
    [(ref, text)] = problems(found)
    assert ref == "Hoạt động!G7"
    assert text == f"Số người: '{text_of(raw)}' không phải số nguyên (viết chữ số liền nhau, ví dụ 1500000)"


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("ĐÃ HOÀN THÀNH", "done"),
        ("da hoan thanh", "done"),
        (" Đang  thực hiện ", "in_progress"),
        ("blocked", "blocked"),
    ],
)
def test_a_status_is_read_in_any_case_with_or_without_diacritics(word: str, code: str) -> None:
    found = read(layout.TASK_COLUMNS, {"A6": 2, "B6": "Nhiệm vụ hai", "E6": word, "G6": "Kết quả"})
    assert problems(found) == []
    assert found.tasks[0]["status"] == Value("Nhiệm vụ!E6", "Tình trạng", code)
    assert found.tasks[0]["task"].value == 2


def test_a_status_not_in_the_list_is_a_problem_naming_the_list() -> None:
    found = read(layout.TASK_COLUMNS, {"A7": 3, "E7": "Đã xong", "G7": "Kết quả"})
    assert problems(found) == [
        (
            "Nhiệm vụ!E7",
            "Tình trạng 'Đã xong' không có trong danh sách (Chưa bắt đầu, Đang thực hiện, Đã hoàn thành, Gặp vướng mắc)",
        )
    ]


def test_countries_tasks_and_kinds_of_an_activity_row_are_read_as_codes() -> None:
    cells = {"A6": "viện trợ pcpnn", "E6": "Nhật Bản; Hàn Quốc", "J6": "2; 7", "K6": "Phi dự án", "N6": "USD"}
    [row] = read(layout.ACTIVITY_COLUMNS, cells).tasks
    assert {key: value.value for key, value in row.items()} == {
        "kind": "aid",
        "countries": ["JP", "KR"],
        "tasks": [2, 7],
        "aid_type": "non_project",
        "currency": "USD",
    }
    found = read(layout.ACTIVITY_COLUMNS, {"E6": "Nhật Bản, Atlantis"})
    assert problems(found)[0][0] == "Hoạt động!E6" and "không có nước 'Atlantis'" in problems(found)[0][1]


def test_rows_left_empty_or_holding_only_what_dnnd_wrote_are_skipped() -> None:
    cells = {"A6": 2, "B6": "Nhiệm vụ hai", "C6": "Chủ trì", "A7": 3, "B7": "Nhiệm vụ ba", "E7": "Chưa bắt đầu"}
    cells |= {"A8": 4, "G30": "   "}
    found = read(layout.TASK_COLUMNS, cells)
    assert [row["task"].value for row in found.tasks] == [3]
    assert problems(found) == []


def test_a_column_inserted_is_a_problem_at_the_first_header_out_of_place() -> None:
    headers = [column.header for column in layout.ACTIVITY_COLUMNS]
    headers.insert(2, "Địa điểm")
    found = read(layout.ACTIVITY_COLUMNS, {"A6": "Đoàn vào"}, headers)
    [(ref, text)] = problems(found)
    assert ref == "Hoạt động!C5"
    assert text.startswith("cột 'Từ ngày' phải ở ô này (đang là 'Địa điểm'): đừng chèn, xóa hay đổi tên cột")


def test_headers_retyped_in_another_case_or_without_diacritics_are_the_same_columns() -> None:
    headers = [layout.fold(column.header).upper() for column in layout.DOCUMENT_COLUMNS]
    found = read(layout.DOCUMENT_COLUMNS, {"B6": "12/KH"}, headers)
    assert problems(found) == [] and found.warnings == []


def test_a_column_added_after_the_last_is_ignored_with_a_warning() -> None:
    headers = [column.header for column in layout.ACTIVITY_COLUMNS] + ["Người phụ trách"]
    found = read(layout.ACTIVITY_COLUMNS, {"B6": "Hội thảo", "P6": "Anh Ba"}, headers)
    assert problems(found) == []
    assert [(warning.field, warning.message.vi) for warning in found.warnings] == [
        ("Hoạt động!P5", "cột 'Người phụ trách' không thuộc biểu mẫu: bỏ qua")
    ]
    assert set(found.tasks[0]) == {"title"}


def filled(columns: tuple[Column, ...], row: int, /, **values: object) -> dict[str, Value]:
    """A row of the sheet of `columns` as read_rows gives it: key → value at its cell."""
    at = {column.key: (layout.letter(index), column.header) for index, column in enumerate(columns)}
    return {key: Value(f"{SHEETS[columns]}!{at[key][0]}{row}", at[key][1], value) for key, value in values.items()}


T, D, A = layout.TASK_COLUMNS, layout.DOCUMENT_COLUMNS, layout.ACTIVITY_COLUMNS
REPORTED = filled(T, 6, task=2, status="in_progress", summary="Kết quả")
DOCUMENT = {"number": "1/KH", "date": dt.date(2020, 10, 1), "title": "Kế hoạch"}
EVENT = {"title": "Hoạt động", "start": dt.date(2020, 10, 1)}


@pytest.mark.parametrize(
    ("tasks", "documents", "activities", "refs"),
    [
        ([filled(T, 6, task=2, difficulties="Thiếu kinh phí")], [], [], ["Nhiệm vụ!E6", "Nhiệm vụ!G6"]),
        ([filled(T, 8, task=4, status="done", summary="Xong")], [], [], ["Nhiệm vụ!F8"]),
        ([REPORTED, filled(T, 7, task=3, status="not_started", summary="Chưa")], [], [], []),
        ([REPORTED], [filled(D, 6, task=2, title="Kế hoạch")], [], ["Văn bản!B6", "Văn bản!C6"]),
        ([REPORTED], [filled(D, 7, number="1/KH")], [], ["Văn bản!A7", "Văn bản!C7", "Văn bản!D7"]),
        ([], [], [filled(A, 6, kind="aid", **EVENT)], ["Hoạt động!E6", "Hoạt động!F6", "Hoạt động!K6", "Hoạt động!L6"]),
        ([], [], [filled(A, 6, kind="delegation_out", **EVENT)], ["Hoạt động!E6", "Hoạt động!F6"]),
        ([], [], [filled(A, 6, kind="other", **EVENT)], ["Hoạt động!O6"]),
        ([], [], [filled(A, 6, kind="media", title="Tin bài")], ["Hoạt động!C6"]),
        ([], [], [filled(A, 9, title="Tin bài")], ["Hoạt động!A9", "Hoạt động!C9"]),
        ([], [], [filled(A, 6, kind="event", **EVENT)], []),
    ],
)
def test_what_a_filled_row_still_lacks_is_told_at_its_empty_cell(
    tasks: list[dict[str, Value]],
    documents: list[dict[str, Value]],
    activities: list[dict[str, Value]],
    refs: list[str],
) -> None:
    found = Sheets("bieu-mau.xlsx", tasks=tasks, documents=documents, activities=activities)
    missing_cells(found, {2, 3, 4})
    assert [problem.field for problem in found.problems] == refs
    assert all(problem.message.vi.endswith("còn trống (bắt buộc với dòng này)") for problem in found.problems)


@pytest.mark.parametrize(
    ("task", "told"),
    [(3, "nhiệm vụ 3 chưa được báo cáo ở sheet Nhiệm vụ"), (8, "nhiệm vụ 8 không có ở sheet Nhiệm vụ")],
)
def test_a_document_of_a_task_not_reported_on_or_not_held_is_a_problem_at_its_task_cell(task: int, told: str) -> None:
    found = Sheets("bieu-mau.xlsx", tasks=[REPORTED], documents=[filled(D, 6, task=task, **DOCUMENT)])
    missing_cells(found, {2, 3, 4})
    [problem] = found.problems
    assert problem.field == "Văn bản!A6"
    assert problem.message.vi.startswith(f"Nhiệm vụ (STT): {told}: điền dòng của nhiệm vụ đó")


def test_a_status_not_in_the_list_is_told_once_not_also_as_an_empty_cell() -> None:
    found = read(layout.TASK_COLUMNS, {"A7": 3, "E7": "Đã xong", "G7": "Kết quả"})
    missing_cells(found, {3})
    assert [ref for ref, _ in problems(found)] == ["Nhiệm vụ!E7"]


def test_a_country_typed_without_diacritics_is_read() -> None:
    found = read(layout.ACTIVITY_COLUMNS, {"E6": "Nhat Ban; han quoc"})
    assert problems(found) == []
    assert found.tasks[0]["countries"].value == ["JP", "KR"]
