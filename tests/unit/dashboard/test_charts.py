"""The dashboard's charts: inline SVG labelled by its title, an id per bar, the same bytes for the same numbers."""

from __future__ import annotations

import re

import pytest

from dnnd.dashboard import charts
from dnnd.dashboard.charts import Chart, ChartSpec, Drawing, Series, bar_chart, draw_all

CATEGORIES = ["Đoàn vào", "Hội nghị", "Tập huấn"]


def chart(chart_id: str = "c", *, stacked: bool = False, horizontal: bool = False, title: str = "Hoạt động") -> Chart:
    """Three categories, two series: a = 1, 2, 3 and b = 4, 0, 6."""
    series = [Series("a", "Kỳ này", "#0277bd", [1, 2, 3]), Series("b", "Kỳ trước", "#90a4ae", [4, 0, 6])]
    return bar_chart(chart_id, title, "Tóm tắt", "Loại", CATEGORIES, series, stacked=stacked, horizontal=horizontal)


def ids(svg: str) -> list[str]:
    return re.findall(r'\bid="([^"]*)"', svg)


def box(svg: str, gid: str) -> tuple[float, float, float, float]:
    """The bar's rectangle as (left, top, right, bottom) in the SVG's coordinates (y grows downwards)."""
    found = re.search(rf'<g id="{re.escape(gid)}">\s*<path d="([^"]*)"', svg)
    assert found is not None, gid
    numbers = [float(number) for number in re.findall(r"-?\d+(?:\.\d+)?", found.group(1))]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def test_a_chart_is_an_inline_svg_labelled_by_its_escaped_title() -> None:
    svg = chart("figures", title="Viện trợ <PCPNN> & hỗ trợ").svg
    assert svg.startswith("<svg ") and svg.endswith("</svg>\n")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg and "<metadata>" not in svg
    opening = svg[: svg.index(">") + 1]
    assert 'role="img"' in opening and 'aria-labelledby="figures-title"' in opening
    assert '<title id="figures-title">Viện trợ &lt;PCPNN&gt; &amp; hỗ trợ</title>' in svg
    assert svg.count("<title") == 1


def test_every_bar_has_the_id_of_its_chart_its_series_and_its_category() -> None:
    svg = chart("trend-status").svg
    bars = [name for name in ids(svg) if re.fullmatch(r"trend-status-[ab]-\d+", name)]
    assert sorted(bars) == sorted(f"trend-status-{code}-{n}" for code in "ab" for n in range(3))


def test_matplotlibs_own_ids_are_gone_and_no_id_repeats_within_a_chart() -> None:
    svg = chart("c", stacked=True).svg
    assert [name for name in ids(svg) if re.search(r"_\d+$", name)] == []  # figure_1, patch_1, matplotlib.axis_1…
    assert 'id="figure_1"' not in svg and 'id="legend_1"' not in svg
    assert len(ids(svg)) == len(set(ids(svg)))


def test_two_charts_with_different_ids_share_no_id() -> None:
    first, second = chart("status").svg, chart("figures").svg
    assert set(ids(first)) & set(ids(second)) == set()


@pytest.mark.parametrize(("stacked", "horizontal"), [(False, False), (True, False), (True, True)])
def test_the_same_numbers_give_the_same_svg_twice(stacked: bool, horizontal: bool) -> None:
    assert chart(stacked=stacked, horizontal=horizontal).svg == chart(stacked=stacked, horizontal=horizontal).svg


def test_the_table_has_a_row_per_category_its_label_then_a_number_per_series() -> None:
    found = chart()
    assert found.rows() == [("Đoàn vào", [1, 4]), ("Hội nghị", [2, 0]), ("Tập huấn", [3, 6])]
    assert (found.id, found.title, found.summary, found.axis) == ("c", "Hoạt động", "Tóm tắt", "Loại")


def test_text_stays_text_with_its_diacritics() -> None:
    svg = chart().svg
    for category in CATEGORIES:
        assert f">{category}</text>" in svg
    assert "Kỳ trước" in svg  # the legend of two series


def test_stacked_bars_sit_on_the_bar_below_them() -> None:
    svg = chart("c", stacked=True).svg
    for n, ratio in ((0, 4 / 1), (2, 6 / 3)):  # b over a in the first and the last category
        a_left, a_top, a_right, a_bottom = box(svg, f"c-a-{n}")
        b_left, b_top, b_right, b_bottom = box(svg, f"c-b-{n}")
        assert (b_left, b_right) == pytest.approx((a_left, a_right))
        assert b_bottom == pytest.approx(a_top)  # b starts where a ends
        assert (b_bottom - b_top) / (a_bottom - a_top) == pytest.approx(ratio, rel=1e-3)


def test_side_by_side_bars_stand_on_one_baseline_one_beside_the_other() -> None:
    svg = chart("c").svg
    for n in (0, 2):
        a_left, _, a_right, a_bottom = box(svg, f"c-a-{n}")
        b_left, _, b_right, b_bottom = box(svg, f"c-b-{n}")
        assert b_bottom == pytest.approx(a_bottom)
        assert a_right == pytest.approx(b_left)
        assert b_right - b_left == pytest.approx(a_right - a_left)


def test_horizontal_stacked_bars_continue_to_the_right_with_the_first_category_on_top() -> None:
    svg = chart("c", stacked=True, horizontal=True).svg
    _, a_top, a_right, a_bottom = box(svg, "c-a-0")
    b_left, b_top, _, b_bottom = box(svg, "c-b-0")
    assert b_left == pytest.approx(a_right) and (b_top, b_bottom) == pytest.approx((a_top, a_bottom))
    assert box(svg, "c-a-0")[1] < box(svg, "c-a-1")[1] < box(svg, "c-a-2")[1]


def test_a_single_horizontal_series_writes_each_value_in_the_charts_language() -> None:
    series = [Series("count", "Số lượng", ["#2e7d32", "#c62828"], [1_500_000, 7])]
    found = bar_chart(
        "status",
        "Tình trạng",
        "",
        "Tình trạng",
        ["Xong", "Quá hạn"],
        series,
        horizontal=True,
        lang="vi",
    )
    assert ">1.500.000</text>" in found.svg and ">7</text>" in found.svg
    assert "fill: #c62828" in found.svg[found.svg.index('id="status-count-1"') :]


def test_charts_drawn_in_a_forked_worker_equal_those_drawn_here() -> None:
    specs = [ChartSpec("a", "A", "", "Loại", CATEGORIES, [Series("s", "S", "#0277bd", [1, 2, 3])], lang="en")]
    assert Drawing(specs).result() == draw_all(specs)


def test_without_fork_the_charts_are_drawn_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "workers_for", lambda count: 1)
    specs = [ChartSpec("a", "A", "", "Loại", CATEGORIES, [Series("s", "S", "#0277bd", [4, 0, 1])])]
    drawing = Drawing(specs)
    assert drawing._future is None and drawing.result() == draw_all(specs)
