"""`dnnd stats`' output: the JSON contract per kind, activity and period, CSV rows, notices and the tables."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any, cast

import pytest
import yaml

from dnnd.evaluate.figures import Figures, KindFigures, Rates, Scope, Stats, figures_for
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.load.activities import CountedActivity
from dnnd.load.records import MoneyRecord
from dnnd.output.formats.csv import to_csv
from dnnd.output.stats_view import (
    CSV_FIELDS,
    StatsOutput,
    activity_document,
    figures_document,
    kind_document,
    stats_document,
)
from dnnd.plan.activity_models import ExchangeRate
from dnnd.plan.periods import Period, quarter
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo

D = dt.date
KINDS = ["delegation_in", "delegation_out", "event", "aid", "agreement", "training", "media", "other"]
ZERO = {"activities": 0, "people": 0, "countries": {}}
FULL = KindFigures(2, 30, {"JP": 2}, 5, {"USD": 20_000}, {"VND": 300_000_000})
USD_2020 = ExchangeRate(year=2020, currency="USD", vnd=Decimal("23150"), source="Tỷ giá giả định")
MONEY = {"partner": "Quỹ C", "aid_type": "project", "pledged": {"amount": 20_000, "currency": "USD"}}
PERIODS = ["2020-Q4", "2020-Q3", "2019-Q4", "2020"]
NO_REPO = cast(Repository, None)  # csv() and notices() do not read the repository
TOP_KEYS = ["period", "window", "totals", "previous", "year_ago", "year_to_date", "by_agency", "activities"]


def _activity(kind: str, title: str, start: dt.date, **fields: Any) -> CountedActivity:
    """A counted activity of 2020-Q4 reported by sngv, with `fields` set."""
    values: dict[str, Any] = {
        "end": None, "countries": (), "partner": None, "people": None, "items": None, "ref": None, "tasks": (),
        "note": None, "aid_type": None, "pledged": None, "disbursed": None, "agencies": ("sngv",), "period": "2020-Q4",
    }  # fmt: skip
    return CountedActivity(kind, title, start, **(values | fields))


def _figures(**kinds: KindFigures) -> Figures:
    """Every kind's figures, zeros but for `kinds`."""
    return {kind: kinds.get(kind, KindFigures()) for kind in KINDS}


def _scope(period: Period, until: dt.date | None = None) -> Scope:
    window = period.window()
    return Scope(period, window, until or window.end)


def _stats(rates: Rates | None = None, **parts: Any) -> Stats:
    """The stats of 2020-Q4 up to 14/12/2020: zeros but for the `parts` given (totals, previous, year_ago,
    year_to_date, by_agency, activities, agency)."""
    return Stats(
        _scope(quarter(2020, 4)),
        _scope(quarter(2020, 3)),
        _scope(quarter(2019, 4)),
        Scope(Period(2020, 1, 4), Period(2020, 1, 4).window(), D(2020, 12, 14)),
        parts.get("totals", _figures()),
        parts.get("previous", _figures()),
        parts.get("year_ago", _figures()),
        parts.get("year_to_date", _figures()),
        parts.get("by_agency", {}),
        parts.get("activities", []),
        rates or Rates([]),
        parts.get("agency"),
    )


def _repo(make_repo: MakeRepo, files: dict[str, Any] | None = None) -> Repository:
    return load_repository(make_repo(files), use_cache=False)


def table_rows(text: str, border: str = "│") -> list[list[str]]:
    return [
        [cell.strip() for cell in line.split(border)[1:-1]] for line in text.splitlines() if line.startswith(border)
    ]


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        ("media", {"items": 5}),
        ("aid", {"pledged": {"USD": 20_000}, "disbursed": {"VND": 300_000_000}}),
        *((kind, {}) for kind in ("delegation_in", "delegation_out", "event", "agreement", "training", "other")),
    ],
)
def test_kind_document_adds_items_to_media_values_to_aid_and_nothing_to_the_others(
    kind: str, extra: dict[str, Any]
) -> None:
    assert kind_document(kind, FULL) == {"activities": 2, "people": 30, "countries": {"JP": 2}, **extra}


