"""The plan files' models in a light form, for plan files read without pydantic (`load.light_reader`).

One class per model of `light_spec`, with the model's name, fields (in its order) and facts (`model_rules`);
what the commands read of a plan model they read alike of its light form, `model_dump` included (the
snapshot keeps the plan's models by it). The light reader makes them from data the model's own spec vouched
for, so that they hold what the pydantic model would hold; dnnd makes a few itself, of values it knows to be
valid (a plan without an events or locks file has empty ones; a successor named by its id alone).
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, ClassVar

from dnnd.plan.light_spec import MODELS
from dnnd.plan.model_rules import FACTS


class LightModel:
    """Base of the light models: fields in slots, compared, shown and dumped as pydantic does its models."""

    __slots__ = ()
    model_name: ClassVar[str]
    field_names: ClassVar[tuple[str, ...]]
    __hash__ = None  # type: ignore[assignment]  # as a pydantic model that is not frozen

    def __init__(self, **values: Any) -> None:
        for name in self.field_names:
            setattr(self, name, values[name])

    def __eq__(self, other: object) -> bool:
        """Equal to a light or pydantic model of the same name and values (a plan file is read into either)."""
        return type(other).__name__ == self.model_name and all(
            getattr(self, name) == getattr(other, name, None) for name in self.field_names
        )

    def __repr__(self) -> str:
        return f"{self.model_name}({self._fields_shown(', ')})"

    def __str__(self) -> str:
        return self._fields_shown(" ")  # as pydantic shows a model

    def _fields_shown(self, separator: str) -> str:
        return separator.join(f"{name}={getattr(self, name)!r}" for name in self.field_names)

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """A copy with some fields changed, unvalidated, as pydantic's `model_copy`."""
        made = copy.deepcopy(self) if deep else copy.copy(self)
        for name, value in (update or {}).items():
            setattr(made, name, value)
        return made

    def model_dump(self, *, mode: str = "python", exclude_none: bool = False) -> dict[str, Any]:
        """The fields as plain data, as pydantic's `model_dump` gives them (dates as ISO text in "json" mode)."""
        dumped = {}
        for name in self.field_names:
            value = getattr(self, name)
            if value is not None or not exclude_none:
                dumped[name] = _dumped(value, mode, exclude_none)
        return dumped


def _dumped(value: Any, mode: str, exclude_none: bool) -> Any:
    if isinstance(value, LightModel):
        return value.model_dump(mode=mode, exclude_none=exclude_none)
    if type(value) is list:
        return [_dumped(item, mode, exclude_none) for item in value]
    if type(value) is dict:
        return {key: _dumped(item, mode, exclude_none) for key, item in value.items()}
    if mode == "json" and type(value) is dt.date:
        return value.isoformat()
    return value


def _light_class(name: str, spec: dict[str, Any]) -> type[LightModel]:
    fields = tuple(field[0] for field in spec["fields"])
    namespace = {"__slots__": fields, "model_name": name, "field_names": fields, "__module__": __name__}
    made = type(name, (LightModel, *FACTS.get(name, ())), namespace)
    made.__qualname__ = name
    return made


LIGHT_CLASSES: dict[str, type[LightModel]] = {name: _light_class(name, spec) for name, spec in MODELS.items()}
globals().update(LIGHT_CLASSES)  # by name in this module, where pickle looks for them
