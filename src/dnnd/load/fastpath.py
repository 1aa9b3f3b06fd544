"""A fast path for parsing plain update files, used only where it provably gives what `yamlio` gives.

`fast_yaml` (Rust) builds Python objects about five times faster than PyYAML's C loader, but it
follows the YAML 1.2 core schema, keeps the last of duplicate keys silently, drops tags and knows
nothing of positions. So a file takes this path only when:

- its text has no anchors, aliases, tags, directives, document markers, merge keys or explicit keys or values,
  no flow collection other than a one-line `key: [a, b]` or `key: {k: v, k2: v2}` of plain words and
  whole numbers (what activities are written with: `countries: [JP, KR]`, `pledged: {amount: 1500000000,
  currency: VND}`), and no plain value that YAML 1.2 would read as a number where our schema keeps text
  (leading zeros, hex, octal, floats, infinities);
- the result has only text keys, no floats, no integer of 19 digits or more, and no forbidden
  control character written as an escape;
- the text has exactly as many keys (lines holding a key, and the keys of one-line flow mappings) as
  the result has: never fewer than key occurrences, and a duplicate key leaves fewer keys than occurrences.

Anything else, and any file that then fails validation, goes through `yamlio` (positions, messages).
"""

from __future__ import annotations

import re
from typing import Any

from dnnd.load.decoding import FORBIDDEN

_fast_yaml: Any = None
_loaded = False


def _parser() -> Any:
    """fast_yaml, imported on first use (commands that read no update file never pay for it); None without it."""
    global _fast_yaml, _loaded
    if not _loaded:
        _loaded = True
        try:
            import fast_yaml as module
        except ImportError:  # pragma: no cover - the fast path is an optimisation, never a requirement
            module = None  # type: ignore[assignment]
        _fast_yaml = module
    return _fast_yaml


_BRACKET = re.compile(r"[\[{]")
# The flow collections the fast path takes: on one line after a plain key, of plain words and numbers only.
_SAFE_FLOW = re.compile(
    r"[ \t]*(?:-[ \t]+)*[A-Za-z_][A-Za-z0-9_]*:[ \t]+(?:\[(?P<seq>[^\[\]{}\n#'\"&*!|>%@`:]*)\]"
    r"|\{(?P<map>[^\[\]{}\n#'\"&*!|>%@`]*)\})[ \t]*"
)
_FLOW_KEY = re.compile(r"[ \t]*[A-Za-z_][A-Za-z0-9_]*:[ \t]+[^ \t:][^:]*")
_NODE_MARKS = re.compile(r"(?:^|\s)[&*!]")  # anchors, aliases, tags
_NUMBER = r"[-+]?(?:0[0-9xXoObB_]|[0-9][0-9_]*[.eE]|\.[0-9]|\.(?:inf|nan|Inf|NaN|INF|NAN))"
_RISKY_VALUE = re.compile(r":[ \t]+" + _NUMBER)
_RISKY_SCALAR = re.compile(_NUMBER)
# The patterns below look at the start of each line: they search the text with a line break put before it, so
# that the regular expression engine skips from line break to line break instead of trying every position.
_RISKY_ITEM = re.compile(r"\n[ \t]*(?:-[ \t]+)+" + _NUMBER)
# Every line that holds a key (and maybe more): never fewer lines than key occurrences. A line that opens a
# document, holds a directive, or an explicit key or value (`? k`, `: v`), is captured: the path declines it.
_KEY_LINE = re.compile(
    r"\n(?:(---|\.\.\.|%)|[ \t]*(?:-[ \t]+)*(?:([?:])(?:[ \t]|$)|[^ \t#\n][^\n]*:(?:[ \t]|$)))", re.MULTILINE
)
_ORDINARY = ("", "")  # what _KEY_LINE captures of an ordinary key line
_LARGEST_INT = 10**18


