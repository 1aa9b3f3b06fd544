"""The content of the quarterly, half-year or yearly report (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
figures of the period's activities, results per task with each agency's text, the overall assessment,
difficulties, proposals, the key tasks of the next period, and the appendices (I: the tasks; II: the
figures, from `figures_content`)."""

from __future__ import annotations

import datetime as dt

from dnnd.documents.contents import (
    Appendix,
    AppendixRow,
    Header,
    IssueOptions,
    Paragraph,
    ReportContext,
    focal_point,
    lines,
    recipients,
    signer_block,
)
from dnnd.documents.figures_content import figures_appendix, figures_paragraphs
from dnnd.evaluate.figures import Stats, figures_of
from dnnd.evaluate.task_status import Evaluation, TaskResult
from dnnd.evaluate.task_views import entries_by_task, roles_at
from dnnd.load.summary import ReportedEntry
from dnnd.plan.periods import Period
from dnnd.plan.schedules import AfterEvents, Yearly
from dnnd.plan.vietnamese import blank_date, dmy, document_number, period_phrase, place_date
from dnnd.plan.vocabulary import DONE_CODES, TASK_STATUS_LABELS, empty_counts
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
    """Assembles the report body section by section from one evaluation."""

    def __init__(self, repo: Repository, evaluation: Evaluation) -> None:
        self.repo = repo
        self.evaluation = evaluation
        self.results = {result.task: result for result in evaluation.results}
        self.roles = roles_at(repo, evaluation.as_of)
        quarters = {quarter.name for quarter in evaluation.period.quarters()}
        self.entries = {
            task_id: [item for item in items if item.period in quarters]
            for task_id, items in entries_by_task(repo).items()
        }
        self.body: list[Paragraph] = []

    def add(self, style: str, text: str) -> None:
        self.body.append(Paragraph(style, text))

    def add_lines(self, text: str | None) -> None:
        for line in lines(text):
            self.add("body", line)

    def _role(self, task_id: int, agency_id: str) -> str:
        lead = (*self.roles[task_id][0], *self.repo.tasks[task_id].lead)
        return "chủ trì" if agency_id in lead else "phối hợp"

    def _ordered(self, task_id: int) -> list[ReportedEntry]:
        task = self.repo.tasks[task_id]
        lead, support = self.roles[task_id]
        order = {
            agency_id: index
            for index, agency_id in enumerate(dict.fromkeys((*lead, *task.lead, *support, *task.support)))
        }
        return sorted(self.entries[task_id], key=lambda item: (order.get(item.agency, 99), item.period))

    def results_section(self, stats: Stats) -> None:
        self.add("heading", "I. KẾT QUẢ THỰC HIỆN")
        self.add("body", "1. Hoạt động đối ngoại nhân dân trong kỳ")
        for paragraph in figures_paragraphs(stats, leading_zero=self.repo.plan.report.leading_zero_counts):
            self.add("body", paragraph)
        self.add("body", "(Chi tiết tại Phụ lục II kèm theo.)")
        self.add("body", "2. Kết quả thực hiện các nhiệm vụ (chi tiết tại Phụ lục I kèm theo)")
        several = self.evaluation.period.kind != "quarter"
        for task in self.repo.tasks.values():
            self.add("task", f"Nhiệm vụ {task.id}: {task.title}")
            self.add("body", f"Tình trạng: {_status_text(self.results[task.id])}.")
            reported = self._ordered(task.id)
            if not reported:
                self.add("body", "Chưa có cơ quan nào báo cáo về nhiệm vụ này trong kỳ.")
            for item in reported:
                agency = self.repo.agencies[item.agency]
                when = f", {period_phrase(_quarter(item.period))}" if several else ""
                self.add("agency", f"{agency.name} ({self._role(task.id, item.agency)}{when}):")
                self.add_lines(item.entry.summary)
                for document in item.entry.documents:
                    # a multi-line title continues in paragraphs of its own, never in docxtpl's line breaks
                    first, *rest = lines(document.title)
                    number = " ".join(lines(document.number))
                    self.add("body", f"Văn bản số {number} ngày {dmy(document.date)}: {first}")
                    for line in rest:
                        self.add("body", line)

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
            for item in missing:
                numbers = ", ".join(str(number) for number in item.tasks)
                self.add("body", f"- {self.repo.agencies[item.agency].name}: nhiệm vụ {numbers};")
        if self.evaluation.period.kind == "year":
            self.yearly_results()

    def yearly_results(self) -> None:
        yearly = [task for task in self.repo.tasks.values() if isinstance(self.repo.schedules[task.id], Yearly)]
        if not yearly:
            return
        self.add("body", f"3. Các nhiệm vụ thực hiện hằng năm, năm {self.evaluation.period.year}:")
        for task in yearly:
            self.add("body", f"- Nhiệm vụ {task.id}: {_status_text(self.results[task.id])};")

    def free_text_section(self, heading: str, attribute: str, nothing: str) -> None:
        self.add("heading", heading)
        found = False
        for agency_id, agency in self.repo.agencies.items():
            for task in self.repo.tasks.values():
                for item in self.entries[task.id]:
                    text = getattr(item.entry, attribute)
                    if item.agency != agency_id or not lines(text):
                        continue
                    found = True
                    self.add("agency", f"{agency.name} (nhiệm vụ {task.id}, {period_phrase(_quarter(item.period))}):")
                    self.add_lines(text)
        if not found:
            self.add("body", nothing)

    def next_section(self, convention_next_end: dt.date) -> None:
        self.add("heading", "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")
        window = self.evaluation.window
        chosen = []
        for task in self.repo.tasks.values():
            result = self.results[task.id]
            schedule = self.repo.schedules[task.id]
            if result.status == "ongoing":
                chosen.append((task.id, "thực hiện thường xuyên"))
            elif result.status not in DONE_CODES and result.due is not None and result.due <= convention_next_end:
                label = "quá hạn" if result.status == "overdue" else "hạn"
                chosen.append((task.id, f"{label} {dmy(result.due)}"))
            elif isinstance(schedule, Yearly) and result.occurrence is not None and result.status in DONE_CODES:
                following = schedule.due(result.occurrence + 1)
                if following <= convention_next_end:
                    chosen.append((task.id, f"hạn {dmy(following)}"))
            elif isinstance(schedule, AfterEvents) and any(
                (event := self.repo.events[event_id]).occurred_on is not None and event.occurred_on in window
                for event_id in schedule.events
            ):
                chosen.append((task.id, "đã có hướng dẫn trong kỳ"))
        if not chosen:
            self.add("body", "Không có nhiệm vụ đến hạn trong kỳ tới.")
        for task_id, note in chosen:
            self.add("body", f"- Nhiệm vụ {task_id}: {self.repo.tasks[task_id].title} ({note}).")


