"""`dnnd draft`: plan/reports/<period>.yaml pre-filled, which must read back as the period's ReportText, with
every agency's own words kept as comments only."""

from __future__ import annotations

import re
from typing import Any

import yaml

from dnnd.documents.report_draft import draft_text
from dnnd.documents.report_text import next_tasks, overview, task_synthesis
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.report_material import ReportMaterial
from dnnd.evaluate.task_status import Evaluation, evaluate
from dnnd.load.validation import validate_document
from dnnd.load.yamlio import load_yaml
from dnnd.plan.models import ReportText
from dnnd.plan.periods import parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.docx_helpers import update

T = {task["id"]: task["title"] for task in yaml.safe_load((EMBEDDED_PLAN / "tasks.yaml").read_text("utf-8"))["tasks"]}
REL = "plan/reports/2020-Q3.yaml"
MTTQ = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
LHHN = "Liên hiệp các tổ chức hữu nghị tỉnh"
ASKED = "# Kiến nghị các cơ quan, đơn vị nêu (kiến nghị gửi chính cơ quan đầu mối thì xử lý, không chép lên):"
HOSTILE = (
    "  Kết quả: đạt # không phải ghi chú\n"
    "  \"trích dẫn\" và 'nháy đơn'\n"
    "---\n"
    "- mục: một\tcó tab\n"
    "\n"
    "    thụt lề: x\n"
    "...\n"
    "{a: [b\rproposals: [x]\n"
    "next_tasks: |\n"
)


def _repo(make_repo: MakeRepo, files: dict[str, Any] | None = None) -> Repository:
    return load_repository(make_repo(files), use_cache=False)


def _evaluation(repo: Repository, name: str = "2020-Q3") -> Evaluation:
    period = parse_period(name)
    assert period is not None
    return evaluate(build_facts(repo), list(repo.tasks), period, period.window(repo.plan.reporting.windows).end)


def _parsed(text: str, rel: str = REL) -> ReportText:
    return validate_document(ReportText, load_yaml(text.encode("utf-8"), rel), rel)


def _entry(task: int, summary: str, **more: Any) -> dict[str, Any]:
    return {"task": task, "status": "in_progress", "summary": summary, **more}


def _between(text: str, start: str, end: str) -> list[str]:
    """The lines of `text` after the first one equal to `start`, up to the next one starting with `end`."""
    lines = text.splitlines()
    rest = lines[lines.index(start) + 1 :]
    return rest[: next(index for index, line in enumerate(rest) if line.startswith(end))]


def _unperiod(line: str) -> str:
    """A quoted agency's heading without its period: '#   Sở Ngoại vụ (chủ trì, 2020-Q3):' -> '… (chủ trì):'."""
    return re.sub(r", [^,]*\):$", "):", line)


def test_a_quiet_quarters_draft_reads_back_as_its_report_text(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo)
    evaluation = _evaluation(repo)
    text = draft_text(repo, evaluation)
    assert text.startswith("# yaml-language-server: $schema=../../schema/report-text.schema.json\n")
    assert text.endswith("\n") and "\nperiod: 2020-Q3\n" in text
    found = _parsed(text)
    assert found.period == "2020-Q3"
    assert found.summary == overview(repo, evaluation, None)  # the figures are the report's own part 2
    both, bng = "hướng dẫn của Bộ Ngoại giao và hướng dẫn của Bộ Nội vụ", "hướng dẫn của Bộ Ngoại giao"
    assert {task: said for task, said in found.tasks.items() if said} == {
        1: f"Chưa triển khai do chưa có {both}.",
        9: f"Chưa triển khai do chưa có {bng}.",
        10: f"Chưa triển khai do chưa có {bng}.",
    }
    assert set(found.tasks) == set(range(1, 16))
    assert found.next_tasks == next_tasks(repo, evaluation) and len(found.next_tasks) == 4
    assert found.proposals == [] and found.assessment.model_dump() == dict.fromkeys(
        ("achievements", "limitations", "causes"), ""
    )


