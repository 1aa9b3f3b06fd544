"""What a task's page and an agency's page show: for a task, the decision's text, its agencies and timing,
its status quarter by quarter and every update on it; for an agency, the tasks it holds, its reporting
quarter by quarter and its activities."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from dnnd.dashboard.reporting import ReportingGrid
from dnnd.dashboard.words import Writer
from dnnd.evaluate.quarter_history import QuarterRecord
from dnnd.evaluate.status_report import StatusReport
from dnnd.i18n import Text
from dnnd.load.activities import CountedActivity
from dnnd.load.summary import ReportedEntry
from dnnd.plan.models import Agency, Task
from dnnd.plan.periods import parse_period
from dnnd.plan.vocabulary import (
    ACTIVITY_KIND_BY_CODE,
    ENTRY_STATUS_LABELS,
    KIND_LABELS,
    REPORTING_STATE_BY_CODE,
    TASK_STATUS_LABELS,
)
from dnnd.repository import Repository

_SINCE = Text("Từ ngày", "Since")
_UNTIL = Text("Đến ngày", "Until")
_SUCCESSORS = Text("Cơ quan tiếp nhận nhiệm vụ", "Duties passed to")


class QuarterStatus(NamedTuple):
    """A task's status in one quarter, and the agencies (short names) that did not report on it then."""

    quarter: str
    status: str
    code: str
    due: str
    done_on: str
    missing: str


class UpdateEntry(NamedTuple):
    """An agency's entry on a task in one quarter's update."""

    agency: str
    name: str
    period: str
    status: str
    done_on: str
    summary: str
    difficulties: str
    proposals: str


class IssuedDocument(NamedTuple):
    number: str
    date: str
    title: str
    agency: str


class HeldTask(NamedTuple):
    task: int
    title: str
    role: str
    status: str
    code: str


class QuarterStanding(NamedTuple):
    """An agency's reporting in one quarter, as its page shows it."""

    quarter: str
    state: str
    code: str
    mark: str
    reached_on: str
    due: str
    days_late: str
    missing: str


class ActivityLine(NamedTuple):
    start: str
    kind: str
    title: str
    countries: str
    people: str


@dataclass
class TaskPage:
    """One task's page."""

    task: Task
    status: str
    status_code: str
    due: str
    lead: list[tuple[str, str]]  # (agency id, name) in force on the day evaluated
    support: list[tuple[str, str]]
    quarters: list[QuarterStatus] = field(default_factory=list)
    updates: list[UpdateEntry] = field(default_factory=list)
    documents: list[IssuedDocument] = field(default_factory=list)


@dataclass
class AgencyPage:
    """One agency's page."""

    id: str
    name: str
    short_name: str
    facts: list[tuple[str, str]]  # (label, value): its kind, since, until, successors
    tasks: list[HeldTask] = field(default_factory=list)
    quarters: list[QuarterStanding] = field(default_factory=list)
    activities: list[ActivityLine] = field(default_factory=list)


def _name(repo: Repository, agency: str) -> str:
    found = repo.agencies.get(agency)
    return found.name if found is not None else agency


def _short(repo: Repository, agency: str) -> str:
    found = repo.agencies.get(agency)
    return found.short_name if found is not None else agency


