"""Write the first version of templates/report.docx, remind.docx and budget.docx (Nghị định 30/2020/NĐ-CP).

The .docx files are the source from then on: the office restyles them in Word. Run this only to start
over:  python tools/make_templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
TEXT_WIDTH_CM = 21.0 - 3.0 - 1.5
LEFT_COLUMN_CM = 6.2
RIGHT_COLUMN_CM = TEXT_WIDTH_CM - LEFT_COLUMN_CM
# A table cell's text is narrower than the cell by its left and right margins (108 twips each in Word's
# default table style): the rules in the header cells are centred within that width.
CELL_MARGINS_CM = 2 * 108 / 1440 * 2.54
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Advance widths (1/1000 em) of Times New Roman Bold for the letters of the header lines; a Vietnamese
# letter takes the width of its base letter. Used to size the rules under the header lines.
_BOLD_WIDTHS = {
    " ": 250,
    "-": 333,
    "A": 722,
    "Ạ": 722,
    "C": 722,
    "D": 722,
    "Đ": 722,
    "G": 778,
    "H": 778,
    "I": 389,
    "N": 722,
    "O": 778,
    "Ở": 778,
    "Ụ": 722,
    "U": 722,
    "V": 722,
    "Y": 722,
    "Ộ": 778,
    "a": 500,
    "ạ": 500,
    "ậ": 500,
    "c": 444,
    "d": 556,
    "h": 556,
    "l": 278,
    "n": 556,
    "o": 500,
    "ộ": 500,
    "p": 556,
    "T": 667,
    "ự": 556,
    "ú": 556,
}


def text_width_cm(text: str, size_pt: float) -> float:
    return sum(_BOLD_WIDTHS.get(char, 556) for char in text) / 1000 * size_pt / 72 * 2.54


def _fonts(element: OxmlElement) -> None:
    """Point every font slot of an rPr at Times New Roman and drop theme fonts."""
    fonts = element.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        element.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme") or attribute.endswith("theme"):
            del fonts.attrib[attribute]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)


def setup(document: DocumentObject) -> None:
    """A4 portrait, the decree's margins, Times New Roman everywhere (no theme fonts), Vietnamese language."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    # python-docx's default template carries a stale stylesWithEffects part (Word 2010) full of theme fonts
    # and without this template's styles: drop it, Word rebuilds it when needed.
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del document.part.rels[rel_id]
    styles = document.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):
        _fonts(rfonts.getparent())
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(defaults)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _fonts(normal.element.get_or_add_rPr())
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def style(
    document: DocumentObject,
    name: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
    after: float = 6,
    line: float = 1.15,
    before: float = 0,
    keep: bool = False,
) -> None:
    """A paragraph style the office can restyle in Word."""
    created = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    created.base_style = document.styles["Normal"]
    created.font.size = Pt(size)
    created.font.bold = bold
    created.font.italic = italic
    _fonts(created.element.get_or_add_rPr())
    layout = created.paragraph_format
    layout.alignment = align
    layout.first_line_indent = Cm(1.27) if indent else None
    layout.space_after = Pt(after)
    layout.space_before = Pt(before)
    layout.keep_with_next = keep or None
    layout.line_spacing = line


def add_styles(document: DocumentObject) -> None:
    centre = WD_ALIGN_PARAGRAPH.CENTER
    style(document, "DNND Body", size=14, indent=True)
    style(document, "DNND Heading", size=14, bold=True, indent=True, keep=True)
    style(document, "DNND Task", size=14, bold=True, indent=True, keep=True)
    style(document, "DNND Agency", size=14, italic=True, indent=True, keep=True)
    style(document, "DNND Kind", size=14, bold=True, align=centre, after=0, line=1.0, before=12)
    style(document, "DNND Summary", size=14, bold=True, align=centre, after=0, line=1.0)
    style(document, "DNND Addressee", size=14, align=centre, after=6, line=1.0, before=6)
    style(document, "DNND Table", size=12, align=WD_ALIGN_PARAGRAPH.LEFT, after=0, line=1.0)
    style(document, "DNND Table Head", size=12, bold=True, align=centre, after=0, line=1.0)
    style(
        document,
        "DNND Recipients Head",
        size=12,
        bold=True,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        after=0,
        line=1.0,
    )
    style(document, "DNND Recipients", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, after=0, line=1.0)
    style(document, "DNND Signature", size=14, bold=True, align=centre, after=0, line=1.0)


def run(
    paragraph: Paragraph, text: str, *, size: float | None = None, bold: bool | None = None, italic: bool | None = None
) -> None:
    added = paragraph.add_run(text)
    if size is not None:
        added.font.size = Pt(size)
    added.font.bold = bold
    added.font.italic = italic
    added.font.name = FONT
    _fonts(added._element.get_or_add_rPr())


