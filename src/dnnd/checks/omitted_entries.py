"""The tasks an agency holds in a quarter but leaves out of its update file: warnings, never errors.

A task is expected in an agency's file when the agency holds it in the quarter (`plan.successions.holdings_at`,
through its predecessors' duties too) and the task is active then: it does not wait for an event, and its
leads had not all reported it done before the quarter's window began. That is the rule by which
`dnnd new-update` lists the tasks to report on (`evaluate.update_scaffold.held_tasks`, which asks
`evaluate.task_status`); evaluation sits above the loading, so the rule is restated here from the same data
(the summary's completions) and a test keeps the two in step.

Checked across files when the repository loads, once the summary of the valid files is built: who holds what
is found once per quarter (once in all when no agency changes), whether a task is active once per quarter and
only if some file leaves it out; each file then costs a look at its few held tasks. A task another agency of
the same line of succession reported in that quarter is not asked for again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from dnnd.checks.problems import numbers
from dnnd.checks.registry import UpdateContext
from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.layout import UPDATES_DIR
from dnnd.load.summary import Completion, UpdateSummary
from dnnd.plan.periods import Period, Window, parse_period, quarter_containing
from dnnd.plan.schedules import AfterEvents, Ongoing, Yearly, yearly_occurrence
from dnnd.plan.successions import successors_of


class Judged(dict[int, bool]):
    """Whether each task is active in one quarter, judged when first asked."""

    def __init__(self, judge: Callable[[int], bool]) -> None:
        super().__init__()
        self.judge = judge

    def __missing__(self, task: int) -> bool:
        self[task] = found = self.judge(task)
        return found


class ActiveTasks:
    """Which tasks are active in a quarter, as evaluation decides it (`evaluate.task_status.is_active`)."""

    def __init__(
        self,
        context: UpdateContext,
        completions: Mapping[tuple[int, str], Sequence[Completion]],
        occurred: Mapping[str, dt.date | None],
    ) -> None:
        self.context, self.completions, self.occurred = context, completions, occurred
        self.first_year, self.convention = context.plan.decision.date.year, context.plan.reporting.windows
        agencies = context.agencies
        self.leads = {
            task.id: tuple(agency for agency in task.lead if agency in agencies and agencies[agency].reports)
            for task in context.tasks.values()
        }
        self.moving = _moving(context)
        self._done: dict[tuple[int, str], Sequence[Completion]] = {}  # a lead's `done` entries, asked every quarter
        self._occurrences: dict[tuple[int, int | None, dt.date], int] = {}  # few schedules and quarters, asked often
        self._starts: dict[dt.date, dt.date] = {}  # the first day of the window holding a day

    def of(self, quarter: Period, window: Window) -> Judged:
        """Whether each task is active in `quarter` (whose data window is `window`), judged at the window's end
        when first asked: most tasks are never asked about, their agencies having reported on them."""
        return Judged(lambda task: self._active(task, quarter, window))

    def _active(self, task: int, quarter: Period, window: Window) -> bool:
        schedule = self.context.schedules[task]
        if isinstance(schedule, Ongoing):
            return True
        yearly = schedule if isinstance(schedule, Yearly) else None
        key = self._first_due(yearly, window.start) if yearly is not None else None
        if isinstance(schedule, AfterEvents) and any(
            (day := self.occurred.get(event)) is None or day > window.end for event in schedule.events
        ):  # waits, unless its leads have done it anyway
            return self._done_before(task, quarter, window.end + dt.timedelta(days=1), key, yearly, window.end)
        return not self._done_before(task, quarter, window.start, key, yearly, window.end)

    def _done_before(
        self, task: int, quarter: Period, before: dt.date, key: int | None, yearly: Yearly | None, as_of: dt.date
    ) -> bool:
        """Whether every lead (through the successors its duty passed to by `as_of`) reported the task, or its
        occurrence `key`, done before `before` in a file up to `quarter`."""
        leads = self.leads.get(task, ())
        for lead in leads:
            holders = self.context.successions.path(lead, task, as_of) if lead in self.moving else (lead,)
            if not any(
                completion.quarter <= quarter
                and completion.done_on < before
                and (yearly is None or (completion.occurrence or self._occurrence(yearly, completion.done_on)) == key)
                for holder in holders
                for completion in self._done_by(task, holder)
            ):
                return False
        return bool(leads)

    def _done_by(self, task: int, agency: str) -> Sequence[Completion]:
        if (task, agency) not in self._done:
            self._done[task, agency] = self.completions.get((task, agency), ())
        return self._done[task, agency]

    def _occurrence(self, yearly: Yearly, day: dt.date) -> int:
        """The occurrence a completion without `occurrence:` counts for: the first due on or after its quarter."""
        if day not in self._starts:
            self._starts[day] = quarter_containing(day, self.convention).window(self.convention).start
        return self._first_due(yearly, self._starts[day])

    def _first_due(self, yearly: Yearly, start: dt.date) -> int:
        """The first occurrence due on or after `start` (`plan.schedules.yearly_occurrence`)."""
        key = (yearly.month, yearly.day, start)
        if key not in self._occurrences:
            self._occurrences[key] = yearly_occurrence(yearly, self.first_year, start)
        return self._occurrences[key]


def omitted_entries(
    context: UpdateContext, summary: UpdateSummary, occurred: Mapping[str, dt.date | None]
) -> list[Problem]:
    """Warnings of the valid update files (as `summary` holds them) that leave out a task their agency holds and
    that is active in their quarter (`occurred`: each event's date, None when it has not occurred). One warning
    tells the tasks an agency left out of the same files in the same role: a supporting agency that never
    reports on a task gets one line, not one per quarter."""
    rule = ActiveTasks(context, summary.completions, occurred)
    moving = rule.moving
    holdings: dict[str, AbstractSet[int]] | None = None
    left_out: dict[tuple[str, int], list[str]] = {}  # (agency, task) → the quarters of its files without it
    for name, reported in sorted(summary.submissions.by_quarter.items()):
        quarter = parse_period(name, "quarter")
        active = rule.of(quarter, context.window(name)) if quarter is not None else Judged(lambda task: False)
        if moving or holdings is None:  # without successions, who holds what is the same in every quarter
            holdings = context.held(name)
        for agency, tasks in reported.items():
            held = holdings.get(agency)
            if held is None or len(tasks) >= len(held):  # its entries are held tasks, each once: all of them
                continue
            for task in held:
                if task not in tasks and active[task]:
                    left_out.setdefault((agency, task), []).append(name)
    groups: dict[tuple[str, bool, tuple[str, ...]], list[int]] = {}
    for (agency, task), names in left_out.items():
        for lead, quarters in _roles(context, summary, agency, task, names, agency in moving):
            groups.setdefault((agency, lead, quarters), []).append(task)
    numbered = {name: int(name[:4]) * 4 + int(name[-1]) for name in summary.submissions.by_quarter}  # YYYY-Qn
    return [
        _warning(agency, lead, quarters, sorted(tasks), numbered)
        for (agency, lead, quarters), tasks in sorted(groups.items())
    ]


def _moving(context: UpdateContext) -> frozenset[str]:
    """The agencies that start, end, or take over duties in the plan's life: the others hold the same tasks
    throughout, as the decision named them."""
    found = set()
    for agency in context.agencies.values():
        if agency.since is not None or agency.until is not None or agency.successor is not None:
            found.add(agency.id)
            found.update(succession.agency for succession in successors_of(agency))
    return frozenset(found)


def _roles(
    context: UpdateContext, summary: UpdateSummary, agency: str, task: int, names: list[str], moving: bool
) -> list[tuple[bool, tuple[str, ...]]]:
    """Whether the agency leads the task (else supports it), with the quarters it did so, of those it left
    the task out of; a quarter in which its line of succession reported the task is not told."""
    lead = context.tasks[task].lead
    if not moving:
        return [(agency in lead, tuple(names))]
    successions, reported = context.successions, summary.submissions.by_quarter
    roles: dict[bool, list[str]] = {}
    for name in names:
        end = context.window(name).end
        line = successions.lineage(successions.path(agency, task, end)[-1], task)
        if not any(task in reported.get(name, {}).get(source, ()) for source in line):
            leads = agency in lead or any(agency in successions.resolve(first, task, end) for first in lead)
            roles.setdefault(leads, []).append(name)
    return [(leads, tuple(quarters)) for leads, quarters in roles.items()]


def _spans(names: tuple[str, ...], numbered: Mapping[str, int]) -> list[tuple[str, str]]:
    """Quarters ('2020-Q3', in order) in runs of consecutive ones (by their `numbered` place): (first, last)."""
    spans: list[tuple[str, str]] = []
    previous = 0
    for name in names:
        number = numbered[name]
        if spans and number == previous + 1:
            spans[-1] = (spans[-1][0], name)
        else:
            spans.append((name, name))
        previous = number
    return spans


def _warning(
    agency: str, lead: bool, quarters: tuple[str, ...], tasks: list[int], numbered: Mapping[str, int]
) -> Problem:
    """'lhhn phối hợp nhiệm vụ 5 nhưng tệp 2020-Q3 không có mục cho nhiệm vụ này', and for several tasks or
    files (on the folder then)."""
    several = len(tasks) > 1
    spans = _spans(quarters, numbered)
    vi_files = ", ".join(first if first == last else f"{first} đến {last}" for first, last in spans)
    en_files = ", ".join(first if first == last else f"{first} to {last}" for first, last in spans)
    listed = numbers(tasks)
    vi_tasks = f"nhiệm vụ {listed}"
    en_tasks = f"task{'s' if several else ''} {listed}"
    vi = f"{agency} {'chủ trì' if lead else 'phối hợp'} {vi_tasks} nhưng "
    en = f"{agency} {'leads' if lead else 'supports'} {en_tasks} but its "
    if len(quarters) == 1:
        vi += f"tệp {quarters[0]}"
        en += f"{quarters[0]} file has"
    else:
        vi += f"các tệp {vi_files}"
        en += f"files {en_files} have"
    vi += " không có mục cho " + ("các nhiệm vụ này" if several else "nhiệm vụ này")
    en += " no entry for " + ("them" if several else "it")
    folder = f"{UPDATES_DIR}/{agency}"
    path = f"{folder}/{quarters[0]}.yaml" if len(quarters) == 1 else folder
    return Problem(path, None, None, "entries" if len(quarters) == 1 else "", Text(vi, en))
