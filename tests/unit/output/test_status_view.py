"""`dnnd status` and `dnnd missing` output: the JSON contract, CSV rows, late submissions and the tables."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.evaluate.status_report import PeriodChoice, StatusReport, status_report
from dnnd.load.git import Landing
from dnnd.output.formats.csv import to_csv
from dnnd.output.status_view import STATUS_FIELDS, MissingOutput, StatusOutput
from dnnd.plan.periods import Period
from dnnd.plan.vocabulary import STATUS_CODES
from dnnd.repository import Repository, load_repository
from dnnd.workflow.history import Submission
from tests.conftest import MakeRepo

Q3 = Period(2020, 3, 3)
SNGV = (
    "agency: sngv\nperiod: 2020-Q3\nentries:\n  - task: 4\n    status: done\n    done_on: 2020-09-01\n"
    "    summary: Đã ban hành.\n"
)
STTTT = (
    "agency: stttt\nperiod: 2020-Q3\nentries:\n  - task: 8\n    status: in_progress\n    summary: Đang làm.\n"
    "  - task: 11\n    status: done\n    done_on: 2020-08-01\n    summary: Xong.\n"
)
REL = "plan/updates/lhhn/2020-Q3.yaml"
BTG = "Ban Tuyên giáo Tỉnh ủy"
LANDED = "2020-09-17T09:00:00+00:00"
LANDING = Landing("a" * 40, dt.datetime.fromisoformat(LANDED), "Thư", (REL,))
LATE = Submission(REL, "lhhn", Q3, LANDING, LANDING, 1, dt.date(2020, 9, 16))


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    files = {"plan/updates/sngv/2020-Q3.yaml": SNGV, "plan/updates/stttt/2020-Q3.yaml": STTTT}
    return load_repository(make_repo(files), use_cache=False)


def report(repo: Repository, agency: str | None = None) -> StatusReport:
    return status_report(repo, PeriodChoice(period=Q3), today=dt.date(2021, 1, 1), agency_id=agency)


def cells(lines: list[str], bar: str) -> list[str]:
    """The cells of consecutive table lines drawn with `bar`, each column's fragments joined by spaces."""
    columns = zip(*[line.split(bar)[1:-1] for line in lines], strict=True)
    return [" ".join(part.strip() for part in column if part.strip()) for column in columns]


def headers_and_first_row(text: str) -> tuple[list[str], list[str]]:
    lines = text.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith("│"))
    end = next(index for index, line in enumerate(lines) if index > start and not line.startswith("│"))
    return cells([line for line in lines if line.startswith("┃")], "┃"), cells(lines[start:end], "│")


def test_document_is_the_json_contract_of_each_task(repo: Repository) -> None:
    document = StatusOutput(repo, report(repo)).document()
    assert (document["period"], document["as_of"]) == ("2020-Q3", dt.date(2020, 9, 14))
    assert document["window"] == {"start": dt.date(2020, 6, 15), "end": dt.date(2020, 9, 14)}
    counts = document["counts"]
    assert (tuple(counts), list(counts.values())) == (STATUS_CODES, [1, 0, 0, 3, 0, 8, 3])
    task = document["tasks"][3]
    keys = ("task", "lead", "status", "due", "done_on", "occurrence", "waiting_for")
    done_on_time = (4, ["sngv"], "done_on_time", dt.date(2020, 9, 30), dt.date(2020, 9, 1), None, [])
    assert tuple(task[key] for key in keys) == done_on_time
    assert task["latest"] == [{"agency": "sngv", "period": "2020-Q3", "status": "done", "summary": "Đã ban hành."}]
    assert list(task["reports"].items()) == [("sngv", "submitted")] + [
        (agency, "missing") for agency in ("btg", "bdv", "mttq", "snv", "lhhn")
    ]
    assert "late_submissions" not in document


