"""Each task's timing resolved: an events file that does not load causes no timing problems of its own."""

from __future__ import annotations

from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.problem_helpers import only


def test_an_events_file_that_does_not_validate_causes_no_timing_problems(make_repo: MakeRepo) -> None:
    events = (EMBEDDED_PLAN / "events.yaml").read_text(encoding="utf-8")
    root = make_repo({"plan/events.yaml": events.replace("occurred_on: null", "occurred_on: 2020-13-01", 1)})
    assert only(root, "en").startswith("plan/events.yaml:10:18: events[0].occurred_on: '2020-13-01' is not a valid")
