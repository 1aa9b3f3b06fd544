"""`dnnd budget`'s output: the JSON document of the README's contract, CSV rows, the workbook's sheets in either
language, the notice of the files left out, and the table."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from typing import Any

import pytest

from dnnd.evaluate.budget import budget_summary
from dnnd.output.budget_view import CSV_FIELDS, BudgetOutput
from dnnd.output.formats.csv import to_csv
from dnnd.repository import load_repository
from tests.conftest import DATA, PROJECT, MakeRepo

TODAY = dt.date(2026, 12, 7)
M = 1_000_000


@pytest.fixture
def output(make_repo: MakeRepo) -> BudgetOutput:
    root = make_repo()
    shutil.copytree(DATA / "budgets", root / "plan" / "budgets")
    repo = load_repository(root, use_cache=False)
    return BudgetOutput(repo, budget_summary(repo, 2021, today=TODAY))


def amounts(estimate: int, appraised: int | None, allocated: int | None, executed: int | None) -> dict[str, Any]:
    return {"estimate": estimate, "appraised": appraised, "allocated": allocated, "executed": executed}


def table_rows(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("│")[1:-1]] for line in text.splitlines() if line.startswith("│")]


def readme_contract() -> str:
    """The `--format json` shape the README's section for Sở Tài chính promises."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For Sở Tài chính: the funding", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"`--format json` \(`(\{.*?\})`", " ".join(section.split()))
    assert found is not None, "the README no longer shows the JSON of `dnnd budget`"
    return found.group(1)


def test_the_document_is_the_readmes_contract_with_exact_sums(output: BudgetOutput) -> None:
    assert readme_contract() == (
        '{"year", "agencies": {id: {estimate, appraised, allocated, executed, "tasks": {…}}}, "sources", "total", '
        '"missing"}'
    )
    document = output.document()
    assert list(document) == ["year", "agencies", "sources", "total", "missing"]
    assert document["agencies"]["lhhn"] == {
        **amounts(80 * M, 45 * M, 45 * M, 48 * M),
        "tasks": {"7": amounts(50 * M, 45 * M, 45 * M, 48 * M), "14": amounts(30 * M, None, None, None)},
    }
    assert list(document["agencies"]) == ["sngv", "lhhn"] and document["year"] == 2021
    assert document["sources"]["vien_tro"] == amounts(0, None, None, None) and len(document["sources"]) == 5
    assert document["total"] == amounts(120 * M, 65 * M, 63 * M, 63 * M)
    assert document["missing"] == ["snv", "bdv", "btg", "baokh", "ktv", "congttdt"]


def test_csv_has_a_row_per_agency_task_source_and_the_total(output: BudgetOutput) -> None:
    fields, rows = output.csv()
    rows = list(rows)
    assert (
        fields == CSV_FIELDS == ("scope", "agency", "task", "source", "estimate", "appraised", "allocated", "executed")
    )
    assert [(row["scope"], row.get("agency"), row.get("task"), row.get("source")) for row in rows[:6]] == [
        ("agency", "sngv", None, None),
        ("task", "sngv", 2, None),
        ("task", "sngv", 11, None),
        ("agency", "lhhn", None, None),
        ("task", "lhhn", 7, None),
        ("task", "lhhn", 14, None),
    ]
    assert [row["source"] for row in rows[6:11]] == [
        "ngan_sach_tinh",
        "ngan_sach_trung_uong",
        "vien_tro",
        "xa_hoi_hoa",
        "khac",
    ]
    assert len(rows) == 12 and rows[-1] == {"scope": "total", **amounts(120 * M, 65 * M, 63 * M, 63 * M)}
    lines = to_csv(rows, fields).splitlines()
    assert "task,lhhn,14,,30000000,,," in lines and lines[-1] == "total,,,,120000000,65000000,63000000,63000000"


