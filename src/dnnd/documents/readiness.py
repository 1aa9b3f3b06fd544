"""What stands between a drafted report and one to sign: `dnnd report --check` lists it, and `dnnd report`
says it as warnings. The focal point never appears among the agencies that did not report in its own
report; its own missing update is told here instead."""

from __future__ import annotations

from dnnd.checks.report_texts import report_text_rel
from dnnd.documents.contents import IssueOptions, focal_point
from dnnd.documents.report_text import paragraphs
from dnnd.evaluate.task_status import Evaluation
from dnnd.i18n import Text
from dnnd.plan.periods import parse_period, period_option
from dnnd.plan.vietnamese import period_phrase
from dnnd.repository import Repository


def _text_items(repo: Repository, evaluation: Evaluation) -> list[Text]:
    """The focal point's own text of the report: there, valid, and with no section left empty."""
    name = evaluation.period.name
    rel = report_text_rel(name)
    if any(problem.path == rel for problem in repo.update_problems):
        return [
            Text(
                f"{rel} có lỗi nên báo cáo chưa dùng được (đang là DỰ THẢO): chạy `dnnd validate` để xem và sửa",
                f"{rel} has errors, so the report cannot use it (it is a DRAFT): run `dnnd validate` to see and fix them",
            )
        ]
    text = repo.report_texts.get(name)
    if text is None:
        return [
            Text(
                f"chưa có phần báo cáo do cơ quan đầu mối viết ({rel}), nên báo cáo là DỰ THẢO: soạn bằng `dnnd draft "
                f"{period_option(evaluation.period)}`, sửa rồi commit",
                f"the focal point's own text ({rel}) is not written, so the report is a DRAFT: write it with `dnnd draft "
                f"{period_option(evaluation.period)}`, edit it and commit it",
            )
        ]
    sections = (
        ("summary", "tình hình chung", "overview", text.summary),
        ("assessment.achievements", "kết quả nổi bật", "achievements", text.assessment.achievements),
        ("assessment.limitations", "hạn chế", "limitations", text.assessment.limitations),
        ("assessment.causes", "nguyên nhân", "causes", text.assessment.causes),
        ("proposals", "kiến nghị", "proposals", "\n".join(text.proposals)),
        ("next_tasks", "nhiệm vụ kỳ tới", "next period's tasks", "\n".join(text.next_tasks)),
    )
    empty = [(key, vi, en) for key, vi, en, value in sections if not paragraphs(value)]
    tasks = [str(task_id) for task_id in repo.tasks if not paragraphs(text.tasks.get(task_id))]
    found = []
    if empty:
        found.append(
            Text(
                f"{rel}: còn để trống {', '.join(f'{key} ({vi})' for key, vi, _ in empty)}",
                f"{rel}: still empty: {', '.join(f'{key} ({en})' for key, _, en in empty)}",
            )
        )
    if tasks:
        found.append(
            Text(
                f"{rel}: chưa có kết quả tổng hợp của nhiệm vụ {', '.join(tasks)} (tasks)",
                f"{rel}: no synthesis yet for task(s) {', '.join(tasks)} (tasks)",
            )
        )
    return found


def _number_items(repo: Repository, evaluation: Evaluation, options: IssueOptions) -> list[Text]:
    """A number given to the report that an issued report of the same year carries already (plan/locks.yaml)."""
    if options.number is None:
        return []
    year = (options.date or options.today).year
    for lock in repo.locks.locks:
        period = parse_period(lock.period)
        # numbers run by calendar year: the year the report was issued, else the year its data window ended
        issued = lock.issued_on or (period.window(repo.plan.reporting.windows).end if period else lock.locked_on)
        if lock.number == options.number and lock.period != evaluation.period.name and issued.year == year:
            return [
                Text(
                    f"số {options.number} năm {year} đã dùng cho báo cáo kỳ {lock.period} (plan/locks.yaml): lấy số "
                    "mới ở văn thư",
                    f"number {options.number} of {year} was given to the report on {lock.period} already "
                    "(plan/locks.yaml): ask the clerk for a new one",
                )
            ]
    return []


def readiness(repo: Repository, evaluation: Evaluation, options: IssueOptions) -> list[Text]:
    """Each thing to do before the report can be signed, in the order a focal-point officer would do them."""
    found = []
    focal = focal_point(repo, evaluation.as_of)
    for item in evaluation.missing:
        if item.agency != focal.id:
            continue
        tasks = ", ".join(str(task) for task in item.tasks)
        phrase = period_phrase(item.quarter)
        command = f"dnnd new-update --agency {focal.id} --quarter {item.quarter.name}"
        found.append(
            Text(
                f"{focal.name} (cơ quan đầu mối) chưa có báo cáo {phrase} của chính mình (nhiệm vụ {tasks}): tạo "
                f"bằng `{command}`, điền rồi commit",
                f"{focal.name} (the focal point) has no update of its own for {item.quarter.name} (tasks {tasks}): "
                f"write it with `{command}`, fill it in and commit it",
            )
        )
    missing = {item.agency for item in evaluation.missing if item.agency != focal.id}
    others = [agency for agency in repo.agencies if agency in missing]  # in the plan's order
    if others:
        names = ", ".join(repo.agencies[agency].short_name for agency in others)
        found.append(
            Text(
                f"{len(others)} cơ quan, đơn vị chưa báo cáo đủ ({names}): `dnnd remind` soạn công văn đôn đốc",
                f"{len(others)} agencies have not fully reported ({names}): `dnnd remind` drafts the reminder",
            )
        )
    signer = repo.plan.report.signer
    if signer is None or not signer.name:
        found.append(
            Text(
                "chưa có họ tên người ký: ghi report.signer.name trong plan/plan.yaml",
                "the signer's name is blank: set report.signer.name in plan/plan.yaml",
            )
        )
    return [*found, *_text_items(repo, evaluation), *_number_items(repo, evaluation, options)]
