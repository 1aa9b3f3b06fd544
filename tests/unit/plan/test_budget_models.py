"""The funding models: an agency's estimate lines and Sở Tài chính's appraisals, what they accept and refuse."""

from __future__ import annotations

from typing import Any, get_args

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from dnnd.plan.budget_models import APPRAISER, Appraisal, AppraisalsFile, BudgetFile, BudgetLine, BudgetSource
from dnnd.plan.vocabulary import BUDGET_SOURCE_LABELS, BUDGET_SOURCES
from tests.conftest import EMBEDDED_PLAN

LINE: dict[str, Any] = {"id": 1, "task": 7, "content": "Đón tiếp đoàn", "amount": 50_000_000, "source": "khac"}


def errors(model: type[BaseModel], data: dict[str, Any]) -> dict[tuple[Any, ...], str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return {tuple(error["loc"]): error["type"] for error in caught.value.errors()}


def test_the_sources_of_the_model_are_the_vocabularys_in_the_same_order() -> None:
    assert get_args(BudgetSource) == BUDGET_SOURCES
    assert set(BUDGET_SOURCE_LABELS) == set(BUDGET_SOURCES) and len(BUDGET_SOURCES) == 5
    assert errors(BudgetLine, {**LINE, "source": "quy_khac"}) == {("source",): "literal_error"}


def test_a_line_keeps_what_it_was_given_and_leaves_the_rest_unset() -> None:
    line = BudgetLine.model_validate({**LINE, "quantity": 2, "unit": "đoàn", "unit_price": 25_000_000})
    assert (line.quantity, line.unit, line.unit_price, line.amount) == (2, "đoàn", 25_000_000, 50_000_000)
    assert line.basis is None and line.executed is None
    assert BudgetLine.model_validate({**LINE, "executed": 0}).executed == 0  # nothing spent is an amount


@pytest.mark.parametrize(
    ("model", "data", "where"),
    [
        (BudgetLine, {**LINE, "cost": 1}, ("cost",)),
        (BudgetFile, {"agency": "lhhn", "year": 2021, "lines": [LINE], "total": 1}, ("total",)),
        (Appraisal, {"agency": "lhhn", "line": 1, "appraised": 1, "reason": "x"}, ("reason",)),
        (AppraisalsFile, {"year": 2021, "appraisals": [], "by": "stc"}, ("by",)),
    ],
)
def test_an_unknown_key_is_refused(model: type[BaseModel], data: dict[str, Any], where: tuple[str]) -> None:
    assert errors(model, data) == {where: "extra_forbidden"}


@pytest.mark.parametrize("field", ["amount", "unit_price", "quantity"])
@pytest.mark.parametrize("value", [0, -5])
def test_amounts_quantities_and_prices_must_be_more_than_zero(field: str, value: int) -> None:
    assert errors(BudgetLine, {**LINE, field: value}) == {(field,): "greater_than"}


def test_an_amount_is_a_whole_number_of_dong_below_a_bound() -> None:
    assert errors(BudgetLine, {**LINE, "amount": 1.5}) == {("amount",): "int_from_float"}
    assert errors(BudgetLine, {**LINE, "amount": 10**15 + 1}) == {("amount",): "less_than_equal"}
    assert errors(BudgetLine, {**LINE, "executed": -1}) == {("executed",): "greater_than_equal"}
    assert errors(Appraisal, {"agency": "lhhn", "line": 1, "appraised": -1}) == {("appraised",): "greater_than_equal"}


def test_an_estimate_needs_a_line_an_agency_id_and_a_year_in_the_calendar() -> None:
    assert errors(BudgetFile, {"agency": "lhhn", "year": 2021, "lines": []}) == {("lines",): "too_short"}
    assert errors(BudgetFile, {"agency": "LHHN", "year": 2021, "lines": [LINE]}) == {
        ("agency",): "string_pattern_mismatch"
    }
    assert errors(BudgetFile, {"agency": "lhhn", "year": 1899, "lines": [LINE]}) == {("year",): "greater_than_equal"}
    assert AppraisalsFile.model_validate({"year": 2021}).appraisals == []


@pytest.mark.parametrize("model", [BudgetLine, BudgetFile, Appraisal, AppraisalsFile])
def test_every_field_is_described_in_vietnamese(model: type[BaseModel]) -> None:
    undescribed = [name for name, field in model.model_fields.items() if not field.description]
    assert undescribed == []
    assert all(not field.description.isascii() for field in model.model_fields.values() if field.description)


def test_the_appraiser_is_the_embedded_plans_department_of_finance() -> None:
    agencies = yaml.safe_load((EMBEDDED_PLAN / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]
    assert [agency["name"] for agency in agencies if agency["id"] == APPRAISER] == ["Sở Tài chính"]
