"""The content of the reminder letter (công văn đôn đốc) to the agencies that have not reported."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from dnnd.documents.contents import (
    Header,
    IssueOptions,
    Paragraph,
    ReminderContext,
    focal_point,
    recipients,
    signer_block,
)
from dnnd.evaluate.forge_links import form_command, missing_links
from dnnd.evaluate.task_status import Evaluation
from dnnd.plan.forge import new_file_url
from dnnd.plan.vietnamese import dmy, period_phrase
from dnnd.repository import Repository


def reminder_context(
    repo: Repository, evaluation: Evaluation, options: IssueOptions, deadline: dt.date
) -> ReminderContext:
    """The letter urging (đôn đốc) each agency with missing entries, the sender excluded."""
    settings = repo.plan.report
    unit = f"-{settings.drafting_unit}" if settings.drafting_unit else ""
    focal = focal_point(repo, evaluation.as_of)
    order = {agency_id: index for index, agency_id in enumerate(repo.agencies)}
    missing: dict[str, dict[int, None]] = {}
    for item in sorted(evaluation.missing, key=lambda item: (order[item.agency], item.quarter)):
        if item.agency != focal.id:
            missing.setdefault(item.agency, {}).update(dict.fromkeys(item.tasks))
    names = [repo.agencies[agency_id].name for agency_id in missing]
    addressees = [f"- {name};" for name in names[:-1]] + ([f"- {names[-1]}."] if names else [])
    phrase = period_phrase(evaluation.period)
    decision = repo.plan.decision
    body = [
        Paragraph(
            "body",
            f"Thực hiện Quyết định số {decision.number} ngày {dmy(decision.date)} của "
            f"{decision.issuer} ban hành {repo.plan.title}, đến nay các cơ quan, đơn vị sau chưa "
            f"gửi báo cáo kết quả thực hiện các nhiệm vụ {phrase}:",
        )
    ]
    for agency_id, tasks in missing.items():
        body.append(Paragraph("agency", f"{repo.agencies[agency_id].name}:"))
        body.extend(Paragraph("body", f"- Nhiệm vụ {number}: {repo.tasks[number].title}") for number in tasks)
    links, forms = _links(repo, evaluation, focal.id)
    body += links
    body.append(
        Paragraph(
            "body",
            f"{focal.name} đề nghị các cơ quan, đơn vị khẩn trương gửi báo cáo về "
            f"{focal.name} trước ngày {dmy(deadline)} để tổng hợp, báo cáo "
            f"{settings.addressee}./.",
        )
    )
    return ReminderContext(
        header=Header.issued(settings, options, f"{settings.abbreviation}{unit}"),
        subject=f"đôn đốc báo cáo kết quả thực hiện Kế hoạch {phrase}",
        addressees=addressees,
        body=body,
        recipients=recipients([], settings.drafting_unit),
        signer=signer_block(settings.signer),
        agencies=list(missing),
        forms=forms,
    )


def _links(repo: Repository, evaluation: Evaluation, focal_id: str) -> tuple[list[Paragraph], list[str]]:
    """With `forge:` in plan.yaml, how each agency missing can report without git: the Excel form attached to
    the letter, or the forge's page that creates its file, given by its short address (the file's name set, no
    text: a printed letter cannot carry a link of thousands of characters; `dnnd links` gives the pre-filled
    ones to send by mail); and the commands that write the forms the letter says are attached."""
    forge = repo.plan.forge
    found = missing_links(repo, forge, evaluation, leave_out=focal_id) if forge is not None else []
    links = [link for link in found if link.instead != "locked"]
    if forge is None or not links:
        return [], []
    intro = (
        "Để thuận tiện, cơ quan, đơn vị chưa có tệp báo cáo điền biểu mẫu Excel gửi kèm Công văn này rồi gửi lại, "
        f"hoặc lập báo cáo ngay trên trình duyệt tại trang của kho kế hoạch trên {urlsplit(forge.url).hostname} "
        "(tên tệp đã đặt sẵn) rồi gửi đề nghị thay đổi (pull request):"
    )
    paragraphs, forms = [Paragraph("body", intro)], []
    for link in links:
        name = f"{repo.agencies[link.agency].name} ({period_phrase(link.quarter)})"
        if link.instead == "file":
            paragraphs.append(Paragraph("body", f"- {name}: bổ sung các nhiệm vụ còn thiếu vào tệp {link.path} đã có."))
            continue
        forms.append(form_command(link.agency, link.quarter))
        short = new_file_url(forge, link.path, None)  # named, not filled: short enough to print
        paragraphs.append(Paragraph("body", f"- {name}: biểu mẫu Excel gửi kèm, hoặc {short}"))
    return paragraphs, forms
