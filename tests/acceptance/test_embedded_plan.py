"""The embedded plan agrees with Decision 1228/QĐ-UBND: agencies, and the task table row by row."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pytest

from dnnd.load.validation import validate_document
from dnnd.load.yamlio import load_yaml
from dnnd.plan.models import AgenciesFile, TasksFile
from dnnd.repository import AGENCIES_FILE, TASKS_FILE, load_repository
from tests.conftest import DATA, PROJECT

DECISION = DATA / "qd-1228-2020-khanh-hoa.txt"
REPORTING_IDS = ("sngv", "snv", "stttt", "stc", "bdv", "btg", "mttq", "lhhn", "baokh", "ktv", "congttdt", "vpubnd")


def _load_agencies() -> AgenciesFile:
    rel = AGENCIES_FILE
    return validate_document(AgenciesFile, load_yaml((PROJECT / rel).read_bytes(), rel), rel)


def _load_tasks() -> TasksFile:
    rel = TASKS_FILE
    return validate_document(TasksFile, load_yaml((PROJECT / rel).read_bytes(), rel), rel)


AGENCIES = _load_agencies().agencies
TASKS = {task.id: task for task in _load_tasks().tasks}
KINDS = {agency.id: agency.kind for agency in AGENCIES}


def test_embedded_plan_loads_without_problems() -> None:
    repo = load_repository(PROJECT)
    assert repo.update_problems == []
    assert len(repo.tasks) == 15


@pytest.mark.parametrize("agency_id", REPORTING_IDS)
def test_reporting_agency_is_listed(agency_id: str) -> None:
    assert agency_id in KINDS
    assert KINDS[agency_id] not in ("group", "external")


@pytest.mark.parametrize(("agency_id", "kind"), [("lienquan", "group"), ("bng", "external"), ("bnv", "external")])
def test_non_reporting_bodies(agency_id: str, kind: str) -> None:
    assert KINDS[agency_id] == kind


def test_agency_ids_and_names_are_unique() -> None:
    ids = [agency.id for agency in AGENCIES]
    names = [agency.name.casefold() for agency in AGENCIES]
    assert len(set(ids)) == len(ids)
    assert len(set(names)) == len(names)
    assert set(REPORTING_IDS) | {"lienquan", "bng", "bnv"} <= set(ids)


# ----- the decision's task table ----------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    number: int
    title: str
    lead: list[str]
    support: list[str]
    timing: str


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


IDS_BY_NAME = {_key(agency.name): agency.id for agency in AGENCIES}


def agency_ids(cell: str) -> list[str]:
    """Ids of the agencies a table cell names, in order: longest known name first, then ';' or ',' and the next.

    Names are matched case-insensitively and may themselves contain commas
    ("Các cơ quan, đơn vị, địa phương liên quan"); a trailing '.' is ignored.
    """
    rest = unicodedata.normalize("NFC", cell).strip().removesuffix(".").strip()
    names = sorted(IDS_BY_NAME, key=len, reverse=True)
    found = []
    while rest:
        name = next((name for name in names if _key(rest[: len(name)]) == name), None)
        assert name is not None, f"no agency in plan/agencies.yaml is named like the start of {rest!r}"
        found.append(IDS_BY_NAME[name])
        rest = rest[len(name) :]
        assert rest == "" or rest[0] in ";,", f"expected ';' or ',' before {rest!r}"
        rest = rest[1:].strip()
    return found


def decision_rows() -> list[Row]:
    rows = []
    for line in DECISION.read_text(encoding="utf-8").splitlines():
        if not re.match(r"\d+\t", line):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        assert len(cells) == 5, line
        number, title, lead, support, timing = cells
        rows.append(Row(int(number), title, agency_ids(lead), agency_ids(support), timing))
    return rows


ROWS = decision_rows()


def test_the_table_has_fifteen_rows_numbered_in_order() -> None:
    assert [row.number for row in ROWS] == list(range(1, 16))
    assert sorted(TASKS) == list(range(1, 16))


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"task-{row.number}")
def test_task_matches_the_decision(row: Row) -> None:
    task = TASKS[row.number]
    assert task.title == row.title
    assert task.lead == row.lead
    assert task.support == row.support
    assert task.timing == row.timing


@pytest.mark.parametrize(
    ("cell", "ids"),
    [
        ("Sở Ngoại vụ; Liên hiệp các tổ chức hữu nghị tỉnh.", ["sngv", "lhhn"]),
        ("Các cơ quan, đơn vị, địa phương liên quan, Báo Khánh Hòa", ["lienquan", "baokh"]),
        ("Cổng Thông tin Điện tử tỉnh", ["congttdt"]),
        ("Ban Tuyên giáo Tỉnh ủy; Các cơ quan, đơn vị, địa phương liên quan.", ["btg", "lienquan"]),
    ],
)
def test_agency_cell_parser(cell: str, ids: list[str]) -> None:
    assert agency_ids(cell) == ids