@pytest.mark.parametrize(
    ("lang", "totals", "lines"),
    [
        (
            "vi",
            ["Cơ quan", "Dự toán", "Thẩm định", "Bố trí", "Thực hiện"],
            ["Cơ quan", "Nhiệm vụ", "Nội dung chi", "Căn cứ, định mức", "Số lượng", "Đơn vị", "Đơn giá", "Nguồn"],
        ),
        (
            "en",
            ["Agency", "Estimate", "Appraised", "Allocated", "Executed"],
            ["Agency", "Task", "Content", "Basis", "Quantity", "Unit", "Unit price", "Source"],
        ),
    ],
)
def test_the_sheets_are_the_totals_then_every_line_headed_in_the_readers_language(
    output: BudgetOutput, lang: str, totals: list[str], lines: list[str]
) -> None:
    first, second = output.sheets(lang)
    assert first.title == {"vi": "Tổng hợp 2021", "en": "Totals 2021"}[lang]
    assert [column.header for column in first.columns] == totals
    assert [column.header for column in second.columns] == [*lines, *totals[1:]]
    assert first.rows[-1] == [{"vi": "Tổng cộng", "en": "Total"}[lang], 120 * M, 65 * M, 63 * M, 63 * M]
    assert second.rows[2][-1] == 48 * M and {"vi": "Ngân sách tỉnh", "en": "Provincial budget"}[lang] in second.rows[2]


def test_the_sheets_hold_numbers_as_numbers_and_unknown_amounts_as_empty_cells(output: BudgetOutput) -> None:
    totals, lines = output.sheets("vi")
    assert totals.rows[0] == ["Sở Ngoại vụ", 40 * M, 20 * M, 18 * M, 15 * M]
    assert lines.rows[1] == [
        "Sở Ngoại vụ",
        11,
        "Biên soạn tài liệu tuyên truyền đối ngoại nhân dân",
        "",
        500,
        "cuốn",
        40_000,
        "Ngân sách tỉnh",
        20 * M,
        None,
        None,
        None,
    ]
    numbers = [cell for row in (*totals.rows, *lines.rows) for cell in row[1:] if not isinstance(cell, str | None)]
    assert numbers and all(type(cell) is int for cell in numbers)
    assert all(len(sheet.title) <= 31 for sheet in (totals, lines))


def test_the_notice_names_each_file_left_out_once(output: BudgetOutput) -> None:
    files = "plan/budgets/mttq/2021.yaml, plan/budgets/stttt/2021.yaml"
    assert output.notices("vi") == [f"Bỏ qua 2 tệp kinh phí có lỗi (xem `dnnd validate`): {files}"]
    assert output.notices("en") == [f"Left out 2 funding files with problems (see `dnnd validate`): {files}"]
    output.summary.problems = []
    assert output.notices("en") == []


@pytest.mark.parametrize(
    ("lang", "agency", "task", "total", "missing"),
    [
        (
            "vi",
            ["Sở Ngoại vụ", "40.000.000", "20.000.000", "18.000.000", "15.000.000", "83,3%"],
            ["nhiệm vụ 11", "20.000.000", "", "", "", ""],
            ["Tổng cộng", "120.000.000", "65.000.000", "63.000.000", "63.000.000", "100,0%"],
            "Chưa có dự toán năm 2021 (6 cơ quan có nhiệm vụ): SNV, BDVTU, BTGTU, Báo KH, KTV, Cổng TTĐT",
        ),
        (
            "en",
            ["Sở Ngoại vụ", "40,000,000", "20,000,000", "18,000,000", "15,000,000", "83.3%"],
            ["task 11", "20,000,000", "", "", "", ""],
            ["Total", "120,000,000", "65,000,000", "63,000,000", "63,000,000", "100.0%"],
            "No estimate for 2021 (6 agencies with tasks): SNV, BDVTU, BTGTU, Báo KH, KTV, Cổng TTĐT",
        ),
    ],
)
def test_the_table_groups_digits_in_the_readers_way_and_lists_who_sent_nothing(
    output: BudgetOutput,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    agency: list[str],
    task: list[str],
    total: list[str],
    missing: str,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    output.print_table(lang)
    text = capsys.readouterr().out
    rows = table_rows(text)
    assert rows[0] == agency and rows[2] == task and rows[-1] == total
    assert [row[0] for row in rows if ":" in row[0]] == {
        "vi": ["Nguồn: Ngân sách tỉnh", "Nguồn: Xã hội hóa"],  # sources with no estimate are not shown
        "en": ["Source: Provincial budget", "Source: Private contributions"],
    }[lang]
    assert text.splitlines()[-1] == missing