def _flow_keys(text: str) -> int | None:
    """How many keys the text's flow mappings hold, or None when it has a flow collection the fast path does
    not take (on several lines, nested, quoted, or holding a number our schema would read otherwise)."""
    keys = 0
    for found in _BRACKET.finditer(text):
        at = found.start()
        before = at - 1
        while before >= 0 and text[before] in " \t":
            before -= 1
        # a flow collection opens a line or follows ': ' or '- '; a bracket elsewhere is text to both parsers
        # (in a plain scalar, a block scalar or a comment)
        if before >= 0 and text[before] != "\n" and (before == at - 1 or text[before] not in ":-"):
            continue
        start = text.rfind("\n", 0, at) + 1
        if text[start:at].lstrip(" \t").startswith("#"):
            continue  # a comment line (or a line of text in a block scalar): no flow collection to either parser
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if text[at + 1 : end].rstrip(" \t") == ("]" if text[at] == "[" else "}"):
            continue  # an empty [] or {} ending its line
        line = _SAFE_FLOW.fullmatch(text, start, end)
        if line is None:
            return None
        items = (line["seq"] if line["map"] is None else line["map"]).split(",")
        if line["map"] is not None:
            if not all(_FLOW_KEY.fullmatch(item) for item in items):
                return None
            items = [item.split(":", 1)[1] for item in items]
            keys += len(items)
        if not all(item.strip() and not _RISKY_SCALAR.match(item.strip()) for item in items):
            return None
    return keys


def _screened_out(lines: str) -> bool:
    """True when the text (`lines`: with a line break put before it) uses YAML that the fast parser might read
    differently from ours, beyond what `_KEY_LINE` catches (flow collections are screened by `_flow_keys`)."""
    if ("&" in lines or "*" in lines or "!" in lines) and _NODE_MARKS.search(lines):
        return True
    if "<" in lines and "<<" in lines:
        return True
    return bool(_RISKY_VALUE.search(lines) or _RISKY_ITEM.search(lines))


def _keys(data: Any, escapes: bool) -> int | None:
    """How many keys `data` holds, or None when it holds what our own schema could not have produced:
    a key that is not text, a float, an integer of 19 digits or more, or (when the text has escapes,
    the only way a clean text yields one) a forbidden control character.

    A loop over a stack with exact type checks: this runs on every node of every update file."""
    total = 0
    stack = [data]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        item = pop()
        kind = type(item)
        if kind is dict:
            total += len(item)
            for key, value in item.items():
                if type(key) is not str or (escapes and FORBIDDEN.search(key)):
                    return None
                push(value)
        elif kind is list:
            extend(item)
        elif kind is str:
            if escapes and FORBIDDEN.search(item):
                return None
        elif kind is int:
            if not -_LARGEST_INT < item < _LARGEST_INT:
                return None
        elif item is not None and kind is not bool:
            return None
    return total


def parse(text: str) -> Any | None:
    """The data of an NFC, control-free YAML text, or None when the fast path cannot vouch for it."""
    parser = _parser()
    if "\r" in text:  # Windows line endings: YAML reads CRLF as LF, and the screens below look for LF alone
        text = text.replace("\r\n", "\n")
        if "\r" in text:  # a lone CR is a line break to YAML but not to these screens
            return None
    lines = "\n" + text
    if parser is None or _screened_out(lines):
        return None
    key_lines = _KEY_LINE.findall(lines)
    if key_lines and max(key_lines) != _ORDINARY:  # a document marker, a directive, an explicit key or value
        return None
    flow_keys = _flow_keys(text) if "[" in text or "{" in text else 0
    if flow_keys is None:
        return None
    try:
        data = parser.safe_load(text)
    except Exception:
        return None
    # As many key lines as keys: each key line holds at most one key, and a duplicate key would have left
    # fewer keys than its lines (this also rejects scalars that span lines holding ': ').
    if not isinstance(data, dict) or _keys(data, "\\" in text) != len(key_lines) + flow_keys:
        return None
    return data