def line(
    container: DocumentObject | _Cell,
    text: str,
    style_name: str = "Normal",
    *,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    first: bool = False,
) -> Paragraph:
    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    paragraph.style = style_name
    if align is not None:
        paragraph.alignment = align
    if text:
        run(paragraph, text, size=size, bold=bold, italic=italic)
    return paragraph


def rule(container: DocumentObject | _Cell, width_cm: float, available_cm: float) -> Paragraph:
    """A solid horizontal rule, centred, `width_cm` long: the top border of a tiny indented paragraph."""
    paragraph = container.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    side = max((available_cm - width_cm) / 2, 0)
    layout = paragraph.paragraph_format
    layout.left_indent = layout.right_indent = Cm(side)
    layout.space_before = Pt(3)  # clear of the descenders and the dots below letters of the line above
    layout.space_after = Pt(0)
    layout.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)
    marker = paragraph.add_run("")
    marker.font.size = Pt(2)
    _fonts(marker._element.get_or_add_rPr())
    return paragraph


def _grid(table: Table, widths_cm: tuple[float, ...]) -> None:
    """Column widths in the table grid (what LibreOffice uses) and in every cell (what Word uses)."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        column.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _no_borders(table_element: OxmlElement) -> None:
    properties = table_element.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def header_block(document: DocumentObject, number_line: str, subject_line: str | None = None) -> None:
    """Parent and issuing agency, national title and motto, number and place/date, as a borderless table."""
    table = document.add_table(rows=2, cols=2)
    _no_borders(table._tbl)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _grid(table, (LEFT_COLUMN_CM, RIGHT_COLUMN_CM))
    centre = WD_ALIGN_PARAGRAPH.CENTER
    left, right = table.rows[0].cells
    line(left, "{{ header.parent_agency }}", size=12, align=centre, first=True)
    line(left, "{{ header.issuing_agency }}", size=13, bold=True, align=centre)
    rule(left, text_width_cm("SỞ NGOẠI VỤ", 13) * 0.45, LEFT_COLUMN_CM - CELL_MARGINS_CM)
    line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align=centre, first=True)
    line(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align=centre)
    rule(right, text_width_cm("Độc lập - Tự do - Hạnh phúc", 14), RIGHT_COLUMN_CM - CELL_MARGINS_CM)
    left, right = table.rows[1].cells
    number = line(left, "", align=centre, first=True)
    number.paragraph_format.space_before = Pt(6)
    run(number, number_line, size=13)
    if subject_line is not None:
        line(left, subject_line, size=12, align=centre)
    date = line(right, "", align=centre, first=True)
    date.paragraph_format.space_before = Pt(6)
    run(date, "{{ header.place_date }}", size=14, italic=True)


def page_numbers(document: DocumentObject) -> None:
    """A centred PAGE field in the top margin, hidden on the first page (a different first-page header)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        element = paragraph.add_run()
        element.font.size = Pt(14)
        _fonts(element._element.get_or_add_rPr())
        if kind is not None:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            element._element.append(field)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            element._element.append(instruction)
        else:
            element.text = text


def paragraphs_loop(document: DocumentObject, loop: str, styles: list[str]) -> None:
    """`{%p for p in loop %}` with one paragraph per style, chosen by `p.style`: one line of text each."""
    line(document, f"{{%p for p in {loop} %}}")
    for index, name in enumerate(styles):
        keyword = "if" if index == 0 else "elif"
        line(document, f"{{%p {keyword} p.style == '{name}' %}}")
        line(document, "{{ p.text }}", f"DNND {name.capitalize()}")
    line(document, "{%p endif %}")
    line(document, "{%p endfor %}")


def signature_block(document: DocumentObject) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table._tbl)
    _grid(table, (8.0, TEXT_WIDTH_CM - 8.0))
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # the name stays with its title
    left, right = table.rows[0].cells
    line(left, "Nơi nhận:", "DNND Recipients Head", first=True)
    line(left, "{%p for recipient in recipients %}", "DNND Recipients")
    line(left, "{{ recipient }}", "DNND Recipients")
    line(left, "{%p endfor %}", "DNND Recipients")
    line(right, "{{ signer.authority }}", "DNND Signature", first=True)
    line(right, "{{ signer.title }}", "DNND Signature")
    for _ in range(4):
        line(right, "", "DNND Signature")
    line(right, "{{ signer.name }}", "DNND Signature")


def _landscape_section(document: DocumentObject) -> None:
    _new_section(document, landscape=True)


