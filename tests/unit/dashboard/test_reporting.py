"""Each agency's reporting quarter by quarter: on time, late, not reported, not yet due, reported, nothing due."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.dashboard.reporting import ReportingGrid, Standing, main_branch_submissions, reporting_grid
from dnnd.evaluate.quarter_history import QuarterRecord
from dnnd.load.git import Landing
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from dnnd.workflow.history import VIETNAM, Submission, submission_due
from tests.conftest import MakeRepo
from tests.git_helpers import init, submit, update

D = dt.date
Q3_DUE, Q4_DUE = D(2020, 9, 16), D(2020, 12, 16)  # cut-off 14/9 (Monday) and 14/12 (Monday), + 2 working days


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(), use_cache=False)


def record(quarter: str, expected: dict[str, tuple[int, ...]], missing: dict[str, tuple[int, ...]]) -> QuarterRecord:
    """A quarter evaluated at its window's end: who had to report on what and who did not."""
    period = P(quarter)
    return QuarterRecord(period, period.window().end, {}, expected, missing, {}, True)


def arrived(repo: Repository, agency: str, quarter: str, day: dt.date) -> Submission:
    """The agency's file of `quarter` first reached main on `day` (at 10:00, Vietnam time)."""
    rel = f"plan/updates/{agency}/{quarter}.yaml"
    landing = Landing("abc123", dt.datetime.combine(day, dt.time(10), tzinfo=VIETNAM), "Clerk", (rel,))
    return Submission(rel, agency, P(quarter), landing, landing, 1, submission_due(repo, P(quarter)))


def standing(grid: ReportingGrid, agency: str, quarter: str) -> Standing:
    return grid.standings[agency][P(quarter)]


def test_the_due_days_are_the_cut_off_plus_two_working_days(repo: Repository) -> None:
    assert (submission_due(repo, P("2020-Q3")), submission_due(repo, P("2020-Q4"))) == (Q3_DUE, Q4_DUE)


def test_a_quarter_without_reports_is_pending_until_its_due_day_then_missing(repo: Repository) -> None:
    history = [record("2020-Q4", {"lhhn": (2, 3)}, {"lhhn": (2, 3)})]
    on_the_day = reporting_grid(repo, history, [], Q4_DUE)
    day_after = reporting_grid(repo, history, [], Q4_DUE + dt.timedelta(days=1))
    assert standing(on_the_day, "lhhn", "2020-Q4") == Standing("pending", (2, 3), (2, 3), Q4_DUE)
    assert standing(day_after, "lhhn", "2020-Q4") == Standing("missing", (2, 3), (2, 3), Q4_DUE)
    assert (on_the_day.history_read, day_after.history_read) == (True, True)


def test_a_report_that_reached_main_by_its_due_day_is_on_time_and_after_it_late(repo: Repository) -> None:
    history = [record("2020-Q4", {"lhhn": (2,), "snv": (2,)}, {})]
    found = [arrived(repo, "lhhn", "2020-Q4", Q4_DUE), arrived(repo, "snv", "2020-Q4", D(2020, 12, 19))]
    grid = reporting_grid(repo, history, found, D(2021, 1, 1))
    on_time, late = standing(grid, "lhhn", "2020-Q4"), standing(grid, "snv", "2020-Q4")
    assert (on_time.state, on_time.reached_on, on_time.days_late) == ("on_time", Q4_DUE, 0)
    assert (late.state, late.reached_on, late.days_late) == ("late", D(2020, 12, 19), 3)
    assert (late.expected, late.missing, late.due) == ((2,), (), Q4_DUE)


def test_without_the_history_a_complete_report_is_submitted_with_no_day_and_no_lateness(repo: Repository) -> None:
    history = [record("2020-Q4", {"lhhn": (2,), "snv": (3,)}, {"snv": (3,)})]
    grid = reporting_grid(repo, history, None, D(2021, 1, 1))
    assert grid.history_read is False
    assert standing(grid, "lhhn", "2020-Q4") == Standing("submitted", (2,), (), Q4_DUE, None)
    assert standing(grid, "lhhn", "2020-Q4").days_late == 0
    assert standing(grid, "snv", "2020-Q4").state == "missing"


