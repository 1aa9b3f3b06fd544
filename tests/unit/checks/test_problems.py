"""Building check problems: positions from the document (or its nearest ancestor), lists, repeated ids."""

from __future__ import annotations

from dnnd.checks.problems import at, duplicate_ids, known_list, numbers, unknown_agency
from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.yamlio import parse_yaml
from dnnd.plan.models import Agency

REL = "plan/agencies.yaml"
DOC = parse_yaml("agencies:\n  - id: a\n    name: A\n  - id: b\n  - id: a\n  - id: b\n  - id: a\n", REL)
MESSAGE = Text("sai", "wrong")


def test_at_points_at_the_value_or_at_its_nearest_ancestor_in_the_file() -> None:
    assert at(DOC, REL, ("agencies", 0, "name"), "f", MESSAGE) == Problem(REL, 3, 11, "f", MESSAGE)
    assert at(DOC, REL, ("agencies", 1, "name"), "f", MESSAGE) == Problem(REL, 4, 5, "f", MESSAGE)
    assert at(DOC, REL, ("events", 0), "events", MESSAGE) == Problem(REL, 1, 1, "events", MESSAGE)


def test_lists_are_sorted_and_numbers_numerically() -> None:
    assert known_list({"snv", "lhhn", "sngv"}) == "lhhn, sngv, snv"
    assert numbers([10, 2, 9]) == "2, 9, 10"
    assert (known_list([]), numbers([])) == ("", "")


def test_each_repeated_id_points_at_itself_and_names_the_line_of_the_first() -> None:
    def message(value: object, line: int | None) -> Text:
        return Text(f"{value} dòng {line}", f"{value} line {line}")

    found = duplicate_ids(["a", "b", "a", "b", "a"], DOC, REL, "agencies", message)
    assert [problem.render("en") for problem in found] == [
        "plan/agencies.yaml:5:9: agencies[2].id: a line 2",
        "plan/agencies.yaml:6:9: agencies[3].id: b line 4",
        "plan/agencies.yaml:7:9: agencies[4].id: a line 2",
    ]
    assert duplicate_ids(["a", "b"], DOC, REL, "agencies", message) == []


def test_unknown_agency_names_the_id_and_every_known_one_sorted() -> None:
    agencies = {
        agency_id: Agency(id=agency_id, name=agency_id, short_name=agency_id, kind="department")
        for agency_id in ("snv", "lhhn")
    }
    assert unknown_agency("xyz", agencies) == Text(
        "không có cơ quan mã 'xyz' trong plan/agencies.yaml; các mã hiện có: lhhn, snv",
        "no agency with id 'xyz' in plan/agencies.yaml; known ids: lhhn, snv",
    )
