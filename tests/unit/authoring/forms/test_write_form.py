"""`dnnd form`: the workbook's sheets, its hidden facts, the task rows, what is locked, the checks on the cells
to fill, the print setup, and where it is written (or why not)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from dnnd import __version__
from dnnd.authoring.forms import layout
from dnnd.authoring.forms.write_form import form_bytes, write_form
from dnnd.errors import DnndError, UsageError
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.evaluate.update_scaffold import held_tasks
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN

TODAY = dt.date(2021, 1, 10)  # 2020-Q4 is being reported; 2021-Q2's window has not begun


def period(name: str) -> Period:
    found = parse_period(name)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    root = tmp_path_factory.mktemp("form")
    shutil.copytree(EMBEDDED_PLAN, root / "plan", ignore=shutil.ignore_patterns("updates"))
    return load_repository(root, use_cache=False)


@pytest.fixture(scope="module")
def book(repo: Repository) -> Workbook:
    return load_workbook(io.BytesIO(form_bytes(repo, "lhhn", period("2020-Q4"), TODAY)))


def test_the_sheets_to_fill_come_first_then_the_guide_and_two_hidden_sheets(book: Workbook) -> None:
    assert book.sheetnames == ["Nhiệm vụ", "Văn bản", "Hoạt động", "Hướng dẫn", "Danh mục", "dnnd"]
    assert [book[name].sheet_state for name in book.sheetnames] == ["visible"] * 4 + ["hidden"] * 2
    assert book.active is not None and book.active.title == "Nhiệm vụ"
    assert book["Hướng dẫn"]["A1"].value == "HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO QUÝ IV NĂM 2020"


def test_the_hidden_sheet_says_which_plan_agency_quarter_and_tasks_the_form_is_for(book: Workbook) -> None:
    facts = {row[0]: row[1] for row in book["dnnd"].iter_rows(values_only=True)}
    assert facts == {
        "format": "dnnd-form-1",
        "plan": "khanhhoa-dnnd-2020",
        "agency": "lhhn",
        "period": "2020-Q4",
        "tasks": "2,3,4,5,6,7,11,12,13,14,15",
        "dnnd": __version__,
        "created": "2021-01-10",
    }


def test_task_rows_are_the_held_tasks_with_their_role_timing_and_empty_cells_to_fill(
    repo: Repository, book: Workbook
) -> None:
    sheet = book["Nhiệm vụ"]
    assert [cell.value for cell in sheet[5]] == [column.header for column in layout.TASK_COLUMNS]
    held = held_tasks(repo, "lhhn", period("2020-Q4"))
    rows = list(sheet.iter_rows(min_row=6, max_row=5 + len(held), values_only=True))
    expected = [
        (item.task.id, item.task.title, "Chủ trì" if item.lead else "Phối hợp", item.task.timing) for item in held
    ]
    assert [row[:4] for row in rows] == expected
    assert [row[2] for row in rows].count("Chủ trì") == 6  # tasks 5, 6, 7, 12, 14 and 15
    assert all(value is None for row in rows for value in row[4:])
    assert sheet.cell(6 + len(held), 1).value is None  # no row after the last task


def test_only_the_cells_to_fill_are_unlocked_and_the_sheet_is_protected_without_a_password(book: Workbook) -> None:
    sheet = book["Nhiệm vụ"]
    assert sheet.protection.sheet is True
    assert not sheet.protection.password
    assert sheet.protection.formatColumns is False and sheet.protection.formatRows is False
    assert [sheet.cell(9, column).protection.locked for column in range(1, 10)] == [True] * 4 + [False] * 5
    assert all(sheet[cell].protection.locked is False for cell in layout.REPORTER_CELLS.values())
    assert sheet["A1"].protection.locked is True and sheet["E5"].protection.locked is True
    assert book["Hoạt động"]["A6"].protection.locked is False


def rules(sheet: Worksheet) -> dict[str, tuple[str | None, str | None]]:
    """Each data validation's cells → (its type, its first formula)."""
    return {str(rule.sqref): (rule.type, rule.formula1) for rule in sheet.data_validations.dataValidation}


