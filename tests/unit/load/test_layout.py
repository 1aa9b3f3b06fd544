"""Reading a repository's files safely: the exact bytes, and a problem naming the file for what is not a readable file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from dnnd.errors import DataError
from dnnd.load import layout
from dnnd.load.yamlio import MAX_FILE_BYTES

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
