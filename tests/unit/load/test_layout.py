"""Reading a repository's files safely: the exact bytes, and a problem naming the file for what is not a readable file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from dnnd.errors import DataError
from dnnd.load import layout
from dnnd.load.decoding import MAX_FILE_BYTES

GOOD = "agency: lhhn\nperiod: 2020-Q3\nentries:\n  - task: 5\n    status: in_progress\n    summary: Có.\n"


def test_read_bytes_gives_the_exact_bytes(tmp_path: Path) -> None:
    path = tmp_path / "2020-Q3.yaml"
    path.write_bytes(GOOD.encode() * 3)
    assert layout.read_bytes(str(path), "x") == GOOD.encode() * 3
    (tmp_path / "empty.yaml").write_bytes(b"")
    assert layout.read_bytes(tmp_path / "empty.yaml", "x") == b""


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: os.mkfifo(path), "not a regular file"),  # refused at once: opening does not wait for a writer
        (lambda path: path.mkdir(), "not a regular file"),
        (lambda path: None, "this file is missing"),
        (lambda path: path.write_bytes(b"a" * (MAX_FILE_BYTES + 1)), "file too large"),
    ],
)
def test_read_bytes_refuses_what_is_not_a_readable_file(tmp_path: Path, make: Any, message: str) -> None:
    path = tmp_path / "2020-Q3.yaml"
    make(path)
    with pytest.raises(DataError) as caught:
        layout.read_bytes(path, "plan/updates/lhhn/2020-Q3.yaml")
    problem = caught.value.problems[0]
    assert problem.path == "plan/updates/lhhn/2020-Q3.yaml"
    assert problem.message.en.startswith(message)


def test_list_report_texts_gives_each_entry_in_name_order_and_whether_it_is_a_file(tmp_path: Path) -> None:
    reports = tmp_path / "plan/reports"
    reports.mkdir(parents=True)
    for name in ("2020-Q4.yaml", "2020-Q3.yaml", ".gitkeep", "notes.txt"):
        (reports / name).write_text("x\n", encoding="utf-8")
    (reports / "2021").mkdir()
    (reports / "2021.yaml").symlink_to(reports / "2020-Q3.yaml")  # a link is not followed
    assert layout.list_report_texts(tmp_path) == [
        ("plan/reports/2020-Q3.yaml", True),
        ("plan/reports/2020-Q4.yaml", True),
        ("plan/reports/2021", False),
        ("plan/reports/2021.yaml", False),
        ("plan/reports/notes.txt", True),
    ]


def test_list_report_texts_is_empty_without_the_folder_or_when_it_leads_outside(tmp_path: Path) -> None:
    root, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    (root / "plan").mkdir(parents=True)
    assert layout.list_report_texts(root) == []
    (root / "plan/reports").write_text("not a folder\n", encoding="utf-8")
    assert layout.list_report_texts(root) == []
    (root / "plan/reports").unlink()
    elsewhere.mkdir()
    (elsewhere / "2020-Q3.yaml").write_text("period: 2020-Q3\n", encoding="utf-8")
    (root / "plan/reports").symlink_to(elsewhere, target_is_directory=True)
    assert layout.list_report_texts(root) == []


def budgets_folder(root: Path) -> Path:
    """plan/budgets/ with lhhn's 2021 estimate, the 2021 appraisals and a .gitkeep at both levels."""
    base = root / layout.BUDGETS_DIR
    for rel in ("lhhn/2021.yaml", "appraisals/2021.yaml", "lhhn/.gitkeep", ".gitkeep"):
        (base / rel).parent.mkdir(parents=True, exist_ok=True)
        (base / rel).write_text(f"# {rel}\n", encoding="utf-8")
    return base


def test_list_budget_files_gives_each_folders_files_in_name_order_skipping_gitkeep(tmp_path: Path) -> None:
    base = budgets_folder(tmp_path)
    (base / "README.md").write_text("Ghi chú.\n", encoding="utf-8")
    (base / "lhhn/cu").mkdir()  # one level too deep
    (base / "lhhn/2022.yaml").symlink_to(base / "lhhn/2021.yaml")  # a link is not followed
    assert layout.list_budget_files(tmp_path) == [
        ("plan/budgets/README.md", False),  # a file where only folders belong
        ("plan/budgets/appraisals/2021.yaml", True),
        ("plan/budgets/lhhn/2021.yaml", True),
        ("plan/budgets/lhhn/2022.yaml", False),
        ("plan/budgets/lhhn/cu", False),
    ]


def test_read_budget_files_reads_the_files_and_reports_what_is_not_one(tmp_path: Path) -> None:
    base = budgets_folder(tmp_path)
    (base / "README.md").write_text("Ghi chú.\n", encoding="utf-8")
    (base / "sngv").symlink_to(base / "lhhn", target_is_directory=True)
    (base / "lhhn/2022.yaml").symlink_to(base / "lhhn/2021.yaml")
    found, problems = layout.read_budget_files(tmp_path)
    assert found == {
        "plan/budgets/appraisals/2021.yaml": b"# appraisals/2021.yaml\n",
        "plan/budgets/lhhn/2021.yaml": b"# lhhn/2021.yaml\n",
    }
    assert [(problem.path, problem.line, problem.field) for problem in problems] == [
        ("plan/budgets/README.md", None, ""),
        ("plan/budgets/lhhn/2022.yaml", None, ""),
        ("plan/budgets/sngv", None, ""),
    ]
    assert problems[0].message.en.startswith("plan/budgets/ holds only each agency's folder (and appraisals/)")


def test_read_budget_files_finds_nothing_without_the_folder(tmp_path: Path) -> None:
    (tmp_path / "plan").mkdir()
    assert layout.list_budget_files(tmp_path) == []
    assert layout.read_budget_files(tmp_path) == ({}, [])
    (tmp_path / "plan/budgets").mkdir()
    (tmp_path / "plan/budgets/.gitkeep").write_text("", encoding="utf-8")
    assert layout.read_budget_files(tmp_path) == ({}, [])


def test_read_budget_files_refuses_a_budgets_folder_that_is_a_file_or_leads_outside(tmp_path: Path) -> None:
    root, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    (root / "plan").mkdir(parents=True)
    (root / "plan/budgets").write_text("not a folder\n", encoding="utf-8")
    found, problems = layout.read_budget_files(root)
    assert found == {} and [(p.path, p.message.en) for p in problems] == [
        ("plan/budgets", "plan/budgets must be a folder")
    ]
    (root / "plan/budgets").unlink()
    (root / "plan/budgets").symlink_to(budgets_folder(elsewhere), target_is_directory=True)
    found, problems = layout.read_budget_files(root)
    assert found == {} and [problem.path for problem in problems] == ["plan/budgets"]
    assert problems[0].message.en.startswith("plan/budgets leads through a link (symlink) out of the plan repository")
    assert layout.list_budget_files(root) == []
