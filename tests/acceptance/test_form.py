"""`dnnd form` and `dnnd take`: the Excel form an agency's clerk fills in, turned back into its update file.

The form of lhhn for 2020-Q4 lists tasks 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15 on rows 6 to 16 of sheet
'Nhiệm vụ' (task 5 on row 9, task 14 on row 15); lhhn leads 5, 6, 7, 12, 14, 15 (5, 6, 7 with sngv).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from tests.conftest import MakeRepo, RunCli

UPDATE = "plan/updates/lhhn/2020-Q4.yaml"
DELEGATION = {"A": "Đoàn vào", "B": "Đoàn tỉnh Shizuoka", "C": dt.datetime(2020, 10, 5), "D": "08/10/2020"}
DELEGATION |= {"E": "Nhật Bản", "F": "Hội hữu nghị tỉnh Shizuoka", "G": 12, "I": "1234/QĐ-UBND", "J": "7"}
AID = {"A": "Viện trợ PCPNN", "B": "Dự án nước sạch", "C": "20/11/2020", "E": "Nhật Bản; Hàn Quốc", "F": "Tổ chức B"}
AID |= {"K": "Dự án", "L": "1.500.000.000", "M": 300000000, "N": "VND"}
# what a clerk types, cell by cell: labels from the drop-downs, dates as date cells and as text, Alt+Enter lines
CLERK = {
    "Nhiệm vụ!G3": "Nguyễn Văn Thư",
    "Nhiệm vụ!I3": "Chuyên viên",
    "Nhiệm vụ!G4": "0258 3822 111",
    "Nhiệm vụ!E8": "Đã hoàn thành",
    "Nhiệm vụ!F8": "20/10/2020",
    "Nhiệm vụ!G8": "Đã xây dựng quy chế phối hợp.",
    "Nhiệm vụ!E9": "Đang thực hiện",
    "Nhiệm vụ!G9": "Đã tham mưu đón 2 đoàn vào.\nĐã xây dựng kế hoạch năm 2021.",
    "Nhiệm vụ!E10": "Gặp vướng mắc",
    "Nhiệm vụ!G10": "Chưa tổ chức được hội nghị.",
    "Nhiệm vụ!H10": "Thiếu kinh phí\nDịch bệnh",
    "Nhiệm vụ!I10": "Đề nghị bổ sung kinh phí.",
    "Nhiệm vụ!E11": "Chưa bắt đầu",
    "Nhiệm vụ!G11": "Chờ hướng dẫn.",
    "Nhiệm vụ!E15": "Đã hoàn thành",
    "Nhiệm vụ!F15": dt.datetime(2020, 11, 25),
    "Nhiệm vụ!G15": "Đã đề xuất khen thưởng 3 tập thể.",
    "Văn bản!A6": 14,
    "Văn bản!B6": "45/QĐ-LHHN",
    "Văn bản!C6": dt.datetime(2020, 11, 25),
    "Văn bản!D6": "Đề nghị khen thưởng",
    **{f"Hoạt động!{column}6": value for column, value in DELEGATION.items()},
    **{f"Hoạt động!{column}7": value for column, value in AID.items()},
}
TWIN = """agency: lhhn
period: 2020-Q4
reporter: {name: Nguyễn Văn Thư, title: Chuyên viên, phone: "0258 3822 111"}
entries:
  - {task: 4, status: done, done_on: 2020-10-20, summary: Đã xây dựng quy chế phối hợp.}
  - {task: 5, status: in_progress, summary: "Đã tham mưu đón 2 đoàn vào.\\nĐã xây dựng kế hoạch năm 2021."}
  - {task: 6, status: blocked, summary: Chưa tổ chức được hội nghị., difficulties: "Thiếu kinh phí\\nDịch bệnh",
     proposals: Đề nghị bổ sung kinh phí.}
  - {task: 7, status: not_started, summary: Chờ hướng dẫn.}
  - {task: 14, status: done, done_on: 2020-11-25, summary: Đã đề xuất khen thưởng 3 tập thể.,
     documents: [{number: 45/QĐ-LHHN, date: 2020-11-25, title: Đề nghị khen thưởng}]}
