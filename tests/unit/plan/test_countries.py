"""Country and currency codes, the Vietnamese country names and the data files they come from."""

from __future__ import annotations

import csv
import unicodedata
from importlib import resources
from typing import Any

import pytest

from dnnd.plan.countries import (
    CountryName,
    country_code,
    country_name,
    country_problem,
    country_schema,
    currency_problem,
    currency_schema,
    iso_countries,
    iso_currencies,
    name_sources,
    vietnamese_names,
)


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("dnnd.plan") / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.parametrize("code", ["JP", "KR", "US", "GB", "VN", "FJ"])
def test_valid_iso_codes_have_no_problem(code: str) -> None:
    assert country_problem(code) is None


def test_uk_is_refused_with_gb_suggested() -> None:
    problem = country_problem("UK")
    assert problem is not None
    vi, en = problem
    assert "viết GB (Anh)" in vi and "'UK'" in vi
    assert "write GB (Anh)" in en and "'UK'" in en


@pytest.mark.parametrize(
    ("written", "wanted"),
    [
        ("JPN", "JP (Nhật Bản)"),  # alpha-3
        ("gbr", "GB (Anh)"),  # alpha-3 in lowercase
        ("Nhật Bản", "JP (Nhật Bản)"),  # the Vietnamese name
        ("nhật bản", "JP (Nhật Bản)"),  # the name in any case
        ("Japan", "JP (Nhật Bản)"),  # the ISO English name
        ("jp", "JP (Nhật Bản)"),  # the code in lowercase
        ("uk", "GB (Anh)"),
        ("KO", "KR (Hàn Quốc)"),
    ],
)
def test_near_misses_are_refused_with_the_right_code_suggested(written: str, wanted: str) -> None:
    problem = country_problem(written)
    assert problem is not None
    vi, en = problem
    assert vi == f"'{written}' không phải mã nước ISO 3166-1: viết {wanted}"
    assert en == f"'{written}' is not an ISO 3166-1 country code: write {wanted}"


@pytest.mark.parametrize("written", ["ZZ", "XX", "Atlantis", ""])
def test_nonsense_gets_the_generic_message_in_both_languages(written: str) -> None:
    problem = country_problem(written)
    assert problem == (
        f"'{written}' không phải mã nước ISO 3166-1 (hai chữ in hoa, ví dụ JP, KR, US, GB)",
        f"'{written}' is not an ISO 3166-1 country code (two capital letters, e.g. JP, KR, US, GB)",
    )


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("JP", "Nhật Bản"),
        ("KR", "Hàn Quốc"),
        ("US", "Hoa Kỳ"),
        ("LA", "Lào"),
        ("KH", "Campuchia"),
        ("CN", "Trung Quốc"),
        ("RU", "Liên bang Nga"),
        ("GB", "Anh"),
    ],
)
def test_countries_with_a_source_show_their_vietnamese_name(code: str, name: str) -> None:
    assert country_name(code) == CountryName(name, True)


@pytest.mark.parametrize(("code", "name"), [("FJ", "Fiji"), ("VN", "Vietnam"), ("PE", "Peru")])
def test_a_valid_code_without_a_vietnamese_name_shows_the_iso_english_name(code: str, name: str) -> None:
    assert code not in vietnamese_names()
    assert country_name(code) == CountryName(name, False)


@pytest.mark.parametrize(("code", "allow_vnd"), [("VND", True), ("USD", True), ("USD", False), ("JPY", False)])
def test_iso_currencies_have_no_problem(code: str, allow_vnd: bool) -> None:
    assert currency_problem(code, allow_vnd=allow_vnd) is None


def test_vnd_is_refused_where_a_rate_to_vnd_is_meant() -> None:
    assert currency_problem("VND", allow_vnd=False) == (
        "không cần tỷ giá cho VND: chỉ ghi tỷ giá của ngoại tệ",
        "VND needs no rate: give rates of other currencies",
    )


