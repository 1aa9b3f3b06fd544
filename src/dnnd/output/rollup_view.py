"""`dnnd rollup`: a row per province (its counts, who has not reported, files left out), the national totals,
and, for each repository that could not be read, its first problems and how to see them all."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from dnnd.evaluate.figures import KindFigures
from dnnd.evaluate.rollup import Province, Rollup
from dnnd.i18n import Text
from dnnd.output.console import cut_in_a_cell, named_in_a_cell, named_in_a_cell_note, out, shorten
from dnnd.output.stats_view import figures_document
from dnnd.plan.vietnamese import dmy_or_blank
from dnnd.plan.vocabulary import (
    ACTIVITY_KIND_BY_CODE,
    ACTIVITY_KINDS,
    STATUS_CODES,
    STATUS_SHORT_LABELS,
    STATUS_STYLES,
    summary_line,
)

CSV_FIELDS = (
    "repository",
    "plan",
    "province",
    "title",
    "period",
    "as_of",
    *STATUS_CODES,
    "total",
    "missing",
    "left_out",
    *(f"activities_{kind}" for kind in ACTIVITY_KINDS),
    "error",
)


def _rollup_table(result: Rollup, heading: str, lang: str, *, wide: bool) -> Any:
    """The roll-up table: each status in its own column (`wide`), or all of a province's in one."""
    from rich.table import Table
    from rich.text import Text as RichText

    totals = result.totals
    table = Table(title=heading, show_lines=True)
    table.add_column(Text("STT", "No.").in_(lang), justify="right")
    table.add_column(Text("Tỉnh (kế hoạch)", "Province (plan)").in_(lang), min_width=24 if wide else 12)
    headers = STATUS_SHORT_LABELS
    if wide:
        for code in STATUS_CODES:
            table.add_column(headers[code].in_(lang), justify="right", style=STATUS_STYLES[code])
    else:
        table.add_column(Text("Theo tình trạng", "By status").in_(lang))

    def status_cells(counts: dict[str, int], bold: bool = False) -> list[Any]:
        if wide:
            return [RichText(str(counts[code]), style="bold" if bold else "") for code in STATUS_CODES]
        lines = [f"{headers[code].in_(lang)}: {counts[code]}" for code in STATUS_CODES if counts[code]]
        return [RichText("\n".join(lines) or "—", style="bold" if bold else "")]

    table.add_column(Text("Tổng", "Total").in_(lang), justify="right")
    table.add_column(Text("Cơ quan chưa báo cáo", "Agencies not reported").in_(lang))
    left_out = Text("Tệp báo cáo bị bỏ qua", "Update files left out") if wide else Text("Bỏ qua", "Left out")
    table.add_column(left_out.in_(lang), justify="right")
    for number, province in enumerate(result.provinces, start=1):
        label = province.province or shorten(province.title, 40)
        name = f"{label}\n({province.plan})" if label else province.plan
        last = number == len(result.provinces)
        if province.failed:
            cells = ["—"] * ((len(STATUS_CODES) if wide else 1) + 1)
            note = RichText(Text("LỖI: xem dưới bảng", "ERROR: see below the table").in_(lang), style="bold red")
            table.add_row(str(number), name, *cells, note, "—", end_section=last)
            continue
        table.add_row(
            str(number),
            name,
            *status_cells(province.counts),
            str(sum(province.counts.values())),
            RichText(named_in_a_cell([item.short_name for item in province.missing], lang), style="red"),
            RichText(str(province.left_out), style="bold yellow" if province.left_out else ""),
            end_section=last,
        )
    missing_total = sum(len(province.missing) for province in result.provinces)
    left_out_total = sum(province.left_out for province in result.provinces)
    table.add_row(
        "",
        RichText(Text("Tổng cộng toàn quốc", "National total").in_(lang), style="bold"),
        *status_cells(totals, bold=True),
        RichText(str(sum(totals.values())), style="bold"),
        RichText(Text(f"{missing_total} cơ quan", f"{missing_total} agencies").in_(lang), style="bold red"),
        RichText(str(left_out_total), style="bold"),
    )
    return table


