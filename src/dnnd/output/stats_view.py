"""`dnnd stats` in every format: the figures of a period per kind of activity, compared, and its activities."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any, NamedTuple

from dnnd.evaluate.figures import Figures, KindFigures, Scope, Stats, countries_of
from dnnd.i18n import Text
from dnnd.load.activities import CountedActivity
from dnnd.output.console import out, shorten
from dnnd.output.sheets import Sheet, SheetColumn
from dnnd.plan.countries import country_name, iso_countries
from dnnd.plan.vietnamese import decimal, dmy, grouped, money
from dnnd.plan.vocabulary import ACTIVITY_KIND_BY_CODE, ACTIVITY_KINDS
from dnnd.repository import Repository

CSV_FIELDS = (
    "scope",
    "period",
    "kind",
    "label",
    "activities",
    "people",
    "items",
    "countries",
    "pledged",
    "disbursed",
    "pledged_vnd_equivalent",
    "disbursed_vnd_equivalent",
)


def kind_document(kind: str, found: KindFigures) -> dict[str, Any]:
    """One kind's figures in the JSON contract: media add items, aid its values (and equivalents if known)."""
    countries = dict(sorted(found.countries.items()))  # by code: the same order however the figures were added
    document: dict[str, Any] = {"activities": found.activities, "people": found.people, "countries": countries}
    if kind == "media":
        document["items"] = found.items
    if kind == "aid":
        # by currency code: the same order whether the sums were added from kept quarters or counted now
        document["pledged"], document["disbursed"] = (
            dict(sorted(found.pledged.items())),
            dict(sorted(found.disbursed.items())),
        )
        for name in ("pledged_vnd_equivalent", "disbursed_vnd_equivalent"):
            if getattr(found, name) is not None:
                document[name] = getattr(found, name)
    return document


def figures_document(figures: Figures) -> dict[str, Any]:
    """Every kind's figures, zeros included, in the vocabulary's order."""
    return {kind: kind_document(kind, figures.get(kind) or KindFigures()) for kind in ACTIVITY_KINDS}


def activity_document(activity: CountedActivity) -> dict[str, Any]:
    """An activity in the JSON contract, its keys those of the update file (`count` for media items)."""
    document = {("count" if key == "items" else key): value for key, value in activity._asdict().items()}
    document["countries"], document["tasks"], document["agencies"] = (
        list(activity.countries),
        list(activity.tasks),
        list(activity.agencies),
    )
    for name in ("pledged", "disbursed"):
        value = getattr(activity, name)
        document[name] = value._asdict() if value is not None else None
    return document


def stats_document(stats: Stats) -> dict[str, Any]:
    """The JSON contract of `dnnd stats`."""
    window = stats.scope.window
    return {
        "period": stats.scope.period.name,
        "window": {"start": window.start, "end": window.end},
        "totals": figures_document(stats.totals),
        "previous": figures_document(stats.previous_totals),
        "year_ago": figures_document(stats.year_ago_totals),
        "year_to_date": figures_document(stats.year_to_date_totals),
        "by_agency": {agency: figures_document(figures) for agency, figures in stats.by_agency.items()},
        "activities": [activity_document(activity) for activity in stats.activities],
    }


def _money(amount: int, currency: str, lang: str) -> str:
    return money(amount, currency) if lang == "vi" else f"{amount:,} {currency}"


def _number(number: int, lang: str) -> str:
    return grouped(number) if lang == "vi" else f"{number:,}"


def _values(values: dict[str, int], lang: str, in_vnd: int | None = None) -> str:
    """'20.000 USD + 1,5 tỷ đồng (≈ 1.963.000.000 đồng)': the equivalent only beside a foreign currency."""
    shown = " + ".join(_money(amount, currency, lang) for currency, amount in values.items())
    if in_vnd is not None and set(values) != {"VND"}:
        shown += f" (≈ {_money(in_vnd, 'VND', lang)})"
    return shown


def _country(code: str, lang: str) -> str:
    """The Vietnamese short name (or the ISO English one where dnnd has none); the ISO name in English."""
    return iso_countries().get(code, code) if lang == "en" else country_name(code).name


def _cell(kind: str, found: KindFigures, lang: str) -> str:
    """'3 (40 người)', '2 (30 tin, bài)', '2 (cam kết 1,5 tỷ đồng + 20.000 USD)'; '—' for none."""
    if not found.activities:
        return "—"
    details = []
    if found.people:
        details.append(Text(f"{grouped(found.people)} người", f"{found.people:,} people").in_(lang))
    if kind == "media":
        details.append(Text(f"{grouped(found.items)} tin, bài", f"{found.items:,} items").in_(lang))
    if found.pledged:
        details.append(
            Text("cam kết ", "pledged ").in_(lang) + _values(found.pledged, lang, found.pledged_vnd_equivalent)
        )
    if found.disbursed:
        details.append(
            Text("giải ngân ", "disbursed ").in_(lang) + _values(found.disbursed, lang, found.disbursed_vnd_equivalent)
        )
    return _number(found.activities, lang) + (f" ({'; '.join(details)})" if details else "")


