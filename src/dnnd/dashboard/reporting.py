"""Each agency's reporting quarter by quarter: on time, late, not reported, not yet due, or nothing to report;
from the quarters evaluated (who had to report on what) and the main branch's history (when each file
reached it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dnnd.errors import DnndError
from dnnd.evaluate.quarter_history import QuarterRecord
from dnnd.plan.periods import Period
from dnnd.repository import Repository
from dnnd.workflow.history import Submission, submission_due, submissions


@dataclass(frozen=True)
class Standing:
    """An agency's reporting in one quarter: its state (a code of `vocabulary.REPORTING_STATES`), the tasks it
    had to report on and those it did not, the day its file first reached the main branch, and the due day."""

    state: str
    expected: tuple[int, ...]
    missing: tuple[int, ...]
    due: dt.date
    reached_on: dt.date | None = None

    @property
    def days_late(self) -> int:
        return max(0, (self.reached_on - self.due).days) if self.reached_on is not None else 0


@dataclass(frozen=True)
class ReportingGrid:
    """The agencies that had to report in some quarter (in the plan's order), each quarter's standing of
    each, and whether the main branch's history could be read (without it, no day and no lateness)."""

    quarters: list[Period]
    agencies: list[str]
    standings: dict[str, dict[Period, Standing]]
    history_read: bool

    def counts(self, quarter: Period) -> dict[str, int]:
        """How many agencies stand in each state in `quarter`."""
        found: dict[str, int] = {}
        for agency in self.agencies:
            state = self.standings[agency][quarter].state
            found[state] = found.get(state, 0) + 1
        return found


def main_branch_submissions(repo: Repository) -> list[Submission] | None:
    """Every update file's arrival on the main branch; None when the repository has no git history to read."""
    try:
        return submissions(repo)
    except DnndError:
        return None


def reporting_grid(
    repo: Repository, history: list[QuarterRecord], found: list[Submission] | None, today: dt.date
) -> ReportingGrid:
    """Each agency's standing in each quarter of `history` on `today`: by its file's arrival on the main branch
    (up to `today`), else not yet due until the submission day (`workflow.history.submission_due`) has
    passed, then not reported."""
    arrivals = {(item.agency, item.quarter): item for item in found or () if item.reached_on <= today}
    later = {(item.agency, item.quarter) for item in found or () if item.reached_on > today}  # not there yet
    involved = {agency for record in history for agency in record.expected}
    involved.update(agency for agency, _ in arrivals)
    agencies = [agency for agency in repo.agencies if agency in involved]
    standings: dict[str, dict[Period, Standing]] = {agency: {} for agency in agencies}
    for record in history:
        due = submission_due(repo, record.quarter)
        for agency in agencies:
            arrival = arrivals.get((agency, record.quarter))
            reached = arrival.reached_on if arrival is not None else None
            expected = record.expected.get(agency, ())
            missing = record.missing.get(agency, ())
            if arrival is not None:  # the file's arrival tells; tasks it left out are listed beside
                state = "late" if arrival.late else "on_time"
            elif missing or (agency, record.quarter) in later:
                state = "pending" if today <= due else "missing"
            elif expected:
                state = "submitted"
            else:
                state = "none"
            standings[agency][record.quarter] = Standing(state, expected, missing, due, reached)
    quarters = [record.quarter for record in history]
    return ReportingGrid(quarters, agencies, standings, found is not None)
