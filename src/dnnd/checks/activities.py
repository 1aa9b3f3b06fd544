"""Checks of the activities an update file reports: of a quarter already reached (a late report is allowed,
unless its quarter is locked), on tasks of the plan, and each document number once per kind in a file."""

from __future__ import annotations

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
                        f"a {activity.kind} activity with ref {activity.ref} is already reported"
                        f"{where.replace('ở dòng', 'on line')}: one document counts one activity of a kind; merge "
                        "the two, or remove ref from the one that document did not decide",
                    ),
                )
            )
        else:
            first[key] = index
    return problems
