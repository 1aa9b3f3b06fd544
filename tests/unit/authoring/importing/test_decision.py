"""The decision's metadata and the plan's text sections read from its paragraphs, with doubts as warnings."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.authoring.importing.decision import read_decision
from dnnd.authoring.importing.source import Para, read_source
from tests.import_helpers import DECISION

MISSING = [
    "không tìm thấy số và ký hiệu (Số: …) của quyết định: hãy điền vào plan/plan.yaml",
    "không tìm thấy ngày ban hành (…, ngày … tháng … năm …) của quyết định: hãy điền vào plan/plan.yaml",
    "không tìm thấy cơ quan ban hành của quyết định: hãy điền vào plan/plan.yaml",
    "không tìm thấy trích yếu (Về việc …) của quyết định: hãy điền vào plan/plan.yaml",
]


def paras(*texts: str) -> list[Para]:
    return [Para(text, f"dòng {number}") for number, text in enumerate(texts, start=1)]


def test_header_gives_number_place_date_issuer_title_bases_and_proposal() -> None:
    info = read_decision(
        paras(
            "Số: 45/QĐ-UBND.",
            "Nha Trang, ngày 5 tháng 3 năm 2021",
            "UỶ BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
            "Về việc ban hành kế hoạch thử",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Căn cứ Nghị định số 30/2020/NĐ-CP.",
            "Theo đề nghị của Giám đốc Sở Ngoại vụ tại Tờ trình số 7/TTr-SNgV;",
        )
    )
    assert (info.number, info.place, info.date) == ("45/QĐ-UBND", "Nha Trang", dt.date(2021, 3, 5))
    assert (info.issuer, info.title) == ("Ủy ban nhân dân thành phố Hồ Chí Minh", "Về việc ban hành kế hoạch thử")
    assert info.legal_bases == [
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
        "Nghị định số 30/2020/NĐ-CP",
    ]
    assert info.proposal == "Theo đề nghị của Giám đốc Sở Ngoại vụ tại Tờ trình số 7/TTr-SNgV"
    assert info.warnings == []


def test_nothing_found_is_one_warning_per_missing_field() -> None:
    info = read_decision(paras("Khánh Hòa, ngày 31 tháng 2 năm 2021", "Quyết định này có hiệu lực"))
    assert (info.place, info.date) == ("Khánh Hòa", None)
    assert info.warnings == MISSING


def test_signer_and_plan_title() -> None:
    info = read_decision(
        paras("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Nguyễn Tấn Tuấn", "KẾ HOẠCH", "Triển khai Đề án X")
    )
    assert (info.signer_authority, info.signer_title, info.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "Chủ tịch",
        "Nguyễn Tấn Tuấn",
    )
    assert info.plan_title == "Kế hoạch triển khai Đề án X"


@pytest.mark.xfail(reason="the signer's name is taken from the first capitalised line: 'PHÓ CHỦ TỊCH'", strict=True)
def test_vice_chair_signing_on_behalf() -> None:
    info = read_decision(paras("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"))
    assert info.signer_name == "Nguyễn Văn An"


def test_purposes_requirements_duties_and_closing() -> None:
    info = read_decision(
        paras(
            "I. MỤC ĐÍCH, YÊU CẦU",
            *("1. Mục đích", "a) Mục đích một.", "2. Yêu cầu", "a) Yêu cầu một.", "b) Yêu cầu hai."),
            *("II. NỘI DUNG", "Nội dung không thuộc mục nào."),
            *("III. TỔ CHỨC THỰC HIỆN", "1. Sở Ngoại vụ", "- Là cơ quan đầu mối.", "• Đôn đốc.", "2. Sở Tài chính"),
            *("3", "Trong quá trình thực hiện, gửi về Sở Ngoại vụ.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        )
    )
    assert (info.purposes, info.requirements) == (["a) Mục đích một."], ["a) Yêu cầu một.", "b) Yêu cầu hai."])
    assert info.duties == [("Sở Ngoại vụ", ["Là cơ quan đầu mối.", "Đôn đốc."]), ("Sở Tài chính", [])]
    assert info.closing == "Trong quá trình thực hiện, gửi về Sở Ngoại vụ."
    assert info.warnings == ["dòng 14: dòng lạc '3' (có lẽ là ngày hoặc số trang sót lại): đã bỏ qua", *MISSING]


HEADER_IS = "nhưng đầu văn bản là số 45/QĐ-UBND ngày 05/03/2021: đã lấy theo đầu văn bản, hãy kiểm tra"


@pytest.mark.parametrize(
    ("reference", "stated"),
    [
        ("(Ban hành kèm theo Quyết định số 45/QĐ-UBND ngày 05/3/2021 của UBND tỉnh)", None),
        ("(Ban hành kèm theo Quyết định số 45/QĐ-UBND ngày 5 tháng 3 năm 2021)", None),
        ("(Ban hành kèm theo Quyết định số 45/QĐ-UBND ngày 06/3/2021 của UBND tỉnh)", "số 45/QĐ-UBND ngày 06/3/2021"),
        (
            "(Ban hành kèm theo Quyết định số 54/QĐ-UBND ngày 5 tháng 3 năm 2021)",
            "số 54/QĐ-UBND ngày 5 tháng 3 năm 2021",
        ),
    ],
)
def test_attached_plan_naming_another_decision_is_warned(reference: str, stated: str | None) -> None:
    info = read_decision(paras("Số: 45/QĐ-UBND", "Nha Trang, ngày 5 tháng 3 năm 2021", reference))
    doubts = [warning for warning in info.warnings if warning.startswith("dòng 3: ")]
    assert doubts == ([f"dòng 3: kế hoạch ghi ban hành kèm Quyết định {stated}, {HEADER_IS}"] if stated else [])


def test_the_khanh_hoa_decision() -> None:
    info = read_decision([block for block in read_source(DECISION).blocks if isinstance(block, Para)])
    assert (info.number, info.date, info.place) == ("1228/QĐ-UBND", dt.date(2020, 5, 27), "Khánh Hòa")
    assert (info.signer_authority, info.signer_title, info.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "Chủ tịch",
        "Nguyễn Tấn Tuấn",
    )
    assert (len(info.legal_bases), len(info.purposes), len(info.requirements)) == (3, 3, 4)
    assert [heading for heading, _ in info.duties] == [
        "Sở Ngoại vụ",
        "Liên hiệp các tổ chức hữu nghị tỉnh",
        "Sở Thông tin và Truyền thông và các sở, ban, ngành, địa phương liên quan",
        "Sở Tài chính",
    ]
    assert [warning.split(":")[0] for warning in info.warnings] == ["dòng 19", "dòng 50", "dòng 72"]
