"""The dashboard in a real browser (Debian's Chromium, headless, driven by Playwright): every page opens from
file:// without an error or a request to the network, every link resolves, each chart's bars have the
lengths of the numbers `status --format json` and `stats --format json` give, and the overview is not blank
at 1280 and at 390 pixels wide."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest

from dnnd.plan.vocabulary import ACTIVITY_KINDS, STATUS_CODES
from tests.site_helpers import browser, run, sample_with_history


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    repo = sample_with_history(tmp_path_factory.mktemp("site") / "khanhhoa")
    built = run("--repo", str(repo), "site", "--quarter", "2020-Q4", "-o", str(repo / "site"))
    assert built.exit_code == 0, built.output
    return repo, repo / "site"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with browser() as launched:
        yield launched


def _json(repo: Path, *args: str) -> dict[str, Any]:
    result = run("--repo", str(repo), *args, "--format", "json")
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def _lengths(page: Any, ids: list[str], horizontal: bool) -> list[float]:
    """Each bar's drawn length (width or height of its box in the SVG's units)."""
    side = "width" if horizontal else "height"
    return [page.evaluate(f"document.getElementById({json.dumps(bar)}).getBBox().{side}") for bar in ids]


def _proportional(lengths: list[float], numbers: list[int]) -> bool:
    unit = max(lengths) / max(numbers)
    return all(
        abs(length - number * unit) <= 0.01 * max(lengths) for length, number in zip(lengths, numbers, strict=True)
    )


def test_every_page_opens_from_file_with_no_error_or_network_request_and_every_link_resolves(
    site: tuple[Path, Path], chromium: Any
) -> None:
    out = site[1]
    page, problems = chromium.new_page(), []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"failed {request.url}"))
    page.on("request", lambda request: problems.append(request.url) if not request.url.startswith("file:") else None)
    queue, seen = [(out / "index.html").as_uri()], set()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        for href in page.eval_on_selector_all("a[href]", "links => links.map(link => link.getAttribute('href'))"):
            target = urljoin(url, href).split("#")[0]
            assert Path(urlparse(target).path).is_file(), f"{url}: {href} leads nowhere"
            queue.append(target)
    assert problems == []
    assert {urlparse(url).path for url in seen} == {str(path) for path in out.rglob("*.html")}


def test_the_status_bars_have_the_counts_of_status_json(site: tuple[Path, Path], chromium: Any) -> None:
    counts = _json(site[0], "status", "--quarter", "2020-Q4")["counts"]
    page = chromium.new_page()
    page.goto((site[1] / "index.html").as_uri())
    ids = [f"status-count-{index}" for index in range(len(STATUS_CODES))]
    assert _proportional(_lengths(page, ids, horizontal=True), [counts[code] for code in STATUS_CODES])
    cells = page.eval_on_selector_all('table[data-chart="status"] td', "cells => cells.map(c => +c.dataset.value)")
    assert cells == [counts[code] for code in STATUS_CODES]


def test_the_activity_bars_have_the_figures_of_stats_json(site: tuple[Path, Path], chromium: Any) -> None:
    stats = _json(site[0], "stats", "--quarter", "2020-Q4")
    page = chromium.new_page()
    page.goto((site[1] / "index.html").as_uri())
    for series, scope in (("period", "totals"), ("previous", "previous")):
        ids = [f"figures-{series}-{index}" for index in range(len(ACTIVITY_KINDS))]
        numbers = [stats[scope][kind]["activities"] for kind in ACTIVITY_KINDS]
        assert _proportional(_lengths(page, ids, horizontal=True), numbers), series


def test_the_trend_stacks_each_quarters_status_counts(site: tuple[Path, Path], chromium: Any) -> None:
    quarters = ["2020-Q3", "2020-Q4"]
    counts = [_json(site[0], "status", "--quarter", quarter)["counts"] for quarter in quarters]
    page = chromium.new_page()
    page.goto((site[1] / "dien-bien.html").as_uri())
    ids = [f"trend-status-{code}-{index}" for code in STATUS_CODES for index in range(len(quarters))]
    numbers = [found[code] for code in STATUS_CODES for found in counts]
    assert _proportional(_lengths(page, ids, horizontal=False), numbers)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_overview_is_drawn_and_fits_the_screen(site: tuple[Path, Path], chromium: Any, width: int) -> None:
    from matplotlib.image import imread

    page = chromium.new_page(viewport={"width": width, "height": 900})
    page.goto((site[1] / "index.html").as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # wide tables scroll in their box
    pixels = imread(io.BytesIO(page.screenshot(full_page=True)), format="png")[:, :, :3]
    ink = (pixels.sum(axis=2) < 2.7).mean()  # share of pixels that are not white
    assert 0.05 < ink < 0.9 and len({tuple(row) for row in pixels.reshape(-1, 3)[::97]}) > 20


def test_the_overview_prints_on_a4(site: tuple[Path, Path], chromium: Any) -> None:
    page = chromium.new_page()
    page.goto((site[1] / "index.html").as_uri())
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('header nav')).display") == "none"
    assert page.pdf(format="A4").startswith(b"%PDF")
