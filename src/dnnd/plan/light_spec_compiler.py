"""Writes `light_spec.py`: the plan files' pydantic models as plain data, which `load.light_reader` reads valid
plan files by without importing pydantic. Run `python -m dnnd.plan.light_spec_compiler` after changing a model;
a unit test fails while the written spec differs from the models.

The spec is compiled from the models' own core schemas (what pydantic validates by), so it cannot say more
than they do. What it cannot say plainly (a type it does not know, a validator that is not a rule of
`model_rules`) it marks "opaque", and a file giving such a field is read by pydantic.

A node is a tuple: ("str", strip, min_length, max_length, pattern), ("int", ge, le), ("bool",),
("date", ge, le) (ISO dates), ("literal", values), ("list", item, min_length), ("dict", key, value),
("nullable", node), ("union", nodes), ("model", name), ("rule", name, node), ("opaque",). A model is
{"fields": ((name, node, default), ...), "rules": (rule names, ...)}; a default is ("required",),
("value", v), ("list",), ("dict",), ("data", dumped) (a model's default, as its fields) or ("opaque",).
"""

from __future__ import annotations

import datetime as dt
import pprint
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from dnnd.plan.model_rules import RULES
from dnnd.plan.models import AgenciesFile, EventsFile, LocksFile, Plan, TasksFile

ROOTS: tuple[type[BaseModel], ...] = (Plan, AgenciesFile, TasksFile, EventsFile, LocksFile)
Node = tuple[Any, ...]
OPAQUE: Node = ("opaque",)
_IMMUTABLE = (type(None), bool, int, str)


class _Compiler:
    def __init__(self) -> None:
        self.models: dict[str, dict[str, Any]] = {}
        self.definitions: dict[str, dict[str, Any]] = {}

    def model(self, cls: type[BaseModel]) -> str:
        name = cls.__name__
        if name not in self.models:
            cls.model_rebuild()
            self.models[name] = {}  # being compiled: a model that refers to itself ends here
            self.models[name] = self._model_schema(dict(cls.__pydantic_core_schema__))
        return name

    def _model_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        if schema["type"] == "definitions":
            self.definitions.update({item["ref"]: item for item in schema["definitions"]})
            schema = schema["schema"]
        rules: list[str] = []
        while schema["type"] == "function-after":  # a model validator wraps the model
            rules.append(self._rule_name(schema["function"]) or "")
            schema = schema["schema"]
        if schema["type"] == "definition-ref":
            schema = self.definitions[schema["schema_ref"]]
        fields_schema = schema["schema"]
        plain = (
            schema["type"] == "model"
            and not schema.get("custom_init")
            and not schema.get("root_model")
            and schema.get("config", {}).get("extra_fields_behavior") == "forbid"
            and fields_schema["type"] == "model-fields"
            and not fields_schema.get("computed_fields")
            and "" not in rules
        )
        fields = tuple((name, *self._field(field)) for name, field in fields_schema["fields"].items())
        return {"fields": fields, "rules": tuple(reversed(rules)), "plain": plain}

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
            return ("data", _plain(made.model_dump()))
        return OPAQUE

    def node(self, schema: dict[str, Any]) -> Node:
        kind = schema["type"]
        keys = set(schema) - {"type", "metadata", "ref"}
        if kind == "str" and keys <= {"strip_whitespace", "min_length", "max_length", "pattern"}:
            if "\\" in schema.get("pattern", ""):  # classes such as \s differ between Python's re and Rust's regex
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
        if kind == "definition-ref" and keys == {"schema_ref"}:
            return self.node(self.definitions[schema["schema_ref"]])
        if kind == "model" or (kind == "function-after" and schema["schema"]["type"] in ("model", "definition-ref")):
            inner = schema
            while inner["type"] == "function-after":
                inner = inner["schema"]
            if inner["type"] == "definition-ref":
                inner = self.definitions[inner["schema_ref"]]
            return ("model", self.model(inner["cls"]))
        if kind == "function-after" and keys == {"function", "schema"}:
            rule = self._rule_name(schema["function"])
            return ("rule", rule, self.node(schema["schema"])) if rule else OPAQUE
        return OPAQUE

    @staticmethod
    def _rule_name(function: dict[str, Any]) -> str | None:
        if function.get("type") != "no-info":
            return None
        made = getattr(function["function"], "__func__", function["function"])
        rule = getattr(made, "__rule__", None)
        return rule if rule in RULES else None


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _plain(value: Any) -> Any:
    """A dumped model's values with dates as ISO text (the spec holds plain literals)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        raise ValueError("a default holding a date is not written into the spec")
    return value


def compile_models(roots: tuple[type[BaseModel], ...] = ROOTS) -> dict[str, dict[str, Any]]:
    """Every model the roots reach, by name: its fields' nodes and defaults, and its rules."""
    compiler = _Compiler()
    for root in roots:
        compiler.model(root)
    return compiler.models


def spec_source(models: dict[str, dict[str, Any]]) -> str:
    """The text of `light_spec.py`."""
    return (
        '"""The plan files\' models as plain data, written by `python -m dnnd.plan.light_spec_compiler` from the\n'
        'pydantic models: do not edit (see that module for what a node is)."""\n\n'
        "from typing import Any\n\n"
        f"MODELS: dict[str, dict[str, Any]] = {pprint.pformat(models, width=116, sort_dicts=False)}\n"
    )


def main() -> None:
    target = Path(__file__).with_name("light_spec.py")
    target.write_text(spec_source(compile_models()), encoding="utf-8")
    # ruff, a test dependency, formats it as the project's other files are
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is not None:
        subprocess.run([ruff, "format", "--quiet", str(target)], check=True)
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
