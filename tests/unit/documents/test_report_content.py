"""The report's content: header, sections I–V, the figures of section II, the synthesis drafted from the leads
without the focal point's text, next period's tasks, the appendices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import yaml

from dnnd.documents.contents import AppendixRow, Header, IssueOptions, Paragraph, ReportContext
from dnnd.documents.report_content import report_context
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.task_status import Evaluation, MissingReport, TaskResult, evaluate
from dnnd.plan.periods import Period, parse_period, quarter
from dnnd.plan.vietnamese import BLANK
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.docx_helpers import update

D = dt.date
ISSUED = IssueOptions(5, D(2020, 12, 16), D(2021, 1, 5))
HEADINGS = [
    "I. KẾT QUẢ THỰC HIỆN",
    "II. ĐÁNH GIÁ CHUNG",
    "III. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN",
    "IV. KIẾN NGHỊ, ĐỀ XUẤT",
    "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
]
T = {task["id"]: task["title"] for task in yaml.safe_load((EMBEDDED_PLAN / "tasks.yaml").read_text("utf-8"))["tasks"]}
PLAN_TITLE = yaml.safe_load((EMBEDDED_PLAN / "plan.yaml").read_text("utf-8"))["title"]
EVENTS = (EMBEDDED_PLAN / "events.yaml").read_text("utf-8")
CLOSING = "Sở Ngoại vụ báo cáo Ủy ban nhân dân tỉnh Khánh Hòa xem xét, chỉ đạo./."
LHHN = "Liên hiệp các tổ chức hữu nghị tỉnh"


def _repo(make_repo: MakeRepo, files: dict[str, Any] | None = None, name: str = "repo") -> Repository:
    return load_repository(make_repo(files, name=name), use_cache=False)


def _period(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def _context(repo: Repository, name: str = "2020-Q4", options: IssueOptions = ISSUED) -> ReportContext:
    """The report on the period `name`, evaluated at the end of its window."""
    period = _period(name)
    return report_context(repo, evaluate(build_facts(repo), list(repo.tasks), period, period.window().end), options)


def _crafted(
    repo: Repository, name: str, results: dict[int, TaskResult], missing: Iterable[MissingReport] = ()
) -> ReportContext:
    """The report on an evaluation built by hand: `results` for the tasks given, 'waiting' for the others."""
    period = _period(name)
    window = period.window()
    found = [results.get(task, TaskResult(task, "waiting", None, None)) for task in repo.tasks]
    return report_context(repo, Evaluation(period, window, window.end, found, list(missing)), ISSUED)


def _section(context: ReportContext, heading: str) -> list[str]:
    """The texts of the paragraphs under `heading`, up to the next heading or the closing sentence."""
    texts = [paragraph.text for paragraph in context.body]
    rest = texts[texts.index(heading) + 1 :]
    ends = [index for index, text in enumerate(rest) if text in HEADINGS or text == CLOSING]
    return rest[: ends[0]]


def _task(context: ReportContext, number: int) -> list[Paragraph]:
    """The paragraphs of section I about task `number`, its heading first."""
    start = context.body.index(Paragraph("task", f"Nhiệm vụ {number}: {T[number]}"))
    following = [i for i, p in enumerate(context.body[start + 1 :], start + 1) if p.style in ("task", "heading")]
    return context.body[start : following[0]]


def test_header_title_sections_and_closing_sentence(make_repo: MakeRepo) -> None:
    context = _context(_repo(make_repo))
    assert context.header == Header(
        "UBND TỈNH KHÁNH HÒA", "SỞ NGOẠI VỤ", "05", "BC-SNgV", "Khánh Hòa, ngày 16 tháng 12 năm 2020"
    )
    assert context.summary_title == f"Kết quả thực hiện {PLAN_TITLE} quý IV năm 2020"
    assert context.addressee == "Ủy ban nhân dân tỉnh Khánh Hòa"
    assert [paragraph.text for paragraph in context.body if paragraph.style == "heading"] == HEADINGS
    assert context.body[0] == Paragraph("heading", HEADINGS[0]) and context.body[-1] == Paragraph("body", CLOSING)
    assert context.recipients == ["- Như trên;", "- Lưu: VT, HTQT."]


def test_without_its_text_a_task_shows_its_leads_lines_and_appendix_three_the_documents(make_repo: MakeRepo) -> None:
    issued = {"number": "45/LHHN-VP", "date": D(2020, 11, 20), "title": "Về việc khen thưởng\nnăm 2020"}
    summary = "  Đã trình khen thưởng.  \n\n{{ x }} _y_ <b>\n"
    entry = {"task": 14, "status": "done", "done_on": D(2020, 12, 1), "summary": summary, "documents": [issued]}
    context = _context(_repo(make_repo, update("lhhn", "2020-Q4", [entry])))
    assert context.draft
    assert _task(context, 14)[1:] == [
        Paragraph(
            "body",
            "Tình trạng: Đã hoàn thành đúng hạn (lần thực hiện năm 2020; hạn 31/12/2020; hoàn thành ngày 01/12/2020).",
        ),
        Paragraph("body", "Đã trình khen thưởng."),
        Paragraph("body", "{{ x }} _y_ <b>"),
    ]
    assert context.texts.body == [
        Paragraph("heading", f"1. {LHHN}"),
        Paragraph("agency", f"Nhiệm vụ 14 (chủ trì): {T[14]}"),
        Paragraph("body", "Đã trình khen thưởng."),
        Paragraph("body", "{{ x }} _y_ <b>"),
        Paragraph("body", "Văn bản số 45/LHHN-VP ngày 20/11/2020: Về việc khen thưởng"),
        Paragraph("body", "năm 2020"),
    ]


def test_the_synthesis_takes_the_leads_and_appendix_three_every_agency_in_the_plans_order(
    make_repo: MakeRepo,
) -> None:
    files: dict[str, Any] = {}
    for agency in ("lhhn", "mttq", "sngv"):  # the files' order: lhhn, mttq, sngv
        files |= update(agency, "2020-Q4", [{"task": 2, "status": "in_progress", "summary": f"Báo cáo của {agency}."}])
    context = _context(_repo(make_repo, files))
    assert [paragraph.text for paragraph in _task(context, 2)[1:]] == ["Tình trạng: Thường xuyên.", "Báo cáo của sngv."]
    assert [paragraph.text for paragraph in context.texts.body if paragraph.style == "heading"] == [
        "1. Sở Ngoại vụ",
        "2. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        f"3. {LHHN}",
    ]
    assert [paragraph.text for paragraph in _task(context, 3)[1:]] == [
        "Tình trạng: Thường xuyên.",
        "Chưa có cơ quan nào báo cáo về nhiệm vụ này trong kỳ.",
    ]


def test_half_year_synthesis_takes_the_latest_and_appendix_three_each_quarter_oldest_first(
    make_repo: MakeRepo,
) -> None:
    files: dict[str, Any] = {}
    for period in ("2020-Q4", "2020-Q3"):
        files |= update("lhhn", period, [{"task": 5, "status": "in_progress", "summary": f"Kết quả {period}."}])
    context = _context(_repo(make_repo, files), "2020-H2")
    assert [paragraph.text for paragraph in _task(context, 5)[2:]] == ["Kết quả 2020-Q4."]
    assert [paragraph.text for paragraph in context.texts.body[1:]] == [
        f"Nhiệm vụ 5 (chủ trì, quý III năm 2020): {T[5]}",
        "Kết quả 2020-Q3.",
        f"Nhiệm vụ 5 (chủ trì, quý IV năm 2020): {T[5]}",
        "Kết quả 2020-Q4.",
    ]


def test_section_II_counts_each_status(make_repo: MakeRepo) -> None:
    statuses = {1: "done_on_time", 2: "done_late", 3: "done", 4: "in_progress", 5: "overdue", 6: "overdue"}
    statuses |= dict.fromkeys((7, 8, 9, 10, 11, 12, 13, 14), "ongoing")
    results = {task: TaskResult(task, status, None, None) for task, status in statuses.items()}
    assert _section(_crafted(_repo(make_repo), "2020-Q4", results), HEADINGS[1])[:7] == [
        "1. Tình hình thực hiện: tổng số 15 nhiệm vụ, trong đó:",
        "- Đã hoàn thành: 3 nhiệm vụ (đúng hạn: 1; quá hạn: 1; không có thời hạn: 1);",
        "- Chưa hoàn thành: 3 nhiệm vụ (đang thực hiện trong hạn: 1; quá hạn: 2);",
        "- Thực hiện thường xuyên: 8 nhiệm vụ;",
        "- Chờ điều kiện (chờ hướng dẫn của cấp trên): 1 nhiệm vụ.",
        "2. Tình hình báo cáo của các cơ quan, đơn vị:",
        "Các cơ quan, đơn vị đã báo cáo đầy đủ.",
    ]


def test_agencies_that_did_not_report_per_quarter_in_the_plans_order(make_repo: MakeRepo) -> None:
    q3, q4 = quarter(2020, 3), quarter(2020, 4)
    missing = [MissingReport("lhhn", q4, (2, 3)), MissingReport("snv", q3, (5,)), MissingReport("sngv", q4, (4,))]
    section = _section(_crafted(_repo(make_repo), "2020-H2", {}, missing), HEADINGS[1])
    assert section[section.index("2. Tình hình báo cáo của các cơ quan, đơn vị:") + 1 : -2] == [
        "Các cơ quan, đơn vị chưa báo cáo quý III năm 2020:",
        "- Sở Nội vụ: nhiệm vụ 5.",
        "Các cơ quan, đơn vị chưa báo cáo quý IV năm 2020:",
        f"- {LHHN}: nhiệm vụ 2, 3.",  # not Sở Ngoại vụ: the focal point does not list itself
    ]


def test_yearly_report_adds_the_yearly_tasks_of_the_year(make_repo: MakeRepo) -> None:
    results = {
        8: TaskResult(8, "overdue", D(2020, 11, 17), None, 2020),
        14: TaskResult(14, "done_on_time", D(2020, 12, 31), D(2020, 12, 1), 2020),
    }
    repo = _repo(make_repo)
    assert _section(_crafted(repo, "2020", results), HEADINGS[1])[-4:] == [
        "4. Các nhiệm vụ thực hiện hằng năm, năm 2020:",
        "- Nhiệm vụ 8: Quá hạn chưa hoàn thành (lần thực hiện năm 2020; hạn 17/11/2020);",
        "- Nhiệm vụ 13: Chờ điều kiện;",
        "- Nhiệm vụ 14: Đã hoàn thành đúng hạn (lần thực hiện năm 2020; hạn 31/12/2020; hoàn thành ngày 01/12/2020);",
    ]
    assert not any(text.startswith("4. ") for text in _section(_crafted(repo, "2020-Q4", results), HEADINGS[1]))


def test_the_focal_points_text_fills_sections_I_to_V_and_ends_the_draft(make_repo: MakeRepo) -> None:
    text = (
        "period: 2020-Q4\nsummary: |-\n  Mở đầu.\n  tiếp dòng.\n\n  Đoạn hai.\ntasks:\n  2: Tổng hợp nhiệm vụ 2.\n"
        "assessment:\n  achievements: Nổi bật.\n  limitations: Hạn chế.\n  causes: Nguyên nhân.\n"
        "proposals: [Kiến nghị một., '1. Kiến nghị hai.']\nnext_tasks: [Việc kỳ tới.]\n"
    )
    lhhn = {"task": 2, "status": "in_progress", "summary": "Đang làm.", "proposals": "Đề nghị Sở Ngoại vụ làm."}
    context = _context(_repo(make_repo, {"plan/reports/2020-Q4.yaml": text} | update("lhhn", "2020-Q4", [lhhn])))
    assert not context.draft
    texts = [paragraph.text for paragraph in context.body]
    assert texts[texts.index("1. Tình hình chung") + 1 :][:2] == ["Mở đầu. tiếp dòng.", "Đoạn hai."]
    assert [paragraph.text for paragraph in _task(context, 2)[2:]] == ["Tổng hợp nhiệm vụ 2."]
    assert _section(context, HEADINGS[2]) == [
        "1. Hạn chế, khó khăn, vướng mắc",
        "Hạn chế.",
        "2. Nguyên nhân",
        "Nguyên nhân.",
    ]
    assert _section(context, HEADINGS[3]) == ["- Kiến nghị một.", "1. Kiến nghị hai."]  # not the agency's
    assert _section(context, HEADINGS[4]) == ["- Việc kỳ tới."]
    assert context.appendix.rows[1].results == "Tổng hợp nhiệm vụ 2."


def test_half_year_difficulties_oldest_quarter_first_in_appendix_three(make_repo: MakeRepo) -> None:
    files: dict[str, Any] = {}
    for period in ("2020-Q3", "2020-Q4"):
        entry = {"task": 5, "status": "in_progress", "summary": "Đang làm.", "difficulties": f"Khó khăn {period}."}
        files |= update("lhhn", period, [entry])
    body = [paragraph.text for paragraph in _context(_repo(make_repo, files), "2020-H2").texts.body]
    assert [text for text in body if text.startswith("Khó khăn 2020")] == ["Khó khăn 2020-Q3.", "Khó khăn 2020-Q4."]


def test_next_period_lists_overdue_first_then_due_and_newly_guided_tasks_and_ongoing_in_one_line(
    make_repo: MakeRepo,
) -> None:
    events = EVENTS.replace("occurred_on: null", "occurred_on: 2020-11-02")  # both guidances, inside Q4's window
    results = {
        task: TaskResult(task, status, due, None)
        for task, status, due in [
            (1, "in_progress", None), (2, "ongoing", None), (4, "overdue", D(2020, 9, 30)), (9, "in_progress", None),
            (10, "in_progress", None), (13, "in_progress", D(2021, 11, 17)), (14, "in_progress", D(2020, 12, 31)),
        ]
    }  # fmt: skip
    assert _section(_crafted(_repo(make_repo, {"plan/events.yaml": events}), "2020-Q4", results), HEADINGS[4]) == [
        f"- Nhiệm vụ 4: {T[4]} (đã quá hạn 30/09/2020).",
        f"- Nhiệm vụ 1: {T[1]} (đã có hướng dẫn của cấp trên trong kỳ).",
        f"- Nhiệm vụ 9: {T[9]} (đã có hướng dẫn của cấp trên trong kỳ).",
        f"- Nhiệm vụ 10: {T[10]} (đã có hướng dẫn của cấp trên trong kỳ).",
        f"- Nhiệm vụ 14: {T[14]} (hạn 31/12/2020).",
        "- Tiếp tục thực hiện các nhiệm vụ thường xuyên (nhiệm vụ 2).",
    ]  # overdue first; 13 is due after the next window (14/03/2021)


def test_next_year_lists_the_next_occurrence_of_yearly_tasks_due_in_it(make_repo: MakeRepo) -> None:
    results = {
        8: TaskResult(8, "done_on_time", D(2020, 11, 17), D(2020, 11, 10), 2020),
        14: TaskResult(14, "done_on_time", D(2020, 12, 31), D(2020, 12, 1), 2020),
    }
    repo = _repo(make_repo)
    assert _section(_crafted(repo, "2020", results), HEADINGS[4]) == [
        f"- Nhiệm vụ 8: {T[8]} (lần thực hiện tiếp theo, hạn 17/11/2021)."
    ]
    unwritten = "[Chưa viết: cơ quan đầu mối viết phần này trong plan/reports/2020-Q4.yaml]"
    assert _section(_crafted(repo, "2020-Q4", results), HEADINGS[4]) == [unwritten]


def _focus_after_guidance(make_repo: MakeRepo) -> list[str]:
    """Section V of the Q4 2020 report when Bộ Ngoại giao's guidance came on 02/11/2020 (Bộ Nội vụ's has not)
    and Sở Ngoại vụ reported task 10 (after that guidance) done on 01/12/2020."""
    events = EVENTS.replace("occurred_on: null", "occurred_on: 2020-11-02", 1)
    done = {"task": 10, "status": "done", "done_on": D(2020, 12, 1), "summary": "Đã xây dựng kế hoạch."}
    repo = _repo(make_repo, {"plan/events.yaml": events, **update("sngv", "2020-Q4", [done])})
    return _section(_context(repo), HEADINGS[4])


def test_next_period_skips_a_task_still_waiting_for_another_guidance(make_repo: MakeRepo) -> None:
    focus = _focus_after_guidance(make_repo)
    assert f"- Nhiệm vụ 9: {T[9]} (đã có hướng dẫn của cấp trên trong kỳ)." in focus
    assert not any(text.startswith("- Nhiệm vụ 1: ") for text in focus)


def test_next_period_skips_a_task_done_after_its_guidance(make_repo: MakeRepo) -> None:
    focus = _focus_after_guidance(make_repo)
    assert f"- Nhiệm vụ 9: {T[9]} (đã có hướng dẫn của cấp trên trong kỳ)." in focus
    assert not any(text.startswith("- Nhiệm vụ 10: ") for text in focus)


def test_appendix_one_row_per_task_and_blanks_for_the_clerk(make_repo: MakeRepo) -> None:
    context = _context(_repo(make_repo), options=IssueOptions(today=D(2021, 1, 5)))
    assert context.appendix.title == "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ QUÝ IV NĂM 2020"
    number, date = BLANK * 6, f"{BLANK * 3}/{BLANK * 3}/2021"
    assert context.appendix.reference == f"(Kèm theo Báo cáo số {number}/BC-SNgV ngày {date} của Sở Ngoại vụ)"
    assert (context.header.number, context.header.place_date) == (
        number,
        f"Khánh Hòa, ngày{BLANK * 4}tháng{BLANK * 4}năm 2021",
    )
    rows = context.appendix.rows
    assert [row.number for row in rows] == [str(task) for task in range(1, 16)]
    timing = "Sau khi có hướng dẫn của Bộ Ngoại giao và Bộ Nội vụ"
    assert rows[0] == AppendixRow("1", T[1], "Sở Ngoại vụ", "Sở Nội vụ", timing, "Chờ điều kiện", "")
    assert rows[3].status == "Quá hạn chưa hoàn thành (hạn 30/09/2020)"


def test_appendix_names_the_agencies_in_force_in_the_period(make_repo: MakeRepo) -> None:
    rows = {row.number: row for row in _context(_repo(make_repo), "2025-Q2").appendix.rows}
    assert rows["8"].lead == "Sở Văn hóa, Thể thao và Du lịch"
    assert rows["11"].support.split("; ")[:3] == ["Ban Tuyên giáo Tỉnh ủy", "Sở Văn hóa, Thể thao và Du lịch", LHHN]
    assert rows["8"].status == "Đang thực hiện trong hạn (lần thực hiện năm 2025; hạn 17/11/2025)"
