"""to_pdf: the PDF written beside the Word file; the messages when LibreOffice fails or is missing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from dnnd.documents.pdf import to_pdf
from dnnd.errors import DnndError

# A stand-in for soffice: records its arguments, then runs `action` (with $out the --outdir and $doc the file).
FAKE = '#!/bin/sh\nprintf "%s\\n" "$@" > "$(dirname "$0")/arguments"\nout=$7; doc=$(basename "$8")\n'


def _fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, action: str) -> Path:
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    program.write_text(FAKE + action + "\n")
    program.chmod(0o755)
    monkeypatch.setenv("DNND_SOFFICE", str(program))
    return program


def _word(tmp_path: Path, text: str = "Báo cáo quý IV năm 2020") -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    path = tmp_path / "out" / "bao-cao-2020-Q4.docx"
    path.parent.mkdir()
    document.save(str(path))
    return path


def test_missing_libreoffice_is_reported_in_both_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DNND_SOFFICE", str(tmp_path / "no-such-dir" / "soffice"))
    document = _word(tmp_path)
    with pytest.raises(DnndError) as raised:
        to_pdf(document)
    assert raised.value.message.vi.startswith(
        "không tìm thấy LibreOffice để chuyển sang PDF (tệp Word vẫn đã được tạo). Cài LibreOffice Writer"
    )
    assert raised.value.message.en.endswith("or set DNND_SOFFICE to the soffice program")
    assert raised.value.exit_code == 1
    assert sorted(path.name for path in document.parent.iterdir()) == ["bao-cao-2020-Q4.docx"]


def test_the_pdf_is_moved_beside_the_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = _fake_soffice(tmp_path, monkeypatch, 'printf "PDF of %s" "$doc" > "$out/${doc%.*}.pdf"')
    document = _word(tmp_path)
    assert to_pdf(document) == document.with_suffix(".pdf")
    assert document.with_suffix(".pdf").read_text() == "PDF of bao-cao-2020-Q4.docx"
    arguments = (program.parent / "arguments").read_text().splitlines()
    assert re.fullmatch(r"-env:UserInstallation=file:///.+", arguments[0])
    assert arguments[1:6] == ["--headless", "--norestore", "--convert-to", "pdf", "--outdir"]
    assert arguments[7] == str(document) and not Path(arguments[6]).exists()  # its temporary folder is gone


@pytest.mark.parametrize(
    ("action", "detail"),
    [
        ('echo "Error: source file could not be loaded" >&2; exit 1', "Error: source file could not be loaded"),
        ('echo "convert $doc -> nowhere"', "convert bao-cao-2020-Q4.docx -> nowhere"),
    ],
    ids=["exit-status", "no-output-file"],
)
def test_a_failed_conversion_shows_what_libreoffice_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, action: str, detail: str
) -> None:
    _fake_soffice(tmp_path, monkeypatch, action)
    document = _word(tmp_path)
    with pytest.raises(DnndError) as raised:
        to_pdf(document)
    assert raised.value.message.vi == f"LibreOffice không chuyển được sang PDF: {detail}"
    assert raised.value.message.en == f"LibreOffice could not convert to PDF: {detail}"
    assert not document.with_suffix(".pdf").exists()


def test_a_conversion_that_does_not_finish_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path, monkeypatch, "sleep 30")
    monkeypatch.setenv("DNND_TOOL_TIMEOUT", "1")
    with pytest.raises(DnndError) as raised:
        to_pdf(_word(tmp_path))
    assert raised.value.message.en.startswith("LibreOffice ran over 1 seconds and was stopped")
    assert raised.value.message.vi.startswith("LibreOffice chạy quá 1 giây nên đã bị dừng")


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="needs LibreOffice")
def test_libreoffice_converts_the_word_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DNND_SOFFICE", raising=False)
    document = _word(tmp_path, "Báo cáo quý IV năm 2020: Đã tổ chức 05 hội nghị")
    produced = to_pdf(document)
    assert produced == tmp_path / "out" / "bao-cao-2020-Q4.pdf"
    assert produced.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", str(produced), "-"], check=True, capture_output=True, text=True).stdout
    assert text.strip() == "Báo cáo quý IV năm 2020: Đã tổ chức 05 hội nghị"
