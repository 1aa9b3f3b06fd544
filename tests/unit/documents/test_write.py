"""Writing the report and the reminder: paths, evaluation date, provenance, deadline, nothing when none is missing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pytest

from dnnd.documents.contents import IssueOptions
from dnnd.documents.write import write_reminder, write_report
from dnnd.errors import DnndError, UsageError
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.evaluate.task_status import evaluate
from dnnd.plan.periods import quarter
from dnnd.repository import Repository, load_repository
from tests.conftest import MakeRepo
from tests.docx_helpers import SAMPLE, texts, update
from tests.git_helpers import git, init

D = dt.date
Q4 = quarter(2020, 4)
REPORT = IssueOptions(5, D(2020, 12, 16), D(2021, 1, 5))
LETTER = IssueOptions(3, D(2020, 12, 16), D(2021, 1, 5))
URGED = ["snv", "stttt", "bdv", "btg", "mttq", "lhhn", "baokh", "ktv", "congttdt"]


def _repo(make_repo: MakeRepo, files: dict[str, Any] | None = None, name: str = "repo") -> Repository:
    return load_repository(make_repo(files, name=name), use_cache=False)


def test_report_goes_under_reports_named_after_the_period(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo, SAMPLE)
    written = write_report(repo, PeriodChoice(Q4), REPORT, output=None, force=False, pdf=False)
    assert written.paths == [repo.root / "reports" / "bao-cao-2020-Q4.docx"]
    assert (written.evaluation.as_of, written.agencies) == (D(2020, 12, 14), [])
    document = docx.Document(str(written.paths[0]))
    assert "Số: 05/BC-SNgV" in texts(document)
    assert document.core_properties.created == dt.datetime(2020, 12, 16, tzinfo=dt.UTC)


def test_report_before_its_window_ends_is_evaluated_today(make_repo: MakeRepo, tmp_path: Path) -> None:
    target = tmp_path / "r.docx"
    written = write_report(
        _repo(make_repo), PeriodChoice(Q4), IssueOptions(today=D(2020, 11, 20)), output=target, force=False, pdf=False
    )
    assert written.paths == [target]
    assert written.evaluation.as_of == D(2020, 11, 20)
    assert docx.Document(str(target)).core_properties.created == dt.datetime(2020, 12, 14, tzinfo=dt.UTC)


def test_report_records_the_commit_of_its_data(make_repo: MakeRepo, tmp_path: Path) -> None:
    root = init(make_repo(SAMPLE))
    head = git(root, "rev-parse", "HEAD")
    write_report(
        load_repository(root, use_cache=False),
        PeriodChoice(Q4),
        REPORT,
        output=tmp_path / "r.docx",
        force=False,
        pdf=False,
    )
    properties = docx.Document(str(tmp_path / "r.docx")).core_properties
    assert properties.comments == f"plan=khanhhoa-dnnd-2020; period=2020-Q4; commit={head}"
    assert properties.title.startswith("Kết quả thực hiện Kế hoạch triển khai Đề án")
    assert properties.title.endswith(" quý IV năm 2020")


def test_reminder_urges_the_missing_agencies_within_a_week_of_its_date(make_repo: MakeRepo, tmp_path: Path) -> None:
    target = tmp_path / "m.docx"
    written = write_reminder(
        _repo(make_repo, SAMPLE), PeriodChoice(Q4), LETTER, deadline=None, output=target, force=False
    )
    assert (written.paths, written.agencies) == ([target], URGED)
    document = docx.Document(str(target))
    assert "Số: 03/SNgV-HTQT" in texts(document)
    assert any("gửi báo cáo về Sở Ngoại vụ trước ngày 23/12/2020 để tổng hợp" in text for text in texts(document))
    assert document.core_properties.keywords == "plan=khanhhoa-dnnd-2020; period=2020-Q4"


def test_undated_reminder_goes_under_reports_with_a_week_from_today(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo, SAMPLE)
    written = write_reminder(
        repo, PeriodChoice(Q4), IssueOptions(today=D(2020, 12, 10)), deadline=None, output=None, force=False
    )
    assert written.paths == [repo.root / "reports" / "don-doc-2020-Q4.docx"]
    assert written.evaluation.as_of == D(2020, 12, 10)
    assert any("trước ngày 17/12/2020" in text for text in texts(docx.Document(str(written.paths[0]))))


@pytest.mark.parametrize("deadline", [D(2020, 12, 16), D(2020, 12, 1)], ids=["same-day", "before"])
def test_a_deadline_not_after_the_letters_date_is_refused(
    make_repo: MakeRepo, tmp_path: Path, deadline: dt.date
) -> None:
    repo = _repo(make_repo, SAMPLE)
    with pytest.raises(UsageError) as raised:
        write_reminder(repo, PeriodChoice(Q4), LETTER, deadline=deadline, output=tmp_path / "m.docx", force=False)
    day = deadline.strftime("%d/%m/%Y")
    assert raised.value.message.vi == f"--deadline {day} phải sau ngày của công văn (16/12/2020)"
    assert not (tmp_path / "m.docx").exists()


def test_nothing_is_written_when_nobody_but_the_sender_is_missing(make_repo: MakeRepo, tmp_path: Path) -> None:
    first = _repo(make_repo)
    files: dict[str, Any] = {}
    for item in evaluate(build_facts(first), list(first.tasks), Q4, D(2020, 12, 14)).missing:
        if item.agency != "sngv":
            entries = [{"task": number, "status": "in_progress", "summary": "Đang thực hiện."} for number in item.tasks]
            files |= update(item.agency, "2020-Q4", entries)
    repo = _repo(make_repo, files, name="complete")
    written = write_reminder(repo, PeriodChoice(Q4), LETTER, deadline=None, output=tmp_path / "m.docx", force=False)
    assert (written.paths, written.agencies) == ([], [])
    assert [item.agency for item in written.evaluation.missing] == ["sngv"]
    assert not (tmp_path / "m.docx").exists() and not (repo.root / "reports").exists()


def test_an_existing_pdf_is_not_overwritten_without_force(
    make_repo: MakeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    soffice = tmp_path / "soffice"  # a stand-in for LibreOffice: writes <stem>.pdf into --outdir
    soffice.write_text('#!/bin/sh\nout=$7; doc=$(basename "$8"); printf converted > "$out/${doc%.*}.pdf"\n')
    soffice.chmod(0o755)
    monkeypatch.setenv("DNND_SOFFICE", str(soffice))
    (tmp_path / "r.pdf").write_bytes(b"signed scan")
    with pytest.raises(DnndError):
        write_report(_repo(make_repo), PeriodChoice(Q4), REPORT, output=tmp_path / "r.docx", force=False, pdf=True)
    assert (tmp_path / "r.pdf").read_bytes() == b"signed scan"
