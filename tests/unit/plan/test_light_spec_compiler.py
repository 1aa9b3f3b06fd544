"""The light spec is compiled from the pydantic models, and the one in the package is the one they give."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, field_validator, model_validator

from dnnd.plan import light_spec
from dnnd.plan.light_spec_compiler import compile_models, spec_source
from dnnd.plan.model_types import Model


def test_the_spec_is_written_as_python_that_reads_back() -> None:
    namespace: dict[str, object] = {}
    exec(spec_source(light_spec.MODELS), namespace)
    assert namespace["MODELS"] == light_spec.MODELS


class _Inner(Model):
    code: Annotated[str, StringConstraints(pattern=r"^\d+$")] = Field(description="A pattern with a class.")


class _Outer(Model):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] = Field(description="Text.")
    inner: _Inner | None = Field(None, description="A nested model.")
    checked: Annotated[str, AfterValidator(str.upper)] = Field("A", description="A validator that is no rule.")
    ratio: float = Field(1.0, description="A type the spec does not know.")

    @field_validator("name")
    @classmethod
    def _not_a_rule(cls, value: str) -> str:
        return value


def test_what_the_spec_cannot_say_plainly_is_opaque() -> None:
    models = compile_models((_Outer,))
    fields = {name: (node, default) for name, node, default in models["_Outer"]["fields"]}
    assert fields["name"] == (("opaque",), ("required",))
    assert fields["inner"] == (("nullable", ("model", "_Inner")), ("value", None))
    assert fields["checked"] == (("opaque",), ("value", "A"))
    assert fields["ratio"] == (("opaque",), ("opaque",))  # nor a float default
    assert models["_Inner"]["fields"] == (("code", ("opaque",), ("required",)),)


class _Before(Model):
    code: str = Field(description="A text.")

    @model_validator(mode="before")
    @classmethod
    def _reshaped(cls, data: Any) -> Any:
        return data


class _Stripping(Model):
    model_config = ConfigDict(str_strip_whitespace=True)
    code: str = Field(description="A text the configuration strips.")


class _Checked(Model):
    inner: _Inner = Field(description="A model whose field has its own validator.")
    rich: Annotated[str, StringConstraints(pattern=r"^[[:alpha:]]+$")] = Field(description="A POSIX class.")
    folded: Annotated[str, StringConstraints(pattern=r"(?i)^ab$")] = Field(description="An inline flag.")

    @field_validator("inner")
    @classmethod
    def _refused(cls, value: _Inner) -> _Inner:
        raise ValueError("never")


def test_validators_and_configuration_the_spec_cannot_run_keep_the_reader_out() -> None:
    models = compile_models((_Before, _Stripping, _Checked))
    assert (models["_Before"]["plain"], models["_Stripping"]["plain"]) == (False, False)
    fields = {name: node for name, node, _ in models["_Checked"]["fields"]}
    assert fields == {"inner": ("opaque",), "rich": ("opaque",), "folded": ("opaque",)}
    assert models["_Checked"]["plain"] and models["_Inner"]["plain"]
