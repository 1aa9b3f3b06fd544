"""The dashboard's charts, drawn by matplotlib and written as SVG to put inline in a page.

Each chart keeps its numbers beside the drawing, as the table the page prints right after it. Every bar
carries an id (`<chart>-<series>-<n>`, n counting the categories from 0) so that a reader, or a test, can
find it. The SVG is made the same for the same numbers: no date, a hash salt per chart (so two charts on
a page never share an id), matplotlib's own element ids removed, and text left as text (`svg.fonttype:
none`), which the browser sets in the page's fonts, Vietnamese diacritics included.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, fields

from markupsafe import escape

from dnnd.dashboard.words import Writer
from dnnd.load.workers import mark_worker, workers_for

WIDTH_INCHES = 8.0
TEXT_COLOUR = "#1f2933"
GRID_COLOUR = "#d5dbe1"


@dataclass(frozen=True)
class Series:
    """One set of bars: its code (in the bars' ids), its label (in the legend and the table), its colour (or
    one per category) and one value per category."""

    code: str
    label: str
    colour: str | Sequence[str]
    values: Sequence[int]


@dataclass(frozen=True)
class ChartSpec:
    """A chart to draw: its id, title, a sentence that says what it shows, what its categories are (the
    table's first heading), the categories along its axis, its series (the table's columns), bars side by
    side or stacked, upright or horizontal (for long labels), and the language of its numbers."""

    id: str
    title: str
    summary: str
    axis: str
    categories: Sequence[str]
    series: Sequence[Series]
    stacked: bool = False
    horizontal: bool = False
    lang: str = "vi"

    def rows(self) -> list[tuple[str, list[int]]]:
        """The table: one row per category, its label then its number in each series."""
        return [
            (category, [series.values[index] for series in self.series])
            for index, category in enumerate(self.categories)
        ]


@dataclass(frozen=True)
class Chart(ChartSpec):
    """A drawn chart: its spec and its SVG."""

    svg: str = ""


def bar_chart(
    chart_id: str,
    title: str,
    summary: str,
    axis: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    stacked: bool = False,
    horizontal: bool = False,
    lang: str = "vi",
) -> Chart:
    """Draw bars per category now: one bar per series side by side, or stacked; horizontal for long labels."""
    return draw(ChartSpec(chart_id, title, summary, axis, categories, series, stacked, horizontal, lang))


def draw(spec: ChartSpec) -> Chart:
    """The chart drawn by matplotlib."""
    import matplotlib
    from matplotlib.figure import Figure

    number = Writer(spec.lang).number
    chart_id, categories, series, stacked, horizontal = (
        spec.id,
        spec.categories,
        spec.series,
        spec.stacked,
        spec.horizontal,
    )
    # ids salted with the chart's, text as text ('$' in a name is not mathematics), the page's colours
    with matplotlib.rc_context(
        {
            "svg.hashsalt": chart_id,
            "svg.fonttype": "none",
            "text.parse_math": False,
            "font.family": "sans-serif",
            "font.size": 9,
            "text.color": TEXT_COLOUR,
            "axes.labelcolor": TEXT_COLOUR,
            "axes.edgecolor": GRID_COLOUR,
            "xtick.color": TEXT_COLOUR,
            "ytick.color": TEXT_COLOUR,
        }
    ):
        count = len(categories)
        height = max(2.4, 0.42 * count * (1 if stacked else max(1, len(series))) + 1.2) if horizontal else 3.6
        figure = Figure(figsize=(WIDTH_INCHES, height), layout="constrained")
        axes = figure.add_subplot()
        positions = list(range(count))
        width = 0.8 if stacked else 0.8 / max(1, len(series))
        base = [0] * count
        for index, one in enumerate(series):
            offsets = positions if stacked else [p - 0.4 + width * (index + 0.5) for p in positions]
            draw_bars = axes.barh if horizontal else axes.bar
            colour = one.colour if isinstance(one.colour, str) else list(one.colour)
            bars = draw_bars(offsets, list(one.values), width, base if stacked else 0, color=colour, label=one.label)
            for position, bar in enumerate(bars):
                bar.set_gid(f"{chart_id}-{one.code}-{position}")
            if stacked:
                base = [total + value for total, value in zip(base, one.values, strict=True)]
            elif horizontal and len(series) == 1:
                for offset, value in zip(offsets, one.values, strict=True):
                    axes.annotate(
                        number(value), (value, offset), xytext=(3, 0), textcoords="offset points", va="center"
                    )
        _axes(axes, categories, horizontal, number)
        if len(series) > 1:
            figure.legend(loc="outside lower center", ncols=min(4, len(series)), frameon=False)
        svg = _svg(figure, chart_id, spec.title)
    return Chart(**{name: getattr(spec, name) for name in _SPEC_FIELDS}, svg=svg)


_SPEC_FIELDS = tuple(field.name for field in fields(ChartSpec))


def draw_all(specs: Sequence[ChartSpec]) -> list[Chart]:
    return [draw(spec) for spec in specs]


class Drawing:
    """Charts drawn in a forked process while the caller builds the other pages, so that matplotlib's import
    and drawing take the second core; drawn at once where fork is unavailable or only one core is."""

    def __init__(self, specs: Sequence[ChartSpec]) -> None:
        self._drawn: list[Chart] | None = None
        self._future: Future[list[Chart]] | None = None
        self._pool: ProcessPoolExecutor | None = None
        if workers_for(2) > 1:
            import multiprocessing

            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=mark_worker)
            self._future = self._pool.submit(draw_all, list(specs))
        else:
            self._drawn = draw_all(specs)

    def result(self) -> list[Chart]:
        """The charts, in the order of the specs (waiting for the worker when it is still drawing)."""
        if self._drawn is None:
            assert self._future is not None and self._pool is not None
            try:
                self._drawn = self._future.result()
            finally:
                self._pool.shutdown()
        return self._drawn


def _axes(axes: object, categories: Sequence[str], horizontal: bool, number: Callable[[int], str]) -> None:
    from matplotlib.axes import Axes
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    assert isinstance(axes, Axes)
    value_axis, category_axis = (axes.xaxis, axes.yaxis) if horizontal else (axes.yaxis, axes.xaxis)
    category_axis.set_ticks(range(len(categories)), list(categories))
    value_axis.set_major_locator(MaxNLocator(integer=True))
    value_axis.set_major_formatter(FuncFormatter(lambda value, _: number(int(value))))
    axes.grid(axis="x" if horizontal else "y", color=GRID_COLOUR, linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if horizontal:
        axes.invert_yaxis()  # the first category on top, as in the table
    elif len(categories) > 8:
        axes.tick_params(axis="x", labelrotation=90)


_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)


def _svg(figure: object, chart_id: str, title: str) -> str:
    """The figure as an inline `<svg>`: labelled by its title, without the XML prologue, the metadata or
    matplotlib's own element ids (which repeat from one chart to the next on a page)."""
    from matplotlib.figure import Figure

    assert isinstance(figure, Figure)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = _METADATA.sub("", _PROLOGUE.sub("", buffer.getvalue(), count=1), count=1)
    text = re.sub(rf'<g id="(?!{re.escape(chart_id)}-)[^"]*"', "<g", text)
    label = f'<title id="{chart_id}-title">{escape(title)}</title>'
    opening = text.index(">") + 1
    head = text[:opening].replace("<svg ", f'<svg role="img" aria-labelledby="{chart_id}-title" class="chart" ', 1)
    return head + label + text[opening:].rstrip() + "\n"
