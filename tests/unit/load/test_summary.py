"""The summary of the update files that evaluation reads, and its stored form."""

from __future__ import annotations

import datetime as dt
import json

from dnnd.load import summary
from dnnd.load.records import UpdateRecord, from_plain
from dnnd.plan.periods import parse_period


def record(agency: str, period: str, *entries: tuple[int, str, str | None]) -> UpdateRecord:
    return from_plain(
        [
            agency,
            period,
            None,
            [[task, status, done, f"{agency} {period}", None, None, [], None] for task, status, done in entries],
            [],
        ]
    )


UPDATES = [
    ("plan/updates/a/2020-Q3.yaml", record("a", "2020-Q3", (1, "done", "2020-09-01"), (2, "in_progress", None))),
    ("plan/updates/a/2020-Q4.yaml", record("a", "2020-Q4", (1, "done", "2020-10-02"))),
    ("plan/updates/b/2020-Q4.yaml", record("b", "2020-Q4", (1, "blocked", None), (2, "done", "2020-11-01"))),
    ("plan/updates/c/2021-Q1.yaml", record("c", "2021-Q1", (1, "in_progress", None))),
]
LEADS = {1: frozenset({"a", "c"}), 2: frozenset({"b"})}  # c: a's successor; b only supports task 1


def test_latest_keeps_the_entries_of_each_lead_and_successor_newest_first() -> None:
    made = summary.summarise(UPDATES, LEADS)
    assert [(item.agency, item.period) for item in made.latest[1]] == [
        ("c", "2021-Q1"),
        ("a", "2020-Q4"),
        ("a", "2020-Q3"),
    ]
    assert [(item.agency, item.period, item.rel) for item in made.latest[2]] == [
        ("b", "2020-Q4", "plan/updates/b/2020-Q4.yaml")
    ]


def test_submissions_and_completions() -> None:
    made = summary.summarise(UPDATES, LEADS)
    q3, q4 = parse_period("2020-Q3", "quarter"), parse_period("2020-Q4", "quarter")
    assert ("a", q3, 2) in made.submissions and ("b", q4, 1) in made.submissions
    assert ("b", q3, 1) not in made.submissions and ("a", q4, 2) not in made.submissions
    assert [(item.done_on, item.quarter) for item in made.completions[(1, "a")]] == [
        (dt.date(2020, 9, 1), q3),
        (dt.date(2020, 10, 2), q4),
    ]
    assert (1, "b") not in made.completions and made.files == 4


def test_the_stored_form_reads_back_the_same() -> None:
    made = summary.summarise(UPDATES, LEADS)
    back = summary.from_plain(json.loads(json.dumps(summary.to_plain(made))))
    assert back.latest == made.latest
    assert back.submissions.by_quarter == made.submissions.by_quarter
    assert dict(back.completions) == dict(made.completions)
    assert back.files == made.files
