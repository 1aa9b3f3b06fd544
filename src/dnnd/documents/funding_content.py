"""The funding in the annual report: a paragraph with the year's estimate, allocation and spending, and
Phụ lục IV with each agency's (Mục III.3–4 of the decision). Only a yearly report has it, and only when some
agency sent an estimate for the year."""

from __future__ import annotations

import datetime as dt

from dnnd.documents.budget_content import invalid_sentence
from dnnd.documents.contents import FundingAppendix, FundingRow, money
from dnnd.evaluate.budget import Amounts, budget_summary
from dnnd.plan.vietnamese import grouped
from dnnd.repository import Repository


def _row(number: str, agency: str, amounts: Amounts) -> FundingRow:
    return FundingRow(number, agency, money(amounts))


def _sentence(amounts: Amounts, appraised_lines: int, lines: int) -> str:
    parts = [f"các cơ quan, đơn vị lập dự toán {grouped(amounts.estimate)} đồng"]
    if amounts.appraised is not None:
        share = "" if appraised_lines == lines else f" (đã thẩm định {appraised_lines}/{lines} dòng dự toán)"
        parts.append(f"số đã thẩm định {grouped(amounts.appraised)} đồng{share}")
    if amounts.allocated is not None:
        parts.append(f"được bố trí {grouped(amounts.allocated)} đồng")
    if amounts.executed is not None:
        parts.append(f"đã thực hiện {grouped(amounts.executed)} đồng")
    return "; ".join(parts)


def funding_part(
    repo: Repository, year: int, today: dt.date, reference: str
) -> tuple[list[str], FundingAppendix | None]:
    """The report's paragraphs on the year's funding, and Phụ lục IV; nothing when no estimate was sent."""
    summary = budget_summary(repo, year, today=today)
    if not summary.agencies:
        return [], None
    total = summary.total
    appraised = sum(view.appraisal is not None for view in summary.lines)
    sentence = _sentence(total, appraised, len(summary.lines))
    paragraphs = [f"Kinh phí thực hiện Kế hoạch năm {year}: {sentence} (chi tiết tại Phụ lục IV kèm theo)."]
    if summary.missing:
        names = "; ".join(repo.agencies[agency].name for agency in summary.missing)
        paragraphs.append(f"Các cơ quan, đơn vị chưa gửi dự toán: {names}.")
    if summary.invalid:
        paragraphs.append(invalid_sentence(repo, summary))
    rows = [
        _row(str(index), repo.agencies[agency].name, amounts)
        for index, (agency, amounts) in enumerate(summary.agencies.items(), 1)
    ]
    appendix = FundingAppendix(f"KINH PHÍ THỰC HIỆN KẾ HOẠCH NĂM {year}", reference, rows, _row("", "Tổng cộng", total))
    return paragraphs, appendix
