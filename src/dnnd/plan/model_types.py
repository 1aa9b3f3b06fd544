"""What every model is built from: the base model, the constrained types, the literals and the bilingual error."""

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from dnnd.plan.model_rules import RULES, WHITE_SPACE, RuleBroken
from dnnd.plan.periods import FIRST_YEAR, LAST_YEAR

AGENCY_ID_PATTERN = r"^[a-z][a-z0-9]*$"
_YEAR = r"(19[0-9]{2}|2[01][0-9]{2}|2200)"  # FIRST_YEAR to LAST_YEAR
QUARTER_PATTERN = rf"^{_YEAR}-Q[1-4]$"

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Optional = Annotated[str | None, StringConstraints(strip_whitespace=True)]
AgencyId = Annotated[str, StringConstraints(pattern=AGENCY_ID_PATTERN)]
EVENT_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
PERIOD_PATTERN = rf"^{_YEAR}(-Q[1-4]|-H[12])?$"
Reviewer = Annotated[str, StringConstraints(pattern=r"^@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$")]
EventId = Annotated[str, StringConstraints(pattern=EVENT_ID_PATTERN)]


def _stripped(text: str) -> str:
    text = text.strip(WHITE_SPACE)
    if not text:
        raise PydanticCustomError(
            "string_too_short", "String should have at least {min_length} character", {"min_length": 1}
        )
    return text


def _stripped_or_none(text: str | None) -> str | None:
    return None if text is None else text.strip(WHITE_SPACE)


# An entry's texts, hundreds of letters each: NonEmpty and Optional as pydantic reads them, stripped by Python,
# which returns a text with nothing to strip as it is (pydantic makes a copy of every text through UTF-8).
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_stripped)]
OptionalText = Annotated[str | None, AfterValidator(_stripped_or_none)]

# Written out for pydantic and the JSON Schemas; plan.vocabulary holds the same codes with their labels.
EntryStatus = Literal["not_started", "in_progress", "done", "blocked"]
AgencyKind = Literal[
    "department", "party", "front", "association", "press", "office", "council", "local", "group", "external"
]
ActivityKind = Literal["delegation_in", "delegation_out", "event", "aid", "agreement", "training", "media", "other"]
AidType = Literal["project", "non_project", "emergency"]


def bilingual_error(vi: str, en: str) -> PydanticCustomError:
    """A validation error whose message the CLI can print in either language."""
    return PydanticCustomError("dnnd", en, {"vi": vi, "en": en})


def rule_validator(rule: Callable[[Any], Any]) -> Any:
    """A field validator (for `field_validator`) running a rule of `model_rules`; the light reader of plan files
    (`load.light_reader`) finds the rule by the name it carries and runs the same function."""
    assert RULES[rule.__name__] is rule

    def validate(cls: type, value: Any) -> Any:
        try:
            return rule(value)
        except RuleBroken as broken:
            raise bilingual_error(broken.vi, broken.en) from None

    validate.__rule__ = rule.__name__  # type: ignore[attr-defined]
    return classmethod(validate)


def model_rule(rule: Callable[[Any], None]) -> Any:
    """A model validator (for `model_validator(mode="after")`) running a rule of `model_rules` on the model."""
    assert RULES[rule.__name__] is rule

    def validate(self: Any) -> Any:
        try:
            rule(self)
        except RuleBroken as broken:
            raise bilingual_error(broken.vi, broken.en) from None
        return self

    validate.__rule__ = rule.__name__  # type: ignore[attr-defined]
    return validate


# bounds checked by pydantic itself (no Python call per date: update files hold tens of thousands)
Day = Annotated[dt.date, Field(ge=dt.date(FIRST_YEAR, 1, 1), le=dt.date(LAST_YEAR, 12, 31))]
MAX_WITHIN_DAYS = 36_500  # a hundred years: beyond it a deadline would leave the calendar dnnd computes with


class Model(BaseModel):
    """Base of every model: unknown keys are refused; numbers typed where text is expected stay text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, defer_build=True)