def _quarter(name: str) -> Period:
    year, number = name.split("-Q")
    return Period(int(year), int(number), int(number))


def report_context(repo: Repository, evaluation: Evaluation, options: IssueOptions) -> ReportContext:
    """The content of the report on `evaluation`'s period."""
    settings = repo.plan.report
    code = f"BC-{settings.abbreviation}"
    number = document_number(options.number)
    year = options.date.year if options.date else options.today.year
    focal = focal_point(repo, evaluation.as_of)
    builder = _Builder(repo, evaluation)
    stats = figures_of(repo, evaluation.period, evaluation.as_of)
    builder.results_section(stats)
    builder.assessment_section()
    builder.free_text_section(
        "III. KHÓ KHĂN, VƯỚNG MẮC", "difficulties", "Các cơ quan, đơn vị không nêu khó khăn, vướng mắc."
    )
    builder.free_text_section("IV. KIẾN NGHỊ, ĐỀ XUẤT", "proposals", "Các cơ quan, đơn vị không có kiến nghị, đề xuất.")
    next_end = evaluation.period.next().window(repo.plan.reporting.windows).end
    builder.next_section(next_end)
    builder.add("body", f"{focal.name} báo cáo {settings.addressee} xem xét, chỉ đạo./.")
    phrase = period_phrase(evaluation.period)
    issued = dmy(options.date) if options.date else blank_date(year)
    reference = f"(Kèm theo Báo cáo số {number}/{code} ngày {issued} của {focal.name})"
    rows = [
        AppendixRow(
            str(task.id),
            task.title,
            _names(repo, builder.roles[task.id][0]),
            _names(repo, builder.roles[task.id][1]),
            task.timing,
            _status_text(builder.results[task.id]),
        )
        for task in repo.tasks.values()
    ]
    return ReportContext(
        header=Header(
            settings.parent_agency.upper(),
            settings.issuing_agency.upper(),
            number,
            code,
            place_date(settings.place, options.date, year),
        ),
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
    )
