"""Plan models rebuilt from their own JSON dump without validating them again (what the snapshot keeps)."""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)
Convert = Callable[[Any], Any]


def rebuild(model: type[M], data: Mapping[str, Any]) -> M:
    """A model from its own `model_dump(mode="json")`, without validation (the data was valid when dumped):
    nested models, lists, dicts, optional and union fields, and dates are rebuilt from their annotations.

    Each model's annotations are read once into converters (`_converters`): a snapshot holds a thousand
    agencies of one model, and reading the same annotations for each cost more than building them."""
    converters = _converters(model)
    return model.model_construct(**{name: converters[name](value) for name, value in data.items()})


@functools.cache
def _converters(model: type[BaseModel]) -> dict[str, Convert]:
    return {name: _converter(field.annotation) for name, field in model.model_fields.items()}


def _converter(annotation: Any) -> Convert:
    """What turns a JSON value of the annotated type back into its Python value (None stays None)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _converter(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return _union(typing.get_args(annotation))
    if origin is list:
        item = _converter(typing.get_args(annotation)[0])
        return lambda value: None if value is None else [item(element) for element in value]
    if origin is dict:
        key_type, item_type = typing.get_args(annotation)
        item = _converter(item_type)
        if key_type is int:  # JSON's keys are text
            return lambda value: None if value is None else {int(key): item(element) for key, element in value.items()}
        return lambda value: None if value is None else {key: item(element) for key, element in value.items()}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        model = annotation
        return lambda value: None if value is None else rebuild(model, value)
    if annotation is dt.date:
        return lambda value: None if value is None else dt.date.fromisoformat(value)
    if annotation is Decimal:
        return lambda value: None if value is None else Decimal(value)
    return _same


def _union(options: tuple[Any, ...]) -> Convert:
    """The member of a union that a JSON value came from: a model for an object, a list for an array, a date
    for text when the union has one (our unions never mix dates with free text), else the value's own type."""
    by_kind: dict[type, Convert] = {}
    for option in options:
        inner = typing.get_args(option)[0] if typing.get_origin(option) is typing.Annotated else option
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            by_kind.setdefault(dict, _converter(inner))
        elif typing.get_origin(inner) is list:
            by_kind.setdefault(list, _converter(inner))
        elif inner is dt.date:
            by_kind.setdefault(str, _converter(inner))

    def convert(value: Any) -> Any:
        if value is None:
            return None
        found = by_kind.get(type(value))
        return value if found is None else found(value)

    return convert


def _same(value: Any) -> Any:
    return value
