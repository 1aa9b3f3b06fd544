"""Checks of plan/tasks.yaml: unique numbers, known agencies, each named once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.problem_helpers import only


def plan_text(name: str) -> str:
    return (EMBEDDED_PLAN / name).read_text(encoding="utf-8")


def line_of(text: str, line: str) -> int:
    """1-based number of the line that reads exactly `line`."""
    return text.splitlines().index(line) + 1


def with_task(make_repo: MakeRepo, task: str) -> tuple[Path, int]:
    """A repository whose tasks.yaml ends with `task`, and the line number where `task` starts."""
    text = plan_text("tasks.yaml")
    return make_repo({"plan/tasks.yaml": text + task}), len(text.splitlines()) + 1


def test_duplicate_task_id(make_repo: MakeRepo) -> None:
    root, here = with_task(
        make_repo, "  - id: 3\n    title: Nhiệm vụ thêm\n    lead: [sngv]\n    timing: Thường xuyên\n"
    )
    first = line_of(plan_text("tasks.yaml"), "  - id: 3")
    assert only(root) == (
        f"plan/tasks.yaml:{here}:9: tasks[15].id: nhiệm vụ số 3 đã có (dòng {first}); "
        "mỗi nhiệm vụ cần một số thứ tự riêng"
    )


@pytest.mark.parametrize(
    ("lead", "support", "where", "message"),
    [
        (
            "[xyz]",
            "[]",
            "2:12: tasks[15].lead[0]",
            "không có cơ quan mã 'xyz' trong plan/agencies.yaml; các mã hiện có: ",
        ),
        ("[sngv]", "[snv, sbv]", "3:20: tasks[15].support[1]", "không có cơ quan mã 'sbv' trong plan/agencies.yaml"),
        ("[sngv]", "[snv, sngv]", "3:20: tasks[15].support[1]", "cơ quan 'sngv' được ghi hai lần trong nhiệm vụ 16"),
        ("[sngv, sngv]", "[]", "2:18: tasks[15].lead[1]", "cơ quan 'sngv' được ghi hai lần trong nhiệm vụ 16: chỉ ghi"),
        ("[lhhn]", "[snv, snv]", "3:20: tasks[15].support[1]", "cơ quan 'snv' được ghi hai lần trong nhiệm vụ 16"),
    ],
    ids=["unknown-lead", "unknown-support", "lead-also-support", "lead-twice", "support-twice"],
)
def test_task_agencies(make_repo: MakeRepo, lead: str, support: str, where: str, message: str) -> None:
    task = f"  - id: 16\n    lead: {lead}\n    support: {support}\n    title: Nhiệm vụ thêm\n    timing: Thường xuyên\n"
    root, start = with_task(make_repo, task)
    line, rest = where.split(":", 1)
    found = only(root)
    assert found.startswith(f"plan/tasks.yaml:{start + int(line) - 1}:{rest}: {message}")


def test_unknown_agency_lists_the_known_ids(make_repo: MakeRepo) -> None:
    root, _ = with_task(make_repo, "  - id: 16\n    lead: [xyz]\n    title: Thêm\n    timing: Thường xuyên\n")
    known = only(root).split("các mã hiện có: ")[1].split(", ")
    assert known == sorted(known)
    assert {"sngv", "lhhn", "lienquan", "bng"} <= set(known)
