"""Checks of plan/plan.yaml: the focal point is a reporting agency."""

from __future__ import annotations

import pytest

from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.problem_helpers import only


def plan_text(name: str) -> str:
    return (EMBEDDED_PLAN / name).read_text(encoding="utf-8")


def line_of(text: str, line: str) -> int:
    """1-based number of the line that reads exactly `line`."""
    return text.splitlines().index(line) + 1


@pytest.mark.parametrize("value", ["abc", "lienquan", "bng"], ids=["unknown", "group", "external"])
def test_focal_point_must_be_a_reporting_agency(make_repo: MakeRepo, value: str) -> None:
    text = plan_text("plan.yaml")
    line = line_of(text, "focal_point: sngv")
    message = only(make_repo({"plan/plan.yaml": text.replace("focal_point: sngv\n", f"focal_point: {value}\n")}))
    assert message == (
        f"plan/plan.yaml:{line}:14: focal_point: cơ quan đầu mối '{value}' phải là một cơ quan có báo cáo "
        "trong plan/agencies.yaml"
    )
