"""Checks of plan/events.yaml: an event id repeated is one problem, not a cascade."""

from __future__ import annotations

from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.problem_helpers import only


def test_a_repeated_event_id_is_one_problem_not_a_cascade(make_repo: MakeRepo) -> None:
    events = (EMBEDDED_PLAN / "events.yaml").read_text(encoding="utf-8")
    assert "  - id: huong-dan-bnv\n" in events
    root = make_repo({"plan/events.yaml": events.replace("  - id: huong-dan-bnv\n", "  - id: huong-dan-bng\n")})
    assert only(root, "en") == (
        "plan/events.yaml:11:9: events[1].id: event id 'huong-dan-bng' is already used (line 7); "
        "each event needs its own id"
    )
