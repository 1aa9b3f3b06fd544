"""The content of the reminder letter (công văn đôn đốc) to the agencies that have not reported."""

from __future__ import annotations

import datetime as dt

from dnnd.documents.contents import (
    Header,
    IssueOptions,
    Paragraph,
    ReminderContext,
    focal_point,
    recipients,
    signer_block,
)
from dnnd.evaluate.task_status import Evaluation
from dnnd.plan.vietnamese import dmy, document_number, period_phrase, place_date
from dnnd.repository import Repository


def reminder_context(
    repo: Repository, evaluation: Evaluation, options: IssueOptions, deadline: dt.date
) -> ReminderContext:
    """The letter urging (đôn đốc) each agency with missing entries, the sender excluded."""
    settings = repo.plan.report
    unit = f"-{settings.drafting_unit}" if settings.drafting_unit else ""
    year = options.date.year if options.date else options.today.year
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
    body.append(
        Paragraph(
            "body",
            f"{focal.name} đề nghị các cơ quan, đơn vị khẩn trương gửi báo cáo về "
            f"{focal.name} trước ngày {dmy(deadline)} để tổng hợp, báo cáo "
            f"{settings.addressee}./.",
        )
    )
    return ReminderContext(
        header=Header(
            settings.parent_agency.upper(),
            settings.issuing_agency.upper(),
            document_number(options.number),
            f"{settings.abbreviation}{unit}",
            place_date(settings.place, options.date, year),
        ),
        subject=f"đôn đốc báo cáo kết quả thực hiện Kế hoạch {phrase}",
        addressees=addressees,
        body=body,
        recipients=recipients([], settings.drafting_unit),
        signer=signer_block(settings.signer),
        agencies=list(missing),
    )
