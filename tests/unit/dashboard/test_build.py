"""`dnnd site`: every page of a repository's site, linked together, the same bytes for the same repository."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
from pathlib import Path

import pytest

from dnnd.dashboard.build import Site, build_site
from dnnd.evaluate.status_report import PeriodChoice, status_report
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import PROJECT, MakeRepo
from tests.git_helpers import init, submit, update

D = dt.date
TODAY = D(2021, 3, 1)
EXAMPLE = PROJECT / "examples" / "khanhhoa-2020"


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example repository, copied out of the project (so that no git history nor cache of it is used)."""
    root = tmp_path_factory.mktemp("example") / "khanhhoa-2020"
    shutil.copytree(EXAMPLE, root)
    return root


@pytest.fixture(scope="module")
def repo(example: Path) -> Repository:
    return load_repository(example, use_cache=False)


@pytest.fixture(scope="module")
def site(repo: Repository) -> Site:
    return build_site(repo, PeriodChoice(P("2020-Q4")), TODAY, "vi")


def page(site: Site, rel: str) -> str:
    return site.pages[rel].decode("utf-8")


def test_the_site_has_the_overview_the_trend_the_agencies_and_a_page_per_task_and_agency(
    repo: Repository, site: Site
) -> None:
    expected = {"index.html", "dien-bien.html", "co-quan/index.html", "nhiem-vu/index.html", "style.css"}
    expected |= {f"nhiem-vu/{task}.html" for task in repo.tasks}
    held = {"sngv", "snv", "stttt", "bdv", "btg", "mttq", "lhhn", "baokh", "ktv", "congttdt", "lienquan"}
    expected |= {f"co-quan/{agency}.html" for agency in held}
    assert set(site.pages) == expected
    assert (site.period, site.why) == (P("2020-Q4"), None)


def test_every_link_leads_to_a_page_of_the_site(site: Site) -> None:
    broken = []
    for rel in site.pages:
        for href in re.findall(r'href="([^"]*)"', page(site, rel)) if rel.endswith(".html") else ():
            path = href.partition("#")[0]
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path)) if path else rel
            if "://" in href or target not in site.pages:
                broken.append((rel, href))
    assert broken == []


def test_no_id_repeats_within_a_page(site: Site) -> None:
    for rel in site.pages:
        ids = re.findall(r'\bid="([^"]*)"', page(site, rel)) if rel.endswith(".html") else []
        assert len(ids) == len(set(ids)), rel
    assert page(site, "dien-bien.html").count("<svg ") == 4 and page(site, "index.html").count("<svg ") == 2


def test_two_builds_of_one_repository_are_byte_identical(example: Path, site: Site) -> None:
    again = build_site(load_repository(example, use_cache=False), PeriodChoice(P("2020-Q4")), TODAY, "vi")
    assert list(again.pages) == list(site.pages)
    assert [rel for rel in site.pages if again.pages[rel] != site.pages[rel]] == []


def test_the_overview_names_the_period_and_counts_the_tasks_as_the_status_does(repo: Repository, site: Site) -> None:
    html = page(site, "index.html")
    assert '<html lang="vi">' in html and "<h1>Tình hình thực hiện Kế hoạch — quý IV năm 2020</h1>" in html
    counts = status_report(repo, PeriodChoice(P("2020-Q4")), today=TODAY).counts()
    table = html[html.index('data-chart="status"') :]
    values = [int(value) for value in re.findall(r'data-value="(\d+)"', table[: table.index("</table>")])]
    assert values == list(counts.values())
    assert "Không đọc được lịch sử git của kho" in html  # no history: no lateness claimed


def test_the_english_site_is_in_english(repo: Repository) -> None:
    english = build_site(repo, PeriodChoice(P("2020-Q4")), TODAY, "en")
    for rel, data in english.pages.items():
        if rel.endswith(".html"):
            assert b'<html lang="en">' in data, rel
    html = english.pages["index.html"].decode()
    assert "<h1>Progress of the plan — 2020-Q4</h1>" in html and ">Overview</a>" in html


def test_without_a_period_the_site_is_of_the_period_being_reported_and_says_why(repo: Repository) -> None:
    built = build_site(repo, PeriodChoice(), D(2021, 1, 10), "vi")
    assert built.period == P("2020-Q4") and built.why is not None
    assert built.why.vi in built.pages["index.html"].decode()


def test_the_agencies_page_has_a_cell_per_quarter_for_each_agency_that_had_to_report(site: Site) -> None:
    html = page(site, "co-quan/index.html")
    rows = re.findall(r'<tr><th scope="row"><a href="(\w+)\.html">.*?</tr>', html)
    assert rows[:3] == ["sngv", "snv", "stttt"] and "lienquan" not in rows  # a group does not report
    assert html.count('class="cell ') == 2 * len(rows)  # 2020-Q3 and 2020-Q4
    assert set(re.findall(r'data-state="(\w+)"', html)) <= {"submitted", "missing", "none"}


def test_with_the_main_branchs_history_late_reports_are_shown(make_repo: MakeRepo) -> None:
    root = init(make_repo())
    files = update("stttt", "2020-Q4", (8, "in_progress"), (11, "in_progress"))
    submit(root, "stttt", files, committed="2020-12-10T09:00:00+07:00", merged="2020-12-18T09:00:00+07:00")
    built = build_site(load_repository(root, use_cache=False), PeriodChoice(P("2020-Q4")), TODAY, "en")
    index = built.pages["index.html"].decode()
    late = index[index.index("Agencies that reported late") :]
    assert '<a href="co-quan/stttt.html">' in late and "<td>2020-12-16</td><td>2020-12-18</td>" in late
    grid = built.pages["co-quan/index.html"].decode()
    assert re.search(
        r'<a href="stttt\.html">STTTT</a></th><td [^>]*data-state="missing"[^>]*>.*?data-state="late"', grid
    )
    assert "git history could not be read" not in index


def test_a_period_before_reporting_began_has_a_trend_page_that_reads_well(repo: Repository) -> None:
    built = build_site(repo, PeriodChoice(P("2020-Q2")), TODAY, "en")
    trend = built.pages["dien-bien.html"].decode()
    assert "from ." not in trend and "No quarter to compare yet: the agencies report from 2020-Q3." in trend
