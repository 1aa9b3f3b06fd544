"""Checks of plan/agencies.yaml on its own: each agency has an id of its own."""

from __future__ import annotations

from dnnd.checks.problems import duplicate_ids
from dnnd.checks.registry import plan_check
from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.layout import AGENCIES_FILE
from dnnd.load.plan_files import PlanFiles


@plan_check(AGENCIES_FILE)
def agency_ids_are_unique(files: PlanFiles) -> list[Problem]:
    agencies, doc = files.agencies_file()
    return duplicate_ids(
        [agency.id for agency in agencies.agencies],
        doc,
        AGENCIES_FILE,
        "agencies",
        lambda value, first: Text(
            f"mã '{value}' đã dùng cho cơ quan khác (dòng {first}); mỗi cơ quan cần một mã riêng",
            f"id '{value}' is already used (line {first}); each agency needs its own id",
        ),
    )
