"""Checks of agencies that change: successions that hold together, and updates only from agencies in force."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from dnnd.checks.registry import UpdateChecks, UpdateContext, UpdatePath
from dnnd.checks.successions import agency_in_force, successions_hold_together
from dnnd.checks.task_timing import schedules_of
from dnnd.load.layout import AGENCIES_FILE, PLAN_FILES
from dnnd.load.plan_files import read_plan_files
from dnnd.load.yamlio import parse_yaml
from dnnd.plan.models import Update
from tests.conftest import PROJECT

D = dt.date
RAW = {rel: (PROJECT / rel).read_bytes() for rel in PLAN_FILES if (PROJECT / rel).is_file()}
AGENCIES: list[dict[str, Any]] = yaml.safe_load(RAW[AGENCIES_FILE])["agencies"]
INDEX = {agency["id"]: index for index, agency in enumerate(AGENCIES)}
SVHTT, SKHCN = "Sở Văn hóa, Thể thao và Du lịch (svhtt)", "Sở Khoa học và Công nghệ (skhcn)"


def agencies_text(changes: dict[str, dict[str, Any]] | None = None, *added: dict[str, Any]) -> str:
    """The embedded plan/agencies.yaml with some agencies' keys replaced (None removes a key) and agencies added."""
    records = [
        {key: value for key, value in {**agency, **(changes or {}).get(agency["id"], {})}.items() if value is not None}
        for agency in AGENCIES
    ]
    return yaml.safe_dump({"agencies": [*records, *added]}, allow_unicode=True, sort_keys=False)


def new(agency_id: str, since: dt.date, **more: Any) -> dict[str, Any]:
    """An agency to add, named 'Hội <id>'."""
    return {
        "id": agency_id,
        "name": f"Hội {agency_id}",
        "short_name": agency_id.upper(),
        "kind": "association",
        "since": since,
        **more,
    }


def plan_problems(changes: dict[str, dict[str, Any]] | None = None, *added: dict[str, Any]) -> list[tuple[str, str]]:
    files = read_plan_files({**RAW, AGENCIES_FILE: agencies_text(changes, *added).encode()})
    assert files.problems == []
    return [(problem.field, problem.message.en) for problem in successions_hold_together(files)]


def context(changes: dict[str, dict[str, Any]] | None = None, *added: dict[str, Any]) -> UpdateContext:
    files = read_plan_files({**RAW, AGENCIES_FILE: agencies_text(changes, *added).encode()})
    tasks_file, events = files.tasks_file()[0], files.events_file()[0].events
    tasks = {task.id: task for task in tasks_file.tasks}
    return UpdateContext(files.plan()[0], files.agencies, tasks, schedules_of(tasks_file, files.agencies, events))


def in_force(found: UpdateContext, agency: str, period: str, *tasks: int, lang: str = "en") -> list[str]:
    """The problems agency_in_force finds in `agency`'s update for `period` with an entry on each of `tasks`."""
    rel = f"plan/updates/{agency}/{period}.yaml"
    entries = "".join(f"\n  - task: {task}\n    status: in_progress\n    summary: Có." for task in tasks) or " []"
    doc = parse_yaml(f"agency: {agency}\nperiod: {period}\nentries:{entries}\n", rel)
    return [
        problem.render(lang)
        for problem in agency_in_force(found, Update.model_validate(doc.data), doc, UpdatePath.of(rel))
    ]


EMBEDDED = context()


# ----- successions_hold_together ------------------------------------------------------------------------------------


def test_the_embedded_split_holds_together() -> None:
    assert plan_problems() == []


def test_dates_out_of_order_and_a_successor_without_until() -> None:
    found = plan_problems({"lhhn": {"since": D(2021, 1, 1), "until": D(2020, 12, 31)}, "mttq": {"successor": "snv"}})
    assert found == [
        (f"agencies[{INDEX['mttq']}].successor", "a successor needs until: the last day this agency was in force"),
        (f"agencies[{INDEX['lhhn']}].until", "until (31/12/2020) must come after since (01/01/2021)"),
    ]


