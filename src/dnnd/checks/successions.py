"""Checks of agencies that change: successions that hold together, and updates from agencies only while
they are in force (after their end, their successors report)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from dnnd.checks.problems import at
from dnnd.checks.registry import UpdateContext, UpdatePath, plan_check, update_check
from dnnd.i18n import Text
from dnnd.load.layout import AGENCIES_FILE, TASKS_FILE
from dnnd.plan.successions import Successions, find_cycle, successors_of
from dnnd.plan.vietnamese import dmy

if TYPE_CHECKING:
    from dnnd.errors import Problem
    from dnnd.load.plan_files import PlanFiles
    from dnnd.load.records import UpdateLike
    from dnnd.load.yamlio import YamlDocument
    from dnnd.plan.models import Agency, Task


def _names(agencies: Mapping[str, Agency], ids: Iterable[str]) -> str:
    return ", ".join(f"{agencies[agency_id].name} ({agency_id})" for agency_id in ids if agency_id in agencies)


@update_check(decisive=True)
def agency_in_force(context: UpdateContext, update: UpdateLike, doc: YamlDocument, path: UpdatePath) -> list[Problem]:
    """An agency reports only for periods in which it exists; after its end, its successors report instead.
    Decisive: the rest would only repeat that the file is not this agency's to send."""
    rel, folder, period = path
    agency, successions = context.agencies[folder], context.successions
    window, decision_date = context.window(period), context.plan.decision.date
    if window.end < decision_date:
        return [
            at(
                doc,
                rel,
                ("period",),
                "period",
                Text(
                    f"kỳ {update.period} kết thúc trước ngày ban hành kế hoạch ({dmy(decision_date)}): không có gì "
                    "để báo cáo",
                    f"period {update.period} ends before the plan was issued ({dmy(decision_date)}): nothing to report",
                ),
            )
        ]
    if agency.until is not None and window.start > agency.until:
        by_heir: dict[str, set[int]] = {}
        tasks: list[int | None] = [entry.task for entry in update.entries] or [None]
        for task in tasks:
            for heir_id in successions.resolve(agency.id, task, window.end):
                if heir_id != agency.id:
                    by_heir.setdefault(heir_id, set()).update([task] if task is not None else [])
        fallback = _names(successions.agencies, [s.agency for s in successors_of(agency)])

        def named(word: str, words: str) -> str:
            return (
                "; ".join(
                    (f"{word if len(held) == 1 else words} {', '.join(map(str, sorted(held)))}: " if held else "")
                    + _names(successions.agencies, [heir_id])
                    for heir_id, held in by_heir.items()
                )
                or fallback
            )

        return [
            at(
                doc,
                rel,
                ("agency",),
                "agency",
                Text(
                    f"'{agency.id}' ({agency.name}) thôi hoạt động từ sau ngày {dmy(agency.until)}, trước kỳ "
                    f"{update.period}: "
                    + (
                        f"cơ quan kế nhiệm báo cáo thay: {named('nhiệm vụ', 'nhiệm vụ')}"
                        if by_heir or fallback
                        else "không có cơ quan kế nhiệm"
                    ),
                    f"'{agency.id}' ({agency.name}) ended on {dmy(agency.until)}, before {update.period}: "
                    + (
                        f"its successor reports instead: {named('task', 'tasks')}"
                        if by_heir or fallback
                        else "it has no successor"
                    ),
                ),
            )
        ]
    if agency.since is not None and window.end < agency.since:
        return [
            at(
                doc,
                rel,
                ("agency",),
                "agency",
                Text(
                    f"'{agency.id}' ({agency.name}) chỉ hoạt động từ ngày {dmy(agency.since)}, sau kỳ {update.period}",
                    f"'{agency.id}' ({agency.name}) exists only from {dmy(agency.since)}, after {update.period}",
                ),
            )
        ]
    return []


def _split_coverage(
    agency: Agency,
    index: int,
    doc: YamlDocument,
    rel: str,
    tasks: Mapping[int, Task],
    graph: Successions,
    has_rest: bool,
) -> list[Problem]:
    """Every task the agency holds (named on it, or inherited) passes to a successor; none it does not hold."""
    held = {
        task.id
        for task in tasks.values()
        if any(holder in (*task.lead, *task.support) for holder in graph.lineage(agency.id, task.id))
    }
    listed = {task for succession in successors_of(agency) for task in succession.tasks or []}
    problems = []
    orphans = sorted(held - listed) if not has_rest else []
    strangers = sorted(task for task in listed - held if task in tasks)
    where = f"agencies[{index}].successor"
    if orphans:
        problems.append(
            at(
                doc,
                rel,
                ("agencies", index, "successor"),
                where,
                Text(
                    f"nhiệm vụ {', '.join(map(str, orphans))} của '{agency.id}' không giao cho cơ quan kế nhiệm nào: thêm vào "
                    "tasks của một cơ quan kế nhiệm, hoặc để một cơ quan kế nhiệm không ghi tasks (nhận phần còn lại)",
                    f"task(s) {', '.join(map(str, orphans))} of '{agency.id}' pass to no successor: list them under a "
                    "successor's tasks, or leave one successor without tasks (it takes the rest)",
                ),
            )
        )
    if strangers:
        problems.append(
            at(
                doc,
                rel,
                ("agencies", index, "successor"),
                where,
                Text(
                    f"'{agency.id}' không chủ trì hay phối hợp nhiệm vụ {', '.join(map(str, strangers))}: bỏ khỏi tasks",
                    f"'{agency.id}' neither leads nor supports task(s) {', '.join(map(str, strangers))}: remove them",
                ),
            )
        )
    return problems


