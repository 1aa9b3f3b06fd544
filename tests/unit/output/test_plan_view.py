"""`dnnd tasks`, `dnnd agencies` and `dnnd show`: task records, the agencies' table and one task in full."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dnnd.evaluate.task_views import task_view, task_views
from dnnd.output.plan_view import TASK_FIELDS, AgenciesOutput, TasksOutput, agency_names, show
from dnnd.repository import load_repository
from tests.conftest import MakeRepo

DONE = """agency: lhhn
period: 2020-Q4
entries:
  - task: 14
    status: done
    done_on: 2020-12-01
    summary: Đã trình khen thưởng.
    difficulties: Thiếu kinh phí.
    documents:
      - {number: 45/LHHN-VP, date: 2020-11-20, title: Tờ trình khen thưởng}
"""
EARLIER = "agency: sngv\nperiod: 2020-Q3\nentries:\n  - task: 14\n    status: blocked\n    summary: Chờ.\n"


def agency(agency_id: str, **fields: Any) -> dict[str, Any]:
    record = {"id": agency_id, "short_name": agency_id.upper(), "name": f"Cơ quan {agency_id}", "kind": "department"}
    empty = {"state": "in_force", "aliases": [], "predecessors": [], "successors": [], "lead": [], "support": []}
    return {**record, "since": None, "until": None, **empty, **fields}


def table_rows(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("│")[1:-1]] for line in text.splitlines() if line.startswith("│")]


def test_tasks_are_records_of_the_contract_fields_with_agency_ids(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(), use_cache=False)
    output = TasksOutput(repo, task_views(repo, "stttt"))
    assert [record["task"] for record in output.document()["tasks"]] == [8, 11]
    fields, rows = output.csv()
    assert fields == TASK_FIELDS == ("task", "title", "lead", "support", "timing")
    first = next(iter(rows))
    assert (first["lead"], first["support"], first["timing"]) == (
        ["stttt"],
        ["btg", "lienquan", "baokh", "ktv", "congttdt"],
        "Trước ngày 18/11 hàng năm",
    )
    assert agency_names(repo, ["sngv", "lhhn", "lienquan"]) == "SNgV, LHHN, Các cơ quan liên quan"
    assert output.notices("vi") == []


def test_agencies_table_shows_kind_tasks_span_predecessors_and_successors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    records = [
        agency("stttt", until=dt.date(2025, 2, 28), state="ended", successors=["Sở VHTTDL (svhtt; nhiệm vụ 8)"]),
        agency("svhtt", since=dt.date(2025, 3, 1), predecessors=["STTTT (stttt)"], aliases=["Sở VHTT"], lead=[8]),
        agency("sngv", kind="press"),
    ]
    AgenciesOutput(records).print_table("vi")
    assert table_rows(capsys.readouterr().out) == [
        ["stttt", "STTTT", "Cơ quan stttt", "Sở, ngành", "", "", "… – 28/02/2025", ""],
        [
            "",
            "",
            "",
            "",
            "",
            "",
            "đã giải thể/sáp nhập sau ngày 28/02/2025, chuyển cho: Sở VHTTDL (svhtt; nhiệm vụ 8)",
            "",
        ],
        ["svhtt", "SVHTT", "Cơ quan svhtt", "Sở, ngành", "8", "", "01/03/2025 – …", "tiền thân: STTTT (stttt)"],
        ["", "", "", "", "", "", "", "tên khác: Sở VHTT"],
        ["sngv", "SNGV", "Cơ quan sngv", "Báo chí", "", "", "", ""],
    ]


def test_agencies_csv_columns_come_from_the_records() -> None:
    records = [agency("sngv")]
    assert AgenciesOutput(records).csv() == (tuple(records[0]), records)
    assert AgenciesOutput([]).csv() == (("id",), [])
    assert AgenciesOutput(records).document() == {"agencies": records}


def test_show_prints_the_task_then_every_entry_newest_first(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    files = {"plan/updates/lhhn/2020-Q4.yaml": DONE, "plan/updates/sngv/2020-Q3.yaml": EARLIER}
    repo = load_repository(make_repo(files), use_cache=False)
    show(repo, task_view(repo, 14), "vi")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Nhiệm vụ 14"
    assert lines[2:5] == ["Chủ trì: LHHN", "Phối hợp: SNgV, Các cơ quan liên quan", "Thời gian: Quý IV hàng năm"]
    assert lines[6:] == [
        "2020-Q4 · Liên hiệp các tổ chức hữu nghị tỉnh (LHHN) · Đã hoàn thành · hoàn thành 01/12/2020",
        "  plan/updates/lhhn/2020-Q4.yaml",
        "  Đã trình khen thưởng.",
        "  Khó khăn, vướng mắc: Thiếu kinh phí.",
        "  - 45/LHHN-VP (20/11/2020): Tờ trình khen thưởng",
        "",
        "2020-Q3 · Sở Ngoại vụ (SNgV) · Gặp vướng mắc",
        "  plan/updates/sngv/2020-Q3.yaml",
        "  Chờ.",
        "",
    ]


def test_show_says_when_no_update_reports_on_the_task(make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]) -> None:
    repo = load_repository(make_repo(), use_cache=False)
    show(repo, task_view(repo, 4), "en")
    lines = capsys.readouterr().out.splitlines()
    assert (lines[0], lines[-2], lines[-1]) == ("Task 4", "", "No update reports on this task yet.")
    assert "Timing: Quý III/2020" in lines
