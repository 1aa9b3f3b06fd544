"""Building the problems checks report: where in a file (from its document's positions), and the phrases
several checks share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from dnnd.errors import Problem
from dnnd.i18n import Text

if TYPE_CHECKING:
    from dnnd.load.yamlio import YamlDocument
    from dnnd.plan.models import Agency


def at(doc: YamlDocument, rel: str, loc: tuple[str | int, ...], field: str, message: Text) -> Problem:
    """A problem at the position of `loc` in the document (or of its nearest ancestor in the file)."""
    line, column = doc.locate(loc)
    return Problem(rel, line, column, field, message)


def known_list(known: Iterable[str]) -> str:
    return ", ".join(sorted(known))


def numbers(ids: Iterable[int]) -> str:
    return ", ".join(str(number) for number in sorted(ids))


def duplicate_ids(
    ids: Sequence[object], doc: YamlDocument, rel: str, section: str, message: Callable[[Any, int | None], Text]
) -> list[Problem]:
    """A problem at each `section[i].id` that repeats an earlier one; `message` names the value and its first line."""
    problems = []
    seen: dict[object, int] = {}
    for index, value in enumerate(ids):
        if value in seen:
            first = doc.locate((section, seen[value]))[0]
            problems.append(at(doc, rel, (section, index, "id"), f"{section}[{index}].id", message(value, first)))
        else:
            seen[value] = index
    return problems


def unknown_agency(agency_id: str, agencies: Mapping[str, Agency]) -> Text:
    return Text(
        f"không có cơ quan mã '{agency_id}' trong plan/agencies.yaml; các mã hiện có: {known_list(agencies)}",
        f"no agency with id '{agency_id}' in plan/agencies.yaml; known ids: {known_list(agencies)}",
    )
