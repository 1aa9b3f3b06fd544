"""`dnnd take`: a filled form becomes the agency's update file; a file that is no form of this plan is a usage
error, wrong content a data error naming each cell, and nothing is written then nor over an existing update."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from dnnd.authoring.forms.take import take_form
from dnnd.authoring.forms.write_form import form_bytes
from dnnd.errors import DataError, DnndError, UsageError
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import MakeRepo

TODAY = dt.date(2021, 1, 10)
UPDATE = "plan/updates/lhhn/2020-Q4.yaml"
Q4 = parse_period("2020-Q4", "quarter")
# lhhn's 2020-Q4 form: task 3 on row 7, task 5 on row 9, task 14 on row 15
REPORTED = {"Nhiệm vụ!E9": "Đang thực hiện", "Nhiệm vụ!G9": "Ý một\nÝ hai"}


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(), use_cache=False)


def form(repo: Repository, cells: dict[str, Any], spoil: Callable[[Workbook], object] = lambda book: None) -> Path:
    """lhhn's 2020-Q4 form with `cells` ('Sheet!A1' → value) typed in, then spoilt; saved beside the repository."""
    assert isinstance(Q4, Period)
    book = load_workbook(io.BytesIO(form_bytes(repo, "lhhn", Q4, TODAY)))
    for ref, value in cells.items():
        sheet, cell = ref.split("!")
        book[sheet][cell] = value
    spoil(book)
    path = repo.root.parent / "bieu-mau.xlsx"
    book.save(path)
    return path


def test_a_filled_form_becomes_the_update_file_with_its_schema_line(repo: Repository) -> None:
    taken = take_form(repo, form(repo, REPORTED | {"Nhiệm vụ!G3": "Lê Thị Ba"}), force=False, today=TODAY)
    assert (taken.path, taken.rel, taken.warnings) == (repo.root / UPDATE, UPDATE, [])
    text = taken.path.read_text(encoding="utf-8")
    assert text.splitlines()[:2] == [
        "# yaml-language-server: $schema=../../../schema/update.schema.json",
        '# Chuyển từ biểu mẫu Excel "bieu-mau.xlsx" bằng `dnnd take`.',
    ]
    assert "    summary: |-\n      Ý một\n      Ý hai\n" in text
    assert yaml.safe_load(text) == {
        "agency": "lhhn",
        "period": "2020-Q4",
        "reporter": {"name": "Lê Thị Ba"},
        "entries": [{"task": 5, "status": "in_progress", "summary": "Ý một\nÝ hai"}],
    }


def set_meta(key: str, value: str) -> Callable[[Workbook], object]:
    def spoil(book: Workbook) -> None:
        sheet = book["dnnd"]
        [row] = [row for row in sheet.iter_rows() if row[0].value == key]
        row[1].value = value

    return spoil


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (
            set_meta("plan", "hanoi-2021"),
            "bieu-mau.xlsx là biểu mẫu của kế hoạch 'hanoi-2021', không phải của kế hoạch này",
        ),
        (
            lambda book: book.remove(book["dnnd"]),
            "bieu-mau.xlsx không phải biểu mẫu do `dnnd form` tạo (thiếu sheet ẩn 'dnnd')",
        ),
        (
            set_meta("format", "dnnd-form-9"),
            "bieu-mau.xlsx: biểu mẫu dạng 'dnnd-form-9' mà bản dnnd này không đọc được",
        ),
        (set_meta("agency", "xyz"), "bieu-mau.xlsx: biểu mẫu cho cơ quan 'xyz', kỳ '2020-Q4' mà kế hoạch không có"),
        (
            set_meta("period", "2020-Q5"),
            "bieu-mau.xlsx: biểu mẫu cho cơ quan 'lhhn', kỳ '2020-Q5' mà kế hoạch không có",
        ),
    ],
    ids=["other-plan", "no-meta-sheet", "unknown-format", "unknown-agency", "no-such-quarter"],
)
def test_a_form_of_another_plan_or_without_its_facts_is_a_usage_error(
    repo: Repository, spoil: Callable[[Workbook], object], message: str
) -> None:
    path = form(repo, REPORTED, spoil)
    with pytest.raises(UsageError) as raised:
        take_form(repo, path, force=False, today=TODAY)
    assert raised.value.message.vi.startswith(message)
    assert not (repo.root / "plan" / "updates").exists()


def not_a_workbook(zip_path: Path) -> None:
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")


@pytest.mark.parametrize(
    ("name", "write", "message"),
    [
        (
            "bieu-mau.xls",
            lambda path: path.write_bytes(b"\xd0\xcf\x11\xe0"),
            "bieu-mau.xls: dnnd đọc tệp Excel .xlsx; mở tệp rồi 'Lưu thành'",
        ),
        ("bieu-mau.ODS", not_a_workbook, "bieu-mau.ODS: dnnd đọc tệp Excel .xlsx"),
        (
            "bieu-mau.xlsx",
            lambda path: path.write_text("agency: lhhn\n"),
            "bieu-mau.xlsx không phải biểu mẫu Excel (.xlsx) của dnnd",
        ),
        ("bieu-mau.xlsx", not_a_workbook, "bieu-mau.xlsx không mở được như một tệp Excel .xlsx"),
        ("bieu-mau.xlsx", lambda path: None, "không đọc được tệp bieu-mau.xlsx"),
    ],
    ids=["xls", "ods", "text", "zip-not-a-workbook", "missing"],
)
def test_a_file_that_is_no_xlsx_workbook_is_a_usage_error_saying_what_to_do(
    repo: Repository, name: str, write: Callable[[Path], object], message: str
) -> None:
    path = repo.root.parent / name
    write(path)
    with pytest.raises(UsageError) as raised:
        take_form(repo, path, force=False, today=TODAY)
    assert raised.value.message.vi.startswith(message)
    assert not (repo.root / "plan" / "updates").exists()