@pytest.mark.parametrize("code", ["XYZ", "US", "EURO", ""])
def test_unknown_currencies_are_refused_in_both_languages(code: str) -> None:
    assert currency_problem(code) == (
        f"'{code}' không phải mã tiền tệ ISO 4217 (ví dụ VND, USD, EUR, JPY, KRW)",
        f"'{code}' is not an ISO 4217 currency code (e.g. VND, USD, EUR, JPY, KRW)",
    )


@pytest.mark.parametrize(("code", "wanted"), [("usd", "USD"), (" EUR ", "EUR"), ("Jpy", "JPY")])
def test_a_currency_written_otherwise_is_refused_with_the_code_suggested(code: str, wanted: str) -> None:
    assert currency_problem(code) == (
        f"'{code}' không phải mã tiền tệ ISO 4217: viết {wanted}",
        f"'{code}' is not an ISO 4217 currency code: write {wanted}",
    )


def test_currency_schema_lists_the_iso_codes_each_described() -> None:
    schema: dict[str, Any] = {"type": "string", "pattern": "^[A-Z]{3}$"}
    currency_schema(schema)
    assert "pattern" not in schema and schema["type"] == "string"
    assert schema["enum"] == list(iso_currencies())
    assert {"VND", "USD", "EUR", "JPY", "KRW"} <= set(schema["enum"])
    descriptions = schema["enumDescriptions"]
    assert len(descriptions) == len(schema["enum"]) and schema["markdownEnumDescriptions"] == descriptions
    assert descriptions[schema["enum"].index("VND")] == "đồng Việt Nam"
    assert descriptions[schema["enum"].index("USD")] == "US Dollar (tên theo ISO 4217)"


def test_country_schema_lists_the_iso_codes_with_the_names_dnnd_shows() -> None:
    schema: dict[str, Any] = {"type": "string", "pattern": "^[A-Z]{2}$"}
    country_schema(schema)
    assert "pattern" not in schema
    assert schema["enum"] == sorted(iso_countries()) and len(schema["enum"]) > 240
    described = dict(zip(schema["enum"], schema["enumDescriptions"], strict=True))
    assert schema["markdownEnumDescriptions"] == schema["enumDescriptions"]
    assert described["JP"] == "Nhật Bản"
    assert described["FJ"] == "Fiji (tên theo ISO 3166-1; chưa có tên tiếng Việt)"


def test_every_country_row_has_an_iso_code_an_nfc_name_and_a_known_source() -> None:
    sources = {row["id"] for row in _rows("country_sources.csv")}
    rows = _rows("countries.csv")
    assert len(rows) >= 60
    for row in rows:
        assert row["code"] in iso_countries(), row
        assert row["name"].strip() and row["name"] == unicodedata.normalize("NFC", row["name"]), row
        assert row["source"] in sources, row
    assert len({row["code"] for row in rows}) == len(rows)  # no code twice


def test_names_known_to_be_wrong_in_pycountrys_translations_are_not_used() -> None:
    names = set(vietnamese_names().values())
    assert "Cộng hoà Nam Hàn" not in names and "Căm Bốt" not in names
    assert not any("Nam Hàn" in name or "Căm Bốt" in name for name in names)
    assert vietnamese_names()["KR"] == "Hàn Quốc" and vietnamese_names()["KH"] == "Campuchia"


def test_every_source_has_an_id_a_title_and_a_url() -> None:
    rows = _rows("country_sources.csv")
    assert rows
    for row in rows:
        assert row["id"].strip() and row["title"].strip(), row
        assert row["url"].startswith(("http://", "https://")), row
    assert len({row["id"] for row in rows}) == len(rows)


def test_each_name_is_traced_to_its_source() -> None:
    sources = name_sources()
    assert set(sources) == set(vietnamese_names())
    assert sources["JP"]["id"] == "tcdl-khachqt-2019-10"
    assert sources["US"]["url"].startswith("https://tinlaw.vn/")


def test_a_country_is_found_by_its_name_with_or_without_diacritics_or_by_a_code() -> None:
    assert [country_code(text) for text in ("Nhật Bản", "nhat ban", "Han Quoc", "Japan", "jp", "UK", "JPN")] == [
        *("JP", "JP", "KR", "JP", "JP", "GB", "JP")
    ]
    assert country_code("Xứ Sở Thần Tiên") is None
