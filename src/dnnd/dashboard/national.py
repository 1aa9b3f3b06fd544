"""`dnnd rollup --site DIR`: the national overview of many provinces' plans, with a page per province: the
tasks per status, the agencies that have not reported and the activity figures, nationally and per province."""

from __future__ import annotations

import re

from dnnd.dashboard.charts import Chart, Series, bar_chart
from dnnd.dashboard.pages import PageWriter
from dnnd.dashboard.words import Writer
from dnnd.evaluate.figures import Figures, KindFigures
from dnnd.evaluate.rollup import Province, Rollup
from dnnd.i18n import Text
from dnnd.plan.periods import parse_period
from dnnd.plan.vocabulary import (
    ACTIVITY_KIND_BY_CODE,
    ACTIVITY_KINDS,
    STATUS_CODES,
    STATUS_COLOURS,
    STATUS_SHORT_LABELS,
    summary_line,
)

NAVIGATION = (("index.html", "national"),)
TITLE = Text("Tổng hợp toàn quốc", "National roll-up")


def province_pages(provinces: list[Province]) -> list[str]:
    """Each province's page, from its plan's id ('khanhhoa-2020' → 'tinh/khanhhoa-2020.html'); a repository
    that could not be read goes by its folder's name, which two may share: the second gets '-2', and so on."""
    pages, taken = [], set()
    for province in provinces:
        slug = re.sub(r"[^a-z0-9-]+", "-", province.plan.lower()).strip("-") or "tinh"
        name, number = slug, 1
        while name in taken:
            number += 1
            name = f"{slug}-{number}"
        taken.add(name)
        pages.append(f"tinh/{name}.html")
    return pages


def national_site(result: Rollup, lang: str) -> dict[str, bytes]:
    """The national overview at index.html and each province's page under tinh/."""
    writer = Writer(lang)
    as_of = writer.date(result.as_of) if result.as_of is not None else ""
    pages = PageWriter(writer(TITLE), writer, as_of, NAVIGATION)
    periods = [parse_period(name) for name in result.periods]
    period = " / ".join(writer.period(found) for found in periods if found is not None)
    loaded = [province for province in result.provinces if not province.failed]
    names = [_name(province) for province in loaded]
    by_province = bar_chart(
        "provinces",
        writer(Text("Nhiệm vụ theo tình trạng, từng tỉnh", "Tasks by status, province by province")),
        writer(
            Text(
                f"{writer.number(len(loaded))} tỉnh, thành phố đọc được.",
                f"{writer.number(len(loaded))} provinces read.",
            )
        ),
        writer(Text("Tỉnh, thành phố", "Province")),
        names,
        [
            Series(code, writer(STATUS_SHORT_LABELS[code]), STATUS_COLOURS[code], [p.counts[code] for p in loaded])
            for code in STATUS_CODES
        ],
        stacked=True,
        horizontal=True,
        lang=writer.lang,
    )
    hrefs = province_pages(result.provinces)
    rows = [
        {
            "href": href,
            "name": _name(province),
            "counts": [writer.number(province.counts.get(code, 0)) for code in STATUS_CODES],
            "missing": writer.number(len(province.missing)),
            "error": writer(province.error) if province.error is not None else "",
        }
        for province, href in zip(result.provinces, hrefs, strict=True)
    ]
    pages.add(
        "index.html",
        "national.html.j2",
        "national",
        writer(TITLE),
        heading=f"{writer(TITLE)} — {period}",
        lead_in=writer(summary_line(result.totals)),
        charts=[by_province, _figures_chart("national-figures", result.figures, writer)],
        status_headings=[writer(STATUS_SHORT_LABELS[code]) for code in STATUS_CODES],
        rows=rows,
    )
    for province, href in zip(result.provinces, hrefs, strict=True):
        pages.add(
            href,
            "province.html.j2",
            "national",
            _name(province),
            heading=_name(province),
            province=province,
            error=writer(province.error) if province.error is not None else "",
            problems=[problem.render(lang) for problem in province.problems],
            lead_in=writer(summary_line(province.counts)) if not province.failed else "",
            charts=[] if province.failed else [_figures_chart("figures", province.figures, writer)],
            missing=[
                {
                    "name": item.name,
                    "quarters": ", ".join(_quarter(name, writer) for name in item.quarters),
                    "tasks": ", ".join(map(str, item.tasks)),
                }
                for item in province.missing
            ],
        )
    return pages.finish()


def _quarter(name: str, writer: Writer) -> str:
    quarter = parse_period(name, "quarter")
    return writer.quarter(quarter) if quarter is not None else name


def _name(province: Province) -> str:
    return province.province or province.title or province.plan


def _figures_chart(chart_id: str, figures: Figures, writer: Writer) -> Chart:
    values = [(figures.get(kind) or KindFigures()).activities for kind in ACTIVITY_KINDS]
    return bar_chart(
        chart_id,
        writer(Text("Hoạt động theo loại", "Activities by kind")),
        writer(
            Text(
                f"{writer.number(sum(values))} hoạt động trong kỳ.",
                f"{writer.number(sum(values))} activities in the period.",
            )
        ),
        writer.words["kind"],
        [writer(ACTIVITY_KIND_BY_CODE[kind].label) for kind in ACTIVITY_KINDS],
        [Series("activities", writer.words["activities"], "#0277bd", values)],
        horizontal=True,
        lang=writer.lang,
    )
