"""The content of the consolidated estimate (công văn tổng hợp dự toán kinh phí) the focal point sends to Sở Tài
chính: the decision and its Mục III.3–4 (the agencies estimate, Sở Tài chính appraises and advises the People's
Committee on the allocation), the sums per agency with the plan's total, the agencies with a task and no estimate,
and an appendix with each agency's lines. Sums are whole đồng, grouped the Vietnamese way; a sum nobody has
given yet (None) is a blank cell, not a zero."""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple, dataclass

from dnnd.documents.contents import (
    Header,
    IssueOptions,
    Money,
    Paragraph,
    SignerBlock,
    focal_point,
    money,
    recipients,
    signer_block,
)
from dnnd.evaluate.budget import Amounts, BudgetLineView, BudgetSummary
from dnnd.plan.budget_models import APPRAISER, BudgetLine
from dnnd.plan.successions import Successions
from dnnd.plan.vietnamese import blank_date, dmy, grouped
from dnnd.plan.vocabulary import BUDGET_SOURCE_LABELS
from dnnd.repository import Repository

APPRAISER_NAME = "Sở Tài chính"  # when plan/agencies.yaml has no `stc`
BLANKS_NOTE = "Ô để trống: chưa có số thẩm định, bố trí hoặc thực hiện."


@dataclass(frozen=True)
class AgencyRow:
    number: str
    name: str
    money: Money


@dataclass(frozen=True)
class LineRow:
    number: str
    content: str
    task: str
    source: str
    money: Money


@dataclass(frozen=True)
class AgencyTable:
    """An agency's lines in the appendix, under its heading, with their sum."""

    heading: str
    rows: list[LineRow]
    total: Money


@dataclass(frozen=True)
class BudgetAppendix:
    title: str
    reference: str
    agencies: list[AgencyTable]
    notes: list[str]


@dataclass(frozen=True)
class BudgetContext:
    header: Header
    subject: str
    addressee: str
    body: list[Paragraph]  # before the table of the sums per agency
    rows: list[AgencyRow]
    total: Money
    closing: list[Paragraph]  # after it: the sources, who sent nothing, the request to Sở Tài chính
    recipients: list[str]
    signer: SignerBlock
    appendix: BudgetAppendix
    missing: list[str]  # the agencies with a task and no estimate, the sender left out


def invalid_sentence(repo: Repository, summary: BudgetSummary) -> str:
    """The agencies whose estimate was sent but does not validate: named, so that no sum hides them."""
    if not summary.invalid:
        return ""
    names = "; ".join(repo.agencies[agency].name for agency in summary.invalid)
    return f"Dự toán của các cơ quan, đơn vị sau chưa hợp lệ nên chưa được tổng hợp: {names}."


def appraiser_name(repo: Repository, day: dt.date) -> str:
    """Sở Tài chính's name in plan/agencies.yaml (through its successor if it has ended)."""
    found = repo.agencies.get(Successions(repo.agencies).resolve(APPRAISER, None, day)[0])
    return found.name if found is not None else APPRAISER_NAME


def content_text(line: BudgetLine) -> str:
    """What the line pays for, with its quantity and unit price and its basis when it has them."""
    details = []
    if line.quantity is not None and line.unit_price is not None:
        unit = f" {line.unit}" if line.unit else ""
        details.append(f"{grouped(line.quantity)}{unit} × {grouped(line.unit_price)} đồng")
    if line.basis:
        details.append(line.basis)
    return f"{line.content} ({'; '.join(details)})" if details else line.content


def _opening(repo: Repository, appraiser: str) -> str:
    """The decision, and what its Mục III says of the estimates (the items found in plan.yaml's `duties`: the
    one giving Sở Tài chính its duty, and the one asking for estimates)."""
    decision = repo.plan.decision
    text = (
        f"Thực hiện Quyết định số {decision.number} ngày {dmy(decision.date)} của {decision.issuer} ban hành "
        f"{repo.plan.title}"
    )
    duties = list(enumerate(repo.plan.duties, 1))
    appraise = next((number for number, duty in duties if APPRAISER in duty.agencies), None)
    if appraise is None:
        return f"{text}."
    estimate = next((number for number, duty in duties if any("dự toán" in item for item in duty.items)), None)
    allocate = (
        f"{appraiser} thẩm định và tham mưu {decision.issuer} bố trí kinh phí cho các cơ quan, đơn vị để thực hiện "
        "các nội dung theo Kế hoạch"
    )
    if estimate is None or estimate == appraise:
        return f"{text}; theo Mục III.{appraise} của Kế hoạch, {allocate}."
    return (
        f"{text}; theo Mục III.{estimate} và Mục III.{appraise} của Kế hoạch, các cơ quan, đơn vị lập dự toán chi "
        f"ngân sách hằng năm gửi {appraiser} thẩm định, {allocate}."
    )


