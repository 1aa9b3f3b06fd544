"""The report's format read back from the .docx, rule by rule (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.text.paragraph import Paragraph

from tests.conftest import EMBEDDED_PLAN, MakeRepo, RunCli
from tests.docx_helpers import (
    REPORT_ARGS,
    SAMPLE,
    W,
    after,
    find,
    font,
    generate,
    line_cm,
    looks,
    paragraph_property,
    paragraphs,
    rule_under,
    run_property,
    text_runs,
)

RECIPIENTS = "  recipients:\n    - Bộ Ngoại giao (để báo cáo)\n    - Chủ tịch, các Phó Chủ tịch UBND tỉnh\n"
TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def _repo(make_repo: MakeRepo) -> Path:
    plan = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8")
    assert "  drafting_unit: HTQT\n" in plan
    return make_repo(
        {**SAMPLE, "plan/plan.yaml": plan.replace("  drafting_unit: HTQT\n", "  drafting_unit: HTQT\n" + RECIPIENTS)}
    )


def _report(run_cli: RunCli, make_repo: MakeRepo, *args: str) -> Document:
    return generate(run_cli, _repo(make_repo), "report", *args)


def _body(document: Document) -> list[Paragraph]:
    """The paragraphs with text after "Kính gửi:", up to the signature block."""
    found: list[Paragraph] = []
    started = False
    for child in document.element.body.iterchildren():
        if started and child.tag == f"{W}tbl":
            return found
        text = Paragraph(child, document).text if child.tag == f"{W}p" else ""
        if started and text.strip():
            found.append(Paragraph(child, document))
        started = started or text.startswith("Kính gửi:")
    raise AssertionError("no signature block after the body")


def _within(
    values: set[tuple[float, bool, bool]], low: float, high: float, bold: bool | None, italic: bool | None
) -> bool:
    return bool(values) and all(
        low <= size <= high and bold in (None, b) and italic in (None, i) for size, b, i in values
    )


def test_a4_portrait_main_section_and_the_decree_margins(run_cli: RunCli, make_repo: MakeRepo) -> None:
    main, *appendices = _report(run_cli, make_repo).sections
    assert (round(main.page_width.mm), round(main.page_height.mm)) == (210, 297)
    assert main.orientation == WD_ORIENT.PORTRAIT
    assert len(appendices) == 3  # Phụ lục I (tasks), II (figures), III (the agencies' texts)
    for appendix in appendices:  # an appendix may be landscape for its table, but stays A4
        assert sorted((round(appendix.page_width.mm), round(appendix.page_height.mm))) == [210, 297]
        portrait = (appendix.page_width < appendix.page_height) == (appendix.orientation == WD_ORIENT.PORTRAIT)
        assert portrait, "orientation and page size disagree"
    for section in (main, *appendices):
        assert 19.9 <= section.top_margin.mm <= 25.1 and 19.9 <= section.bottom_margin.mm <= 25.1
        assert 29.9 <= section.left_margin.mm <= 35.1 and 14.9 <= section.right_margin.mm <= 20.1


def test_every_run_resolves_to_times_new_roman(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo)
    parts = [document.element.body]
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            parts += [] if header.is_linked_to_previous else [header._element]
    runs = [(p, r) for part in parts for p in part.iter(f"{W}p") for r in p.iter(f"{W}r")]
    assert len(runs) > 100
    for paragraph, run in runs:
        fonts = {slot: font(document, paragraph, run, slot) for slot in ("ascii", "hAnsi", "cs")}
        assert set(fonts.values()) == {"Times New Roman"}, (fonts, "".join(run.itertext())[:60])


def test_no_theme_fonts_in_styles_or_document(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    _report(run_cli, make_repo)
    with zipfile.ZipFile(tmp_path / "r.docx") as package:
        parts = [name for name in package.namelist() if name.endswith(".xml") and not name.startswith("word/theme/")]
        assert {"word/styles.xml", "word/document.xml"} <= set(parts)
        for name in parts:
            xml = package.read(name).decode("utf-8")
            assert not re.search(r"w:(ascii|hAnsi|eastAsia|cs)Theme=", xml), f"theme font in {name}"


def test_header_block_texts_sizes_and_weights(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo)
    expected = {
        "UBND TỈNH KHÁNH HÒA": (12, 13, None, None),
        "SỞ NGOẠI VỤ": (12, 13, True, None),
        TITLE: (12, 13, True, None),
        MOTTO: (13, 14, True, None),
        "Số: 05/BC-SNgV": (13, 13, None, None),
        "Khánh Hòa, ngày 16 tháng 12 năm 2020": (13, 14, None, True),
    }
    for text, (low, high, bold, italic) in expected.items():
        paragraph = find(document, text)
        assert list(paragraph._p.iterancestors(f"{W}tbl")), f"{text} is not in the header table"
        assert _within(looks(document, paragraph), low, high, bold, italic), (text, looks(document, paragraph))
    header = document.tables[0]._tbl
    assert all(b.get(f"{W}val") in ("nil", "none") for b in header.find(f"{W}tblPr/{W}tblBorders"))


def test_kind_summary_and_addressee(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo)
    summary = after(document, "BÁO CÁO")[0]
    assert summary.startswith("Kết quả thực hiện Kế hoạch triển khai Đề án") and summary.endswith("quý IV năm 2020")
    for text in ("BÁO CÁO", summary):
        assert _within(looks(document, find(document, text)), 13, 14, True, None), text
    addressee = find(document, "Kính gửi: Ủy ban nhân dân tỉnh Khánh Hòa")
    assert {size for size, _, _ in looks(document, addressee)} == {14}


def test_headings_and_body_paragraphs(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo)
    body = _body(document)
    assert len(body) > 50 and body[-1].text.endswith("xem xét, chỉ đạo./.")
    headings = [p for p in body if re.match(r"^(I|II|III|IV|V)\. ", p.text)]
    assert [p.text.split(".")[0] for p in headings] == ["I", "II", "III", "IV", "V"]
    assert all(_within(looks(document, p), 13, 14, True, None) for p in headings)
    for paragraph in body:
        assert _within(looks(document, paragraph), 13, 14, None, None), paragraph.text
        assert paragraph_property(document, paragraph, "jc", "val") in ("both", "distribute"), paragraph.text
        assert 567 <= int(paragraph_property(document, paragraph, "ind", "firstLine") or 0) <= 720, paragraph.text
        assert int(paragraph_property(document, paragraph, "spacing", "after") or 0) >= 120, paragraph.text
        rule, line = (paragraph_property(document, paragraph, "spacing", key) for key in ("lineRule", "line"))
        assert rule in (None, "auto") and 240 <= int(line or 240) <= 360, (paragraph.text, rule, line)


def test_appendix_table_text_is_12_to_13_pt(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo)
    table = document.tables[2]
    assert [cell.text for cell in table.rows[0].cells][:2] == ["STT", "Nhiệm vụ"]
    cells = [paragraph for row in table.rows for cell in row.cells for paragraph in cell.paragraphs]
    assert len([p for p in cells if text_runs(p)]) >= 16 * 6
    for paragraph in cells:
        assert not text_runs(paragraph) or _within(looks(document, paragraph), 12, 13, None, None), paragraph.text


def test_signature_block(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo)
    signature = document.tables[1].rows[0].cells[1]
    lines = [p for p in signature.paragraphs if p.text.strip()]
    assert [p.text for p in lines] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]  # the name is left for the clerk
    assert all(_within(looks(document, p), 13, 14, True, None) for p in lines)
    plan = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8")
    named = plan.replace("    name:   # Họ tên", "    name: Nguyễn Văn An  # Họ tên")
    assert named != plan
    document = generate(
        run_cli, make_repo({"plan/plan.yaml": named}, name="named"), "report", *REPORT_ARGS, name="n.docx"
    )
    lines = [p for p in document.tables[1].rows[0].cells[1].paragraphs if p.text.strip()]
    assert [p.text for p in lines] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]
    assert all(_within(looks(document, p), 13, 14, True, None) for p in lines)


def test_recipients_block(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo)
    cell = document.tables[1].rows[0].cells[0]
    head, *items = [p for p in cell.paragraphs if p.text.strip()]
    assert head.text == "Nơi nhận:" and looks(document, head) == {(12, True, True)}
    assert [p.text for p in items] == [
        "- Như trên;",
        "- Bộ Ngoại giao (để báo cáo);",
        "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
        "- Lưu: VT, HTQT.",
    ]
    assert all({size for size, _, _ in looks(document, p)} == {11} for p in items)
    assert all(p.text.startswith("- ") for p in items) and all(p.text.endswith(";") for p in items[:-1])


def test_three_rules_and_none_under_the_national_title(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo)
    agency, motto, title = (find(document, text) for text in ("SỞ NGOẠI VỤ", MOTTO, TITLE))
    summary = find(document, after(document, "BÁO CÁO")[0])
    agency_rule, motto_rule, summary_rule = (rule_under(document, p) for p in (agency, motto, summary))
    assert agency_rule is not None and motto_rule is not None and summary_rule is not None
    agency_line, motto_line = line_cm(document, agency, 13), line_cm(document, motto, 14)
    assert agency_line / 3 <= agency_rule <= agency_line / 2, (agency_rule, agency_line)
    assert abs(motto_rule - motto_line) <= 0.05 * motto_line, (motto_rule, motto_line)
    summary_line = line_cm(document, summary, 14)
    assert summary_line / 3 <= summary_rule <= summary_line / 2, (summary_rule, summary_line)
    assert rule_under(document, title) is None
    assert title._p.find(f"{W}pPr/{W}pBdr") is None and motto._p.find(f"{W}pPr/{W}pBdr") is None


def _page_field_runs(part) -> list:
    """The runs of the PAGE field(s) in a header part: from fldChar begin to end, or a w:fldSimple."""
    runs, inside, found = [], False, False
    for run in part.iter(f"{W}r"):
        kinds = [c.get(f"{W}fldCharType") for c in run.iter(f"{W}fldChar")]
        inside = inside or "begin" in kinds
        found = found or any("PAGE" in (t.text or "").split() for t in run.iter(f"{W}instrText"))
        runs += [run] if inside else []
        inside = inside and "end" not in kinds
    simple = [f for f in part.iter(f"{W}fldSimple") if "PAGE" in f.get(f"{W}instr", "").split()]
    return runs if found else [r for f in simple for r in f.iter(f"{W}r")] or ([None] if simple else [])


def test_page_numbers_centred_in_the_header_not_on_page_one(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo)
    section = document.sections[0]
    assert section.different_first_page_header_footer
    first = section.first_page_header
    assert first.is_linked_to_previous or not _page_field_runs(first._element)
    header = section.header
    assert not header.is_linked_to_previous
    paragraph = next(p for p in header.paragraphs if _page_field_runs(p._p))
    assert paragraph_property(document, paragraph, "jc", "val") == "center"
    runs = [run for run in _page_field_runs(paragraph._p) if run is not None]
    sizes = {int(run_property(document, paragraph._p, run, "sz") or 20) / 2 for run in runs}
    assert runs and sizes and all(13 <= size <= 14 for size in sizes), sizes


def test_appendix_has_its_own_section_numbered_from_one_with_a_repeating_header_row(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    document = _report(run_cli, make_repo)
    assert len(document.sections) == 4  # the report, Phụ lục I, II and III
    for appendix in document.sections[1:]:
        assert appendix.start_type is not None and appendix._sectPr.find(f"{W}pgNumType").get(f"{W}start") == "1"
    appendix = document.sections[1]
    header = appendix.header if not appendix.header.is_linked_to_previous else document.sections[0].header
    assert any(_page_field_runs(p._p) for p in header.paragraphs)
    body = list(document.element.body.iterchildren())
    section_break = next(i for i, child in enumerate(body) if child.find(f"{W}pPr/{W}sectPr") is not None)
    table = document.tables[2]._tbl
    assert body.index(table) > section_break
    assert body.index(find(document, "PHỤ LỤC I")._p) > section_break
    repeat = table.find(f"{W}tr/{W}trPr/{W}tblHeader")
    assert repeat is not None and repeat.get(f"{W}val", "true") not in ("0", "false", "off")


@pytest.mark.parametrize(
    ("args", "number", "date"),
    [
        (("--date", "2021-02-05", "--number", "7"), "Số: 07/BC-SNgV", "Khánh Hòa, ngày 05 tháng 02 năm 2021"),
        (("--date", "2021-01-31", "--number", "10"), "Số: 10/BC-SNgV", "Khánh Hòa, ngày 31 tháng 01 năm 2021"),
        (("--date", "2020-03-09", "--number", "125"), "Số: 125/BC-SNgV", "Khánh Hòa, ngày 09 tháng 3 năm 2020"),
        (("--date", "2020-12-16", "--number", "5"), "Số: 05/BC-SNgV", "Khánh Hòa, ngày 16 tháng 12 năm 2020"),
    ],
)
def test_number_and_date_with_leading_zeros(
    run_cli: RunCli, make_repo: MakeRepo, args: tuple[str, ...], number: str, date: str
) -> None:
    document = _report(run_cli, make_repo, "--quarter", "2020-Q4", *args)
    assert find(document, number) and find(document, date)


def test_number_and_day_month_blank_without_options(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo, "--quarter", "2020-Q4")
    texts = [p.text for p in paragraphs(document)]
    assert any(re.fullmatch(r"Số:\s+/BC-SNgV", text) for text in texts), texts[:12]
    year = dt.date.today().year
    assert any(re.fullmatch(rf"Khánh Hòa, ngày\s+tháng\s+năm {year}", text) for text in texts), texts[:12]


def test_the_signature_block_never_splits_across_pages(run_cli: RunCli, make_repo: MakeRepo) -> None:
    document = _report(run_cli, make_repo)
    signature = document.tables[1]
    assert "Nơi nhận:" in signature.rows[0].cells[0].text
    assert signature.rows[0]._tr.find(f"{W}trPr/{W}cantSplit") is not None  # the name stays with its title
