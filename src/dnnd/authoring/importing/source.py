"""Read a decision document into paragraphs and tables, whatever it came as: Word, PDF, text or Markdown."""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from dnnd.errors import DataError, UsageError
from dnnd.files import inflated_size, read_regular
from dnnd.i18n import Text
from dnnd.load.office import run_tool


@dataclass(frozen=True)
class Para:
    """A paragraph (or a line of a text file) and where it is, for warnings."""

    text: str
    where: str


@dataclass
class TableBlock:
    """A table as rows of cell texts (one entry per grid column), with where each row is."""

    rows: list[list[str]] = field(default_factory=list)
    where: list[str] = field(default_factory=list)


Block = Para | TableBlock


@dataclass
class Source:
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)


class ReadError(UsageError):
    """The document could not be read at all (exit 2)."""


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"[ \t]+", " ", text).strip()


_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?!\s)|(?<!\s)\*(?![\w*]))")
_STRAY = re.compile(r"(\d{1,2}/\d{1,2}/\d{4}|-?\s*\d{1,3}\s*-?|trang \d+(/\d+)?|page \d+)", re.IGNORECASE)


def _markdown_text(line: str) -> str:
    line = re.sub(r"^\s{0,3}#{1,6}\s*", "", line)
    line = re.sub(r"^\s*>\s?", "", line)
    return _MD_EMPHASIS.sub("", line)


def is_stray(text: str) -> bool:
    """A line that conversion leaves behind: a lone date, a page number."""
    return bool(_STRAY.fullmatch(text.strip()))


