"""The error hierarchy: problems rendered as `file:line:column: field: message`, exit codes, DataError's problems."""

from __future__ import annotations

from dnnd.errors import DataError, DnndError, Problem, UsageError, field_in, whole_file
from dnnd.i18n import Text

MESSAGE = Text("thiếu tệp này", "this file is missing")


def test_a_problem_renders_its_place_field_and_message_in_the_language_asked() -> None:
    problem = Problem("plan/tasks.yaml", 25, 5, "tasks[4].bogus", Text("khóa lạ", "unknown key"))
    assert problem.render("vi") == "plan/tasks.yaml:25:5: tasks[4].bogus: khóa lạ"
    assert problem.render("en") == "plan/tasks.yaml:25:5: tasks[4].bogus: unknown key"


def test_a_problem_leaves_out_what_it_does_not_know() -> None:
    assert Problem("a.yaml", 3, None, "period", MESSAGE).render("en") == "a.yaml:3: period: this file is missing"
    assert Problem("a.yaml", None, 7, "", MESSAGE).render("vi") == "a.yaml: thiếu tệp này"


def test_whole_file_is_a_problem_without_line_column_or_field() -> None:
    assert whole_file("plan/plan.yaml", MESSAGE) == Problem("plan/plan.yaml", None, None, "", MESSAGE)
    assert whole_file("plan/plan.yaml", MESSAGE).render("en") == "plan/plan.yaml: this file is missing"


def test_exit_codes_and_the_english_message_as_the_exceptions_text() -> None:
    usage, data = UsageError(Text("sai tùy chọn", "bad option")), DnndError(Text("lỗi", "error"))
    assert (usage.exit_code, data.exit_code, DataError([]).exit_code) == (2, 1, 1)
    assert (str(usage), usage.message.vi) == ("bad option", "sai tùy chọn")
    assert isinstance(usage, DnndError) and isinstance(DataError([]), DnndError)


def test_a_data_error_keeps_every_problem_sorted_by_file_then_position() -> None:
    late = Problem("plan/tasks.yaml", 30, 1, "b", MESSAGE)
    early = Problem("plan/tasks.yaml", 4, 9, "a", MESSAGE)
    other = Problem("plan/agencies.yaml", 50, 1, "c", MESSAGE)
    error = DataError([late, early, other])
    assert error.problems == [other, early, late]
    assert (str(error), error.message.vi) == ("The plan data has errors.", "Dữ liệu kế hoạch có lỗi.")
    assert str(DataError([], Text("khác", "other"))) == "other"


def test_problems_of_one_file_with_and_without_a_line_sort_whole_file_first() -> None:
    positioned = Problem("plan/updates/lhhn/2020-Q3.yaml", 4, 11, "entries[0].task", Text("b", "b"))
    whole = whole_file("plan/updates/lhhn/2020-Q3.yaml", Text("a", "a"))
    assert DataError([positioned, whole]).problems == [whole, positioned]


def test_a_field_named_by_its_task_reads_in_the_readers_language() -> None:
    problem = Problem("plan/updates/lhhn/2020-Q3.yaml", 5, 13, "nhiệm vụ 14 (entries[9]).status", Text("sai", "wrong"))
    assert problem.render("vi") == "plan/updates/lhhn/2020-Q3.yaml:5:13: nhiệm vụ 14 (entries[9]).status: sai"
    assert problem.render("en") == "plan/updates/lhhn/2020-Q3.yaml:5:13: task 14 (entries[9]).status: wrong"
    assert field_in("entries[0].status", "en") == "entries[0].status"
