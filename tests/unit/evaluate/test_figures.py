"""The figures of activities: tallied per kind, for a period and the periods it is compared with, per agency."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from dnnd.errors import UsageError
from dnnd.evaluate.figures import (
    Figures,
    KindFigures,
    Rates,
    Stats,
    countries_of,
    figures_by_quarter,
    figures_for,
    figures_of,
    tally,
)
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.load.activities import CountedActivity
from dnnd.load.records import MoneyRecord
from dnnd.plan.activity_models import ExchangeRate
from dnnd.plan.periods import Period, Window, parse_period
from dnnd.plan.vocabulary import ACTIVITY_KINDS
from dnnd.repository import load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo

D = dt.date
TODAY = D(2024, 1, 1)
OCTOBER_5 = D(2020, 10, 5)
USD = "USD"


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def counted(kind: str = "event", start: dt.date = OCTOBER_5, **fields: Any) -> CountedActivity:
    """A counted activity with every field not given empty, reported by lhhn."""
    empty: dict[str, Any] = dict.fromkeys(CountedActivity._fields)
    empty.update(title="Hoạt động", countries=(), tasks=(), agencies=("lhhn",), period="2020-Q4")
    return CountedActivity(**{**empty, "kind": kind, "start": start, **fields})


def aid(
    pledged: tuple[int, str], disbursed: tuple[int, str] | None = None, start: dt.date = OCTOBER_5
) -> CountedActivity:
    """An aid activity: its pledged and disbursed values as (amount, currency)."""
    return counted(
        "aid", start, pledged=MoneyRecord(*pledged), disbursed=MoneyRecord(*disbursed) if disbursed else None
    )


def rates(*known: tuple[int, str, str]) -> Rates:
    return Rates(ExchangeRate(year=year, currency=code, vnd=Decimal(vnd)) for year, code, vnd in known)


def test_every_kind_has_figures_in_the_vocabularys_order_zero_when_nothing_was_done() -> None:
    figures = tally([], rates())
    assert list(figures) == list(ACTIVITY_KINDS)
    assert all(found == KindFigures() for found in figures.values())


def test_activities_people_and_countries_are_counted_per_kind() -> None:
    figures = tally(
        [
            counted("delegation_in", countries=("JP", "KR"), people=5),
            counted("delegation_in", countries=("JP",), people=None),
            counted("delegation_in", countries=("US",), people=7),
            counted("training", people=40),
        ],
        rates(),
    )
    found = figures["delegation_in"]
    assert (found.activities, found.people, found.countries) == (3, 12, {"JP": 2, "KR": 1, "US": 1})
    assert (figures["training"].activities, figures["training"].people) == (1, 40)
    assert figures["event"] == KindFigures()
    assert countries_of(figures) == {"JP", "KR", "US"}


@pytest.mark.parametrize(
    ("activities", "items"),
    [
        ([counted("media")], 1),
        ([counted("media", items=5)], 5),
        ([counted("media", items=5), counted("media"), counted("media", items=2)], 8),
        ([counted("event", items=5)], 0),
    ],
    ids=["count-missing", "count-given", "mixed", "not-media"],
)
def test_media_items_count_one_each_unless_the_count_is_given(activities: list[CountedActivity], items: int) -> None:
    assert tally(activities, rates())["media"].items == items


def test_aid_values_are_summed_per_currency_pledged_and_disbursed_apart() -> None:
    figures = tally(
        [aid((1000, USD), (400, USD)), aid((500, USD)), aid((2_000_000, "VND"), (1_000_000, "VND"))],
        rates(),
    )
    found = figures["aid"]
    assert found.activities == 3
    assert found.pledged == {USD: 1500, "VND": 2_000_000}
    assert found.disbursed == {USD: 400, "VND": 1_000_000}


@pytest.mark.parametrize(
    ("activities", "known", "pledged", "disbursed"),
    [
        ([aid((1000, USD), (400, USD))], [(2020, USD, "23150")], 23_150_000, 9_260_000),
        ([aid((1000, USD)), aid((1_000_000, "VND"))], [(2020, USD, "23150")], 24_150_000, None),
        ([aid((1000, USD))], [], None, None),
        ([aid((1000, USD))], [(2021, USD, "23150")], None, None),
        ([aid((1000, USD))], [(2020, "EUR", "27000")], None, None),
        ([aid((1000, USD)), aid((10, "EUR"))], [(2020, USD, "23150")], None, None),
        ([aid((1000, USD), start=D(2020, 12, 20))], [(2020, USD, "23150"), (2021, USD, "1")], 23_150_000, None),
        ([aid((2_000_000, "VND"), (1_000_000, "VND"))], [(2020, USD, "23150")], None, None),
        ([aid((2_000_000, "VND"), (400, USD))], [(2020, USD, "23150")], None, 9_260_000),
        ([aid((1, USD))], [(2020, USD, "23150.5")], 23_151, None),
    ],
    ids=[
        "rate-known", "with-vnd", "no-rate", "rate-of-another-year", "rate-of-another-currency", "one-rate-missing",
        "year-of-the-start", "vnd-only", "foreign-disbursed-only", "rounded-half-up",
    ],
)  # fmt: skip
def test_a_vnd_equivalent_is_given_only_where_every_foreign_amount_has_its_years_rate(
    activities: list[CountedActivity], known: list[tuple[int, str, str]], pledged: int | None, disbursed: int | None
) -> None:
    found = tally(activities, rates(*known))["aid"]
    assert (found.pledged_vnd_equivalent, found.disbursed_vnd_equivalent) == (pledged, disbursed)


def test_the_rates_used_and_those_missing_are_kept() -> None:
    known = rates((2020, USD, "23150"), (2021, USD, "23500"))
    tally([aid((1000, USD)), aid((10, "EUR")), aid((5, "EUR"), start=D(2021, 1, 4))], known)
    assert list(known.used) == [(2020, USD)]
    assert known.missing == {(2020, "EUR"), (2021, "EUR")}


def update(agency: str, period: str, *activities: str) -> dict[str, str]:
    """An update file with no entries and the activities given (each a YAML mapping on one line)."""
    listed = "".join(f"  - {item}\n" for item in activities)
    text = f"agency: {agency}\nperiod: {period}\nentries: []\nactivities:\n{listed}"
    return {f"plan/updates/{agency}/{period}.yaml": text}


def event(start: str, people: int, ref: str = "", title: str = "Hội nghị") -> str:
    return f"{{kind: event, title: {title}, start: {start}, people: {people}" + (f", ref: '{ref}'}}" if ref else "}")


DELEGATION = "{kind: delegation_in, title: Đoàn Nhật Bản, start: 2020-12-20, countries: [JP], partner: JICA, people: 5}"
AID = (
    "{kind: aid, title: Viện trợ, start: 2021-02-01, countries: [KR], partner: KOICA, aid_type: project, "
    "pledged: {amount: 1000, currency: USD}, disbursed: {amount: 400, currency: USD}}"
)
FILES = {
    **update("lhhn", "2020-Q4", event("2020-10-05", 30, "1/KH"), "{kind: media, title: Bài viết, start: 2020-11-02, count: 3}"),
    **update("sngv", "2020-Q4", event("2020-10-05", 50, " 1/kh")),
    **update("lhhn", "2021-Q1", DELEGATION),
    **update("sngv", "2021-Q1", AID),
    **update("sngv", "2021-Q3", event("2021-08-01", 9)),
    **update("snv", "2021-Q4", "{kind: training, title: Tập huấn, start: 2021-10-10, people: 20}"),
    **update("lhhn", "2021-Q4", event("2021-11-20", 12), event("2021-12-10", 7, title="Gặp mặt")),
}  # fmt: skip
YEAR, AID_TRAINING = "delegation_in:1", "aid:1 training:1"  # what 2021 has beside its events
RATES = "\nreporting:\n  exchange_rates:\n    - {year: 2021, currency: USD, vnd: 23000}\n"


@pytest.fixture
def root(make_repo: MakeRepo) -> Path:
    plan = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8") + RATES
    return make_repo({**FILES, "plan/plan.yaml": plan})


def done(figures: Figures) -> str:
    """The kinds anything was done of, with how many activities: 'event:2 media:1'."""
    return " ".join(f"{kind}:{found.activities}" for kind, found in figures.items() if found.activities)


def summary(stats: Stats) -> tuple[str, str, str, str]:
    """What was done in the period, the one before, a year earlier and the year to date."""
    return done(stats.totals), done(stats.previous_totals), done(stats.year_ago_totals), done(stats.year_to_date_totals)


def test_a_named_period_is_tallied_to_its_windows_end_with_one_shared_activity_counted_once(root: Path) -> None:
    stats = figures_for(load_repository(root, use_cache=False), PeriodChoice(P("2020-Q4")), today=TODAY)
    assert stats.scope == (P("2020-Q4"), Window(D(2020, 9, 15), D(2020, 12, 14)), D(2020, 12, 14))
    assert (stats.totals["event"].activities, stats.totals["event"].people) == (1, 50)
    assert (stats.totals["media"].activities, stats.totals["media"].items) == (1, 3)
    assert [activity.agencies for activity in stats.activities] == [("lhhn", "sngv"), ("lhhn",)]
    assert stats.agency is None


def test_a_day_in_mid_december_is_in_the_next_years_first_quarter_counted_up_to_that_day(root: Path) -> None:
    choice = PeriodChoice(P("2021-Q1"), D(2020, 12, 20))  # the quarter under way, on a day of its first week
    stats = figures_for(load_repository(root, use_cache=False), choice, today=TODAY)
    assert stats.scope == (P("2021-Q1"), Window(D(2020, 12, 15), D(2021, 3, 14)), D(2020, 12, 20))
    assert [activity.kind for activity in stats.activities] == ["delegation_in"]  # the aid of 01/02/2021 is later
    assert stats.totals["delegation_in"].countries == {"JP": 1}
    assert (stats.year_ago.period, stats.year_ago.until) == (P("2020-Q1"), D(2019, 12, 20))
    assert stats.year_to_date == (P("2021-Q1"), Window(D(2020, 12, 15), D(2021, 3, 14)), D(2020, 12, 20))


@pytest.mark.parametrize(
    ("period", "until", "current", "previous", "year_ago", "year_to_date"),
    [
        ("2020-Q4", D(2020, 12, 14), "event:1 media:1", "", "", "event:1 media:1"),
        ("2020-Q4", D(2020, 10, 31), "event:1", "", "", "event:1"),
        ("2021-Q1", D(2021, 3, 14), "delegation_in:1 aid:1", "event:1 media:1", "", "delegation_in:1 aid:1"),
        ("2021-Q4", D(2021, 12, 1), "event:1 training:1", "event:1", "event:1 media:1", f"{YEAR} event:2 {AID_TRAINING}"),
        ("2021-Q4", D(2021, 12, 14), "event:2 training:1", "event:1", "event:1 media:1", f"{YEAR} event:3 {AID_TRAINING}"),
        ("2021-Q4", D(2021, 11, 1), "training:1", "event:1", "event:1", f"{YEAR} event:1 {AID_TRAINING}"),
        ("2021-H2", D(2021, 12, 14), "event:3 training:1", f"{YEAR} aid:1", "event:1 media:1", f"{YEAR} event:3 {AID_TRAINING}"),
    ],
    ids=["quarter", "quarter-cut", "first-quarter", "cut-before-an-event", "whole-quarter", "year-ago-cut", "half"],
)  # fmt: skip
def test_a_period_is_compared_with_the_one_before_the_same_a_year_earlier_and_the_year_to_date(
    root: Path, period: str, until: dt.date, current: str, previous: str, year_ago: str, year_to_date: str
) -> None:
    stats = figures_of(load_repository(root, use_cache=False), P(period), until)
    assert summary(stats) == (current, previous, year_ago, year_to_date)


def test_the_periods_compared_with_are_the_one_before_whole_and_a_year_earlier_cut_at_the_same_day(root: Path) -> None:
    stats = figures_of(load_repository(root, use_cache=False), P("2021-Q4"), D(2021, 12, 1))
    assert stats.previous == (P("2021-Q3"), Window(D(2021, 6, 15), D(2021, 9, 14)), D(2021, 9, 14))
    assert stats.year_ago == (P("2020-Q4"), Window(D(2020, 9, 15), D(2020, 12, 14)), D(2020, 12, 1))
    assert stats.year_to_date == (P("2021"), Window(D(2020, 12, 15), D(2021, 12, 14)), D(2021, 12, 1))
    assert (stats.previous_totals["event"].people, stats.year_ago_totals["event"].people) == (9, 50)
    assert stats.year_to_date_totals["event"].people == 9 + 12


@pytest.mark.parametrize(
    ("period", "by_agency"),
    [
        ("2020-Q4", [("sngv", "event:1"), ("lhhn", "event:1 media:1")]),
        ("2021-Q1", [("sngv", "aid:1"), ("lhhn", "delegation_in:1")]),
        ("2021-Q4", [("snv", "training:1"), ("lhhn", "event:2")]),
    ],
)
def test_each_agency_has_the_figures_of_what_it_reported_in_the_order_of_the_agencies_file(
    root: Path, period: str, by_agency: list[tuple[str, str]]
) -> None:
    stats = figures_of(load_repository(root, use_cache=False), P(period), P(period).window().end)
    assert [(agency, done(figures)) for agency, figures in stats.by_agency.items()] == by_agency


@pytest.mark.parametrize(
    ("agency", "current", "year_to_date"),
    [
        ("sngv", "event:1", "event:1 aid:1"),
        ("lhhn", "event:1 media:1", "delegation_in:1 event:2"),
        ("snv", "", "training:1"),
    ],
)
def test_an_agency_option_keeps_only_what_that_agency_reported_in_every_tally(
    root: Path, agency: str, current: str, year_to_date: str
) -> None:
    repo = load_repository(root, use_cache=False)
    first = figures_of(repo, P("2020-Q4"), D(2020, 12, 14), agency_id=agency)
    last = figures_of(repo, P("2021-Q4"), D(2021, 12, 14), agency_id=agency)
    assert summary(first)[0] == current and first.agency == agency
    assert list(first.by_agency) == ([agency] if current else [])
    assert summary(last)[3] == year_to_date


def test_an_unknown_agency_is_a_usage_error(root: Path) -> None:
    with pytest.raises(UsageError) as raised:
        figures_of(load_repository(root, use_cache=False), P("2020-Q4"), D(2020, 12, 14), agency_id="xyz")
    assert "no agency with id 'xyz'" in raised.value.message.en


def test_the_current_activities_come_in_the_order_of_their_start(root: Path) -> None:
    stats = figures_of(load_repository(root, use_cache=False), P("2021-H2"), D(2021, 12, 14))
    assert [(activity.start, activity.title) for activity in stats.activities] == [
        (D(2021, 8, 1), "Hội nghị"),
        (D(2021, 10, 10), "Tập huấn"),
        (D(2021, 11, 20), "Hội nghị"),
        (D(2021, 12, 10), "Gặp mặt"),
    ]


def test_activities_of_one_day_come_in_the_vocabularys_order_of_kinds_then_by_title(make_repo: MakeRepo) -> None:
    training = "{kind: training, title: Bồi dưỡng, start: 2020-10-05}"
    files = update("lhhn", "2020-Q4", training, event("2020-10-05", 1, title="Tọa đàm"), event("2020-10-05", 2))
    stats = figures_of(load_repository(make_repo(files), use_cache=False), P("2020-Q4"), D(2020, 12, 14))
    assert [(activity.kind, activity.title) for activity in stats.activities] == [
        ("event", "Hội nghị"),
        ("event", "Tọa đàm"),
        ("training", "Bồi dưỡng"),
    ]


def test_aid_is_given_in_vnd_at_the_rate_plan_yaml_gives_for_its_year(root: Path) -> None:
    stats = figures_of(load_repository(root, use_cache=False), P("2021-Q1"), D(2021, 3, 14))
    found = stats.totals["aid"]
    assert (found.pledged, found.disbursed) == ({USD: 1000}, {USD: 400})
    assert (found.pledged_vnd_equivalent, found.disbursed_vnd_equivalent) == (23_000_000, 9_200_000)
    assert stats.by_agency["sngv"]["aid"].pledged_vnd_equivalent == 23_000_000
    assert list(stats.rates.used) == [(2021, USD)] and stats.rates.missing == set()


def test_without_a_rate_in_plan_yaml_aid_has_no_vnd_equivalent(make_repo: MakeRepo) -> None:
    stats = figures_of(load_repository(make_repo(FILES), use_cache=False), P("2021-Q1"), D(2021, 3, 14))
    found = stats.totals["aid"]
    assert found.pledged == {USD: 1000}
    assert (found.pledged_vnd_equivalent, found.disbursed_vnd_equivalent) == (None, None)
    assert stats.rates.missing == {(2021, USD)}


def test_under_calendar_windows_a_december_activity_stays_in_its_years_last_quarter(make_repo: MakeRepo) -> None:
    plan = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8") + "\nreporting:\n  windows: calendar\n"
    repo = load_repository(make_repo({**FILES, "plan/plan.yaml": plan}), use_cache=False)
    stats = figures_for(repo, PeriodChoice(as_of=D(2020, 12, 20)), today=TODAY)
    assert stats.scope == (P("2020-Q4"), Window(D(2020, 10, 1), D(2020, 12, 31)), D(2020, 12, 20))
    assert summary(stats)[0] == "delegation_in:1 event:1 media:1"


def _compared(stats: Stats) -> tuple[Figures, ...]:
    return stats.totals, stats.previous_totals, stats.year_ago_totals, stats.year_to_date_totals


@pytest.mark.parametrize(
    ("agency", "until"), [(None, D(2020, 12, 14)), ("lhhn", D(2020, 12, 14)), (None, D(2020, 11, 1))]
)
def test_kept_quarter_figures_add_up_to_what_counting_gives(
    make_repo: MakeRepo, agency: str | None, until: dt.date
) -> None:
    from tests.acceptance.activity_scenario import SCENARIO
    from tests.git_helpers import init

    root = init(make_repo(SCENARIO))
    period = Period(2020, 4, 4)
    fresh = figures_of(load_repository(root, use_cache=False), period, until, agency_id=agency)
    first = figures_of(load_repository(root), period, until, agency_id=agency)  # computes and keeps them
    assert (root / ".git" / "dnnd-derived.json").is_file()
    again = figures_of(load_repository(root), period, until, agency_id=agency)  # adds up the kept ones
    assert _compared(first) == _compared(again) == _compared(fresh)
    assert again.rates.used == fresh.rates.used and again.activities == fresh.activities


QUARTERS = [P(name) for name in ("2020-Q3", "2020-Q4", "2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4")]


@pytest.mark.parametrize("until", [D(2021, 12, 14), D(2021, 11, 30), D(2021, 3, 1)], ids=["whole", "cut", "early"])
@pytest.mark.parametrize("keeps", [False, True], ids=["counted", "kept"])
def test_each_quarters_figures_are_those_of_the_quarter_up_to_the_day(
    make_repo: MakeRepo, until: dt.date, keeps: bool
) -> None:
    from tests.git_helpers import init

    plan = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8") + RATES
    root = make_repo({**FILES, "plan/plan.yaml": plan})
    repo = load_repository(init(root), use_cache=True) if keeps else load_repository(root, use_cache=False)
    assert repo.keeps == keeps
    found = figures_by_quarter(repo, QUARTERS, until)
    assert list(found) == QUARTERS
    for quarter in QUARTERS:
        assert found[quarter] == figures_of(repo, quarter, until).totals, quarter
    assert found[P("2021-Q1")]["aid"].pledged_vnd_equivalent == 23_000_000  # the aid of 01/02/2021, converted


def test_each_quarter_counts_its_own_activities_and_no_quarter_gives_nothing(root: Path) -> None:
    repo = load_repository(root, use_cache=False)
    found = figures_by_quarter(repo, QUARTERS, D(2021, 12, 14))
    assert [done(found[quarter]) for quarter in QUARTERS] == [
        "", "event:1 media:1", "delegation_in:1 aid:1", "", "event:1", "event:2 training:1",
    ]  # fmt: skip
    assert figures_by_quarter(repo, [], D(2021, 12, 14)) == {}
