"""The report's figures: the paragraph that opens section I, compared, with values and rates, and Phụ lục II."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

import pytest
import yaml

from dnnd.documents.figures_content import ActivityRow, FiguresRow, figures_appendix, figures_paragraphs
from dnnd.evaluate.figures import Figures, KindFigures, Rates, Scope, Stats, figures_of
from dnnd.load.activities import CountedActivity
from dnnd.load.records import MoneyRecord
from dnnd.plan.activity_models import ExchangeRate
from dnnd.plan.periods import Period, parse_period, quarter
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo

D = dt.date
KINDS = ["delegation_in", "delegation_out", "event", "aid", "agreement", "training", "media", "other"]
NO_REPO = cast(Repository, None)  # the appendix reads the repository only for the agencies of its activities
OPENING = "Trong kỳ, các cơ quan, đơn vị đã "
NOTHING = "Trong kỳ, các cơ quan, đơn vị chưa báo cáo hoạt động đối ngoại nhân dân nào."
SAME = "bằng quý trước và cùng kỳ năm trước"
NOTE = (
    "Ghi chú: hoạt động được tính vào kỳ có ngày bắt đầu; hoạt động do nhiều cơ quan cùng báo cáo (cùng loại, "
    "cùng số văn bản) được tính một lần."
)


def _period(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def _figures(**kinds: KindFigures) -> Figures:
    """Every kind's figures, zeros but for `kinds`."""
    return {kind: kinds.get(kind, KindFigures()) for kind in KINDS}


def _scope(period: Period) -> Scope:
    window = period.window()
    return Scope(period, window, window.end)


def _stats(name: str = "2020-Q4", rates: Rates | None = None, **parts: Any) -> Stats:
    """The stats of the period `name` at its window's end: zeros but for the `parts` given (totals, previous,
    year_ago, year_to_date, activities)."""
    period = _period(name)
    whole_year = Period(period.year, 1, period.last_quarter)
    return Stats(
        _scope(period),
        _scope(period.previous()),
        _scope(period.year_before()),
        _scope(whole_year),
        parts.get("totals", _figures()),
        parts.get("previous", _figures()),
        parts.get("year_ago", _figures()),
        parts.get("year_to_date", _figures()),
        {},
        parts.get("activities", []),
        rates or Rates([]),
    )


def _steady(name: str = "2020-Q4", **kinds: KindFigures) -> Stats:
    """The same figures in the period, the one before and a year earlier."""
    figures = _figures(**kinds)
    return _stats(name, totals=figures, previous=figures, year_ago=figures)


def _activity(kind: str, title: str, start: dt.date, **fields: Any) -> CountedActivity:
    """A counted activity of 2020-Q4 reported by sngv, with `fields` set."""
    values: dict[str, Any] = {
        "end": None, "countries": (), "partner": None, "people": None, "items": None, "ref": None, "tasks": (),
        "note": None, "aid_type": None, "pledged": None, "disbursed": None, "agencies": ("sngv",), "period": "2020-Q4",
    }  # fmt: skip
    return CountedActivity(kind, title, start, **(values | fields))


def _rates(vnd: str = "23150", source: str | None = None) -> Rates:
    """The plan's 2020 USD rate, used once."""
    rates = Rates([ExchangeRate(year=2020, currency="USD", vnd=Decimal(vnd), source=source)])
    rates.in_vnd(20_000, "USD", 2020)
    return rates


CLAUSES = [
    ("delegation_in", KindFigures(4, 40, {"KR": 1, "JP": 2, "LA": 1}),
     "đón 4 đoàn vào với 40 người (Nhật Bản 2 đoàn, Hàn Quốc 1 đoàn, Lào 1 đoàn)"),
    ("delegation_in", KindFigures(1), "đón 1 đoàn vào"),
    ("delegation_out", KindFigures(1, 0, {"LA": 1}), "cử 1 đoàn ra (Lào 1 đoàn)"),
    ("event", KindFigures(2, 1500), "tổ chức 2 hội nghị, sự kiện với 1.500 lượt người tham dự"),
    ("event", KindFigures(1), "tổ chức 1 hội nghị, sự kiện"),
    ("aid", KindFigures(1, countries={"US": 1}), "tiếp nhận 1 khoản viện trợ phi chính phủ nước ngoài"),
    ("agreement", KindFigures(1, countries={"RU": 1}), "ký kết 1 thỏa thuận quốc tế (Liên bang Nga 1 thỏa thuận)"),
    ("training", KindFigures(1, 120), "tổ chức 1 lớp tập huấn với 120 lượt người tham gia"),
    ("training", KindFigures(3), "tổ chức 3 lớp tập huấn"),
    ("media", KindFigures(2, items=32), "thực hiện 2 hoạt động tuyên truyền với 32 tin, bài"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "found", "clause"), CLAUSES)
