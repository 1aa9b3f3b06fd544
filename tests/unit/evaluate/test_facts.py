"""build_facts: the plan and the valid updates indexed for evaluation (reporters, leads, completions, submissions)."""

from __future__ import annotations

import datetime as dt

from dnnd.evaluate.facts import build_facts
from dnnd.load.summary import Completion
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import update

D = dt.date


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def test_reporters_are_the_reporting_leads_then_supports_in_the_decisions_order(make_repo: MakeRepo) -> None:
    facts = build_facts(load_repository(make_repo()))
    assert (facts.leads[8], facts.reporters[8]) == (("stttt",), ("stttt", "btg", "baokh", "ktv", "congttdt"))
    assert facts.reporters[11] == ("sngv", "btg", "stttt", "lhhn", "ktv", "baokh", "congttdt")
    assert facts.reporters[1] == ("sngv", "snv")
    assert len(facts.reporting) == 16
    assert {"lienquan", "bng", "bnv", "ttcp", "lhhnvn"}.isdisjoint(facts.reporting)


def test_decision_date_and_windows_come_from_the_plan(make_repo: MakeRepo) -> None:
    default = build_facts(load_repository(make_repo()))
    assert (default.decision_date, default.convention) == (D(2020, 5, 27), "cutoff")
    plan = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8") + "reporting:\n  windows: calendar\n"
    calendar = build_facts(load_repository(make_repo({"plan/plan.yaml": plan}, name="calendar")))
    assert calendar.convention == "calendar"


def test_done_entries_become_completions_and_every_entry_a_submission(make_repo: MakeRepo) -> None:
    files = {
        **update("lhhn", "2020-Q4", (14, "done", "2020-11-30"), (5, "in_progress")),
        **update("sngv", "2020-Q4", (5, "done", "2020-12-01")),
    }
    facts = build_facts(load_repository(make_repo(files)))
    assert dict(facts.completions) == {
        (14, "lhhn"): [Completion(D(2020, 11, 30), P("2020-Q4"))],
        (5, "sngv"): [Completion(D(2020, 12, 1), P("2020-Q4"))],
    }
    assert ("lhhn", P("2020-Q4"), 5) in facts.submitted and ("lhhn", P("2020-Q4"), 14) in facts.submitted
    assert ("lhhn", P("2020-Q3"), 5) not in facts.submitted
    assert ("snv", P("2020-Q4"), 5) not in facts.submitted


def test_reporters_at_a_date_go_through_the_plans_successions(make_repo: MakeRepo) -> None:
    facts = build_facts(load_repository(make_repo()))
    assert facts.reporters_at(8, D(2025, 2, 28)) == ("stttt", "btg", "baokh", "ktv", "congttdt")
    assert facts.reporters_at(8, D(2025, 3, 1)) == ("svhtt", "btg", "baokh", "ktv", "congttdt")
    assert facts.lineage("svhtt", 8) == frozenset({"svhtt", "stttt"})
    assert facts.lineage("skhcn", 8) == frozenset({"skhcn"})
