"""The plan files' pydantic models compiled into plain data (`light_spec.py`), which `load.light_reader` reads
valid plan files by without importing pydantic. `python tools/compile_light_spec.py` writes it after a model
changes; a unit test fails while the written spec differs from the models.

The spec is compiled from the models' own core schemas (what pydantic validates by), so it cannot say more
than they do. What it cannot say plainly (a type, constraint, configuration or validator it does not know, a
validator that is not a rule of `model_rules`) it marks "opaque", or the model not "plain", and a file giving
such a field, or such a model, is read by pydantic.

A node is a tuple: ("str", strip, min_length, max_length, pattern), ("int", ge, le), ("bool",),
("date", ge, le) (ISO dates), ("literal", values), ("list", item, min_length), ("dict", key, value),
("nullable", node), ("union", nodes), ("model", name), ("rule", name, node), ("opaque",). A model is
{"fields": ((name, node, default), ...), "rules": (its model rules, ...), "plain": whether the reader may
read it at all}; a default is ("required",), ("value", v), ("list",), ("dict",), ("data", dumped) (a model's
default, as its fields) or ("opaque",).
"""

from __future__ import annotations

import datetime as dt
import pprint
import re
from typing import Any

from pydantic import BaseModel

from dnnd.plan.model_rules import RULES
from dnnd.plan.models import AgenciesFile, EventsFile, LocksFile, Plan, TasksFile

ROOTS: tuple[type[BaseModel], ...] = (Plan, AgenciesFile, TasksFile, EventsFile, LocksFile)
Node = tuple[Any, ...]
OPAQUE: Node = ("opaque",)
_IMMUTABLE = (type(None), bool, int, str)
# the configuration a plain model may have: anything else (str_strip_whitespace, strict, …) changes validation
_PLAIN_CONFIG = {"title", "extra_fields_behavior", "coerce_numbers_to_str"}
# what a pattern may be written with for Python's re to read it as Rust's regex does: no classes such as \s,
# no POSIX classes ([:alpha:]), no class set operations (--, &&, ~~), no inline flags ((?i)), checked below
_PLAIN_PATTERN = re.compile(r"[A-Za-z0-9^$\[\]()?*+{},|.@/:_-]*")