def _text_blocks(text: str, markdown: bool) -> Source:
    """Lines as paragraphs; runs of tab-separated or '|' lines as tables (blank and stray lines inside skipped)."""
    source = Source([])
    table: TableBlock | None = None
    pending: list[tuple[str, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"dòng {number}"
        stripped = raw.strip()
        cells: list[str] | None = None
        if "\t" in raw:
            cells = [_clean(_markdown_text(cell) if markdown else cell) for cell in raw.split("\t")]
        elif markdown and stripped.startswith("|"):
            if re.fullmatch(r"\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?", stripped):
                continue
            parts = re.split(r"(?<!\\)\|", stripped.strip("|"))
            cells = [_clean(_markdown_text(cell.replace("\\|", "|"))) for cell in parts]
        if cells is not None:
            if table is None:
                table = TableBlock()
                source.blocks.append(table)
            for line, place in pending:
                source.warnings.append(f"{place}: dòng lạc trong bảng, đã bỏ qua: '{line}'")
            pending = []
            table.rows.append(cells)
            table.where.append(where)
            continue
        if table is not None and (not stripped or is_stray(stripped)):
            if stripped:
                pending.append((stripped, where))
            continue
        for line, place in pending:
            source.blocks.append(Para(line, place))
        pending = []
        table = None
        if stripped:
            source.blocks.append(Para(_clean(_markdown_text(raw) if markdown else raw), where))
    for line, place in pending:
        source.blocks.append(Para(line, place))
    return source


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in ("utf-16",) if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ():
        return raw.decode(encoding)
    raise ReadError(
        Text(
            f"{path}: không phải UTF-8 (có thể là bảng mã cũ TCVN3/VNI): hãy lưu lại theo mã UTF-8",
            f"{path}: not UTF-8 (perhaps a legacy TCVN3/VNI encoding): save it again as UTF-8",
        )
    )


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_DOCUMENT_BYTES = 100_000_000  # inflated: a decision of a few dozen pages is a few megabytes


def _docx_blocks(path: Path) -> Source:
    from docx import Document
    from docx.opc.exceptions import OpcError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import LxmlError

    damaged = Text(
        f"{path}: không đọc được tệp Word (.docx hỏng?)",
        f"{path}: cannot read the Word file (is the .docx damaged?)",
    )
    try:
        inflated = inflated_size(path)
        if inflated > MAX_DOCUMENT_BYTES:
            raise ReadError(
                Text(
                    f"{path}: tệp Word giải nén ra {inflated:,} byte, quá {MAX_DOCUMENT_BYTES:,}: không phải một quyết định",
                    f"{path}: the Word file inflates to {inflated:,} bytes, over {MAX_DOCUMENT_BYTES:,}: not a decision",
                )
            )
        with zipfile.ZipFile(path) as archive:
            body = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        raise ReadError(damaged) from None
    if re.search(rb"<w:(ins|del|moveFrom|moveTo)\b", body):
        raise ReadError(
            Text(
                f"{path}: tài liệu còn thay đổi đang theo dõi (Track Changes). Hãy mở trong Word, chấp nhận hoặc từ chối "
                "mọi thay đổi (Review › Accept/Reject All), lưu lại rồi nhập lại",
                f"{path}: the document has tracked changes. Open it in Word, accept or reject all changes "
                "(Review › Accept/Reject All), save, and import again",
            )
        )
    try:
        document = Document(str(path))
        body = document.element.body
    except (zipfile.BadZipFile, KeyError, ValueError, AttributeError, LxmlError, OpcError):
        raise ReadError(damaged) from None
    if body is None:
        raise ReadError(damaged)
    source = Source([])
    paragraph_number = table_number = 0
    for element in body.iterchildren():
        if element.tag == f"{_W}p":
            paragraph_number += 1
            text = _clean(Paragraph(element, document).text)
            if text:
                source.blocks.append(Para(text, f"đoạn {paragraph_number}"))
        elif element.tag == f"{_W}tbl":
            table_number += 1
            block = TableBlock()
            for row_number, row in enumerate(Table(element, document).rows, start=1):
                block.rows.append(
                    ["\n".join(_clean(p.text) for p in cell.paragraphs if _clean(p.text)) for cell in row.cells]
                )
                block.where.append(f"bảng {table_number}, dòng {row_number}")
            source.blocks.append(block)
    return source


def _convert_doc(path: Path, work: Path) -> Path:
    from dnnd.load.office import find_soffice

    soffice = find_soffice()
    if soffice is None:
        raise ReadError(
            Text(
                f"{path}: tệp .doc cần LibreOffice để chuyển sang .docx, mà máy chưa cài; hãy lưu lại "
                "dạng .docx trong Word, hoặc cài LibreOffice",
                f"{path}: a .doc file needs LibreOffice to convert it, which is not installed; save it "
                "as .docx in Word, or install LibreOffice",
            )
        )
    profile = work / "profile"
    run_tool(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(work),
            str(path.resolve()),  # absolute: a name starting with '-' is never read as an option
        ],
        "LibreOffice",
    )
    converted = work / (path.stem + ".docx")
    if not converted.is_file():
        raise ReadError(
            Text(
                f"{path}: LibreOffice không chuyển được tệp .doc",
                f"{path}: LibreOffice could not convert the .doc file",
            )
        )
    return converted


def _pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        raise ReadError(
            Text(
                f"{path}: đọc PDF cần pdftotext (gói poppler-utils), mà máy chưa cài",
                f"{path}: reading a PDF needs pdftotext (poppler-utils), which is not installed",
            )
        )
    done = run_tool([tool, "-layout", "-enc", "UTF-8", str(path.resolve()), "-"], "pdftotext")
    text = done.stdout.decode("utf-8", "replace")
    if done.returncode != 0 or len(re.findall(r"\w", text)) < 200:
        raise ReadError(
            Text(
                f"{path}: PDF không có lớp chữ (bản quét?): cần bản Word hoặc PDF xuất từ Word, "
                "không nhận dạng ảnh quét",
                f"{path}: the PDF has no text layer (a scan?): use the Word file or a PDF exported "
                "from Word; scans are not recognised",
            )
        )
    return text


_CHUNK = re.compile(r"\S+(?: \S+)*")
_HEADER_LINE = re.compile(r"^\s*(STT|TT)\s{2,}", re.IGNORECASE)


def _columns(line: str, starts: list[int]) -> list[str]:
    """The line's text chunks (runs separated by 2+ spaces) put in the column whose start is nearest."""
    cells = [""] * len(starts)
    for match in _CHUNK.finditer(line):
        column = min(range(len(starts)), key=lambda index: abs(starts[index] - match.start()))
        cells[column] = f"{cells[column]} {match.group()}".strip()
    return cells


def layout_to_tabs(text: str) -> str:
    """pdftotext -layout output with its task table as tab-separated rows.

    Columns are found from the header line's offsets; header cells and table cells wrapped over several
    lines are joined; a header repeated on a new page, page numbers and form feeds are skipped; the table
    ends at the first line that starts in the STT column with something other than a row number.
    """
    lines = text.replace("\f", "\n").splitlines()
    header = next((index for index, line in enumerate(lines) if _HEADER_LINE.match(line)), None)
    if header is None:
        return text
    starts = [match.start() for match in _CHUNK.finditer(lines[header])]
    head = _columns(lines[header], starts)
    rows: list[list[str]] = []
    index = header + 1
    in_header = True
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            continue
        cells = _columns(line, starts)
        filled = [cell for cell in cells if cell]
        if _HEADER_LINE.match(line):
            in_header = True  # the header again, at the top of a new page
            continue
        if cells[0] and re.fullmatch(r"\d+\.?", cells[0]) and len(filled) > 1:
            in_header = False
            rows.append(cells)
        elif len(filled) == 1 and is_stray(filled[0]):
            continue
        elif cells[0]:
            index -= 1
            break
        elif in_header:
            if not rows:
                head = [f"{old} {new}".strip() for old, new in zip(head, cells, strict=True)]
        elif rows:
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells, strict=True)]
    table = ["\t".join(head), *("\t".join(row) for row in rows)]
    return "\n".join([*lines[:header], *table, *lines[index:]])


def read_source(path: Path) -> Source:
    """Paragraphs and tables of the decision in `path`; ReadError when it cannot be read."""
    if not path.is_file():
        raise ReadError(Text(f"không có tệp {path}", f"no file {path}"))
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_blocks(path)
    if suffix == ".doc":
        with tempfile.TemporaryDirectory(prefix="dnnd-import-") as work:
            return _docx_blocks(_convert_doc(path, Path(work)))
    if suffix == ".pdf":
        return _text_blocks(layout_to_tabs(_pdf_text(path)), markdown=True)
    if suffix in (".txt", ".md", ".markdown", ""):
        try:
            raw = read_regular(path, str(path), MAX_DOCUMENT_BYTES)
        except DataError as error:
            raise ReadError(Text(error.problems[0].render("vi"), error.problems[0].render("en"))) from None
        return _text_blocks(_decode(raw, path), markdown=True)
    raise ReadError(
        Text(
            f"{path}: không đọc được dạng tệp '{suffix}'; dùng .docx, .doc, .pdf, .txt hoặc .md",
            f"{path}: cannot read '{suffix}' files; use .docx, .doc, .pdf, .txt or .md",
        )
    )