def test_each_kind_is_written_as_the_provinces_reports_write_it(kind: str, found: KindFigures, clause: str) -> None:
    assert figures_paragraphs(_steady(**{kind: found})) == [f"{OPENING}{clause}, {SAME}."]


def test_other_activities_are_written_with_a_verb() -> None:
    (paragraph,) = figures_paragraphs(_steady(other=KindFigures(2)))
    assert paragraph.startswith(OPENING)
    assert not paragraph.startswith(f"{OPENING}2 hoạt động khác")


def test_kinds_follow_the_vocabularys_order_each_with_its_comparison() -> None:
    totals = _figures(media=KindFigures(1, items=3), delegation_out=KindFigures(2), agreement=KindFigures(1))
    previous = _figures(media=KindFigures(1), delegation_out=KindFigures(1))
    assert figures_paragraphs(_stats(totals=totals, previous=previous)) == [
        f"{OPENING}cử 2 đoàn ra, tăng 1 đoàn so với quý trước và tăng 2 đoàn so với cùng kỳ năm trước; "
        "ký kết 1 thỏa thuận quốc tế, tăng 1 thỏa thuận so với quý trước và cùng kỳ năm trước; "
        "thực hiện 1 hoạt động tuyên truyền với 3 tin, bài, bằng quý trước và tăng 1 hoạt động so với cùng kỳ năm "
        "trước."
    ]


@pytest.mark.parametrize(
    ("now", "before", "year_ago", "phrase"),
    [
        (3, 2, 2, "tăng 1 đoàn so với quý trước và cùng kỳ năm trước"),
        (3, 5, 5, "giảm 2 đoàn so với quý trước và cùng kỳ năm trước"),
        (3, 5, 1, "giảm 2 đoàn so với quý trước và tăng 2 đoàn so với cùng kỳ năm trước"),
        (3, 3, 0, "bằng quý trước và tăng 3 đoàn so với cùng kỳ năm trước"),
        (1, 0, 4, "tăng 1 đoàn so với quý trước và giảm 3 đoàn so với cùng kỳ năm trước"),
        (2, 1, 2, "tăng 1 đoàn so với quý trước và bằng cùng kỳ năm trước"),
        (3, 3, 3, SAME),
    ],
)
def test_the_change_is_told_against_the_previous_quarter_and_a_year_earlier(
    now: int, before: int, year_ago: int, phrase: str
) -> None:
    stats = _stats(
        totals=_figures(delegation_in=KindFigures(now)),
        previous=_figures(delegation_in=KindFigures(before)),
        year_ago=_figures(delegation_in=KindFigures(year_ago)),
    )
    assert figures_paragraphs(stats) == [f"{OPENING}đón {now} đoàn vào, {phrase}."]


@pytest.mark.parametrize(
    ("name", "before", "year_ago", "phrase"),
    [
        ("2020-H2", 1, 1, "tăng 2 đoàn so với 6 tháng đầu năm và cùng kỳ năm trước"),
        ("2020-H1", 3, 0, "bằng 6 tháng cuối năm 2019 và tăng 3 đoàn so với cùng kỳ năm trước"),
        ("2021-Q1", 1, 3, "tăng 2 đoàn so với quý trước và bằng cùng kỳ năm trước"),
        ("2020", 4, 4, "giảm 1 đoàn so với năm trước"),
        ("2020", 3, 3, "bằng năm trước"),
    ],
)
def test_half_years_and_years_are_compared_as_reports_name_them(
    name: str, before: int, year_ago: int, phrase: str
) -> None:
    stats = _stats(
        name,
        totals=_figures(delegation_in=KindFigures(3)),
        previous=_figures(delegation_in=KindFigures(before)),
        year_ago=_figures(delegation_in=KindFigures(year_ago)),
    )
    assert figures_paragraphs(stats) == [f"{OPENING}đón 3 đoàn vào, {phrase}."]


