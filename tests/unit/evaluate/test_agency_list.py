"""The agency list: every agency today (or those in force at a date), the tasks each holds then, its other names,
its predecessors and, for one no longer in force, its successors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from dnnd.evaluate.agency_list import agency_records
from dnnd.repository import load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo

D = dt.date
STTTT = "Sở Thông tin và Truyền thông (stttt, đến 28/02/2025"
SKHCN_NOTE = "    since: 2025-03-01\n    note: >-\n      Hợp nhất"
NEW_AGENCY = "  - id: sknew\n    name: Sở Mới\n    short_name: SM\n    kind: department\n    since: 2026-07-01\n"


TODAY = D(2026, 12, 7)


def records(root: Path, day: dt.date | None = None, today: dt.date = TODAY) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in agency_records(load_repository(root), day, today=today)}


def chained() -> dict[str, str]:
    """skhcn ends on 30/6/2026 and hands everything to sknew; task 1 is led by stttt and supported by skhcn."""
    agencies = (EMBEDDED_PLAN / "agencies.yaml").read_text(encoding="utf-8")
    assert agencies.count(SKHCN_NOTE) == 1
    ended = SKHCN_NOTE.replace("\n    note", "\n    until: 2026-06-30\n    successor: sknew\n    note")
    tasks = (EMBEDDED_PLAN / "tasks.yaml").read_text(encoding="utf-8")
    task_1 = "lead: [sngv]\n    support: [snv]\n"
    assert tasks.count(task_1) == 1
    return {
        "plan/agencies.yaml": agencies.replace(SKHCN_NOTE, ended) + NEW_AGENCY,
        "plan/tasks.yaml": tasks.replace(task_1, "lead: [stttt]\n    support: [skhcn, snv]\n"),
    }


def test_without_a_date_every_agency_is_listed_with_its_roles_today(make_repo: MakeRepo) -> None:
    found = records(make_repo())
    assert len(found) == 21
    assert (found["lhhn"]["lead"], found["lhhn"]["support"]) == ([5, 6, 7, 9, 12, 14, 15], [2, 3, 4, 10, 11, 13])
    assert (found["svhtt"]["lead"], found["svhtt"]["support"], found["svhtt"]["state"]) == ([8], [11], "in_force")
    assert (found["lienquan"]["lead"], found["lienquan"]["support"]) == ([], list(range(2, 16)))


def test_a_dissolved_agency_holds_no_task_and_names_its_successors(make_repo: MakeRepo) -> None:
    stttt = records(make_repo())["stttt"]
    assert (stttt["state"], stttt["lead"], stttt["support"], stttt["until"]) == ("ended", [], [], D(2025, 2, 28))
    assert stttt["successors"] == [
        "Sở Văn hóa, Thể thao và Du lịch (svhtt; nhiệm vụ 8, 11)",
        "Sở Khoa học và Công nghệ (skhcn)",
    ]
    before = records(make_repo(name="then"), today=D(2020, 6, 1))
    assert (before["stttt"]["state"], before["stttt"]["lead"], before["svhtt"]["state"]) == ("in_force", [8], "not_yet")


def test_at_a_date_only_the_agencies_in_force_are_listed(make_repo: MakeRepo) -> None:
    root = make_repo()
    before, last_day, after = (records(root, day) for day in (D(2020, 6, 1), D(2025, 2, 28), D(2025, 3, 1)))
    assert (len(before), len(last_day), len(after)) == (19, 19, 20)
    assert "stttt" in last_day and "svhtt" not in last_day and "skhcn" not in last_day
    assert "stttt" not in after and "svhtt" in after and "skhcn" in after


def test_at_a_date_the_tasks_of_an_ended_agency_pass_to_its_successors(make_repo: MakeRepo) -> None:
    found = records(make_repo(), D(2025, 3, 1))
    assert (found["svhtt"]["lead"], found["svhtt"]["support"]) == ([8], [11])
    assert (found["skhcn"]["lead"], found["skhcn"]["support"]) == ([], [])
    assert found["btg"]["support"] == [4, 8, 11]


def test_predecessors_are_named_as_such_with_their_tasks_apart_from_other_names(make_repo: MakeRepo) -> None:
    found = records(make_repo())
    assert (found["svhtt"]["aliases"], found["svhtt"]["predecessors"]) == (
        ["Sở Văn hóa và Thể thao"],
        [f"{STTTT}; nhiệm vụ 8, 11)"],
    )
    assert found["skhcn"]["predecessors"] == [f"{STTTT})"]
    assert (found["stttt"]["predecessors"], found["svhtt"]["successors"]) == ([], [])


def test_predecessors_follow_a_chain_of_successions(make_repo: MakeRepo) -> None:
    found = records(make_repo(chained()), D(2026, 7, 1))
    assert "skhcn" not in found
    assert found["sknew"]["predecessors"] == ["Sở Khoa học và Công nghệ (skhcn, đến 30/06/2026)", f"{STTTT})"]
    assert (found["sknew"]["lead"], found["sknew"]["support"]) == ([1], [])  # not also its own supporter
    assert found["snv"]["support"][0] == 1
