"""The agency list: every agency (or those in force at a date), the tasks each holds and its former names."""

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


def records(root: Path, day: dt.date | None = None) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in agency_records(load_repository(root), day)}


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


def test_without_a_date_every_agency_has_the_roles_the_decision_gave(make_repo: MakeRepo) -> None:
    found = records(make_repo())
    assert len(found) == 21
    assert (found["lhhn"]["lead"], found["lhhn"]["support"]) == ([5, 6, 7, 9, 12, 14, 15], [2, 3, 4, 10, 11, 13])
    assert (found["stttt"]["lead"], found["stttt"]["support"]) == ([8], [11])
    assert (found["svhtt"]["lead"], found["svhtt"]["support"]) == ([], [])
    assert (found["lienquan"]["lead"], found["lienquan"]["support"]) == ([], list(range(2, 16)))
    assert (found["stttt"]["until"], found["svhtt"]["since"]) == (D(2025, 2, 28), D(2025, 3, 1))


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


def test_former_names_are_the_aliases_then_the_predecessors_with_their_tasks(make_repo: MakeRepo) -> None:
    found = records(make_repo())
    assert found["svhtt"]["former_names"] == ["Sở Văn hóa và Thể thao", f"{STTTT}; nhiệm vụ 8, 11)"]
    assert found["skhcn"]["former_names"] == [f"{STTTT})"]
    assert found["stttt"]["former_names"] == []


def test_former_names_follow_a_chain_of_successions(make_repo: MakeRepo) -> None:
    found = records(make_repo(chained()), D(2026, 7, 1))
    assert "skhcn" not in found
    assert found["sknew"]["former_names"] == ["Sở Khoa học và Công nghệ (skhcn, đến 30/06/2026)", f"{STTTT})"]
    assert (found["sknew"]["lead"], found["sknew"]["support"]) == ([1], [])  # not also its own supporter
    assert found["snv"]["support"][0] == 1
