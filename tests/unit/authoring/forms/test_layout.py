"""The Excel form's layout: column letters, how a clerk's word is matched to a code, the countries' drop-down."""

from __future__ import annotations

import pytest

from dnnd.authoring.forms import layout
from dnnd.plan.countries import iso_countries


@pytest.mark.parametrize(
    ("index", "name"), [(0, "A"), (4, "E"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (701, "ZZ"), (702, "AAA")]
)
def test_letter_names_a_column_as_spreadsheets_do(index: int, name: str) -> None:
    assert layout.letter(index) == name


def test_fold_drops_case_diacritics_and_extra_spaces() -> None:
    assert layout.fold("  Đã   Hoàn thành ") == "da hoan thanh"
    assert layout.fold("ĐOÀN VÀO") == layout.fold("đoàn vào") == "doan vao"
    assert layout.fold("Gặp vướng mắc") == layout.fold("Gap vuong mac")
    assert layout.fold("Đã hoàn thành") != layout.fold("Đang thực hiện")


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Đã hoàn thành", "done"),
        ("đã hoàn thành", "done"),
        ("DA HOAN THANH", "done"),
        (" Gặp  vướng mắc ", "blocked"),
        ("in_progress", "in_progress"),
        ("NOT_STARTED", "not_started"),
        ("Đã xong", None),
        ("hoàn thành", None),
        ("", None),
    ],
)
def test_code_of_a_status_from_its_label_or_code_in_any_case_with_or_without_diacritics(
    word: str, code: str | None
) -> None:
    assert layout.code_of(word, "status") == code


def test_code_of_an_activity_kind_and_an_aid_type_from_their_labels() -> None:
    assert layout.code_of("Vien tro PCPNN", "kind") == "aid"
    assert layout.code_of("Đoàn ra", "kind") == "delegation_out"
    assert layout.code_of("phi dự án", "aid") == "non_project"
    assert layout.code_of("Dự án", "kind") is None


def test_status_labels_are_the_four_vietnamese_ones_of_the_issue() -> None:
    assert list(layout.STATUS_LABELS.values()) == ["Chưa bắt đầu", "Đang thực hiện", "Đã hoàn thành", "Gặp vướng mắc"]


def test_country_choices_hold_every_iso_country_once_by_its_vietnamese_name_in_folded_order() -> None:
    choices = layout.country_choices()
    assert {"Nhật Bản", "Hàn Quốc", "Lào"} <= set(choices)
    assert "Japan" not in choices
    assert len(choices) == len(set(choices)) == len(iso_countries())
    assert choices == sorted(choices, key=layout.fold)


def test_the_fixed_columns_of_the_task_sheet_come_first_and_keys_are_unique() -> None:
    assert [column.key for column in layout.TASK_COLUMNS if column.written_by_dnnd] == [
        "task",
        "title",
        "role",
        "timing",
    ]
    assert [column.kind for column in layout.TASK_COLUMNS[4:6]] == ["status", "date"]
    for columns in (layout.TASK_COLUMNS, layout.DOCUMENT_COLUMNS, layout.ACTIVITY_COLUMNS):
        keys = [column.key for column in columns]
        assert len(keys) == len(set(keys))
    assert not any(column.written_by_dnnd for column in layout.ACTIVITY_COLUMNS + layout.DOCUMENT_COLUMNS)