@plan_check(AGENCIES_FILE, TASKS_FILE)
def successions_hold_together(files: PlanFiles) -> list[Problem]:
    """Successors exist and are in force when their predecessor ends; dates are ordered; no task given twice;
    no chain of successors comes back on itself."""
    agencies, doc = files.agencies_file()
    tasks = {task.id: task for task in files.tasks_file()[0].tasks}
    rel = AGENCIES_FILE
    known = {agency.id: agency for agency in agencies.agencies}
    graph = Successions(known)
    problems = []
    for index, agency in enumerate(agencies.agencies):
        where = f"agencies[{index}]"
        if agency.since is not None and agency.until is not None and agency.since > agency.until:
            problems.append(
                at(
                    doc,
                    rel,
                    ("agencies", index, "until"),
                    f"{where}.until",
                    Text(
                        f"until ({dmy(agency.until)}) phải sau since ({dmy(agency.since)})",
                        f"until ({dmy(agency.until)}) must come after since ({dmy(agency.since)})",
                    ),
                )
            )
        successions = successors_of(agency)
        if successions and agency.until is None:
            problems.append(
                at(
                    doc,
                    rel,
                    ("agencies", index, "successor"),
                    f"{where}.successor",
                    Text(
                        "có cơ quan kế nhiệm thì phải ghi until: ngày cuối cùng cơ quan này hoạt động",
                        "a successor needs until: the last day this agency was in force",
                    ),
                )
            )
        rest = [succession for succession in successions if succession.tasks is None]
        if len(rest) > 1:
            problems.append(
                at(
                    doc,
                    rel,
                    ("agencies", index, "successor"),
                    f"{where}.successor",
                    Text(
                        "chỉ một cơ quan kế nhiệm được bỏ trống tasks (nhận các nhiệm vụ còn lại)",
                        "only one successor may leave out tasks (it takes the rest)",
                    ),
                )
            )
        given: set[int] = set()
        for position, succession in enumerate(successions):
            loc: tuple[str | int, ...] = (
                ("agencies", index, "successor", position)
                if isinstance(agency.successor, list)
                else ("agencies", index, "successor")
            )
            heir = known.get(succession.agency)
            if heir is None:
                problems.append(
                    at(
                        doc,
                        rel,
                        loc,
                        f"{where}.successor",
                        Text(
                            f"không có cơ quan kế nhiệm mã '{succession.agency}' trong plan/agencies.yaml",
                            f"no successor agency with id '{succession.agency}' in plan/agencies.yaml",
                        ),
                    )
                )
            elif agency.until is not None and (
                (heir.since is not None and heir.since > agency.until + dt.timedelta(days=1))
                or (heir.until is not None and heir.until <= agency.until)
            ):
                problems.append(
                    at(
                        doc,
                        rel,
                        loc,
                        f"{where}.successor",
                        Text(
                            f"cơ quan kế nhiệm '{heir.id}' phải đang hoạt động ngày "
                            f"{dmy(agency.until + dt.timedelta(days=1))} (ngày sau until): sửa since/until của nó",
                            f"successor '{heir.id}' must be in force on {dmy(agency.until + dt.timedelta(days=1))} "
                            "(the day after until): fix its since/until",
                        ),
                    )
                )
            for task in succession.tasks or []:
                if task not in tasks or task in given:
                    problems.append(
                        at(
                            doc,
                            rel,
                            loc,
                            f"{where}.successor",
                            Text(
                                f"nhiệm vụ {task} "
                                + ("đã giao cho cơ quan kế nhiệm khác" if task in given else "không có"),
                                f"task {task} "
                                + ("is already given to another successor" if task in given else "does not exist"),
                            ),
                        )
                    )
                given.add(task)
        if successions:
            problems.extend(_split_coverage(agency, index, doc, rel, tasks, graph, rest != []))
    cycle = find_cycle(known)
    if cycle is not None:
        index = next(i for i, agency in enumerate(agencies.agencies) if agency.id == cycle[0])
        problems.append(
            at(
                doc,
                rel,
                ("agencies", index, "successor"),
                f"agencies[{index}].successor",
                Text(
                    f"chuỗi kế nhiệm quay vòng: {' → '.join(cycle)}",
                    f"the successors form a cycle: {' → '.join(cycle)}",
                ),
            )
        )
    return problems
