"""Turn pydantic's validation errors into Problems a clerk can act on: where, what, and what to write."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from dnnd.errors import DataError, Problem
from dnnd.i18n import Text
from dnnd.load.yamlio import YamlDocument
from dnnd.plan.periods import FIRST_YEAR, LAST_YEAR
from dnnd.plan.vocabulary import (
    ACTIVITY_KIND_LIST,
    AID_TYPE_LABELS,
    ENTRY_STATUS_LABELS,
    ENTRY_STATUS_WORDS,
    KIND_LABELS,
    code_named,
)

M = TypeVar("M", bound=BaseModel)

_YMD = re.compile(r"\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\s*")
_DMY = re.compile(r"\s*([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})\s*")
_SCALAR_KINDS = frozenset({"string_type", "int_type", "date_type", "datetime_type", "bool_type", "float_type"})
# the labelled codes a literal field may take, each with the other words that name them (`code_named`)
_VOCABULARIES: tuple[tuple[Mapping[str, Text], Mapping[str, str]], ...] = (
    (ENTRY_STATUS_LABELS, ENTRY_STATUS_WORDS),
    (KIND_LABELS, {}),
    (AID_TYPE_LABELS, {}),
    ({kind.code: kind.label for kind in ACTIVITY_KIND_LIST}, {}),
)


def field_path(loc: tuple[str | int, ...], data: Any = None) -> str:
    """('entries', 0, 'status') -> 'entries[0].status'; given the document's `data`, an item of a list that
    names its task (a whole number `task:`) is named by it: 'nhiệm vụ 14 (entries[0]).status' (but not when the
    problem is that very `task:`)."""
    text = ""
    for index, part in enumerate(loc):
        if isinstance(part, int):
            text += f"[{part}]"
            data = data[part] if isinstance(data, list) and 0 <= part < len(data) else None
            task = data.get("task") if isinstance(data, dict) else None
            if type(task) is int and task >= 1 and loc[index + 1 : index + 2] != ("task",):
                text = f"nhiệm vụ {task} ({text})"
        else:
            text += f".{part}" if text else str(part)
            data = data.get(part) if isinstance(data, dict) else None
    return text


def _unwrap_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as `list[Entry] | None`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap_model(arg)
            if found is not None:
                return found
    return None


def _model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = root
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _unwrap_model(info.annotation) if info is not None else None
    return current


def _description(root: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    while loc and isinstance(loc[-1], int):  # an item of a list: the list's own description says what it holds
        loc = loc[:-1]
    model = _model_at(root, loc[:-1])
    name = loc[-1] if loc else None
    if model is None or not isinstance(name, str) or name not in model.model_fields:
        return ""
    return model.model_fields[name].description or ""


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _date_hint(value: Any) -> tuple[str, str]:
    day_first = _DMY.fullmatch(str(value))
    year_first = _YMD.fullmatch(str(value))
    for match, (year, month, day) in ((day_first, (3, 2, 1)), (year_first, (1, 2, 3))):
        if match is None:
            continue
        try:
            iso = dt.date(int(match[year]), int(match[month]), int(match[day])).isoformat()
        except ValueError:
            continue
        if iso != str(value).strip():
            return f"viết là {iso}", f"write {iso}"
    return "viết dạng YYYY-MM-DD, ví dụ 2020-09-01", "write it as YYYY-MM-DD, e.g. 2020-09-01"


def _options(error: ErrorDetails) -> list[str]:
    """The values a literal field takes, as pydantic lists them."""
    return re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))


def _named(error: ErrorDetails) -> tuple[str, Text] | None:
    """The code (and its label) that a wrong value of a literal field names: 'Đã hoàn thành' names 'done'."""
    value = error.get("input")
    if error["type"] != "literal_error" or not isinstance(value, str):
        return None
    options = set(_options(error))
    for labels, words in _VOCABULARIES:
        if set(labels) == options:
            code = code_named(value, labels, words)
            return (code, labels[code]) if code is not None else None
    return None


def _translate(error: ErrorDetails, root: type[BaseModel]) -> Text:
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    about = _description(root, loc)
    about_vi = f" ({about})" if about else ""
    if kind == "dnnd":
        return Text(ctx["vi"], ctx["en"])
    if kind == "missing":
        return Text(
            f"thiếu trường bắt buộc '{loc[-1]}'{about_vi}: hãy thêm dòng '{loc[-1]}: …'",
            f"required field '{loc[-1]}' is missing: add a line '{loc[-1]}: …'",
        )
    if kind == "extra_forbidden":
        model = _model_at(root, loc[:-1])
        allowed = sorted(model.model_fields) if model is not None else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        vi_hint = f"có phải là '{close[0]}'? " if close else ""
        en_hint = f"did you mean '{close[0]}'? " if close else ""
        listed = ", ".join(allowed)
        return Text(
            f"khóa '{loc[-1]}' không hợp lệ ở đây; {vi_hint}các khóa được dùng: {listed}",
            f"unknown key '{loc[-1]}'; {en_hint}allowed keys: {listed}",
        )
    if value is None and kind in _SCALAR_KINDS:  # 'summary:' with nothing after it: say so, never "not 'None'"
        return Text(f"không được để trống{about_vi}", "must not be empty")
    if kind == "literal_error":
        options = ", ".join(_options(error))
        named = _named(error)
        if named is not None:
            code, label = named
            return Text(
                f"giá trị '{_shown(value)}' không hợp lệ: dùng '{code}' ({label.vi})",
                f"invalid value '{_shown(value)}': use '{code}' ({label.en})",
            )
        if value is None:
            return Text(f"không được để trống; chọn một trong: {options}", f"must not be empty; use one of: {options}")
        return Text(
            f"giá trị '{_shown(value)}' không hợp lệ; chọn một trong: {options}",
            f"invalid value '{_shown(value)}'; use one of: {options}",
        )
    if kind.startswith("date") or kind.startswith("datetime"):
        vi_hint, en_hint = _date_hint(value)
        return Text(
            f"ngày '{_shown(value)}' không hợp lệ hoặc không có thật: {vi_hint}",
            f"'{_shown(value)}' is not a valid date: {en_hint}",
        )
    if kind in ("string_too_short",):
        return Text(f"không được để trống{about_vi}", "must not be empty")
    if kind == "too_short":
        return Text(f"danh sách không được để trống{about_vi}", "the list must not be empty")
    if kind == "string_pattern_mismatch" and re.fullmatch(r"[0-9]{4}(-Q[1-4]|-H[12])?", str(value)):
        return Text(  # a period of the right form in a year dnnd does not compute with (models: _YEAR)
            f"kỳ {value} nằm ngoài các năm {FIRST_YEAR}–{LAST_YEAR} mà kế hoạch có thể có: kiểm tra lại năm",
            f"{value} is outside the years {FIRST_YEAR}–{LAST_YEAR} a plan can span: check the year",
        )
    if kind == "string_pattern_mismatch":
        return Text(
            f"giá trị '{_shown(value)}' không đúng dạng{about_vi}",
            f"'{_shown(value)}' has the wrong form: {ctx.get('pattern', '')}",
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return Text(
            f"phải là một số nguyên, không phải '{_shown(value)}'", f"must be a whole number, not '{_shown(value)}'"
        )
    if kind in ("greater_than_equal", "less_than_equal") and _YMD.fullmatch(str(ctx.get("ge", ctx.get("le", "")))):
        return Text(  # a date outside the years dnnd computes with (models.Day)
            f"ngày {_shown(value)} nằm ngoài các năm {FIRST_YEAR}–{LAST_YEAR} mà kế hoạch có thể có: kiểm tra lại năm",
            f"{_shown(value)} is outside the years {FIRST_YEAR}–{LAST_YEAR} a plan can span: check the year",
        )
    if kind == "greater_than_equal":
        return Text(f"phải từ {ctx.get('ge')} trở lên", f"must be at least {ctx.get('ge')}")
    if kind == "less_than_equal":
        return Text(f"phải nhỏ hơn hoặc bằng {ctx.get('le')}", f"must be at most {ctx.get('le')}")
    if kind == "greater_than":
        return Text(
            f"phải lớn hơn {ctx.get('gt')}, không phải {_shown(value)}",
            f"must be more than {ctx.get('gt')}, not {_shown(value)}",
        )
    if kind == "string_type":
        return Text(
            f"phải là văn bản, không phải '{_shown(value)}'{about_vi}; nếu cần, đặt trong ngoặc kép",
            f"must be text, not '{_shown(value)}'; put it in double quotes if needed",
        )
    if kind == "list_type":
        return Text(
            "phải là một danh sách: mỗi mục một dòng bắt đầu bằng '- '",
            "must be a list: one item per line starting with '- '",
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return Text(f"phải là một nhóm các dòng 'khóa: giá trị'{about_vi}", "must be a mapping of 'key: value' lines")
    return Text(f"giá trị không hợp lệ: {error['msg']}", f"invalid value: {error['msg']}")


def validate_document(model: type[M], doc: YamlDocument, rel: str) -> M:
    """Validate parsed YAML against `model`; raises DataError whose problems point into the file."""
    if not isinstance(doc.data, dict):
        first = next(iter(model.model_fields))
        raise DataError(
            [
                Problem(
                    rel,
                    1 if doc.data is not None else None,
                    1 if doc.data is not None else None,
                    "",
                    Text(
                        f"tệp phải gồm các dòng 'khóa: giá trị', bắt đầu bằng '{first}:'",
                        f"the file must hold 'key: value' lines, starting with '{first}:'",
                    ),
                )
            ]
        )
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors()
        errors += _hidden_errors(model, doc.data, errors)
        problems = []
        for error in errors:
            loc = tuple(error["loc"])
            line, column = doc.locate(loc, key=error["type"] == "extra_forbidden")
            problems.append(Problem(rel, line, column, field_path(loc, doc.data), _translate(error, model)))
        raise DataError(problems) from None


def _hidden_errors(model: type[BaseModel], data: Any, errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """The errors that wrong words naming a code hide: validated again with the codes written instead, the
    rules that depend on them speak ('status: Đã hoàn thành' without done_on: done_on is missing too)."""
    fixed = data
    for error in errors:
        named = _named(error)
        if named is not None:
            fixed = _replaced(fixed, tuple(error["loc"]), named[0])
    if fixed is data:
        return []
    try:
        model.model_validate(fixed)
    except ValidationError as exc:
        known = {tuple(error["loc"]) for error in errors}
        return [error for error in exc.errors() if tuple(error["loc"]) not in known]
    return []


def _replaced(data: Any, loc: tuple[str | int, ...], value: Any) -> Any:
    """`data` with the value at `loc` replaced, copying only the mappings and lists on the way."""
    if not loc:
        return value
    head, rest = loc[0], loc[1:]
    if isinstance(data, dict) and head in data:
        return {**data, head: _replaced(data[head], rest, value)}
    if isinstance(data, list) and isinstance(head, int) and 0 <= head < len(data):
        return [*data[:head], _replaced(data[head], rest, value), *data[head + 1 :]]
    return data
