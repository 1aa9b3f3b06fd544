"""A snapshot of a whole loaded repository, so that a run in which nothing changed reads no file again.

It lives beside the per-file cache in the git directory (`dnnd-snapshot.json`, JSON with the same
checksummed header, nothing that runs code). Its key is the per-file cache's key (dnnd's code, the
repository, the plan files' bytes), the names the update folders hold, and a digest of the update files'
content: the git index's bytes, what `git status` reports under plan/updates/ (changed, untracked and
ignored files) and the content of each file it reports. A file git does not report has the content the
index records, and the index is the same, so any edit, new, deleted or renamed file gives another key.

It keeps the plan files' validated data, the problems of the invalid update files, the paths of the
valid ones and their summary (`summary.py`). On a hit the plan models are rebuilt from that data
without validating it again: it was valid when stored and the key proves the bytes are the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import types
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from dnnd.errors import Problem
from dnnd.i18n import Text

NAME = "dnnd-snapshot.json"

M = TypeVar("M", bound=BaseModel)


def snapshot_file(cache_file: Path) -> Path:
    return cache_file.with_name(NAME)


def key_of(files_key: str, names: Iterable[str], state: str) -> str:
    """The key of the repository's state: the per-file cache's key, the names the update folders hold,
    and the digest of the update files' content (`cache.Worktree.digest`)."""
    digest = hashlib.sha256(f"{files_key}\0{state}\0".encode())
    for name in names:
        digest.update(f"{name}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def problems_to_plain(problems: Iterable[Problem]) -> list[list[Any]]:
    return [[item.path, item.line, item.column, item.field, item.message.vi, item.message.en] for item in problems]


def problems_from_plain(plain: list[list[Any]]) -> list[Problem]:
    return [Problem(path, line, column, field, Text(vi, en)) for path, line, column, field, vi, en in plain]


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
        _, item = typing.get_args(annotation)
        return {key: _value(item, element) for key, element in value.items()}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return rebuild(annotation, value)
    if annotation is dt.date:
        return dt.date.fromisoformat(value)
    return value


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
