"""Warnings of update files that leave out a task their agency holds and that is active in their quarter."""

from __future__ import annotations

from pathlib import Path

from dnnd.checks.omitted_entries import ActiveTasks
from dnnd.checks.registry import UpdateContext
from dnnd.evaluate.update_scaffold import held_tasks
from dnnd.plan.periods import quarter
from dnnd.repository import load_repository
from tests.conftest import PROJECT, MakeRepo
from tests.git_helpers import update
from tests.problem_helpers import problems

LHHN = (2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15)  # what lhhn holds in 2020-Q3 and 2020-Q4, all active
SNGV = ((2, "in_progress"), (3, "in_progress"), (4, "done", "2020-09-01"), *((n, "in_progress") for n in (5, 6, 7)))


def lhhn(period: str, *left_out: int) -> dict[str, str]:
    return update("lhhn", period, *((task, "in_progress") for task in LHHN if task not in left_out))


def warnings(root: Path, lang: str = "vi") -> list[str]:
    return [warning.render(lang) for warning in load_repository(root, use_cache=False).warnings]


def test_a_held_task_left_out_is_a_warning_naming_the_agency_its_role_and_the_file(make_repo: MakeRepo) -> None:
    root = make_repo(lhhn("2020-Q3", 2))
    assert problems(root) == []  # a warning: the file is counted
    assert warnings(root) == [
        "plan/updates/lhhn/2020-Q3.yaml: entries: lhhn phối hợp nhiệm vụ 2 nhưng tệp 2020-Q3 không có mục cho nhiệm "
        "vụ này"
    ]
    assert warnings(root, "en") == [
        "plan/updates/lhhn/2020-Q3.yaml: entries: lhhn supports task 2 but its 2020-Q3 file has no entry for it"
    ]
    assert warnings(make_repo(lhhn("2020-Q3"), name="whole")) == []


def test_the_same_tasks_left_out_of_several_files_are_one_warning_on_the_folder(make_repo: MakeRepo) -> None:
    root = make_repo({**lhhn("2020-Q3", 2, 3, 14), **lhhn("2020-Q4", 2, 3), **lhhn("2021-Q2", 2, 3)})
    assert warnings(root) == [
        "plan/updates/lhhn: lhhn phối hợp nhiệm vụ 2, 3 nhưng các tệp 2020-Q3 đến 2020-Q4, 2021-Q2 không có mục cho "
        "các nhiệm vụ này",
        "plan/updates/lhhn/2020-Q3.yaml: entries: lhhn chủ trì nhiệm vụ 14 nhưng tệp 2020-Q3 không có mục cho nhiệm "
        "vụ này",
    ]
    assert warnings(root, "en")[0].endswith(
        "supports tasks 2, 3 but its files 2020-Q3 to 2020-Q4, 2021-Q2 have no entry for them"
    )


def test_a_task_done_before_the_quarter_or_waiting_for_an_event_is_not_asked_for(make_repo: MakeRepo) -> None:
    sngv = update("sngv", "2020-Q3", *SNGV, *((n, "in_progress") for n in (11, 12, 13, 14, 15)))
    snv = {**update("snv", "2020-Q3", *((n, "in_progress") for n in (2, 3, 5, 13, 15)))}
    snv |= update("snv", "2020-Q4", *((n, "in_progress") for n in (2, 3, 5, 13, 15)))
    # task 4 was done on 01/09/2020, before 2020-Q4's window; task 1, which snv also holds, waits for the Ministry
    assert warnings(make_repo({**sngv, **snv})) == [
        "plan/updates/snv/2020-Q3.yaml: entries: snv phối hợp nhiệm vụ 4 nhưng tệp 2020-Q3 không có mục cho nhiệm vụ này"
    ]


def test_a_task_its_line_of_succession_reported_that_quarter_is_not_asked_for_again(make_repo: MakeRepo) -> None:
    # stttt's duties on tasks 8 (lead) and 11 (support) passed to svhtt on 01/03/2025, within 2025-Q1's window
    files = {
        **update("stttt", "2025-Q1", (8, "in_progress"), (11, "in_progress")),
        **update("svhtt", "2025-Q1", (8, "blocked")),
    }
    files |= update("svhtt", "2025-Q2", (11, "in_progress"))
    assert warnings(make_repo(files), "en") == [
        "plan/updates/svhtt/2025-Q2.yaml: entries: svhtt leads task 8 but its 2025-Q2 file has no entry for it"
    ]


def test_the_tasks_asked_for_are_those_new_update_lists() -> None:
    repo = load_repository(PROJECT / "examples" / "khanhhoa-2020", use_cache=False)
    context = UpdateContext(repo.plan, repo.agencies, repo.tasks, repo.schedules)
    occurred = {event.id: event.occurred_on for event in repo.events.values()}
    rule, inactive = ActiveTasks(context, repo.summary.completions, occurred), 0
    for year, number in ((year, number) for year in range(2020, 2027) for number in (1, 2, 3, 4)):
        period = quarter(year, number)
        judged = rule.of(period, context.window(period.name))
        active = {task for task in repo.tasks if judged[task]}
        inactive += len(repo.tasks) - len(active)
        for agency in repo.agencies:
            expected = [item.task.id for item in held_tasks(repo, agency, period)]
            assert sorted(context.held(period.name).get(agency, set()) & active) == expected, (agency, period)
    assert inactive > 50  # waiting, and done before the quarter (yearly occurrences included)
