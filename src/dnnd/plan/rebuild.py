"""Plan models rebuilt from their own JSON dump without validating them again (what the snapshot keeps)."""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


def rebuild(model: type[M], data: Mapping[str, Any]) -> M:
    """A model from its own `model_dump(mode="json")`, without validation (the data was valid when dumped):
    nested models, lists, dicts, optional and union fields, and dates are rebuilt from their annotations."""
    values = {name: _value(model.model_fields[name].annotation, value) for name, value in data.items()}
    return model.model_construct(**values)


def _value(annotation: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _value(typing.get_args(annotation)[0], value)
    if origin is typing.Union or origin is types.UnionType:
        return _value(_branch(typing.get_args(annotation), value), value)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return [_value(item, element) for element in value]
    if origin is dict:
        key_type, item = typing.get_args(annotation)
        convert = int if key_type is int else _same  # JSON's keys are text
        return {convert(key): _value(item, element) for key, element in value.items()}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return rebuild(annotation, value)
    if annotation is dt.date:
        return dt.date.fromisoformat(value)
    if annotation is Decimal:
        return Decimal(value)
    return value


def _same(key: Any) -> Any:
    return key


def _branch(options: tuple[Any, ...], value: Any) -> Any:
    """The member of a union that a JSON value came from: a model for an object, a list for an array, a date
    for text when the union has one (our unions never mix dates with free text), else the value's own type."""
    for option in options:
        inner = typing.get_args(option)[0] if typing.get_origin(option) is typing.Annotated else option
        origin = typing.get_origin(inner)
        if isinstance(value, dict) and isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
        if isinstance(value, list) and origin is list:
            return inner
        if isinstance(value, str) and inner is dt.date:
            return inner
    return Any
