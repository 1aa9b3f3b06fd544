"""Text, path, flag and enum options coerced without pydantic.

typer 0.29 coerces each parameter through a pydantic TypeAdapter that it builds on first use, even for
an option left out; the first one imports most of pydantic (about 0.1 s, more than all of dnnd's own
start-up). Text, path, flag and enum options need none of it: click already hands over text and
booleans and checks choices. They get a plain coercion here; any other value, and every other kind of
parameter, goes through typer's own, so messages and behaviour stay typer's. This reaches into typer's
private `_coercion` module, which is why pyproject.toml pins typer to 0.29.x; without it nothing changes.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

try:
    from typer._coercion import RuntimeParam, build_runtime_param
except ImportError:  # pragma: no cover - another typer: keep its own coercion
    RuntimeParam = None  # type: ignore[assignment,misc]


def _plain(annotation: Any) -> bool:
    return annotation in (str, Path, bool) or (isinstance(annotation, type) and issubclass(annotation, Enum))


if RuntimeParam is not None:

    class PlainParam(RuntimeParam):
        """The value as typer's adapter would give it, when it is plainly text, a path or a member's value.
        (RuntimeParam is a frozen dataclass: its fields and __init__ serve here as they are.)"""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation = self.annotation
            if (annotation is str and isinstance(value, str)) or (annotation is bool and isinstance(value, bool)):
                return value
            if annotation is Path and isinstance(value, str | Path):
                return Path(value)
            if isinstance(annotation, type) and issubclass(annotation, Enum):
                if isinstance(value, annotation):
                    return value
                if isinstance(value, str) and value in annotation._value2member_map_:
                    return annotation._value2member_map_[value]
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)


def install(command: Any, ctx: Any) -> None:
    """Give every plain text, path, flag and enum parameter of `command` (with its --help option, which
    click makes on first use) the plain coercion."""
    if RuntimeParam is None:  # pragma: no cover
        return
    for param in command.get_params(ctx):
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", True) is not None:
            continue
        info = descriptor.parameter_info
        plain_kind = param.nargs == 1 and not param.multiple and descriptor.file_annotation is None
        custom = getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None
        if plain_kind and not custom and _plain(descriptor.annotation):
            param._runtime_param = PlainParam(annotation=descriptor.annotation, parameter_info=info)
