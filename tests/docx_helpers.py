"""Read generated .docx files back: paragraphs, resolved run and paragraph properties, rules and widths."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.document import Document
from docx.text.paragraph import Paragraph

from tests.conftest import RunCli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPORT_ARGS = ("--quarter", "2020-Q4", "--date", "2020-12-16", "--number", "5")
TWIPS_PER_CM = 1440 / 2.54

# Advance widths (1/1000 em) of Times Bold (Adobe AFM, which Times New Roman Bold matches); a Vietnamese
# letter takes the width of its base letter.
_LETTERS = " -ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_WIDTHS = (
    "250 333 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722 722 1000 722 722 667 "
    "500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444"
)
_BOLD = dict(zip(_LETTERS, map(int, _WIDTHS.split()), strict=True))


def update(agency: str, period: str, entries: list[dict[str, Any]]) -> dict[str, str]:
    """An update file for make_repo, dumped by PyYAML so that any text survives the round trip."""
    data = {"agency": agency, "period": period, "entries": entries}
    return {f"plan/updates/{agency}/{period}.yaml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}


def generate(run_cli: RunCli, repo: Path, command: str = "report", *args: str, name: str = "r.docx") -> Document:
    """Run `dnnd <command> <args> -o <repo>/../<name>` (default: the Q4 2020 report) and open the result."""
    path = repo.parent / name
    result = run_cli(command, *(args or REPORT_ARGS), "-o", str(path), repo=repo)
    assert result.exit_code == 0, result.output
    return docx.Document(str(path))


def paragraphs(document: Document) -> list[Paragraph]:
    """Every paragraph of the body, inside tables too, in document order."""
    return [Paragraph(element, document) for element in document.element.body.iter(f"{W}p")]


def texts(document: Document) -> list[str]:
    return [paragraph.text for paragraph in paragraphs(document)]


def find(document: Document, text: str) -> Paragraph:
    """The one paragraph whose text is exactly `text`."""
    found = [paragraph for paragraph in paragraphs(document) if paragraph.text == text]
    assert len(found) == 1, (text, len(found))
    return found[0]


def after(document: Document, text: str) -> list[str]:
    """The texts of the paragraphs that follow the one whose text is exactly `text`."""
    all_texts = texts(document)
    return all_texts[all_texts.index(text) + 1 :]


def _style_chain(document: Document, style_id: str | None, kind: str) -> list[Any]:
    styles = document.styles.element
    by_id = {style.get(f"{W}styleId"): style for style in styles.iter(f"{W}style")}
    if style_id is None:
        defaults = [s for s in by_id.values() if s.get(f"{W}type") == kind and s.get(f"{W}default") in ("1", "true")]
        style_id = defaults[0].get(f"{W}styleId") if defaults else None
    chain: list[Any] = []
    while style_id in by_id and by_id[style_id] not in chain:
        chain.append(by_id[style_id])
        based = by_id[style_id].find(f"{W}basedOn")
        style_id = based.get(f"{W}val") if based is not None else None
    return chain


def _val(element: Any, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return found.get(f"{W}val") if found is not None else None


def _levels(document: Document, paragraph: Any, run: Any | None, kind: str) -> list[Any]:
    """pPr or rPr elements from direct formatting down to docDefaults, in the order Word applies them."""
    table = next((a for a in paragraph.iterancestors(f"{W}tbl")), None)
    chains = _style_chain(document, _val(paragraph, f"{W}pPr/{W}pStyle"), "paragraph")
    table_chain = _style_chain(document, _val(table, f"{W}tblPr/{W}tblStyle"), "table") if table is not None else []
    levels = []
    if run is not None:
        levels.append(run.find(f"{W}rPr"))
        rstyle = _val(run, f"{W}rPr/{W}rStyle")
        levels += [s.find(f"{W}rPr") for s in _style_chain(document, rstyle, "character")] if rstyle else []
    else:
        levels.append(paragraph.find(f"{W}pPr"))
    levels += [style.find(f"{W}{kind}") for style in (*chains, *table_chain)]
    defaults = document.styles.element.find(f"{W}docDefaults")
    levels.append(defaults.find(f"{W}{kind}Default/{W}{kind}") if defaults is not None else None)
    return [level for level in levels if level is not None]


def run_property(document: Document, paragraph: Any, run: Any, tag: str, attribute: str = "val") -> str | None:
    """The value of <tag attribute> for a run, resolved run -> run style -> paragraph style -> table style -> defaults;
    '' when the element is present without the attribute, None when it is nowhere."""
    for level in _levels(document, paragraph, run, "rPr"):
        element = level.find(f"{W}{tag}")
        if element is not None and (attribute == "val" or element.get(f"{W}{attribute}") is not None):
            return element.get(f"{W}{attribute}", "")
    return None


def font(document: Document, paragraph: Any, run: Any, slot: str) -> str | None:
    """The font a run's slot (ascii, hAnsi, cs) resolves to; 'theme:<x>' when a theme font wins."""
    for level in _levels(document, paragraph, run, "rPr"):
        fonts = level.find(f"{W}rFonts")
        if fonts is not None and fonts.get(f"{W}{slot}Theme") is not None:
            return "theme:" + fonts.get(f"{W}{slot}Theme")
        if fonts is not None and fonts.get(f"{W}{slot}") is not None:
            return str(fonts.get(f"{W}{slot}"))
    return None


def text_runs(paragraph: Paragraph) -> list[Any]:
    return [run for run in paragraph._p.iter(f"{W}r") if any((t.text or "").strip() for t in run.iter(f"{W}t"))]


