"""Finding the task table by its header words and reading its rows: continuations, sections, debris, notes."""

from __future__ import annotations

import pytest

from dnnd.authoring.importing.source import Block, Para, TableBlock
from dnnd.authoring.importing.table import RawTask, read_task_table

HEADER = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian")
ONE = ("1", "Việc một", "Sở Ngoại vụ", "Sở Nội vụ", "Quý III/2020")
TWO = ("2", "Việc hai", "Sở Nội vụ", "", "Thường xuyên")


def table(number: int, *rows: tuple[str, ...]) -> TableBlock:
    return TableBlock(
        [list(row) for row in rows], [f"bảng {number}, dòng {index}" for index in range(1, len(rows) + 1)]
    )


def summary(blocks: list[Block]) -> list[tuple[str, str, str | None]]:
    """(number, where, section) of each task read."""
    found = read_task_table(blocks)
    assert found is not None
    return [(task.number, task.where, task.section) for task in found.tasks]


@pytest.mark.parametrize(
    "header",
    [
        HEADER,
        ("TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Tiến độ"),
        ("Số TT", "NHIỆM VỤ, GIẢI PHÁP", "CHỦ TRÌ", "PHỐI HỢP", "Thời hạn hoàn thành"),
        ("Số thứ tự", "Nội dung", "Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị phối hợp", "Thời gian thực hiện"),
    ],
)
def test_header_words_find_the_table_and_its_columns(header: tuple[str, ...]) -> None:
    found = read_task_table([table(1, header, ONE)])
    assert found is not None
    assert found.tasks == [RawTask("1", "Việc một", "Sở Ngoại vụ", "Sở Nội vụ", "Quý III/2020", "bảng 1, dòng 2")]
    assert (found.extra_columns, found.warnings) == ([], [])


def test_no_table_with_every_column_is_no_task_table() -> None:
    without_support = ("STT", "Nhiệm vụ", "Chủ trì", "Thời gian", "Ghi chú")
    blocks: list[Block] = [Para("STT\tNhiệm vụ", "dòng 1"), table(1, without_support, ONE), table(2, ("STT",), ("1",))]
    assert read_task_table(blocks) is None
    assert read_task_table([table(1, ("Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Số"), ONE)]) is None


def test_tables_before_are_skipped_and_a_split_table_continues() -> None:
    blocks: list[Block] = [
        table(1, ("ỦY BAN NHÂN DÂN", "CỘNG HÒA"), ("Số: 1/QĐ-UBND", "Khánh Hòa, ngày 1 tháng 2 năm 2021")),
        table(2, HEADER, ONE),
        Para("(tiếp theo)", "đoạn 9"),
        table(3, HEADER, TWO, ("3", "Việc ba", "Sở Tài chính", "", "Năm 2021")),
    ]
    assert summary(blocks) == [
        ("1", "bảng 2, dòng 2", None),
        ("2", "bảng 3, dòng 2", None),
        ("3", "bảng 3, dòng 3", None),
    ]


def test_two_row_header_repeated_on_a_continuation() -> None:
    top = ("STT", "Nhiệm vụ", "Cơ quan thực hiện", "Cơ quan thực hiện", "Thời gian")
    bottom = ("STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian")
    found = read_task_table([table(1, top, bottom, ONE), table(2, top, bottom, TWO)])
    assert found is not None
    assert [(task.number, task.lead, task.support, task.timing) for task in found.tasks] == [
        ("1", "Sở Ngoại vụ", "Sở Nội vụ", "Quý III/2020"),
        ("2", "Sở Nội vụ", "", "Thường xuyên"),
    ]


def test_section_rows_name_the_tasks_below_them() -> None:
    rows = (
        ("I. NHIỆM VỤ CHUNG",) * 5,
        ONE,
        ("II", "Tuyên truyền", "", "", ""),
        TWO,
        ("B.", "", "", "", ""),
        ("3", "Việc ba", "Sở Tài chính", "", "Năm 2021"),
    )
    assert summary([table(1, HEADER, *rows)]) == [
        ("1", "bảng 1, dòng 3", "I. NHIỆM VỤ CHUNG"),
        ("2", "bảng 1, dòng 5", "II. Tuyên truyền"),
        ("3", "bảng 1, dòng 7", "B"),
    ]


def test_numbering_empty_and_short_rows_are_debris() -> None:
    rows = (("(1)", "(2)", "(3)", "(4)", "(5)"), ONE, ("", "", "", "", ""), ("2", "Việc hai"), TWO)
    found = read_task_table([table(1, HEADER, *rows)])
    assert found is not None
    assert [(task.number, task.where) for task in found.tasks] == [("1", "bảng 1, dòng 3"), ("2", "bảng 1, dòng 6")]
    assert found.warnings == []


def test_multi_paragraph_cells_and_a_row_without_number_join_the_task() -> None:
    first = ("1.", "Việc một\nphần hai", "Sở Ngoại vụ\nSở Nội vụ", "Sở Tài chính\nBáo Khánh Hòa", "Quý III/2020")
    found = read_task_table([table(1, HEADER, first, ("", "phần ba", "", "Sở Y tế", ""))])
    assert found is not None
    assert found.tasks == [
        RawTask(
            "1",
            "Việc một phần hai phần ba",
            "Sở Ngoại vụ; Sở Nội vụ",
            "Sở Tài chính; Báo Khánh Hòa; Sở Y tế",
            "Quý III/2020",
            "bảng 1, dòng 2",
        )
    ]
    assert found.warnings == ["bảng 1, dòng 3: dòng không có STT, được nối vào nhiệm vụ 1"]


def test_extra_columns_are_kept_as_notes_with_a_warning() -> None:
    header = (*HEADER, "Ghi chú", "Kinh phí")
    found = read_task_table([table(1, header, (*ONE, "Cần gấp", "")), table(2, header, (*TWO, "", "50 triệu"))])
    assert found is not None
    assert found.extra_columns == ["Ghi chú", "Kinh phí"]
    assert [task.notes for task in found.tasks] == [{"Ghi chú": "Cần gấp"}, {"Kinh phí": "50 triệu"}]
    assert found.warnings == [
        "bảng 1, dòng 1: bảng có thêm cột Ghi chú, Kinh phí: nội dung được giữ trong notes của nhiệm vụ"
    ]
