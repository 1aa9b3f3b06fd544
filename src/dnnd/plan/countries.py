"""Countries and currencies: the ISO codes (ISO 3166-1 alpha-2, ISO 4217) and the Vietnamese country names.

The codes come from pycountry's databases (the iso-codes project), read as the JSON files they are: importing
pycountry itself looks up its own version through importlib.metadata, which costs every worker that
validates an update file tens of milliseconds. The Vietnamese short names come from `countries.csv`,
each with the source that writes it so (`country_sources.csv`); pycountry's own Vietnamese translations
are not used ("Cộng hoà Nam Hàn", "Căm Bốt" are not what state documents write). A valid code without a
Vietnamese name is shown with its ISO English name, and the caller warns about it.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
from typing import Any, NamedTuple

from dnnd.plan.vocabulary import folded

# Codes people write for a country that ISO spells otherwise.
_MISTAKES = {"UK": "GB", "EN": "GB", "EL": "GR", "KO": "KR"}


class CountryName(NamedTuple):
    """A country's name as dnnd shows it, and whether it is the Vietnamese one (else the ISO English one)."""

    name: str
    vietnamese: bool


def _database(name: str) -> Any:
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pycountry is not installed: reinstall dnnd (`pip install .`)")
    folder = next(iter(spec.submodule_search_locations))
    with open(os.path.join(folder, "databases", name), encoding="utf-8") as file:
        return json.load(file)


@functools.cache
def iso_countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → English short name (the common one where ISO gives it: 'South Korea', not
    'Korea, Republic of')."""
    return {item["alpha_2"]: item.get("common_name", item["name"]) for item in _database("iso3166-1.json")["3166-1"]}


@functools.cache
def _alpha3() -> dict[str, str]:
    return {item["alpha_3"]: item["alpha_2"] for item in _database("iso3166-1.json")["3166-1"]}


@functools.cache
def iso_currencies() -> dict[str, str]:
    """ISO 4217 code → English name."""
    return {item["alpha_3"]: item["name"] for item in _database("iso4217.json")["4217"]}


def _rows(name: str) -> list[dict[str, str]]:
    import csv  # with importlib.resources, only when a name is looked up: every update file's model imports this
    import io
    from importlib import resources

    text = (resources.files(__package__ or "dnnd.plan") / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@functools.cache
def vietnamese_names() -> dict[str, str]:
    """Code → the Vietnamese short name state documents use, for the countries dnnd has a source for."""
    return {row["code"]: row["name"] for row in _rows("countries.csv")}


@functools.cache
def name_sources() -> dict[str, dict[str, str]]:
    """Code → the source (id, title, url) of its Vietnamese name."""
    sources = {row["id"]: row for row in _rows("country_sources.csv")}
    return {row["code"]: sources[row["source"]] for row in _rows("countries.csv")}


@functools.cache
def _codes_by_name() -> dict[str, str]:
    """Each country's code by its Vietnamese and English names, compared as the vocabulary compares words
    (no case, no diacritics: 'nhat ban', 'japan')."""
    names = {folded(name): code for code, name in vietnamese_names().items()}
    names.update({folded(name): code for code, name in iso_countries().items()})
    return names


def country_code(text: str) -> str | None:
    """The ISO code a clerk means by a name or a code ('Nhật Bản', 'Nhat Ban', 'Japan', 'JP', 'jp', 'UK'), or
    None."""
    text = text.strip()
    if text.upper() in iso_countries():
        return text.upper()
    return _MISTAKES.get(text.upper()) or _alpha3().get(text.upper()) or _codes_by_name().get(folded(text))


def country_name(code: str) -> CountryName:
    """The name to show for a valid code: Vietnamese when dnnd has it, else the ISO English name."""
    vietnamese = vietnamese_names().get(code)
    if vietnamese is not None:
        return CountryName(vietnamese, True)
    return CountryName(iso_countries().get(code, code), False)


def country_problem(code: str) -> tuple[str, str] | None:
    """What is wrong with a country code (Vietnamese, English), or None when it is a valid ISO 3166-1 code."""
    if code in iso_countries():
        return None
    wanted = _MISTAKES.get(code.upper()) or _alpha3().get(code.upper()) or _codes_by_name().get(folded(code))
    if wanted is None and code.upper() in iso_countries():
        wanted = code.upper()
    if wanted is not None:
        name = country_name(wanted).name
        return (
            f"'{code}' không phải mã nước ISO 3166-1: viết {wanted} ({name})",
            f"'{code}' is not an ISO 3166-1 country code: write {wanted} ({name})",
        )
    return (
        f"'{code}' không phải mã nước ISO 3166-1 (hai chữ in hoa, ví dụ JP, KR, US, GB)",
        f"'{code}' is not an ISO 3166-1 country code (two capital letters, e.g. JP, KR, US, GB)",
    )


def currency_problem(code: str, *, allow_vnd: bool = True) -> tuple[str, str] | None:
    """What is wrong with a currency code (Vietnamese, English), or None when it is ISO 4217 (and not VND where a
    rate to VND is meant)."""
    if not allow_vnd and code == "VND":
        return (
            "không cần tỷ giá cho VND: chỉ ghi tỷ giá của ngoại tệ",
            "VND needs no rate: give rates of other currencies",
        )
    if code not in iso_currencies() and code.strip().upper() in iso_currencies():
        wanted = code.strip().upper()
        return (
            f"'{code}' không phải mã tiền tệ ISO 4217: viết {wanted}",
            f"'{code}' is not an ISO 4217 currency code: write {wanted}",
        )
    if code not in iso_currencies():
        return (
            f"'{code}' không phải mã tiền tệ ISO 4217 (ví dụ VND, USD, EUR, JPY, KRW)",
            f"'{code}' is not an ISO 4217 currency code (e.g. VND, USD, EUR, JPY, KRW)",
        )
    return None


def currency_schema(schema: dict[str, Any]) -> None:
    """The JSON Schema of a currency field: the ISO 4217 codes as an enum, each described, for editors."""
    codes = iso_currencies()
    schema["enum"] = list(codes)
    described = [("đồng Việt Nam" if code == "VND" else f"{name} (tên theo ISO 4217)") for code, name in codes.items()]
    schema["enumDescriptions"] = schema["markdownEnumDescriptions"] = described
    schema.pop("pattern", None)


def country_schema(schema: dict[str, Any]) -> None:
    """The JSON Schema of a country code: the ISO 3166-1 codes as an enum, each with the name dnnd shows."""
    codes = sorted(iso_countries())
    schema["enum"] = codes
    described = [
        name if vietnamese else f"{name} (tên theo ISO 3166-1; chưa có tên tiếng Việt)"
        for name, vietnamese in map(country_name, codes)
    ]
    schema["enumDescriptions"] = schema["markdownEnumDescriptions"] = described
    schema.pop("pattern", None)
