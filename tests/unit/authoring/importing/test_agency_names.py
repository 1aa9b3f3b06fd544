"""Agency names as documents write them: comparison keys, splitting lists, new ids."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from dnnd.authoring.importing.agency_names import Registry, name_key, new_id
from tests.conftest import EMBEDDED_PLAN


@pytest.fixture
def registry() -> Registry:
    """The embedded plan's agencies, as `dnnd import` run inside this repository matches against them."""
    agencies = yaml.safe_load((EMBEDDED_PLAN / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]
    return Registry.of((agency["id"], agency["name"], agency.get("aliases") or []) for agency in agencies)


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("Báo Khánh Hoà", "Báo Khánh Hòa"),
        ("Ban Dân vận Tỉnh uỷ", "Ban Dân vận Tỉnh ủy"),
        ("Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Khoẻ", "Khỏe"),
        (unicodedata.normalize("NFD", "Sở Thông tin và Truyền thông"), "Sở Thông tin và Truyền thông"),
        ("SỞ NGOẠI VỤ", "Sở Ngoại vụ"),
        ("  Sở  Ngoại\u00a0vụ \n", "Sở Ngoại vụ"),
        ("Sở Nội vụ.", "Sở Nội vụ"),
        ("Sở Nội vụ;", "Sở Nội vụ"),
        ("Liên hiệp các tổ chức hữu nghị tỉnh,", "Liên hiệp các tổ chức hữu nghị tỉnh"),
    ],
)
def test_name_key_equalities(written: str, known: str) -> None:
    assert name_key(written) == name_key(known)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Sở Ngoại vụ", "Sở Nội vụ"),
        ("Bộ Ngoại giao", "Bộ Ngoại vụ"),
        ("Báo Khánh Hòa", "Bảo Khánh Hòa"),
        ("Hòa", "Hóa"),
    ],
)
def test_name_key_keeps_different_names_apart(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def test_registry_matches_old_style_tone_marks_and_aliases(registry: Registry) -> None:
    assert registry.match("Đài Phát thanh và Truyền hình Khánh Hoà") == "ktv"
    assert registry.match("UỶ BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH") == "mttq"
    assert registry.match(unicodedata.normalize("NFD", "Ban Tuyên giáo Tỉnh uỷ.")) == "btg"
    aliased = Registry.of([("stttt", "Sở Thông tin và Truyền thông", ["Sở TT&TT"])])
    assert aliased.match("Sở TT&TT") == aliased.match("sở tt&tt") == "stttt"
    assert registry.match("Sở Tư pháp") is None


def test_split_known_names_with_commas_first(registry: Registry) -> None:
    cell = (
        "Ban Tuyên giáo Tỉnh ủy; Các cơ quan, đơn vị, địa phương liên quan, Báo Khánh Hòa, "
        "Đài Phát thanh và Truyền hình Khánh Hòa, Cổng Thông tin Điện tử tỉnh"
    )
    names, warnings = registry.split(cell)
    assert names == [
        "Ban Tuyên giáo Tỉnh ủy",
        "Các cơ quan, đơn vị, địa phương liên quan",
        "Báo Khánh Hòa",
        "Đài Phát thanh và Truyền hình Khánh Hòa",
        "Cổng Thông tin Điện tử tỉnh",
    ]
    assert [registry.match(name) for name in names] == ["btg", "lienquan", "baokh", "ktv", "congttdt"]
    assert warnings == []


@pytest.mark.parametrize("known", [True, False], ids=["in-registry", "unknown"])
def test_split_joins_a_fragment_that_is_not_an_agency(registry: Registry, known: bool) -> None:
    chosen = registry if known else Registry.of([])
    assert chosen.split("Sở Văn hóa, Thể thao và Du lịch") == (["Sở Văn hóa, Thể thao và Du lịch"], [])
    names, _ = chosen.split("Sở Văn hóa, Thể thao và Du lịch, Sở Y tế; Ủy ban nhân dân các huyện, thị xã, thành phố")
    assert names == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Ủy ban nhân dân các huyện, thị xã, thành phố"]


def test_split_keeps_order_and_separators(registry: Registry) -> None:
    names, warnings = registry.split("Sở Nội vụ;\nLiên hiệp các tổ chức hữu nghị tỉnh, Sở Ngoại vụ; Sở Tư pháp.")
    assert names == ["Sở Nội vụ", "Liên hiệp các tổ chức hữu nghị tỉnh", "Sở Ngoại vụ", "Sở Tư pháp"]
    assert warnings == []


@pytest.mark.parametrize("ending", [",", ";", " , "])
def test_split_warns_about_a_list_ending_in_a_comma(registry: Registry, ending: str) -> None:
    names, warnings = registry.split("Sở Ngoại vụ; Các cơ quan, đơn vị, địa phương liên quan" + ending)
    assert names == ["Sở Ngoại vụ", "Các cơ quan, đơn vị, địa phương liên quan"]
    assert len(warnings) == 1 and "kết thúc bằng dấu phẩy" in warnings[0]


@pytest.mark.parametrize("cell", ["Các sở, ban, ngành liên quan", "Các cơ quan, đơn vị, địa phương có liên quan"])
def test_split_keeps_a_group_name_that_is_not_in_the_registry(registry: Registry, cell: str) -> None:
    assert registry.split(cell) == ([cell], [])


@pytest.mark.parametrize("cell", ["Sở Ngoại vụ và Sở Nội vụ", "Sở Nội vụ tỉnh Khánh Hòa", "Sở Ngoại vụ (chủ trì)"])
def test_split_never_makes_up_a_name(registry: Registry, cell: str) -> None:
    names, _ = registry.split(cell)
    assert all(name in cell for name in names), names


def test_new_id_is_ascii_initials_with_d_for_dj() -> None:
    assert new_id("Đoàn Đại biểu Quốc hội tỉnh", set()) == "ddbqh"
    assert new_id("Sở Văn hóa, Thể thao và Du lịch", set()) == "svhttdl"
    assert new_id("Hội Cựu chiến binh tỉnh", set()) == "hccb"
    for name in ("Đảng ủy Khối các cơ quan tỉnh", "Ủy ban nhân dân huyện Khánh Sơn", "Trường Đại học Nha Trang"):
        assert re.fullmatch(r"[a-z][a-z0-9]*", new_id(name, set())), name


def test_new_id_is_made_unique_with_a_digit() -> None:
    taken = {"sngv", "ddbqh"}
    assert new_id("Đoàn Đại biểu Quốc hội tỉnh", taken) == "ddbqh2"
    assert new_id("Đoàn Đại biểu Quốc hội", taken) == "ddbqh3"
    assert {"ddbqh2", "ddbqh3"} <= taken
    assert new_id("Sở Nông nghiệp và Ngư vụ", taken) == "snnnv"
    assert new_id("Sở Ngoại giao Việt", taken) == "sngv2"


def test_built_in_registry_is_a_valid_agencies_file() -> None:
    from importlib import resources

    from dnnd.load.yamlio import load_yaml
    from dnnd.plan.models import AgenciesFile

    raw = (resources.files("dnnd.authoring.importing") / "registry.yaml").read_bytes()
    registry = AgenciesFile.model_validate(load_yaml(raw, "registry.yaml").data)
    ids = [agency.id for agency in registry.agencies]
    assert len(ids) == len(set(ids))
    assert {"sngv", "lhhn", "lienquan", "svhtt", "skhcn"} <= set(ids)
