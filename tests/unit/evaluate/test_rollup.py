"""The national roll-up: each province's counts and missing agencies, failed repositories, totals, duplicates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dnnd.errors import UsageError
from dnnd.evaluate.rollup import MissingAgency, Province, load_province, roll_up
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.plan.periods import Period, parse_period
from dnnd.plan.vocabulary import empty_counts
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import update

D = dt.date
TODAY = D(2024, 1, 1)
TASKS = (EMBEDDED_PLAN / "tasks.yaml").read_text(encoding="utf-8")
Q3_COUNTS = {**empty_counts(), "in_progress": 4, "ongoing": 8, "waiting": 3}


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def plan_named(plan_id: str, extra: str = "") -> dict[str, str]:
    text = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8")
    assert "id: khanhhoa-dnnd-2020\n" in text
    return {"plan/plan.yaml": text.replace("id: khanhhoa-dnnd-2020\n", f"id: {plan_id}\n") + extra}


def test_each_province_is_counted_in_the_order_given_and_the_totals_add_up(make_repo: MakeRepo) -> None:
    first = make_repo(name="khanh-hoa")
    done = update("sngv", "2020-Q3", (4, "done", "2020-09-10"))
    second = make_repo({**plan_named("phuyen-dnnd"), **done}, name="phu-yen")
    told: list[str] = []
    rollup = roll_up([first, second], PeriodChoice(P("2020-Q3")), today=TODAY, done=lambda p: told.append(p.plan))
    assert told == ["khanhhoa-dnnd-2020", "phuyen-dnnd"]
    one, two = rollup.provinces
    assert (one.repository, one.period, one.as_of, one.counts) == (str(first), "2020-Q3", D(2020, 9, 14), Q3_COUNTS)
    assert two.counts == {**Q3_COUNTS, "in_progress": 3, "done_on_time": 1}
    assert rollup.totals == {**empty_counts(), "in_progress": 7, "done_on_time": 1, "ongoing": 16, "waiting": 6}
    assert (rollup.periods, rollup.as_of, rollup.failed) == (["2020-Q3"], D(2020, 9, 14), [])


def test_missing_agencies_are_named_with_their_quarters_and_tasks(make_repo: MakeRepo) -> None:
    files = {**update("lhhn", "2020-Q3", (2, "in_progress")), **update("lhhn", "2020-Q4", (2, "in_progress"))}
    province = load_province(make_repo(files), PeriodChoice(P("2020-H2")), today=TODAY)
    missing = {item.agency: item for item in province.missing}
    assert list(missing) == ["sngv", "snv", "stttt", "bdv", "btg", "mttq", "lhhn", "baokh", "ktv", "congttdt"]
    assert missing["stttt"] == MissingAgency(
        "stttt", "Sở Thông tin và Truyền thông", "STTTT", ("2020-Q3", "2020-Q4"), (8, 11)
    )
    assert missing["lhhn"].tasks == (3, 4, 5, 6, 7, 11, 12, 13, 14, 15)
    assert (province.period, province.as_of) == ("2020-H2", D(2020, 12, 14))


def test_invalid_update_files_are_counted_as_left_out(make_repo: MakeRepo) -> None:
    root = make_repo({**update("lhhn", "2020-Q3", (2, "finished")), **update("snv", "2020-Q3", (2, "in_progress"))})
    province = load_province(root, PeriodChoice(P("2020-Q3")), today=TODAY)
    assert (province.left_out, province.failed, province.counts) == (1, False, Q3_COUNTS)
    assert "lhhn" in {item.agency for item in province.missing}
    assert "snv" in {item.agency for item in province.missing}  # still missing tasks 3, 4, 5, 13, 15


def test_a_repository_that_does_not_load_is_recorded_and_left_out_of_the_totals(make_repo: MakeRepo) -> None:
    good = make_repo(name="good")
    broken = make_repo(
        {**plan_named("broken-plan"), "plan/tasks.yaml": TASKS.replace("lead: [sngv]", "lead: [xyz]")}, name="broken"
    )
    rollup = roll_up([good, broken], PeriodChoice(P("2020-Q3")), today=TODAY)
    failed = rollup.provinces[1]
    assert rollup.failed == [failed]
    assert (failed.plan, failed.counts, failed.period, failed.problem_count) == ("broken-plan", {}, None, 7)
    assert [(problem.path, problem.line) for problem in failed.problems] == [
        ("plan/tasks.yaml", n) for n in (6, 11, 16)
    ]
    assert failed.error is not None and failed.error.en == "The plan data has errors."
    assert (rollup.totals, rollup.periods) == (Q3_COUNTS, ["2020-Q3"])


def test_a_folder_without_a_plan_is_named_after_the_folder(tmp_path: Path) -> None:
    (tmp_path / "trong").mkdir()
    for folder in (tmp_path / "trong", tmp_path / "khong-co"):
        province = load_province(folder, PeriodChoice(P("2020-Q3")), today=TODAY)
        assert (province.plan, province.title, province.counts, province.failed) == (folder.name, "", {}, True)
        assert province.error is not None
        assert province.error.en == f"'{folder}' is not a plan repository: it has no plan/plan.yaml"


def test_provinces_with_other_windows_may_evaluate_another_quarter(make_repo: MakeRepo) -> None:
    cutoff = make_repo(name="cutoff")
    calendar = make_repo(plan_named("lich", "reporting:\n  windows: calendar\n"), name="calendar")
    # 30/01/2021: 47 days after the cut-off window's end (14/12), 30 after the calendar one's (31/12)
    rollup = roll_up([cutoff, calendar], PeriodChoice(as_of=D(2021, 1, 30)), today=TODAY)
    assert [province.period for province in rollup.provinces] == ["2021-Q1", "2020-Q4"]
    assert (rollup.periods, rollup.as_of) == (["2020-Q4", "2021-Q1"], D(2021, 1, 30))


def test_a_repository_given_twice_is_refused_before_any_is_read(make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo()
    again = tmp_path / "khac" / ".." / "repo"
    told: list[Province] = []
    with pytest.raises(UsageError) as raised:
        roll_up([root, make_repo(name="other"), again], PeriodChoice(P("2020-Q3")), today=TODAY, done=told.append)
    assert raised.value.message.en == (
        f"repository '{again}' is given twice (as '{root}' too): each province counts once"
    )
    assert told == []


def test_the_same_path_object_given_twice_is_refused(make_repo: MakeRepo) -> None:
    root = make_repo()
    with pytest.raises(UsageError):
        roll_up([root, root], PeriodChoice(P("2020-Q3")), today=TODAY)
