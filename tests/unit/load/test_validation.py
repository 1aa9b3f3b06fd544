"""Validation messages: every model rule names the file, line, column and field, and what to write instead."""

from __future__ import annotations

import pytest

from dnnd.load.validation import field_path
from dnnd.repository import load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.problem_helpers import only, problems

UPDATE = "plan/updates/lhhn/2020-Q3.yaml"


VALID = """\
agency: lhhn
period: 2020-Q3
reporter:
  name: Nguyễn Văn An
  phone: 0905123456
entries:
  - task: 5
    status: in_progress
    summary: Đã phối hợp hướng dẫn các hội hữu nghị thực hiện quy định về đối ngoại nhân dân.
  - task: 7
    status: done
    done_on: 2020-09-15
    summary: Đã trao đổi thông tin với Sở Ngoại vụ.
    documents:
      - number: 45/LHHN-VP
        date: 2020-09-10
        title: Về việc trao đổi thông tin đối ngoại nhân dân
"""


def broken(old: str, new: str, text: str = VALID) -> str:
    """`text` with the one occurrence of `old` replaced by `new`."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_a_field_in_an_item_that_names_its_task_is_named_by_the_task() -> None:
    data = {"entries": [{"task": 3}, {"task": 7, "documents": [{}]}, {"task": "năm"}, {"task": True}]}
    assert field_path(("entries", 1, "documents", 0, "date"), data) == "nhiệm vụ 7 (entries[1]).documents[0].date"
    assert field_path(("entries", 0, "status"), data) == "nhiệm vụ 3 (entries[0]).status"
    assert field_path(("entries", 0, "task"), data) == "entries[0].task"  # the task itself is what is wrong
    assert field_path(("entries", 2, "status"), data) == "entries[2].status"
    assert field_path(("entries", 3, "status"), data) == "entries[3].status"
    assert field_path(("entries", 9, "status"), data) == "entries[9].status"
    assert field_path(("entries", 0, "status")) == "entries[0].status"
    assert field_path(("activities", 0, "tasks", 1), {"activities": [{"tasks": [1, 2]}]}) == "activities[0].tasks[1]"


def test_valid_update_passes(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo({UPDATE: VALID}))
    assert repo.update_problems == []
    assert [update.rel for update in repo.updates] == [UPDATE]
    assert repo.updates[0].update.reporter is not None
    assert repo.updates[0].update.reporter.phone == "0905123456"


@pytest.mark.parametrize(
    ("old", "new", "prefix", "guess", "allowed"),
    [
        ("reporter:", "reportr:", "3:1: reportr", "reporter", ["agency", "entries", "period", "reporter"]),
        ("  phone:", "  phon:", "5:3: reporter.phon", "phone", ["email", "name", "phone", "title"]),
        (
            "    documents:",
            "    document:",
            "14:5: nhiệm vụ 7 (entries[1]).document",
            "documents",
            ["done_on", "summary", "task"],
        ),
        (
            "    documents:",
            "    proposal: Xin kinh phí\n    documents:",
            "14:5: nhiệm vụ 7 (entries[1]).proposal",
            "proposals",
            ["task"],
        ),
    ],
    ids=["top-level", "reporter", "entry", "entry-optional"],
)
def test_unknown_key_suggests_the_closest_and_lists_allowed(
    make_repo: MakeRepo, old: str, new: str, prefix: str, guess: str, allowed: list[str]
) -> None:
    key = new.strip().rstrip(":").split(":")[0]
    message = only(make_repo({UPDATE: broken(old, new)}))
    assert message.startswith(f"{UPDATE}:{prefix}: khóa '{key}' không hợp lệ ở đây; có phải là '{guess}'? ")
    listed = message.split("các khóa được dùng: ")[1].split(", ")
    assert set(allowed) <= set(listed)
    assert listed == sorted(listed)


def test_unknown_key_without_a_close_match_only_lists(make_repo: MakeRepo) -> None:
    message = only(make_repo({UPDATE: VALID + "ghichu: xyz\n"}))
    assert message.startswith(
        f"{UPDATE}:18:1: ghichu: khóa 'ghichu' không hợp lệ ở đây; các khóa được dùng: activities, agency"
    )
    assert "có phải là" not in message


@pytest.mark.parametrize(
    ("old", "prefix", "name"),
    [
        ("agency: lhhn\n", "1:1: agency", "agency"),
        ("    status: in_progress\n", "7:5: nhiệm vụ 5 (entries[0]).status", "status"),
        ("    summary: Đã trao đổi thông tin với Sở Ngoại vụ.\n", "10:5: nhiệm vụ 7 (entries[1]).summary", "summary"),
        ("        date: 2020-09-10\n", "15:9: nhiệm vụ 7 (entries[1]).documents[0].date", "date"),
    ],
    ids=["agency", "status", "summary", "document-date"],
)
def test_missing_required_field(make_repo: MakeRepo, old: str, prefix: str, name: str) -> None:
    message = only(make_repo({UPDATE: broken(old, "")}))
    assert message.startswith(f"{UPDATE}:{prefix}: thiếu trường bắt buộc '{name}'")
    assert message.endswith(f"hãy thêm dòng '{name}: …'")


@pytest.mark.parametrize(
    ("old", "new", "prefix", "text"),
    [
        (
            "    documents:\n",
            "    documents: Công văn 45\n    x:\n",
            "14:16: nhiệm vụ 7 (entries[1]).documents",
            "phải là một danh sách",
        ),
        ("reporter:\n", "reporter: Nguyễn Văn An\nx:\n", "3:11: reporter", "phải là một nhóm các dòng 'khóa: giá trị'"),
        (
            "    summary: Đã trao",
            "    summary: [Đã, trao]\n    x: Đã trao",
            "13:14: nhiệm vụ 7 (entries[1]).summary",
            "phải là văn bản",
        ),
        ("  - task: 5", "  - task: năm", "7:11: entries[0].task", "phải là một số nguyên, không phải 'năm'"),
        ("  - task: 5", "  - task: 0", "7:11: entries[0].task", "phải từ 1 trở lên"),
        (
            "summary: Đã trao đổi",
            "summary: true #",
            "13:14: nhiệm vụ 7 (entries[1]).summary",
            "phải là văn bản, không phải 'True'",
        ),
    ],
    ids=["string-for-list", "string-for-mapping", "list-for-string", "word-for-number", "zero-task", "bool-for-text"],
)
def test_wrong_type(make_repo: MakeRepo, old: str, new: str, prefix: str, text: str) -> None:
    found = [line for line in problems(make_repo({UPDATE: broken(old, new)})) if "khóa 'x'" not in line]
    assert len(found) == 1, found
    assert found[0].startswith(f"{UPDATE}:{prefix}: {text}")


def test_number_where_text_is_expected_stays_text(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo({UPDATE: broken("45/LHHN-VP", "45")}))
    assert repo.update_problems == []
    assert repo.updates[0].update.entries[1].documents[0].number == "45"


@pytest.mark.parametrize("value", ["finished", "ok", "'1'", "1"])
def test_bad_status_lists_the_allowed_statuses(make_repo: MakeRepo, value: str) -> None:
    message = only(make_repo({UPDATE: broken("status: in_progress", f"status: {value}")}))
    shown = value.strip("'")
    assert message == (
        f"{UPDATE}:8:13: nhiệm vụ 5 (entries[0]).status: giá trị '{shown}' không hợp lệ; "
        "chọn một trong: not_started, in_progress, done, blocked"
    )


@pytest.mark.parametrize(
    ("value", "code", "label"),
    [
        ("Đang thực hiện", "in_progress", "Đang thực hiện"),
        ("'in progress'", "in_progress", "Đang thực hiện"),
        ("CHUA BAT DAU", "not_started", "Chưa bắt đầu"),
        ("gặp vướng mắc", "blocked", "Gặp vướng mắc"),
        ("Chưa làm", "not_started", "Chưa bắt đầu"),
    ],
)
def test_a_status_word_that_names_a_code_suggests_it(make_repo: MakeRepo, value: str, code: str, label: str) -> None:
    message = only(make_repo({UPDATE: broken("status: in_progress", f"status: {value}")}))
    shown = value.strip("'")
    assert (
        message
        == f"{UPDATE}:8:13: nhiệm vụ 5 (entries[0]).status: giá trị '{shown}' không hợp lệ: dùng '{code}' ({label})"
    )


@pytest.mark.parametrize("value", ["Đã hoàn thành", "đã hoàn thành", "Da hoan thanh", "xong", "Done", "hoàn thành"])
def test_a_word_for_done_without_done_on_reports_both_in_one_run(make_repo: MakeRepo, value: str) -> None:
    found = problems(make_repo({UPDATE: broken("status: in_progress", f"status: {value}")}), lang="en")
    assert found == [
        f"{UPDATE}:7:5: task 5 (entries[0]).done_on: status is done, so done_on (the completion date, YYYY-MM-DD) "
        "is required",
        f"{UPDATE}:8:13: task 5 (entries[0]).status: invalid value '{value}': use 'done' (Done)",
    ]


def test_a_word_naming_a_code_with_a_done_on_it_forbids_reports_both(make_repo: MakeRepo) -> None:
    text = broken("    status: in_progress\n", "    status: Đang thực hiện\n    done_on: 2020-09-01\n")
    assert [line.split(": ")[1] for line in problems(make_repo({UPDATE: text}))] == [
        "nhiệm vụ 5 (entries[0]).status",
        "nhiệm vụ 5 (entries[0]).done_on",
    ]


def test_an_activity_kind_written_as_its_label_suggests_the_code_and_what_that_kind_needs(make_repo: MakeRepo) -> None:
    text = "agency: stc\nperiod: 2020-Q3\nentries: []\nactivities:\n  - kind: Đoàn vào\n    title: Đoàn\n    start: 2020-08-01\n"
    found = problems(make_repo({"plan/updates/stc/2020-Q3.yaml": text}), lang="en")
    fields = [line.split(": ")[1] for line in found]
    assert fields == ["activities[0].countries", "activities[0].partner", "activities[0].kind"]  # what it needs, too
    assert found[2].endswith(": invalid value 'Đoàn vào': use 'delegation_in' (Incoming delegations)")


def test_done_without_done_on(make_repo: MakeRepo) -> None:
    message = only(make_repo({UPDATE: broken("    done_on: 2020-09-15\n", "")}))
    assert message.startswith(f"{UPDATE}:10:5: nhiệm vụ 7 (entries[1]).done_on: status là done nên phải ghi done_on")


@pytest.mark.parametrize("status", ["in_progress", "not_started", "blocked"])
def test_done_on_when_not_done(make_repo: MakeRepo, status: str) -> None:
    text = broken("    status: in_progress\n", f"    status: {status}\n    done_on: 2020-09-01\n")
    message = only(make_repo({UPDATE: text}))
    assert message.startswith(
        f"{UPDATE}:9:14: nhiệm vụ 5 (entries[0]).done_on: chỉ ghi done_on khi status là done (status đang là {status})"
    )


@pytest.mark.parametrize(
    ("old", "value", "prefix", "hint"),
    [
        ("done_on: 2020-09-15", "2020-02-30", "12:14: nhiệm vụ 7 (entries[1]).done_on", "viết dạng YYYY-MM-DD"),
        ("done_on: 2020-09-15", "2021-13-01", "12:14: nhiệm vụ 7 (entries[1]).done_on", "viết dạng YYYY-MM-DD"),
        ("done_on: 2020-09-15", "15/09/2020", "12:14: nhiệm vụ 7 (entries[1]).done_on", "viết là 2020-09-15"),
        ("done_on: 2020-09-15", "5/9/2020", "12:14: nhiệm vụ 7 (entries[1]).done_on", "viết là 2020-09-05"),
        ("done_on: 2020-09-15", "15.09.2020", "12:14: nhiệm vụ 7 (entries[1]).done_on", "viết là 2020-09-15"),
        ("done_on: 2020-09-15", "31/02/2020", "12:14: nhiệm vụ 7 (entries[1]).done_on", "viết dạng YYYY-MM-DD"),
        ("date: 2020-09-10", "10/9/2020", "16:15: nhiệm vụ 7 (entries[1]).documents[0].date", "viết là 2020-09-10"),
        (
            "date: 2020-09-10",
            "ngày 10 tháng 9",
            "16:15: nhiệm vụ 7 (entries[1]).documents[0].date",
            "viết dạng YYYY-MM-DD",
        ),
    ],
)
def test_bad_date_names_the_iso_form(make_repo: MakeRepo, old: str, value: str, prefix: str, hint: str) -> None:
    field = old.split(":")[0]
    message = only(make_repo({UPDATE: broken(old, f"{field}: {value}")}))
    assert message.startswith(f"{UPDATE}:{prefix}: ngày '{value}' không hợp lệ hoặc không có thật: {hint}")


@pytest.mark.parametrize(
    "value", ['""', "''", '"   "', ""], ids=["double-quotes", "single-quotes", "spaces", "nothing"]
)
def test_empty_summary(make_repo: MakeRepo, value: str) -> None:
    text = broken("    summary: Đã trao đổi thông tin với Sở Ngoại vụ.", f"    summary: {value}")
    message = only(make_repo({UPDATE: text}))
    assert message.startswith(f"{UPDATE}:13:")
    assert message.split(": ", 1)[1].startswith("nhiệm vụ 7 (entries[1]).summary: không được để trống")
    assert "None" not in message


@pytest.mark.parametrize(
    ("line", "prefix"),
    [("    status: in_progress", "8:12: nhiệm vụ 5 (entries[0]).status"), ("  - task: 5", "7:10: entries[0].task")],
    ids=["status", "task"],
)
def test_empty_required_value_says_empty(make_repo: MakeRepo, line: str, prefix: str) -> None:
    message = only(make_repo({UPDATE: broken(line, line.split(":")[0] + ":")}))
    assert message.startswith(f"{UPDATE}:{prefix}: không được để trống")
    assert "None" not in message


@pytest.mark.parametrize("value", ["LHHN", "lh-hn", "1lhhn", "lhhn ", "liên hiệp"])
def test_bad_agency_id_format(make_repo: MakeRepo, value: str) -> None:
    message = only(make_repo({UPDATE: broken("agency: lhhn", f"agency: '{value}'")}))
    assert message.startswith(f"{UPDATE}:1:9: agency: giá trị '{value}' không đúng dạng")


def test_bad_agency_id_in_agencies_file(make_repo: MakeRepo) -> None:
    text = (EMBEDDED_PLAN / "agencies.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("  - id: stc") + 1
    message = only(make_repo({"plan/agencies.yaml": broken("  - id: stc\n", "  - id: Sở-TC\n", text)}))
    assert message.startswith(f"plan/agencies.yaml:{line}:9: agencies[3].id: giá trị 'Sở-TC' không đúng dạng")


def test_bad_period_format(make_repo: MakeRepo) -> None:
    message = only(make_repo({UPDATE: broken("period: 2020-Q3", "period: Q3/2020")}))
    assert message.startswith(f"{UPDATE}:2:9: period: giá trị 'Q3/2020' không đúng dạng")


@pytest.mark.parametrize(
    ("text", "where"),
    [("- agency: lhhn\n- period: 2020-Q3\n", ":1:1"), ("Báo cáo quý III\n", ":1:1"), ("'lhhn'\n", ":1:1"), ("", "")],
    ids=["list", "plain-text", "quoted-string", "empty"],
)
def test_top_level_must_be_a_mapping(make_repo: MakeRepo, text: str, where: str) -> None:
    message = only(make_repo({UPDATE: text}))
    assert message == f"{UPDATE}{where}: tệp phải gồm các dòng 'khóa: giá trị', bắt đầu bằng 'agency:'"


def test_plan_file_that_is_a_list(make_repo: MakeRepo) -> None:
    found = problems(make_repo({"plan/tasks.yaml": "- id: 1\n"}))
    assert "plan/tasks.yaml:1:1: tệp phải gồm các dòng 'khóa: giá trị', bắt đầu bằng 'tasks:'" in found


def test_missing_plan_file(make_repo: MakeRepo) -> None:
    assert "plan/agencies.yaml: thiếu tệp này" in problems(make_repo({"plan/agencies.yaml": None}))


def test_notepad_file_positions_ignore_bom_and_crlf(make_repo: MakeRepo) -> None:
    raw = b"\xef\xbb\xbf" + broken("status: in_progress", "status: ok").replace("\n", "\r\n").encode()
    assert only(make_repo({UPDATE: raw})).startswith(f"{UPDATE}:8:13: nhiệm vụ 5 (entries[0]).status: giá trị 'ok'")
