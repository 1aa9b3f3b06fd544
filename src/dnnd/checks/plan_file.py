"""Checks of plan/plan.yaml against the agencies: the focal point reports, the duties name known agencies."""

from __future__ import annotations

from dnnd.checks.problems import at
from dnnd.checks.registry import plan_check
from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.layout import AGENCIES_FILE, PLAN_FILE
from dnnd.load.plan_files import PlanFiles


@plan_check(PLAN_FILE, AGENCIES_FILE)
def plan_names_known_agencies(files: PlanFiles) -> list[Problem]:
    plan, doc = files.plan()
    agencies = files.agencies
    rel = PLAN_FILE
    problems = []
    focal = agencies.get(plan.focal_point)
    if focal is None or not focal.reports:
        problems.append(
            at(
                doc,
                rel,
                ("focal_point",),
                "focal_point",
                Text(
                    f"cơ quan đầu mối '{plan.focal_point}' phải là một cơ quan có báo cáo trong plan/agencies.yaml",
                    f"focal point '{plan.focal_point}' must be a reporting agency in plan/agencies.yaml",
                ),
            )
        )
    for index, duty in enumerate(plan.duties):
        for position, agency_id in enumerate(duty.agencies):
            if agency_id not in agencies:
                problems.append(
                    at(
                        doc,
                        rel,
                        ("duties", index, "agencies", position),
                        f"duties[{index}].agencies[{position}]",
                        Text(
                            f"không có cơ quan mã '{agency_id}' trong plan/agencies.yaml",
                            f"no agency with id '{agency_id}' in plan/agencies.yaml",
                        ),
                    )
                )
    return problems
