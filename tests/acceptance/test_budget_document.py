"""`dnnd budget --docx`: the consolidated estimate sent to Sở Tài chính, read back from the .docx and from its PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from dnnd.documents.pdf import to_pdf
from tests.conftest import DATA, MakeRepo, RunCli
from tests.docx_helpers import texts

ARGS = ("budget", "--year", "2021", "--docx", "--number", "12", "--date", "2020-07-15")
TOTAL = ["", "Tổng cộng", "120.000.000", "65.000.000", "63.000.000", "63.000.000"]
SOCIAL = ["2", "Hội nghị tổng kết công tác hữu nghị", "14", "Xã hội hóa", "30.000.000", "", "", ""]  # not appraised


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    root = make_repo()
    shutil.copytree(DATA / "budgets", root / "plan" / "budgets")
    return root


def test_the_letter_has_its_subject_addressee_and_totals(run_cli: RunCli, repo: Path) -> None:
    result = run_cli(*ARGS, repo=repo)
    path = repo / "reports" / "du-toan-2021.docx"
    assert result.exit_code == 0 and f"Đã ghi {path}" in " ".join(result.stdout.split()), result.output
    assert "Tổng cộng" not in result.stdout and "plan/budgets/mttq/2021.yaml" in result.stderr  # no table; left out
    document = docx.Document(str(path))
    found = texts(document)
    assert "Kính gửi: Sở Tài chính" in found and "Số: 12/SNgV-HTQT" in found
    assert any(text.startswith("V/v tổng hợp dự toán kinh phí thực hiện Kế hoạch") for text in found)
    summary = next(table for table in document.tables if table.rows[0].cells[1].text == "Cơ quan, đơn vị")
    lhhn = [table for table in document.tables if table.rows[0].cells[1].text == "Nội dung"][-1]
    assert [cell.text for cell in summary.rows[-1].cells] == TOTAL
    assert [cell.text for cell in lhhn.rows[2].cells] == SOCIAL
    again = run_cli(*ARGS, repo=repo)
    assert again.exit_code == 1 and "--force" in again.output and run_cli(*ARGS, "--force", repo=repo).exit_code == 0


def test_the_options_of_the_letter_go_with_docx(run_cli: RunCli, repo: Path) -> None:
    assert run_cli("budget", "--year", "2021", "--number", "3", repo=repo).exit_code == 2
    assert run_cli(*ARGS, "--agency", "lhhn", repo=repo).exit_code == 2
    assert run_cli("budget", "--year", "2022", "--docx", repo=repo).exit_code == 1  # no estimate for 2022


@pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice (soffice) is not installed"
)
def test_the_pdf_carries_the_totals(run_cli: RunCli, repo: Path, tmp_path: Path) -> None:
    assert run_cli(*ARGS, "-o", str(tmp_path / "d.docx"), repo=repo).exit_code == 0
    pdf = to_pdf(tmp_path / "d.docx")  # LibreOffice in a profile of its own
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    text = re.sub(r"\s+", "", done.stdout)  # the table's cells in reading order, without their spacing
    assert "Tổngcộng120.000.00065.000.00063.000.00063.000.000" in text and "Kínhgửi:SởTàichính" in text
    assert "PHỤLỤC" in text and "Cộng80.000.00045.000.00045.000.00048.000.000" in text