@pytest.mark.parametrize(
    ("pledged", "disbursed", "equivalents"),
    [
        (None, None, {}),
        (463_000_000, None, {"pledged_vnd_equivalent": 463_000_000}),
        (None, 0, {"disbursed_vnd_equivalent": 0}),
        (1, 2, {"pledged_vnd_equivalent": 1, "disbursed_vnd_equivalent": 2}),
    ],
)
def test_aid_gives_a_vnd_equivalent_only_when_it_is_known(
    pledged: int | None, disbursed: int | None, equivalents: dict[str, int]
) -> None:
    found = dataclasses.replace(FULL, pledged_vnd_equivalent=pledged, disbursed_vnd_equivalent=disbursed)
    document = kind_document("aid", found)
    assert {key: value for key, value in document.items() if key.endswith("_equivalent")} == equivalents
    assert kind_document("delegation_in", found) == {"activities": 2, "people": 30, "countries": {"JP": 2}}


def test_figures_document_gives_every_kind_with_zeros_in_the_vocabularys_order() -> None:
    empty = figures_document({})
    assert list(empty) == KINDS
    assert empty == {kind: ZERO for kind in KINDS} | {
        "aid": {**ZERO, "pledged": {}, "disbursed": {}},
        "media": {**ZERO, "items": 0},
    }
    backwards = figures_document({"other": KindFigures(1), "delegation_in": KindFigures(3, 40, {"JP": 2, "KR": 1})})
    assert list(backwards) == KINDS
    assert backwards["delegation_in"] == {"activities": 3, "people": 40, "countries": {"JP": 2, "KR": 1}}
    assert (backwards["other"], backwards["event"]) == ({**ZERO, "activities": 1}, ZERO)


def test_activity_document_has_the_update_files_keys_lists_and_money_objects() -> None:
    aid = _activity(
        "aid", "Học bổng", D(2020, 11, 15), end=D(2020, 11, 16), countries=("US", "JP"), partner="Quỹ A",
        ref="12/QĐ", tasks=(7, 9), aid_type="project", pledged=MoneyRecord(20_000, "USD"),
        agencies=("lhhn", "sngv"),
    )  # fmt: skip
    assert activity_document(aid) == {
        "kind": "aid", "title": "Học bổng", "start": D(2020, 11, 15), "end": D(2020, 11, 16),
        "countries": ["US", "JP"], "partner": "Quỹ A", "people": None, "count": None, "ref": "12/QĐ",
        "tasks": [7, 9], "note": None, "aid_type": "project", "pledged": {"amount": 20_000, "currency": "USD"},
        "disbursed": None, "agencies": ["lhhn", "sngv"], "period": "2020-Q4",
    }  # fmt: skip
    media = activity_document(_activity("media", "Loạt bài", D(2020, 10, 12), items=12))
    assert (media["count"], "items" in media, media["countries"], media["tasks"]) == (12, False, [], [])
    assert type(media["agencies"]) is list


def test_stats_document_has_exactly_the_contracts_top_keys() -> None:
    activity = _activity("delegation_in", "Đoàn Nhật Bản", D(2020, 10, 10), countries=("JP",), people=12)
    totals = _figures(delegation_in=KindFigures(1, 12, {"JP": 1}))
    previous = _figures(event=KindFigures(1))
    document = stats_document(
        _stats(totals=totals, previous=previous, by_agency={"sngv": totals}, activities=[activity])
    )
    assert list(document) == TOP_KEYS
    assert (document["period"], document["window"]) == ("2020-Q4", {"start": D(2020, 9, 15), "end": D(2020, 12, 14)})
    assert document["totals"]["delegation_in"] == {"activities": 1, "people": 12, "countries": {"JP": 1}}
    assert document["previous"]["event"]["activities"] == 1
    assert [list(document[key]) for key in ("year_ago", "year_to_date")] == [KINDS, KINDS]
    assert list(document["by_agency"]) == ["sngv"] and list(document["by_agency"]["sngv"]) == KINDS
    assert document["activities"] == [activity_document(activity)]


