"""What stands between a drafted report and one to sign: `dnnd report --check` lists it, and `dnnd report`
says it as warnings. The focal point never appears among the agencies that did not report in its own
report; its own missing update is told here instead."""

from __future__ import annotations

from dnnd.documents.contents import focal_point
from dnnd.evaluate.task_status import Evaluation
from dnnd.i18n import Text
from dnnd.plan.vietnamese import period_phrase
from dnnd.repository import Repository


def readiness(repo: Repository, evaluation: Evaluation) -> list[Text]:
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
    return found