def test_csv_rows_are_the_contract_fields_with_lists_and_reports_joined(repo: Repository) -> None:
    fields, rows = StatusOutput(repo, report(repo, "stttt")).csv()
    assert fields == STATUS_FIELDS
    lines = to_csv(rows, fields).splitlines()
    assert lines[0] == "\ufefftask,title,lead,support,timing,status,due,done_on,reports"
    assert lines[1].startswith("8,")
    assert lines[1].endswith(
        ",stttt,btg; lienquan; baokh; ktv; congttdt,Trước ngày 18/11 hàng năm,in_progress,2020-11-17,,"
        "stttt: submitted; btg: missing; baokh: missing; ktv: missing; congttdt: missing"
    )
    assert len(lines) == 3


def test_narrow_table_hides_two_columns_and_lists_late_submissions(
    repo: Repository, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "139")
    StatusOutput(repo, report(repo), late=[LATE]).print_table("vi")
    out = capsys.readouterr().out
    headers, first = headers_and_first_row(out)
    assert headers == ["STT", "Nhiệm vụ", "Chủ trì", "Thời gian", "Hạn", "Tình trạng", "Chưa báo cáo"]
    assert first[0] == "1" and first[-3:] == ["", "Chờ điều kiện", ""]
    assert out.count("(Cửa sổ hẹp: đã ẩn cột Phối hợp và Báo cáo gần nhất;") == 1
    assert out.splitlines()[-2:] == [
        "Báo cáo gửi muộn:",
        "  - Liên hiệp các tổ chức hữu nghị tỉnh, 2020-Q3: vào nhánh chính ngày 17/09/2020, hạn 16/09/2020",
    ]


def test_wide_table_shows_every_column_and_the_leads_latest_report(
    repo: Repository, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    StatusOutput(repo, report(repo, "stttt"), late=[]).print_table("en")
    out = capsys.readouterr().out
    assert headers_and_first_row(out) == (
        ["No.", "Task", "Lead", "Support", "Timing", "Due", "Status", "Not reported", "Latest report (leads)"],
        [
            "8",
            "Xây dựng kế hoạch, chương trình tuyên truyền thôn…",
            "STTTT",
            "BTGTU, Các cơ quan liên quan, Báo KH, KTV, Cổng TTĐT",
            "Trước ngày 18/11 hàng năm",
            "17/11/2020",
            "In progress, within deadline",
            "BTGTU, Báo KH, KTV, Cổng TTĐT",
            "STTTT 2020-Q3: In progress",
        ],
    )
    assert "Narrow window" not in out
    assert out.splitlines()[-1] == "No update was submitted late."


def test_a_cell_names_the_first_agencies_of_a_long_list_and_counts_the_rest(
    repo: Repository, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    monkeypatch.setattr("dnnd.output.console.NAMED_IN_A_CELL", 2)
    StatusOutput(repo, report(repo, "stttt")).print_table("vi")
    out = capsys.readouterr().out
    first = headers_and_first_row(out)[1]
    assert first[3] == "BTGTU, Các cơ quan liên quan và 3 cơ quan khác"
    assert first[7] == "BTGTU, Báo KH và 2 cơ quan khác"
    assert "(Mỗi ô ghi tối đa 2 cơ quan; danh sách đủ: dnnd missing, hoặc --format csv.)" in out


def test_missing_lists_agencies_in_the_registrys_order_or_says_all_reported(
    repo: Repository, capsys: pytest.CaptureFixture[str]
) -> None:
    output = MissingOutput(repo, report(repo), late=[LATE])
    assert [record["agency"] for record in output.records()][:4] == ["sngv", "snv", "bdv", "btg"]
    assert output.records()[3] == {"agency": "btg", "name": BTG, "period": "2020-Q3", "tasks": [4, 8, 11]}
    assert output.csv() == (("agency", "name", "period", "tasks"), output.records())
    (late,) = output.document()["late_submissions"]
    assert late == {
        "agency": "lhhn",
        "period": "2020-Q3",
        "file": REL,
        "reached_main": LANDED,
        "due": dt.date(2020, 9, 16),
    }
    MissingOutput(repo, report(repo, "stttt"), late=[]).print_table("vi")
    assert capsys.readouterr().out == "Kỳ 2020-Q3: mọi cơ quan đã báo cáo đủ.\nKhông có báo cáo nào gửi muộn.\n"