activities:
  - {kind: delegation_in, title: Đoàn tỉnh Shizuoka, start: 2020-10-05, end: 2020-10-08, countries: [JP],
     partner: Hội hữu nghị tỉnh Shizuoka, people: 12, ref: 1234/QĐ-UBND, tasks: [7]}
  - {kind: aid, title: Dự án nước sạch, start: 2020-11-20, countries: [JP, KR], partner: Tổ chức B, aid_type: project,
     pledged: {amount: 1500000000, currency: VND}, disbursed: {amount: 300000000, currency: VND}}
"""


def blank_form(run_cli: RunCli, root: Path, name: str = "bieu-mau.xlsx") -> Path:
    path = root.parent / name
    result = run_cli("form", "--agency", "lhhn", "--quarter", "2020-Q4", "-o", str(path), repo=root)
    assert result.exit_code == 0, result.output
    return path


def fill(path: Path, cells: dict[str, Any]) -> Path:
    """Type `cells` ('Sheet!A1' → value) into the workbook and save it, as a clerk would."""
    book = load_workbook(path)
    for ref, value in cells.items():
        sheet, cell = ref.split("!")
        book[sheet][cell] = value
    book.save(path)
    return path


def figures(run_cli: RunCli, root: Path) -> tuple[Any, Any]:
    """`status` and `stats` of 2020-Q4, as JSON."""
    found = []
    for command in ("status", "stats"):
        result = run_cli(command, "--quarter", "2020-Q4", "--format", "json", repo=root)
        assert result.exit_code == 0, result.output
        found.append(json.loads(result.stdout))
    return found[0], found[1]


def take_and_compare_with_twin(run_cli: RunCli, make_repo: MakeRepo, root: Path, form: Path) -> None:
    result = run_cli("take", str(form), repo=root)
    assert result.exit_code == 0, result.output
    assert run_cli("validate", repo=root).exit_code == 0
    taken = (root / UPDATE).read_text(encoding="utf-8")
    assert taken.startswith("# yaml-language-server: $schema=../../../schema/update.schema.json\n")
    assert yaml.safe_load(taken) == yaml.safe_load(TWIN)
    twin = make_repo({UPDATE: TWIN}, name="twin")
    assert figures(run_cli, root) == figures(run_cli, twin)


def test_a_form_filled_as_a_clerk_would_gives_the_status_and_stats_of_its_yaml_twin(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    root = make_repo()
    form = fill(blank_form(run_cli, root), CLERK)
    take_and_compare_with_twin(run_cli, make_repo, root, form)
    status, stats = figures(run_cli, root)
    task_14 = next(task for task in status["tasks"] if task["task"] == 14)
    assert (task_14["status"], task_14["done_on"]) == ("done_on_time", "2020-11-25")
    assert stats["totals"]["aid"]["pledged"] == {"VND": 1500000000}


def test_a_form_resaved_by_libreoffice_calc_gives_the_same_update(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path
) -> None:
    tool = shutil.which("soffice")
    if tool is None:
        pytest.skip("LibreOffice's soffice is not installed (CI installs libreoffice-calc-nogui)")
    root = make_repo()
    form = fill(blank_form(run_cli, root), CLERK)
    out = tmp_path / "calc"
    profile = f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}"
    command = [tool, profile, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out)]
    subprocess.run([*command, str(form)], capture_output=True, timeout=240, check=False)
    resaved = out / form.name
    assert resaved.is_file(), "LibreOffice Calc did not save the form"
    with zipfile.ZipFile(resaved) as package:
        assert b"LibreOffice" in package.read("docProps/app.xml")  # saved by Calc, not a copy
    take_and_compare_with_twin(run_cli, make_repo, root, resaved)


def other_plan(path: Path) -> Path:
    return fill(path, {"dnnd!B2": "another-plan-2021"})


def status_not_in_list(path: Path) -> Path:
    return fill(path, {"Nhiệm vụ!E9": "Đã xong", "Nhiệm vụ!G9": "Xong."})


def no_such_date(path: Path) -> Path:
    return fill(path, {"Nhiệm vụ!E15": "Đã hoàn thành", "Nhiệm vụ!F15": "31/02/2020", "Nhiệm vụ!G15": "Xong."})


def as_xls(path: Path) -> Path:
    return path.rename(path.with_suffix(".xls"))


@pytest.mark.parametrize(
    ("spoil", "code", "message"),
    [
        (other_plan, 2, "là biểu mẫu của kế hoạch 'another-plan-2021', không phải của kế hoạch này"),
        (status_not_in_list, 1, "bieu-mau.xlsx: Nhiệm vụ!E9: Tình trạng 'Đã xong' không có trong danh sách"),
        (no_such_date, 1, "bieu-mau.xlsx: Nhiệm vụ!F15: Ngày hoàn thành: ngày 31/02/2020 không có thật"),
        (as_xls, 2, "bieu-mau.xls: dnnd đọc tệp Excel .xlsx; mở tệp rồi 'Lưu thành' (Save As)"),
    ],
)
def test_a_bad_workbook_is_refused_naming_what_is_wrong_and_nothing_is_written(
    run_cli: RunCli, make_repo: MakeRepo, spoil: Any, code: int, message: str
) -> None:
    root = make_repo()
    form = spoil(blank_form(run_cli, root))
    result = run_cli("take", str(form), repo=root)
    assert result.exit_code == code, result.output
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert not (root / "plan" / "updates").exists()


def test_an_existing_update_is_replaced_only_with_force(run_cli: RunCli, make_repo: MakeRepo) -> None:
    own = "agency: lhhn\nperiod: 2020-Q4\nentries: []  # viết tay\n"
    root = make_repo({UPDATE: own})
    form = fill(blank_form(run_cli, root), CLERK)
    result = run_cli("take", str(form), repo=root)
    assert result.exit_code == 1
    assert "plan/updates/lhhn/2020-Q4.yaml đã có: không ghi đè (thêm --force" in " ".join(result.output.split())
    assert (root / UPDATE).read_text(encoding="utf-8") == own
    result = run_cli("take", str(form), "--force", repo=root)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((root / UPDATE).read_text(encoding="utf-8")) == yaml.safe_load(TWIN)


NOT_BEGUN = f"{dt.date.today().year + 2}-Q1"


@pytest.mark.parametrize(
    ("agency", "quarter", "code", "message"),
    [
        ("stc", "2020-Q4", 1, "'stc' không có nhiệm vụ nào phải báo cáo trong 2020-Q4: không tạo biểu mẫu"),
        ("lhhn", NOT_BEGUN, 2, f"kỳ {NOT_BEGUN} chưa bắt đầu"),
    ],
)
def test_form_refuses_an_agency_with_no_task_in_the_quarter_or_a_quarter_not_begun(
    run_cli: RunCli, make_repo: MakeRepo, agency: str, quarter: str, code: int, message: str
) -> None:
    root = make_repo()
    path = root.parent / "bieu-mau.xlsx"
    result = run_cli("form", "--agency", agency, "--quarter", quarter, "-o", str(path), repo=root)
    assert result.exit_code == code, result.output
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert not path.exists()
    assert not (root / "reports").exists()


def test_form_writes_to_reports_by_default_and_overwrites_only_with_force(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    arguments = ("form", "--agency", "lhhn", "--quarter", "2020-Q4")
    assert run_cli(*arguments, repo=root).exit_code == 0
    path = root / "reports" / "bieu-mau-lhhn-2020-Q4.xlsx"
    assert load_workbook(path)["dnnd"]["B3"].value == "lhhn"
    path.write_bytes(b"own")
    result = run_cli(*arguments, repo=root)
    assert result.exit_code == 1
    assert "đã có: không ghi đè" in result.output
    assert path.read_bytes() == b"own"
    assert run_cli(*arguments, "--force", repo=root).exit_code == 0
    assert path.read_bytes() != b"own"
