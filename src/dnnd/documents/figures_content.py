"""The report's figures, written as provincial reports write them: the paragraph that opens section I
("Trong kỳ, các cơ quan, đơn vị đã đón 3 đoàn vào với 40 người (Nhật Bản 2 đoàn, Hàn Quốc 1 đoàn), tăng 1
đoàn so với quý trước …") and Phụ lục II, the table of kinds by period and the list of the period's
activities."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dnnd.evaluate.figures import Figures, KindFigures, Stats
from dnnd.load.activities import CountedActivity
from dnnd.plan.countries import country_name
from dnnd.plan.periods import Period
from dnnd.plan.vietnamese import (
    YEAR_AGO_PHRASE,
    change,
    count,
    decimal,
    dmy,
    grouped,
    money,
    period_phrase,
    previous_phrase,
)
from dnnd.plan.vocabulary import ACTIVITY_KIND_BY_CODE, ACTIVITY_KINDS, AID_TYPE_LABELS
from dnnd.repository import Repository


@dataclass(frozen=True)
class FiguresRow:
    label: str
    cells: list[str]


@dataclass(frozen=True)
class ActivityRow:
    number: str
    date: str
    kind: str
    title: str
    countries: str
    partner: str
    value: str
    agencies: str


@dataclass(frozen=True)
class FiguresAppendix:
    """Phụ lục II: the figures of each kind in the period and the periods it is compared with, the list of
    the period's activities, and notes (the rates used)."""

    title: str
    reference: str
    columns: list[str]
    rows: list[FiguresRow]
    activities: list[ActivityRow]
    notes: list[str]


def _values(values: dict[str, int]) -> str:
    return " và ".join(money(amount, currency) for currency, amount in values.items())


def _short(period: Period) -> str:
    """'Quý IV/2020', '6 tháng đầu năm 2020', 'Năm 2020': a column heading."""
    if period.kind == "quarter":
        return f"Quý {('I', 'II', 'III', 'IV')[period.first_quarter - 1]}/{period.year}"
    phrase = period_phrase(period)
    return phrase[0].upper() + phrase[1:]


