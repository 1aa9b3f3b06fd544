"""The one module that reads and writes YAML: read safe, bounded, NFC, duplicate keys refused, positions kept.

Plain scalars are resolved by a small schema of our own instead of YAML 1.1's: `no`, `on`, `0123`
and `1:30` stay text, so a phone number or a status word is never silently turned into something
else. Only `null`/`~`/empty, `true`/`false` and decimal integers without leading zeros are typed;
every other plain scalar is a string (a date stays text until a model field parses it as YYYY-MM-DD).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from dnnd.errors import DataError, Problem
from dnnd.load.decoding import FORBIDDEN, MAX_PROBLEMS_PER_FILE, decode_text, problem_at

if TYPE_CHECKING:
    import yaml

MAX_DEPTH = 32
MAX_NODES = 200_000


@functools.cache
def _loader() -> type:
    """PyYAML's loader, imported on the first file parsed: a run served by the snapshot parses none (25 ms)."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc]
        """Composes nodes only; every plain scalar keeps the default string tag until we resolve it."""

        yaml_implicit_resolvers: ClassVar[dict[str, Any]] = {}

    return Loader


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,17})")
Path = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """Parsed YAML data with the line and column (1-based) of every value and key."""

    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """Position of `loc`, or of its nearest ancestor that exists in the file."""
        if key and loc in self.keys:
            return self.keys[loc]
        path = tuple(loc)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (None, None))