def test_an_agency_with_nothing_expected_in_a_quarter_has_nothing_to_report_then(repo: Repository) -> None:
    history = [record("2020-Q3", {"lhhn": (2,), "stttt": (8,)}, {}), record("2020-Q4", {"lhhn": (2,)}, {})]
    grid = reporting_grid(repo, history, None, D(2021, 1, 1))
    assert grid.quarters == [P("2020-Q3"), P("2020-Q4")]
    assert standing(grid, "stttt", "2020-Q3").state == "submitted"
    assert standing(grid, "stttt", "2020-Q4") == Standing("none", (), (), Q4_DUE)


def test_a_file_that_arrived_is_judged_by_its_arrival_and_the_tasks_it_left_out_are_kept(repo: Repository) -> None:
    history = [record("2020-Q4", {"lhhn": (2, 3)}, {"lhhn": (3,)})]
    found = [arrived(repo, "lhhn", "2020-Q4", D(2020, 12, 10))]
    before = standing(reporting_grid(repo, history, found, D(2020, 12, 9)), "lhhn", "2020-Q4")
    assert before.state == "pending" and before.reached_on is None  # as of a day before it arrived
    after = standing(reporting_grid(repo, history, found, D(2021, 1, 1)), "lhhn", "2020-Q4")
    assert (after.state, after.missing, after.reached_on, after.days_late) == ("on_time", (3,), D(2020, 12, 10), 0)


def test_the_agencies_are_those_involved_in_the_plans_order_unknown_ones_left_out(repo: Repository) -> None:
    history = [record("2020-Q3", {"lhhn": (2,), "sngv": (2,)}, {}), record("2020-Q4", {"btg": (8,)}, {})]
    found = [arrived(repo, "stc", "2020-Q4", D(2020, 12, 20)), arrived(repo, "xyz", "2020-Q4", D(2020, 12, 1))]
    grid = reporting_grid(repo, history, found, D(2021, 1, 1))
    assert grid.agencies == ["sngv", "stc", "btg", "lhhn"]  # agencies.yaml's order
    assert standing(grid, "stc", "2020-Q4").state == "late" and standing(grid, "stc", "2020-Q3").state == "none"
    assert list(grid.standings) == grid.agencies


def test_counts_tell_how_many_agencies_stand_in_each_state_in_a_quarter(repo: Repository) -> None:
    expected = {"sngv": (2,), "snv": (2,), "bdv": (2,), "mttq": (2,), "lhhn": (2,)}
    history = [record("2020-Q3", expected, {"bdv": (2,), "mttq": (2,)}), record("2020-Q4", {"sngv": (2,)}, {})]
    found = [arrived(repo, "sngv", "2020-Q3", Q3_DUE), arrived(repo, "snv", "2020-Q3", D(2020, 9, 30))]
    grid = reporting_grid(repo, history, found, D(2021, 1, 1))
    assert grid.counts(P("2020-Q3")) == {"on_time": 1, "late": 1, "missing": 2, "submitted": 1}
    assert grid.counts(P("2020-Q4")) == {"submitted": 1, "none": 4}


def test_without_git_the_main_branchs_submissions_are_unknown(repo: Repository) -> None:
    assert main_branch_submissions(repo) is None


def test_with_git_the_main_branch_gives_when_each_file_arrived(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    files = update("lhhn", "2020-Q4", (2, "in_progress"))
    submit(root, "lhhn", files, committed="2020-12-10T09:00:00+07:00", merged="2020-12-17T09:00:00+07:00")
    found = main_branch_submissions(load_repository(root, use_cache=False))
    assert found is not None
    assert [(item.agency, item.quarter, item.reached_on, item.late) for item in found] == [
        ("lhhn", P("2020-Q4"), D(2020, 12, 17), True)
    ]
