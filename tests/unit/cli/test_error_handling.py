"""Errors into messages and exit codes: global options anywhere, 1 data, 2 usage (in Vietnamese), 3 a bug."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from typer._click import exceptions as click_exceptions

from dnnd.cli.app import app
from dnnd.cli.error_handling import handle, hoist_global_options, run
from dnnd.errors import DataError, Problem, UsageError
from dnnd.i18n import Text


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DNND_LANG", "DNND_REPO"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("args", "hoisted"),
    [
        (["status", "--lang", "en", "--quarter", "2020-Q3"], ["--lang", "en", "status", "--quarter", "2020-Q3"]),
        (
            ["tasks", "--repo=kho", "--no-cache", "--format", "json"],
            ["--repo=kho", "--no-cache", "tasks", "--format", "json"],
        ),
        (["--repo", "a", "lock", "2020", "--lang=vi"], ["--repo", "a", "--lang=vi", "lock", "2020"]),
        (["lock", "2020", "--", "--lang", "en"], ["lock", "2020", "--", "--lang", "en"]),
        (["tasks", "--language", "en", "--repo"], ["--repo", "tasks", "--language", "en"]),
    ],
)
def test_global_options_are_moved_before_the_command(args: list[str], hoisted: list[str]) -> None:
    assert hoist_global_options(args) == hoisted


def test_user_errors_exit_1_for_data_and_2_for_usage(capsys: pytest.CaptureFixture[str]) -> None:
    problems = [
        Problem("plan/updates/snv/2020-Q3.yaml", 4, 5, "status", Text("không hợp lệ", "invalid")),
        Problem("plan/tasks.yaml", None, None, "", Text("thiếu", "missing")),
        Problem("plan/tasks.yaml", 2, None, "id", Text("trùng", "duplicate")),
    ]
    assert handle(DataError(problems), "vi") == 1
    assert capsys.readouterr().err.splitlines() == [
        "plan/tasks.yaml: thiếu",
        "plan/tasks.yaml:2: id: trùng",
        "plan/updates/snv/2020-Q3.yaml:4:5: status: không hợp lệ",
        "Có 3 lỗi trong 2 tệp. Sửa theo hướng dẫn ở từng dòng rồi chạy lại `dnnd validate`.",
    ]
    assert handle(UsageError(Text("sai kỳ", "wrong period")), "en") == 2
    assert capsys.readouterr().err == "Error: wrong period\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--quarter"], "Lỗi: tùy chọn '--quarter' cần một giá trị"),
        (
            ["status", "--formt", "json"],
            "Lỗi: không có tùy chọn --formt (các tùy chọn có thể: --format)\nCách dùng: dnnd status [TÙY CHỌN]",
        ),
        (
            ["status", "--format", "xml"],
            "Lỗi: giá trị không hợp lệ cho '--format': 'xml' không phải một trong 'table', 'json', 'csv', 'xlsx'.",
        ),
        (["show", "x"], "Lỗi: giá trị không hợp lệ cho 'task': phải là một số nguyên"),
        (
            ["report", "--number", "0"],
            "Lỗi: giá trị không hợp lệ cho '--number': phải từ 1 trở lên\nCách dùng: dnnd report [TÙY CHỌN]",
        ),
        (["check-changes"], "Lỗi: thiếu tùy chọn '--base'"),
        (["stat"], "Lỗi: không có lệnh 'stat' (danh sách lệnh: dnnd --help). Có phải ý bạn là 'stats', 'status'?"),
        (["show", "--lang", "en"], "Error: Missing argument 'task'.\nUsage: dnnd show [OPTIONS]"),
        (["--no-cache"], "Lỗi: thiếu lệnh (danh sách lệnh: dnnd --help)\nCách dùng: dnnd [TÙY CHỌN] LỆNH [THAM SỐ]..."),
        (["status", "--late=1"], "Lỗi: tùy chọn '--late' không nhận giá trị"),
    ],
)
def test_usage_errors_exit_2_in_vietnamese_unless_english_is_asked(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(app, args) == 2
    assert capsys.readouterr().err.startswith(message)


def test_extra_arguments_are_told_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(app, ["lock", "2020-Q4", "thừa"]) == 2
    assert capsys.readouterr().err.startswith("Lỗi: thừa tham số: thừa\n")


def test_an_upper_case_lang_is_english_for_an_unknown_command_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(app, ["--lang", "EN", "stat"]) == 2
    assert capsys.readouterr().err.startswith("Error: No such command 'stat'.")


def test_a_bug_exits_3_and_writes_the_traceback_to_a_log_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    try:
        raise KeyError("sngv")
    except KeyError as error:
        assert handle(error, "en") == 3
    (log,) = tmp_path.glob("dnnd-error-*.log")
    assert log.read_text(encoding="utf-8").splitlines()[-1] == "KeyError: 'sngv'"
    assert capsys.readouterr().err == (
        f"Internal error in dnnd (not caused by your data). Details were written to {log}; "
        "please send that file to the tool's maintainers.\n"
    )


def test_no_arguments_print_the_help_and_other_click_errors_their_own_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(app, []) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Cách dùng: dnnd [TÙY CHỌN] LỆNH [THAM SỐ]...\n")
    assert "\nLệnh:\n  validate " in captured.out
    assert captured.err == ""
    assert handle(BrokenPipeError(), "vi") == 141  # the reader left: quietly, with the code git's shell shows
    assert capsys.readouterr() == ("", "")
    assert handle(click_exceptions.ClickException("không mở được tệp"), "vi") == 1
    assert capsys.readouterr() == ("", "không mở được tệp\n")