def test_csv_has_a_row_per_kind_for_each_period_then_for_each_agency() -> None:
    aid = KindFigures(2, 0, {"US": 1, "KR": 1}, 0, {"USD": 20_000, "VND": 1_500_000_000}, {"VND": 300_000_000})
    aid.pledged_vnd_equivalent = 1_963_000_000
    stats = _stats(totals=_figures(aid=aid), year_to_date=_figures(aid=aid), by_agency={"lhhn": _figures(aid=aid)})
    fields, rows = StatsOutput(NO_REPO, stats).csv()
    assert fields == CSV_FIELDS == (
        "scope", "period", "kind", "label", "activities", "people", "items", "countries", "pledged", "disbursed",
        "pledged_vnd_equivalent", "disbursed_vnd_equivalent",
    )  # fmt: skip
    lines = to_csv(rows, fields).splitlines()
    assert len(lines) == 1 + 5 * 8
    assert [line.split(",")[:3] for line in lines[1::8]] == [
        ["totals", "2020-Q4", "delegation_in"],
        ["previous", "2020-Q3", "delegation_in"],
        ["year_ago", "2019-Q4", "delegation_in"],
        ["year_to_date", "2020", "delegation_in"],
        ["agency:lhhn", "2020-Q4", "delegation_in"],
    ]
    aid_row = "Viện trợ PCPNN,2,0,0,KR: 1; US: 1,USD: 20000; VND: 1500000000,VND: 300000000,1963000000,"
    assert lines[4] == f"totals,2020-Q4,aid,{aid_row}"
    assert lines[8] == "totals,2020-Q4,other,Khác,0,0,0,,,,,"
    assert lines[36] == f"agency:lhhn,2020-Q4,aid,{aid_row}"