def task_pages(
    repo: Repository,
    report: StatusReport,
    history: list[QuarterRecord],
    entries: dict[int, list[ReportedEntry]],
    writer: Writer,
) -> list[TaskPage]:
    """Every task's page, in the plan's order."""
    missing_by_quarter = []  # per quarter, newest first: task → short names of the agencies that did not report
    for record in reversed(history):
        by_task: dict[int, list[str]] = {}
        for agency, numbers in record.missing.items():
            for number in numbers:
                by_task.setdefault(number, []).append(_short(repo, agency))
        missing_by_quarter.append((record, by_task))
    names = {agency_id: agency.name for agency_id, agency in repo.agencies.items()}
    pages = []
    for task in repo.tasks.values():
        result = report.results[task.id]
        lead, support = report.roles.get(task.id, (task.lead, task.support))
        page = TaskPage(
            task,
            writer(TASK_STATUS_LABELS[result.status]),
            result.status,
            writer.date(result.due),
            [(agency, names.get(agency, agency)) for agency in lead],
            [(agency, names.get(agency, agency)) for agency in support],
        )
        for record, by_task in missing_by_quarter:
            one = record.results[task.id]
            page.quarters.append(
                QuarterStatus(
                    writer.quarter(record.quarter),
                    writer(TASK_STATUS_LABELS[one.status]),
                    one.status,
                    writer.date(one.due),
                    writer.date(one.done_on),
                    ", ".join(by_task.get(task.id, ())),
                )
            )
        for reported in entries.get(task.id, ()):
            entry = reported.entry
            name = names.get(reported.agency, reported.agency)
            quarter = parse_period(reported.period, "quarter")
            page.updates.append(
                UpdateEntry(
                    reported.agency,
                    name,
                    writer.quarter(quarter) if quarter is not None else reported.period,
                    writer(ENTRY_STATUS_LABELS[entry.status]),
                    writer.date(entry.done_on),
                    entry.summary,
                    entry.difficulties or "",
                    entry.proposals or "",
                )
            )
            page.documents.extend(
                IssuedDocument(doc.number, writer.date(doc.date), doc.title, name) for doc in entry.documents
            )
        pages.append(page)
    return pages


def agency_pages(
    repo: Repository,
    report: StatusReport,
    grid: ReportingGrid,
    activities: Iterable[CountedActivity],
    writer: Writer,
) -> list[AgencyPage]:
    """A page for every agency that holds a task or had to report, in the plan's order."""
    held: dict[str, list[HeldTask]] = {}
    for task in repo.tasks.values():
        lead, support = report.roles.get(task.id, (task.lead, task.support))
        result = report.results[task.id]
        for role, ids in ((writer.words["lead"], lead), (writer.words["support"], support)):
            for agency in ids:
                held.setdefault(agency, []).append(
                    HeldTask(task.id, task.title, role, writer(TASK_STATUS_LABELS[result.status]), result.status)
                )
    by_agency: dict[str, list[CountedActivity]] = {}
    for activity in activities:
        for agency in activity.agencies:
            by_agency.setdefault(agency, []).append(activity)
    pages = []
    for agency_id, record in repo.agencies.items():
        if agency_id not in held and agency_id not in grid.standings:
            continue
        page = AgencyPage(
            agency_id, record.name, record.short_name, _facts(repo, record, writer), held.get(agency_id, [])
        )
        for quarter, standing in reversed(list(grid.standings.get(agency_id, {}).items())):
            state = REPORTING_STATE_BY_CODE[standing.state]
            page.quarters.append(
                QuarterStanding(
                    writer.quarter(quarter),
                    writer(state.label),
                    state.code,
                    state.mark,
                    writer.date(standing.reached_on),
                    writer.date(standing.due),
                    writer.number(standing.days_late) if standing.days_late else "",
                    ", ".join(str(task) for task in standing.missing),
                )
            )
        for activity in sorted(by_agency.get(agency_id, ()), key=lambda item: (item.start, item.title), reverse=True):
            page.activities.append(
                ActivityLine(
                    writer.date(activity.start),
                    writer(ACTIVITY_KIND_BY_CODE[activity.kind].label),
                    activity.title,
                    ", ".join(writer.country(code) for code in activity.countries),
                    writer.number(activity.people) if activity.people else "",
                )
            )
        pages.append(page)
    return pages


def _facts(repo: Repository, agency: Agency, writer: Writer) -> list[tuple[str, str]]:
    facts = [(writer.words["kind"], writer(KIND_LABELS[agency.kind]))]
    if agency.since is not None:
        facts.append((writer(_SINCE), writer.date(agency.since)))
    if agency.until is not None:
        facts.append((writer(_UNTIL), writer.date(agency.until)))
    if agency.successor is not None:
        heirs = [agency.successor] if isinstance(agency.successor, str) else [item.agency for item in agency.successor]
        facts.append((writer(_SUCCESSORS), "; ".join(_name(repo, heir) for heir in heirs)))
    return facts
