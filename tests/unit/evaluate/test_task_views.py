"""Task views: roles at a date through successions, the agency filter, each lead's latest entry, the usage errors."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.errors import UsageError
from dnnd.evaluate.task_views import TaskView, check_agency, roles_at, task_view, task_views
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import update

D = dt.date
TASK_5 = {
    **update("sngv", "2020-Q3", (5, "in_progress")),
    **update("sngv", "2020-Q4", (5, "in_progress")),
    **update("lhhn", "2020-Q3", (5, "in_progress")),
    **update("snv", "2020-Q3", (5, "in_progress")),
}
TASK_8 = {**update("stttt", "2024-Q4", (8, "in_progress")), **update("svhtt", "2025-Q2", (8, "in_progress"))}


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def view(repo: Repository, task: int, day: dt.date | None = None, until: str | None = None) -> TaskView:
    return next(item for item in task_views(repo, None, day, P(until) if until else None) if item.task.id == task)


def latest(task_view: TaskView) -> list[tuple[str, str]]:
    return [(entry.agency, entry.period) for entry in task_view.latest_by_lead()]


def test_roles_at_a_date_go_to_the_successors_of_ended_agencies(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo())
    before, after = roles_at(repo, D(2025, 2, 28)), roles_at(repo, D(2025, 3, 1))
    assert before[8] == (["stttt"], ["btg", "lienquan", "baokh", "ktv", "congttdt"])
    assert after[8] == (["svhtt"], ["btg", "lienquan", "baokh", "ktv", "congttdt"])
    assert after[11] == (["sngv"], ["btg", "svhtt", "lhhn", "lienquan", "ktv", "baokh", "congttdt"])
    assert before[5] == after[5] == (["sngv", "lhhn"], ["bdv", "mttq", "snv", "lienquan"])


def test_a_successor_that_leads_is_not_also_listed_as_supporting(make_repo: MakeRepo) -> None:
    tasks = (EMBEDDED_PLAN / "tasks.yaml").read_text(encoding="utf-8")
    assert tasks.count("lead: [sngv]\n    support: [snv]\n") == 1
    changed = tasks.replace("lead: [sngv]\n    support: [snv]\n", "lead: [stttt]\n    support: [skhcn, snv]\n")
    repo = load_repository(make_repo({"plan/tasks.yaml": changed}))
    assert roles_at(repo, D(2020, 6, 1))[1] == (["stttt"], ["skhcn", "snv"])
    assert roles_at(repo, D(2025, 3, 1))[1] == (["skhcn"], ["snv"])


@pytest.mark.parametrize(
    ("agency", "day", "tasks"),
    [
        (None, None, list(range(1, 16))),
        ("stttt", None, [8, 11]),
        ("svhtt", None, []),
        ("svhtt", D(2025, 3, 1), [8, 11]),
        ("stttt", D(2025, 3, 1), []),
        ("btg", D(2025, 3, 1), [4, 8, 11]),
    ],
)
def test_task_views_of_an_agency(
    make_repo: MakeRepo, agency: str | None, day: dt.date | None, tasks: list[int]
) -> None:
    assert [item.task.id for item in task_views(load_repository(make_repo()), agency, day)] == tasks


def test_latest_by_lead_is_each_leads_newest_entry_up_to_the_period(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(TASK_5))
    assert [(entry.agency, entry.period) for entry in view(repo, 5).entries] == [
        ("sngv", "2020-Q4"),
        ("lhhn", "2020-Q3"),
        ("sngv", "2020-Q3"),
    ]  # the supporting snv is not a lead
    assert latest(view(repo, 5)) == [("sngv", "2020-Q4"), ("lhhn", "2020-Q3")]
    assert latest(view(repo, 5, until="2020-Q3")) == [("sngv", "2020-Q3"), ("lhhn", "2020-Q3")]
    assert latest(view(repo, 5, until="2020-H2")) == [("sngv", "2020-Q4"), ("lhhn", "2020-Q3")]
    assert latest(view(repo, 5, until="2020-H1")) == []


def test_latest_by_lead_follows_the_lead_to_its_successor(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(TASK_8))
    assert latest(view(repo, 8, D(2025, 6, 14))) == [("svhtt", "2025-Q2")]
    assert latest(view(repo, 8, D(2025, 6, 14), "2025-Q1")) == [("stttt", "2024-Q4")]
    assert latest(view(repo, 8, D(2024, 12, 14))) == [("stttt", "2024-Q4")]
    assert latest(view(repo, 8)) == [("stttt", "2024-Q4")]  # without a date: the lead the decision named


def test_task_view_has_every_entry_or_a_usage_error(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(TASK_5))
    shown = task_view(repo, 5)
    assert [(entry.agency, entry.period) for entry in shown.entries] == [
        ("sngv", "2020-Q4"),
        *[(agency, "2020-Q3") for agency in ("lhhn", "sngv", "snv")],
    ]
    with pytest.raises(UsageError) as raised:
        task_view(repo, 99)
    assert raised.value.message.vi == "không có nhiệm vụ số 99; kế hoạch có các nhiệm vụ " + ", ".join(
        str(number) for number in range(1, 16)
    )


def test_check_agency(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo())
    assert check_agency(repo, None) is None
    found = check_agency(repo, "lhhn")
    assert found is not None and found.name == "Liên hiệp các tổ chức hữu nghị tỉnh"
    with pytest.raises(UsageError) as raised:
        check_agency(repo, "LHHN")
    assert raised.value.message.en == "no agency with id 'LHHN'; known ids: " + ", ".join(sorted(repo.agencies))
    assert raised.value.exit_code == 2