OUT, EVENTS = _figures(delegation_out=KindFigures(2)), _figures(event=KindFigures(3))
BOTH = _figures(delegation_out=KindFigures(2), event=KindFigures(3))


@pytest.mark.parametrize(
    ("name", "previous", "year_ago", "absent"),
    [
        ("2020-Q4", OUT, EVENTS, "Trong kỳ không có đoàn ra (quý trước có 2 đoàn); không có hội nghị, sự kiện (cùng "
                                 "kỳ năm trước có 3 hội nghị, sự kiện)."),
        ("2020-Q4", BOTH, OUT, "Trong kỳ không có đoàn ra (quý trước có 2 đoàn, cùng kỳ năm trước có 2 đoàn); không "
                               "có hội nghị, sự kiện (quý trước có 3 hội nghị, sự kiện)."),
        ("2020-H2", OUT, _figures(), "Trong kỳ không có đoàn ra (6 tháng đầu năm có 2 đoàn)."),
        ("2020-H1", _figures(), OUT, "Trong kỳ không có đoàn ra (cùng kỳ năm trước có 2 đoàn)."),
        ("2020", BOTH, BOTH, "Trong kỳ không có đoàn ra (năm trước có 2 đoàn); không có hội nghị, sự kiện (năm trước "
                             "có 3 hội nghị, sự kiện)."),
    ],
)  # fmt: skip
def test_kinds_reported_before_but_not_now_are_named_with_the_periods_that_had_some(
    name: str, previous: Figures, year_ago: Figures, absent: str
) -> None:
    training = KindFigures(1)
    previous, year_ago = ({**figures, "training": training} for figures in (previous, year_ago))
    stats = _stats(name, totals=_figures(training=training), previous=previous, year_ago=year_ago)
    first, *rest = figures_paragraphs(stats)
    assert first.startswith(f"{OPENING}tổ chức 1 lớp tập huấn, bằng ")
    assert rest == [absent]


@pytest.mark.parametrize(
    ("previous", "paragraphs"),
    [
        (_figures(), [NOTHING]),
        (_figures(aid=KindFigures(1)), [NOTHING, "Trong kỳ không có khoản viện trợ (quý trước có 1 khoản)."]),
    ],
)
def test_a_period_without_activities_says_so(previous: Figures, paragraphs: list[str]) -> None:
    assert figures_paragraphs(_stats(previous=previous)) == paragraphs


AID = KindFigures(2, 0, {"KR": 1, "US": 1}, 0, {"USD": 20_000, "VND": 1_500_000_000}, {"VND": 300_000_000})
PLEDGED = "giá trị cam kết 20.000 USD và 1,5 tỷ đồng"
AIDS = [
    _activity("aid", "Học bổng", D(2020, 10, 15), aid_type="non_project", pledged=MoneyRecord(20_000, "USD")),
    _activity("aid", "Nước sạch", D(2020, 11, 20), aid_type="project", pledged=MoneyRecord(1_500_000_000, "VND")),
    _activity("aid", "Cứu trợ", D(2020, 11, 25), aid_type="non_project"),
]


def test_aid_names_its_types_and_values_with_the_vnd_equivalent_and_the_rate_used() -> None:
    aid = KindFigures(**{**vars(AID), "activities": 3, "pledged_vnd_equivalent": 1_963_000_000})
    stats = _stats(rates=_rates(source="Tỷ giá hạch toán"), totals=_figures(aid=aid), activities=AIDS)
    assert figures_paragraphs(stats) == [
        f"{OPENING}tiếp nhận 3 khoản viện trợ phi chính phủ nước ngoài (1 dự án, 2 phi dự án), {PLEDGED} (tương "
        "đương 1.963.000.000 đồng), giải ngân 300 triệu đồng, tăng 3 khoản so với quý trước và cùng kỳ năm trước.",
        "Giá trị quy đổi theo tỷ giá năm 2020: 1 USD = 23.150 đồng (Tỷ giá hạch toán).",
    ]


