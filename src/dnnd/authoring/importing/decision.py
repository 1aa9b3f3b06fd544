"""The decision's own metadata and the plan's text sections, read from its paragraphs; doubts become warnings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dnnd.authoring.importing.source import Para, is_stray
from dnnd.plan.vietnamese import dmy

_ROMAN_HEADING = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+(.+)$")
_NUMBERED = re.compile(r"^(\d{1,2})\.\s+(.+)$")
_FULL_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_SIGNING = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*(.+)$")


@dataclass
class DecisionInfo:
    number: str | None = None
    date: dt.date | None = None
    place: str | None = None
    issuer: str | None = None
    title: str | None = None
    legal_bases: list[str] = field(default_factory=list)
    proposal: str | None = None
    signer_authority: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None
    plan_title: str | None = None
    purposes: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    duties: list[tuple[str, list[str]]] = field(default_factory=list)
    closing: str | None = None
    warnings: list[str] = field(default_factory=list)


def _date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None


def _sentence_case(text: str) -> str:
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and all(word[:1].isupper() for word in words) and not re.search(r"\d", text)


def _header(paras: list[Para], info: DecisionInfo) -> None:
    for index, para in enumerate(paras):
        text = para.text
        if info.number is None and (match := re.match(r"^Số\s*:\s*(\S+)", text)):
            info.number = match[1].rstrip(".,;")
        elif info.date is None and (match := re.match(r"^([^,]+),\s*(" + _FULL_DATE.pattern + ")", text, re.I)):
            info.place = match[1].strip()
            info.date = _date(_FULL_DATE.search(match[2]))  # type: ignore[arg-type]
        elif info.issuer is None and (match := re.fullmatch(r"(ỦY|UỶ) BAN NHÂN DÂN (TỈNH|THÀNH PHỐ) (.+)", text)):
            info.issuer = f"Ủy ban nhân dân {match[2].lower()} {match[3].title()}"
        elif info.title is None and re.match(r"^(Về việc|V/v|Ban hành)\b", text):
            info.title = text
        elif text.startswith("Căn cứ "):
            basis = text.removeprefix("Căn cứ ").rstrip(";.")
            info.legal_bases.append(basis)
            for odd in re.finditer(r"ngày \d{1,2} năm \d{1,2} năm \d{4}", basis):
                info.warnings.append(
                    f"{para.where}: ngày viết sai dạng '{odd.group()}' (có lẽ là 'ngày … tháng … "
                    "năm …'): đã giữ nguyên, hãy kiểm tra"
                )
        elif text.startswith("Theo đề nghị"):
            info.proposal = text.rstrip(".;")
        elif info.signer_authority is None and (match := _SIGNING.match(text)):
            info.signer_authority = text
            following = [p.text for p in paras[index + 1 : index + 6]]
            if following:
                info.signer_title = _sentence_case(following[0])
            info.signer_name = next((name for name in following[1:] if _is_name(name)), None)
        elif re.fullmatch(r"KẾ HOẠCH", text) and info.plan_title is None and index + 1 < len(paras):
            subtitle = paras[index + 1].text
            info.plan_title = "Kế hoạch " + subtitle[:1].lower() + subtitle[1:]
        elif match := re.search(r"kèm theo Quyết định số (\S+) ngày ([^)]*?)(?: của|\))", text, re.IGNORECASE):
            _check_reference(para, match, info)


def _check_reference(para: Para, match: re.Match[str], info: DecisionInfo) -> None:
    """The attached plan names its decision: warn when it disagrees with the decision's own header."""
    number, when = match[1], match[2]
    full = _FULL_DATE.search(when)
    short = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", when)
    stated = _date(full) if full else _date(short) if short else None
    if number != info.number or (stated is not None and stated != info.date):
        info.warnings.append(
            f"{para.where}: kế hoạch ghi ban hành kèm Quyết định số {number} ngày {when.strip()}, nhưng đầu văn bản "
            f"là số {info.number or '(không tìm thấy)'} ngày "
            f"{dmy(info.date) if info.date else '(không tìm thấy)'}: đã lấy theo đầu văn bản, hãy kiểm tra"
        )


def _sections(paras: list[Para], info: DecisionInfo) -> None:
    """Mục I (purposes, requirements) and Mục III (each agency's duties, the closing paragraph)."""
    part: str | None = None
    for para in paras:
        text = para.text
        if _SIGNING.match(text):
            part = None
            continue
        roman = _ROMAN_HEADING.match(text)
        numbered = _NUMBERED.match(text)
        if roman:
            title = roman[2].lower()
            part = "purpose" if "mục đích" in title else "organisation" if "tổ chức thực hiện" in title else None
            continue
        if is_stray(text):
            info.warnings.append(f"{para.where}: dòng lạc '{text}' (có lẽ là ngày hoặc số trang sót lại): đã bỏ qua")
            continue
        if part in ("purpose", "requirement") and numbered:
            part = "requirement" if "yêu cầu" in numbered[2].lower() else "purpose"
            continue
        if part == "purpose":
            info.purposes.append(text)
        elif part == "requirement":
            info.requirements.append(text)
        elif part == "organisation":
            if numbered:
                info.duties.append((numbered[2].strip(), []))
            elif text.startswith("Trong quá trình thực hiện"):
                info.closing = text
            elif info.duties:
                info.duties[-1][1].append(re.sub(r"^[-–•+]\s*", "", text))


def read_decision(paras: list[Para]) -> DecisionInfo:
    info = DecisionInfo()
    _header(paras, info)
    _sections(paras, info)
    for name, value in (
        ("số và ký hiệu (Số: …)", info.number),
        ("ngày ban hành (…, ngày … tháng … năm …)", info.date),
        ("cơ quan ban hành", info.issuer),
        ("trích yếu (Về việc …)", info.title),
    ):
        if value is None:
            info.warnings.append(f"không tìm thấy {name} của quyết định: hãy điền vào plan/plan.yaml")
    return info