_SYNTAX_HINTS = (
    ("'\\t'", "dùng dấu cách để thụt lề, không dùng phím Tab", "indent with spaces, not tabs"),
    (
        "mapping values are not allowed",
        "nếu nội dung có dấu ':' hãy đặt cả giá trị trong ngoặc kép \"...\"",
        "if the text contains ':' put the whole value in double quotes \"...\"",
    ),
    (
        "could not find expected ':'",
        "mỗi dòng dạng 'khóa: giá trị' cần dấu ':' sau tên khóa",
        "each 'key: value' line needs a ':' after the key",
    ),
    (
        "expected <block end>",
        "kiểm tra thụt lề: các khóa cùng cấp phải thẳng cột với nhau",
        "check the indentation: keys at the same level must line up",
    ),
    (
        "while parsing a flow",
        "có dấu ngoặc '[' hoặc '{' mà chưa đóng, hoặc thiếu dấu ',' giữa các mục",
        "a '[' or '{' is not closed, or a ',' is missing between items",
    ),
    (
        "did not find expected",
        "kiểm tra thụt lề và dấu '-' đầu mỗi mục của danh sách",
        "check the indentation and the '-' that starts each list item",
    ),
    ("end of stream", "có dấu ngoặc kép hoặc ngoặc mở mà chưa đóng", "a quote or bracket is opened but not closed"),
    (
        "expected a single document",
        "tệp chỉ được có một tài liệu: xóa dòng '---' thứ hai",
        "the file must hold one document: remove the second '---' line",
    ),
    ("maximum nesting depth", "cấu trúc lồng quá sâu", "the structure is nested too deeply"),
)


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column of `text`, or '' if there is none."""
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _only_blank_after(text: str, line: int, column: int) -> bool:
    """Whether nothing but white space follows a 0-based line and column of `text`."""
    lines = text.split("\n")
    return line >= len(lines) or not (lines[line][column:].strip() or any(rest.strip() for rest in lines[line + 1 :]))


def _syntax_problem(rel: str, exc: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    detail = " ".join(str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part)
    detail = detail or str(exc)
    vi_hint, en_hint = "kiểm tra dòng này và dòng ngay trên nó", "check this line and the one above it"
    # libyaml, unlike PyYAML, does not name the tab it stopped at
    at_tab = mark is not None and _char_at(text, mark.line, mark.column) == "\t"
    detail_for_hints = "'\\t'" if at_tab else detail
    for needle, vi, en in _SYNTAX_HINTS:
        if needle in detail_for_hints:
            vi_hint, en_hint = vi, en
            break
    # Point at the line to fix: where an unclosed quote or bracket opened (not at the end of the file), or
    # the line that lacks its ':' (libyaml reports the line after it).
    start = getattr(exc, "context_mark", None)
    if (
        mark is not None
        and start is not None
        and (
            _only_blank_after(text, mark.line, mark.column)
            or getattr(exc, "context", "") == "while scanning a simple key"
        )
    ):
        mark = start
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return problem_at(  # Vietnamese first; the parser's own English words last, for whoever helps the clerk
        rel,
        line,
        column,
        f"lỗi cú pháp YAML: {vi_hint} (thông báo gốc: {detail})",
        f"YAML syntax error ({detail}): {en_hint}",
    )


def _resolve_plain(value: str) -> Any:
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _INT.fullmatch(value):
        return int(value)
    return value


class _Builder:
    """Turns a composed node tree into Python data, recording positions and refusing what is unsafe."""

    def __init__(self, rel: str) -> None:
        import yaml

        self.rel = rel
        self.doc = YamlDocument(None)
        self.problems: list[Problem] = []
        self.nodes = 0
        self.scalar, self.sequence, self.mapping = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode

    def fail(self, node: yaml.Node, vi: str, en: str) -> None:
        self.problems.append(problem_at(self.rel, node.start_mark.line + 1, node.start_mark.column + 1, vi, en))

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooBig(node)
        if len(path) > MAX_DEPTH:
            self.fail(node, f"cấu trúc lồng quá sâu (hơn {MAX_DEPTH} cấp)", f"nested more than {MAX_DEPTH} levels")
            return None
        self.doc.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, self.scalar):
            if node.tag != _STR:
                self.fail(
                    node,
                    f"thẻ YAML '{node.tag}' không được dùng: hãy bỏ nó và viết giá trị thường",
                    f"YAML tag '{node.tag}' is not allowed: remove it and write a plain value",
                )
                return None
            if not node.style:  # plain: None (Python) or "" (libyaml)
                return _resolve_plain(node.value)
            bad = FORBIDDEN.search(node.value)
            if bad is not None:
                code = f"U+{ord(bad.group()):04X}"
                self.fail(
                    node,
                    f"giá trị chứa ký tự điều khiển {code} (viết bằng mã thoát trong ngoặc kép): hãy xóa mã thoát đó",
                    f"the value contains control character {code} (written as an escape in quotes): remove it",
                )
                return None
            return node.value
        if isinstance(node, self.sequence):
            if node.tag != _SEQ:
                self.fail(node, f"thẻ YAML '{node.tag}' không được dùng", f"YAML tag '{node.tag}' is not allowed")
                return None
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        if node.tag != _MAP or not isinstance(node, self.mapping):
            self.fail(node, f"thẻ YAML '{node.tag}' không được dùng", f"YAML tag '{node.tag}' is not allowed")
            return None
        return self.build_mapping(node, path)

    def build_mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, self.scalar):
                self.fail(
                    key_node,
                    "khóa phải là một từ đơn giản, không phải danh sách hay bảng",
                    "a key must be a plain word, not a list or mapping",
                )
                continue
            key = key_node.value
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = self.doc.keys[(*path, key)][0]
                self.fail(
                    key_node,
                    f"khóa '{key}' lặp lại (đã có ở dòng {first}); chỉ giữ một lần và gộp nội dung vào đó, "
                    "nếu không một trong hai sẽ bị mất",
                    f"key '{key}' appears twice (first on line {first}); keep it once and merge the "
                    "content, otherwise one of them would be lost",
                )
                continue
            self.doc.keys[(*path, key)] = where
            result[key] = self.build(value_node, (*path, key))
        return result


class _TooBig(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


def parse_yaml(text: str, rel: str) -> YamlDocument:
    """Parse one YAML document from NFC text; raises DataError listing every problem found."""
    import yaml

    try:
        root = yaml.compose(text, Loader=_loader())
    except yaml.YAMLError as exc:
        raise DataError([_syntax_problem(rel, exc, text)]) from None
    except RecursionError:
        raise DataError(
            [problem_at(rel, None, None, "cấu trúc lồng quá sâu", "the structure is nested too deeply")]
        ) from None
    builder = _Builder(rel)
    if root is not None:
        try:
            builder.doc.data = builder.build(root, ())
        except _TooBig as exc:
            builder.fail(
                exc.node,
                f"tệp có quá nhiều giá trị (hơn {MAX_NODES:,}, có thể do bí danh '*' lồng nhau)",
                f"the file has too many values (more than {MAX_NODES:,}, perhaps nested '*' aliases)",
            )
    if builder.problems:
        raise DataError(builder.problems[:MAX_PROBLEMS_PER_FILE])
    return builder.doc


def load_yaml(raw: bytes, rel: str) -> YamlDocument:
    """Decode and parse the bytes of one file named `rel` (used in messages)."""
    return parse_yaml(decode_text(raw, rel), rel)


def dump_yaml(data: Any, *, width: int = 80) -> str:
    """YAML text of a file dnnd writes: block style, letters as they are (not escaped), keys in their order,
    lines folded at `width`."""
    import yaml

    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=width)
    return text


def text_value(text: str, indent: int) -> list[str]:
    """A text as the value of a key in a file dnnd writes for people to edit: the first element follows the
    key ('|-', or the text quoted), the others are the lines of a literal block indented by `indent` spaces.
    A block is used only when it reads back as the very same text; anything else is quoted."""
    if text.strip():
        block = ["|-", *(f"{' ' * indent}{line}" if line else "" for line in text.split("\n"))]
        try:  # read back as dnnd reads files (libyaml refuses a tab where pure-Python YAML takes it)
            if parse_yaml("key: " + "\n".join(block), "").data == {"key": text}:
                return block
        except DataError:
            pass
    return [quoted(text)]


def quoted(text: str) -> str:
    """A text as one double-quoted YAML scalar (JSON's escapes, letters as they are)."""
    return _UNSAFE_IN_QUOTES.sub(lambda found: f"\\u{ord(found[0]):04x}", json.dumps(text, ensure_ascii=False))


# what a JSON string may hold raw but YAML reads otherwise (line breaks) or refuses (not printable)
_UNSAFE_IN_QUOTES = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
