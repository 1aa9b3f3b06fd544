"""`dnnd log`: when each update file reached the main branch, when it last changed there, and whether late."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dnnd.evaluate.status_report import PeriodChoice, StatusReport, choose_period, locked_quarters
from dnnd.evaluate.task_views import check_agency
from dnnd.i18n import Text
from dnnd.load.git import Commit, Landing, first_parent_history, history_graph, main_branch, writer
from dnnd.load.layout import UPDATES_DIR
from dnnd.plan.periods import Period, parse_period
from dnnd.plan.workdays import add_working_days
from dnnd.repository import Repository

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")


@dataclass(frozen=True)
class Submission:
    """An update file on the main branch: when it first reached main and who wrote it then, when it last
    changed there and who wrote that change, how many commits of main changed it, and its due day."""

    rel: str
    agency: str
    quarter: Period
    first: Landing
    last: Landing
    changes: int
    due: dt.date
    first_by: str = ""
    last_by: str = ""

    @property
    def reached_on(self) -> dt.date:
        """The day (Vietnam time) the file first reached main."""
        return self.first.when.astimezone(VIETNAM).date()

    @property
    def late(self) -> bool:
        return self.reached_on > self.due


def submission_due(repo: Repository, quarter: Period) -> dt.date:
    """The cut-off plus the working days allowed (QĐ 01/2023/QĐ-UBND: 2), weekends and holidays skipped."""
    reporting = repo.plan.reporting
    return add_working_days(quarter.window(reporting.windows).end, reporting.submission_days, set(reporting.holidays))


def submissions(repo: Repository, branch: str | None = None) -> list[Submission]:
    """Every update file seen on the first-parent history of `branch` (the main branch: `gitinfo.main_branch`),
    from one `git log` call."""
    first: dict[str, Landing] = {}
    last: dict[str, Landing] = {}
    count: dict[str, int] = {}
    name = main_branch(repo.root, branch)
    landings = first_parent_history(repo.root, name, UPDATES_DIR)
    graph = history_graph(repo.root, name) if landings else {}
    main_line = _first_parents(graph, landings[-1].commit) if landings and graph else set()
    for landing in landings:
        for path in landing.paths:
            first.setdefault(path, landing)
            last[path] = landing
            count[path] = count.get(path, 0) + 1
    found = []
    dues: dict[Period, dt.date] = {}
    for path, landing in first.items():
        parts = path.removeprefix(UPDATES_DIR + "/").split("/")
        quarter = parse_period(parts[-1].removesuffix(".yaml"), "quarter") if len(parts) == 2 else None
        if quarter is None:
            continue
        latest = last[path]
        first_by = writer(graph, landing.commit, path, main_line) or landing.author
        last_by = writer(graph, latest.commit, path, main_line) or latest.author
        due = dues.get(quarter) or dues.setdefault(quarter, submission_due(repo, quarter))
        found.append(Submission(path, parts[0], quarter, landing, latest, count[path], due, first_by, last_by))
    return sorted(found, key=lambda item: (item.quarter, item.agency))


def _first_parents(graph: dict[str, Commit], head: str) -> set[str]:
    """The main branch's own line: `head` and its first parents."""
    line: set[str] = set()
    current: str | None = head
    while current is not None and current not in line:
        line.add(current)
        commit = graph.get(current)
        current = commit.parents[0] if commit is not None and commit.parents else None
    return line


def landed(
    repo: Repository,
    quarter: Period | None,
    agency_id: str | None,
    branch: str | None,
    *,
    every_quarter: bool = False,
    today: dt.date | None = None,
) -> tuple[list[Submission], Text | None]:
    """`dnnd log`: the submissions on the main branch of `quarter` (by default the quarter being reported, with
    why it was chosen; every quarter with `every_quarter`), of one agency when asked."""
    check_agency(repo, agency_id)
    why = None
    if quarter is None and not every_quarter:
        chosen = choose_period(
            PeriodChoice(), today or dt.date.today(), repo.plan.reporting.windows, locked_quarters(repo)
        )
        quarter, why = chosen.period, chosen.why
    found = [
        item
        for item in submissions(repo, branch)
        if (quarter is None or item.quarter == quarter) and (agency_id is None or item.agency == agency_id)
    ]
    return found, why


def late_submissions(repo: Repository, quarters: list[Period], branch: str | None = None) -> list[Submission]:
    """The update files of `quarters` that reached main after their due date."""
    wanted = set(quarters)
    return [item for item in submissions(repo, branch) if item.quarter in wanted and item.late]


def late_for(repo: Repository, report: StatusReport) -> list[Submission]:
    """The late submissions of the report's quarters by agencies that hold one of its tasks (or held it)."""
    holders: set[str] = set()
    for view in report.views:
        lead, support = report.roles[view.task.id]
        holders.update(lead, support, view.task.lead, view.task.support)
    return [item for item in late_submissions(repo, report.evaluation.period.quarters()) if item.agency in holders]