class _Writer:
    """Writes the sentences of one Stats, with the plan's way of writing small counts."""

    def __init__(self, stats: Stats, leading_zero: bool) -> None:
        self.stats = stats
        self.zero = leading_zero
        self.annual = stats.scope.period.kind == "year"

    def n(self, number: int) -> str:
        return count(number, self.zero)

    def by_country(self, found: KindFigures, unit: str) -> str:
        if not found.countries:
            return ""
        ranked = sorted(found.countries.items(), key=lambda item: -item[1])
        return " (" + ", ".join(f"{country_name(code).name} {self.n(number)} {unit}" for code, number in ranked) + ")"

    def clause(self, kind: str, found: KindFigures) -> str:
        n, people = self.n(found.activities), found.people
        with_people = f" với {grouped(people)} người" if people else ""
        if kind == "delegation_in":
            return f"đón {n} đoàn vào{with_people}{self.by_country(found, 'đoàn')}"
        if kind == "delegation_out":
            return f"cử {n} đoàn ra{with_people}{self.by_country(found, 'đoàn')}"
        if kind == "event":
            return f"tổ chức {n} hội nghị, sự kiện" + (f" với {grouped(people)} lượt người tham dự" if people else "")
        if kind == "aid":
            return self.aid_clause(found)
        if kind == "agreement":
            return f"ký kết {n} thỏa thuận quốc tế{self.by_country(found, 'thỏa thuận')}"
        if kind == "training":
            return f"tổ chức {n} lớp tập huấn" + (f" với {grouped(people)} lượt người tham gia" if people else "")
        if kind == "media":
            return f"thực hiện {n} hoạt động tuyên truyền với {grouped(found.items)} tin, bài"
        return f"thực hiện {n} hoạt động khác"

    def aid_clause(self, found: KindFigures) -> str:
        types: dict[str, int] = {}
        for activity in self.stats.activities:
            if activity.kind == "aid" and activity.aid_type:
                types[activity.aid_type] = types.get(activity.aid_type, 0) + 1
        kinds = ", ".join(
            f"{self.n(types[code])} {label.vi.lower()}" for code, label in AID_TYPE_LABELS.items() if code in types
        )
        text = f"tiếp nhận {self.n(found.activities)} khoản viện trợ phi chính phủ nước ngoài"
        if kinds:
            text += f" ({kinds})"
        if found.pledged:
            text += f", giá trị cam kết {_values(found.pledged)}"
            if found.pledged_vnd_equivalent is not None:
                text += f" (tương đương {money(found.pledged_vnd_equivalent, 'VND')})"
        if found.disbursed:
            text += f", giải ngân {_values(found.disbursed)}"
            if found.disbursed_vnd_equivalent is not None:
                text += f" (tương đương {money(found.disbursed_vnd_equivalent, 'VND')})"
        return text

    def comparisons(self) -> list[tuple[str, Figures]]:
        """The periods the figures are compared with, as the report names them: a year with the year before,
        a quarter or a half also with the period before; only those within the plan's reporting."""
        stats, period = self.stats, self.stats.scope.period
        found = []
        if not self.annual and stats.previous_reported:
            found.append((previous_phrase(period), stats.previous_totals))
        if stats.year_ago_reported:
            found.append(("năm trước" if self.annual else YEAR_AGO_PHRASE, stats.year_ago_totals))
        return found

    def compared(self, kind: str, found: KindFigures) -> str:
        """', tăng 1 đoàn so với quý trước và cùng kỳ năm trước' (nothing when there is nothing to compare with)."""
        unit = ACTIVITY_KIND_BY_CODE[kind].unit
        against = [(phrase, figures[kind].activities) for phrase, figures in self.comparisons()]
        if not against:
            return ""
        if len(against) == 2 and against[0][1] == against[1][1]:  # 'tăng 1 đoàn so với quý trước và cùng kỳ năm trước'
            return f", {change(found.activities - against[0][1], unit, against[0][0], self.zero)} và {against[1][0]}"
        return ", " + " và ".join(
            change(found.activities - number, unit, phrase, self.zero) for phrase, number in against
        )

    def paragraphs(self) -> list[str]:
        stats = self.stats
        totals = stats.totals
        present = [kind for kind in ACTIVITY_KINDS if totals[kind].activities]
        compared_with = [figures for _, figures in self.comparisons()]
        absent = [
            kind
            for kind in ACTIVITY_KINDS
            if not totals[kind].activities and any(figures[kind].activities for figures in compared_with)
        ]
        out = []
        if present:
            clauses = [f"{self.clause(kind, totals[kind])}{self.compared(kind, totals[kind])}" for kind in present]
            out.append("Trong kỳ, các cơ quan, đơn vị đã " + "; ".join(clauses) + ".")
        else:
            out.append("Trong kỳ, các cơ quan, đơn vị chưa báo cáo hoạt động đối ngoại nhân dân nào.")
        if absent:
            out.append("Trong kỳ " + "; ".join(self.absent(kind) for kind in absent) + ".")
        if stats.year_to_date.period.quarters() != stats.scope.period.quarters():
            so_far = [
                f"{self.n(stats.year_to_date_totals[kind].activities)} {ACTIVITY_KIND_BY_CODE[kind].counted}"
                for kind in ACTIVITY_KINDS
                if stats.year_to_date_totals[kind].activities
            ]
            if so_far:
                out.append(f"Lũy kế từ đầu năm {stats.scope.period.year}: " + ", ".join(so_far) + ".")
        out.extend(rate_notes(stats))
        return out

    def absent(self, kind: str) -> str:
        """'không có hội nghị, sự kiện (quý trước có 1 hội nghị, sự kiện)': only the periods that had some."""
        unit = ACTIVITY_KIND_BY_CODE[kind].unit
        label = ACTIVITY_KIND_BY_CODE[kind].counted
        compared = [(phrase, figures[kind].activities) for phrase, figures in self.comparisons()]
        had = ", ".join(f"{phrase} có {self.n(number)} {unit}" for phrase, number in compared if number)
        return f"không có {label} ({had})"


