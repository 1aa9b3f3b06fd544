"""What the models check beyond their types, and what they tell of themselves, without pydantic.

The pydantic models run these rules through `model_types.rule_validator` and `model_rule`, and take the facts
as mixins; `load.light_reader` runs the same rules on the plan files it reads without pydantic (a first
`dnnd validate` would otherwise spend most of its time building pydantic's validators). A field's rule
returns the value it was given, or the value as the model keeps it; a model's rule returns nothing; both
raise `RuleBroken` with both languages' words.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dnnd.plan.vocabulary import NON_REPORTING_KINDS

# What a forge's "new file" pattern may name: the repository's web URL, the branch, the file's path in the
# repository, its folder and its name (for a forge that wants the folder in the URL's path and the name in the
# query), and its text.
PLACEHOLDERS = ("url", "branch", "path", "dir", "name", "text")
# What pydantic's strip_whitespace strips: Unicode's White_Space (str.strip() would strip U+001C-U+001F too).
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)
_REPOSITORY_URL = re.compile(r"https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\s?#]*)?")


class RuleBroken(Exception):
    """A rule's verdict on a value, in Vietnamese and English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


def day_of_the_year(due: str | None) -> str | None:
    """A budget's due day (MM-DD, pattern checked already) is a day of some year."""
    if due is not None:
        month, day = (int(part) for part in due.split("-"))
        try:
            dt.date(2000, month, day)  # a leap year: 02-29 is a day of some years
        except ValueError:
            raise RuleBroken(f"không có ngày {due} trong năm", f"no year has a day {due}") from None
    return due


def one_rate_per_year(rates: list[Any]) -> list[Any]:
    """Exchange rates: one per year and currency."""
    seen: set[tuple[int, str]] = set()
    for rate in rates:
        if (rate.year, rate.currency) in seen:
            raise RuleBroken(
                f"tỷ giá {rate.currency} năm {rate.year} được ghi hai lần: giữ một mục",
                f"the {rate.currency} rate of {rate.year} is given twice: keep one",
            )
        seen.add((rate.year, rate.currency))
    return rates


def schedule_fields_match_kind(schedule: Any) -> None:
    """An explicit schedule gives exactly the keys its kind takes."""
    wanted = {"ongoing": set(), "once": {"due"}, "yearly": {"month"}}[schedule.kind]
    allowed = wanted | ({"day"} if schedule.kind == "yearly" else set())
    given = {name for name in ("due", "month", "day") if getattr(schedule, name) is not None}
    if not wanted <= given or not given <= allowed:
        need = ", ".join(sorted(wanted)) or "(không cần khóa nào)"
        raise RuleBroken(
            f"lịch kind {schedule.kind} cần đúng các khóa: {need}"
            + (" (và day nếu có)" if schedule.kind == "yearly" else ""),
            f"schedule kind {schedule.kind} takes exactly: {need}"
            + (" (and optionally day)" if schedule.kind == "yearly" else ""),
        )


def pattern_fields(pattern: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """The (literal, field, format spec, conversion) parts of a forge's URL pattern, as str.format reads it."""
    return [
        (literal, field, spec, conversion) for literal, field, spec, conversion in string.Formatter().parse(pattern)
    ]


def https_repository(url: str) -> str:
    """A forge's repository address: https, without a trailing '/', '?', '#' or spaces."""
    url = url.strip().rstrip("/")
    if not _REPOSITORY_URL.fullmatch(url):
        raise RuleBroken(
            f"'{url}' không phải địa chỉ https của kho, ví dụ https://github.com/to-chuc/kho (không có ?, #, "
            "khoảng trắng)",
            f"'{url}' is not the https address of a repository, e.g. https://github.com/org/repo (no ?, # or spaces)",
        )
    return url


def known_placeholders(pattern: str) -> str:
    """A forge's "new file" pattern names only known placeholders, begins with {url} and names the file."""
    known = " ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    unknown = RuleBroken(
        f"mẫu '{pattern}' có chỗ thay thế không dùng được; chỉ dùng {known} (dấu ngoặc nhọn khác viết {{{{ và }}}})",
        f"the pattern '{pattern}' has a placeholder that cannot be used; use only {known} (write other braces "
        "as {{ and }})",
    )
    try:
        parts = pattern_fields(pattern)
    except ValueError:  # a brace left open or alone
        raise unknown from None
    if any(
        field is not None and (field not in PLACEHOLDERS or spec or conversion) for _, field, spec, conversion in parts
    ):
        raise unknown
    named = {field for _, field, _, _ in parts}
    if not pattern.startswith("{url}") or not named & {"path", "name"}:
        raise RuleBroken(
            f"mẫu '{pattern}' phải bắt đầu bằng {{url}} và có {{path}} (hoặc {{name}})",
            f"the pattern '{pattern}' must begin with {{url}} and hold {{path}} (or {{name}})",
        )
    return pattern


class AgencyFacts:
    """What an agency tells of itself (a mixin of the model and of its light form)."""

    __slots__ = ()
    if TYPE_CHECKING:  # the model's field (an annotation here would put it first among the model's fields)
        kind: str

    @property
    def reports(self) -> bool:
        """Whether the agency itself submits updates (groups and external bodies do not)."""
        return self.kind not in NON_REPORTING_KINDS


class ForgeFacts:
    """What a forge tells of itself (a mixin of the model and of its light form)."""

    __slots__ = ()
    if TYPE_CHECKING:
        new_file: str

    @property
    def fills_text(self) -> bool:
        """Whether the forge's page opens with the file's text filled in (the pattern has {text})."""
        return any(field == "text" for _, field, _, _ in pattern_fields(self.new_file))


RULES: dict[str, Callable[[Any], Any]] = {
    rule.__name__: rule
    for rule in (day_of_the_year, one_rate_per_year, schedule_fields_match_kind, https_repository, known_placeholders)
}
FACTS: dict[str, tuple[type, ...]] = {"Agency": (AgencyFacts,), "Forge": (ForgeFacts,)}
