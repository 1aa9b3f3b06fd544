"""Plan files read into light models without pydantic, when they are plainly valid; pydantic reads the rest.

Building pydantic's validators for the plan's models, and importing what they need, is most of a first
`dnnd validate`. This reader checks a parsed plan file against the models' compiled spec (`plan.light_spec`)
and vouches only for what it can check exactly as pydantic would: values of exactly the type the field takes
(no text for a number, no number for a text), mappings with only known keys, every required key, the
models' rules (`plan.model_rules`). Anything else, a file that is wrong included, it leaves to pydantic
(`read_light` gives None), which then says what is wrong and where. A test compares the two on every plan
of the test corpus and on thousands of altered ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from dnnd.plan.light_models import LIGHT_CLASSES, LightModel
from dnnd.plan.light_spec import MODELS
from dnnd.plan.model_rules import RULES, WHITE_SPACE, RuleBroken

Check = Callable[[Any], Any]


class _CannotVouch(Exception):
    """The value is not one this reader can check as pydantic would: pydantic reads the file."""


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_light(model: str, data: Any) -> LightModel | None:
    """The light model of the plan file's parsed `data` (`model` names its root model), or None when this
    reader cannot vouch for it."""
    try:
        return _MODEL_CHECKS[model](data)  # type: ignore[no-any-return]
    except (_CannotVouch, RuleBroken, ValueError, AssertionError):  # what pydantic turns into its errors
        return None


def _refuse(value: Any) -> Any:
    raise _CannotVouch


def _str_check(strip: bool, min_length: int | None, max_length: int | None, pattern: str | None) -> Check:
    search = re.compile(pattern).search if pattern is not None else None

    def check(value: Any) -> Any:
        if type(value) is not str or (not value.isascii() and _SURROGATE.search(value)):  # pydantic: not Unicode
            raise _CannotVouch
        if strip:
            value = value.strip(WHITE_SPACE)
        if (min_length is not None and len(value) < min_length) or (max_length is not None and len(value) > max_length):
            raise _CannotVouch
        if search is not None and ("\n" in value or search(value) is None):  # "$" would match before a final "\n"
            raise _CannotVouch
        return value

    return check


def _int_check(ge: int | None, le: int | None) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not int or (ge is not None and value < ge) or (le is not None and value > le):
            raise _CannotVouch
        return value

    return check


def _bool_check(value: Any) -> Any:
    if type(value) is not bool:
        raise _CannotVouch
    return value


def _date_check(ge: str | None, le: str | None) -> Check:
    first = dt.date.fromisoformat(ge) if ge else dt.date.min
    last = dt.date.fromisoformat(le) if le else dt.date.max

    def check(value: Any) -> Any:
        if type(value) is str and _ISO_DAY.fullmatch(value):  # as dnnd's parsers and the snapshot's JSON give it
            value = dt.date.fromisoformat(value)
        if type(value) is not dt.date or not first <= value <= last:
            raise _CannotVouch
        return value

    return check


def _literal_check(values: tuple[str, ...]) -> Check:
    allowed = frozenset(values)

    def check(value: Any) -> Any:
        if type(value) is not str or value not in allowed:
            raise _CannotVouch
        return value

    return check


def _list_check(item: Check, min_length: int | None) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not list or (min_length is not None and len(value) < min_length):
            raise _CannotVouch
        return [item(element) for element in value]

    return check


def _dict_check(key: Check, item: Check) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not dict:
            raise _CannotVouch
        return {key(name): item(element) for name, element in value.items()}

    return check


def _nullable_check(inner: Check) -> Check:
    def check(value: Any) -> Any:
        return None if value is None else inner(value)

    return check


def _union_check(choices: list[tuple[frozenset[type] | None, Check]]) -> Check:
    """A union whose choices take values of different types: the one choice that takes the value's type
    decides, as pydantic's does (no other choice could). Two choices taking one type, or a choice taking what
    this reader does not know: not vouched for."""
    if any(types is None for types, _ in choices):
        return _refuse

    def check(value: Any) -> Any:
        taking = [made for types, made in choices if type(value) in types]  # type: ignore[operator]
        if len(taking) != 1:
            raise _CannotVouch
        return taking[0](value)

    return check


def _rule_check(rule: Callable[[Any], Any], inner: Check) -> Check:
    def check(value: Any) -> Any:
        return rule(inner(value))

    return check


def _model_check(name: str) -> Check:
    spec = MODELS[name]
    made = LIGHT_CLASSES[name]
    new = object.__new__
    rules = [RULES[rule] for rule in spec["rules"]]
    fields = []
    for field, node, default in spec["fields"]:
        field_check = _check(node)
        fields.append((field, field_check, _default(default, field_check)))
    known = frozenset(field for field, _, _ in fields)
    plain = spec["plain"]

    def check(value: Any) -> Any:
        if not plain or type(value) is not dict or not known.issuperset(value):
            raise _CannotVouch
        found = new(made)
        for field, field_check, default in fields:
            setattr(found, field, field_check(value[field]) if field in value else default())
        for rule in rules:
            rule(found)
        return found

    return check


def _default(default: tuple[Any, ...], field_check: Check) -> Callable[[], Any]:
    """What makes a field's value when the file does not give it (a fresh list or model each time)."""
    kind = default[0]
    if kind == "value":
        value = default[1]
        return lambda: value
    if kind in ("list", "dict"):
        return list if kind == "list" else dict
    if kind == "data":
        data = default[1]
        return lambda: field_check(data)
    return _required


def _required() -> Any:
    raise _CannotVouch  # a required field, or a default the spec could not write


def _types(node: tuple[Any, ...]) -> frozenset[type] | None:
    """The Python types a node takes (None: any, for all this reader knows)."""
    kind = node[0]
    simple = {"str": str, "int": int, "bool": bool, "literal": str, "list": list, "dict": dict}
    if kind in simple:
        return frozenset({simple[kind]})
    if kind == "date":
        return frozenset({dt.date, str})
    if kind == "model":
        return frozenset({dict})
    if kind == "rule":
        return _types(node[2])
    if kind == "nullable":
        inner = _types(node[1])
        return None if inner is None else inner | {type(None)}
    return None


_MODEL_CHECKS: dict[str, Check] = {}


def _check(node: tuple[Any, ...]) -> Check:
    kind = node[0]
    if kind == "str":
        return _str_check(*node[1:])
    if kind == "int":
        return _int_check(*node[1:])
    if kind == "bool":
        return _bool_check
    if kind == "date":
        return _date_check(*node[1:])
    if kind == "literal":
        return _literal_check(node[1])
    if kind == "list":
        return _list_check(_check(node[1]), node[2])
    if kind == "dict":
        return _dict_check(_check(node[1]), _check(node[2]))
    if kind == "nullable":
        return _nullable_check(_check(node[1]))
    if kind == "union":
        return _union_check([(_types(choice), _check(choice)) for choice in node[1]])
    if kind == "rule":
        return _rule_check(RULES[node[1]], _check(node[2]))
    if kind == "model":
        if node[1] not in _MODEL_CHECKS:
            _MODEL_CHECKS[node[1]] = _refuse  # while it is being made: a model within itself is not vouched for
            _MODEL_CHECKS[node[1]] = _model_check(node[1])
        return _MODEL_CHECKS[node[1]]
    return _refuse


for _name in MODELS:
    _check(("model", _name))
