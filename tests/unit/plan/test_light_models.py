"""Light models read, compare and dump as their pydantic models do."""

from __future__ import annotations

import datetime as dt
import pickle

from dnnd.plan.light_models import LIGHT_CLASSES
from dnnd.plan.models import Agency, Lock


def test_a_light_model_dumps_as_its_pydantic_model() -> None:
    values = {"period": "2020-Q4", "locked_on": dt.date(2020, 12, 16), "note": None, "number": 3, "issued_on": None}
    light, model = LIGHT_CLASSES["Lock"](**values), Lock(**values)
    assert light.model_dump() == model.model_dump()
    assert light.model_dump(mode="json", exclude_none=True) == model.model_dump(mode="json", exclude_none=True)
    assert light.model_dump(mode="json")["locked_on"] == "2020-12-16"
    assert repr(light).startswith("Lock(period='2020-Q4', locked_on=datetime.date(2020, 12, 16)")
    assert str(light) == str(model)


def test_light_models_compare_pickle_and_keep_the_facts() -> None:
    fields = {name: None for name in Agency.model_fields}
    group = LIGHT_CLASSES["Agency"](**{**fields, "id": "nhom", "kind": "group", "aliases": [], "reviewers": []})
    same = pickle.loads(pickle.dumps(group))
    assert same == group and same is not group and type(same).__name__ == "Agency"
    assert group != LIGHT_CLASSES["Agency"](**{**fields, "id": "khac", "kind": "group", "aliases": [], "reviewers": []})
    assert (group.reports, group.model_name) == (False, "Agency")
    assert LIGHT_CLASSES["Agency"].__hash__ is None
