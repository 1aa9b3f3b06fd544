"""Successions: who holds an agency's duty at a date, lineages, cycles and holdings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from dnnd.plan.models import AgenciesFile, Agency, Succession, Task
from dnnd.plan.successions import Holdings, Successions, find_cycle, heir, holdings_at, successors_of
from tests.conftest import EMBEDDED_PLAN

D = dt.date
EMBEDDED = {
    agency.id: agency
    for agency in AgenciesFile.model_validate(
        yaml.safe_load((EMBEDDED_PLAN / "agencies.yaml").read_text("utf-8"))
    ).agencies
}


def agency(agency_id: str, since: dt.date | None = None, until: dt.date | None = None, successor: Any = None) -> Agency:
    return Agency(
        id=agency_id,
        name=agency_id.upper(),
        short_name=agency_id.upper(),
        kind="department",
        since=since,
        until=until,
        successor=successor,
    )


def registry(*agencies: Agency) -> Successions:
    return Successions({item.id: item for item in agencies})


def task(number: int, lead: list[str], support: list[str] | None = None) -> Task:
    return Task(id=number, title=f"Nhiệm vụ {number}", lead=lead, support=support or [], timing="Thường xuyên")


# A rename (old -> new), a merger (a, b -> c), a chain (x -> y -> z) and the embedded split (stttt -> svhtt, skhcn).
RENAME = registry(agency("old", until=D(2024, 12, 31), successor="new"), agency("new", since=D(2025, 1, 1)))
MERGER = registry(
    agency("a", until=D(2025, 2, 28), successor="c"),
    agency("b", until=D(2025, 2, 28), successor="c"),
    agency("c", since=D(2025, 3, 1)),
)
CHAIN = registry(
    agency("x", until=D(2022, 12, 31), successor="y"),
    agency("y", since=D(2023, 1, 1), until=D(2024, 6, 30), successor="z"),
    agency("z", since=D(2024, 7, 1)),
)
SPLIT = Successions(EMBEDDED)


def test_successors_of_a_plain_id_a_list_and_none() -> None:
    assert successors_of(agency("old", until=D(2024, 12, 31), successor="new")) == [Succession(agency="new")]
    assert successors_of(EMBEDDED["stttt"]) == [
        Succession(agency="svhtt", tasks=[8, 11]),
        Succession(agency="skhcn", tasks=None),
    ]
    assert successors_of(EMBEDDED["sngv"]) == []


def test_heir_gives_listed_tasks_to_their_successor_and_the_rest_to_the_one_without_a_list() -> None:
    stttt = EMBEDDED["stttt"]
    assert (heir(stttt, 8), heir(stttt, 11), heir(stttt, 5), heir(stttt, None)) == ("svhtt", "svhtt", "skhcn", "skhcn")
    no_rest = agency("p", until=D(2025, 2, 28), successor=[Succession(agency="q", tasks=[1])])
    assert (heir(no_rest, 1), heir(no_rest, 2)) == ("q", None)
    assert heir(EMBEDDED["sngv"], 1) is None


@pytest.mark.parametrize(
    ("day", "expected"),
    [(D(2020, 6, 1), ("old",)), (D(2024, 12, 31), ("old",)), (D(2025, 1, 1), ("new",)), (D(2030, 1, 1), ("new",))],
)
def test_rename_resolves_to_the_new_id_from_the_day_after_until(day: dt.date, expected: tuple[str, ...]) -> None:
    assert RENAME.resolve("old", 5, day) == expected
    assert RENAME.resolve("new", 5, day) == ("new",)


def test_merger_resolves_both_predecessors_to_their_common_successor() -> None:
    assert (MERGER.resolve("a", 1, D(2025, 2, 28)), MERGER.resolve("b", 1, D(2025, 2, 28))) == (("a",), ("b",))
    assert MERGER.resolve("a", 1, D(2025, 3, 1)) == MERGER.resolve("b", 2, D(2025, 3, 1)) == ("c",)


@pytest.mark.parametrize(
    ("task_id", "day", "expected"),
    [
        (8, D(2025, 2, 28), "stttt"),
        (8, D(2025, 3, 1), "svhtt"),
        (11, D(2026, 1, 1), "svhtt"),
        (5, D(2025, 3, 1), "skhcn"),
    ],
)
def test_split_resolves_each_task_to_its_successor(task_id: int, day: dt.date, expected: str) -> None:
    assert SPLIT.resolve("stttt", task_id, day) == (expected,)
    assert SPLIT.resolve("stttt", None, D(2025, 3, 1)) == ("skhcn",)  # no task: the one taking the rest


@pytest.mark.parametrize(
    ("day", "expected"),
    [(D(2022, 12, 31), "x"), (D(2023, 1, 1), "y"), (D(2024, 6, 30), "y"), (D(2024, 7, 1), "z"), (D(2025, 6, 1), "z")],
)
def test_chain_resolves_at_each_date_to_the_agency_then_in_force(day: dt.date, expected: str) -> None:
    assert CHAIN.resolve("x", 1, day) == (expected,)
    assert CHAIN.resolve("y", 1, day) == ("z" if expected == "z" else "y",)


def test_unknown_agencies_open_ended_agencies_and_unassigned_tasks_resolve_to_themselves() -> None:
    assert SPLIT.resolve("khongco", 1, D(2025, 6, 1)) == ("khongco",)
    assert SPLIT.resolve("sngv", 1, D(2030, 1, 1)) == ("sngv",)
    ended = registry(agency("p", until=D(2025, 2, 28)), agency("q"))
    assert ended.resolve("p", 1, D(2025, 6, 1)) == ("p",)  # no successor: nobody else holds the duty
    no_rest = registry(agency("p", until=D(2025, 2, 28), successor=[Succession(agency="q", tasks=[1])]), agency("q"))
    assert (no_rest.resolve("p", 1, D(2025, 6, 1)), no_rest.resolve("p", 2, D(2025, 6, 1))) == (("q",), ("p",))


def test_resolve_stops_on_a_cycle_instead_of_recursing_forever() -> None:
    looping = registry(
        agency("p", until=D(2024, 12, 31), successor="q"), agency("q", until=D(2024, 12, 31), successor="p")
    )
    assert looping.resolve("p", 1, D(2025, 6, 1)) == ("p",)
    assert looping.resolve("q", 1, D(2025, 6, 1)) == ("q",)


def test_resolve_is_cached_and_stable() -> None:
    successions = Successions(EMBEDDED)
    first = successions.resolve("stttt", 8, D(2025, 6, 1))
    assert successions.resolve("stttt", 8, D(2025, 6, 1)) is first
    assert successions.resolve("stttt", 8, D(2024, 6, 1)) == ("stttt",)


@pytest.mark.parametrize(
    ("agency_id", "day", "expected"),
    [
        ("stttt", D(2025, 2, 28), True),
        ("stttt", D(2025, 3, 1), False),
        ("svhtt", D(2025, 2, 28), False),
        ("svhtt", D(2025, 3, 1), True),
        ("sngv", D(1990, 1, 1), True),
    ],
)
def test_in_force_includes_since_and_until(agency_id: str, day: dt.date, expected: bool) -> None:
    assert Successions(EMBEDDED).in_force(agency_id, day) is expected


def test_lineage_of_rename_merger_and_chain() -> None:
    assert RENAME.lineage("new", 5) == {"new", "old"}
    assert RENAME.lineage("old", 5) == {"old"}
    assert MERGER.lineage("c", 1) == {"a", "b", "c"}
    assert CHAIN.lineage("z", 1) == {"x", "y", "z"}
    assert CHAIN.lineage("y", 1) == {"x", "y"}


def test_lineage_of_a_split_follows_each_task() -> None:
    assert SPLIT.lineage("svhtt", 8) == SPLIT.lineage("svhtt", 11) == {"svhtt", "stttt"}
    assert SPLIT.lineage("skhcn", 8) == {"skhcn"}
    assert SPLIT.lineage("skhcn", 5) == {"skhcn", "stttt"}
    assert SPLIT.lineage("svhtt", 5) == {"svhtt"}


def test_predecessors_name_the_tasks_handed_over() -> None:
    assert [(item.id, tasks) for item, tasks in SPLIT.predecessors("svhtt")] == [("stttt", [8, 11])]
    assert [(item.id, tasks) for item, tasks in SPLIT.predecessors("skhcn")] == [("stttt", None)]
    assert sorted(item.id for item, _ in MERGER.predecessors("c")) == ["a", "b"]
    assert [item.id for item, _ in CHAIN.predecessors("z")] == ["y"]
    assert SPLIT.predecessors("sngv") == []


def test_find_cycle_finds_none_in_the_embedded_plan_and_chains() -> None:
    assert find_cycle(EMBEDDED) is None
    assert find_cycle(CHAIN.agencies) is None
    assert find_cycle(MERGER.agencies) is None
    assert find_cycle({"p": agency("p", until=D(2024, 1, 1), successor="khongco")}) is None


@pytest.mark.parametrize(
    ("agencies", "expected"),
    [
        ([agency("p", successor="q"), agency("q", successor="p")], ["p", "q", "p"]),
        ([agency("p", successor="p")], ["p", "p"]),
        ([agency("p", successor="q"), agency("q", successor="r"), agency("r", successor="q")], ["q", "r", "q"]),
        ([agency("p", successor=[Succession(agency="q", tasks=[1]), Succession(agency="p")]), agency("q")], ["p", "p"]),
    ],
    ids=["two", "self", "tail-into-loop", "through-a-split"],
)
def test_find_cycle_returns_the_loop(agencies: list[Agency], expected: list[str]) -> None:
    assert find_cycle({item.id: item for item in agencies}) == expected


TASKS = [task(8, ["stttt"], ["btg"]), task(11, ["sngv"], ["btg", "stttt"]), task(5, ["sngv", "lhhn"])]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2024, 9, 15), D(2024, 12, 14), {"stttt": {8, 11}, "sngv": {5, 11}, "btg": {8, 11}, "lhhn": {5}}),
        (
            D(2024, 12, 15),
            D(2025, 3, 14),
            {"stttt": {8, 11}, "svhtt": {8, 11}, "sngv": {5, 11}, "btg": {8, 11}, "lhhn": {5}},
        ),
        (D(2025, 3, 15), D(2025, 6, 14), {"svhtt": {8, 11}, "sngv": {5, 11}, "btg": {8, 11}, "lhhn": {5}}),
    ],
    ids=["2024-Q4", "2025-Q1-straddles", "2025-Q2"],
)
def test_holdings_of_the_split_per_window(start: dt.date, end: dt.date, expected: dict[str, set[int]]) -> None:
    assert holdings_at(TASKS, Successions(EMBEDDED), start, end) == expected


def test_holdings_of_a_merger_and_a_chain() -> None:
    tasks = [task(1, ["a"], ["b"]), task(2, ["b"])]
    assert holdings_at(tasks, MERGER, D(2025, 3, 15), D(2025, 6, 14)) == {"c": {1, 2}}
    assert holdings_at(tasks, MERGER, D(2024, 9, 15), D(2024, 12, 14)) == {"a": {1}, "b": {1, 2}}
    assert holdings_at(tasks, MERGER, D(2024, 12, 15), D(2025, 3, 14)) == {"a": {1}, "b": {1, 2}, "c": {1, 2}}
    chained = [task(1, ["x"])]
    assert holdings_at(chained, CHAIN, D(2022, 9, 15), D(2022, 12, 14)) == {"x": {1}}
    assert holdings_at(chained, CHAIN, D(2023, 3, 15), D(2023, 6, 14)) == {"y": {1}}
    assert holdings_at(chained, CHAIN, D(2024, 9, 15), D(2024, 12, 14)) == {"z": {1}}


def test_the_middle_of_a_chain_holds_its_inherited_tasks_in_the_quarter_it_ends() -> None:
    chained = [task(1, ["x"])]
    held = holdings_at(chained, CHAIN, D(2024, 6, 15), D(2024, 9, 14))  # y ends 30/06, z begins 01/07
    assert held == {"y": {1}, "z": {1}}


def test_holdings_found_once_serve_every_window_and_leave_the_steady_ones_shared() -> None:
    holdings = Holdings(TASKS, Successions(EMBEDDED))
    windows = [(D(2024, 9, 15), D(2024, 12, 14)), (D(2024, 12, 15), D(2025, 3, 14)), (D(2025, 3, 15), D(2025, 6, 14))]
    for start, end in windows * 2:  # in any order, again: no window changes what another sees
        assert holdings.at(start, end) == holdings_at(TASKS, Successions(EMBEDDED), start, end)
    assert "stttt" not in holdings.steady and holdings.at(*windows[0])["lhhn"] is holdings.steady["lhhn"]
