"""`--format xlsx -o FILE` for status, missing, stats and log: Vietnamese headers and labels (English with
--lang en), real dates, the leads' latest reports; a workbook LibreOffice Calc opens and prints."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PROJECT, RunCli

SAMPLE = PROJECT / "examples" / "khanhhoa-2020"


def _book(run_cli: RunCli, tmp_path: Path, *args: str) -> openpyxl.Workbook:
    target = tmp_path / "out.xlsx"
    result = run_cli(*args, "--quarter", "2020-Q4", "--format", "xlsx", "-o", str(target), repo=SAMPLE)
    assert result.exit_code == 0, result.output
    assert f"Đã ghi {target}" in result.stderr or f"Wrote {target}" in result.stderr
    return openpyxl.load_workbook(target)


def test_status_has_vietnamese_headers_labels_real_dates_and_the_leads_reports(run_cli: RunCli, tmp_path: Path) -> None:
    sheet = _book(run_cli, tmp_path, "status").worksheets[0]
    assert sheet.title == "Tình trạng 2020-Q4"
    assert [cell.value for cell in sheet[1]][:3] == ["STT", "Nhiệm vụ", "Chủ trì"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert rows[4][5].value == dt.datetime(2020, 9, 30) and rows[4][6].value == "Đã hoàn thành đúng hạn"
    assert "SNgV 2020-Q4 (Đã hoàn thành): Đã tiếp thu ý kiến" in rows[4][9].value


def test_with_lang_en_the_headers_and_labels_are_english(run_cli: RunCli, tmp_path: Path) -> None:
    sheet = _book(run_cli, tmp_path, "--lang", "en", "status").worksheets[0]
    assert sheet.title == "Status 2020-Q4" and sheet["G1"].value == "Status"
    assert sheet["G2"].value in ("Waiting", "Ongoing", "Done on time", "In progress, within deadline")


def test_missing_and_stats_have_their_sheets(run_cli: RunCli, tmp_path: Path) -> None:
    missing = _book(run_cli, tmp_path, "missing").worksheets[0]
    assert missing["A1"].value == "Cơ quan, đơn vị" and missing["A2"].value == "Ban Tuyên giáo Tỉnh ủy"
    stats = _book(run_cli, tmp_path, "stats")
    assert [sheet.title for sheet in stats.worksheets] == ["Số liệu 2020-Q4", "Hoạt động 2020-Q4"]
    assert stats.worksheets[0]["A2"].value == "Đoàn vào" and stats.worksheets[0]["B2"].value == 2
    assert isinstance(stats.worksheets[1]["A2"].value, dt.datetime)


def test_xlsx_needs_a_file_and_a_table_takes_none(run_cli: RunCli, tmp_path: Path) -> None:
    assert "-o TỆP.xlsx" in run_cli("status", "--format", "xlsx", repo=SAMPLE).output
    result = run_cli("status", "-o", str(tmp_path / "t.txt"), repo=SAMPLE)
    assert result.exit_code == 2 and not (tmp_path / "t.txt").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (CI installs it)")
def test_libreoffice_calc_opens_and_prints_the_workbook(run_cli: RunCli, tmp_path: Path) -> None:
    _book(run_cli, tmp_path, "status")
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    command = [
        "soffice",
        profile,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        str(tmp_path / "out.xlsx"),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "out.pdf"), "-"], check=True, capture_output=True, text=True)
    assert "Nhiệm vụ" in text.stdout and "30/09/2020" in text.stdout


def test_workbook_gathers_the_periods_sheets_once_and_not_over_a_file(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "so-lieu.xlsx"
    result = run_cli("workbook", "--quarter", "2020-Q4", "-o", str(target), repo=SAMPLE)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:4] == ["Tình trạng 2020-Q4", "Chưa báo cáo 2020-Q4", "Số liệu 2020-Q4", "Hoạt động 2020-Q4"]
    assert book["Số liệu 2020-Q4"]["B2"].value == 2 and book["Tình trạng 2020-Q4"]["A2"].value == 1
    again = run_cli("workbook", "--quarter", "2020-Q4", "-o", str(target), repo=SAMPLE)
    assert again.exit_code == 1 and "--force" in again.output
    assert run_cli("workbook", "--quarter", "2020-Q4", "-o", str(target), "--force", repo=SAMPLE).exit_code == 0


def test_outside_git_the_workbook_has_no_submissions_sheet(run_cli: RunCli, tmp_path: Path) -> None:
    copy = tmp_path / "sample"
    shutil.copytree(SAMPLE, copy)
    result = run_cli("workbook", "--quarter", "2020-Q4", repo=copy)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(copy / "reports" / "so-lieu-2020-Q4.xlsx")
    assert book.sheetnames == ["Tình trạng 2020-Q4", "Chưa báo cáo 2020-Q4", "Số liệu 2020-Q4", "Hoạt động 2020-Q4"]