def _figures_table(result: Rollup, lang: str, people: bool = True) -> Any:
    """Each province's activities per kind (and, with `people`, the people of delegations), and the national
    totals."""
    from rich.table import Table
    from rich.text import Text as RichText

    table = Table(
        title=Text("Hoạt động đối ngoại nhân dân theo tỉnh", "People-to-people diplomacy activities by province").in_(
            lang
        ),
        show_lines=True,
    )
    # folded, not cropped, on a narrow terminal: eight kinds and the province must all show
    table.add_column(Text("Tỉnh", "Province").in_(lang), overflow="fold")
    for kind in ACTIVITY_KINDS:
        table.add_column(ACTIVITY_KIND_BY_CODE[kind].label.in_(lang), justify="right", overflow="fold")

    def cells(figures: dict[str, Any], bold: bool = False) -> list[Any]:
        shown = []
        for kind in ACTIVITY_KINDS:
            found = figures.get(kind) or KindFigures()
            text = str(found.activities) if found.activities else "—"
            if people and found.activities and found.people and kind.startswith("delegation"):
                text += Text(f"\n({found.people} người)", f"\n({found.people} people)").in_(lang)
            shown.append(RichText(text, style="bold" if bold else ""))
        return shown

    for province in result.provinces:
        if province.failed:
            continue
        name = province.province or shorten(province.title, 30) or province.plan
        table.add_row(f"{name}\n({province.plan})", *cells(province.figures))
    table.add_row(
        RichText(Text("Tổng cộng toàn quốc", "National total").in_(lang), style="bold"),
        *cells(result.figures, bold=True),
    )
    return table


def _error_text(province: Province, lang: str) -> str | None:
    if province.error is None:
        return None
    text = province.error.in_(lang)
    if province.problem_count:
        text += Text(
            f" ({province.problem_count} lỗi; chạy `dnnd --repo {province.repository} validate` để xem tất cả)",
            f" ({province.problem_count} problem(s); run `dnnd --repo {province.repository} validate` to see all)",
        ).in_(lang)
    return text


