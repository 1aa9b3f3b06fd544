"""The rules the models check beyond types, run alike by pydantic and by the light reader."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dnnd.plan import model_rules
from dnnd.plan.forge import Forge
from dnnd.plan.models import ExplicitSchedule, Reporting


def test_a_broken_rule_speaks_both_languages() -> None:
    with pytest.raises(model_rules.RuleBroken) as broken:
        model_rules.day_of_the_year("02-30")
    assert (broken.value.vi, broken.value.en) == ("không có ngày 02-30 trong năm", "no year has a day 02-30")
    assert model_rules.day_of_the_year("02-29") == "02-29"
    assert model_rules.https_repository(" https://example.vn/a/ ") == "https://example.vn/a"


def test_pydantic_runs_the_rules_with_their_words() -> None:
    with pytest.raises(ValidationError, match="no year has a day 02-30"):
        Reporting(budget_due="02-30")
    with pytest.raises(ValidationError, match="schedule kind once takes exactly: due"):
        ExplicitSchedule(kind="once", month=5)
    forge = Forge(url="https://example.vn/a/", new_file="{url}/new/{branch}?filename={path}&value={text}")
    assert (forge.url, forge.fills_text) == ("https://example.vn/a", True)


def test_every_rule_is_known_by_its_name() -> None:
    assert all(model_rules.RULES[name].__name__ == name for name in model_rules.RULES)
    assert model_rules.FACTS["Agency"] == (model_rules.AgencyFacts,)
