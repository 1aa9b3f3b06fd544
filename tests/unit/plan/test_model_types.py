"""The building blocks of the plan models: the bilingual error, the base model and the period patterns."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError, field_validator
from pydantic_core import PydanticCustomError

from dnnd.plan.model_types import (
    PERIOD_PATTERN,
    QUARTER_PATTERN,
    Model,
    NonEmpty,
    Optional,
    OptionalText,
    Text,
    bilingual_error,
)


class _Sample(Model):
    name: str
    size: int = 0


def test_a_bilingual_error_carries_both_texts_and_reads_in_english() -> None:
    error = bilingual_error("ngày kết thúc trước ngày bắt đầu", "the end is before the start")
    assert isinstance(error, PydanticCustomError)
    assert error.type == "dnnd"
    assert error.context == {"vi": "ngày kết thúc trước ngày bắt đầu", "en": "the end is before the start"}
    assert error.message() == "the end is before the start"


def test_a_bilingual_error_raised_in_a_validator_reaches_the_validation_error() -> None:
    class _Checked(Model):
        name: str

        @field_validator("name")
        @classmethod
        def _not_empty(cls, value: str) -> str:
            if not value:
                raise bilingual_error("không được để trống", "must not be empty")
            return value

    with pytest.raises(ValidationError) as caught:
        _Checked.model_validate({"name": ""})
    (error,) = caught.value.errors()
    assert error["type"] == "dnnd" and error["loc"] == ("name",) and error["msg"] == "must not be empty"
    assert error.get("ctx") == {"vi": "không được để trống", "en": "must not be empty"}


def test_the_base_model_refuses_unknown_keys() -> None:
    with pytest.raises(ValidationError) as caught:
        _Sample.model_validate({"name": "x", "colour": "red"})
    (error,) = caught.value.errors()
    assert error["type"] == "extra_forbidden" and error["loc"] == ("colour",)


@pytest.mark.parametrize(("written", "kept"), [(5, "5"), (2020, "2020"), (1.5, "1.5"), ("Lào", "Lào")])
def test_numbers_written_where_text_is_expected_stay_text(written: object, kept: str) -> None:
    sample = _Sample.model_validate({"name": written})
    assert sample.name == kept and isinstance(sample.name, str)


@pytest.mark.parametrize("period", ["2020-Q3", "2020-Q1", "1900-Q4", "2200-Q2"])
def test_the_quarter_pattern_accepts_quarters_of_the_plan_years(period: str) -> None:
    assert re.fullmatch(QUARTER_PATTERN, period)
    assert re.fullmatch(PERIOD_PATTERN, period)


@pytest.mark.parametrize("period", ["2020-Q5", "2020-Q0", "1899-Q1", "2201-Q1", "2020-q3", "2020", "2020-H1", "20-Q1"])
def test_the_quarter_pattern_refuses_anything_else(period: str) -> None:
    assert re.search(QUARTER_PATTERN, period) is None


@pytest.mark.parametrize("period", ["2020-Q3", "2020-H1", "2020-H2", "2020", "1900", "2200-H2"])
def test_the_period_pattern_accepts_quarters_halves_and_years(period: str) -> None:
    assert re.search(PERIOD_PATTERN, period)


@pytest.mark.parametrize("period", ["2020-Q5", "1899-Q1", "1899", "2201", "2020-H3", "2020-h1", "2020-", "2020-Q3x"])
def test_the_period_pattern_refuses_anything_else(period: str) -> None:
    assert re.search(PERIOD_PATTERN, period) is None


class _Texts(Model):
    short: NonEmpty
    long: Text
    maybe: Optional = None
    long_maybe: OptionalText = None


@pytest.mark.parametrize("space", [" ", "\t", "\n", "\xa0", "\u2003", "\u3000", "\x1f", "\u200b"])
def test_long_texts_are_stripped_as_pydantic_strips_short_ones(space: str) -> None:
    text = f"{space}Đã làm.{space}"
    read = _Texts.model_validate({"short": text, "long": text, "maybe": text, "long_maybe": text})
    assert read.long == read.short and read.long_maybe == read.maybe


def test_a_long_text_of_spaces_only_is_refused_as_a_short_one_is() -> None:
    with pytest.raises(ValidationError) as long:
        _Texts.model_validate({"short": "x", "long": " \n "})
    with pytest.raises(ValidationError) as short:
        _Texts.model_validate({"short": " \n ", "long": "x"})
    assert [(e["type"], e["msg"], e["ctx"]) for e in long.value.errors()] == [
        (e["type"], e["msg"], e["ctx"]) for e in short.value.errors()
    ]