def test_aid_without_a_known_rate_gives_no_equivalent_and_no_rate() -> None:
    assert figures_paragraphs(_steady(aid=AID)) == [
        f"{OPENING}tiếp nhận 2 khoản viện trợ phi chính phủ nước ngoài, {PLEDGED}, giải ngân 300 triệu đồng, {SAME}."
    ]


@pytest.mark.parametrize(
    ("amount", "currency", "written"),
    [
        (1_500_000_000, "VND", "1,5 tỷ đồng"),
        (2_000_000_000, "VND", "2 tỷ đồng"),
        (300_000_000, "VND", "300 triệu đồng"),
        (1_963_000_000, "VND", "1.963.000.000 đồng"),
        (1_234_567, "VND", "1.234.567 đồng"),
        (4_860_000, "USD", "4,86 triệu USD"),
        (2_000_000_000, "EUR", "2.000 triệu EUR"),
        (20_000, "USD", "20.000 USD"),
    ],
)
def test_values_are_written_exactly_in_vietnamese_style(amount: int, currency: str, written: str) -> None:
    stats = _steady(aid=KindFigures(1, pledged={currency: amount}, disbursed={currency: amount}))
    assert figures_paragraphs(stats) == [
        f"{OPENING}tiếp nhận 1 khoản viện trợ phi chính phủ nước ngoài, giá trị cam kết {written}, giải ngân "
        f"{written}, {SAME}."
    ]


@pytest.mark.parametrize(
    ("vnd", "source", "note"),
    [
        ("23150", None, "Giá trị quy đổi theo tỷ giá năm 2020: 1 USD = 23.150 đồng."),
        ("23150.5", "QĐ 1/QĐ-KBNN", "Giá trị quy đổi theo tỷ giá năm 2020: 1 USD = 23.150,5 đồng (QĐ 1/QĐ-KBNN)."),
        ("0.0125", None, "Giá trị quy đổi theo tỷ giá năm 2020: 1 USD = 0,0125 đồng."),
    ],
)  # fmt: skip
def test_each_rate_used_is_stated_after_the_figures(vnd: str, source: str | None, note: str) -> None:
    aid = KindFigures(1, pledged={"USD": 20_000}, pledged_vnd_equivalent=463_000_000)
    converted = [_activity("aid", "Học bổng", D(2020, 10, 15), aid_type="project", pledged=MoneyRecord(20_000, "USD"))]
    paragraphs = figures_paragraphs(_stats(rates=_rates(vnd, source), totals=_figures(aid=aid), activities=converted))
    assert paragraphs[0].startswith(f"{OPENING}tiếp nhận 1 khoản viện trợ phi chính phủ nước ngoài (1 dự án), giá trị ")
    assert "20.000 USD (tương đương 463 triệu đồng), tăng 1 khoản" in paragraphs[0]
    assert paragraphs[1:] == [note]


LEADING = {
    True: [
        f"{OPENING}đón 09 đoàn vào với 45 người (Nhật Bản 07 đoàn, Lào 02 đoàn), tăng 02 đoàn so với quý trước và "
        "cùng kỳ năm trước; tiếp nhận 01 khoản viện trợ phi chính phủ nước ngoài (01 dự án), tăng 01 khoản so với "
        "quý trước và cùng kỳ năm trước.",
        "Trong kỳ không có đoàn ra (quý trước có 03 đoàn).",
        "Lũy kế từ đầu năm 2020: 12 đoàn vào, 03 đoàn ra, 01 khoản viện trợ.",
    ],
    False: [
        f"{OPENING}đón 9 đoàn vào với 45 người (Nhật Bản 7 đoàn, Lào 2 đoàn), tăng 2 đoàn so với quý trước và "
        "cùng kỳ năm trước; tiếp nhận 1 khoản viện trợ phi chính phủ nước ngoài (1 dự án), tăng 1 khoản so với "
        "quý trước và cùng kỳ năm trước.",
        "Trong kỳ không có đoàn ra (quý trước có 3 đoàn).",
        "Lũy kế từ đầu năm 2020: 12 đoàn vào, 3 đoàn ra, 1 khoản viện trợ.",
    ],
}


