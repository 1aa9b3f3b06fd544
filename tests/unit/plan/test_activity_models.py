"""Activities, sums of money and exchange rates: what they accept and where each refusal points."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from dnnd.plan.activity_models import Activity, ExchangeRate, Money


def _activity(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "kind": "delegation_in",
        "title": "Đoàn Hội hữu nghị thăm và làm việc",
        "start": "2020-09-10",
        "countries": ["JP"],
        "partner": "Hội hữu nghị Nhật - Việt",
    }
    base.update(fields)
    return {key: value for key, value in base.items() if value is not None}


def _errors(model: type[Activity | Money | ExchangeRate], data: dict[str, Any]) -> dict[tuple[Any, ...], Any]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return {tuple(error["loc"]): error for error in caught.value.errors()}


def test_a_delegation_in_is_accepted_with_its_dates_typed() -> None:
    activity = Activity.model_validate(_activity(end="2020-09-12", people=5, tasks=[3], ref="12/QĐ-UBND"))
    assert activity.kind == "delegation_in"
    assert (activity.start, activity.end) == (dt.date(2020, 9, 10), dt.date(2020, 9, 12))
    assert activity.countries == ["JP"] and activity.people == 5 and activity.tasks == [3]
    assert activity.aid_type is None and activity.pledged is None and activity.count is None


def test_an_aid_is_accepted_with_its_type_and_pledge() -> None:
    data = _activity(
        kind="aid",
        countries=["KR", "US"],
        aid_type="project",
        pledged={"amount": 1_500_000_000, "currency": "VND"},
        disbursed={"amount": 20_000, "currency": "USD"},
    )
    activity = Activity.model_validate(data)
    assert activity.aid_type == "project"
    assert activity.pledged == Money(amount=1_500_000_000, currency="VND")
    assert activity.disbursed == Money(amount=20_000, currency="USD")


def test_media_is_accepted_with_a_count_and_needs_no_country_or_partner() -> None:
    activity = Activity.model_validate(
        {"kind": "media", "title": "Bài viết về hữu nghị", "start": "2020-10-01", "count": 12}
    )
    assert activity.count == 12 and activity.countries == [] and activity.partner is None


def test_every_breach_is_reported_at_once_each_at_its_field() -> None:
    data = _activity(
        kind="other",
        end="2020-09-01",
        countries=["JP", "KR", "JP"],
        aid_type="project",
        pledged={"amount": 5, "currency": "USD"},
        count=3,
    )
    errors = _errors(Activity, data)
    assert set(errors) == {("end",), ("countries", 2), ("aid_type",), ("pledged",), ("count",), ("note",)}
    assert all(error["type"] == "dnnd" for error in errors.values())
    assert errors[("countries", 2)]["input"] == "JP" and errors[("count",)]["input"] == 3


def test_every_wrong_country_is_reported_at_its_own_item() -> None:
    errors = _errors(Activity, _activity(countries=["UK", "JP", "ZZ", "KO"]))
    assert set(errors) == {("countries", 0), ("countries", 2), ("countries", 3)}
    assert all(error["type"] == "dnnd" for error in errors.values())
    assert errors[("countries", 3)]["ctx"]["en"] == "'KO' is not an ISO 3166-1 country code: write KR (Hàn Quốc)"


def test_the_end_before_the_start_is_refused_in_vietnamese_and_english() -> None:
    error = _errors(Activity, _activity(end="2020-09-09"))[("end",)]
    assert error["ctx"] == {"vi": "ngày kết thúc trước ngày bắt đầu", "en": "the end is before the start"}
    assert error["msg"] == "the end is before the start"


def test_a_country_listed_twice_is_refused_at_its_second_place() -> None:
    errors = _errors(Activity, _activity(countries=["JP", "KR", "JP"]))
    assert list(errors) == [("countries", 2)]
    assert errors[("countries", 2)]["ctx"]["vi"] == "nước JP được ghi hai lần"
    assert errors[("countries", 2)]["ctx"]["en"] == "country JP is listed twice"


def test_uk_in_countries_is_refused_with_gb_suggested() -> None:
    error = _errors(Activity, _activity(countries=["UK"]))[("countries", 0)]
    assert error["ctx"]["vi"] == "'UK' không phải mã nước ISO 3166-1: viết GB (Anh)"
    assert "write GB" in error["ctx"]["en"] and error["input"] == "UK"


@pytest.mark.parametrize(("written", "wanted"), [("JPN", "JP"), ("jp", "JP"), ("Nhật Bản", "JP"), ("Hàn Quốc", "KR")])
def test_codes_and_names_written_otherwise_are_refused_with_the_code_suggested(written: str, wanted: str) -> None:
    error = _errors(Activity, _activity(countries=["US", written]))[("countries", 1)]
    assert error["type"] == "dnnd"
    assert error["ctx"]["vi"].startswith(f"'{written}' không phải mã nước ISO 3166-1: viết {wanted} (")


@pytest.mark.parametrize("kind", ["delegation_in", "delegation_out", "agreement", "aid"])
def test_activities_with_a_foreign_side_need_countries_and_a_partner(kind: str) -> None:
    errors = _errors(Activity, _activity(kind=kind, countries=[], partner=None))
    assert {("countries",), ("partner",)} <= set(errors)
    assert errors[("partner",)]["ctx"]["vi"] == f"hoạt động loại {kind} phải ghi partner: tên đối tác nước ngoài"


def test_kind_other_needs_a_note_saying_what_it_was() -> None:
    errors = _errors(Activity, _activity(kind="other", countries=[], partner=None))
    assert list(errors) == [("note",)]
    assert errors[("note",)]["ctx"]["vi"] == "hoạt động loại other (khác) phải ghi note: nói rõ là hoạt động gì"
    assert Activity.model_validate(_activity(kind="other", note="Giao lưu văn nghệ")).note == "Giao lưu văn nghệ"


def test_aid_needs_its_type_and_its_pledge() -> None:
    errors = _errors(Activity, _activity(kind="aid"))
    assert set(errors) == {("aid_type",), ("pledged",)}
    assert errors[("aid_type",)]["ctx"]["vi"] == "viện trợ phải ghi aid_type (project, non_project hoặc emergency)"
    assert errors[("pledged",)]["ctx"]["en"] == "aid needs pledged"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("aid_type", "emergency"),
        ("pledged", {"amount": 1, "currency": "VND"}),
        ("disbursed", {"amount": 1, "currency": "VND"}),
    ],
)
def test_aid_fields_are_refused_on_other_kinds(field: str, value: Any) -> None:
    errors = _errors(Activity, _activity(**{field: value}))
    assert list(errors) == [(field,)]
    assert errors[(field,)]["ctx"]["vi"] == f"{field} chỉ dùng cho viện trợ (kind: aid): xóa dòng này hoặc đổi kind"


@pytest.mark.parametrize("kind", ["delegation_in", "event", "training"])
def test_count_is_refused_outside_media(kind: str) -> None:
    errors = _errors(Activity, _activity(kind=kind, count=2))
    assert list(errors) == [("count",)]
    assert errors[("count",)]["ctx"]["vi"].startswith("count (số tin, bài) chỉ dùng cho tuyên truyền")


@pytest.mark.parametrize(
    ("amount", "kind"),
    [
        (0, "greater_than"),
        (-5, "greater_than"),
        (1.0, "int_type"),
        (1500.5, "int_type"),
        ("1500", "int_type"),
        (True, "int_type"),
        (10**15 + 1, "less_than_equal"),
    ],
)
def test_an_amount_is_a_strict_positive_whole_number(amount: Any, kind: str) -> None:
    errors = _errors(Money, {"amount": amount, "currency": "VND"})
    assert list(errors) == [("amount",)] and errors[("amount",)]["type"] == kind


def test_an_unknown_currency_is_refused_in_vietnamese_and_english() -> None:
    error = _errors(Money, {"amount": 5, "currency": "XYZ"})[("currency",)]
    assert error["ctx"]["vi"] == "'XYZ' không phải mã tiền tệ ISO 4217 (ví dụ VND, USD, EUR, JPY, KRW)"
    assert error["ctx"]["en"].startswith("'XYZ' is not an ISO 4217 currency code")
    assert Money.model_validate({"amount": 10**15, "currency": "USD"}).amount == 10**15


def test_a_currency_in_lowercase_is_refused_with_the_code_suggested() -> None:
    error = _errors(Money, {"amount": 5, "currency": "usd"})[("currency",)]
    assert error["ctx"] == {
        "vi": "'usd' không phải mã tiền tệ ISO 4217: viết USD",
        "en": "'usd' is not an ISO 4217 currency code: write USD",
    }


def test_an_exchange_rate_to_vnd_is_refused_for_vnd_itself() -> None:
    error = _errors(ExchangeRate, {"year": 2020, "currency": "VND", "vnd": 1})[("currency",)]
    assert error["ctx"]["vi"] == "không cần tỷ giá cho VND: chỉ ghi tỷ giá của ngoại tệ"


@pytest.mark.parametrize("vnd", [0, -1, "0"])
def test_an_exchange_rate_must_be_positive(vnd: Any) -> None:
    errors = _errors(ExchangeRate, {"year": 2020, "currency": "USD", "vnd": vnd})
    assert list(errors) == [("vnd",)] and errors[("vnd",)]["type"] == "greater_than"


@pytest.mark.parametrize("vnd", ["23150.5", 23150.5, Decimal("23150.5")])
def test_an_exchange_rate_keeps_its_decimals(vnd: Any) -> None:
    rate = ExchangeRate.model_validate({"year": 2020, "currency": "USD", "vnd": vnd, "source": "QĐ 1/NHNN"})
    assert rate.vnd == Decimal("23150.5") and isinstance(rate.vnd, Decimal)
    assert (rate.year, rate.currency, rate.source) == (2020, "USD", "QĐ 1/NHNN")


@pytest.mark.parametrize(("year", "field"), [(1899, "year"), (2201, "year")])
def test_an_exchange_rate_year_stays_within_the_plan_years(year: int, field: str) -> None:
    assert (field,) in _errors(ExchangeRate, {"year": year, "currency": "USD", "vnd": 23150})
