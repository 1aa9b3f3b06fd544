"""Checks of the activities an update file reports: of a quarter already reached (a late report is allowed,
unless its quarter is locked), on tasks of the plan, and each document number once per kind in a file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dnnd.checks.problems import at, numbers
from dnnd.checks.registry import UpdateContext, UpdatePath, update_check
from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.activities import ref_key
from dnnd.load.records import UpdateLike
from dnnd.load.yamlio import YamlDocument
from dnnd.plan.periods import quarter_containing
from dnnd.plan.vietnamese import dmy


@update_check()
def activities_in_time(
    context: UpdateContext, update: UpdateLike, doc: YamlDocument, path: UpdatePath
) -> list[Problem]:
    """An activity starts no later than the end of its file's window; one of an earlier quarter (reported
    late) must not belong to a locked period, whose figures were issued."""
    if not update.activities:
        return []
    rel, _, period = path
    window = context.window(period)
    convention = context.plan.reporting.windows
    problems = []
    for index, activity in enumerate(update.activities):
        where = f"activities[{index}].start"
        if activity.start > window.end:
            problems.append(
                at(
                    doc,
                    rel,
                    ("activities", index, "start"),
                    where,
                    Text(
                        f"hoạt động bắt đầu ngày {dmy(activity.start)}, sau ngày chốt số liệu của kỳ {period} "
                        f"({dmy(window.end)}): báo cáo nó trong tệp của kỳ sau",
                        f"the activity starts on {activity.start.isoformat()}, after {period}'s data window ends "
                        f"({window.end.isoformat()}): report it in the file of a later quarter",
                    ),
                )
            )
        elif activity.start < window.start:
            quarter = quarter_containing(activity.start, convention).name
            if quarter in context.locked:
                locked, locked_on = context.locked[quarter]
                problems.append(
                    at(
                        doc,
                        rel,
                        ("activities", index, "start"),
                        where,
                        Text(
                            f"hoạt động bắt đầu ngày {dmy(activity.start)} thuộc kỳ {quarter}, nằm trong kỳ {locked} "
                            f"đã khóa ngày {dmy(locked_on)} (báo cáo đã ban hành): không được báo cáo bổ sung; nếu "
                            "thật cần, cơ quan đầu mối mở khóa bằng `dnnd unlock`",
                            f"the activity starting on {activity.start.isoformat()} belongs to {quarter}, part of "
                            f"{locked}, locked on {locked_on.isoformat()} (its report was issued): it cannot be added "
                            "late; if really needed, the focal point unlocks it with `dnnd unlock`",
                        ),
                    )
                )
    return problems


@update_check()
def activities_refer_to_plan(
    context: UpdateContext, update: UpdateLike, doc: YamlDocument, path: UpdatePath
) -> list[Problem]:
    """Each task an activity served is a task of the plan; a kind and document number appear once in a file
    (two activities with one number would be counted as one)."""
    rel = path.rel
    tasks = context.tasks
    problems = []
    first: dict[tuple[str, str], int] = {}
    for index, activity in enumerate(update.activities):
        for position, task in enumerate(activity.tasks):
            if task not in tasks:
                problems.append(
                    at(
                        doc,
                        rel,
                        ("activities", index, "tasks", position),
                        f"activities[{index}].tasks[{position}]",
                        Text(
                            f"không có nhiệm vụ số {task}; kế hoạch có các nhiệm vụ {numbers(tasks)}",
                            f"there is no task {task}; the plan has tasks {numbers(tasks)}",
                        ),
                    )
                )
        if not activity.ref:
            continue
        key = ref_key(activity.kind, activity.ref)
        if key in first:
            line = doc.locate(("activities", first[key]))[0]
            where = f" ở dòng {line}" if line else f" (activities[{first[key]}])"
            problems.append(
                at(
                    doc,
                    rel,
                    ("activities", index, "ref"),
                    f"activities[{index}].ref",
                    Text(
                        f"hoạt động {activity.kind} số {activity.ref} đã được báo cáo{where}: một văn bản chỉ tính "
                        "một hoạt động mỗi loại; gộp hai mục, hoặc bỏ ref ở mục không do văn bản đó quyết định",
                        f"an activity of kind {activity.kind} with ref {activity.ref} is already reported"
                        f"{where.replace('ở dòng', 'on line')}: one document counts one activity of a kind; merge "
                        "the two, or remove ref from the one that document did not decide",
                    ),
                )
            )
        else:
            first[key] = index
    return problems


def merges_into_locked_periods(
    context: UpdateContext, updates: Iterable[tuple[str, UpdateLike]]
) -> dict[str, list[Problem]]:
    """The reports (rel → problems) that would change an issued period's figures: the same activity (kind
    and ref) counts in the quarter of its earliest start, so a report of it starting in an open quarter
    would add its agency, people and countries to a locked one. Checked across files, after each is read."""
    convention = context.plan.reporting.windows
    reports: dict[tuple[str, str], list[tuple[str, int, dt.date]]] = {}
    for rel, update in updates:
        for index, activity in enumerate(update.activities):
            if activity.ref:
                reports.setdefault(ref_key(activity.kind, activity.ref), []).append((rel, index, activity.start))
    found: dict[str, list[Problem]] = {}
    for key, listed in reports.items():
        if len(listed) < 2:
            continue
        earliest = min(start for _, _, start in listed)
        quarter = quarter_containing(earliest, convention).name
        if quarter not in context.locked:
            continue
        locked, locked_on = context.locked[quarter]
        first = next(rel for rel, _, start in listed if start == earliest)
        for rel, index, start in listed:
            own = quarter_containing(start, convention).name
            if own == quarter or own in context.locked:
                continue
            found.setdefault(rel, []).append(
                Problem(
                    rel,
                    None,
                    None,
                    f"activities[{index}].ref",
                    Text(
                        f"hoạt động {key[0]} số {key[1].upper()} đã được tính vào kỳ "
                        f"{quarter} (báo cáo trong {first}, bắt đầu ngày {dmy(earliest)}), nằm trong kỳ {locked} đã "
                        f"khóa ngày {dmy(locked_on)}: báo cáo lại nó sẽ làm đổi số liệu đã ban hành; nếu là hoạt "
                        "động khác, bỏ ref hoặc ghi đúng số văn bản của nó",
                        f"the {key[0]} activity {key[1].upper()} counts in {quarter} "
                        f"(reported in {first}, starting {earliest.isoformat()}), part of {locked}, locked on "
                        f"{locked_on.isoformat()}: reporting it again would change issued figures; if it is "
                        "another activity, remove ref or give its own document number",
                    ),
                )
            )
    return found
