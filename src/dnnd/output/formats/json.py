"""The `json` format: one JSON document, with real Vietnamese letters and dates as ISO strings."""

from __future__ import annotations

import json
from typing import Any

from dnnd.output.console import write_raw
from dnnd.output.formats import Tabular
from dnnd.output.notices import print_notices


def to_json(value: Any) -> str:
    """JSON with real Vietnamese letters (not \\u escapes), dates as ISO strings."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def write(result: Tabular, lang: str) -> None:
    print_notices(result.notices(lang))
    write_raw(to_json(result.document()) + "\n")
