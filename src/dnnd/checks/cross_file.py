"""Cross-file checks, run after every file has been parsed: ids that must exist, agree and be unique."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.yamlio import YamlDocument
from dnnd.plan.models import AgenciesFile, Agency, Plan, Task, TasksFile
from dnnd.plan.schedules import Schedule, Yearly

if TYPE_CHECKING:
    from dnnd.load.updates import UpdateLike


def at(doc: YamlDocument, rel: str, loc: tuple[str | int, ...], field: str, message: Text) -> Problem:
    line, column = doc.locate(loc)
    return Problem(rel, line, column, field, message)


def known_list(known: Iterable[str]) -> str:
    return ", ".join(sorted(known))


def duplicate_ids(
    ids: Sequence[object], doc: YamlDocument, rel: str, section: str, message: Callable[[Any, int | None], Text]
) -> list[Problem]:
    """A problem at each `section[i].id` that repeats an earlier one; `message` names the value and its first line."""
    problems = []
    seen: dict[object, int] = {}
    for index, value in enumerate(ids):
        if value in seen:
            first = doc.locate((section, seen[value]))[0]
            problems.append(at(doc, rel, (section, index, "id"), f"{section}[{index}].id", message(value, first)))
        else:
            seen[value] = index
    return problems


def unknown_agency(agency_id: str, agencies: Mapping[str, Agency]) -> Text:
    return Text(
        f"không có cơ quan mã '{agency_id}' trong plan/agencies.yaml; các mã hiện có: {known_list(agencies)}",
        f"no agency with id '{agency_id}' in plan/agencies.yaml; known ids: {known_list(agencies)}",
    )


def check_agencies(agencies: AgenciesFile, doc: YamlDocument, rel: str) -> list[Problem]:
    return duplicate_ids(
        [agency.id for agency in agencies.agencies],
        doc,
        rel,
        "agencies",
        lambda value, first: Text(
            f"mã '{value}' đã dùng cho cơ quan khác (dòng {first}); mỗi cơ quan cần một mã riêng",
            f"id '{value}' is already used (line {first}); each agency needs its own id",
        ),
    )


def check_tasks(tasks: TasksFile, doc: YamlDocument, rel: str, agencies: Mapping[str, Agency]) -> list[Problem]:
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


def check_plan(plan: Plan, doc: YamlDocument, rel: str, agencies: Mapping[str, Agency]) -> list[Problem]:
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


def path_mismatches(
    agency: object, written: object, doc: YamlDocument, rel: str, *, folder: str, period: str
) -> list[Problem]:
    """The file's `agency` and `period` agree with its folder and name (values that are not text are the
    schema's to report)."""
    problems = []
    if isinstance(agency, str) and agency != folder:
        problems.append(
            at(
                doc,
                rel,
                ("agency",),
                "agency",
                Text(
                    f"tệp nằm trong thư mục '{folder}' nên phải ghi 'agency: {folder}' (đang ghi '{agency}')",
                    f"the file is in folder '{folder}', so write 'agency: {folder}' (it says '{agency}')",
                ),
            )
        )
    if isinstance(written, str) and written != period:
        problems.append(
            at(
                doc,
                rel,
                ("period",),
                "period",
                Text(
                    f"tên tệp là {period}.yaml nên phải ghi 'period: {period}' (đang ghi '{written}')",
                    f"the file is named {period}.yaml, so write 'period: {period}' (it says '{written}')",
                ),
            )
        )
    return problems


def check_update(
    update: UpdateLike,
    doc: YamlDocument,
    rel: str,
    *,
    folder: str,
    period: str,
    tasks: Mapping[int, Task],
    held: Mapping[str, set[int]],
    schedules: Mapping[int, Schedule],
    first_year: int,
) -> list[Problem]:
    """An update agrees with its path, names known tasks the agency holds, and each task once."""
    problems = path_mismatches(update.agency, update.period, doc, rel, folder=folder, period=period)
    own = held.get(folder, set())
    first_index: dict[int, int] = {}
    for index, entry in enumerate(update.entries):
        loc = ("entries", index, "task")
        where = f"entries[{index}].task"
        if entry.task not in tasks:
            problems.append(
                at(
                    doc,
                    rel,
                    loc,
                    where,
                    Text(
                        f"không có nhiệm vụ số {entry.task}; kế hoạch có các nhiệm vụ {_numbers(tasks)}",
                        f"there is no task {entry.task}; the plan has tasks {_numbers(tasks)}",
                    ),
                )
            )
        elif entry.task not in own:
            problems.append(
                at(
                    doc,
                    rel,
                    loc,
                    where,
                    Text(
                        f"'{folder}' không chủ trì hay phối hợp nhiệm vụ {entry.task}; chỉ báo cáo các nhiệm vụ: "
                        f"{_numbers(own) or '(không có)'}",
                        f"'{folder}' neither leads nor supports task {entry.task}; it reports only on tasks: "
                        f"{_numbers(own) or '(none)'}",
                    ),
                )
            )
        if entry.occurrence is not None and entry.task in tasks:
            if not isinstance(schedules.get(entry.task), Yearly):
                problems.append(
                    at(
                        doc,
                        rel,
                        ("entries", index, "occurrence"),
                        f"entries[{index}].occurrence",
                        Text(
                            f"occurrence chỉ dùng cho nhiệm vụ hằng năm; nhiệm vụ {entry.task} không phải: xóa dòng này",
                            f"occurrence applies only to yearly tasks; task {entry.task} is not one: remove it",
                        ),
                    )
                )
            elif entry.occurrence < first_year:
                problems.append(
                    at(
                        doc,
                        rel,
                        ("entries", index, "occurrence"),
                        f"entries[{index}].occurrence",
                        Text(
                            f"năm {entry.occurrence} trước năm ban hành kế hoạch ({first_year})",
                            f"year {entry.occurrence} is before the plan was issued ({first_year})",
                        ),
                    )
                )
        if entry.task in first_index:
            first_line = doc.locate(("entries", first_index[entry.task]))[0]
            problems.append(
                at(
                    doc,
                    rel,
                    loc,
                    where,
                    Text(
                        f"nhiệm vụ {entry.task} đã được báo cáo ở dòng {first_line}; gộp hai mục làm một",
                        f"task {entry.task} is already reported on line {first_line}; merge the two entries",
                    ),
                )
            )
        else:
            first_index[entry.task] = index
    return problems


def _numbers(ids: Iterable[int]) -> str:
    return ", ".join(str(number) for number in sorted(ids))
