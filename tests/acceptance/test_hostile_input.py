"""Hostile or broken input ends in a message naming what is wrong and an exit of 1 or 2: never a traceback,
an internal error (3), an unbounded read, or an argument taken as an option."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EMBEDDED_PLAN, PROJECT, MakeRepo, RunCli
from tests.git_helpers import branch, commit, init

DECISION = PROJECT / "tests" / "data" / "qd-1228-2020-khanh-hoa.txt"


def run_dnnd(*args: str, cwd: Path, memory: int | None = None) -> subprocess.CompletedProcess[str]:
    """dnnd in its own process, with its address space capped at `memory` bytes when given."""

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    command = [sys.executable, "-c", "from dnnd.cli import main; main()", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, preexec_fn=limit, timeout=120, check=False)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(300):
                part.write(b" " * 1_000_000)
    assert bomb.stat().st_size < 2_000_000
    done = run_dnnd("import", str(bomb), "--out", str(tmp_path / "out"), cwd=tmp_path, memory=1_500_000_000)
    assert done.returncode == 2, done.stderr
    assert "giải nén ra 300,000,008 byte" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out" / "plan").exists()


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">'
    + b"".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'.encode() for n in range(8))
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    + b"<w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
)


def word_file(path: Path, document: bytes | None, *, content_types: bool = True) -> Path:
    """The shipped template's parts with `document` as word/document.xml (left out when None)."""
    with zipfile.ZipFile(PROJECT / "templates" / "report.docx") as source, zipfile.ZipFile(path, "w") as copy:
        for item in source.infolist():
            if item.filename == "word/document.xml":
                if document is not None:
                    copy.writestr(item, document)
            elif item.filename != "[Content_Types].xml" or content_types:
                copy.writestr(item, source.read(item.filename))
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda path: path.write_bytes(b"PK\x03\x04 broken") and path,
        lambda path: word_file(path, b"<w:document><w:body>", content_types=True),
        lambda path: word_file(path, LAUGHS),
        lambda path: word_file(path, b"<w:document/>", content_types=False),
    ],
    ids=["not-a-zip", "malformed-xml", "entities", "no-content-types"],
)
def test_a_damaged_word_file_is_unreadable_input(run_cli: RunCli, tmp_path: Path, make: Any) -> None:
    path = make(tmp_path / "hong.docx") or tmp_path / "hong.docx"
    result = run_cli("import", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "không đọc được tệp Word" in result.output, result.output


@pytest.mark.parametrize("kind", ["fifo", "device", "missing", "folder"])
def test_agencies_must_be_a_regular_file(run_cli: RunCli, tmp_path: Path, kind: str) -> None:
    agencies = {"fifo": tmp_path / "ong", "device": Path("/dev/zero"), "missing": tmp_path / "x", "folder": tmp_path}[
        kind
    ]
    if kind == "fifo":
        os.mkfifo(agencies)
    result = run_cli("import", str(DECISION), "--out", str(tmp_path / "out"), "--agencies", str(agencies))
    assert result.exit_code == 2 and f"--agencies: {agencies}" in result.output, result.output


@pytest.mark.parametrize(
    ("file", "old", "new", "where"),
    [
        ("tasks.yaml", "timing: Quý III/2020", "timing: Quý III/9999", "plan/tasks.yaml:"),
        ("events.yaml", "occurred_on: null", "occurred_on: 0001-01-01", "plan/events.yaml:"),
        ("plan.yaml", "date: 2020-05-27", "date: 2999-05-27", "plan/plan.yaml:"),
    ],
)
def test_dates_outside_the_plans_years_are_refused_where_they_are(
    run_cli: RunCli, make_repo: MakeRepo, file: str, old: str, new: str, where: str
) -> None:
    text = (EMBEDDED_PLAN / file).read_text(encoding="utf-8")
    assert old in text
    result = run_cli("validate", repo=make_repo({f"plan/{file}": text.replace(old, new, 1)}))
    assert result.exit_code == 1 and where in result.output and "1900–2200" in result.output, result.output


def test_a_huge_within_days_is_refused(run_cli: RunCli, make_repo: MakeRepo) -> None:
    text = (
        (EMBEDDED_PLAN / "events.yaml")
        .read_text(encoding="utf-8")
        .replace("occurred_on: null", "occurred_on: null\n    within_days: 999999999", 1)
    )
    result = run_cli("validate", repo=make_repo({"plan/events.yaml": text}))
    assert result.exit_code == 1 and "events[0].within_days" in result.output, result.output


@pytest.mark.parametrize(
    "args",
    [("remind", "--quarter", "2020-Q4", "--date", "9999-12-30"), ("status", "--quarter", "9998-Q4"), ("lock", "3000")],
)
def test_dates_at_the_edge_of_the_calendar_are_usage_errors(
    run_cli: RunCli, make_repo: MakeRepo, args: tuple[str, ...]
) -> None:
    result = run_cli(*args, repo=make_repo())
    assert result.exit_code == 2 and "(1900–2200)" in result.output, result.output


def test_a_base_is_never_taken_as_a_git_option(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo())
    branch(root, "pr")
    commit(root, {}, "Trống")
    result = run_cli("check-changes", "--base=--octopus", repo=root)
    assert result.exit_code == 2 and "không tìm thấy điểm rẽ nhánh với '--octopus'" in result.output


def test_a_document_named_like_an_option_reaches_libreoffice_as_a_path(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "soffice"
    fake.write_text(f'#!/bin/sh\nfor last; do :; done\necho "$last" > {tmp_path}/given\nexit 1\n', encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("DNND_SOFFICE", str(fake))
    monkeypatch.chdir(tmp_path)
    result = run_cli("report", "--quarter", "2020-Q4", "--pdf", "-o", "-r.docx", repo=make_repo())
    assert result.exit_code == 1 and "LibreOffice không chuyển được sang PDF" in result.output, result.output
    assert (tmp_path / "given").read_text().strip() == str(tmp_path / "-r.docx")
