"""Warnings on standard error: given lines, and the update files left out because they do not validate."""

from __future__ import annotations

import pytest

from dnnd.output.notices import data_warnings, left_out_warning, print_notices
from dnnd.repository import load_repository
from tests.conftest import MakeRepo

BROKEN = "agency: lhhn\nperiod: 2020-Q3\nentries: none\n"
VALID = "agency: snv\nperiod: 2020-Q3\nentries:\n  - task: 2\n    status: in_progress\n    summary: Đã làm.\n"


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")


def test_print_notices_writes_each_line_on_stderr_and_nothing_for_none(capsys: pytest.CaptureFixture[str]) -> None:
    print_notices([])
    assert capsys.readouterr() == ("", "")
    print_notices(["Cảnh báo: 1 kho", "  - kho-b"])
    assert capsys.readouterr() == ("", "Cảnh báo: 1 kho\n  - kho-b\n")


def test_left_out_files_are_counted_and_listed_sorted(make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]) -> None:
    files = {f"plan/updates/{agency}/2020-Q3.yaml": BROKEN.replace("lhhn", agency) for agency in ("snv", "lhhn")}
    repo = load_repository(make_repo(files), use_cache=False)
    left_out_warning(repo, "en")
    assert capsys.readouterr() == (
        "",
        "Warning: 2 update file(s) have errors and were LEFT OUT (run `dnnd validate` to see why):\n"
        "  - plan/updates/lhhn/2020-Q3.yaml\n"
        "  - plan/updates/snv/2020-Q3.yaml\n",
    )


def test_left_out_warning_in_vietnamese(make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]) -> None:
    repo = load_repository(make_repo({"plan/updates/lhhn/2020-Q3.yaml": BROKEN}), use_cache=False)
    left_out_warning(repo, "vi")
    assert capsys.readouterr().err.splitlines() == [
        "Cảnh báo: 1 tệp báo cáo có lỗi nên KHÔNG được tính (chạy `dnnd validate` để xem lý do):",
        "  - plan/updates/lhhn/2020-Q3.yaml",
    ]


def test_nothing_is_said_when_every_update_file_validates(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = load_repository(make_repo({"plan/updates/snv/2020-Q3.yaml": VALID}), use_cache=False)
    assert repo.left_out == []
    left_out_warning(repo, "vi")
    assert capsys.readouterr() == ("", "")


def late_events(count: int) -> str:
    """An update of 2020-Q4 reporting `count` events of 2020-Q3 late: one warning each (stc holds no task, so
    its file owes no entry)."""
    items = "".join(f"  - kind: event\n    title: Sự kiện {n}\n    start: 2020-09-0{n % 9 + 1}\n" for n in range(count))
    return "agency: stc\nperiod: 2020-Q4\nentries: []\nactivities:\n" + items


def test_the_first_ten_warnings_are_shown_and_the_rest_counted(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = load_repository(make_repo({"plan/updates/stc/2020-Q4.yaml": late_events(12)}), use_cache=False)
    data_warnings(repo, "vi")
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 11 and all(line.startswith("Cảnh báo: plan/updates/stc/2020-Q4.yaml") for line in lines[:10])
    assert lines[10] == "… và 2 cảnh báo khác: chạy `dnnd validate` để xem tất cả."


def test_a_few_warnings_are_all_shown_and_none_is_nothing(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = load_repository(make_repo({"plan/updates/stc/2020-Q4.yaml": late_events(2)}), use_cache=False)
    data_warnings(repo, "en")
    assert [line.split(": ")[0] for line in capsys.readouterr().err.splitlines()] == ["Warning", "Warning"]
    data_warnings(load_repository(make_repo(name="empty"), use_cache=False), "en")
    assert capsys.readouterr() == ("", "")


def test_many_files_left_out_are_listed_up_to_twenty_then_counted(
    make_repo: MakeRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    agencies = ["snv", "lhhn", "btg", "bdv", "mttq", "baokh", "ktv", "congttdt", "stttt", "sngv"]
    files = {f"plan/updates/{agency}/2020-Q{n}.yaml": BROKEN for agency in agencies for n in (3, 4)}
    repo = load_repository(make_repo(files), use_cache=False)
    left_out_warning(repo, "en", shown=5)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("Warning: 20 update file(s) have errors and were LEFT OUT")
    assert len(lines) == 7 and lines[-1] == "  … and 15 more"
