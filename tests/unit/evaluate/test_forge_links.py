"""Forge links: one per agency and quarter missing, in the plan's order; the Excel form past the length limit;
none for a file that exists; and what to add when plan.yaml has no forge."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest

from dnnd.errors import UsageError
from dnnd.evaluate import forge_links
from dnnd.evaluate.forge_links import MAX_URL, forge_of, link_for, missing_links
from dnnd.evaluate.forge_links import forge_links as links_of
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.evaluate.task_status import Evaluation, MissingReport
from dnnd.evaluate.update_scaffold import render_update
from dnnd.plan.periods import quarter
from dnnd.repository import Repository, load_repository
from tests.conftest import MakeRepo
from tests.forge_helpers import with_forge
from tests.git_helpers import update

Q3, Q4 = quarter(2020, 3), quarter(2020, 4)


def _repo(make_repo: MakeRepo, files: dict[str, str | bytes | None] | None = None) -> Repository:
    return load_repository(make_repo({**with_forge(), **(files or {})}), use_cache=False)


def test_a_link_opens_the_agencys_file_filled_with_its_scaffold(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo)
    link = link_for(repo, forge_of(repo), "stttt", Q4, (8, 11))
    assert (link.path, link.reason, link.instead, link.tasks) == (
        "plan/updates/stttt/2020-Q4.yaml",
        None,
        None,
        (8, 11),
    )
    assert link.url is not None and len(link.url) <= MAX_URL
    query = parse_qs(urlsplit(link.url).query)
    assert query == {"filename": [link.path], "value": [render_update(repo, "stttt", Q4)[0]]}


def test_past_the_limit_the_excel_form_instead(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(make_repo)
    long = link_for(repo, forge_of(repo), "lhhn", Q4)
    assert long.url is None and long.instead == "form" and long.reason is not None
    assert "dnnd form --agency lhhn --quarter 2020-Q4" in long.reason.vi and "8.000" in long.reason.vi
    assert "use the Excel form" in long.reason.en
    fits = link_for(repo, forge_of(repo), "stttt", Q4).url
    assert fits is not None
    monkeypatch.setattr(forge_links, "MAX_URL", len(fits))
    assert link_for(repo, forge_of(repo), "stttt", Q4).url == fits
    monkeypatch.setattr(forge_links, "MAX_URL", len(fits) - 1)
    assert link_for(repo, forge_of(repo), "stttt", Q4).instead == "form"


def test_no_new_file_for_an_update_that_exists(make_repo: MakeRepo) -> None:
    invalid = {"plan/updates/btg/2020-Q4.yaml": "agency: btg\nperiod: 2020-Q4\nentries: nope\n"}
    repo = _repo(make_repo, {**update("stttt", "2020-Q4", (8, "in_progress")), **invalid})
    link = link_for(repo, forge_of(repo), "stttt", Q4, (11,))
    assert link.url is None and link.instead == "file" and link.reason is not None
    assert link.reason.vi == "đã có tệp plan/updates/stttt/2020-Q4.yaml: bổ sung vào tệp đó các nhiệm vụ còn thiếu"
    assert repo.left_out == ["plan/updates/btg/2020-Q4.yaml"]
    assert link_for(repo, forge_of(repo), "btg", Q4).instead == "file"  # left out as invalid, but there


def test_links_follow_the_plans_order_then_the_quarters(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo)
    missing = [MissingReport("stttt", Q4, (8,)), MissingReport("snv", Q4, (5,)), MissingReport("stttt", Q3, (8,))]
    evaluation = Evaluation(quarter(2020, 4), Q4.window(), Q4.window().end, [], missing)
    found = missing_links(repo, forge_of(repo), evaluation)
    assert [(link.agency, link.quarter) for link in found] == [("snv", Q4), ("stttt", Q3), ("stttt", Q4)]
    assert [link.agency for link in missing_links(repo, forge_of(repo), evaluation, leave_out="snv")] == ["stttt"] * 2


def test_the_period_and_agency_asked_for_as_missing_tells_them(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo)
    found = links_of(repo, PeriodChoice(quarter(2020, 4)), today=dt.date(2021, 3, 1), agency_id="btg")
    assert found.evaluation.period == Q4 and found.why is None
    assert [(link.agency, link.tasks) for link in found.links] == [("btg", (4, 8, 11))]
    taken = links_of(repo, PeriodChoice(None, dt.date(2020, 12, 20)), today=dt.date(2021, 3, 1), agency_id="btg")
    assert taken.why is not None and [link.quarter for link in taken.links] == [Q4]


def test_without_a_forge_the_usage_error_says_what_to_add(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(), use_cache=False)
    with pytest.raises(UsageError) as raised:
        links_of(repo, PeriodChoice(Q4), today=dt.date(2021, 3, 1))
    assert "forge:\n  url: https://github.com/" in raised.value.message.vi


def test_no_link_for_a_locked_quarter(make_repo: MakeRepo) -> None:
    repo = _repo(make_repo, {"plan/locks.yaml": "locks:\n  - period: 2020-Q4\n    locked_on: 2020-12-20\n"})
    link = link_for(repo, forge_of(repo), "stttt", Q4)
    assert (link.url, link.instead) == (None, "locked") and link.reason is not None
    assert link.reason.en == "2020-Q4 is locked (its report was issued): no update is taken"
    assert link_for(repo, forge_of(repo), "stttt", Q3).url is not None
