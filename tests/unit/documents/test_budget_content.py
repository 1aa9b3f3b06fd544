"""The consolidated estimate's content, from the budgets scenario: the rows per agency and per line, the totals
grouped the Vietnamese way, blanks where no sum was given, Sở Tài chính as the addressee, who sent nothing."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import yaml

from dnnd.documents.budget_content import BLANKS_NOTE, AgencyRow, BudgetContext, LineRow, Money, budget_context
from dnnd.documents.contents import IssueOptions
from dnnd.evaluate.budget import budget_summary
from dnnd.repository import load_repository
from tests.conftest import DATA, EMBEDDED_PLAN, MakeRepo

LETTER = IssueOptions(12, dt.date(2020, 7, 15), dt.date(2020, 7, 20))
LHHN = "Liên hiệp các tổ chức hữu nghị tỉnh"
LHHN_SUMS = Money("80.000.000", "45.000.000", "45.000.000", "48.000.000")
PLAN_TITLE = yaml.safe_load((EMBEDDED_PLAN / "plan.yaml").read_text("utf-8"))["title"]
BOOKLETS = "Biên soạn tài liệu tuyên truyền đối ngoại nhân dân (500 cuốn × 40.000 đồng)"


def _letter(make_repo: MakeRepo, *, without: str | None = None) -> BudgetContext:
    """The letter on the scenario's 2021 estimates (without one agency's, when named)."""
    root = make_repo()
    shutil.copytree(DATA / "budgets", root / "plan" / "budgets")
    if without is not None:
        (root / "plan" / "budgets" / without / "2021.yaml").unlink()
    repo = load_repository(root, use_cache=False)
    return budget_context(repo, budget_summary(repo, 2021, today=LETTER.today), LETTER)


@pytest.fixture
def letter(make_repo: MakeRepo) -> BudgetContext:
    return _letter(make_repo)


def test_rows_and_total_with_grouped_sums(letter: BudgetContext) -> None:
    assert letter.rows == [
        AgencyRow("1", "Sở Ngoại vụ", Money("40.000.000", "20.000.000", "18.000.000", "15.000.000")),
        AgencyRow("2", LHHN, LHHN_SUMS),
    ]
    assert letter.total == Money("120.000.000", "65.000.000", "63.000.000", "63.000.000")


def test_lines_leave_blank_what_nobody_has_given(letter: BudgetContext) -> None:
    sngv, lhhn = letter.appendix.agencies
    assert (sngv.heading, lhhn.heading) == ("1. Sở Ngoại vụ", f"2. {LHHN}")
    assert sngv.rows[1] == LineRow("2", BOOKLETS, "11", "Ngân sách tỉnh", Money("20.000.000", "", "", ""))
    assert lhhn.rows[1].source == "Xã hội hóa" and lhhn.total == LHHN_SUMS
    assert letter.appendix.notes[0] == BLANKS_NOTE and "Định mức đón tiếp khách" in letter.appendix.notes[-1]


def test_addressee_header_subject_and_who_sent_nothing(letter: BudgetContext) -> None:
    assert letter.addressee == "Sở Tài chính" and (letter.header.number, letter.header.code) == ("12", "SNgV-HTQT")
    assert letter.subject == f"tổng hợp dự toán kinh phí thực hiện {PLAN_TITLE} năm 2021"
    assert {"snv", "bdv", "btg"} <= set(letter.missing)
    assert "mttq" not in letter.missing  # its file is left out for an error: wrong, not missing
    texts = [paragraph.text for paragraph in letter.closing]
    assert texts[0].startswith("Tổng dự toán năm 2021: 120.000.000 đồng, trong đó: ngân sách tỉnh 90.000.000 đồng;")
    assert texts[1].startswith("Các cơ quan, đơn vị chưa gửi dự toán: Sở Nội vụ; ")
    assert texts[-1].startswith("Sở Ngoại vụ kính gửi Sở Tài chính") and texts[-1].endswith("./.")
    assert "Mục III.3 và Mục III.4" in letter.body[0].text and letter.recipients[-1] == "- Lưu: VT, HTQT."


def test_the_sender_does_not_list_itself_as_missing(make_repo: MakeRepo) -> None:
    letter = _letter(make_repo, without="sngv")
    assert [row.name for row in letter.rows] == [LHHN] and letter.total.estimate == "80.000.000"
    assert "sngv" not in letter.missing and "snv" in letter.missing
    assert not any("Sở Ngoại vụ;" in paragraph.text for paragraph in letter.closing)
