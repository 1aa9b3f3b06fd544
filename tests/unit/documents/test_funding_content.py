"""The funding part of a yearly report: the sentence on the year's sums and Phụ lục IV's rows."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from dnnd.documents.funding_content import funding_part
from dnnd.repository import load_repository
from tests.conftest import DATA, MakeRepo

TODAY = dt.date(2026, 12, 7)


def _repo(make_repo: MakeRepo, *keep: str) -> Path:
    root = make_repo()
    for rel in keep:
        (root / "plan" / "budgets" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DATA / "budgets" / rel, root / "plan" / "budgets" / rel)
    return root


def test_the_sentence_says_what_is_known_and_the_rows_leave_unknown_sums_blank(make_repo: MakeRepo) -> None:
    repo = load_repository(_repo(make_repo, "lhhn/2021.yaml"))
    paragraphs, appendix = funding_part(repo, 2021, TODAY, "(Kèm theo …)")
    assert paragraphs[0] == (
        "Kinh phí thực hiện Kế hoạch năm 2021: các cơ quan, đơn vị lập dự toán 80.000.000 đồng; "
        "đã thực hiện 48.000.000 đồng (chi tiết tại Phụ lục IV kèm theo)."
    )
    assert appendix is not None and appendix.title == "KINH PHÍ THỰC HIỆN KẾ HOẠCH NĂM 2021"
    row = appendix.rows[0]
    money = row.money
    assert (row.number, money.estimate, money.appraised, money.allocated, money.executed) == (
        "1",
        "80.000.000",
        "",
        "",
        "48.000.000",
    )
    assert appendix.total.agency == "Tổng cộng" and paragraphs[1].startswith("Các cơ quan, đơn vị chưa gửi dự toán: ")


def test_with_appraisals_the_sentence_names_each_sum(make_repo: MakeRepo) -> None:
    repo = load_repository(_repo(make_repo, "lhhn/2021.yaml", "sngv/2021.yaml", "appraisals/2021.yaml"))
    paragraphs, appendix = funding_part(repo, 2021, TODAY, "")
    assert (
        "số đã thẩm định 65.000.000 đồng (đã thẩm định 2/4 dòng dự toán); được bố trí 63.000.000 đồng; "
        "đã thực hiện 63.000.000 đồng" in paragraphs[0]
    )
    assert appendix is not None and [row.agency for row in appendix.rows] == [
        "Sở Ngoại vụ",
        "Liên hiệp các tổ chức hữu nghị tỉnh",
    ]


def test_without_an_estimate_there_is_nothing(make_repo: MakeRepo) -> None:
    assert funding_part(load_repository(_repo(make_repo)), 2021, TODAY, "") == ([], None)
