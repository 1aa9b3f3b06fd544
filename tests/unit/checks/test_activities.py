"""Checks of an update file's activities: within its window, not late into a locked period, on plan tasks."""

from __future__ import annotations

import pytest

from dnnd.repository import load_repository
from tests.conftest import MakeRepo
from tests.problem_helpers import only, problems

UPDATE = "plan/updates/stc/2020-Q4.yaml"  # stc holds no task: its file owes no entry, only activities
LOCKS = "plan/locks.yaml"
ALL_TASKS = ", ".join(str(number) for number in range(1, 16))


VALID = """\
agency: stc
period: 2020-Q4
entries: []
activities:
  - kind: event
    title: Hội nghị hữu nghị
    start: 2020-10-05
    ref: 12/KH-LHHN
    tasks: [5]
  - kind: media
    title: Bài viết về hội nghị
    start: 2020-11-02
    count: 3
    ref: 45/LHHN
"""


def locks(period: str) -> str:
    return f"locks:\n  - period: {period}\n    locked_on: 2020-10-01\n"


def test_activities_within_the_window_on_plan_tasks_have_no_problems(make_repo: MakeRepo) -> None:
    root = make_repo({UPDATE: VALID})
    assert problems(root) == []
    assert load_repository(root, use_cache=False).warnings == []


@pytest.mark.parametrize("start", ["2020-09-15", "2020-12-14"])
def test_an_activity_on_either_edge_of_the_window_is_allowed(make_repo: MakeRepo, start: str) -> None:
    assert problems(make_repo({UPDATE: VALID.replace("2020-10-05", start)})) == []


AGAIN = """\
  - kind: {kind}
    title: Hội nghị lần hai
    start: 2020-10-20
    ref: "{ref}"
"""


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "start: 2020-10-05",
            "start: 2020-12-15",
            f"{UPDATE}:7:12: activities[0].start: hoạt động bắt đầu ngày 15/12/2020, sau ngày chốt số liệu của kỳ "
            "2020-Q4 (14/12/2020): báo cáo nó trong tệp của kỳ sau",
        ),
        (
            "tasks: [5]",
            "tasks: [5, 99]",
            f"{UPDATE}:9:16: activities[0].tasks[1]: không có nhiệm vụ số 99; kế hoạch có các nhiệm vụ {ALL_TASKS}",
        ),
        (
            "tasks: [5]",
            "tasks: [16]",
            f"{UPDATE}:9:13: activities[0].tasks[0]: không có nhiệm vụ số 16; kế hoạch có các nhiệm vụ {ALL_TASKS}",
        ),
        (
            "    ref: 45/LHHN\n",
            "    ref: 45/LHHN\n" + AGAIN.format(kind="event", ref=" 12/kh-LHHN "),
            f"{UPDATE}:18:10: activities[2].ref: hoạt động event số 12/kh-LHHN đã được báo cáo ở dòng 5: một văn "
            "bản chỉ tính một hoạt động mỗi loại; gộp hai mục, hoặc bỏ ref ở mục không do văn bản đó quyết định",
        ),
    ],
    ids=["after-the-window", "unknown-task", "task-after-the-last", "same-ref-twice"],
)
def test_each_broken_rule_is_an_error_at_its_line(make_repo: MakeRepo, old: str, new: str, expected: str) -> None:
    assert VALID.count(old) == 1
    assert only(make_repo({UPDATE: VALID.replace(old, new)})) == expected


def test_a_repeated_ref_is_also_said_in_english(make_repo: MakeRepo) -> None:
    text = VALID + AGAIN.format(kind="event", ref="12/KH-LHHN")
    message = only(make_repo({UPDATE: text}), lang="en")
    assert message.startswith(f"{UPDATE}:18:10: activities[2].ref: ")
    assert message.endswith(
        "an activity of kind event with ref 12/KH-LHHN is already reported on line 5: one document counts one activity of a "
        "kind; merge the two, or remove ref from the one that document did not decide"
    )


@pytest.mark.parametrize(("kind", "ref"), [("training", "12/KH-LHHN"), ("event", "12/KH-LHHN/2")])
def test_a_ref_repeated_under_another_kind_or_another_number_is_no_problem(
    make_repo: MakeRepo, kind: str, ref: str
) -> None:
    assert problems(make_repo({UPDATE: VALID + AGAIN.format(kind=kind, ref=ref)})) == []


@pytest.mark.parametrize("lock", ["2020-Q3", "2020-H2", "2020"])
def test_a_late_activity_of_a_locked_period_is_an_error_naming_the_lock(make_repo: MakeRepo, lock: str) -> None:
    root = make_repo({UPDATE: VALID.replace("2020-10-05", "2020-09-01"), LOCKS: locks(lock)})
    assert only(root, lang="en") == (
        f"{UPDATE}:7:12: activities[0].start: the activity starting on 2020-09-01 belongs to 2020-Q3, part of "
        f"{lock}, locked on 2020-10-01 (its report was issued): it cannot be added late; if really needed, the "
        "focal point unlocks it with `dnnd unlock`"
    )
    assert f"nằm trong kỳ {lock} đã khóa ngày 01/10/2020" in only(root)


@pytest.mark.parametrize("lock", [None, "2020-Q2", "2020-H1"])
def test_a_late_activity_of_an_unlocked_period_is_only_warned_of(make_repo: MakeRepo, lock: str | None) -> None:
    files = {UPDATE: VALID.replace("2020-10-05", "2020-09-01"), **({LOCKS: locks(lock)} if lock else {})}
    root = make_repo(files)
    assert problems(root) == []
    warnings = load_repository(root, use_cache=False).warnings
    assert [(warning.path, warning.field) for warning in warnings] == [(UPDATE, "activities[0]")]
    assert warnings[0].message.en.endswith("before this file's period 2020-Q4: a late report, counted in 2020-Q3")


def test_each_activity_breaking_a_rule_is_reported(make_repo: MakeRepo) -> None:
    text = VALID.replace("2020-10-05", "2020-12-20").replace("2020-11-02", "2020-08-01")
    found = problems(make_repo({UPDATE: text, LOCKS: locks("2020-Q3")}), lang="en")
    assert [problem.split(": ")[1] for problem in found] == ["activities[0].start", "activities[1].start"]
    assert "after 2020-Q4's data window ends (2020-12-14)" in found[0]
    assert "belongs to 2020-Q3, part of 2020-Q3" in found[1]
