"""The sheets of a period's workbook: status, missing, figures, activities, and submissions with git."""

from __future__ import annotations

import datetime as dt

from dnnd.evaluate.status_report import PeriodChoice
from dnnd.output.workbook_view import period_workbook
from dnnd.plan.periods import parse_period
from dnnd.repository import load_repository
from tests.conftest import MakeRepo
from tests.git_helpers import init


def test_a_git_repository_adds_the_submissions_of_the_periods_quarters(make_repo: MakeRepo) -> None:
    quarter = parse_period("2020-Q4", "quarter")
    repo = load_repository(init(make_repo()), use_cache=False)
    found = period_workbook(repo, PeriodChoice(quarter), dt.date(2021, 1, 10), "en")
    assert [sheet.title for sheet in found.sheets] == [
        "Status 2020-Q4",
        "Not reported 2020-Q4",
        "Figures 2020-Q4",
        "Activities 2020-Q4",
        "Submissions",
    ]
    assert found.period == quarter and found.why is None
    assert found.sheets[-1].rows == []  # nothing merged yet
