"""`dnnd rollup --site`: the national overview linking a page per province, a failed province's page its error."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
from pathlib import Path

import pytest
from markupsafe import escape

from dnnd.dashboard.national import national_site, province_pages
from dnnd.evaluate.rollup import Province, Rollup, roll_up
from dnnd.evaluate.status_report import PeriodChoice
from dnnd.i18n import Text
from dnnd.plan.periods import Period, parse_period
from dnnd.plan.vocabulary import empty_counts
from tests.conftest import PROJECT, MakeRepo

D = dt.date
TODAY = D(2021, 3, 1)


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


@pytest.fixture
def rollup(tmp_path: Path, make_repo: MakeRepo) -> Rollup:
    """The example repository, the embedded plan under another id, and a folder that holds no plan."""
    example = tmp_path / "khanhhoa-2020"
    shutil.copytree(PROJECT / "examples" / "khanhhoa-2020", example)
    plan = (example / "plan" / "plan.yaml").read_text(encoding="utf-8").replace("id: khanhhoa-dnnd-2020", "id: phuyen")
    other = make_repo({"plan/plan.yaml": plan.replace("province: Khánh Hòa", "province: Phú Yên")}, name="phu-yen")
    empty = tmp_path / "not-a-plan"
    empty.mkdir()
    return roll_up([example, other, empty], PeriodChoice(P("2020-Q4")), today=TODAY, use_cache=False)


def text(pages: dict[str, bytes], rel: str) -> str:
    return pages[rel].decode("utf-8")


def test_the_overview_links_each_provinces_page(rollup: Rollup) -> None:
    pages = national_site(rollup, "vi")
    assert list(pages) == [
        "index.html",
        "style.css",
        "tinh/khanhhoa-dnnd-2020.html",
        "tinh/not-a-plan.html",
        "tinh/phuyen.html",
    ]
    links = re.findall(r'<th scope="row"><a href="([^"]+)">([^<]+)</a>', text(pages, "index.html"))
    assert links == [
        ("tinh/khanhhoa-dnnd-2020.html", "Khánh Hòa"),
        ("tinh/phuyen.html", "Phú Yên"),
        ("tinh/not-a-plan.html", "not-a-plan"),
    ]


def test_every_link_leads_to_a_page_of_the_site(rollup: Rollup) -> None:
    pages = national_site(rollup, "en")
    for rel in (rel for rel in pages if rel.endswith(".html")):
        for href in re.findall(r'href="([^"#]+)', text(pages, rel)):
            assert posixpath.normpath(posixpath.join(posixpath.dirname(rel), href)) in pages, (rel, href)
        assert '<html lang="en">' in text(pages, rel)


def test_a_failed_provinces_page_and_row_give_its_error(rollup: Rollup) -> None:
    failed = rollup.provinces[2]
    assert failed.failed and failed.error is not None
    pages = national_site(rollup, "vi")
    html, error = text(pages, "tinh/not-a-plan.html"), escape(failed.error.vi)
    assert "not-a-plan" in failed.error.vi and f"Không đọc được kho: {error}" in html
    assert "<svg" not in html  # no figures of a repository not read
    row = re.search(r'<a href="tinh/not-a-plan.html">.*?</tr>', text(pages, "index.html"))
    assert row is not None and error in row.group(0) and 'colspan="8"' in row.group(0)


def test_a_provinces_page_names_the_agencies_that_have_not_reported(rollup: Rollup) -> None:
    loaded = rollup.provinces[0]
    html = text(national_site(rollup, "vi"), "tinh/khanhhoa-dnnd-2020.html")
    assert f"<h1>{loaded.province}</h1>" in html and loaded.title in html
    for item in loaded.missing:
        quarters = ", ".join(f"IV/{name[:4]}" for name in item.quarters)  # 2020-Q4 as a Vietnamese page writes it
        assert all(name.endswith("-Q4") for name in item.quarters)
        assert f"<tr><td>{item.name}</td><td>{quarters}</td>" in html
    assert 'data-chart="figures"' in html and "Không đọc được kho" not in html


def test_the_overview_counts_each_province_and_the_nation(rollup: Rollup) -> None:
    html = text(national_site(rollup, "vi"), "index.html")
    assert "<h1>Tổng hợp toàn quốc — quý IV năm 2020</h1>" in html
    assert f"Tổng số {sum(rollup.totals.values())} nhiệm vụ" in html
    row = re.search(r'<a href="tinh/phuyen.html">.*?</tr>', html)
    assert row is not None
    assert re.findall(r'<td class="number">(\d+)</td>', row.group(0))[:-1] == [
        str(rollup.provinces[1].counts[code]) for code in empty_counts()
    ]
    assert 'data-chart="provinces"' in html and 'data-chart="national-figures"' in html


def test_two_builds_of_one_rollup_are_byte_identical(rollup: Rollup) -> None:
    assert national_site(rollup, "vi") == national_site(rollup, "vi")


@pytest.mark.parametrize(
    ("plan", "page"),
    [("khanhhoa-2020", "tinh/khanhhoa-2020.html"), ("Kho Tỉnh", "tinh/kho-t-nh.html"), ("---", "tinh/tinh.html")],
)
def test_a_provinces_page_is_named_from_its_plans_id(plan: str, page: str) -> None:
    assert province_pages([Province("/x", plan, "")]) == [page]


def test_two_provinces_never_share_a_page() -> None:
    first = Province("/tinh-a/kho", "kho", "", error=Text("hỏng A", "broken A"))
    second = Province("/tinh-b/kho", "kho", "", error=Text("hỏng B", "broken B"))
    pages = national_site(Rollup([first, second]), "en")
    assert len([rel for rel in pages if rel.startswith("tinh/")]) == 2
    assert any("broken A" in data.decode() for rel, data in pages.items() if rel.startswith("tinh/"))