def test_each_successor_in_a_list_is_checked_where_it_is_written() -> None:
    split = [{"agency": "svhtt", "tasks": [8, 99]}, {"agency": "khongco", "tasks": [8]}, {"agency": "skhcn"}]
    text = agencies_text({"stttt": {"successor": split}})
    files = read_plan_files({**RAW, AGENCIES_FILE: text.encode()})
    lines = text.splitlines()
    first, second = lines.index("  - agency: svhtt") + 1, lines.index("  - agency: khongco") + 1
    assert [problem.render("en") for problem in successions_hold_together(files)] == [
        f"plan/agencies.yaml:{first}:5: agencies[2].successor: task 99 does not exist",
        f"plan/agencies.yaml:{second}:5: agencies[2].successor: no successor agency with id 'khongco' in "
        "plan/agencies.yaml",
        f"plan/agencies.yaml:{second}:5: agencies[2].successor: task 8 is already given to another successor",
    ]


def test_only_one_successor_may_take_the_rest() -> None:
    assert plan_problems({"stttt": {"successor": [{"agency": "svhtt"}, {"agency": "skhcn"}]}}) == [
        ("agencies[2].successor", "only one successor may leave out tasks (it takes the rest)")
    ]


def test_a_successor_must_be_in_force_the_day_after_its_predecessor_ends() -> None:
    message = "successor '{}' must be in force on 01/03/2025 (the day after until): fix its since/until"
    assert plan_problems({"svhtt": {"since": D(2025, 3, 1)}, "skhcn": {"since": D(2025, 3, 2)}}) == [
        ("agencies[2].successor", message.format("skhcn"))
    ]
    ended = {"skhcn": {"since": None, "until": D(2025, 2, 28)}}
    assert plan_problems(ended) == [("agencies[2].successor", message.format("skhcn"))]
    assert plan_problems({"svhtt": {"since": None}, "skhcn": {"until": D(2025, 3, 1)}}) == []


def test_every_task_held_passes_to_a_successor_and_no_other() -> None:
    assert plan_problems({"stttt": {"successor": [{"agency": "svhtt", "tasks": [8]}]}}) == [
        (
            "agencies[2].successor",
            "task(s) 11 of 'stttt' pass to no successor: list them under a successor's tasks, or leave one "
            "successor without tasks (it takes the rest)",
        )
    ]
    assert plan_problems(
        {"stttt": {"successor": [{"agency": "svhtt", "tasks": [1, 8, 11, 3]}, {"agency": "skhcn"}]}}
    ) == [("agencies[2].successor", "'stttt' neither leads nor supports task(s) 1, 3: remove them")]


def test_tasks_inherited_through_a_chain_must_pass_on_too() -> None:
    chain = {"lhhn": {"until": D(2022, 12, 31), "successor": "lhhnb"}}
    lhhnb = new("lhhnb", D(2023, 1, 1), until=D(2024, 6, 30), successor=[{"agency": "lhhnc", "tasks": [14, 2]}])
    found = plan_problems(chain, lhhnb, new("lhhnc", D(2024, 7, 1)))
    assert found == [
        (
            f"agencies[{len(AGENCIES)}].successor",
            "task(s) 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 15 of 'lhhnb' pass to no successor: list them under a "
            "successor's tasks, or leave one successor without tasks (it takes the rest)",
        )
    ]


def test_a_chain_of_successors_that_comes_back_on_itself_is_named() -> None:
    cycle = {
        "lhhn": {"until": D(2024, 12, 31), "successor": "mttq"},
        "mttq": {"until": D(2025, 12, 31), "successor": "lhhn"},
    }
    mttq = f"agencies[{INDEX['mttq']}].successor"
    assert plan_problems(cycle) == [
        (mttq, "successor 'lhhn' must be in force on 01/01/2026 (the day after until): fix its since/until"),
        (mttq, "the successors form a cycle: mttq → lhhn → mttq"),
    ]


# ----- agency_in_force ----------------------------------------------------------------------------------------------


def test_a_quarter_that_ends_before_the_plan_was_issued_has_nothing_to_report() -> None:
    assert in_force(EMBEDDED, "sngv", "2020-Q1", 1, lang="vi") == [
        "plan/updates/sngv/2020-Q1.yaml:2:9: period: kỳ 2020-Q1 kết thúc trước ngày ban hành kế hoạch (27/05/2020): "
        "không có gì để báo cáo"
    ]
    assert in_force(EMBEDDED, "sngv", "2020-Q2", 1) == []


