"""What every model is built from: the base model, the constrained types, the literals and the bilingual error."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

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

# What pydantic's strip_whitespace strips: Unicode's White_Space (str.strip() would strip U+001C-U+001F too).
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)


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


# bounds checked by pydantic itself (no Python call per date: update files hold tens of thousands)
Day = Annotated[dt.date, Field(ge=dt.date(FIRST_YEAR, 1, 1), le=dt.date(LAST_YEAR, 12, 31))]
MAX_WITHIN_DAYS = 36_500  # a hundred years: beyond it a deadline would leave the calendar dnnd computes with


class Model(BaseModel):
    """Base of every model: unknown keys are refused; numbers typed where text is expected stay text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, defer_build=True)
