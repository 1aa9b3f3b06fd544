"""The content of the quarterly, half-year or yearly report (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
focal point's overview, the figures of the period's activities, each task's status and synthesis, the
overall assessment, limitations and their causes, proposals, the key tasks of the next period, and the
appendices (I: the tasks with their results; II: the figures, from `figures_content`; III: the agencies'
own texts, from `agency_texts`). The focal point's text comes from plan/reports/<period>.yaml; without it,
from the text a draft starts from (`report_text`), and the report is marked DỰ THẢO."""

from __future__ import annotations

from dnnd.checks.report_texts import report_text_rel
from dnnd.documents.agency_texts import texts_appendix
from dnnd.documents.contents import (
    Appendix,
    AppendixRow,
    Header,
    IssueOptions,
    Paragraph,
    ReportContext,
    focal_point,
    recipients,
    signer_block,
)
from dnnd.documents.figures_content import figures_appendix, figures_paragraphs
from dnnd.documents.funding_content import funding_part
from dnnd.documents.report_text import drafted_text, list_item, paragraphs, results_column
from dnnd.evaluate.figures import Stats, figures_of
from dnnd.evaluate.report_material import ReportMaterial
from dnnd.evaluate.task_status import Evaluation, TaskResult
from dnnd.plan.models import ReportText
from dnnd.plan.schedules import Yearly
from dnnd.plan.vietnamese import blank_date, dmy, period_phrase
from dnnd.plan.vocabulary import TASK_STATUS_LABELS, empty_counts
from dnnd.repository import Repository


def _status_text(result: TaskResult) -> str:
    text = TASK_STATUS_LABELS[result.status].vi
    details = []
    if result.occurrence is not None:
        details.append(f"lần thực hiện năm {result.occurrence}")
    if result.due is not None:
        details.append(f"hạn {dmy(result.due)}")
    if result.done_on is not None:
        details.append(f"hoàn thành ngày {dmy(result.done_on)}")
    return f"{text} ({'; '.join(details)})" if details else text


def _names(repo: Repository, ids: list[str]) -> str:
    return "; ".join(repo.agencies[agency_id].name for agency_id in ids)


class _Builder:
    """Assembles the report body section by section from one evaluation and the focal point's text."""

    def __init__(self, material: ReportMaterial, text: ReportText, where: str) -> None:
        self.repo, self.evaluation, self.text, self.material = material.repo, material.evaluation, text, material
        self.results = {result.task: result for result in self.evaluation.results}
        self.unwritten = f"[Chưa viết: cơ quan đầu mối viết phần này trong {where}]"
        self.body: list[Paragraph] = []
        self.funding: list[str] = []  # a yearly report's paragraphs on the year's funding (`funding_content`)

    def add(self, style: str, text: str) -> None:
        self.body.append(Paragraph(style, text))

    def add_text(self, text: str | None) -> None:
        """The focal point's paragraphs, or a mark that they are still to be written."""
        written = paragraphs(text)
        for paragraph in written or [self.unwritten]:
            self.add("body", paragraph)

    def add_items(self, items: list[str]) -> None:
        for item in items:
            self.add("body", list_item(item))
        if not items:
            self.add("body", self.unwritten)

    def results_section(self, stats: Stats) -> None:
        self.add("heading", "I. KẾT QUẢ THỰC HIỆN")
        self.add("body", "1. Tình hình chung")
        self.add_text(self.text.summary)
        self.add("body", "2. Hoạt động đối ngoại nhân dân trong kỳ")
        for paragraph in figures_paragraphs(stats, leading_zero=self.repo.plan.report.leading_zero_counts):
            self.add("body", paragraph)
        self.add("body", "(Chi tiết tại Phụ lục II kèm theo.)")
        self.add(
            "body",
            "3. Kết quả thực hiện các nhiệm vụ (chi tiết tại Phụ lục I; báo cáo của các cơ quan, đơn vị tại "
            "Phụ lục III kèm theo)",
        )
        for task in self.repo.tasks.values():
            self.add("task", f"Nhiệm vụ {task.id}: {task.title}")
            self.add("body", f"Tình trạng: {_status_text(self.results[task.id])}.")
            written = paragraphs(self.text.tasks.get(task.id))
            if not written and not self.material.entries[task.id]:
                written = ["Chưa có cơ quan nào báo cáo về nhiệm vụ này trong kỳ."]
            for paragraph in written:
                self.add("body", paragraph)

    def assessment_section(self) -> None:
        counts = empty_counts()
        for result in self.evaluation.results:
            counts[result.status] += 1
        done = counts["done_on_time"] + counts["done_late"] + counts["done"]
        self.add("heading", "II. ĐÁNH GIÁ CHUNG")
        self.add("body", f"1. Tình hình thực hiện: tổng số {len(self.evaluation.results)} nhiệm vụ, trong đó:")
        self.add(
            "body",
            f"- Đã hoàn thành: {done} nhiệm vụ (đúng hạn: {counts['done_on_time']}; quá hạn: "
            f"{counts['done_late']}; không có thời hạn: {counts['done']});",
        )
        self.add(
            "body",
            f"- Chưa hoàn thành: {counts['in_progress'] + counts['overdue']} nhiệm vụ (đang thực hiện "
            f"trong hạn: {counts['in_progress']}; quá hạn: {counts['overdue']});",
        )
        self.add("body", f"- Thực hiện thường xuyên: {counts['ongoing']} nhiệm vụ;")
        self.add("body", f"- Chờ điều kiện (chờ hướng dẫn của cấp trên): {counts['waiting']} nhiệm vụ.")
        self.add("body", "2. Tình hình báo cáo của các cơ quan, đơn vị:")
        focal = focal_point(self.repo, self.evaluation.as_of).id  # the signer does not list itself
        others = [item for item in self.evaluation.missing if item.agency != focal]
        if not others:
            self.add("body", "Các cơ quan, đơn vị đã báo cáo đầy đủ.")
        order = {agency_id: index for index, agency_id in enumerate(self.repo.agencies)}
        for quarter in self.evaluation.period.quarters():
            missing = sorted(
                (item for item in others if item.quarter == quarter),
                key=lambda item: order[item.agency],
            )
            if not missing:
                continue
            self.add("body", f"Các cơ quan, đơn vị chưa báo cáo {period_phrase(quarter)}:")
            for index, item in enumerate(missing, 1):
                numbers = ", ".join(str(number) for number in item.tasks)
                end = "." if index == len(missing) else ";"  # a list's items end with ';', its last with '.'
                self.add("body", f"- {self.repo.agencies[item.agency].name}: nhiệm vụ {numbers}{end}")
        self.add("body", "3. Kết quả nổi bật")
        self.add_text(self.text.assessment.achievements)
        if self.evaluation.period.kind == "year":
            number = 5 if self.yearly_results() else 4
            for index, paragraph in enumerate(self.funding):
                self.add("body", f"{number}. {paragraph}" if index == 0 else paragraph)

    def yearly_results(self) -> bool:
        """The yearly tasks' status in the year; whether there are any."""
        yearly = [task for task in self.repo.tasks.values() if isinstance(self.repo.schedules[task.id], Yearly)]
        if not yearly:
            return False
        self.add("body", f"4. Các nhiệm vụ thực hiện hằng năm, năm {self.evaluation.period.year}:")
        for task in yearly:
            self.add("body", f"- Nhiệm vụ {task.id}: {_status_text(self.results[task.id])};")
        return True

    def closing_sections(self) -> None:
        self.add("heading", "III. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN")
        self.add("body", "1. Hạn chế, khó khăn, vướng mắc")
        self.add_text(self.text.assessment.limitations)
        self.add("body", "2. Nguyên nhân")
        self.add_text(self.text.assessment.causes)
        self.add("heading", "IV. KIẾN NGHỊ, ĐỀ XUẤT")
        self.add_items(self.text.proposals)
        self.add("heading", "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")
        self.add_items(self.text.next_tasks)


