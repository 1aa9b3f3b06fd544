"""Checks of plan/tasks.yaml against the agencies: each task has a number of its own, and names known
agencies, each once."""

from __future__ import annotations

from dnnd.checks.problems import at, duplicate_ids, unknown_agency
from dnnd.checks.registry import plan_check
from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.layout import AGENCIES_FILE, TASKS_FILE
from dnnd.load.plan_files import PlanFiles


@plan_check(TASKS_FILE, AGENCIES_FILE)
def tasks_name_known_agencies(files: PlanFiles) -> list[Problem]:
    tasks, doc = files.tasks_file()
    agencies = files.agencies
    rel = TASKS_FILE
    problems = duplicate_ids(
        [task.id for task in tasks.tasks],
        doc,
        rel,
        "tasks",
        lambda value, first: Text(
            f"nhiệm vụ số {value} đã có (dòng {first}); mỗi nhiệm vụ cần một số thứ tự riêng",
            f"task {value} already exists (line {first}); each task needs its own number",
        ),
    )
    for index, task in enumerate(tasks.tasks):
        named: set[str] = set()
        for role in ("lead", "support"):
            for position, agency_id in enumerate(getattr(task, role)):
                loc = ("tasks", index, role, position)
                where = f"tasks[{index}].{role}[{position}]"
                if agency_id not in agencies:
                    problems.append(at(doc, rel, loc, where, unknown_agency(agency_id, agencies)))
                elif agency_id in named:
                    problems.append(
                        at(
                            doc,
                            rel,
                            loc,
                            where,
                            Text(
                                f"cơ quan '{agency_id}' được ghi hai lần trong nhiệm vụ {task.id}: chỉ ghi một lần",
                                f"agency '{agency_id}' is named twice in task {task.id}: name it once",
                            ),
                        )
                    )
                named.add(agency_id)
    return problems
