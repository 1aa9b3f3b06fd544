"""Model helpers: validated data rebuilt from its JSON dump without validating again."""

from __future__ import annotations

import json

import pytest

from dnnd.load.validation import validate_document
from dnnd.load.yamlio import load_yaml
from dnnd.plan.models import AgenciesFile, EventsFile, Plan, TasksFile
from dnnd.plan.rebuild import rebuild
from tests.conftest import EMBEDDED_PLAN


@pytest.mark.parametrize(
    ("model", "rel"),
    [(Plan, "plan.yaml"), (AgenciesFile, "agencies.yaml"), (TasksFile, "tasks.yaml"), (EventsFile, "events.yaml")],
)
def test_rebuild_gives_the_validated_model_back(model: type[Plan], rel: str) -> None:
    validated = validate_document(model, load_yaml((EMBEDDED_PLAN / rel).read_bytes(), rel), rel)
    rebuilt = rebuild(model, json.loads(json.dumps(validated.model_dump(mode="json"))))
    assert rebuilt == validated
    assert rebuilt.model_dump() == validated.model_dump()  # dates are dates again, nested models are models
