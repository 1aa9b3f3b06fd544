"""The focal point's text of a report: paragraphs of YAML text, list items, shortened results, and the draft's text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from dnnd.documents.figures_content import figures_paragraphs
from dnnd.documents.report_text import (
    RESULT_CHARS,
    coming_task_line,
    drafted_text,
    list_item,
    next_tasks,
    overview,
    paragraphs,
    results_column,
    shortened,
    task_synthesis,
)
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.figures import figures_of
from dnnd.evaluate.report_material import ComingTask, ReportMaterial
from dnnd.evaluate.task_status import Evaluation, evaluate
from dnnd.plan.models import ReportText
from dnnd.plan.periods import parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.docx_helpers import update

D = dt.date
T = {task["id"]: task["title"] for task in yaml.safe_load((EMBEDDED_PLAN / "tasks.yaml").read_text("utf-8"))["tasks"]}
PLAN_TITLE = yaml.safe_load((EMBEDDED_PLAN / "plan.yaml").read_text("utf-8"))["title"]
WORDS = "Sở Ngoại vụ đã phối hợp với các cơ quan, đơn vị tổ chức hội nghị; trao đổi thông tin định kỳ. " * 12


def _repo(make_repo: MakeRepo, files: dict[str, Any] | None = None) -> Repository:
    return load_repository(make_repo(files), use_cache=False)


def _evaluation(repo: Repository, name: str = "2020-Q4") -> Evaluation:
    period = parse_period(name)
    assert period is not None
    return evaluate(build_facts(repo), list(repo.tasks), period, period.window(repo.plan.reporting.windows).end)


def _entry(task: int, summary: str) -> dict[str, Any]:
    return {"task": task, "status": "in_progress", "summary": summary}


def test_paragraphs_split_at_blank_lines_join_wrapped_lines_and_start_at_list_items() -> None:
    text = "Một dòng\n  nối tiếp.\n\n\nĐoạn hai\n \t \nĐoạn ba:\n- mục một\n  viết tiếp\n2. mục hai\n3) mục ba"
    text += "\n+ mục bốn\n-không phải mục\r\n• mục năm\n* mục sáu"
    assert paragraphs(text) == [
        "Một dòng nối tiếp.",
        "Đoạn hai",
        "Đoạn ba:",
        "- mục một viết tiếp",
        "2. mục hai",
        "3) mục ba",
        "+ mục bốn -không phải mục",
        "• mục năm",
        "* mục sáu",
    ]
    assert paragraphs(None) == paragraphs("") == paragraphs("\n \n") == []


def test_list_item_keeps_its_own_mark_else_takes_a_dash_on_one_line() -> None:
    assert list_item("1. Tổ chức\nhội nghị") == "1. Tổ chức hội nghị"
    assert list_item("- Đã làm") == "- Đã làm"
    assert list_item("  • Đã làm") == "• Đã làm"
    assert list_item("Tổ chức\n\nhội nghị") == "- Tổ chức hội nghị"
    assert list_item("Mở đầu:\n- mục một\n- mục hai") == "- Mở đầu: - mục một - mục hai"
    assert list_item("2020 là năm đầu") == "- 2020 là năm đầu"
    assert list_item("-Đã làm") == "- -Đã làm"


def test_shortened_leaves_a_short_text_whole_and_cuts_an_overlong_word_within_the_limit() -> None:
    assert shortened("  Đã   tổ chức\n\nhội nghị.  ") == "Đã tổ chức hội nghị."
    exact = "x" * (RESULT_CHARS - 2) + " y"
    assert shortened(exact) == exact
    assert shortened(exact + "z") == "x" * (RESULT_CHARS - 2) + "…"  # 'yz' does not fit with the ellipsis
    found = shortened("Đối" + "x" * 500, 30)
    assert len(found) == 30 and found == "Đối" + "x" * 26 + "…"  # no space to cut at: cut inside the word


def test_shortened_cuts_at_a_word_boundary_within_the_limit() -> None:
    words = WORDS.split()
    for limit in range(20, RESULT_CHARS + 1):
        found = shortened(WORDS, limit)
        assert limit // 2 < len(found) <= limit and found.endswith("…"), limit
        *whole, last = found[:-1].split(" ")
        assert whole == words[: len(whole)], limit  # whole words only, and the last one
        assert last == words[len(whole)].rstrip(",;:.-") and last[-1] not in ",;:.-", limit


def test_shortened_keeps_a_word_that_ends_right_before_the_ellipsis() -> None:
    assert shortened("aaaaaaaaaaa bbbbbbb cccc", 20) == "aaaaaaaaaaa bbbbbbb…"


def test_shortened_does_not_cut_inside_a_long_word_after_an_early_space() -> None:
    link = "https://example.org/" + "x" * 300
    assert shortened(f"Đăng tại {link} ngày 01/12/2020.", 100) == "Đăng tại…"


def test_task_synthesis_gives_one_leads_lines_each_as_a_paragraph(make_repo: MakeRepo) -> None:
    files = update("sngv", "2020-Q4", [_entry(4, "Đã dự thảo\ncơ chế.\n\n- Gửi lấy ý kiến.")])
    files |= update("mttq", "2020-Q4", [_entry(4, "Ý kiến của cơ quan phối hợp.")])
    repo = _repo(make_repo, files)
    material = ReportMaterial(repo, _evaluation(repo))
    assert task_synthesis(repo, material, 4) == "Đã dự thảo\n\ncơ chế.\n\n- Gửi lấy ý kiến."
    assert task_synthesis(repo, material, 6) == ""


def test_task_synthesis_names_each_lead_by_its_short_name_when_several(make_repo: MakeRepo) -> None:
    files = update("lhhn", "2020-Q4", [_entry(5, "Hướng dẫn\nhội viên.\n\nTập huấn.")])
    files |= update("sngv", "2020-Q4", [_entry(5, "Tham mưu UBND tỉnh.")])
    files |= update("snv", "2020-Q4", [_entry(5, "Phối hợp.")])
    repo = _repo(make_repo, files)
    assert task_synthesis(repo, ReportMaterial(repo, _evaluation(repo)), 5) == (
        "SNgV: Tham mưu UBND tỉnh.\n\nLHHN: Hướng dẫn\n\nhội viên.\n\nTập huấn."
    )


def test_results_column_prefers_the_focal_points_text_else_the_leads_shortened(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo, update("sngv", "2020-Q4", [_entry(4, WORDS)]))
    material = ReportMaterial(repo, _evaluation(repo))
    text = ReportText(period="2020-Q4", tasks={4: "Đã ban hành\ncơ chế phối hợp.", 6: None})
    assert results_column(repo, material, text, 4) == "Đã ban hành cơ chế phối hợp."
    drafted = results_column(repo, material, None, 4)
    assert drafted == shortened(WORDS) and len(drafted) <= RESULT_CHARS
    assert results_column(repo, material, text, 6) == results_column(repo, material, None, 6) == ""


def test_coming_task_line_says_why_and_when(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo)
    assert coming_task_line(repo, ComingTask(4, "overdue", D(2020, 9, 30))) == (
        f"Nhiệm vụ 4: {T[4]} (đã quá hạn 30/09/2020)."
    )
    assert coming_task_line(repo, ComingTask(14, "due", D(2020, 12, 31))).endswith("(hạn 31/12/2020).")
    assert coming_task_line(repo, ComingTask(14, "due", None)).endswith("(đến hạn).")
    yearly = coming_task_line(repo, ComingTask(8, "yearly", D(2021, 11, 17)))
    assert yearly == f"Nhiệm vụ 8: {T[8]} (lần thực hiện tiếp theo, hạn 17/11/2021)."
    assert coming_task_line(repo, ComingTask(9, "guidance", None)).endswith("(đã có hướng dẫn của cấp trên trong kỳ).")


def test_next_tasks_lists_the_coming_ones_then_the_ongoing_in_one_line(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo)
    assert next_tasks(repo, _evaluation(repo)) == [
        f"Nhiệm vụ 4: {T[4]} (đã quá hạn 30/09/2020).",
        f"Nhiệm vụ 8: {T[8]} (đã quá hạn 17/11/2020).",
        f"Nhiệm vụ 13: {T[13]} (đã quá hạn 17/11/2020).",
        f"Nhiệm vụ 14: {T[14]} (hạn 31/12/2020).",
        "Tiếp tục thực hiện các nhiệm vụ thường xuyên (nhiệm vụ 2, 3, 5, 6, 7, 11, 12, 15).",
    ]


def test_overview_counts_the_tasks_and_names_the_overdue(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo)
    assert overview(repo, _evaluation(repo, "2020-Q4"), None) == (
        f"Trong quý IV năm 2020, các cơ quan, đơn vị tiếp tục triển khai {PLAN_TITLE}. Tính đến ngày 14/12/2020, "
        "trong tổng số 15 nhiệm vụ: 0 nhiệm vụ đã hoàn thành, 8 nhiệm vụ thực hiện thường xuyên, 4 nhiệm vụ chưa "
        "hoàn thành (3 nhiệm vụ quá hạn), 3 nhiệm vụ chờ điều kiện."
    )
    assert overview(repo, _evaluation(repo, "2020-Q3"), None).endswith(
        "4 nhiệm vụ chưa hoàn thành, 3 nhiệm vụ chờ điều kiện."
    )


def test_overview_with_figures_adds_their_first_paragraph_only(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo)
    evaluation = _evaluation(repo)
    stats = figures_of(repo, evaluation.period, evaluation.as_of)
    figures = figures_paragraphs(stats, leading_zero=repo.plan.report.leading_zero_counts)
    found = overview(repo, evaluation, stats).split("\n\n")
    assert found == [overview(repo, evaluation, None), figures[0]]


def test_drafted_text_has_every_task_the_next_tasks_and_leaves_the_judgement_empty(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo, update("sngv", "2020-Q4", [_entry(4, "Đã dự thảo.")]))
    evaluation = _evaluation(repo)
    material = ReportMaterial(repo, evaluation)
    text = drafted_text(repo, evaluation, material)
    assert text.period == "2020-Q4" and text.summary == overview(repo, evaluation, None)
    assert list(text.tasks) == list(range(1, 16))
    assert text.tasks[4] == "Đã dự thảo." and text.tasks[5] == ""
    assert text.next_tasks == next_tasks(repo, evaluation)
    assert text.proposals == [] and text.assessment.achievements is None
