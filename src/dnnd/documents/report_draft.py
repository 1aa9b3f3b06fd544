"""`dnnd draft`: the focal point's text of a report (plan/reports/<period>.yaml), written pre-filled for the
officer to edit: the overview with the figures, one synthesis per task from its leads' summaries, the next
period's key tasks from the schedules, and, as comments, every agency's text, difficulties and proposals
with the agency named, to pick from. It never overwrites a text already there."""

from __future__ import annotations

from dnnd.documents.contents import focal_point, lines
from dnnd.documents.figures_content import figures_paragraphs
from dnnd.documents.report_text import drafted_text
from dnnd.evaluate.figures import figures_of
from dnnd.evaluate.report_material import ReportMaterial
from dnnd.evaluate.task_status import Evaluation
from dnnd.load.summary import ReportedEntry
from dnnd.load.yamlio import quoted, text_value
from dnnd.plan.periods import parse_period
from dnnd.plan.vietnamese import dmy, period_phrase
from dnnd.plan.vocabulary import TASK_STATUS_LABELS
from dnnd.repository import Repository

SCHEMA_PATH = "schema/report-text.schema.json"


def _comments(text: str, indent: int = 0) -> list[str]:
    return [f"{' ' * indent}# {line}".rstrip() for line in text.splitlines() or [""]]


def _quoted(material: ReportMaterial, item: ReportedEntry, text: str | None, indent: int) -> list[str]:
    """An agency's words as comments under its name: '#   Sở Ngoại vụ (chủ trì, quý IV năm 2020):'."""
    written = lines(text)
    if not written:
        return []
    agency = material.repo.agencies[item.agency]
    role = "chủ trì" if material.is_lead(item.entry.task, item.agency) else "phối hợp"
    where = f"nhiệm vụ {item.entry.task}, {role}" if indent == 0 else role
    quarter = parse_period(item.period, "quarter")
    head = f"  {agency.name} ({where}, {period_phrase(quarter) if quarter else item.period}):"
    return _comments("\n".join([head, *(f"    {line}" for line in written)]), indent)


def draft_text(repo: Repository, evaluation: Evaluation) -> str:
    """The text of plan/reports/<period>.yaml as `dnnd draft` writes it."""
    material = ReportMaterial(repo, evaluation)
    text = drafted_text(repo, evaluation, material)
    stats = figures_of(repo, evaluation.period, evaluation.as_of)
    figures = figures_paragraphs(stats, leading_zero=repo.plan.report.leading_zero_counts)
    focal = focal_point(repo, evaluation.as_of)
    phrase = period_phrase(evaluation.period)
    results = {result.task: result for result in evaluation.results}
    out = [
        f"# yaml-language-server: $schema=../../{SCHEMA_PATH}",
        f"# Phần báo cáo {phrase} do {focal.name} (cơ quan đầu mối) viết: `dnnd report` đưa vào báo cáo.",
        f"# `dnnd draft` soạn sẵn từ báo cáo của các cơ quan (số liệu đến ngày {dmy(evaluation.as_of)}). Sửa, bổ "
        "sung bằng lời của cơ quan đầu mối,",
        "# rồi chạy `dnnd validate` và `dnnd report --check`, commit. Dòng bắt đầu bằng # là ghi chú, không vào báo cáo.",
        f"period: {evaluation.period.name}",
        "",
        "# Tình hình chung, mở đầu phần I; các đoạn cách nhau bằng một dòng trống. Ngay sau nó, báo cáo tự in",
        "# phần 2 (hoạt động đối ngoại nhân dân trong kỳ, tính từ báo cáo của các cơ quan): không chép lại ở đây.",
        *_comments("\n".join(f"  {paragraph}" for paragraph in figures)),
        "summary: " + "\n".join(text_value(text.summary or "", 2)),
        "",
        "# Kết quả từng nhiệm vụ (phần I.3), soạn sẵn từ báo cáo của cơ quan chủ trì. Dưới mỗi nhiệm vụ là",
        "# nguyên văn các cơ quan đã báo cáo, để chọn lọc; báo cáo giữ nguyên văn ấy ở Phụ lục III.",
        "tasks:",
    ]
    for task in repo.tasks.values():
        status = TASK_STATUS_LABELS[results[task.id].status].vi
        out += _comments(f"Nhiệm vụ {task.id}: {task.title} (tình trạng: {status})", 2)
        for item in material.ordered(task.id):
            out += _quoted(material, item, item.entry.summary, 2)
        out.append(f"  {task.id}: " + "\n".join(text_value(text.tasks.get(task.id) or "", 4)))
    out += ["", "# Đánh giá chung: kết quả nổi bật (phần II.3), hạn chế và nguyên nhân (phần III)."]
    out += _picked(repo, material, "difficulties", "Khó khăn, vướng mắc các cơ quan, đơn vị nêu trong kỳ:")
    out += ["assessment:", '  achievements: ""', '  limitations: ""', '  causes: ""', ""]
    out += ["# Kiến nghị, đề xuất gửi cấp trên (phần IV), mỗi kiến nghị một mục, bằng lời của cơ quan đầu mối."]
    out += _picked(
        repo,
        material,
        "proposals",
        "Kiến nghị các cơ quan, đơn vị nêu (kiến nghị gửi chính cơ quan đầu mối thì xử lý, không chép lên):",
    )
    out += ["proposals: []", ""]
    out += ["# Nhiệm vụ trọng tâm kỳ tới (phần V), soạn sẵn theo thời hạn của các nhiệm vụ: quá hạn trước."]
    out += ["next_tasks:" if text.next_tasks else "next_tasks: []"]
    out += [f"  - {quoted(item)}" for item in text.next_tasks]
    return "\n".join(out) + "\n"


def _picked(repo: Repository, material: ReportMaterial, attribute: str, heading: str) -> list[str]:
    found = []
    for task_id in repo.tasks:
        for item in material.ordered(task_id):
            found += _quoted(material, item, getattr(item.entry, attribute), 0)
    return [*_comments(heading), *found] if found else []
