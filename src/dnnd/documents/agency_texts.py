"""Phụ lục III of the report: each agency's own text for the period (results per task, the documents it
issued, its difficulties and proposals), agency by agency in the plan's order, so that the body can carry
the focal point's synthesis and nothing an agency reported is lost."""

from __future__ import annotations

from dnnd.documents.contents import Paragraph, TextsAppendix, lines
from dnnd.evaluate.report_material import ReportMaterial
from dnnd.load.summary import ReportedEntry
from dnnd.plan.periods import parse_period
from dnnd.plan.vietnamese import dmy, period_phrase
from dnnd.repository import Repository


def _entry(material: ReportMaterial, item: ReportedEntry, several: bool) -> list[Paragraph]:
    role = "chủ trì" if material.is_lead(item.entry.task, item.agency) else "phối hợp"
    quarter = parse_period(item.period, "quarter")
    when = f", {period_phrase(quarter)}" if several and quarter is not None else ""
    title = material.repo.tasks[item.entry.task].title
    found = [Paragraph("agency", f"Nhiệm vụ {item.entry.task} ({role}{when}): {title}")]
    found += [Paragraph("body", line) for line in lines(item.entry.summary)]
    for document in item.entry.documents:
        # a multi-line title continues in paragraphs of its own, never in docxtpl's line breaks
        first, *rest = lines(document.title) or [""]
        number = " ".join(lines(document.number))
        found.append(Paragraph("body", f"Văn bản số {number} ngày {dmy(document.date)}: {first}"))
        found += [Paragraph("body", line) for line in rest]
    for label, text in (("Khó khăn, vướng mắc", item.entry.difficulties), ("Kiến nghị, đề xuất", item.entry.proposals)):
        written = lines(text)
        if written:
            found.append(Paragraph("body", f"{label}:"))
            found += [Paragraph("body", line) for line in written]
    return found


def texts_appendix(repo: Repository, material: ReportMaterial, reference: str) -> TextsAppendix:
    """Every entry of the period, grouped by agency (the plan's order), then by task and quarter."""
    by_agency: dict[str, list[ReportedEntry]] = {agency_id: [] for agency_id in repo.agencies}
    for task_id in repo.tasks:
        for item in sorted(material.entries[task_id], key=lambda found: found.period):
            by_agency.setdefault(item.agency, []).append(item)
    several = material.evaluation.period.kind != "quarter"
    body: list[Paragraph] = []
    number = 0
    for agency_id, items in by_agency.items():
        if not items:
            continue
        number += 1
        body.append(Paragraph("heading", f"{number}. {repo.agencies[agency_id].name}"))
        for item in items:
            body += _entry(material, item, several)
    if not body:
        body.append(Paragraph("body", "Chưa có cơ quan, đơn vị nào gửi báo cáo trong kỳ."))
    phrase = period_phrase(material.evaluation.period)
    return TextsAppendix(f"BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ {phrase.upper()}", reference, body)
