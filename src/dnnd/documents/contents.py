"""The typed content of the documents dnnd writes, and what the report and the reminder letter share:
the header block, the signer, the recipients, the focal point in force, the clerk's number and date.

Every string here is plain text: one paragraph per line of agency text, nothing the template engine
would read as markup. `word.py` turns a content into a Word document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dnnd.documents.figures_content import FiguresAppendix
from dnnd.evaluate.budget import Amounts
from dnnd.plan.models import Agency, ReportSettings, Signer
from dnnd.plan.successions import Successions
from dnnd.plan.vietnamese import document_number, grouped, place_date
from dnnd.repository import Repository


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body; `style` picks its look in the template: heading, task, agency or body."""

    style: str
    text: str


@dataclass(frozen=True)
class Header:
    parent_agency: str
    issuing_agency: str
    number: str
    code: str
    place_date: str

    @classmethod
    def issued(cls, settings: ReportSettings, options: IssueOptions, code: str) -> Header:
        """The header block from the plan's report settings: both agencies in capitals, the clerk's number and
        the place and date (each blank until the clerk gives it), and the document's `code`."""
        return cls(
            settings.parent_agency.upper(),
            settings.issuing_agency.upper(),
            document_number(options.number),
            code,
            place_date(settings.place, options.date, options.day.year),
        )


@dataclass(frozen=True)
class SignerBlock:
    authority: str
    title: str
    name: str


@dataclass(frozen=True)
class AppendixRow:
    number: str
    title: str
    lead: str
    support: str
    timing: str
    status: str
    results: str = ""


@dataclass(frozen=True)
class Appendix:
    title: str
    reference: str
    rows: list[AppendixRow]


@dataclass(frozen=True)
class TextsAppendix:
    """Phụ lục III: what each agency wrote for the period, so that nothing reported is lost from the report."""

    title: str
    reference: str
    body: list[Paragraph]


@dataclass(frozen=True)
class Money:
    """The four sums of a row as the table writes them: grouped đồng, or '' when unknown."""

    estimate: str
    appraised: str
    allocated: str
    executed: str


def money_cell(value: int | None) -> str:
    """'45.000.000', or '' for a sum nobody has given yet."""
    return "" if value is None else grouped(value)


def money(amounts: Amounts) -> Money:
    return Money(
        money_cell(amounts.estimate),
        money_cell(amounts.appraised),
        money_cell(amounts.allocated),
        money_cell(amounts.executed),
    )


@dataclass(frozen=True)
class FundingRow:
    """An agency's line of Phụ lục IV, its sums as the consolidated estimate writes them."""

    number: str
    agency: str
    money: Money


@dataclass(frozen=True)
class FundingAppendix:
    """Phụ lục IV of a yearly report: the year's sums per agency."""

    title: str
    reference: str
    rows: list[FundingRow]
    total: FundingRow


@dataclass(frozen=True)
class ReportContext:
    header: Header
    summary_title: str
    addressee: str
    body: list[Paragraph]
    recipients: list[str]
    signer: SignerBlock
    appendix: Appendix
    figures: FiguresAppendix
    texts: TextsAppendix
    draft: bool = False  # no text of the focal point's own yet: marked DỰ THẢO
    funding: FundingAppendix | None = None  # Phụ lục IV: the year's funding, in a yearly report only


@dataclass(frozen=True)
class ReminderContext:
    header: Header
    subject: str
    addressees: list[str]
    body: list[Paragraph]
    recipients: list[str]
    signer: SignerBlock
    agencies: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # the commands writing the Excel forms the letter says are attached


@dataclass(frozen=True)
class IssueOptions:
    """What the clerk (văn thư) gives at issuance: number and date, both optional."""

    number: int | None = None
    date: dt.date | None = None
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def day(self) -> dt.date:
        """The day the document bears, or today while the clerk has not given one."""
        return self.date or self.today


def lines(text: str | None) -> list[str]:
    """Agency text as its non-empty lines: each becomes its own paragraph."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def signer_block(signer: Signer | None) -> SignerBlock:
    if signer is None:
        return SignerBlock("", "", "")
    return SignerBlock((signer.authority or "").upper(), signer.title.upper(), signer.name or "")


def recipients(extra: list[str], drafting_unit: str | None) -> list[str]:
    unit = f", {drafting_unit}" if drafting_unit else ""
    return ["- Như trên;", *[f"- {name};" for name in extra], f"- Lưu: VT{unit}."]


def focal_point(repo: Repository, day: dt.date) -> Agency:
    """The focal point in force at `day`, through its successors if it has ended."""
    return repo.agencies[Successions(repo.agencies).resolve(repo.plan.focal_point, None, day)[0]]