def looks(document: Document, paragraph: Paragraph) -> set[tuple[float, bool, bool]]:
    """(size in pt, bold, italic) of each run with text in the paragraph."""
    result = set()
    for run in text_runs(paragraph):
        size = run_property(document, paragraph._p, run, "sz")
        bold, italic = (run_property(document, paragraph._p, run, tag) for tag in ("b", "i"))
        on = {"", "1", "true", "on"}
        result.add((int(size or 20) / 2, bold in on, italic in on))
    return result


def paragraph_property(document: Document, paragraph: Paragraph, tag: str, attribute: str) -> str | None:
    """The value of <tag attribute> for a paragraph, resolved paragraph -> style -> table style -> defaults."""
    for level in _levels(document, paragraph._p, None, "pPr"):
        element = level.find(f"{W}{tag}")
        if element is not None and element.get(f"{W}{attribute}") is not None:
            return str(element.get(f"{W}{attribute}"))
    return None


def text_width_cm(text: str, size_pt: float) -> float:
    """Estimated width of `text` in Times New Roman Bold."""
    base = [unicodedata.normalize("NFD", char)[0].replace("Đ", "D").replace("đ", "d") for char in text]
    return sum(_BOLD.get(char, 556) for char in base) / 1000 * size_pt / 72 * 2.54


def _indent(paragraph: Any, side: str) -> int:
    ind = paragraph.find(f"{W}pPr/{W}ind")
    if ind is None:
        return 0
    return int(ind.get(f"{W}{side}") or ind.get(f"{W}{'start' if side == 'left' else 'end'}") or 0)


def available_twips(document: Document, paragraph: Any) -> int:
    """The width of the paragraph's container (table cell without its margins, or the page's text width)."""
    cell = next(paragraph.iterancestors(f"{W}tc"), None)
    if cell is None:
        section = document.sections[0]
        return round((section.page_width - section.left_margin - section.right_margin) / 635)
    table = next(paragraph.iterancestors(f"{W}tbl"))
    margins = 0
    for side in ("left", "right"):
        candidates = [cell.find(f"{W}tcPr/{W}tcMar/{W}{side}"), table.find(f"{W}tblPr/{W}tblCellMar/{W}{side}")]
        for style in _style_chain(document, _val(table, f"{W}tblPr/{W}tblStyle"), "table"):
            candidates.append(style.find(f"{W}tblPr/{W}tblCellMar/{W}{side}"))
        found = [c for c in candidates if c is not None]
        margins += int(found[0].get(f"{W}w")) if found else 108
    return int(cell.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) - margins


def rule_under(document: Document, paragraph: Paragraph) -> float | None:
    """Length (cm) of the solid rule directly under the paragraph: its bottom border or the next paragraph's top."""
    candidates = [(paragraph._p, "bottom"), (paragraph._p.getnext(), "top")]
    for element, edge in candidates:
        if element is None or element.tag != f"{W}p":
            continue
        border = element.find(f"{W}pPr/{W}pBdr/{W}{edge}")
        if border is not None and border.get(f"{W}val") not in ("nil", "none"):
            width = available_twips(document, element) - _indent(element, "left") - _indent(element, "right")
            return width / TWIPS_PER_CM
    return None


def line_cm(document: Document, paragraph: Paragraph, size_pt: float) -> float:
    """Estimated length of the paragraph's (longest) line of bold text: its width, or the container's if it wraps."""
    room = available_twips(document, paragraph._p) - _indent(paragraph._p, "left") - _indent(paragraph._p, "right")
    return min(text_width_cm(paragraph.text, size_pt), room / TWIPS_PER_CM)


def _doc(number: str, date: str, title: str) -> dict[str, Any]:
    return {"number": number, "date": dt.date.fromisoformat(date), "title": title}


# A few realistic updates for the fourth quarter of 2020 (invented for the tests).
SAMPLE = {
    **update(
        "lhhn",
        "2020-Q4",
        [
            {
                "task": 14,
                "status": "done",
                "done_on": dt.date(2020, 12, 1),
                "summary": "Đã trình UBND tỉnh khen thưởng 05 tập thể và 12 cá nhân.\nĐã tổ chức lễ trao tặng.",
                "difficulties": "Kinh phí khen thưởng còn hạn chế.",
                "documents": [_doc("45/LHHN-VP", "2020-11-20", "Về việc đề nghị khen thưởng năm 2020")],
            },
            {
                "task": 5,
                "status": "in_progress",
                "summary": "Đã hướng dẫn 03 hội hữu nghị thực hiện quy định về hoạt động đối ngoại nhân dân.",
                "proposals": "Đề nghị Sở Ngoại vụ tổ chức tập huấn chung.",
            },
        ],
    ),
    **update(
        "sngv",
        "2020-Q4",
        [
            {
                "task": 5,
                "status": "in_progress",
                "summary": "Đã tham mưu UBND tỉnh ban hành văn bản hướng dẫn.",
                "documents": [_doc("1234/SNgV-HTQT", "2020-10-05", "Về việc hướng dẫn hoạt động đối ngoại nhân dân")],
            },
            {"task": 2, "status": "in_progress", "summary": "Đã góp ý dự thảo quy chế phối hợp."},
        ],
    ),
    **update("snv", "2020-Q4", [{"task": 2, "status": "in_progress", "summary": "Đã góp ý dự thảo quy chế."}]),
}