def _new_section(document: DocumentObject, *, landscape: bool) -> None:
    """A new A4 section, landscape or portrait, with the decree's margins and its own page numbers from 1."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.append(numbering)


def _repeated_head(table: Table, headers: tuple[str, ...]) -> None:
    head = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    head._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(head.cells, headers, strict=True):
        line(cell, text, "DNND Table Head", first=True)


def _row_loop(table: Table, loop: str, fields: tuple[str, ...]) -> None:
    """Rows 1-3 of `table`: `{%tr for … %}`, one row of `fields` (kept on one page), `{%tr endfor %}`."""
    table.rows[1].cells[0].paragraphs[0].style = "DNND Table"
    run(table.rows[1].cells[0].paragraphs[0], f"{{%tr for {loop} %}}")
    for cell, field in zip(table.rows[2].cells, fields, strict=True):
        line(cell, f"{{{{ {field} }}}}", "DNND Table", first=True)
    table.rows[2].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    table.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
    table.rows[3].cells[0].paragraphs[0].style = "DNND Table"
    run(table.rows[3].cells[0].paragraphs[0], "{%tr endfor %}")


def appendix(document: DocumentObject) -> None:
    """Phụ lục I, the tasks: a landscape section with its own page numbers from 1 and a table whose header
    row repeats."""
    _landscape_section(document)
    line(document, "PHỤ LỤC I", "DNND Kind")
    line(document, "{{ appendix.title }}", "DNND Summary")
    line(document, "{{ appendix.reference }}", "DNND Addressee", italic=True)
    headers = ("STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Tình trạng", "Kết quả")
    widths = (1.2, 5.8, 2.6, 3.6, 2.4, 3.0, 6.6)  # 25.2 cm
    table = document.add_table(rows=4, cols=len(headers))
    table.style = document.styles["Table Grid"]
    _grid(table, widths)
    _repeated_head(table, headers)
    _row_loop(
        table,
        "row in appendix.rows",
        ("row.number", "row.title", "row.lead", "row.support", "row.timing", "row.status", "row.results"),
    )


def figures_appendix(document: DocumentObject) -> None:
    """Phụ lục II, the figures: kinds by period (one column per period compared: `{%tc %}`), the period's
    activities, and notes."""
    _landscape_section(document)
    line(document, "PHỤ LỤC II", "DNND Kind")
    line(document, "{{ figures.title }}", "DNND Summary")
    line(document, "{{ figures.reference }}", "DNND Addressee", italic=True)
    line(document, "1. Số hoạt động theo loại", "DNND Heading")
    table = document.add_table(rows=3, cols=4)
    table.style = document.styles["Table Grid"]
    _grid(table, (5.0, 0.1, 20.0, 0.1))  # 25.2 cm: the landscape page less its margins
    head, body, end = table.rows
    cells = (
        (head, ("Loại hoạt động", "{%tc for column in figures.columns %}", "{{ column }}", "{%tc endfor %}")),
        (body, ("{{ row.label }}", "{%tc for cell in row.cells %}", "{{ cell }}", "{%tc endfor %}")),
    )
    for row, texts in cells:
        for cell, text in zip(row.cells, texts, strict=True):
            line(cell, text, "DNND Table Head" if row is head else "DNND Table", first=True)
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    head._tr.get_or_add_trPr().append(repeat)
    body._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    # the rows loop around the body row: `{%tr %}` tags in rows of their own, before and after it
    before = table.add_row()
    table._tbl.remove(before._tr)
    body._tr.addprevious(before._tr)
    before.cells[0].paragraphs[0].style = "DNND Table"
    run(before.cells[0].paragraphs[0], "{%tr for row in figures.rows %}")
    end.cells[0].paragraphs[0].style = "DNND Table"
    run(end.cells[0].paragraphs[0], "{%tr endfor %}")
    line(document, "2. Danh sách các hoạt động trong kỳ", "DNND Heading")
    headers = ("STT", "Ngày", "Loại", "Nội dung", "Nước", "Đối tác", "Số người, giá trị", "Cơ quan báo cáo")
    widths = (1.2, 2.6, 2.4, 7.0, 2.4, 3.7, 2.7, 3.2)  # 25.2 cm
    table = document.add_table(rows=4, cols=len(headers))
    table.style = document.styles["Table Grid"]
    _grid(table, widths)
    _repeated_head(table, headers)
    fields = tuple(
        f"item.{name}" for name in ("number", "date", "kind", "title", "countries", "partner", "value", "agencies")
    )
    _row_loop(table, "item in figures.activities", fields)
    line(document, "{%p for note in figures.notes %}", "DNND Table")
    line(document, "{{ note }}", "DNND Table", italic=True)
    line(document, "{%p endfor %}", "DNND Table")


def texts_appendix(document: DocumentObject) -> None:
    """Phụ lục III, the agencies' own texts: a portrait section with its own page numbers from 1."""
    _new_section(document, landscape=False)
    line(document, "PHỤ LỤC III", "DNND Kind")
    line(document, "{{ texts.title }}", "DNND Summary")
    line(document, "{{ texts.reference }}", "DNND Addressee", italic=True)
    paragraphs_loop(document, "texts.body", ["heading", "agency", "body"])


