"""The figures of people-to-people diplomacy: activities counted per kind for a period, compared with the
period before, the same period a year earlier and the year to date, per agency, with the aid's values.

Values are kept per currency. A VND equivalent is given only where `plan.yaml` has the rate of every
foreign currency in the figures for the year of each activity's start; there is no built-in rate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from dnnd.checks.update_periods import first_quarter
from dnnd.evaluate.status_report import PeriodChoice, choose_period, locked_quarters
from dnnd.evaluate.task_views import check_agency
from dnnd.i18n import Text
from dnnd.load.activities import CountedActivity
from dnnd.plan.activity_models import ExchangeRate
from dnnd.plan.periods import Convention, Period, Window
from dnnd.plan.vocabulary import ACTIVITY_KINDS
from dnnd.repository import Repository


@dataclass
class KindFigures:
    """The figures of one kind of activity: how many, how many people, which countries (activities per
    country), media items, and aid values per currency with their VND equivalent when every rate is known."""

    activities: int = 0
    people: int = 0
    countries: dict[str, int] = field(default_factory=dict)
    items: int = 0
    pledged: dict[str, int] = field(default_factory=dict)
    disbursed: dict[str, int] = field(default_factory=dict)
    pledged_vnd_equivalent: int | None = None
    disbursed_vnd_equivalent: int | None = None


Figures = dict[str, KindFigures]  # kind → its figures, every kind in the vocabulary's order


class Scope(NamedTuple):
    """A stretch of time the figures cover: a period, cut at a day when the period is not over."""

    period: Period
    window: Window
    until: dt.date

    def quarters(self) -> list[str]:
        return [quarter.name for quarter in self.period.quarters()]


class Rates:
    """The plan's exchange rates, and those a conversion used (which the report states)."""

    def __init__(self, rates: Iterable[ExchangeRate]) -> None:
        self.by_key = {(rate.year, rate.currency): rate for rate in rates}
        self.used: dict[tuple[int, str], ExchangeRate] = {}
        self.missing: set[tuple[int, str]] = set()

    def in_vnd(self, amount: int, currency: str, year: int) -> int | None:
        if currency == "VND":
            return amount
        rate = self.by_key.get((year, currency))
        if rate is None:
            self.missing.add((year, currency))
            return None
        self.used[(year, currency)] = rate
        return int((Decimal(amount) * rate.vnd).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def tally(activities: Iterable[CountedActivity], rates: Rates) -> Figures:
    """Every kind's figures over `activities` (zeros for the kinds none of them is)."""
    figures = {kind: KindFigures() for kind in ACTIVITY_KINDS}
    equivalents: dict[str, dict[str, int | None]] = {}  # kind → pledged/disbursed → VND so far (None: unknown)
    foreign: dict[str, set[str]] = {}  # kind → which of pledged/disbursed had a foreign currency
    for activity in activities:
        found = figures[activity.kind]
        found.activities += 1
        found.people += activity.people or 0
        for code in activity.countries:
            found.countries[code] = found.countries.get(code, 0) + 1
        if activity.kind == "media":
            found.items += activity.items or 1
        for name, money in (("pledged", activity.pledged), ("disbursed", activity.disbursed)):
            if money is None:
                continue
            values: dict[str, int] = getattr(found, name)
            values[money.currency] = values.get(money.currency, 0) + money.amount
            sums = equivalents.setdefault(activity.kind, {})
            in_vnd = rates.in_vnd(money.amount, money.currency, activity.start.year)
            so_far = sums.get(name, 0)
            sums[name] = None if in_vnd is None or so_far is None else so_far + in_vnd
            if money.currency != "VND":
                foreign.setdefault(activity.kind, set()).add(name)
    for kind, sums in equivalents.items():
        for name in foreign.get(kind, ()):  # an equivalent only where a foreign currency was converted
            setattr(figures[kind], f"{name}_vnd_equivalent", sums.get(name))
    return figures


def add_figures(many: Iterable[Figures]) -> Figures:
    """Figures added up kind by kind (VND equivalents only where every part has one)."""
    total = {kind: KindFigures() for kind in ACTIVITY_KINDS}
    equivalent: dict[tuple[str, str], int | None] = {}
    for figures in many:
        for kind, found in figures.items():
            into = total[kind]
            into.activities += found.activities
            into.people += found.people
            into.items += found.items
            for target, source in (
                (into.countries, found.countries),
                (into.pledged, found.pledged),
                (into.disbursed, found.disbursed),
            ):
                for key, value in source.items():
                    target[key] = target.get(key, 0) + value
            for name in ("pledged", "disbursed"):
                values = getattr(found, name)
                if not values:
                    continue
                part: int | None = getattr(found, f"{name}_vnd_equivalent")
                if part is None and set(values) == {"VND"}:
                    part = values["VND"]
                so_far: int | None = equivalent.get((kind, name), 0)
                equivalent[(kind, name)] = None if part is None or so_far is None else so_far + part
    for (kind, name), in_vnd in equivalent.items():
        if set(getattr(total[kind], name)) != {"VND"}:
            setattr(total[kind], f"{name}_vnd_equivalent", in_vnd)
    return total


@dataclass
class Stats:
    """What `dnnd stats` gives, and what the report's figures are written from."""

    scope: Scope
    previous: Scope
    year_ago: Scope
    year_to_date: Scope
    totals: Figures
    previous_totals: Figures
    year_ago_totals: Figures
    year_to_date_totals: Figures
    by_agency: dict[str, Figures]
    activities: list[CountedActivity]
    rates: Rates
    agency: str | None = None
    why: Text | None = None  # why this period, when none was named
    # whether the period before and the one a year earlier lie within the plan's reporting (a comparison with
    # a period before the plan's first reporting quarter would read as growth from nothing)
    previous_reported: bool = True
    year_ago_reported: bool = True


def _cut(period: Period, convention: Convention, until: dt.date | None) -> Scope:
    window = period.window(convention)
    end = window.end if until is None else min(window.end, until)
    return Scope(period, window, end)


def _year_earlier(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _within(activities: Iterable[CountedActivity], scope: Scope, agency: str | None) -> list[CountedActivity]:
    quarters = set(scope.quarters())
    return [
        activity
        for activity in activities
        if activity.period in quarters
        and activity.start <= scope.until
        and (agency is None or agency in activity.agencies)
    ]


def figures_for(repo: Repository, choice: PeriodChoice, *, today: dt.date, agency_id: str | None = None) -> Stats:
    """The figures of the chosen period: a named period, or the quarter of a day (today by default) up to
    that day."""
    period, as_of, why = choose_period(choice, today, repo.plan.reporting.windows, locked_quarters(repo))
    stats = figures_of(repo, period, as_of, agency_id=agency_id)
    stats.why = why
    return stats


def figures_of(repo: Repository, period: Period, until: dt.date, *, agency_id: str | None = None) -> Stats:
    """The figures of `period` up to `until`, of the period before, of the same period a year earlier (up
    to the same day) and of the year to date; by agency; restricted to what `agency_id` reported when given.

    The period's own activities are read (they are listed); the periods it is compared with are added up
    from each whole quarter's figures, kept beside the snapshot once computed (`_QuarterFigures`), so that a
    repeat run decodes one quarter of activities, not a year and more of them."""
    if agency_id is not None:
        check_agency(repo, agency_id)
    convention = repo.plan.reporting.windows
    scope = _cut(period, convention, until)
    previous = _cut(period.previous(), convention, None)
    year_ago = _cut(period.year_before(), convention, _year_earlier(scope.until))
    whole_year = Period(period.year, 1, period.last_quarter)
    year_to_date = Scope(whole_year, whole_year.window(convention), scope.until)
    rates = Rates(repo.plan.reporting.exchange_rates)
    first = first_quarter(repo.plan)
    if repo.keeps:
        own = repo.activities(scope.quarters())
    else:  # every quarter at once: one pass over the records, and nothing kept to add up
        quarters = {*scope.quarters(), *previous.quarters(), *year_ago.quarters(), *year_to_date.quarters()}
        own = repo.activities(quarters)
    current = sorted(_within(own, scope, agency_id), key=_in_order)
    by_agency: dict[str, list[CountedActivity]] = {}
    for activity in current:
        for agency in activity.agencies:
            if agency_id is None or agency == agency_id:
                by_agency.setdefault(agency, []).append(activity)
    order = {agency: index for index, agency in enumerate(repo.agencies)}
    added = _QuarterFigures(repo, rates, scope, own, agency_id)
    return Stats(
        scope,
        previous,
        year_ago,
        year_to_date,
        tally(current, rates),
        added.of(previous),
        added.of(year_ago),
        added.of(year_to_date),
        {
            agency: tally(found, rates)
            for agency, found in sorted(by_agency.items(), key=lambda item: order.get(item[0], len(order)))
        },
        current,
        rates,
        agency_id,
        previous_reported=previous.period.quarters()[0] >= first,
        year_ago_reported=year_ago.period.quarters()[0] >= first,
    )


def figures_by_quarter(repo: Repository, quarters: list[Period], until: dt.date) -> dict[Period, Figures]:
    """Each quarter's figures up to `until`: with the caches, whole quarters from the figures kept beside the
    snapshot and the quarter `until` falls in from its activities; without, every activity counted once and
    sorted into its quarter."""
    if not quarters:
        return {}
    convention = repo.plan.reporting.windows
    scopes = [_cut(quarter, convention, until) for quarter in quarters]
    rates = Rates(repo.plan.reporting.exchange_rates)
    if repo.keeps:
        last = scopes[-1]
        added = _QuarterFigures(repo, rates, last, repo.activities(last.quarters()), None)
        return {scope.period: added.of(scope) for scope in scopes}
    by_quarter: dict[str, list[CountedActivity]] = {}
    for activity in repo.activities():
        by_quarter.setdefault(activity.period, []).append(activity)
    return {
        scope.period: tally(
            [item for item in by_quarter.get(scope.period.name, ()) if item.start <= scope.until], rates
        )
        for scope in scopes
    }


class _QuarterFigures:
    """The figures of scopes added up quarter by quarter: a quarter the scope holds whole from its figures
    kept beside the snapshot (all agencies', and each agency's), a quarter cut short from its activities."""

    def __init__(self, repo: Repository, rates: Rates, own: Scope, loaded: list[CountedActivity], agency: str | None):
        self.repo, self.rates, self.agency = repo, rates, agency
        self.convention = repo.plan.reporting.windows
        self.loaded, self.loaded_quarters = loaded, set(own.quarters())  # the period's own, read already

    def of(self, scope: Scope) -> Figures:
        if not self.repo.keeps:  # every quarter was read: nothing kept to add up
            return tally(_within(self.loaded, scope, self.agency), self.rates)
        whole: list[str] = []
        cut: list[str] = []
        for quarter in scope.period.quarters():
            (whole if quarter.window(self.convention).end <= scope.until else cut).append(quarter.name)
        parts = [self._kept(whole)] if whole else []
        if cut:
            wanted = set(cut)
            read = wanted <= self.loaded_quarters
            listed = [item for item in self.loaded if item.period in wanted] if read else self.repo.activities(cut)
            parts.append(tally(_within(listed, scope, self.agency), self.rates))
        return add_figures(parts)

    def _kept(self, quarters: list[str]) -> Figures:
        kept = self.repo.kept(self._compute, [f"figures {quarter}" for quarter in quarters])
        parts = []
        for value in kept.values():
            plain = value["totals"] if self.agency is None else value["by_agency"].get(self.agency, {})
            parts.append({kind: KindFigures(**plain.get(kind, {})) for kind in ACTIVITY_KINDS})
            for year, currency in value["used"]:
                if (year, currency) in self.rates.by_key:
                    self.rates.used[(year, currency)] = self.rates.by_key[(year, currency)]
            self.rates.missing.update((year, currency) for year, currency in value["missing"])
        return add_figures(parts)

    def _compute(self, names: list[str]) -> dict[str, Any]:
        quarters = [name.removeprefix("figures ") for name in names]
        by_quarter: dict[str, list[CountedActivity]] = {quarter: [] for quarter in quarters}
        for activity in self.repo.activities(quarters):
            by_quarter[activity.period].append(activity)
        computed = {}
        for quarter, listed in by_quarter.items():
            rates = Rates(self.repo.plan.reporting.exchange_rates)
            agencies: dict[str, list[CountedActivity]] = {}
            for activity in listed:
                for agency in activity.agencies:
                    agencies.setdefault(agency, []).append(activity)
            computed[f"figures {quarter}"] = {
                "totals": _plain(tally(listed, rates)),
                "by_agency": {agency: _plain(tally(found, rates)) for agency, found in agencies.items()},
                "used": sorted(rates.used),
                "missing": sorted(rates.missing),
            }
        return computed


def _plain(figures: Figures) -> dict[str, Any]:
    """The kinds that have activities, as JSON (a kind left out has none); by hand, as asdict deep-copies."""
    return {
        kind: {
            "activities": found.activities,
            "people": found.people,
            "countries": found.countries,
            "items": found.items,
            "pledged": found.pledged,
            "disbursed": found.disbursed,
            "pledged_vnd_equivalent": found.pledged_vnd_equivalent,
            "disbursed_vnd_equivalent": found.disbursed_vnd_equivalent,
        }
        for kind, found in figures.items()
        if found.activities
    }


def _in_order(activity: CountedActivity) -> tuple[dt.date, int, str]:
    return activity.start, ACTIVITY_KINDS.index(activity.kind), activity.title


def countries_of(figures: Mapping[str, KindFigures]) -> set[str]:
    """Every country code the figures name."""
    return {code for found in figures.values() for code in found.countries}