NOTICES = {
    "vi": [
        "Chưa có tên tiếng Việt của nước FJ (Fiji), NG (Nigeria): dùng tên tiếng Anh theo ISO 3166-1",
        "plan.yaml chưa có tỷ giá EUR năm 2019 (reporting.exchange_rates): giá trị bằng EUR không được quy đổi ra đồng",
        "plan.yaml chưa có tỷ giá USD năm 2021 (reporting.exchange_rates): giá trị bằng USD không được quy đổi ra đồng",
    ],
    "en": [
        "No Vietnamese name for FJ (Fiji), NG (Nigeria): the ISO 3166-1 English name is used",
        "plan.yaml has no EUR rate for 2019 (reporting.exchange_rates): EUR values are not converted to VND",
        "plan.yaml has no USD rate for 2021 (reporting.exchange_rates): USD values are not converted to VND",
    ],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_notices_name_countries_shown_in_english_and_rates_missing(lang: str) -> None:
    rates = Rates([USD_2020])
    for currency, year in (("USD", 2021), ("EUR", 2019), ("USD", 2020), ("VND", 2018), ("USD", 2021)):
        rates.in_vnd(100, currency, year)
    stats = _stats(
        rates,
        totals=_figures(aid=KindFigures(1, countries={"NG": 1, "JP": 1})),
        previous=_figures(delegation_in=KindFigures(1, countries={"FJ": 1})),
        year_ago=_figures(event=KindFigures(1, countries={"NG": 1})),
    )
    assert StatsOutput(NO_REPO, stats).notices(lang) == NOTICES[lang]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_notice_when_every_country_has_its_vietnamese_name_and_every_rate_is_known(lang: str) -> None:
    rates = Rates([USD_2020])
    assert rates.in_vnd(20_000, "USD", 2020) == 463_000_000
    assert rates.in_vnd(1_000, "VND", 2019) == 1_000
    stats = _stats(rates, totals=_figures(delegation_in=KindFigures(2, 9, {"JP": 1, "KR": 1})))
    assert StatsOutput(NO_REPO, stats).notices(lang) == []


def _update(agency: str, period: str, activities: list[dict[str, Any]]) -> dict[str, str]:
    data = {"agency": agency, "period": period, "entries": [], "activities": activities}
    return {f"plan/updates/{agency}/{period}.yaml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}


def _example(make_repo: MakeRepo) -> Repository:
    """sngv reports a Japanese delegation and Fijian-Japanese aid in 2020-Q4 and a Korean delegation in 2020-Q3; lhhn a
    media series in 2020-Q4; plan.yaml has the 2020 USD rate."""
    korea = {"kind": "delegation_in", "title": "Đoàn Hàn Quốc", "start": D(2020, 8, 1), "countries": ["KR"]}
    japan = {"kind": "delegation_in", "title": "Đoàn Nhật Bản", "start": D(2020, 10, 10), "people": 12}
    aid = {"kind": "aid", "title": "Học bổng", "start": D(2020, 11, 15), "countries": ["FJ", "JP"]}
    media = {"kind": "media", "title": "Loạt bài", "start": D(2020, 10, 12), "count": 8}
    files = _update("sngv", "2020-Q3", [korea | {"partner": "Hội A"}])
    files |= _update("sngv", "2020-Q4", [japan | {"countries": ["JP"], "partner": "Hội B"}, aid | MONEY])
    files |= _update("lhhn", "2020-Q4", [media])
    rate = "reporting:\n  exchange_rates:\n    - {year: 2020, currency: USD, vnd: 23150, source: Tỷ giá giả định}\n"
    return _repo(make_repo, files | {"plan/plan.yaml": (EMBEDDED_PLAN / "plan.yaml").read_text("utf-8") + rate})


def _printed(repo: Repository, stats: Stats, lang: str, capsys: pytest.CaptureFixture[str]) -> tuple[list[str], str]:
    """What print_table writes: the lines of standard output, and standard error."""
    StatsOutput(repo, stats).print_table(lang)
    captured = capsys.readouterr()
    return captured.out.splitlines(), captured.err


HEADINGS = {
    "vi": [["", "Kỳ này", "Kỳ trước", "Cùng kỳ năm trước", "Lũy kế năm"], ["Loại hoạt động", *PERIODS]],
    "en": [["", "This period", "Previous", "A year earlier", "Year to date"], ["Kind", *PERIODS]],
}
ROWS = {  # the rows of the incoming delegations, the aid and the media
    "vi": [
        ["Đoàn vào", "1 (12 người)", "1", "—", "2 (12 người)"],
        ["Viện trợ PCPNN", "1 (cam kết 20.000 USD (≈ 463 triệu đồng))", "—", "—", "1 (cam kết 20.000 USD (≈ 463 triệu đồng))"],
        ["Tuyên truyền", "1 (8 tin, bài)", "—", "—", "1 (8 tin, bài)"],
    ],
    "en": [
        ["Incoming delegations", "1 (12 people)", "1", "—", "2 (12 people)"],
        ["Foreign NGO aid", *["1 (pledged 20,000 USD (≈ 463,000,000 VND))", "—", "—"],
         "1 (pledged 20,000 USD (≈ 463,000,000 VND))"],
        ["Media, outreach", "1 (8 items)", "—", "—", "1 (8 items)"],
    ],
}  # fmt: skip
TITLES = {
    "vi": "Thống kê hoạt động đối ngoại nhân dân — kỳ 2020-Q4 (số liệu 15/09/2020–14/12/2020)",
    "en": "People-to-people diplomacy figures — 2020-Q4 (data 15/09/2020–14/12/2020)",
}
COUNTRIES = {"vi": "Theo nước (số hoạt động): Nhật Bản 2, Fiji 1", "en": "By country (activities): Japan 2, Fiji 1"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_figures_table_has_a_row_per_kind_and_a_column_per_period(
    lang: str, make_repo: MakeRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    repo = _example(make_repo)
    lines, _ = _printed(repo, figures_for(repo, PeriodChoice(quarter(2020, 4)), today=D(2021, 5, 1)), lang, capsys)
    assert lines[0].strip() == TITLES[lang]
    assert table_rows("\n".join(lines[:6]), "┃") == HEADINGS[lang]
    rows = table_rows("\n".join(lines[: lines.index(COUNTRIES[lang])]))
    assert len(rows) == 8
    assert [rows[0], rows[3], rows[6]] == ROWS[lang]
    assert [row[1:] for row in (rows[1], rows[2], rows[4], rows[5], rows[7])] == [["—"] * 4] * 5


@pytest.mark.parametrize(
    ("lang", "rate"),
    [
        ("vi", "Tỷ giá quy đổi năm 2020: 1 USD = 23.150 đồng (Tỷ giá giả định)"),
        ("en", "Exchange rate 2020: 1 USD = 23,150 VND (Tỷ giá giả định)"),
    ],
)
def test_the_rate_used_is_stated_under_the_table_in_the_languages_digits(
    lang: str, rate: str, make_repo: MakeRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    repo = _example(make_repo)
    lines, _ = _printed(repo, figures_for(repo, PeriodChoice(quarter(2020, 4)), today=D(2021, 5, 1)), lang, capsys)
    assert lines[lines.index(COUNTRIES[lang]) + 1] == rate


ACTIVITIES = {
    "vi": [
        ["Ngày", "Loại", "Nội dung", "Nước", "Số người / giá trị", "Cơ quan báo cáo"],
        ["10/10/2020", "Đoàn vào", "Đoàn Nhật Bản", "Nhật Bản", "12 người", "SNgV"],
        ["12/10/2020", "Tuyên truyền", "Loạt bài", "", "8 tin, bài", "LHHN"],
        ["15/11/2020", "Viện trợ PCPNN", "Học bổng", "Fiji, Nhật Bản", "20.000 USD", "SNgV"],
    ],
    "en": [
        ["Date", "Kind", "Activity", "Countries", "People / value", "Reported by"],
        ["10/10/2020", "Incoming delegations", "Đoàn Nhật Bản", "Japan", "12 people", "SNgV"],
        ["12/10/2020", "Media, outreach", "Loạt bài", "", "8 items", "LHHN"],
        ["15/11/2020", "Foreign NGO aid", "Học bổng", "Fiji, Japan", "20,000 USD", "SNgV"],
    ],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_activities_follow_in_date_order_then_the_notices_on_standard_error(
    lang: str, make_repo: MakeRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    repo = _example(make_repo)
    lines, err = _printed(repo, figures_for(repo, PeriodChoice(quarter(2020, 4)), today=D(2021, 5, 1)), lang, capsys)
    second = lines[lines.index(COUNTRIES[lang]) + 2 :]
    assert second[0].strip() == {"vi": "Các hoạt động trong kỳ", "en": "Activities in the period"}[lang]
    header, *rows = ACTIVITIES[lang]
    assert table_rows("\n".join(second), "┃") == [header]
    assert table_rows("\n".join(second)) == rows
    assert err.splitlines() == [NOTICES[lang][0].replace(", NG (Nigeria)", "")]


NOTHING = {
    "vi": ("Thống kê hoạt động đối ngoại nhân dân — kỳ 2020-Q4 (số liệu 15/09/2020–01/11/2020) — Sở Nội vụ",
           "Không có hoạt động nào trong kỳ."),
    "en": ("People-to-people diplomacy figures — 2020-Q4 (data 15/09/2020–01/11/2020) — Sở Nội vụ",
           "No activity in the period."),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_agencys_figures_name_it_and_say_when_it_reported_no_activity(
    lang: str, make_repo: MakeRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    repo = _example(make_repo)
    stats = figures_for(repo, PeriodChoice(as_of=D(2020, 11, 1)), today=D(2021, 5, 1), agency_id="snv")
    lines, err = _printed(repo, stats, lang, capsys)
    title = " ".join(line.strip() for line in lines[: next(n for n, line in enumerate(lines) if line.startswith("┏"))])
    assert (title, lines[-1]) == NOTHING[lang]
    assert (
        err
        == {  # no period was named: which one, and why, on stderr
            "vi": "(kỳ đang diễn ra: 2020-Q4 (kỳ 2020-Q3 đã qua 45 ngày sau ngày chốt số liệu))\n",
            "en": "(the period under way: 2020-Q4 (2020-Q3 ended more than 45 days ago))\n",
        }[lang]
    )
    assert [row[1:] for row in table_rows("\n".join(lines))] == [["—"] * 4] * 8
