"""Phụ lục III: each agency's own text for the period, agency by agency in the plan's order."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from dnnd.documents.agency_texts import texts_appendix
from dnnd.documents.contents import Paragraph, TextsAppendix
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.report_material import ReportMaterial
from dnnd.evaluate.task_status import evaluate
from dnnd.plan.periods import parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.docx_helpers import update

D = dt.date
T = {task["id"]: task["title"] for task in yaml.safe_load((EMBEDDED_PLAN / "tasks.yaml").read_text("utf-8"))["tasks"]}
LHHN = "Liên hiệp các tổ chức hữu nghị tỉnh"
NONE_SENT = "Chưa có cơ quan, đơn vị nào gửi báo cáo trong kỳ."


def _appendix(repo: Repository, name: str = "2020-Q4", reference: str = "(Kèm theo Báo cáo)") -> TextsAppendix:
    period = parse_period(name)
    assert period is not None
    evaluation = evaluate(build_facts(repo), list(repo.tasks), period, period.window(repo.plan.reporting.windows).end)
    return texts_appendix(repo, ReportMaterial(repo, evaluation), reference)


def _repo(make_repo: MakeRepo, files: dict[str, Any] | None = None) -> Repository:
    return load_repository(make_repo(files), use_cache=False)


def _entry(task: int, summary: str, **more: Any) -> dict[str, Any]:
    return {"task": task, "status": "in_progress", "summary": summary, **more}


def test_a_period_without_reports_says_so_under_its_title(make_repo: MakeRepo) -> None:
    files = update("sngv", "2020-Q3", [_entry(2, "Báo cáo quý III.")])  # another period's entry
    repo = _repo(make_repo, files)
    appendix = _appendix(repo, reference="(Kèm theo Báo cáo số 05/BC-SNgV)")
    assert appendix.title == "BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ QUÝ IV NĂM 2020"
    assert appendix.reference == "(Kèm theo Báo cáo số 05/BC-SNgV)"
    assert appendix.body == [Paragraph("body", NONE_SENT)]
    half_year = _appendix(repo, "2021-H1", "")
    assert half_year.title == "BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ 6 THÁNG ĐẦU NĂM 2021"
    assert half_year.body == [Paragraph("body", NONE_SENT)]


def test_agencies_are_numbered_in_the_plans_order_with_their_tasks_in_order(make_repo: MakeRepo) -> None:
    files = update("lhhn", "2020-Q4", [_entry(14, "Khen thưởng."), _entry(5, "Hướng dẫn.")])
    files |= update("mttq", "2020-Q4", [_entry(2, "Góp ý.")])
    files |= update("sngv", "2020-Q4", [_entry(14, "Phối hợp khen thưởng.")])
    assert _appendix(_repo(make_repo, files)).body == [
        Paragraph("heading", "1. Sở Ngoại vụ"),
        Paragraph("agency", f"Nhiệm vụ 14 (phối hợp): {T[14]}"),
        Paragraph("body", "Phối hợp khen thưởng."),
        Paragraph("heading", "2. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        Paragraph("agency", f"Nhiệm vụ 2 (phối hợp): {T[2]}"),
        Paragraph("body", "Góp ý."),
        Paragraph("heading", f"3. {LHHN}"),
        Paragraph("agency", f"Nhiệm vụ 5 (chủ trì): {T[5]}"),
        Paragraph("body", "Hướng dẫn."),
        Paragraph("agency", f"Nhiệm vụ 14 (chủ trì): {T[14]}"),
        Paragraph("body", "Khen thưởng."),
    ]


def test_an_entry_gives_its_lines_documents_difficulties_and_proposals(make_repo: MakeRepo) -> None:
    issued = {"number": "45/LHHN-VP", "date": D(2020, 11, 20), "title": "Về việc khen thưởng\nnăm 2020"}
    entry = _entry(
        14,
        "  Đã trình khen thưởng.\n\nĐã tổng hợp.  ",
        documents=[issued],
        difficulties="Thiếu kinh phí.\n\nThiếu nhân lực.",
        proposals="Bổ sung kinh phí.",
    )
    assert _appendix(_repo(make_repo, update("lhhn", "2020-Q4", [entry]))).body[1:] == [
        Paragraph("agency", f"Nhiệm vụ 14 (chủ trì): {T[14]}"),
        Paragraph("body", "Đã trình khen thưởng."),
        Paragraph("body", "Đã tổng hợp."),
        Paragraph("body", "Văn bản số 45/LHHN-VP ngày 20/11/2020: Về việc khen thưởng"),
        Paragraph("body", "năm 2020"),
        Paragraph("body", "Khó khăn, vướng mắc:"),
        Paragraph("body", "Thiếu kinh phí."),
        Paragraph("body", "Thiếu nhân lực."),
        Paragraph("body", "Kiến nghị, đề xuất:"),
        Paragraph("body", "Bổ sung kinh phí."),
    ]


def test_half_year_names_each_entrys_quarter_task_by_task_oldest_first(make_repo: MakeRepo) -> None:
    files = update("sngv", "2020-Q4", [_entry(5, "Quý IV, nhiệm vụ 5."), _entry(2, "Quý IV, nhiệm vụ 2.")])
    files |= update("sngv", "2020-Q3", [_entry(5, "Quý III, nhiệm vụ 5.")])
    appendix = _appendix(_repo(make_repo, files), "2020-H2")
    assert appendix.title == "BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ 6 THÁNG CUỐI NĂM 2020"
    assert [paragraph.text for paragraph in appendix.body] == [
        "1. Sở Ngoại vụ",
        f"Nhiệm vụ 2 (chủ trì, quý IV năm 2020): {T[2]}",
        "Quý IV, nhiệm vụ 2.",
        f"Nhiệm vụ 5 (chủ trì, quý III năm 2020): {T[5]}",
        "Quý III, nhiệm vụ 5.",
        f"Nhiệm vụ 5 (chủ trì, quý IV năm 2020): {T[5]}",
        "Quý IV, nhiệm vụ 5.",
    ]


def test_a_successor_reports_as_lead_under_its_own_name(make_repo: MakeRepo) -> None:
    files = update("svhtt", "2025-Q2", [_entry(8, "Kế hoạch tuyên truyền.")])
    files |= update("btg", "2025-Q2", [_entry(8, "Phối hợp tuyên truyền.")])
    body = _appendix(_repo(make_repo, files), "2025-Q2").body
    assert [paragraph.text for paragraph in body] == [
        "1. Ban Tuyên giáo Tỉnh ủy",
        f"Nhiệm vụ 8 (phối hợp): {T[8]}",
        "Phối hợp tuyên truyền.",
        "2. Sở Văn hóa, Thể thao và Du lịch",
        f"Nhiệm vụ 8 (chủ trì): {T[8]}",
        "Kế hoạch tuyên truyền.",
    ]