def rate_notes(stats: Stats) -> list[str]:
    """The rates the period's own values were converted with (those of the periods it is compared with
    are not shown in the report): the report states each."""
    converted = {
        (activity.start.year, value.currency)
        for activity in stats.activities
        for value in (activity.pledged, activity.disbursed)
        if value is not None and value.currency != "VND"
    }
    notes = []
    for (year, currency), rate in sorted(stats.rates.used.items()):
        if (year, currency) not in converted:
            continue
        source = f" ({rate.source})" if rate.source else ""
        notes.append(f"Giá trị quy đổi theo tỷ giá năm {year}: 1 {currency} = {decimal(rate.vnd, 4)} đồng{source}.")
    return notes


def figures_paragraphs(stats: Stats, *, leading_zero: bool = False) -> list[str]:
    """The paragraphs of figures that open section I."""
    return _Writer(stats, leading_zero).paragraphs()


def _cell(kind: str, found: KindFigures, n: Callable[[int], str]) -> str:
    if not found.activities:
        return "-"
    parts = [f"{n(found.activities)} {ACTIVITY_KIND_BY_CODE[kind].unit}"]
    if found.people:
        parts.append(f"{grouped(found.people)} người")
    if kind == "media":
        parts.append(f"{grouped(found.items)} tin, bài")
    if found.pledged:
        parts.append(f"cam kết {_values(found.pledged)}")
    if found.disbursed:
        parts.append(f"giải ngân {_values(found.disbursed)}")
    return "; ".join(parts)


def _activity_row(number: int, activity: CountedActivity, repo: Repository) -> ActivityRow:
    if activity.pledged:
        value = money(activity.pledged.amount, activity.pledged.currency)
    elif activity.kind == "media":
        value = f"{grouped(activity.items or 1)} tin, bài"
    else:
        value = f"{grouped(activity.people)} người" if activity.people else ""
    when = dmy(activity.start) + (f" - {dmy(activity.end)}" if activity.end and activity.end != activity.start else "")
    agencies = [repo.agencies[agency].name for agency in activity.agencies if agency in repo.agencies]
    return ActivityRow(
        str(number),
        when,
        ACTIVITY_KIND_BY_CODE[activity.kind].label.vi,
        " ".join(activity.title.split()),
        ", ".join(country_name(code).name for code in activity.countries),
        " ".join((activity.partner or "").split()),
        value,
        "; ".join(agencies),
    )


def figures_appendix(repo: Repository, stats: Stats, reference: str, *, leading_zero: bool = False) -> FiguresAppendix:
    """Phụ lục II of the report on `stats`' period."""
    n: Callable[[int], str] = lambda number: count(number, leading_zero)  # noqa: E731
    period = stats.scope.period
    scopes: list[tuple[str, Figures]] = [(_short(period), stats.totals)]
    if period.kind != "year":
        scopes.append((f"{_short(stats.previous.period)} (kỳ trước)", stats.previous_totals))
    scopes.append((f"{_short(stats.year_ago.period)} (cùng kỳ)", stats.year_ago_totals))
    if stats.year_to_date.period.quarters() != period.quarters():
        scopes.append((f"Lũy kế năm {period.year}", stats.year_to_date_totals))
    rows = [
        FiguresRow(ACTIVITY_KIND_BY_CODE[kind].label.vi, [_cell(kind, figures[kind], n) for _, figures in scopes])
        for kind in ACTIVITY_KINDS
    ]
    notes = [
        "Ghi chú: hoạt động được tính vào kỳ có ngày bắt đầu; hoạt động do nhiều cơ quan cùng báo cáo (cùng loại, "
        "cùng số văn bản) được tính một lần.",
        *rate_notes(stats),
    ]
    if not stats.activities:
        notes.insert(0, "Trong kỳ, các cơ quan, đơn vị chưa báo cáo hoạt động đối ngoại nhân dân nào.")
    return FiguresAppendix(
        title=f"THỐNG KÊ HOẠT ĐỘNG ĐỐI NGOẠI NHÂN DÂN {period_phrase(period).upper()}",
        reference=reference,
        columns=[label for label, _ in scopes],
        rows=rows,
        activities=[_activity_row(number, activity, repo) for number, activity in enumerate(stats.activities, 1)],
        notes=notes,
    )