def report_context(repo: Repository, evaluation: Evaluation, options: IssueOptions) -> ReportContext:
    """The content of the report on `evaluation`'s period: from the focal point's text for it when there is
    one, else from the text a draft starts from, marked DỰ THẢO."""
    settings = repo.plan.report
    code = f"BC-{settings.abbreviation}"
    header = Header.issued(settings, options, code)
    year = options.day.year
    focal = focal_point(repo, evaluation.as_of)
    written = repo.report_texts.get(evaluation.period.name)
    where = report_text_rel(evaluation.period.name)
    material = ReportMaterial(repo, evaluation)
    text = written or drafted_text(repo, evaluation, material)
    builder = _Builder(material, text, where)
    issued = dmy(options.date) if options.date else blank_date(year)
    reference = f"(Kèm theo Báo cáo số {header.number}/{code} ngày {issued} của {focal.name})"
    funding = None
    if evaluation.period.kind == "year":
        builder.funding, funding = funding_part(repo, evaluation.period.year, options.today, reference)
    stats = figures_of(repo, evaluation.period, evaluation.as_of)
    builder.results_section(stats)
    builder.assessment_section()
    builder.closing_sections()
    builder.add("body", f"{focal.name} báo cáo {settings.addressee} xem xét, chỉ đạo./.")
    phrase = period_phrase(evaluation.period)
    roles = material.roles
    rows = [
        AppendixRow(
            str(task.id),
            task.title,
            _names(repo, roles[task.id][0]),
            _names(repo, roles[task.id][1]),
            task.timing,
            _status_text(builder.results[task.id]),
            results_column(repo, material, written, task.id),
        )
        for task in repo.tasks.values()
    ]
    return ReportContext(
        header=header,
        summary_title=f"Kết quả thực hiện {repo.plan.title} {phrase}",
        addressee=settings.addressee,
        body=builder.body,
        recipients=recipients(settings.recipients, settings.drafting_unit),
        signer=signer_block(settings.signer),
        appendix=Appendix(
            title=f"TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ {phrase.upper()}",
            reference=reference,
            rows=rows,
        ),
        figures=figures_appendix(repo, stats, reference, leading_zero=settings.leading_zero_counts),
        texts=texts_appendix(repo, material, reference),
        draft=written is None,
        funding=funding,
    )
