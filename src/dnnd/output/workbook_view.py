"""`dnnd workbook`: one Excel workbook of a period for the people who work in spreadsheets: the tasks'
status, the agencies still missing, the figures and the activities, and, in a git repository, the
submissions of the period's quarters; each sheet as its command's `--format xlsx` writes it."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from dnnd.errors import DnndError
from dnnd.evaluate.figures import figures_of
from dnnd.evaluate.status_report import PeriodChoice, status_report
from dnnd.i18n import Text
from dnnd.output.history_view import HistoryOutput
from dnnd.output.sheets import Sheet
from dnnd.output.stats_view import StatsOutput
from dnnd.output.status_view import MissingOutput, StatusOutput
from dnnd.plan.periods import Period
from dnnd.repository import Repository
from dnnd.workflow.history import submissions


class PeriodWorkbook(NamedTuple):
    """The sheets of the chosen period, the period, and why it was chosen when none was named."""

    sheets: list[Sheet]
    period: Period
    why: Text | None


def period_workbook(repo: Repository, choice: PeriodChoice, today: dt.date, lang: str) -> PeriodWorkbook:
    """Every sheet of the chosen period (by default the period being reported)."""
    report = status_report(repo, choice, today=today)
    evaluation = report.evaluation
    stats = figures_of(repo, evaluation.period, evaluation.as_of)
    sheets = [
        *StatusOutput(repo, report).sheets(lang),
        *MissingOutput(repo, report).sheets(lang),
        *StatsOutput(repo, stats).sheets(lang),
    ]
    quarters = set(evaluation.period.quarters())
    try:
        found = [item for item in submissions(repo) if item.quarter in quarters]
    except DnndError:  # not a git repository, or no main branch: no history to tell
        found = None
    if found is not None:
        short_names = {agency_id: agency.short_name for agency_id, agency in repo.agencies.items()}
        sheets += HistoryOutput(found, short_names).sheets(lang)
    return PeriodWorkbook(sheets, evaluation.period, report.why)