class RollupOutput(NamedTuple):
    result: Rollup
    lang: str  # the records carry the provinces' error messages in it

    @property
    def period(self) -> str | None:
        return ", ".join(self.result.periods) or None

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "repository": province.repository,
                "plan": province.plan,
                "province": province.province,
                "title": province.title,
                "period": province.period,
                "as_of": province.as_of,
                "counts": None if province.failed else province.counts,
                "missing": [
                    {
                        "agency": item.agency,
                        "name": item.name,
                        "short_name": item.short_name,
                        "quarters": list(item.quarters),
                        "tasks": list(item.tasks),
                    }
                    for item in province.missing
                ],
                "left_out": province.left_out,
                "figures": None if province.failed else figures_document(province.figures),
                "error": _error_text(province, self.lang),
                "problems": [problem.render(self.lang) for problem in province.problems],
            }
            for province in self.result.provinces
        ]

    def document(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "provinces": self.records(),
            "totals": self.result.totals,
            "figures": figures_document(self.result.figures),
        }

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        totals = self.result.totals
        rows: list[dict[str, Any]] = [
            {
                **record,
                **(record["counts"] or {}),
                "total": sum((record["counts"] or {}).values()) if record["counts"] is not None else None,
                "missing": "; ".join(
                    f"{item['agency']} ({', '.join(map(str, item['tasks']))})" for item in record["missing"]
                ),
                **{f"activities_{kind}": found["activities"] for kind, found in (record["figures"] or {}).items()},
            }
            for record in self.records()
        ]
        rows.append(
            {
                "title": Text("Tổng cộng toàn quốc", "National total").in_(self.lang),
                "period": self.period,
                **totals,
                "total": sum(totals.values()),
                "left_out": sum(province.left_out for province in self.result.provinces),
                **{
                    f"activities_{kind}": found["activities"]
                    for kind, found in figures_document(self.result.figures).items()
                },
            }
        )
        return CSV_FIELDS, rows

    def notices(self, lang: str) -> list[str]:
        failed = self.result.failed
        if not failed:
            return []
        return [
            Text(
                f"Cảnh báo: {len(failed)} kho không đọc được nên KHÔNG được tính (xem cột error).",
                f"Warning: {len(failed)} repository(ies) could not be read and were NOT counted (see error).",
            ).in_(lang)
        ]

    def print_table(self, lang: str) -> None:
        from rich.text import Text as RichText

        result, period = self.result, self.period
        heading = Text(f"Tổng hợp toàn quốc — kỳ {period or '—'}", f"National roll-up — period {period or '—'}").in_(
            lang
        )
        if len(result.periods) > 1:
            heading += Text(" (theo kỳ báo cáo của từng tỉnh)", " (by each province's reporting windows)").in_(lang)
        if result.as_of is not None:
            day = dmy_or_blank(result.as_of)
            heading += Text(f", tính đến ngày {day}", f", as of {day}").in_(lang)
        elif result.periods:
            heading += Text(", tính đến cuối kỳ số liệu của từng tỉnh", ", as of each province's window end").in_(lang)
        console = out()
        table = _rollup_table(result, heading, lang, wide=True)
        natural = console.measure(table, options=console.options.update_width(10_000)).maximum  # words unbroken
        wide = natural <= console.width  # else the status columns would be squeezed and cut off
        if not wide:
            table = _rollup_table(result, heading, lang, wide=False)
        missing_total = sum(len(province.missing) for province in result.provinces)
        left_out_total = sum(province.left_out for province in result.provinces)
        console.print(table)
        if not wide:
            console.print(
                Text(
                    "(Cửa sổ hẹp: các tình trạng gộp vào một cột; mở rộng cửa sổ, hoặc dùng --format csv để xem từng "
                    "cột.)",
                    "(Narrow window: the statuses share one column; widen the window, or use --format csv for every "
                    "column.)",
                ).in_(lang)
            )
        if any(cut_in_a_cell(len(province.missing)) for province in result.provinces):
            console.print(named_in_a_cell_note(Text("--format csv", "--format csv"), lang))
        console.print(summary_line(result.totals).in_(lang))
        counted = len(result.provinces) - len(result.failed)
        total = len(result.provinces)
        console.print(
            Text(
                f"{counted}/{total} kho được tổng hợp; {missing_total} cơ quan chưa báo cáo đủ.",
                f"{counted}/{total} repositories counted; {missing_total} agencies have not fully reported.",
            ).in_(lang)
        )
        if left_out_total:
            console.print(
                RichText(
                    Text(
                        f"{left_out_total} tệp báo cáo có lỗi KHÔNG được tính; chạy `dnnd --repo THƯ_MỤC validate` "
                        "trong kho đó để xem lý do.",
                        f"{left_out_total} update file(s) with errors were LEFT OUT; run `dnnd --repo DIR validate` "
                        "on that repository to see why.",
                    ).in_(lang),
                    style="bold yellow",
                )
            )
        for province in result.provinces:
            if not province.failed:
                continue
            error = _error_text(province, lang)
            console.print(RichText(f"{province.plan} ({province.repository}): {error}", style="bold red"))
            for problem in province.problems:
                console.print(RichText(f"  - {problem.render(lang)}", style="red"))
            if province.problem_count > len(province.problems):
                rest = province.problem_count - len(province.problems)
                console.print(RichText(Text(f"  … và {rest} lỗi khác", f"  … and {rest} more").in_(lang), style="red"))
        if any(province.figures for province in result.provinces):
            figures = _figures_table(result, lang)
            if console.measure(figures, options=console.options.update_width(10_000)).maximum > console.width:
                figures = _figures_table(result, lang, people=False)  # the counts alone fit where people would not
            console.print(figures)
