"""The status vocabulary: codes, labels and table styles in one place, agreeing with the models."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from dnnd.plan import vocabulary
from dnnd.plan.model_types import AgencyKind, EntryStatus


def test_status_colours() -> None:
    styles = vocabulary.STATUS_STYLES
    assert {styles[code] for code in ("done_on_time", "done_late", "done")} == {"green"}
    assert "red" in styles["overdue"]
    assert "dim" in styles["waiting"]


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("done_on_time", "Đã hoàn thành đúng hạn"),
        ("done_late", "Đã hoàn thành quá hạn"),
        ("done", "Đã hoàn thành"),
        ("in_progress", "Đang thực hiện trong hạn"),
        ("overdue", "Quá hạn chưa hoàn thành"),
        ("ongoing", "Thường xuyên"),
        ("waiting", "Chờ điều kiện"),
    ],
)
def test_vietnamese_labels_of_the_status_codes(code: str, label: str) -> None:
    assert vocabulary.TASK_STATUS_LABELS[code].in_("vi") == label


def test_every_status_has_a_label_a_short_label_and_a_style() -> None:
    for table in (vocabulary.TASK_STATUS_LABELS, vocabulary.STATUS_SHORT_LABELS, vocabulary.STATUS_STYLES):
        assert tuple(table) == vocabulary.STATUS_CODES
    assert {"done_on_time", "done_late", "done"} == vocabulary.DONE_CODES
    assert vocabulary.empty_counts() == dict.fromkeys(vocabulary.STATUS_CODES, 0)


def test_the_models_accept_exactly_the_vocabulary() -> None:
    assert get_args(EntryStatus) == vocabulary.ENTRY_STATUSES == tuple(vocabulary.ENTRY_STATUS_LABELS)
    assert get_args(AgencyKind) == vocabulary.AGENCY_KINDS == tuple(vocabulary.KIND_LABELS)
    assert set(vocabulary.AGENCY_KINDS) >= vocabulary.NON_REPORTING_KINDS


def test_summary_line_groups_the_counts_as_the_statistics_do() -> None:
    counts = {**vocabulary.empty_counts(), "done_on_time": 2, "done_late": 1, "overdue": 3, "ongoing": 4}
    line = vocabulary.summary_line(counts)
    assert line.vi.startswith("Tổng số 10 nhiệm vụ: đã hoàn thành 3 (đúng hạn 2, quá hạn 1, không có hạn 0)")
    assert "chưa hoàn thành 3 (trong hạn 0, quá hạn 3); thường xuyên 4" in line.vi
    assert line.en.startswith("10 tasks: done 3 (on time 2, late 1, without deadline 0)")


def test_folded_drops_case_diacritics_dashes_and_extra_spaces() -> None:
    assert vocabulary.folded("  Đã  Hoàn-thành ") == vocabulary.folded("da hoan_thanh") == "da hoan thanh"
    assert vocabulary.folded("Quá hạn") == "qua han" != vocabulary.folded("Quá hạn chưa")


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("done", "done"),
        ("In Progress", "in_progress"),
        ("Đã hoàn thành", "done"),
        ("đa hoan thanh", "done"),
        ("xong", "done"),
        ("Gặp vướng mắc", "blocked"),
        ("finished", None),
        ("", None),
    ],
)
def test_code_named_finds_an_entry_status_by_its_code_label_or_a_clerks_word(word: str, code: str | None) -> None:
    assert vocabulary.code_named(word, vocabulary.ENTRY_STATUS_LABELS, vocabulary.ENTRY_STATUS_WORDS) == code


def test_every_label_names_its_own_code_and_a_word_only_a_code_of_its_table() -> None:
    tables = (vocabulary.TASK_STATUS_LABELS, vocabulary.STATUS_SHORT_LABELS, vocabulary.ENTRY_STATUS_LABELS)
    for table in (*tables, vocabulary.KIND_LABELS, vocabulary.AID_TYPE_LABELS):
        for code, label in table.items():
            assert vocabulary.code_named(label.vi, table) == vocabulary.code_named(label.en, table) == code
            assert vocabulary.code_named(code.upper(), table) == code
    assert vocabulary.code_named("xong", vocabulary.KIND_LABELS, vocabulary.ENTRY_STATUS_WORDS) is None


def test_every_status_has_a_chart_colour_written_as_hex() -> None:
    assert tuple(vocabulary.STATUS_COLOURS) == vocabulary.STATUS_CODES
    assert all(re.fullmatch(r"#[0-9a-f]{6}", colour) for colour in vocabulary.STATUS_COLOURS.values())
    assert len(set(vocabulary.STATUS_COLOURS.values())) == len(vocabulary.STATUS_CODES)  # no two statuses alike


def test_every_reporting_state_has_a_unique_code_labels_in_both_languages_and_a_colour() -> None:
    codes = [state.code for state in vocabulary.REPORTING_STATES]
    assert len(codes) == len(set(codes))
    assert {"on_time", "late", "submitted", "missing", "pending", "none"} == set(codes)
    for state in vocabulary.REPORTING_STATES:
        assert state.label.vi.strip() and state.label.en.strip(), state.code
        assert re.fullmatch(r"#[0-9a-f]{6}", state.colour), state.code
        assert vocabulary.REPORTING_STATE_BY_CODE[state.code] is state
    assert [state.code for state in vocabulary.REPORTING_STATES if not state.mark] == ["none"]
