"""Checks of each update file against its path and the plan: agency and period, tasks held, each once."""

from __future__ import annotations

import pytest

from dnnd.repository import load_repository
from tests.conftest import MakeRepo
from tests.problem_helpers import only, problems

UPDATE = "plan/updates/lhhn/2020-Q3.yaml"


VALID = """\
agency: lhhn
period: 2020-Q3
entries:
  - task: 5
    status: in_progress
    summary: Đã phối hợp hướng dẫn các hội hữu nghị.
  - task: 2
    status: not_started
    summary: Chờ Sở Ngoại vụ gửi dự thảo quy chế.
"""


LHHN_TASKS = "2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15"


ALL_TASKS = ", ".join(str(number) for number in range(1, 16))


def test_valid_update_has_no_problems(make_repo: MakeRepo) -> None:
    assert problems(make_repo({UPDATE: VALID})) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "agency: lhhn",
            "agency: sngv",
            f"{UPDATE}:1:9: agency: tệp nằm trong thư mục 'lhhn' nên phải ghi 'agency: lhhn' (đang ghi 'sngv')",
        ),
        (
            "agency: lhhn",
            "agency: xyz",
            f"{UPDATE}:1:9: agency: tệp nằm trong thư mục 'lhhn' nên phải ghi 'agency: lhhn' (đang ghi 'xyz')",
        ),
        (
            "period: 2020-Q3",
            "period: 2020-Q4",
            f"{UPDATE}:2:9: period: tên tệp là 2020-Q3.yaml nên phải ghi 'period: 2020-Q3' (đang ghi '2020-Q4')",
        ),
        (
            "  - task: 5",
            "  - task: 99",
            f"{UPDATE}:4:11: entries[0].task: không có nhiệm vụ số 99; kế hoạch có các nhiệm vụ {ALL_TASKS}",
        ),
        (
            "  - task: 5",
            "  - task: 8",
            f"{UPDATE}:4:11: entries[0].task: 'lhhn' không chủ trì hay phối hợp nhiệm vụ 8; "
            f"chỉ báo cáo các nhiệm vụ: {LHHN_TASKS}",
        ),
        (
            "  - task: 2",
            "  - task: 5",
            f"{UPDATE}:7:11: entries[1].task: nhiệm vụ 5 đã được báo cáo ở dòng 4; gộp hai mục làm một",
        ),
    ],
    ids=["agency-other", "agency-unknown", "period", "unknown-task", "not-held", "twice"],
)
def test_update_rule(make_repo: MakeRepo, old: str, new: str, expected: str) -> None:
    assert VALID.count(old) == 1
    assert only(make_repo({UPDATE: VALID.replace(old, new)})) == expected


@pytest.mark.parametrize("task", [1, 8])
def test_tasks_the_agency_does_not_hold(make_repo: MakeRepo, task: int) -> None:
    message = only(make_repo({UPDATE: VALID.replace("  - task: 5", f"  - task: {task}")}))
    assert message.startswith(f"{UPDATE}:4:11: entries[0].task: 'lhhn' không chủ trì hay phối hợp nhiệm vụ {task};")


def test_update_rule_in_english(make_repo: MakeRepo) -> None:
    message = only(make_repo({UPDATE: VALID.replace("  - task: 2", "  - task: 5")}), lang="en")
    assert message == f"{UPDATE}:7:11: entries[1].task: task 5 is already reported on line 4; merge the two entries"


def test_a_bad_update_leaves_the_others_in(make_repo: MakeRepo) -> None:
    other = "plan/updates/lhhn/2020-Q4.yaml"
    repo = load_repository(make_repo({UPDATE: VALID, other: VALID.replace("2020-Q3", "2020-Q3x")}))
    assert [update.rel for update in repo.updates] == [UPDATE]
    assert repo.left_out == [other]


@pytest.mark.parametrize(
    "body",
    ["entries: 5\n", "entries:\n  - task: 5\n    status: bogus\n    summary: Có.\n"],
)
def test_a_file_with_schema_errors_also_says_its_agency_and_period_disagree_with_its_path(
    make_repo: MakeRepo, body: str
) -> None:
    root = make_repo({"plan/updates/lhhn/2020-Q3.yaml": "agency: snv\nperiod: 2021-Q1\n" + body})
    found = problems(root, "en")
    assert found[0] == (
        "plan/updates/lhhn/2020-Q3.yaml:1:9: agency: the file is in folder 'lhhn', so write 'agency: lhhn' (it says 'snv')"
    )
    assert found[1].startswith("plan/updates/lhhn/2020-Q3.yaml:2:9: period: the file is named 2020-Q3.yaml")
    assert len(found) == 3 and ("entries" in found[2])