def _scope_heading(label: Text, scope: Scope) -> Text:
    name = scope.period.name
    return Text(f"{label.vi}\n{name}", f"{label.en}\n{name}")


class StatsOutput(NamedTuple):
    """`dnnd stats`: the figures of the period, compared, by agency, and the period's activities."""

    repo: Repository
    stats: Stats

    def document(self) -> dict[str, Any]:
        return stats_document(self.stats)

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        stats = self.stats
        scopes: list[tuple[str, str, Figures]] = [
            ("totals", stats.scope.period.name, stats.totals),
            ("previous", stats.previous.period.name, stats.previous_totals),
            ("year_ago", stats.year_ago.period.name, stats.year_ago_totals),
            ("year_to_date", f"{stats.year_to_date.period.year}", stats.year_to_date_totals),
            *((f"agency:{agency}", stats.scope.period.name, figures) for agency, figures in stats.by_agency.items()),
        ]
        rows = [
            {
                "scope": scope,
                "period": period,
                "kind": kind,
                "label": ACTIVITY_KIND_BY_CODE[kind].label.vi,
                **asdict(found),
                "countries": dict(sorted(found.countries.items())),
            }
            for scope, period, figures in scopes
            for kind, found in figures.items()
        ]
        return CSV_FIELDS, rows

    def sheets(self, lang: str) -> list[Sheet]:
        """The counts of each kind beside the periods compared, and the period's activities, one per row."""
        stats = self.stats
        scopes = (
            (Text("Trong kỳ", "This period"), stats.scope.period.name, stats.totals),
            (Text("Kỳ trước", "Previous"), stats.previous.period.name, stats.previous_totals),
            (Text("Cùng kỳ năm trước", "A year earlier"), stats.year_ago.period.name, stats.year_ago_totals),
            (Text("Lũy kế năm", "Year to date"), str(stats.year_to_date.period.year), stats.year_to_date_totals),
        )
        columns = [SheetColumn(Text("Loại hoạt động", "Kind").in_(lang), 24, True)]
        columns += [SheetColumn(f"{label.in_(lang)} ({name})", 16, True) for label, name, _ in scopes]
        columns += [
            SheetColumn(Text("Số người (trong kỳ)", "People (this period)").in_(lang), 14),
            SheetColumn(Text("Số tin, bài (trong kỳ)", "Media items (this period)").in_(lang), 14),
        ]
        rows = [
            [
                ACTIVITY_KIND_BY_CODE[kind].label.in_(lang),
                *(figures[kind].activities for _, _, figures in scopes),
                stats.totals[kind].people,
                stats.totals[kind].items,
            ]
            for kind in ACTIVITY_KIND_BY_CODE
        ]
        period = stats.scope.period.name
        figures = Sheet(Text("Số liệu", "Figures").in_(lang) + f" {period}", columns, rows)
        return [figures, _activities_sheet(self.repo, stats, lang)]

    def notices(self, lang: str) -> list[str]:
        """Why this period (when none was named), countries shown by their English name, and aid values
        without a rate to convert them."""
        stats = self.stats
        lines = [f"({stats.why.in_(lang)})"] if stats.why is not None else []
        unnamed = sorted(
            code
            for code in set().union(
                *(countries_of(figures) for figures in (stats.totals, stats.previous_totals, stats.year_ago_totals))
            )
            if not country_name(code).vietnamese
        )
        if unnamed:
            listed = ", ".join(f"{code} ({country_name(code).name})" for code in unnamed)
            lines.append(
                Text(
                    f"Chưa có tên tiếng Việt của nước {listed}: dùng tên tiếng Anh theo ISO 3166-1",
                    f"No Vietnamese name for {listed}: the ISO 3166-1 English name is used",
                ).in_(lang)
            )
        for year, currency in sorted(stats.rates.missing):
            lines.append(
                Text(
                    f"plan.yaml chưa có tỷ giá {currency} năm {year} (reporting.exchange_rates): giá trị bằng "
                    f"{currency} không được quy đổi ra đồng",
                    f"plan.yaml has no {currency} rate for {year} (reporting.exchange_rates): {currency} values are "
                    "not converted to VND",
                ).in_(lang)
            )
        return lines

    def print_table(self, lang: str) -> None:
        from rich.table import Table

        from dnnd.output.notices import print_notices

        stats, repo = self.stats, self.repo
        scope = stats.scope
        who = f" — {repo.agencies[stats.agency].name}" if stats.agency else ""
        title = Text(
            f"Thống kê hoạt động đối ngoại nhân dân — kỳ {scope.period.name} (số liệu {dmy(scope.window.start)}–"
            f"{dmy(scope.until)}){who}",
            f"People-to-people diplomacy figures — {scope.period.name} (data {dmy(scope.window.start)}–"
            f"{dmy(scope.until)}){who}",
        )
        table = Table(title=title.in_(lang), show_lines=True)
        table.add_column(Text("Loại hoạt động", "Kind").in_(lang))
        columns = (
            (Text("Kỳ này", "This period"), stats.scope, stats.totals),
            (Text("Kỳ trước", "Previous"), stats.previous, stats.previous_totals),
            (Text("Cùng kỳ năm trước", "A year earlier"), stats.year_ago, stats.year_ago_totals),
            (Text("Lũy kế năm", "Year to date"), stats.year_to_date, stats.year_to_date_totals),
        )
        for label, column_scope, _ in columns:
            heading = _scope_heading(label, column_scope)
            if column_scope is stats.year_to_date:
                heading = Text(f"{label.vi}\n{column_scope.period.year}", f"{label.en}\n{column_scope.period.year}")
            table.add_column(heading.in_(lang), justify="right")
        for kind in ACTIVITY_KINDS:
            table.add_row(
                ACTIVITY_KIND_BY_CODE[kind].label.in_(lang),
                *(_cell(kind, figures[kind], lang) for _, _, figures in columns),
            )
        console = out()
        console.print(table)
        countries: dict[str, int] = {}
        for found in stats.totals.values():
            for code, number in found.countries.items():
                countries[code] = countries.get(code, 0) + number
        if countries:
            ranked = sorted(countries.items(), key=lambda item: -item[1])
            listed = ", ".join(f"{_country(code, lang)} {number}" for code, number in ranked)
            console.print(Text(f"Theo nước (số hoạt động): {listed}", f"By country (activities): {listed}").in_(lang))
        for (year, currency), rate in sorted(stats.rates.used.items()):
            source = f" ({rate.source})" if rate.source else ""
            console.print(
                Text(
                    f"Tỷ giá quy đổi năm {year}: 1 {currency} = {decimal(rate.vnd, 4)} đồng{source}",
                    f"Exchange rate {year}: 1 {currency} = {rate.vnd.normalize():,f} VND{source}",
                ).in_(lang)
            )
        self._activities_table(lang)
        print_notices(self.notices(lang))

    def _activities_table(self, lang: str) -> None:
        from rich.table import Table

        stats, repo = self.stats, self.repo
        console = out()
        if not stats.activities:
            console.print(Text("Không có hoạt động nào trong kỳ.", "No activity in the period.").in_(lang))
            return
        table = Table(title=Text("Các hoạt động trong kỳ", "Activities in the period").in_(lang), show_lines=True)
        for header in (
            Text("Ngày", "Date"),
            Text("Loại", "Kind"),
            Text("Nội dung", "Activity"),
            Text("Nước", "Countries"),
            Text("Số người / giá trị", "People / value"),
            Text("Cơ quan báo cáo", "Reported by"),
        ):
            table.add_column(header.in_(lang))
        for activity in stats.activities:
            shown = ""
            if activity.pledged:
                shown = _money(activity.pledged.amount, activity.pledged.currency, lang)
            elif activity.kind == "media":
                items = activity.items or 1
                shown = Text(f"{grouped(items)} tin, bài", f"{items:,} items").in_(lang)
            elif activity.people:
                shown = Text(f"{grouped(activity.people)} người", f"{activity.people:,} people").in_(lang)
            table.add_row(
                dmy(activity.start),
                ACTIVITY_KIND_BY_CODE[activity.kind].label.in_(lang),
                shorten(activity.title, 60),
                ", ".join(_country(code, lang) for code in activity.countries),
                shown,
                ", ".join(repo.agencies[agency].short_name for agency in activity.agencies if agency in repo.agencies),
            )
        console.print(table)


