"""Help screens and usage errors: Vietnamese through and through, English with --lang en or DNND_LANG=en."""

from __future__ import annotations

import pytest

from tests.conftest import RunCli

ENGLISH_WORDS = ("Usage", "Options", "Commands", "Arguments", "Show this message", "default:", "required", "Try ")
VIETNAMESE_WORDS = ("Cách dùng", "Tùy chọn", "Lệnh:", "Tham số", "Hiện hướng dẫn", "mặc định", "bắt buộc", "Quý, ví dụ")


def test_help_screens_are_vietnamese_with_none_of_clicks_english(run_cli: RunCli) -> None:
    for args in (["--help"], ["report", "--help"], ["status", "--help"], ["show", "--help"], []):
        result = run_cli(*args)
        assert result.exit_code == 0, result.output
        assert [word for word in ENGLISH_WORDS if word in result.output] == [], args
        assert result.output.startswith("Cách dùng: ")
    assert (
        "\nLệnh:\n  validate       Kiểm tra mọi tệp của kho kế hoạch và liệt kê mọi lỗi.\n" in run_cli("--help").output
    )
    report = run_cli("report", "--help").output
    assert "Báo cáo quý, 6 tháng hoặc năm ra tệp Word." in report and "(The report" not in report
    assert "[mặc định: table]" in " ".join(run_cli("status", "--help").output.split())  # wrapped at 80 columns
    assert "[bắt buộc]" in run_cli("show", "--help").output


@pytest.mark.parametrize(
    "args",
    [["--lang", "en", "report", "--help"], ["report", "--help", "--lang", "en"], ["report", "--help", "--lang=EN"]],
)
def test_help_screens_are_english_with_lang_en_wherever_it_stands(run_cli: RunCli, args: list[str]) -> None:
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ")
    assert "The quarterly, half-year or annual report as a Word file." in result.output
    assert "--quarter <str>       A quarter, e.g. 2020-Q3." in result.output
    assert "--help                Show this message and exit." in result.output
    assert [word for word in VIETNAMESE_WORDS if word in result.output] == []


def test_dnnd_lang_en_gives_the_english_help(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DNND_LANG", "en")
    result = run_cli("--help")
    assert result.output.startswith("Usage: ") and "\nCommands:\n  validate       Check every file" in result.output
    assert [word for word in VIETNAMESE_WORDS if word in result.output] == []
    assert run_cli("--help", "--lang", "vi").output.startswith("Cách dùng: ")


@pytest.mark.parametrize("args", [["report", "--bogus"], ["--bogus"], ["show"], ["report", "a"]])
def test_usage_errors_are_vietnamese_and_english_with_lang_en(run_cli: RunCli, args: list[str]) -> None:
    vietnamese = run_cli(*args)
    assert vietnamese.exit_code == 2
    assert vietnamese.stderr.startswith("Lỗi: ") and "\nCách dùng: " in vietnamese.stderr
    assert [word for word in ENGLISH_WORDS if word in vietnamese.stderr] == []
    english = run_cli(*args, "--lang", "en")
    assert english.exit_code == 2
    assert english.stderr.startswith("Error: ") and "\nUsage: " in english.stderr
    assert [word for word in VIETNAMESE_WORDS if word in english.stderr] == []