def test_each_task_is_headed_by_a_comment_with_its_title_and_status(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo)
    evaluation = _evaluation(repo)
    lines = draft_text(repo, evaluation).splitlines()
    tasks = lines[lines.index("tasks:") + 1 : lines.index("tasks:") + 35]
    heads = [line for line in tasks if line.startswith("  # Nhiệm vụ ")]
    assert [line.split(":")[0] for line in heads] == [f"  # Nhiệm vụ {task}" for task in range(1, 16)]
    assert heads[0] == f"  # Nhiệm vụ 1: {T[1]} (tình trạng: Chờ điều kiện)"
    assert heads[1] == f"  # Nhiệm vụ 2: {T[2]} (tình trạng: Thường xuyên)"
    assert heads[3] == f"  # Nhiệm vụ 4: {T[4]} (tình trạng: Đang thực hiện trong hạn)"
    assert tasks[1:3] == [
        "  1: |-",
        "    Chưa triển khai do chưa có hướng dẫn của Bộ Ngoại giao và hướng dẫn của Bộ Nội vụ.",
    ]
    assert tasks[4] == '  2: ""' and tasks[-1] == ""


def test_a_hostile_agency_summary_stays_a_comment_and_the_draft_still_parses(make_repo: MakeRepo) -> None:
    files = update("sngv", "2020-Q3", [_entry(4, HOSTILE, difficulties=HOSTILE, proposals=HOSTILE)])
    files |= update("mttq", "2020-Q3", [_entry(4, HOSTILE)])
    repo = _repo(make_repo, files)
    evaluation = _evaluation(repo)
    text = draft_text(repo, evaluation)
    quoted = [f"  #     {line.strip()}" for line in HOSTILE.splitlines() if line.strip()]
    block = _between(text, f"  # Nhiệm vụ 4: {T[4]} (tình trạng: Đang thực hiện trong hạn)", "  4: ")
    assert [line for line in block if line.startswith("  #     ")] == [*quoted, *quoted]
    assert [_unperiod(line) for line in block if not line.startswith("  #     ")] == [
        "  #   Sở Ngoại vụ (chủ trì):",
        f"  #   {MTTQ} (phối hợp):",
    ]
    assert (
        "  #     proposals: [x]" in block and text.count("#     next_tasks: |\n") == 4
    )  # also as difficulty, proposal
    found = _parsed(text)
    assert found.tasks[4] == task_synthesis(repo, ReportMaterial(repo, evaluation), 4)
    assert "Kết quả: đạt # không phải ghi chú" in found.tasks[4]
    assert found.proposals == [] and found.next_tasks == next_tasks(repo, evaluation)
    assert found.assessment.achievements == ""


def test_agencies_words_are_quoted_under_their_task_leads_first_with_their_role(make_repo: MakeRepo) -> None:
    files = update("mttq", "2020-Q3", [_entry(5, "Phối hợp tuyên truyền.")])
    files |= update("lhhn", "2020-Q3", [_entry(5, "Hướng dẫn\n\nhội viên.")])
    files |= update("sngv", "2020-Q3", [_entry(5, "Tham mưu UBND tỉnh.")])
    text = draft_text(repo := _repo(make_repo, files), _evaluation(repo))
    block = _between(text, f"  # Nhiệm vụ 5: {T[5]} (tình trạng: Thường xuyên)", "  5: ")
    assert [line.split(" (")[0] if "(" in line else line for line in block] == [
        "  #   Sở Ngoại vụ",
        "  #     Tham mưu UBND tỉnh.",
        f"  #   {LHHN}",
        "  #     Hướng dẫn",
        "  #     hội viên.",
        f"  #   {MTTQ}",
        "  #     Phối hợp tuyên truyền.",
    ]
    assert [line.split("(")[1].split(",")[0] for line in block if "(" in line] == ["chủ trì", "chủ trì", "phối hợp"]
    assert _parsed(text).tasks[5] == "SNgV: Tham mưu UBND tỉnh.\n\nLHHN: Hướng dẫn\n\nhội viên."