def _activities_sheet(repo: Repository, stats: Stats, lang: str) -> Sheet:
    """The period's activities, counted once each, with real dates and amounts."""
    headers = (
        (Text("Từ ngày", "Start"), 12, False),
        (Text("Đến ngày", "End"), 12, False),
        (Text("Loại", "Kind"), 18, True),
        (Text("Nội dung", "Activity"), 44, True),
        (Text("Nước", "Countries"), 20, True),
        (Text("Đối tác", "Partner"), 24, True),
        (Text("Số người", "People"), 10, False),
        (Text("Số tin, bài", "Items"), 10, False),
        (Text("Cam kết", "Pledged"), 16, False),
        (Text("Giải ngân", "Disbursed"), 16, False),
        (Text("Loại tiền", "Currency"), 10, False),
        (Text("Số văn bản", "Document"), 18, True),
        (Text("Cơ quan báo cáo", "Reported by"), 30, True),
    )
    rows = []
    for activity in stats.activities:
        money = activity.pledged or activity.disbursed
        rows.append(
            [
                activity.start,
                activity.end,
                ACTIVITY_KIND_BY_CODE[activity.kind].label.in_(lang),
                activity.title,
                "; ".join(country_name(code).name for code in activity.countries),
                activity.partner,
                activity.people,
                activity.items,
                activity.pledged.amount if activity.pledged else None,
                activity.disbursed.amount if activity.disbursed else None,
                money.currency if money else None,
                activity.ref,
                "; ".join(repo.agencies[agency].name for agency in activity.agencies if agency in repo.agencies),
            ]
        )
    columns = [SheetColumn(header.in_(lang), width, wrap) for header, width, wrap in headers]
    return Sheet(Text("Hoạt động", "Activities").in_(lang) + f" {stats.scope.period.name}", columns, rows)
