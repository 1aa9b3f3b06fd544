"""Variants of the Khánh Hòa decision for `dnnd import`: Word files built with python-docx, text variants."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.shared import Cm
from docx.table import Table

from tests.conftest import DATA, EMBEDDED_PLAN

DECISION = DATA / "qd-1228-2020-khanh-hoa.txt"
KEYS = ("id", "title", "lead", "support", "timing")


def decision_text() -> str:
    return DECISION.read_text(encoding="utf-8")


def expected_tasks() -> list[dict[str, Any]]:
    tasks = yaml.safe_load((EMBEDDED_PLAN / "tasks.yaml").read_text(encoding="utf-8"))["tasks"]
    return [{key: task[key] for key in KEYS} for task in tasks]


def imported_tasks(out: Path, keys: tuple[str, ...] = KEYS) -> list[dict[str, Any]]:
    tasks = yaml.safe_load((out / "plan" / "tasks.yaml").read_text(encoding="utf-8"))["tasks"]
    return [{key: task.get(key) for key in keys} for task in tasks]


def _plain(line: str) -> str:
    """A Markdown line of the decision text as the words a Word paragraph would hold."""
    line = re.sub(r"^\s{0,3}#{1,6}\s*", "", line)
    return line.replace("**", "").replace("*", "").strip()


def parts() -> tuple[list[str], list[list[str]], list[str]]:
    """Paragraphs before the task table, its rows (header first, blank debris dropped), paragraphs after it."""
    before: list[str] = []
    rows: list[list[str]] = []
    after: list[str] = []
    for line in decision_text().splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
        elif line.strip() and _plain(line):
            (after if rows else before).append(_plain(line))
    return before, rows, after


def _fill(cell: Any, text: str | list[str]) -> None:
    """One paragraph per item of `text`."""
    paragraphs = [text] if isinstance(text, str) else text
    cell.text = paragraphs[0]
    for more in paragraphs[1:]:
        cell.add_paragraph(more)


GROUP = "Các cơ quan, đơn vị, địa phương liên quan"
WIDTHS = (Cm(1.2), Cm(6.0), Cm(3.0), Cm(4.0), Cm(2.5), Cm(2.0))  # as in a signed decision, for the PDF


def _one_per_paragraph(cell: str) -> list[str]:
    """The agencies of a list cell, one a paragraph ("Báo Khánh Hòa" apart from the group it follows)."""
    names: list[str] = []
    for part in (name.strip() for name in cell.split(";")):
        rest = part.removeprefix(GROUP)
        names += [GROUP, *filter(None, (n.strip(" .") for n in rest.split(",")))] if rest != part else [part]
    return names


def _cells(row: list[str], number: str, multi: bool) -> list[str | list[str]]:
    """A task row's cells; with `multi`, task 10's title as two paragraphs, each lead agency in its own
    paragraph and each supporting agency in its own paragraph ending with ';' as Word lists are typed."""
    if not multi or number == "STT":
        return list(row)
    title: str | list[str] = row[1]
    if number == "10":
        head, tail = row[1].split(". Đề xuất", 1)
        title = [head + ".", "Đề xuất" + tail]
    support = _one_per_paragraph(row[3])
    support = [name.rstrip(".") + ";" for name in support[:-1]] + support[-1:]
    return [row[0], title, _one_per_paragraph(row[2]), support, row[4]]


def _two_row_header(table: Table, header: list[str]) -> None:
    """STT | Nhiệm vụ | Cơ quan thực hiện (over Chủ trì | Phối hợp) | Thời gian, merged as Word draws it."""
    top, bottom = table.add_row().cells, table.add_row().cells
    titles = ["STT", "Nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian hoàn thành", *header[5:]]
    for cell, text in zip(top, titles, strict=True):
        cell.text = text
    bottom[2].text, bottom[3].text = "Chủ trì", "Phối hợp"
    top[2].merge(top[3])
    for column in (0, 1, 4, *range(5, len(header))):
        table.cell(0, column).merge(table.cell(1, column))


def _merge_timing(table: Table, row: int) -> None:
    """Tasks 2 and 3 (rows `row` and `row + 1`) share one vertically merged "Thường xuyên" cell."""
    task2, task3 = table.rows[row], table.rows[row + 1]
    assert task2.cells[4].text == task3.cells[4].text == "Thường xuyên"
    task3.cells[4].text = ""
    task2.cells[4].merge(task3.cells[4]).text = "Thường xuyên"


def _header_table(document: Any, number: str, date: str) -> None:
    """The borderless two-column table a Vietnamese decision opens with: issuer and motto, number and date."""
    layout = document.add_table(rows=2, cols=2)
    _fill(layout.cell(0, 0), ["ỦY BAN NHÂN DÂN", "TỈNH KHÁNH HÒA"])
    _fill(layout.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    _fill(layout.cell(1, 0), number)
    _fill(layout.cell(1, 1), date)


def _add_table(document: Any, rows: list[list[str]], options: dict[str, Any]) -> Table:
    extra = options.get("extra_column", False)
    header = rows[0] + (["Ghi chú"] if extra else [])
    table = document.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS, strict=False):
        column.width = width
    if options.get("two_row_header"):
        _two_row_header(table, header)
    for cells in [header, *rows[1:]] if not options.get("two_row_header") else rows[1:]:
        number = cells[0]
        if options.get("section") and number in ("1", "8"):
            merged = table.add_row().cells
            merged[0].merge(merged[-1])
            merged[0].text = "I. NHIỆM VỤ CHUNG" if number == "1" else "II. TUYÊN TRUYỀN"
        values = _cells(cells, number, options.get("multi", False))
        if extra and number != "STT":
            values.append(f"Ghi chú {number}")
        row = table.add_row().cells
        for cell, value, width in zip(row, values, WIDTHS, strict=False):
            _fill(cell, value)
            cell.width = width
    if options.get("merge_timing"):
        _merge_timing(table, 2 + bool(options.get("section")) + bool(options.get("two_row_header")))
    for _ in range(options.get("empty_rows", 0)):
        table.add_row()
    return table


def build_docx(path: Path, **options: Any) -> Path:
    """The decision as Word: header paragraphs, the task table, the closing sections.

    Options: split (two tables, a paragraph between them, the header row repeated), multi (cells with several
    paragraphs), section (section rows merged across all columns), merge_timing (tasks 2 and 3 share one
    vertically merged "Thường xuyên"), empty_rows (empty trailing rows), extra_column (a "Ghi chú" column),
    two_row_header ("Cơ quan thực hiện" over "Chủ trì" and "Phối hợp"), header_table (number, date and issuer
    in the borderless two-column table that Vietnamese decisions open with).
    """
    before, rows, after = parts()
    document = docx.Document()
    if options.get("header_table"):
        _header_table(document, before.pop(0), before.pop(0))
    for text in before:
        document.add_paragraph(text)
    if options.get("split"):
        _add_table(document, rows[:8], options)
        document.add_paragraph("(tiếp theo)")
        _add_table(document, [rows[0], *rows[8:]], {**options, "merge_timing": False})
    else:
        _add_table(document, rows, options)
    for text in after:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def with_tracked_insertion(source: Path, target: Path) -> Path:
    """A copy of the .docx whose first paragraph holds a tracked insertion (w:ins)."""
    insertion = (
        '<w:ins w:id="901" w:author="Chuyên viên" w:date="2020-05-20T00:00:00Z">'
        "<w:r><w:t>Nội dung chèn thêm</w:t></w:r></w:ins>"
    ).encode()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb"(<w:p[ >].*?)(</w:p>)", lambda m: m[1] + insertion + m[2], data, count=1, flags=re.S)
                assert b"<w:ins " in data
            new.writestr(item, data)
    return target


def nfd_text() -> str:
    return unicodedata.normalize("NFD", decision_text())


def crlf_text() -> str:
    return decision_text().replace("\n", "\r\n")


def markdown_text() -> str:
    """The decision with its task table as a Markdown table (| STT | Nhiệm vụ | … | and the |---| line)."""
    out: list[str] = []
    for line in decision_text().splitlines():
        if "\t" not in line:
            if not (out and out[-1].startswith("|") and not line.strip()):
                out.append(line)
            continue
        cells = line.split("\t")
        out.append("| " + " | ".join(cells) + " |")
        if cells[0] == "STT":
            out.append("|" + "|".join("---" for _ in cells) + "|")
    return "\n".join(out) + "\n"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, to: str) -> Path:
    """`soffice --headless --convert-to TO` next to `path`, with a private LibreOffice profile."""
    tool = soffice()
    assert tool is not None
    profile = (path.parent / "lo-profile").as_uri()
    command = [tool, f"-env:UserInstallation={profile}", "--headless", "--convert-to", to, "--outdir", str(path.parent)]
    subprocess.run([*command, str(path)], capture_output=True, timeout=240, check=False)
    converted = path.with_suffix("." + to)
    assert converted.is_file(), f"LibreOffice did not convert {path} to {to}"
    return converted


def handmade_pdf(path: Path, image: bool) -> Path:
    """A one-page PDF without a text layer: blank, or showing a small grey image (a scan)."""
    pixels = zlib.compress(bytes([128]) * 64 * 64)
    contents = b"q 500 0 0 700 50 50 cm /Im1 Do Q" if image else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(contents), contents),
        b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (len(pixels), pixels),
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(body)
    return path


SECTIONS = {"1": ("I", "CÔNG TÁC THAM MƯU"), "8": ("II", "CÔNG TÁC TUYÊN TRUYỀN")}


def sectioned_text(numbers: str) -> str:
    """The decision text with section rows I (tasks 1-7) and II (tasks 8-15) in its table; `numbers` is
    "dotted" (1.1 … 1.7, 2.1 … 2.8) or "restart" (1 … 7, 1 … 8)."""
    out: list[str] = []
    for line in decision_text().splitlines():
        cells = line.split("\t")
        if len(cells) == 5 and cells[0].isdigit():
            number = int(cells[0])
            if cells[0] in SECTIONS:
                out.append("\t".join([*SECTIONS[cells[0]], "", "", ""]))
            part, index = (1, number) if number < 8 else (2, number - 7)
            cells[0] = f"{part}.{index}" if numbers == "dotted" else str(index)
        out.append("\t".join(cells))
    return "\n".join(out) + "\n"
