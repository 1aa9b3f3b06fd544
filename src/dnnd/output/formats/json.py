"""The `json` format: one JSON document, with real Vietnamese letters and dates as ISO strings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dnnd.output.formats import Tabular, write_text
from dnnd.output.notices import print_notices


def _plain(value: Any) -> Any:
    """What orjson does not write itself: named tuples as lists (as json writes every tuple), the rest as text."""
    return list(value) if isinstance(value, tuple) else str(value)


# Past this many values a document is written by orjson: the standard library's indenting encoder is pure
# Python (a quarter's 6,000 activities take it a second), but orjson's library adds 3.5 MiB to a process,
# which a status of 60 tasks, written in a millisecond either way, need not carry.
LARGE = 5_000


def _large(value: Any) -> bool:
    """Whether the document holds more than LARGE values (counting stops there)."""
    seen, stack = 0, [value]
    while stack:
        item = stack.pop()
        seen += 1
        if seen > LARGE:
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


def to_json(value: Any) -> str:
    """JSON with real Vietnamese letters (not \\u escapes), dates as ISO strings, laid out as json.dumps
    with indent=2 lays it out (orjson for a large document, the same text)."""
    if _large(value):
        import orjson

        try:
            return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS, default=_plain).decode()
        except TypeError:  # an integer beyond 64 bits: the standard library writes any
            pass
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def write(result: Tabular, lang: str, output: Path | None) -> None:
    print_notices(result.notices(lang))
    write_text(to_json(result.document()) + "\n", output, lang)