@pytest.mark.parametrize("leading_zero", [True, False])
def test_counts_below_ten_take_a_leading_zero_only_when_the_plan_says_so(leading_zero: bool) -> None:
    now = KindFigures(9, 45, {"LA": 2, "JP": 7})
    stats = _stats(
        "2020-Q3",
        totals=_figures(delegation_in=now, aid=KindFigures(1)),
        previous=_figures(delegation_in=KindFigures(7), delegation_out=KindFigures(3)),
        year_ago=_figures(delegation_in=KindFigures(7)),
        year_to_date=_figures(delegation_in=KindFigures(12), delegation_out=KindFigures(3), aid=KindFigures(1)),
        activities=[_activity("aid", "Dự án", D(2020, 7, 1), aid_type="project")],
    )
    assert figures_paragraphs(stats, leading_zero=leading_zero) == LEADING[leading_zero]


SO_FAR = "12 đoàn vào, 2 hội nghị, sự kiện, 1.234 hoạt động tuyên truyền."
YEAR_TO_DATE = _figures(media=KindFigures(1234, items=1234), event=KindFigures(2), delegation_in=KindFigures(12))


@pytest.mark.parametrize(
    ("name", "year_to_date"),
    [
        ("2020-Q2", [f"Lũy kế từ đầu năm 2020: {SO_FAR}"]),
        ("2020-Q4", [f"Lũy kế từ đầu năm 2020: {SO_FAR}"]),
        ("2020-H2", [f"Lũy kế từ đầu năm 2020: {SO_FAR}"]),
        ("2021-Q3", [f"Lũy kế từ đầu năm 2021: {SO_FAR}"]),
        ("2020-Q1", []),
        ("2020-H1", []),
        ("2020", []),
    ],
)
def test_the_year_to_date_follows_unless_the_period_starts_the_year(name: str, year_to_date: list[str]) -> None:
    figures = _figures(delegation_in=KindFigures(1))
    stats = _stats(name, totals=figures, previous=figures, year_ago=figures, year_to_date=YEAR_TO_DATE)
    first, *rest = figures_paragraphs(stats)
    assert first.startswith(f"{OPENING}đón 1 đoàn vào, bằng ")
    assert rest == year_to_date


def test_the_year_to_date_is_given_even_when_the_period_had_no_activity() -> None:
    paragraphs = figures_paragraphs(_stats(year_to_date=YEAR_TO_DATE))
    assert paragraphs[0] == NOTHING
    assert [text for text in paragraphs if text.startswith("Lũy kế từ đầu năm 2020: ")] != []


def _repo(make_repo: MakeRepo, reports: dict[tuple[str, str], list[dict[str, Any]]]) -> Repository:
    """The embedded plan with the 2020 USD rate, and an update file with the `reports` of each (agency, quarter)."""
    files: dict[str, str | bytes | None] = {}
    for (agency, name), activities in reports.items():
        data = {"agency": agency, "period": name, "entries": [], "activities": activities}
        files[f"plan/updates/{agency}/{name}.yaml"] = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    rate = "reporting:\n  exchange_rates:\n    - {year: 2020, currency: USD, vnd: 23150}\n"
    files["plan/plan.yaml"] = (EMBEDDED_PLAN / "plan.yaml").read_text("utf-8") + rate
    return load_repository(make_repo(files), use_cache=False)


USD_AID = {"kind": "aid", "title": "Học bổng", "start": D(2020, 11, 15), "countries": ["US"], "partner": "Quỹ A",
           "aid_type": "project", "pledged": {"amount": 20_000, "currency": "USD"}}  # fmt: skip


def test_a_rate_is_stated_only_when_the_report_gives_a_value_converted_with_it(make_repo: MakeRepo) -> None:
    training = {"kind": "training", "title": "Lớp tập huấn", "start": D(2021, 1, 10), "people": 30}
    repo = _repo(make_repo, {("sngv", "2020-Q4"): [USD_AID], ("snv", "2021-Q1"): [training]})
    paragraphs = figures_paragraphs(figures_of(repo, quarter(2021, 1), D(2021, 3, 14)))
    assert paragraphs[:2] == [
        f"{OPENING}tổ chức 1 lớp tập huấn với 30 lượt người tham gia, tăng 1 lớp so với quý trước.",  # 2020-Q1: no plan
        "Trong kỳ không có khoản viện trợ (quý trước có 1 khoản).",
    ]
    assert [text for text in paragraphs if text.startswith("Giá trị quy đổi")] == []


