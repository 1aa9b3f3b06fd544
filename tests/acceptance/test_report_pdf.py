"""`dnnd report --pdf`: LibreOffice converts the report, and the text and page layout are found in the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MakeRepo, RunCli
from tests.docx_helpers import REPORT_ARGS, SAMPLE

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def _pdf(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> Path:
    result = run_cli("report", *REPORT_ARGS, "-o", str(tmp_path / "r.docx"), "--pdf", repo=make_repo(SAMPLE))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r.docx").is_file() and (tmp_path / "r.pdf").is_file()
    return tmp_path / "r.pdf"


def _text(pdf: Path, page: int | None = None) -> str:
    """The PDF's text (one page's if given) with all white space removed: extraction splits Vietnamese words."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(["pdftotext", *pages, str(pdf), "-"], check=True, capture_output=True, text=True)
    return re.sub(r"\s+", "", done.stdout)


@needs_soffice
def test_report_converted_to_pdf_contains_its_text(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    text = _text(_pdf(run_cli, make_repo, tmp_path))
    for expected in [
        "UBND TỈNH KHÁNH HÒA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/BC-SNgV",
        "Khánh Hòa, ngày 16 tháng 12 năm 2020",
        "Kính gửi: Ủy ban nhân dân tỉnh Khánh Hòa",
        "Liên hiệp các tổ chức hữu nghị tỉnh",
        "PHỤ LỤC III",
        "Đã trình UBND tỉnh khen thưởng 05 tập thể và 12 cá nhân.",
        "Văn bản số 45/LHHN-VP ngày 20/11/2020: Về việc đề nghị khen thưởng năm 2020",
        "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
        "Nơi nhận:",
        "- Lưu: VT, HTQT.",
        "(Kèm theo Báo cáo số 05/BC-SNgV ngày 16/12/2020 của Sở Ngoại vụ)",
    ]:
        assert re.sub(r"\s+", "", expected) in text, expected


@needs_soffice
def test_pdf_pages_a4_numbered_from_page_two_and_appendix_from_one(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path
) -> None:
    pdf = _pdf(run_cli, make_repo, tmp_path)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True)
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert len(sizes) >= 4 and (round(float(sizes[0][0])), round(float(sizes[0][1]))) == (595, 842)
    pages = [_text(pdf, number) for number in range(1, len(sizes) + 1)]
    appendix = next(i for i, page in enumerate(pages) if page.startswith("PHỤLỤC"))
    assert pages[0].startswith("DỰTHẢOUBNDTỈNH") and pages[1].startswith("2")  # no text of the focal point's
    assert appendix + 1 < len(pages), "the appendix table should run over more than one page"
    assert pages[appendix + 1].startswith("2STTNhiệmvụ")  # numbered from 1 again, header row repeated


def test_missing_libreoffice_is_reported_clearly(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DNND_SOFFICE", str(tmp_path / "no-such-dir" / "soffice"))
    result = run_cli("report", *REPORT_ARGS, "-o", str(tmp_path / "r.docx"), "--pdf", repo=make_repo(SAMPLE))
    assert result.exit_code != 0
    assert "LibreOffice" in result.output and "không tìm thấy" in result.output, result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "r.docx").is_file() and not (tmp_path / "r.pdf").exists()
