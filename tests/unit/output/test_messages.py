"""What the commands that act print: validate's verdict, pull-request findings, locks, scaffolds and imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from dnnd.authoring.importing.build import ImportResult
from dnnd.authoring.new_update import Scaffold
from dnnd.cache.verdict import Verdict
from dnnd.errors import Problem
from dnnd.i18n import Text
from dnnd.load.git import Change
from dnnd.output import messages
from dnnd.plan.periods import Period
from dnnd.workflow.pull_requests import ChangeReport, Finding

H2, Q3, Q4 = Period(2020, 3, 4), Period(2020, 3, 3), Period(2020, 4, 4)


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")


def test_verdict_prints_warnings_on_stderr_then_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    warning = Problem("plan/updates/lhhn/2020-Q3.yaml", 4, 7, "summary", Text("quá ngắn", "too short"))
    messages.verdict(Verdict(15, 21, 2, [], [warning]), "vi")
    captured = capsys.readouterr()
    assert captured.err == "Cảnh báo: plan/updates/lhhn/2020-Q3.yaml:4:7: summary: quá ngắn\n"
    assert captured.out == "Hợp lệ: 15 nhiệm vụ, 21 cơ quan, 2 tệp báo cáo; không có lỗi.\n"
    messages.verdict(Verdict(15, 21, 0, [], []), "en")
    assert capsys.readouterr() == ("Valid: 15 tasks, 21 agencies, 0 update files; no problems.\n", "")
    messages.verdict(Verdict(15, 21, 2, [], [], texts=1), "vi")
    found = capsys.readouterr().out
    assert (
        found == "Hợp lệ: 15 nhiệm vụ, 21 cơ quan, 2 tệp báo cáo, 1 phần báo cáo của cơ quan đầu mối; không có lỗi.\n"
    )


def test_github_annotations_are_escaped_and_at_most_ten_per_kind(capsys: pytest.CaptureFixture[str]) -> None:
    odd = Finding("error", "plan/a,b:c.yaml", 3, Text("50% xong\r\ndòng 2", "50% done"))
    errors = [Finding("error", f"plan/updates/lhhn/{n}.yaml", None, Text("sai", "wrong")) for n in range(10)]
    warning = Finding("warning", "README.md", None, Text("cần duyệt", "needs review"))
    report = ChangeReport("0123456789abcdef", [Change("M", "README.md")], [odd, *errors, warning])
    messages.changes(report, "github", "vi")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "::error file=plan/a%2Cb%3Ac.yaml,line=3::50%25 xong%0D%0Adòng 2"
    assert lines[1] == "::error file=plan/updates/lhhn/0.yaml::sai"
    assert lines[10:] == [
        "LỖI plan/updates/lhhn/9.yaml: sai",
        "::warning file=README.md::cần duyệt",
        "1 tệp thay đổi so với 0123456789ab: 11 lỗi, 1 cảnh báo.",
    ]


def test_text_findings_name_the_file_and_line(capsys: pytest.CaptureFixture[str]) -> None:
    findings = [
        Finding("warning", "plan/plan.yaml", None, Text("cần duyệt", "needs review")),
        Finding("error", "plan/updates/snv/2020-Q3.yaml", 5, Text("kỳ đã khóa", "locked period")),
    ]
    messages.changes(ChangeReport("abc", [Change("A", "x"), Change("D", "y")], findings), "text", "en")
    assert capsys.readouterr().out.splitlines() == [
        "WARNING plan/plan.yaml: needs review",
        "ERROR plan/updates/snv/2020-Q3.yaml:5: locked period",
        "2 file(s) changed since abc: 1 error(s), 1 warning(s).",
    ]


def test_lock_and_unlock_name_the_quarters(capsys: pytest.CaptureFixture[str]) -> None:
    messages.locked(H2, "en")
    messages.unlocked(H2, {Q4: "2020"}, "vi")
    messages.unlocked(Q3, {}, "en")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Locked 2020-H2: the updates of 2020-Q3, 2020-Q4 may no longer change (")
    assert lines[1].startswith("Đã mở khóa kỳ 2020-H2: báo cáo các quý 2020-Q3 lại có thể được sửa. ")
    assert lines[2] == "Vẫn còn khóa bởi kỳ khác: 2020-Q4 (2020)."
    assert lines[3].startswith("Unlocked 2020-Q3: the updates of 2020-Q3 may change again. ")
    assert len(lines) == 4


def test_files_written_scaffolds_and_imports(capsys: pytest.CaptureFixture[str]) -> None:
    rel = "plan/updates/lhhn/2020-Q3.yaml"
    messages.written([Path("reports/bao-cao.docx")], "vi")
    messages.scaffolded(Scaffold(Path(rel), rel, []), "en")
    problem = Problem("plan/tasks.yaml", 3, None, "timing", Text("lạ", "unknown"))
    messages.imported(ImportResult(Path("kh"), 15, ["a", "b"], ["c"], 14, ["w"], [problem]), "en")
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["Đã ghi reports/bao-cao.docx", f"Created {rel} with tasks: (none).", "Next steps:"]
    assert lines[5] == f'  3. git add {rel} && git commit -m "Update ..."'
    assert lines[7:] == [
        "Warning: w",
        "plan/tasks.yaml:3: timing: unknown",
        "Wrote the plan to kh: 15 tasks; 2 agencies matched, 1 created; 14/15 timing phrases understood; "
        "1 warnings; fix the problems above, then run `dnnd validate`.",
    ]