def test_a_year_report_drafted_early_has_no_empty_comparison(make_repo: MakeRepo) -> None:
    late = {"kind": "delegation_out", "title": "Đoàn đi Nhật Bản", "start": D(2019, 12, 5), "countries": ["JP"]}
    repo = _repo(make_repo, {("sngv", "2020-Q3"): [late | {"partner": "Hội hữu nghị"}]})
    stats = figures_of(repo, Period(2020, 1, 4), D(2020, 12, 1))
    previous, year_ago = stats.previous_totals["delegation_out"], stats.year_ago_totals["delegation_out"]
    assert (previous.activities, year_ago.activities) == (1, 0)
    assert [paragraph for paragraph in figures_paragraphs(stats) if "()" in paragraph] == []


def test_a_period_before_the_plans_first_reporting_quarter_is_not_compared_with(make_repo: MakeRepo) -> None:
    training = {"kind": "training", "title": "Lớp tập huấn", "start": D(2021, 1, 10), "people": 30}
    repo = _repo(make_repo, {("snv", "2021-Q1"): [training]})
    stats = figures_of(repo, quarter(2021, 1), D(2021, 3, 14))
    assert (stats.previous_reported, stats.year_ago_reported) == (True, False)
    assert figures_paragraphs(stats)[0].endswith("tăng 1 lớp so với quý trước.")
    year = figures_of(repo, Period(2021, 1, 4), D(2021, 12, 14))
    assert not year.year_ago_reported and "so với năm trước" not in figures_paragraphs(year)[0]
    later = figures_of(repo, quarter(2022, 1), D(2022, 3, 14))  # 2021-Q1 is within the plan
    assert (later.previous_reported, later.year_ago_reported) == (True, True)
    assert figures_paragraphs(later)[1] == "Trong kỳ không có lớp tập huấn (cùng kỳ năm trước có 1 lớp)."


@pytest.mark.parametrize(
    ("name", "title", "columns"),
    [
        ("2020-Q4", "QUÝ IV NĂM 2020", ["Quý IV/2020", "Quý III/2020 (kỳ trước)", "Quý IV/2019 (cùng kỳ)", "Lũy kế năm 2020"]),
        ("2021-Q1", "QUÝ I NĂM 2021", ["Quý I/2021", "Quý IV/2020 (kỳ trước)", "Quý I/2020 (cùng kỳ)"]),
        ("2020-H2", "6 THÁNG CUỐI NĂM 2020",
         ["6 tháng cuối năm 2020", "6 tháng đầu năm 2020 (kỳ trước)", "6 tháng cuối năm 2019 (cùng kỳ)", "Lũy kế năm 2020"]),
        ("2020-H1", "6 THÁNG ĐẦU NĂM 2020",
         ["6 tháng đầu năm 2020", "6 tháng cuối năm 2019 (kỳ trước)", "6 tháng đầu năm 2019 (cùng kỳ)"]),
        ("2020", "NĂM 2020", ["Năm 2020", "Năm 2019 (cùng kỳ)"]),
    ],
)  # fmt: skip
def test_the_appendix_has_a_column_per_period_compared(name: str, title: str, columns: list[str]) -> None:
    appendix = figures_appendix(NO_REPO, _stats(name), "(Kèm theo Báo cáo số 05/BC-SNgV)")
    assert (appendix.title, appendix.reference) == (
        f"THỐNG KÊ HOẠT ĐỘNG ĐỐI NGOẠI NHÂN DÂN {title}",
        "(Kèm theo Báo cáo số 05/BC-SNgV)",
    )
    assert appendix.columns == columns
    assert [row.label for row in appendix.rows] == [
        "Đoàn vào", "Đoàn ra", "Hội nghị, sự kiện", "Viện trợ PCPNN", "Thỏa thuận quốc tế", "Tập huấn", "Tuyên truyền", "Khác",
    ]  # fmt: skip
    assert all(row.cells == ["-"] * len(columns) for row in appendix.rows)
    assert (appendix.activities, appendix.notes) == ([], [NOTHING, NOTE])


