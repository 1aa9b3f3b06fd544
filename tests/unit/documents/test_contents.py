"""What the report and the reminder share: agency text as lines, the signer block, recipients, the focal point."""

from __future__ import annotations

import datetime as dt

from dnnd.documents.contents import (
    Header,
    IssueOptions,
    SignerBlock,
    focal_point,
    lines,
    recipients,
    signer_block,
)
from dnnd.plan.models import Signer
from dnnd.repository import load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo

AGENCIES = (EMBEDDED_PLAN / "agencies.yaml").read_text(encoding="utf-8")
SNGV = "  - id: sngv\n    name: Sở Ngoại vụ\n    short_name: SNgV\n    kind: department\n"


def _focal_ends(successor: str) -> dict[str, str | bytes | None]:
    """agencies.yaml with the focal point (sngv) ending on 30/06/2025 and handing over to `successor`."""
    assert AGENCIES.count(SNGV) == 1
    return {"plan/agencies.yaml": AGENCIES.replace(SNGV, f"{SNGV}    until: 2025-06-30\n    successor:{successor}\n")}


def test_agency_text_becomes_its_non_empty_lines_stripped() -> None:
    text = "  Đã tổ chức hội nghị.  \r\n\n \t \nĐã ban hành kế hoạch.\u2028Đã báo cáo UBND tỉnh.\n"
    assert lines(text) == ["Đã tổ chức hội nghị.", "Đã ban hành kế hoạch.", "Đã báo cáo UBND tỉnh."]
    assert lines("  {{ x }} _a_ <b>  ") == ["{{ x }} _a_ <b>"]
    assert lines(None) == lines("") == lines(" \n\t\n") == []


def test_signer_block_upper_cases_authority_and_title_but_not_the_name() -> None:
    signer = Signer(authority="kt. giám đốc", title="Phó Giám đốc", name="Nguyễn Văn Ánh")
    assert signer_block(signer) == SignerBlock("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Ánh")
    assert signer_block(Signer(title="Chủ tịch")) == SignerBlock("", "CHỦ TỊCH", "")
    assert signer_block(None) == SignerBlock("", "", "")


def test_recipients_open_with_nhu_tren_and_close_with_the_archive() -> None:
    assert recipients(["Bộ Ngoại giao (để báo cáo)", "Chủ tịch UBND tỉnh"], "HTQT") == [
        "- Như trên;",
        "- Bộ Ngoại giao (để báo cáo);",
        "- Chủ tịch UBND tỉnh;",
        "- Lưu: VT, HTQT.",
    ]
    assert recipients([], None) == ["- Như trên;", "- Lưu: VT."]


def test_focal_point_is_the_plans_agency_while_it_is_in_force(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(_focal_ends(" vpubnd")), use_cache=False)
    assert focal_point(repo, dt.date(2020, 12, 14)).name == "Sở Ngoại vụ"
    assert focal_point(repo, dt.date(2025, 6, 30)).id == "sngv"


def test_focal_point_passes_to_its_successor_the_day_after_it_ends(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(_focal_ends(" vpubnd")), use_cache=False)
    assert focal_point(repo, dt.date(2025, 7, 1)).name == "Văn phòng Ủy ban nhân dân tỉnh"


def test_focal_point_split_goes_to_the_successor_taking_the_rest(make_repo: MakeRepo) -> None:
    split = "\n      - agency: svhtt\n        tasks: [4, 11]\n      - agency: vpubnd"
    repo = load_repository(make_repo(_focal_ends(split)), use_cache=False)
    assert focal_point(repo, dt.date(2025, 7, 1)).id == "vpubnd"


def test_a_header_takes_the_plans_agencies_and_leaves_number_and_date_for_the_clerk(make_repo: MakeRepo) -> None:
    settings = load_repository(make_repo(), use_cache=False).plan.report
    draft = Header.issued(settings, IssueOptions(today=dt.date(2021, 3, 1)), "BC-SNgV")
    assert (draft.parent_agency, draft.issuing_agency, draft.code) == ("UBND TỈNH KHÁNH HÒA", "SỞ NGOẠI VỤ", "BC-SNgV")
    assert draft.number.strip("\xa0") == "" and draft.place_date.endswith("năm 2021")
    issued = Header.issued(settings, IssueOptions(7, dt.date(2021, 2, 5)), "SNgV")
    assert (issued.number, issued.place_date) == ("07", "Khánh Hòa, ngày 05 tháng 02 năm 2021")