def draft_mark(document: DocumentObject) -> None:
    """'DỰ THẢO' in a box above the header while the focal point's own text is not written (gone otherwise)."""
    line(document, "{%p if draft %}")
    mark = line(document, "")
    run(mark, "DỰ THẢO", size=13, bold=True)
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "8"), ("space", "2"), ("color", "auto")):
            element.set(qn(f"w:{name}"), value)
        borders.append(element)
    mark._p.get_or_add_pPr().append(borders)
    mark.paragraph_format.right_indent = Cm(TEXT_WIDTH_CM - 3.2)
    mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
    line(document, "{%p endif %}")


def report_template() -> DocumentObject:
    document = Document()
    setup(document)
    add_styles(document)
    draft_mark(document)
    header_block(document, "Số: {{ header.number }}/{{ header.code }}")
    line(document, "BÁO CÁO", "DNND Kind")
    line(document, "{{ summary_title }}", "DNND Summary")
    rule(document, 6.0, TEXT_WIDTH_CM)
    line(document, "Kính gửi: {{ addressee }}", "DNND Addressee")
    paragraphs_loop(document, "body", ["heading", "task", "agency", "body"])
    signature_block(document)
    page_numbers(document)
    _amount_styles(document)
    appendix(document)
    figures_appendix(document)
    texts_appendix(document)
    funding_appendix(document)
    return document


def remind_template() -> DocumentObject:
    document = Document()
    setup(document)
    add_styles(document)
    header_block(document, "Số: {{ header.number }}/{{ header.code }}", "V/v {{ subject }}")
    line(document, "Kính gửi:", "DNND Addressee")
    line(document, "{%p for p in addressees %}", "DNND Addressee")
    line(document, "{{ p }}", "DNND Addressee")
    line(document, "{%p endfor %}", "DNND Addressee")
    paragraphs_loop(document, "body", ["heading", "task", "agency", "body"])
    signature_block(document)
    page_numbers(document)
    return document