class _Compiler:
    def __init__(self) -> None:
        self.models: dict[str, dict[str, Any]] = {}
        self.definitions: dict[str, dict[str, Any]] = {}
        self.own: dict[str, list[Any]] = {}  # the validator functions each model's own schema wraps it in

    def model(self, cls: type[BaseModel]) -> str:
        name = cls.__name__
        if name not in self.models:
            cls.model_rebuild()
            self.models[name] = {"fields": (), "rules": (), "plain": False}  # a model within itself is not read
            self.own[name] = []
            self.models[name] = self._model_schema(name, dict(cls.__pydantic_core_schema__))
        return name

    def _unwrapped(self, schema: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """The validators wrapping a schema (outermost first) and what they wrap, definitions resolved."""
        wrappers = []
        while True:
            kind = schema["type"]
            if kind == "definitions":
                self.definitions.update({item["ref"]: item for item in schema["definitions"]})
                schema = schema["schema"]
            elif kind == "definition-ref":
                schema = self.definitions[schema["schema_ref"]]
            elif kind.startswith("function-") and "schema" in schema:
                wrappers.append(schema)
                schema = schema["schema"]
            else:
                return wrappers, schema

    def _model_schema(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        wrappers, model = self._unwrapped(schema)
        self.own[name] = [wrapper.get("function", {}).get("function") for wrapper in wrappers]
        rules = [self._rule_name(wrapper) for wrapper in wrappers]
        fields_schema = model.get("schema", {})
        config = model.get("config", {})
        plain = (
            model["type"] == "model"
            and not model.get("custom_init")
            and not model.get("root_model")
            and "post_init" not in model
            and set(config) <= _PLAIN_CONFIG
            and config.get("extra_fields_behavior") == "forbid"
            and fields_schema.get("type") == "model-fields"
            and not fields_schema.get("computed_fields")
            and None not in rules
        )
        fields = tuple((field, *self._field(spec)) for field, spec in fields_schema.get("fields", {}).items())
        return {"fields": fields, "rules": tuple(reversed(rules)) if plain else (), "plain": plain}

    def _field(self, field: dict[str, Any]) -> tuple[Node, Node]:
        if field["type"] != "model-field" or set(field) - {"type", "schema", "metadata"}:
            return OPAQUE, OPAQUE
        schema = field["schema"]
        if schema["type"] != "default":
            return self.node(schema), ("required",)
        if schema.get("validate_default"):
            return OPAQUE, OPAQUE
        return self.node(schema["schema"]), self._default(schema)

    def _default(self, schema: dict[str, Any]) -> Node:
        if "default" in schema:
            value = schema["default"]
            return ("value", value) if type(value) in _IMMUTABLE else OPAQUE
        factory = schema.get("default_factory")
        if schema.get("default_factory_takes_data"):
            return OPAQUE
        if factory is list or factory is dict:
            return (factory.__name__,)
        made = factory() if factory is not None else None
        if isinstance(made, BaseModel):
            dumped = made.model_dump()
            return ("data", dumped) if _literal(dumped) else OPAQUE
        return OPAQUE

    def node(self, schema: dict[str, Any]) -> Node:
        """A value's node: what it is, within the validators that wrap it (each must be a rule)."""
        wrappers, inner = self._unwrapped(schema)
        own: list[Any] = []
        if inner["type"] == "model":
            name = self.model(inner["cls"])
            made: Node = ("model", name)
            own = self.own[name]  # the model's own validators, which its spec runs as its rules
        else:
            made = self._value(inner)
        for wrapper in reversed(wrappers):
            if wrapper.get("function", {}).get("function") in own:
                continue
            rule = self._rule_name(wrapper)
            if rule is None or made == OPAQUE:
                return OPAQUE
            made = ("rule", rule, made)
        return made

    def _value(self, schema: dict[str, Any]) -> Node:
        kind = schema["type"]
        keys = set(schema) - {"type", "metadata", "ref"}
        if kind == "str" and keys <= {"strip_whitespace", "min_length", "max_length", "pattern"}:
            pattern = schema.get("pattern", "")
            if not _PLAIN_PATTERN.fullmatch(pattern) or any(mark in pattern for mark in ("[:", "(?", "--")):
                return OPAQUE
            return (
                "str",
                bool(schema.get("strip_whitespace")),
                schema.get("min_length"),
                schema.get("max_length"),
                schema.get("pattern"),
            )
        if kind == "int" and keys <= {"ge", "le"}:
            return ("int", schema.get("ge"), schema.get("le"))
        if kind == "bool" and not keys:
            return ("bool",)
        if kind == "date" and keys <= {"ge", "le"}:
            return ("date", *(_iso(schema.get(bound)) for bound in ("ge", "le")))
        if kind == "literal" and keys == {"expected"} and all(type(value) is str for value in schema["expected"]):
            return ("literal", tuple(schema["expected"]))
        if kind == "list" and keys <= {"items_schema", "min_length"}:
            return ("list", self.node(schema["items_schema"]), schema.get("min_length"))
        if kind == "dict" and keys == {"keys_schema", "values_schema"}:
            return ("dict", self.node(schema["keys_schema"]), self.node(schema["values_schema"]))
        if kind == "nullable" and keys == {"schema"}:
            return ("nullable", self.node(schema["schema"]))
        if kind == "union" and keys == {"choices"}:
            return ("union", tuple(self.node(choice) for choice in schema["choices"]))
        return OPAQUE

    @staticmethod
    def _rule_name(wrapper: dict[str, Any]) -> str | None:
        """The rule an after-validator runs, if it is one of `model_rules` run as such (else None)."""
        function = wrapper.get("function", {})
        if wrapper["type"] != "function-after" or function.get("type") != "no-info":
            return None
        made = getattr(function["function"], "__func__", function["function"])
        rule = getattr(made, "__rule__", None)
        return rule if rule in RULES else None


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _literal(value: Any) -> bool:
    """Whether a default's dumped value is made of what the spec can write as a literal (no dates)."""
    if isinstance(value, dict):
        return all(_literal(item) for item in value.values())
    if isinstance(value, list):
        return all(_literal(item) for item in value)
    return type(value) in _IMMUTABLE


def compile_models(roots: tuple[type[BaseModel], ...] = ROOTS) -> dict[str, dict[str, Any]]:
    """Every model the roots reach, by name: its fields' nodes and defaults, its rules, whether it is plain."""
    compiler = _Compiler()
    for root in roots:
        compiler.model(root)
    return compiler.models


def spec_source(models: dict[str, dict[str, Any]]) -> str:
    """The text of `light_spec.py`."""
    return (
        '"""The plan files\' models as plain data, written by `python tools/compile_light_spec.py` from the\n'
        'pydantic models: do not edit (`plan.light_spec_compiler` says what a node is)."""\n\n'
        "from typing import Any\n\n"
        f"MODELS: dict[str, dict[str, Any]] = {pprint.pformat(models, width=116, sort_dicts=False)}\n"
    )
