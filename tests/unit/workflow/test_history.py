"""When update files reached main: submissions, their due dates, the log's filters and the late ones (real git)."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.errors import UsageError
from dnnd.evaluate.status_report import PeriodChoice, status_report
from dnnd.load.git import Landing
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import load_repository
from dnnd.workflow.history import Submission, landed, late_for, late_submissions, submission_due, submissions
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import FOCAL, branch, commit, init, submit, update

D = dt.date
# 2023-Q3: cut-off Thursday 14/9/2023; + 2 working days (Friday, then Monday): due Monday 18/9/2023.
LHHN = update("lhhn", "2023-Q3", (2, "in_progress"))
SNV = update("snv", "2023-Q3", (2, "in_progress"))
LHHN_Q4 = update("lhhn", "2023-Q4", (2, "in_progress"))
STTTT = update("stttt", "2023-Q3", (8, "in_progress"))
ON_TIME, LATE = "2023-09-18T16:00:00+07:00", "2023-09-19T08:00:00+07:00"
Q4_LATE = "2023-12-20T08:00:00+07:00"  # 2023-Q4 is due on Monday 18/12/2023


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def plan(reporting: str) -> dict[str, str]:
    return {"plan/plan.yaml": (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8") + f"reporting:\n{reporting}"}


def rels(items: list[Submission]) -> list[str]:
    return [item.rel.removeprefix("plan/updates/") for item in items]


def named(items: list[Submission]) -> list[tuple[str, str]]:
    return [(item.agency, item.quarter.name) for item in items]


@pytest.mark.parametrize(
    ("reporting", "quarter", "due"),
    [
        ("  holidays: []\n", "2023-Q3", D(2023, 9, 18)),
        ("  holidays: [2023-09-15]\n", "2023-Q3", D(2023, 9, 19)),
        ("  holidays: [2023-09-15, 2023-09-18]\n", "2023-Q3", D(2023, 9, 20)),
        ("  holidays: []\n", "2020-Q4", D(2020, 12, 16)),  # cut-off on a Monday
        ("  windows: calendar\n", "2023-Q3", D(2023, 10, 3)),  # 30/9/2023 is a Saturday
        ("  submission_days: 0\n", "2023-Q3", D(2023, 9, 14)),
        ("  submission_days: 5\n", "2023-Q3", D(2023, 9, 21)),
    ],
)
def test_submission_due(make_repo: MakeRepo, reporting: str, quarter: str, due: dt.date) -> None:
    assert submission_due(load_repository(make_repo(plan(reporting))), P(quarter)) == due


@pytest.mark.parametrize(
    ("reached", "day", "late"),
    [
        ("2023-09-18T23:59:00+07:00", D(2023, 9, 18), False),
        ("2023-09-18T16:30:00+00:00", D(2023, 9, 18), False),
        ("2023-09-18T17:30:00+00:00", D(2023, 9, 19), True),
        ("2023-09-19T01:00:00+09:00", D(2023, 9, 18), False),
    ],
)
def test_reached_on_is_the_day_in_vietnam(reached: str, day: dt.date, late: bool) -> None:
    landing = Landing("abc", dt.datetime.fromisoformat(reached), "Trần Đầu Mối", ())
    item = Submission("plan/updates/lhhn/2023-Q3.yaml", "lhhn", P("2023-Q3"), landing, landing, 1, D(2023, 9, 18))
    assert (item.reached_on, item.late) == (day, late)


def test_a_submission_reaches_main_when_merged_and_counts_its_changes(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-01T10:00:00+07:00", merged=LATE)
    fixed = update("lhhn", "2023-Q3", (2, "blocked"))
    last = commit(root, fixed, author=("Lê Văn Sửa", "sua@lhhn.example"), date="2023-10-02T14:30:00+07:00")
    (item,) = submissions(load_repository(root))
    assert (item.rel, item.agency, item.quarter) == ("plan/updates/lhhn/2023-Q3.yaml", "lhhn", P("2023-Q3"))
    assert item.changes == 2
    assert (item.first.author, item.first.when.isoformat()) == (FOCAL[0], "2023-09-19T08:00:00+07:00")
    assert (item.last.commit, item.last.author) == (last, "Lê Văn Sửa")
    assert (item.reached_on, item.due, item.late) == (D(2023, 9, 19), D(2023, 9, 18), True)


def test_only_update_files_named_agency_and_quarter_are_submissions(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    others = {f"plan/updates/{rel}": "x\n" for rel in ("README.md", "lhhn/ghi-chu.txt", "lhhn/2023-H2.yaml")}
    submit(root, "lhhn4", LHHN_Q4, committed="2023-12-01T10:00:00+07:00", merged="2023-12-15T10:00:00+07:00")
    submit(root, "all", {**SNV, **LHHN, **others}, committed="2023-12-01T10:00:00+07:00", merged=Q4_LATE)
    submit(root, "nested", {"plan/updates/lhhn/cu/2023-Q2.yaml": "x\n"}, committed=Q4_LATE, merged=Q4_LATE)
    found = submissions(load_repository(root))
    assert named(found) == [("lhhn", "2023-Q3"), ("snv", "2023-Q3"), ("lhhn", "2023-Q4")]


def test_landed_filters_by_quarter_agency_and_branch(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-01T10:00:00+07:00", merged=ON_TIME)
    submit(root, "lhhn4", LHHN_Q4, committed="2023-12-01T10:00:00+07:00", merged=Q4_LATE)
    branch(root, "snv")
    commit(root, SNV, date="2023-09-13T10:00:00+07:00")  # not merged
    repo = load_repository(root)
    every = {"every_quarter": True}
    assert rels(landed(repo, None, None, None, **every)[0]) == ["lhhn/2023-Q3.yaml", "lhhn/2023-Q4.yaml"]
    assert rels(landed(repo, P("2023-Q3"), None, "snv")[0]) == ["lhhn/2023-Q3.yaml", "snv/2023-Q3.yaml"]
    assert rels(landed(repo, P("2023-Q4"), "lhhn", None)[0]) == ["lhhn/2023-Q4.yaml"]
    assert rels(landed(repo, None, "snv", None, **every)[0]) == []
    with pytest.raises(UsageError):
        landed(repo, None, "xyz", None)


def test_landed_takes_the_quarter_being_reported_by_default_and_says_why(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    submit(root, "lhhn", LHHN, committed="2023-09-01T10:00:00+07:00", merged=ON_TIME)
    submit(root, "lhhn4", LHHN_Q4, committed="2023-12-01T10:00:00+07:00", merged=Q4_LATE)
    repo = load_repository(root)
    found, why = landed(repo, None, None, None, today=dt.date(2023, 10, 1))  # 2023-Q3 ended 14/09, not locked
    assert rels(found) == ["lhhn/2023-Q3.yaml"] and why is not None and "2023-Q3" in why.vi
    found, why = landed(repo, None, None, None, today=dt.date(2023, 12, 20))
    assert rels(found) == ["lhhn/2023-Q4.yaml"] and why is not None and "2023-Q4" in why.vi


def test_late_submissions_of_the_quarters_asked(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    for name, files, merged in (("a", LHHN, LATE), ("b", SNV, ON_TIME), ("c", LHHN_Q4, Q4_LATE)):
        submit(root, name, files, committed="2023-09-01T10:00:00+07:00", merged=merged)
    repo = load_repository(root)
    assert named(late_submissions(repo, [P("2023-Q3")])) == [("lhhn", "2023-Q3")]
    assert named(late_submissions(repo, [P("2023-Q3"), P("2023-Q4")])) == [("lhhn", "2023-Q3"), ("lhhn", "2023-Q4")]
    assert named(late_submissions(repo, P("2023-H2").quarters())) == [("lhhn", "2023-Q3"), ("lhhn", "2023-Q4")]
    assert late_submissions(repo, [P("2024-Q1")]) == []


def test_late_for_keeps_the_agencies_holding_the_reports_tasks(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    for name, files in (("stttt", STTTT), ("snv", SNV)):
        submit(root, name, files, committed="2023-09-01T10:00:00+07:00", merged=LATE)
    repo = load_repository(root)
    everything = status_report(repo, PeriodChoice(P("2023-Q3")), today=D(2024, 1, 1))
    assert [item.agency for item in late_for(repo, everything)] == ["snv", "stttt"]
    press = status_report(repo, PeriodChoice(P("2023-Q3")), today=D(2024, 1, 1), agency_id="stttt")
    assert [item.agency for item in late_for(repo, press)] == ["stttt"]  # snv holds neither task 8 nor 11
    later = status_report(repo, PeriodChoice(P("2023-Q4")), today=D(2024, 1, 1))
    assert late_for(repo, later) == []
