"""The `json` format: one JSON document, with real Vietnamese letters and dates as ISO strings."""

from __future__ import annotations

import json
from typing import Any

from dnnd.output.console import write_raw
from dnnd.output.formats import Tabular
from dnnd.output.notices import print_notices


def _plain(value: Any) -> Any:
    """What orjson does not write itself: named tuples as lists (as json writes every tuple), the rest as text."""
    return list(value) if isinstance(value, tuple) else str(value)


def to_json(value: Any) -> str:
    """JSON with real Vietnamese letters (not \\u escapes), dates as ISO strings, laid out as json.dumps
    with indent=2 lays it out. Written by orjson: a quarter's list of activities runs to thousands of
    entries, which the standard library's indenting encoder (pure Python) takes a second to write."""
    import orjson

    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS, default=_plain).decode()
    except TypeError:  # an integer beyond 64 bits: the standard library writes any
        return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def write(result: Tabular, lang: str) -> None:
    print_notices(result.notices(lang))
    write_raw(to_json(result.document()) + "\n")
