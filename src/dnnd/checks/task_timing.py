"""Each task's schedule, resolved after every plan file is parsed: `after`, an explicit `schedule`, or its
phrase; and the check that every task's timing resolves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from dnnd.checks.problems import at, known_list
from dnnd.checks.registry import plan_check
from dnnd.i18n import Text
from dnnd.load.layout import AGENCIES_FILE, TASKS_FILE
from dnnd.load.yamlio import YamlDocument
from dnnd.plan.periods import FIRST_YEAR, LAST_YEAR, plausible_year
from dnnd.plan.schedules import KNOWN_FORMS, AfterEvents, Once, Ongoing, Schedule, Yearly, parse_timing

if TYPE_CHECKING:
    from dnnd.errors import Problem
    from dnnd.load.plan_files import PlanFiles
    from dnnd.plan.models import Agency, Event, ExplicitSchedule, TasksFile


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _explicit(schedule: ExplicitSchedule) -> Schedule:
    if schedule.kind == "once":
        assert schedule.due is not None
        return Once(schedule.due)
    if schedule.kind == "yearly":
        assert schedule.month is not None
        return Yearly(schedule.month, schedule.day)
    return Ongoing()


def resolve_schedules(
    tasks: TasksFile, doc: YamlDocument, rel: str, agencies: Mapping[str, Agency], events: Sequence[Event] | None
) -> tuple[dict[int, Schedule], list[Problem]]:
    """Each task's schedule: `after` wins, then an explicit `schedule`, then the parsed `timing` phrase.
    `events` is the events file's list as written: two events with one id (which check_events reports)
    still count for their issuers, so that they cause no second, misleading problem here. None: the events
    file could not be read (its own problems say why), so tasks that wait for events are not judged."""
    by_name: dict[str, str] = {}
    for agency in agencies.values():
        by_name.setdefault(_name_key(agency.short_name), agency.id)
        by_name[_name_key(agency.name)] = agency.id
    by_issuer: dict[str, list[str]] = {}
    for event in events or ():
        by_issuer.setdefault(event.issuer, []).append(event.id)
    known = {event.id for event in events or ()}
    schedules: dict[int, Schedule] = {}
    problems: list[Problem] = []
    for index, task in enumerate(tasks.tasks):

        def fail(key: str, message: Text, index: int = index) -> None:
            problems.append(at(doc, rel, ("tasks", index, key), f"tasks[{index}].{key}", message))

        if task.after is not None and task.schedule is not None:
            fail(
                "schedule",
                Text(
                    "chỉ ghi một trong hai: after (chờ sự kiện) hoặc schedule",
                    "give either after (waits for events) or schedule, not both",
                ),
            )
            continue
        if task.after is not None and events is None:
            continue
        if task.after is not None:
            unknown = [event_id for event_id in task.after if event_id not in known]
            if unknown:
                fail(
                    "after",
                    Text(
                        f"không có sự kiện {', '.join(unknown)} trong plan/events.yaml; các sự kiện hiện có: "
                        f"{known_list(known) or '(không có)'}",
                        f"no event {', '.join(unknown)} in plan/events.yaml; known events: "
                        f"{known_list(known) or '(none)'}",
                    ),
                )
                continue
            schedules[task.id] = AfterEvents(events=tuple(task.after), within_days=task.within_days)
            continue
        schedule = _explicit(task.schedule) if task.schedule is not None else parse_timing(task.timing)
        if schedule is None:
            forms = "; ".join(KNOWN_FORMS)
            fail(
                "timing",
                Text(
                    f"không hiểu thời gian '{task.timing}'. Các dạng được hiểu: {forms}. "
                    "Nếu cần giữ nguyên câu chữ, thêm khóa schedule (kind: once/yearly/ongoing) hoặc after",
                    f"timing '{task.timing}' is not understood. Known forms: {forms}. To keep the wording, "
                    "add a schedule key (kind: once/yearly/ongoing) or after",
                ),
            )
            continue
        if isinstance(schedule, Once) and not plausible_year(schedule.due.year):
            fail(
                "timing",
                Text(
                    f"hạn {schedule.due.isoformat()} của '{task.timing}' nằm ngoài các năm {FIRST_YEAR}–{LAST_YEAR}: "
                    "kiểm tra lại năm",
                    f"the deadline {schedule.due.isoformat()} of '{task.timing}' is outside the years "
                    f"{FIRST_YEAR}–{LAST_YEAR}: check the year",
                ),
            )
            continue
        if isinstance(schedule, AfterEvents) and events is None:
            continue
        if isinstance(schedule, AfterEvents):
            wanted: list[str] = []
            for name in schedule.issuers:
                issuer = by_name.get(_name_key(name))
                found = by_issuer.get(issuer or "", [])
                if issuer is None:
                    fail(
                        "timing",
                        Text(
                            f"không có cơ quan tên '{name}' trong plan/agencies.yaml",
                            f"no agency named '{name}' in plan/agencies.yaml",
                        ),
                    )
                elif len(found) != 1:
                    listed = ", ".join(found)
                    fail(
                        "timing",
                        Text(
                            f"'{name}' có {len(found)} sự kiện trong plan/events.yaml ({listed or 'không có'}): "
                            "ghi rõ sự kiện phải chờ bằng khóa after: [mã sự kiện]"
                            + ("" if found else f", hoặc thêm vào plan/events.yaml một sự kiện có issuer: {issuer}"),
                            f"'{name}' has {len(found)} events in plan/events.yaml ({listed or 'none'}): name the events "
                            "to wait for with after: [event ids]"
                            + ("" if found else f", or add an event with issuer: {issuer} to plan/events.yaml"),
                        ),
                    )
                else:
                    wanted.extend(found)
            if len(wanted) != len(schedule.issuers):
                continue
            schedule = AfterEvents(schedule.issuers, tuple(wanted), task.within_days)
        elif task.within_days is not None:
            fail(
                "within_days",
                Text(
                    "within_days chỉ dùng cho nhiệm vụ chờ sự kiện (after hoặc 'Sau khi có …')",
                    "within_days applies only to tasks that wait for events (after, or 'Sau khi có …')",
                ),
            )
            continue
        schedules[task.id] = schedule
    return schedules, problems


@plan_check(TASKS_FILE, AGENCIES_FILE)
def timing_is_understood(files: PlanFiles) -> list[Problem]:
    tasks, doc = files.tasks_file()
    return resolve_schedules(tasks, doc, TASKS_FILE, files.agencies, files.event_list)[1]


def schedules_of(tasks: TasksFile, agencies: Mapping[str, Agency], events: Sequence[Event]) -> dict[int, Schedule]:
    """Each task's schedule in a plan known to be valid."""
    return resolve_schedules(tasks, YamlDocument(None), TASKS_FILE, agencies, events)[0]