def test_after_its_end_an_agency_is_told_which_successor_reports_each_task() -> None:
    where = "plan/updates/stttt/2025-Q2.yaml:1:9: agency: 'stttt' (Sở Thông tin và Truyền thông)"
    assert in_force(EMBEDDED, "stttt", "2025-Q2", 8, 11) == [
        f"{where} ended on 28/02/2025, before 2025-Q2: its successor reports instead: tasks 8, 11: {SVHTT}"
    ]
    assert in_force(EMBEDDED, "stttt", "2025-Q2", 8, 5, lang="vi") == [
        f"{where} thôi hoạt động từ sau ngày 28/02/2025, trước kỳ 2025-Q2: cơ quan kế nhiệm báo cáo thay: "
        f"nhiệm vụ 8: {SVHTT}; nhiệm vụ 5: {SKHCN}"
    ]


def test_the_quarter_an_agency_ends_in_is_reported_by_it_or_its_successor() -> None:
    assert in_force(EMBEDDED, "stttt", "2025-Q1", 8, 11) == []
    assert in_force(EMBEDDED, "svhtt", "2025-Q1", 8, 11) == []
    assert in_force(EMBEDDED, "svhtt", "2024-Q4", 8, lang="vi") == [
        "plan/updates/svhtt/2024-Q4.yaml:1:9: agency: 'svhtt' (Sở Văn hóa, Thể thao và Du lịch) chỉ hoạt động từ "
        "ngày 01/03/2025, sau kỳ 2024-Q4"
    ]


def test_a_chain_names_the_successor_in_force_and_an_ended_agency_without_one_says_so() -> None:
    found = context(
        {"lhhn": {"until": D(2022, 12, 31), "successor": "lhhnb"}, "mttq": {"until": D(2023, 6, 30)}},
        new("lhhnb", D(2023, 1, 1), until=D(2024, 6, 30), successor="lhhnc"),
        new("lhhnc", D(2024, 7, 1)),
    )
    assert in_force(found, "lhhn", "2025-Q1", 14, 2) == [
        "plan/updates/lhhn/2025-Q1.yaml:1:9: agency: 'lhhn' (Liên hiệp các tổ chức hữu nghị tỉnh) ended on "
        "31/12/2022, before 2025-Q1: its successor reports instead: tasks 2, 14: Hội lhhnc (lhhnc)"
    ]
    assert in_force(found, "mttq", "2023-Q4", 2, lang="vi") == [
        "plan/updates/mttq/2023-Q4.yaml:1:9: agency: 'mttq' (Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh) thôi hoạt động "
        "từ sau ngày 30/06/2023, trước kỳ 2023-Q4: không có cơ quan kế nhiệm"
    ]


def test_when_no_successor_takes_the_tasks_written_every_successor_is_named() -> None:
    found = context(
        {"lhhn": {"until": D(2024, 12, 31), "successor": [{"agency": "lhhna", "tasks": [14]}]}},
        new("lhhna", D(2025, 1, 1)),
    )
    assert in_force(found, "lhhn", "2025-Q2", 5) == [
        "plan/updates/lhhn/2025-Q2.yaml:1:9: agency: 'lhhn' (Liên hiệp các tổ chức hữu nghị tỉnh) ended on "
        "31/12/2024, before 2025-Q2: its successor reports instead: Hội lhhna (lhhna)"
    ]


def test_as_the_decisive_check_it_stops_the_checks_of_tasks_held() -> None:
    rel = "plan/updates/stttt/2025-Q2.yaml"
    doc = parse_yaml(
        "agency: stttt\nperiod: 2025-Q2\nentries:\n  - task: 1\n    status: blocked\n    summary: Có.\n", rel
    )
    found = UpdateChecks(EMBEDDED).of_record(Update.model_validate(doc.data), doc, rel)  # task 1 is not stttt's either
    assert [(problem.field, problem.message.en.split(":")[0]) for problem in found] == [
        ("agency", "'stttt' (Sở Thông tin và Truyền thông) ended on 28/02/2025, before 2025-Q2")
    ]


@pytest.mark.xfail(
    reason="with no entries the task looked up is None, which resolves to the successor taking 'the rest' (skhcn), "
    "not to svhtt, which took every task stttt held (src/dnnd/checks/successions.py:49)",
    strict=True,
)
def test_an_empty_update_after_the_end_names_the_successor_of_the_tasks_the_agency_held() -> None:
    (message,) = in_force(EMBEDDED, "stttt", "2025-Q2")
    assert SVHTT in message
