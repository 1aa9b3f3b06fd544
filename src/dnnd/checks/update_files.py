"""Checks of each update file against its path and the plan: the agency and period it names agree with its
folder and name; it reports on known tasks the agency holds, each once; a yearly occurrence is plausible."""

from __future__ import annotations

from dnnd.checks.problems import at, numbers
from dnnd.checks.registry import UpdateContext, UpdatePath, document_check, update_check
from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.records import UpdateLike
from dnnd.load.yamlio import YamlDocument
from dnnd.plan.schedules import Yearly


def path_mismatches(agency: object, written: object, doc: YamlDocument, path: UpdatePath) -> list[Problem]:
    """The file's `agency` and `period` agree with its folder and name (values that are not text are the
    schema's to report)."""
    rel, folder, period = path
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


@update_check()
def path_agrees(context: UpdateContext, update: UpdateLike, doc: YamlDocument, path: UpdatePath) -> list[Problem]:
    return path_mismatches(update.agency, update.period, doc, path)


@document_check
def path_agrees_in_document(doc: YamlDocument, rel: str, known: list[Problem]) -> list[Problem]:
    """The same of a file that does not validate, for the fields its own problems do not already name."""
    if rel.count("/") != 3 or not isinstance(doc.data, dict):
        return []
    fields = {problem.field for problem in known}
    found = path_mismatches(doc.data.get("agency"), doc.data.get("period"), doc, UpdatePath.of(rel))
    return [problem for problem in found if problem.field not in fields]


@update_check()
def entries_are_held(context: UpdateContext, update: UpdateLike, doc: YamlDocument, path: UpdatePath) -> list[Problem]:
    """Each entry names a task of the plan that the agency leads or supports (directly or by succession) in
    the quarter, once; `occurrence` only on yearly tasks, and not before the plan."""
    rel, folder, period = path
    tasks, schedules = context.tasks, context.schedules
    first_year = context.plan.decision.date.year
    own = context.held(period).get(folder, set())
    problems = []
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
                        f"không có nhiệm vụ số {entry.task}; kế hoạch có các nhiệm vụ {numbers(tasks)}",
                        f"there is no task {entry.task}; the plan has tasks {numbers(tasks)}",
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
                        f"{numbers(own) or '(không có)'}",
                        f"'{folder}' neither leads nor supports task {entry.task}; it reports only on tasks: "
                        f"{numbers(own) or '(none)'}",
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