def test_status_and_dates_are_checked_on_the_task_rows_and_lists_come_from_the_hidden_sheet(book: Workbook) -> None:
    assert rules(book["Nhiệm vụ"]) == {"E6:E16": ("list", "ds_tinh_trang"), "F6:F16": ("date", "DATE(1900,1,1)")}
    assert all(rule.showErrorMessage for rule in book["Nhiệm vụ"].data_validations.dataValidation)
    activities = rules(book["Hoạt động"])
    assert activities["A6:A65"] == ("list", "ds_loai_hoat_dong")
    assert activities["C6:C65"][0] == activities["D6:D65"][0] == "date"
    assert activities["G6:G65"] == ("whole", "0")
    assert rules(book["Văn bản"])["A6:A45"] == ("list", "ds_nhiem_vu")
    lists = book["Danh mục"]
    assert [lists.cell(row, 1).value for row in range(1, 6)] == [*layout.STATUS_LABELS.values(), None]
    assert book.defined_names["ds_tinh_trang"].attr_text == "'Danh mục'!$A$1:$A$4"
    held = [2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15]
    assert [lists.cell(row, 6).value for row in range(1, 13)] == [*held, None]  # numbers, as typed


@pytest.mark.parametrize("name", ["Nhiệm vụ", "Văn bản", "Hoạt động"])
def test_each_sheet_to_fill_prints_on_a4_landscape_one_page_wide_repeating_its_header(
    book: Workbook, name: str
) -> None:
    sheet = book[name]
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.print_title_rows == "$5:$5"
    assert sheet.freeze_panes == "A6"


def test_the_form_goes_to_reports_by_default_and_an_existing_file_only_with_force(repo: Repository) -> None:
    choice = PeriodChoice(as_of=dt.date(2020, 12, 20))  # 2020-Q4 is the quarter being reported
    path = write_form(repo, "lhhn", choice, TODAY, output=None, force=False)
    assert path == repo.root / "reports" / "bieu-mau-lhhn-2020-Q4.xlsx"
    assert load_workbook(path)["dnnd"]["B4"].value == "2020-Q4"
    path.write_bytes(b"own")
    with pytest.raises(DnndError) as raised:
        write_form(repo, "lhhn", choice, TODAY, output=None, force=False)
    assert raised.value.message.vi == f"{path} đã có: không ghi đè (thêm --force để ghi đè)"
    assert path.read_bytes() == b"own"
    assert write_form(repo, "lhhn", choice, TODAY, output=None, force=True) == path
    assert path.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("agency", "name", "error", "message"),
    [
        ("stc", "2020-Q4", DnndError, "'stc' không có nhiệm vụ nào phải báo cáo trong 2020-Q4: không tạo biểu mẫu"),
        ("lhhn", "2021-Q2", UsageError, "kỳ 2021-Q2 chưa bắt đầu (số liệu từ ngày 15/03/2021; hôm nay 10/01/2021)"),
        ("lhhn", "2020-Q1", UsageError, "kỳ 2020-Q1 trước kỳ báo cáo đầu tiên của kế hoạch"),
        ("lhhn", "2020-H2", UsageError, "biểu mẫu là báo cáo của một quý: dùng --quarter"),
        ("xyz", "2020-Q4", UsageError, "không có cơ quan mã 'xyz'"),
    ],
)
def test_refusals_write_no_file(
    repo: Repository, tmp_path: Path, agency: str, name: str, error: type[DnndError], message: str
) -> None:
    output = tmp_path / "form.xlsx"
    with pytest.raises(DnndError) as raised:
        write_form(repo, agency, PeriodChoice(period(name)), TODAY, output=output, force=False)
    assert type(raised.value) is error
    assert raised.value.message.vi.startswith(message)
    assert not output.exists()


@pytest.mark.parametrize(
    ("agency", "name", "message"),
    [
        ("lienquan", "2020-Q4", "'lienquan' là nhóm hoặc cơ quan ngoài tỉnh: không gửi báo cáo"),
        ("stttt", "2025-Q2", "'stttt' thôi hoạt động từ sau ngày 28/02/2025: cơ quan kế nhiệm báo cáo thay"),
        ("svhtt", "2024-Q4", "không có báo cáo của 'svhtt' cho 2024-Q4"),
    ],
)
def test_an_agency_that_does_not_report_that_quarter_is_told_why_as_new_update_does(
    repo: Repository, tmp_path: Path, agency: str, name: str, message: str
) -> None:
    with pytest.raises(UsageError) as raised:
        write_form(
            repo, agency, PeriodChoice(period(name)), dt.date(2025, 12, 1), output=tmp_path / "f.xlsx", force=False
        )
    assert raised.value.message.vi.startswith(message)
