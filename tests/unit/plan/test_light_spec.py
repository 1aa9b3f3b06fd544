"""The light spec in the package is the one the pydantic models give."""

from __future__ import annotations

from dnnd.plan import light_spec
from dnnd.plan.light_spec_compiler import compile_models


def test_the_written_spec_is_the_models_spec() -> None:
    # after changing a model: python tools/compile_light_spec.py
    assert compile_models() == light_spec.MODELS
    assert set(light_spec.MODELS) >= {"Plan", "AgenciesFile", "TasksFile", "EventsFile", "LocksFile"}
