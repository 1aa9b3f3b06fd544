"""The quarters an update file may be for: from the plan's first reporting period to the quarter whose data
window holds today. A quarter whose window has not begun cannot be reported on yet (`2027-Q3` typed for
`2026-Q3`), and one before the plan has nothing to report.

Checked across files when the repository loads, not by the per-file cache: the answer changes with the date
(the snapshot's key holds the date for the same reason).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.plan.periods import Period, first_reporting_quarter, parse_period, quarter_containing
from dnnd.plan.vietnamese import dmy

if TYPE_CHECKING:
    from dnnd.load.records import UpdateLike
    from dnnd.plan.models import Plan


def first_quarter(plan: Plan) -> Period:
    """The plan's first reporting period: `reporting.first_period` when given, else the one evaluation expects
    reports from (`plan.periods.first_reporting_quarter`: 2020-Q3 for a decision of 27/05/2020)."""
    if plan.reporting.first_period is not None:
        named = parse_period(plan.reporting.first_period, "quarter")
        assert named is not None  # the model's pattern guarantees it
        return named
    return first_reporting_quarter(plan.decision.date, plan.reporting.windows)


def allowed_quarters(plan: Plan, today: dt.date) -> tuple[Period, Period]:
    """The first and the last quarter an update file may be for on `today`."""
    return first_quarter(plan), quarter_containing(today, plan.reporting.windows)


def period_problem(
    plan: Plan, quarter: Period, today: dt.date, allowed: tuple[Period, Period] | None = None
) -> Text | None:
    """Why no update may be written for `quarter` on `today` (`allowed`: its first and last quarter, when
    known already), or None."""
    first, last = allowed or allowed_quarters(plan, today)
    if first <= quarter <= last:
        return None
    span = f"từ {first.name} đến {last.name}"
    if quarter < first:
        return Text(
            f"kỳ {quarter.name} trước kỳ báo cáo đầu tiên của kế hoạch ({first.name}, sau quyết định ngày "
            f"{dmy(plan.decision.date)}): các kỳ được báo cáo: {span}",
            f"{quarter.name} comes before the plan's first reporting period ({first.name}, after the decision of "
            f"{plan.decision.date.isoformat()}): the periods allowed are {first.name} to {last.name}",
        )
    start = quarter.window(plan.reporting.windows).start
    return Text(
        f"kỳ {quarter.name} chưa bắt đầu (số liệu từ ngày {dmy(start)}; hôm nay {dmy(today)}): các kỳ được báo "
        f"cáo: {span}; có phải gõ nhầm năm?",
        f"{quarter.name} has not begun (its data window opens on {start.isoformat()}; today is "
        f"{today.isoformat()}): the periods allowed are {first.name} to {last.name}; a mistyped year?",
    )


def periods_out_of_range(
    plan: Plan, updates: Iterable[tuple[str, UpdateLike]], today: dt.date
) -> dict[str, list[Problem]]:
    """The update files (rel → problem) for a quarter not allowed on `today`."""
    allowed = allowed_quarters(plan, today)
    verdicts: dict[str, Text | None] = {}  # a repository has few quarters and many files
    found: dict[str, list[Problem]] = {}
    for rel, update in updates:
        if update.period not in verdicts:
            quarter = parse_period(update.period, "quarter")
            verdicts[update.period] = None if quarter is None else period_problem(plan, quarter, today, allowed)
        message = verdicts[update.period]
        if message is not None:
            found[rel] = [Problem(rel, None, None, "period", message)]
    return found