def _tight_cells(table: Table) -> None:
    """Cell margins of 0.1 cm left and right (Word's default is 0.19 cm): a sum of billions fits its column."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(int(Cm(0.1).twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _money_table(
    document: DocumentObject,
    headers: tuple[str, ...],
    widths: tuple[float, ...],
    loop: str,
    fields: tuple[str, ...],
    total: tuple[str, ...],
    centred: tuple[int, ...] = (0,),
) -> None:
    """A table whose last four columns are sums of money (right-aligned): a header row that repeats, a row per
    item of `loop` (`fields`: the expression of each cell), and a bold row of totals (`total`: the text of each
    cell)."""
    table = document.add_table(rows=5, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _tight_cells(table)
    _grid(table, widths)
    _repeated_head(table, headers)
    _row_loop(table, loop, fields)
    money = len(headers) - 4
    for index, cell in enumerate(table.rows[2].cells):
        if index >= money:
            cell.paragraphs[0].style = "DNND Amount"
        elif index in centred:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    last = table.rows[4]
    last._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for index, (cell, text) in enumerate(zip(last.cells, total, strict=True)):
        line(cell, text, "DNND Amount Total" if index >= money else "DNND Table Total", first=True)


def _amount_styles(document: DocumentObject) -> None:
    """Sums of money in tables, right-aligned, their totals in bold, and the unit above a table."""
    right = WD_ALIGN_PARAGRAPH.RIGHT
    style(document, "DNND Amount", size=12, align=right, after=0, line=1.0)
    style(document, "DNND Amount Total", size=12, bold=True, align=right, after=0, line=1.0)
    style(document, "DNND Table Total", size=12, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=0, line=1.0)
    style(document, "DNND Unit", size=12, italic=True, align=right, after=3, line=1.0, keep=True)


def funding_appendix(document: DocumentObject) -> None:
    """Phụ lục IV of a yearly report, the year's funding per agency: present only when the context has it. The
    `if` encloses the section break that ends Phụ lục III; without it, Phụ lục III keeps the same settings (a
    portrait section numbered from 1), which the last section has."""
    line(document, "{%p if funding %}", "DNND Table")
    _new_section(document, landscape=False)
    line(document, "PHỤ LỤC IV", "DNND Kind")
    line(document, "{{ funding.title }}", "DNND Summary")
    line(document, "{{ funding.reference }}", "DNND Addressee", italic=True)
    line(document, "Đơn vị tính: đồng", "DNND Unit")
    sums = ("estimate", "appraised", "allocated", "executed")
    _money_table(
        document,
        ("STT", "Cơ quan, đơn vị", "Dự toán", "Thẩm định", "Bố trí", "Thực hiện"),
        (1.1, 3.8, 2.9, 2.9, 2.9, 2.9),  # 16.5 cm, the portrait page less its margins
        "row in funding.rows",
        ("row.number", "row.agency", *(f"row.money.{name}" for name in sums)),
        ("", "Tổng cộng", *(f"{{{{ funding.total.money.{name} }}}}" for name in sums)),
    )
    line(document, "{%p endif %}", "DNND Table")


def budget_template() -> DocumentObject:
    """The consolidated estimate (công văn to Sở Tài chính): a portrait letter with the sums per agency, and
    a landscape appendix with each agency's lines (8 columns do not fit a portrait page)."""
    document = Document()
    setup(document)
    add_styles(document)
    _amount_styles(document)
    style(document, "DNND After", size=14, indent=True, before=6)  # the first paragraph below a table
    style(document, "DNND Closing", size=14, indent=True, keep=True)  # kept on the page of the signature
    style(document, "DNND Lines", size=14, bold=True, indent=True, keep=True, before=12)  # an agency's lines
    style(document, "DNND Note", size=12, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=0, line=1.0)
    header_block(document, "Số: {{ header.number }}/{{ header.code }}", "V/v {{ subject }}")
    line(document, "Kính gửi: {{ addressee }}", "DNND Addressee")
    paragraphs_loop(document, "body", ["heading", "body"])
    line(document, "Đơn vị tính: đồng", "DNND Unit")
    sums = ("estimate", "appraised", "allocated", "executed")
    _money_table(
        document,
        ("STT", "Cơ quan, đơn vị", "Dự toán", "Thẩm định", "Bố trí", "Thực hiện"),
        (1.1, 3.8, 2.9, 2.9, 2.9, 2.9),  # 16.5 cm, the portrait page less its margins: 99.999.999.999 fits
        "row in rows",
        ("row.number", "row.name", *(f"row.money.{name}" for name in sums)),
        ("", "Tổng cộng", *(f"{{{{ total.{name} }}}}" for name in sums)),
    )
    paragraphs_loop(document, "closing", ["after", "body", "closing"])
    signature_block(document)
    page_numbers(document)
    _landscape_section(document)
    line(document, "PHỤ LỤC", "DNND Kind")
    line(document, "{{ appendix.title }}", "DNND Summary")
    line(document, "{{ appendix.reference }}", "DNND Addressee", italic=True)
    line(document, "Đơn vị tính: đồng", "DNND Unit")
    line(document, "{%p for agency in appendix.agencies %}", "DNND Lines")
    line(document, "{{ agency.heading }}", "DNND Lines")
    _money_table(
        document,
        ("STT", "Nội dung", "Nhiệm vụ", "Nguồn", "Dự toán", "Thẩm định", "Bố trí", "Thực hiện"),
        (1.1, 7.5, 2.0, 3.0, 2.9, 2.9, 2.9, 2.9),  # 25.2 cm: the landscape page less its margins
        "row in agency.rows",
        ("row.number", "row.content", "row.task", "row.source", *(f"row.money.{name}" for name in sums)),
        ("", "Cộng", "", "", *(f"{{{{ agency.total.{name} }}}}" for name in sums)),
        centred=(0, 2),
    )
    line(document, "{%p endfor %}", "DNND Lines")
    line(document, "", "DNND Note")  # a line between the last table and the notes
    line(document, "{%p for note in appendix.notes %}", "DNND Note")
    line(document, "{{ note }}", "DNND Note")
    line(document, "{%p endfor %}", "DNND Note")
    return document


def main() -> None:
    TEMPLATES.mkdir(exist_ok=True)
    report_template().save(str(TEMPLATES / "report.docx"))
    remind_template().save(str(TEMPLATES / "remind.docx"))
    budget_template().save(str(TEMPLATES / "budget.docx"))
    print(f"wrote {TEMPLATES / 'report.docx'}, {TEMPLATES / 'remind.docx'} and {TEMPLATES / 'budget.docx'}")


if __name__ == "__main__":
    main()