def test_difficulties_and_proposals_are_quoted_with_their_task_above_the_empty_keys(make_repo: MakeRepo) -> None:
    lhhn = _entry(14, "Khen thưởng.", difficulties="Thiếu kinh phí.\n\nThiếu nhân lực.", proposals="Cấp kinh phí.")
    files = update("lhhn", "2020-Q3", [lhhn]) | update("sngv", "2020-Q3", [_entry(4, "Dự thảo.", proposals="Họp.")])
    text = draft_text(repo := _repo(make_repo, files), _evaluation(repo))
    hard = _between(text, "# Khó khăn, vướng mắc các cơ quan, đơn vị nêu trong kỳ:", "assessment:")
    assert [_unperiod(line) for line in hard] == [
        f"#   {LHHN} (nhiệm vụ 14, chủ trì):",
        "#     Thiếu kinh phí.",
        "#     Thiếu nhân lực.",
    ]
    asked = _between(text, ASKED, "proposals:")
    assert [_unperiod(line) for line in asked] == [
        "#   Sở Ngoại vụ (nhiệm vụ 4, chủ trì):",
        "#     Họp.",
        f"#   {LHHN} (nhiệm vụ 14, chủ trì):",
        "#     Cấp kinh phí.",
    ]
    assert _parsed(text).proposals == []


def test_no_difficulties_or_proposals_leave_no_heading_for_them(make_repo: MakeRepo) -> None:
    text = draft_text(repo := _repo(make_repo, update("sngv", "2020-Q3", [_entry(4, "Dự thảo.")])), _evaluation(repo))
    assert "Khó khăn, vướng mắc các cơ quan" not in text and "Kiến nghị các cơ quan" not in text
    lines = text.splitlines()
    assessment = lines.index("assessment:")
    assert lines[assessment - 1] == "# Đánh giá chung: kết quả nổi bật (phần II.3), hạn chế và nguyên nhân (phần III)."
    assert lines[lines.index("proposals: []") - 1].startswith("# Kiến nghị, đề xuất gửi cấp trên (phần IV)")


def test_a_half_years_draft_reads_back_and_quotes_both_quarters(make_repo: MakeRepo) -> None:
    files = update("sngv", "2020-Q3", [_entry(4, "Quý III.")]) | update("sngv", "2020-Q4", [_entry(4, "Quý IV.")])
    repo = _repo(make_repo, files)
    text = draft_text(repo, _evaluation(repo, "2020-H2"))
    found = _parsed(text, "plan/reports/2020-H2.yaml")
    assert found.period == "2020-H2" and found.tasks[4] == "Quý IV."  # the lead's latest
    block = _between(text, f"  # Nhiệm vụ 4: {T[4]} (tình trạng: Quá hạn chưa hoàn thành)", "  4: ")
    assert [line for line in block if line.startswith("  #     ")] == ["  #     Quý III.", "  #     Quý IV."]


def test_a_years_draft_reads_back_with_its_period_as_text(make_repo: MakeRepo) -> None:
    files = update("lhhn", "2020-Q4", [_entry(14, "Đã khen thưởng.")])
    repo = _repo(make_repo, files)
    evaluation = _evaluation(repo, "2020")
    text = draft_text(repo, evaluation)
    assert "\nperiod: 2020\n" in text  # a plain number in YAML: the model must take it as the period's name
    found = _parsed(text, "plan/reports/2020.yaml")
    assert found.period == "2020" and found.tasks[14] == "Đã khen thưởng."
    assert found.summary is not None and found.summary.startswith("Trong năm 2020, ")
    assert found.next_tasks == next_tasks(repo, evaluation)


def test_an_agencys_quoted_words_name_the_quarter_in_words(make_repo: MakeRepo) -> None:
    text = draft_text(repo := _repo(make_repo, update("sngv", "2020-Q3", [_entry(4, "Dự thảo.")])), _evaluation(repo))
    assert "  #   Sở Ngoại vụ (chủ trì, quý III năm 2020):" in text.splitlines()