def _sources(summary: BudgetSummary) -> str:
    """'Tổng dự toán năm 2021: 120.000.000 đồng, trong đó: ngân sách tỉnh 90.000.000 đồng; xã hội hóa …'."""
    used = [(source, amounts) for source, amounts in summary.sources.items() if amounts.estimate]
    parts = [f"{BUDGET_SOURCE_LABELS[source].vi.lower()} {grouped(found.estimate)} đồng" for source, found in used]
    total = f"Tổng dự toán năm {summary.year}: {grouped(summary.total.estimate)} đồng"
    if len(parts) > 1:
        total += f", trong đó: {'; '.join(parts)}"
    elif parts:
        total += f" ({BUDGET_SOURCE_LABELS[used[0][0]].vi.lower()})"
    return f"{total}."


def _tables(repo: Repository, summary: BudgetSummary) -> tuple[list[AgencyTable], list[str]]:
    """Each agency's lines, and Sở Tài chính's notes on them."""
    by_agency: dict[str, list[BudgetLineView]] = {}
    for view in summary.lines:
        by_agency.setdefault(view.agency, []).append(view)
    tables, notes = [], []
    for index, (agency, amounts) in enumerate(summary.agencies.items(), 1):
        name, rows = repo.agencies[agency].name, []
        for view in by_agency.get(agency, []):
            line = view.line
            number = line.id  # the id Sở Tài chính's appraisals name (`line:`), not the row's position
            found = Amounts()
            found.add(line, view.appraisal)
            label = BUDGET_SOURCE_LABELS[line.source].vi
            rows.append(LineRow(str(number), content_text(line), str(line.task), label, money(found)))
            if view.appraisal is not None and view.appraisal.note:
                notes.append(f"- {name}, dòng số {number}: {view.appraisal.note}")
        tables.append(AgencyTable(f"{index}. {name}", rows, money(amounts)))
    if notes:
        notes.insert(0, "Ghi chú thẩm định:")
    return tables, notes


def budget_context(repo: Repository, summary: BudgetSummary, options: IssueOptions) -> BudgetContext:
    """The letter consolidating the year's estimates, to Sở Tài chính, with its appendix."""
    settings = repo.plan.report
    day = options.day
    focal, appraiser = focal_point(repo, day), appraiser_name(repo, day)
    code = f"{settings.abbreviation}-{settings.drafting_unit}" if settings.drafting_unit else settings.abbreviation
    header = Header.issued(settings, options, code)
    year = summary.year
    missing = [agency for agency in summary.missing if agency != focal.id]
    names = "; ".join(repo.agencies[agency].name for agency in missing)
    closing = [  # 'after': the first below the table; 'closing': kept on the page of the signature
        Paragraph("after", _sources(summary)),
        Paragraph("body", f"Các cơ quan, đơn vị chưa gửi dự toán: {names}." if missing else ""),
        Paragraph("body", invalid_sentence(repo, summary)),
        Paragraph(
            "closing",
            f"{focal.name} kính gửi {appraiser} xem xét, thẩm định và tham mưu {repo.plan.decision.issuer} bố trí "
            "kinh phí cho các cơ quan, đơn vị để thực hiện các nội dung theo Kế hoạch./.",
        ),
    ]
    tables, notes = _tables(repo, summary)
    if any("" in astuple(row.money) for table in tables for row in table.rows):  # a total is blank only if its rows are
        notes.insert(0, BLANKS_NOTE)
    issued = dmy(options.date) if options.date else blank_date(day.year)
    return BudgetContext(
        header=header,
        subject=f"tổng hợp dự toán kinh phí thực hiện {repo.plan.title} năm {year}",
        addressee=appraiser,
        body=[
            Paragraph("body", _opening(repo, appraiser)),
            Paragraph(
                "body",
                f"{focal.name} tổng hợp dự toán kinh phí năm {year} của các cơ quan, đơn vị như sau (chi tiết tại "
                "Phụ lục kèm theo):",
            ),
        ],
        rows=[
            AgencyRow(str(index), repo.agencies[agency].name, money(amounts))
            for index, (agency, amounts) in enumerate(summary.agencies.items(), 1)
        ],
        total=money(summary.total),
        closing=[paragraph for paragraph in closing if paragraph.text],
        recipients=recipients([], settings.drafting_unit),
        signer=signer_block(settings.signer),
        appendix=BudgetAppendix(
            title=f"DỰ TOÁN KINH PHÍ THỰC HIỆN KẾ HOẠCH NĂM {year} CỦA CÁC CƠ QUAN, ĐƠN VỊ",
            reference=f"(Kèm theo Công văn số {header.number}/{code} ngày {issued} của {focal.name})",
            agencies=tables,
            notes=notes,
        ),
        missing=missing,
    )