CELLS = {
    True: [
        FiguresRow("Đoàn vào", ["09 đoàn; 45 người", "01 đoàn; 5 người", "-", "12 đoàn; 1.250 người"]),
        FiguresRow("Viện trợ PCPNN", ["02 khoản; cam kết 20.000 USD và 1,5 tỷ đồng; giải ngân 300 triệu đồng", "-", "-", "-"]),
        FiguresRow("Tuyên truyền", ["-", "-", "10 hoạt động; 32 tin, bài", "-"]),
    ],
    False: [
        FiguresRow("Đoàn vào", ["9 đoàn; 45 người", "1 đoàn; 5 người", "-", "12 đoàn; 1.250 người"]),
        FiguresRow("Viện trợ PCPNN", ["2 khoản; cam kết 20.000 USD và 1,5 tỷ đồng; giải ngân 300 triệu đồng", "-", "-", "-"]),
        FiguresRow("Tuyên truyền", ["-", "-", "10 hoạt động; 32 tin, bài", "-"]),
    ],
}  # fmt: skip


@pytest.mark.parametrize("leading_zero", [True, False])
def test_the_appendix_cells_give_count_people_items_and_values(leading_zero: bool) -> None:
    stats = _stats(
        rates=_rates(),
        totals=_figures(delegation_in=KindFigures(9, 45), aid=AID),
        previous=_figures(delegation_in=KindFigures(1, 5)),
        year_ago=_figures(media=KindFigures(10, items=32)),
        year_to_date=_figures(delegation_in=KindFigures(12, 1250)),
    )
    appendix = figures_appendix(NO_REPO, stats, "", leading_zero=leading_zero)
    assert [appendix.rows[index] for index in (0, 3, 6)] == CELLS[leading_zero]
    assert appendix.notes == [NOTHING, NOTE]  # no activity of the period was converted: no rate to state


def test_the_appendix_lists_each_activity_with_its_dates_value_and_agencies(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(), use_cache=False)
    activities = [
        _activity("delegation_in", "Đoàn  Hội hữu nghị\n thăm tỉnh ", D(2020, 10, 5), end=D(2020, 10, 8),
                  countries=("JP", "FJ"), partner=" Hội\thữu nghị ", people=14, agencies=("lhhn", "sngv", "nope")),
        _activity("media", "Loạt bài", D(2020, 10, 12), end=D(2020, 10, 12), agencies=("baokh",)),
        _activity("aid", "Nước sạch", D(2020, 11, 20), people=3, pledged=MoneyRecord(1_500_000_000, "VND")),
        _activity("training", "Lớp bồi dưỡng", D(2020, 11, 25), people=1200, agencies=()),
        _activity("other", "Khác", D(2020, 12, 1)),
    ]  # fmt: skip
    appendix = figures_appendix(repo, _stats(activities=activities), "")
    assert appendix.notes == [NOTE]
    assert appendix.activities == [
        ActivityRow("1", "05/10/2020 - 08/10/2020", "Đoàn vào", "Đoàn Hội hữu nghị thăm tỉnh", "Nhật Bản, Fiji",
                    "Hội hữu nghị", "14 người", "Liên hiệp các tổ chức hữu nghị tỉnh; Sở Ngoại vụ"),
        ActivityRow("2", "12/10/2020", "Tuyên truyền", "Loạt bài", "", "", "1 tin, bài", "Báo Khánh Hòa"),
        ActivityRow("3", "20/11/2020", "Viện trợ PCPNN", "Nước sạch", "", "", "1,5 tỷ đồng", "Sở Ngoại vụ"),
        ActivityRow("4", "25/11/2020", "Tập huấn", "Lớp bồi dưỡng", "", "", "1.200 người", ""),
        ActivityRow("5", "01/12/2020", "Khác", "Khác", "", "", "", "Sở Ngoại vụ"),
    ]  # fmt: skip
