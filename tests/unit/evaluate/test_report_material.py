"""The material of a report: the period's entries by task (leads first), the leads' latest, the coming tasks."""

from __future__ import annotations

import datetime as dt

from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.report_material import ComingTask, ReportMaterial, coming_tasks
from dnnd.evaluate.task_status import Evaluation, TaskResult, evaluate
from dnnd.load.summary import ReportedEntry
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import update

D = dt.date
EVENTS = (EMBEDDED_PLAN / "events.yaml").read_text("utf-8")


def _period(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def _evaluation(repo: Repository, name: str) -> Evaluation:
    period = _period(name)
    return evaluate(build_facts(repo), list(repo.tasks), period, period.window(repo.plan.reporting.windows).end)


def _material(repo: Repository, name: str) -> ReportMaterial:
    return ReportMaterial(repo, _evaluation(repo, name))


def _next_end(repo: Repository, evaluation: Evaluation) -> dt.date:
    return evaluation.period.next().window(repo.plan.reporting.windows).end


def _who(items: list[ReportedEntry]) -> list[tuple[str, str]]:
    return [(item.agency, item.period) for item in items]


def test_entries_are_those_of_the_periods_quarters_newest_first(make_repo: MakeRepo) -> None:
    files: dict[str, str] = {}
    for quarter in ("2020-Q3", "2020-Q4", "2021-Q1"):
        files |= update("lhhn", quarter, (5, "in_progress"), (6, "in_progress"))
    repo = load_repository(make_repo(files), use_cache=False)
    assert _who(_material(repo, "2020-Q4").entries[5]) == [("lhhn", "2020-Q4")]
    half_year = _material(repo, "2020-H2").entries
    assert _who(half_year[5]) == _who(half_year[6]) == [("lhhn", "2020-Q4"), ("lhhn", "2020-Q3")]
    assert _who(_material(repo, "2020").entries[6]) == [("lhhn", "2020-Q4"), ("lhhn", "2020-Q3")]
    assert _who(_material(repo, "2021-Q1").entries[6]) == [("lhhn", "2021-Q1")]
    assert _material(repo, "2020-Q4").entries[7] == []


def test_ordered_puts_leads_first_in_the_decisions_order_then_supporters_oldest_first(make_repo: MakeRepo) -> None:
    files: dict[str, str] = {}
    for agency in ("mttq", "lhhn", "sngv"):  # task 5: lead sngv, lhhn; support bdv, mttq, snv, lienquan
        for quarter in ("2020-Q4", "2020-Q3"):
            files |= update(agency, quarter, (5, "in_progress"))
    repo = load_repository(make_repo(files), use_cache=False)
    assert _who(_material(repo, "2020-H2").ordered(5)) == [
        ("sngv", "2020-Q3"),
        ("sngv", "2020-Q4"),
        ("lhhn", "2020-Q3"),
        ("lhhn", "2020-Q4"),
        ("mttq", "2020-Q3"),
        ("mttq", "2020-Q4"),
    ]


def test_is_lead_holds_for_the_decisions_leads_and_their_successors(make_repo: MakeRepo) -> None:
    material = _material(load_repository(make_repo(), use_cache=False), "2025-Q2")
    assert material.is_lead(5, "sngv") and material.is_lead(5, "lhhn")
    assert not material.is_lead(5, "mttq")
    assert material.is_lead(8, "svhtt")  # Sở Thông tin và Truyền thông's task 8 passed to it on 01/03/2025
    assert material.is_lead(8, "stttt")  # the decision named it: its earlier entries are still a lead's
    assert not material.is_lead(8, "btg")
    before = _material(load_repository(make_repo(name="before"), use_cache=False), "2020-Q4")
    assert before.is_lead(8, "stttt") and not before.is_lead(8, "svhtt")


def test_leads_latest_keeps_each_leads_newest_entry_and_no_supporter(make_repo: MakeRepo) -> None:
    files = {
        **update("sngv", "2020-Q3", (5, "in_progress"), summary="Cũ."),
        **update("sngv", "2020-Q4", (5, "in_progress"), summary="Mới."),
        **update("lhhn", "2020-Q3", (5, "in_progress")),
        **update("mttq", "2020-Q4", (5, "in_progress")),
    }
    material = _material(load_repository(make_repo(files), use_cache=False), "2020-H2")
    latest = material.leads_latest(5)
    assert _who(latest) == [("sngv", "2020-Q4"), ("lhhn", "2020-Q3")]
    assert latest[0].entry.summary == "Mới."
    assert material.leads_latest(6) == []


def test_coming_tasks_lists_the_overdue_first_then_the_due_and_never_the_ongoing(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(), use_cache=False)
    evaluation = _evaluation(repo, "2020-Q4")
    assert coming_tasks(repo, evaluation, _next_end(repo, evaluation)) == [
        ComingTask(4, "overdue", D(2020, 9, 30)),
        ComingTask(8, "overdue", D(2020, 11, 17)),
        ComingTask(13, "overdue", D(2020, 11, 17)),
        ComingTask(14, "due", D(2020, 12, 31)),
    ]
    ongoing = {result.task for result in evaluation.results if result.status == "ongoing"}
    assert ongoing == {2, 3, 5, 6, 7, 11, 12, 15}


def test_coming_tasks_holds_the_tasks_due_by_the_next_periods_end_only(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(), use_cache=False)
    evaluation = _evaluation(repo, "2020-Q3")
    assert _next_end(repo, evaluation) == D(2020, 12, 14)
    found = coming_tasks(repo, evaluation, _next_end(repo, evaluation))
    assert found == [
        ComingTask(4, "due", D(2020, 9, 30)),
        ComingTask(8, "due", D(2020, 11, 17)),
        ComingTask(13, "due", D(2020, 11, 17)),
    ]  # not 14, due 31/12/2020
    assert coming_tasks(repo, evaluation, D(2020, 12, 31))[-1] == ComingTask(14, "due", D(2020, 12, 31))
    assert [item.task for item in coming_tasks(repo, evaluation, D(2020, 11, 16))] == [4]


def test_coming_tasks_lists_a_yearly_tasks_next_occurrence_once_done(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(), use_cache=False)
    period = _period("2020")
    window = period.window(repo.plan.reporting.windows)
    results = {
        8: TaskResult(8, "done_on_time", D(2020, 11, 17), D(2020, 11, 10), 2020),
        14: TaskResult(14, "done_on_time", D(2020, 12, 31), D(2020, 12, 1), 2020),
    }
    found = [results.get(task, TaskResult(task, "waiting", None, None)) for task in repo.tasks]
    evaluation = Evaluation(period, window, window.end, found, [])
    # 14's next occurrence (31/12/2021) falls after the next year's window
    assert coming_tasks(repo, evaluation, _next_end(repo, evaluation)) == [ComingTask(8, "yearly", D(2021, 11, 17))]


def test_coming_tasks_lists_a_task_whose_awaited_guidance_came_unless_still_waiting_or_done(
    make_repo: MakeRepo,
) -> None:
    # Bộ Ngoại giao's guidance came on 02/11/2020, Bộ Nội vụ's has not: task 9 (awaiting the first) can start,
    # task 1 (awaiting both) still waits; Sở Ngoại vụ reported task 10 (awaiting the first) done on 01/12/2020.
    events = EVENTS.replace("occurred_on: null", "occurred_on: 2020-11-02", 1)
    files = {"plan/events.yaml": events, **update("sngv", "2020-Q4", (10, "done", "2020-12-01"))}
    repo = load_repository(make_repo(files), use_cache=False)
    evaluation = _evaluation(repo, "2020-Q4")
    assert [(result.task, result.status) for result in evaluation.results if result.task in (1, 9, 10)] == [
        (1, "waiting"),
        (9, "in_progress"),
        (10, "done"),
    ]
    found = coming_tasks(repo, evaluation, _next_end(repo, evaluation))
    assert [(item.task, item.why) for item in found] == [
        (4, "overdue"),
        (8, "overdue"),
        (13, "overdue"),
        (9, "guidance"),
        (14, "due"),
    ]
    assert found[3] == ComingTask(9, "guidance", None)