def test_an_existing_update_is_not_overwritten_without_force(make_repo: MakeRepo) -> None:
    own = "agency: lhhn\nperiod: 2020-Q4\nentries: []  # viết tay\n"
    repo = load_repository(make_repo({UPDATE: own}), use_cache=False)
    path = form(repo, REPORTED)
    with pytest.raises(DnndError) as raised:
        take_form(repo, path, force=False, today=TODAY)
    assert type(raised.value) is DnndError
    assert (
        raised.value.message.vi
        == f"{UPDATE} đã có: không ghi đè (thêm --force để thay bằng nội dung biểu mẫu bieu-mau.xlsx)"
    )
    assert (repo.root / UPDATE).read_text(encoding="utf-8") == own
    take_form(repo, path, force=True, today=TODAY)
    assert yaml.safe_load((repo.root / UPDATE).read_text(encoding="utf-8"))["entries"][0]["task"] == 5


def refused(repo: Repository, path: Path, today: dt.date = TODAY) -> list[tuple[str, str]]:
    """The cells and messages of the data error taking `path` raises; no update file may have been written."""
    with pytest.raises(DataError) as raised:
        take_form(repo, path, force=False, today=today)
    assert raised.value.rerun == f"dnnd take {path.name}"
    assert not (repo.root / "plan" / "updates").exists()
    return [(problem.field, problem.message.vi) for problem in raised.value.problems]


def test_wrong_cells_are_told_at_their_cells(repo: Repository) -> None:
    cells = REPORTED | {"Nhiệm vụ!E7": "Xong rồi", "Nhiệm vụ!G7": "Kết quả"}
    cells |= {"Nhiệm vụ!E15": "Đã hoàn thành", "Nhiệm vụ!F15": "31/02/2020", "Nhiệm vụ!G15": "Kết quả"}
    found = refused(repo, form(repo, cells))
    assert ("Nhiệm vụ!F15", "Ngày hoàn thành: ngày 31/02/2020 không có thật") in found
    assert any(
        ref == "Nhiệm vụ!E7" and text.startswith("Tình trạng 'Xong rồi' không có trong danh sách")
        for ref, text in found
    )
    assert {ref for ref, _ in found} == {"Nhiệm vụ!E7", "Nhiệm vụ!F15"}


def test_problems_the_usual_checks_find_in_the_written_text_are_told_at_the_cells_it_came_from(
    repo: Repository,
) -> None:
    activity = {"Hoạt động!A6": "Tuyên truyền", "Hoạt động!B6": "Tin bài", "Hoạt động!C6": "20/12/2020"}
    found = refused(repo, form(repo, REPORTED | activity | {"Hoạt động!J6": "2; 99"}))
    assert [ref for ref, _ in found] == ["Hoạt động!C6", "Hoạt động!J6"]
    assert found[0][1].startswith("Từ ngày: hoạt động bắt đầu ngày 20/12/2020, sau ngày chốt số liệu của kỳ 2020-Q4")
    assert found[1][1].startswith("Phục vụ nhiệm vụ (STT): không có nhiệm vụ số 99")


def test_a_form_taken_before_its_quarter_begins_is_told_at_the_hidden_sheet(repo: Repository) -> None:
    found = refused(repo, form(repo, REPORTED), today=dt.date(2020, 8, 1))
    assert [ref for ref, _ in found] == ["dnnd!period"]
    assert found[0][1].startswith("kỳ 2020-Q4 chưa bắt đầu (số liệu từ ngày 15/09/2020; hôm nay 01/08/2020)")


def test_a_sheet_deleted_is_a_problem_and_a_column_added_a_warning(repo: Repository) -> None:
    assert refused(repo, form(repo, REPORTED, lambda book: book.remove(book["Văn bản"]))) == [
        ("Văn bản", "thiếu sheet 'Văn bản' của biểu mẫu")
    ]
    added = {"Hoạt động!P5": "Người phụ trách", "Hoạt động!P6": "Anh Ba"}
    activity = {"Hoạt động!A6": "Tuyên truyền", "Hoạt động!B6": "Tin bài", "Hoạt động!C6": "01/12/2020"}
    taken = take_form(repo, form(repo, REPORTED | activity | added), force=False, today=TODAY)
    assert [(warning.field, warning.message.vi) for warning in taken.warnings] == [
        ("Hoạt động!P5", "cột 'Người phụ trách' không thuộc biểu mẫu: bỏ qua")
    ]
    assert "Anh Ba" not in taken.path.read_text(encoding="utf-8")
