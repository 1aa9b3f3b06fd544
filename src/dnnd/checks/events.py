"""Checks of plan/events.yaml against the agencies: each event has an id of its own and a known issuer."""

from __future__ import annotations

from dnnd.checks.problems import at, duplicate_ids, unknown_agency
from dnnd.checks.registry import plan_check
from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.layout import AGENCIES_FILE, EVENTS_FILE
from dnnd.load.plan_files import PlanFiles


@plan_check(EVENTS_FILE, AGENCIES_FILE)
def events_are_known(files: PlanFiles) -> list[Problem]:
    events, doc = files.events_file()
    agencies = files.agencies
    rel = EVENTS_FILE
    problems = duplicate_ids(
        [event.id for event in events.events],
        doc,
        rel,
        "events",
        lambda value, first: Text(
            f"mã sự kiện '{value}' đã dùng (dòng {first}); mỗi sự kiện cần một mã riêng",
            f"event id '{value}' is already used (line {first}); each event needs its own id",
        ),
    )
    for index, event in enumerate(events.events):
        if event.issuer not in agencies:
            problems.append(
                at(
                    doc,
                    rel,
                    ("events", index, "issuer"),
                    f"events[{index}].issuer",
                    unknown_agency(event.issuer, agencies),
                )
            )
    return problems
