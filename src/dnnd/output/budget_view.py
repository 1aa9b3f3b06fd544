"""`dnnd budget` in every format: the year's estimates, appraisals, allocations and spending per agency, per
task and per source, the plan's total, and the agencies with no estimate."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from dnnd.evaluate.budget import Amounts, BudgetSummary
from dnnd.i18n import Text
from dnnd.output.console import out
from dnnd.output.sheets import Sheet, SheetColumn
from dnnd.plan.vietnamese import grouped
from dnnd.plan.vocabulary import BUDGET_SOURCE_LABELS
from dnnd.repository import Repository

CSV_FIELDS = ("scope", "agency", "task", "source", "estimate", "appraised", "allocated", "executed")
HEADINGS = (
    Text("Dự toán", "Estimate"),
    Text("Thẩm định", "Appraised"),
    Text("Bố trí", "Allocated"),
    Text("Thực hiện", "Executed"),
)


def amounts_document(amounts: Amounts) -> dict[str, int | None]:
    return {
        "estimate": amounts.estimate,
        "appraised": amounts.appraised,
        "allocated": amounts.allocated,
        "executed": amounts.executed,
    }


def _money(value: int | None, lang: str) -> str:
    if value is None:
        return ""
    return grouped(value) if lang == "vi" else f"{value:,}"


def _rate(amounts: Amounts, lang: str) -> str:
    rate = amounts.execution_rate
    if rate is None:
        return ""
    text = f"{rate * 100:.1f}%"
    return text.replace(".", ",") if lang == "vi" else text


class BudgetOutput(NamedTuple):
    """`dnnd budget`: the summary of one year."""

    repo: Repository
    summary: BudgetSummary

    def document(self) -> dict[str, Any]:
        summary = self.summary
        return {
            "year": summary.year,
            "agencies": {
                agency: {
                    **amounts_document(amounts),
                    "tasks": {str(task): amounts_document(found) for task, found in summary.tasks[agency].items()},
                }
                for agency, amounts in summary.agencies.items()
            },
            "sources": {source: amounts_document(amounts) for source, amounts in summary.sources.items()},
            "total": amounts_document(summary.total),
            "missing": summary.missing,
        }

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        summary = self.summary
        rows: list[dict[str, Any]] = []
        for agency, amounts in summary.agencies.items():
            rows.append({"scope": "agency", "agency": agency, **amounts_document(amounts)})
            for task, found in summary.tasks[agency].items():
                rows.append({"scope": "task", "agency": agency, "task": task, **amounts_document(found)})
        for source, amounts in summary.sources.items():
            rows.append({"scope": "source", "source": source, **amounts_document(amounts)})
        rows.append({"scope": "total", **amounts_document(summary.total)})
        return CSV_FIELDS, rows

    def notices(self, lang: str) -> list[str]:
        """The funding files left out for their problems (`dnnd validate` tells each)."""
        left_out = sorted({problem.path for problem in self.summary.problems})
        if not left_out:
            return []
        return [
            Text(
                f"Bỏ qua {len(left_out)} tệp kinh phí có lỗi (xem `dnnd validate`): {', '.join(left_out)}",
                f"Left out {len(left_out)} funding files with problems (see `dnnd validate`): {', '.join(left_out)}",
            ).in_(lang)
        ]

    def print_table(self, lang: str) -> None:
        from rich.table import Table

        from dnnd.output.notices import print_notices

        print_notices(self.notices(lang))
        summary, repo = self.summary, self.repo
        title = Text(
            f"Kinh phí thực hiện Kế hoạch năm {summary.year} (đồng)",
            f"Funding of the plan in {summary.year} (VND)",
        )
        table = Table(title=title.in_(lang), show_lines=False)
        table.add_column(Text("Cơ quan / nhiệm vụ", "Agency / task").in_(lang))
        for heading in HEADINGS:
            table.add_column(heading.in_(lang), justify="right")
        table.add_column(Text("Tỷ lệ thực hiện", "Executed share").in_(lang), justify="right")

        def row(label: str, amounts: Amounts, style: str = "") -> None:
            values = (amounts.estimate, amounts.appraised, amounts.allocated, amounts.executed)
            table.add_row(label, *(_money(value, lang) for value in values), _rate(amounts, lang), style=style)

        for agency, amounts in summary.agencies.items():
            row(repo.agencies[agency].name, amounts, "bold")
            for task, found in summary.tasks[agency].items():
                row(f"  {Text('nhiệm vụ', 'task').in_(lang)} {task}", found)
        for source, amounts in summary.sources.items():
            if amounts.estimate:
                row(f"{Text('Nguồn', 'Source').in_(lang)}: {BUDGET_SOURCE_LABELS[source].in_(lang)}", amounts, "italic")
        row(Text("Tổng cộng", "Total").in_(lang), summary.total, "bold")
        console = out()
        console.print(table)
        if summary.missing:
            names = ", ".join(repo.agencies[agency].short_name for agency in summary.missing)
            console.print(
                Text(
                    f"Chưa có dự toán năm {summary.year} ({len(summary.missing)} cơ quan có nhiệm vụ): {names}",
                    f"No estimate for {summary.year} ({len(summary.missing)} agencies with tasks): {names}",
                ).in_(lang)
            )

    def sheets(self, lang: str) -> list[Sheet]:
        """Every line of the estimates with its appraisal, and the totals per agency."""
        summary, repo = self.summary, self.repo
        amounts_columns = [SheetColumn(heading.in_(lang), 16) for heading in HEADINGS]
        lines = Sheet(
            Text("Dự toán", "Estimates").in_(lang) + f" {summary.year}",
            [
                SheetColumn(Text("Cơ quan", "Agency").in_(lang), 28, True),
                SheetColumn(Text("Nhiệm vụ", "Task").in_(lang), 9),
                SheetColumn(Text("Nội dung chi", "Content").in_(lang), 40, True),
                SheetColumn(Text("Căn cứ, định mức", "Basis").in_(lang), 24, True),
                SheetColumn(Text("Số lượng", "Quantity").in_(lang), 9),
                SheetColumn(Text("Đơn vị", "Unit").in_(lang), 9),
                SheetColumn(Text("Đơn giá", "Unit price").in_(lang), 14),
                SheetColumn(Text("Nguồn", "Source").in_(lang), 18, True),
                *amounts_columns,
            ],
            [
                [
                    repo.agencies[view.agency].name,
                    view.line.task,
                    view.line.content,
                    view.line.basis or "",
                    view.line.quantity,
                    view.line.unit or "",
                    view.line.unit_price,
                    BUDGET_SOURCE_LABELS[view.line.source].in_(lang),
                    view.line.amount,
                    view.appraisal.appraised if view.appraisal is not None else None,
                    view.appraisal.allocated if view.appraisal is not None else None,
                    view.line.executed,
                ]
                for view in summary.lines
            ],
        )
        totals = Sheet(
            Text("Tổng hợp", "Totals").in_(lang) + f" {summary.year}",
            [SheetColumn(Text("Cơ quan", "Agency").in_(lang), 32, True), *amounts_columns],
            [
                *(
                    [repo.agencies[agency].name, a.estimate, a.appraised, a.allocated, a.executed]
                    for agency, a in summary.agencies.items()
                ),
                [
                    Text("Tổng cộng", "Total").in_(lang),
                    summary.total.estimate,
                    summary.total.appraised,
                    summary.total.allocated,
                    summary.total.executed,
                ],
            ],
        )
        return [totals, lines]


class MissingEstimatesOutput(NamedTuple):
    """`dnnd missing --budget`: the agencies that hold a task in the year and sent no estimate for it."""

    repo: Repository
    summary: BudgetSummary

    def document(self) -> dict[str, Any]:
        summary = self.summary
        return {
            "year": summary.year,
            "missing": [
                {"agency": agency, "name": self.repo.agencies[agency].name, "tasks": summary.held[agency]}
                for agency in summary.missing
            ],
        }

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return ("year", "agency", "name", "tasks"), [
            {"year": self.summary.year, **item} for item in self.document()["missing"]
        ]

    def notices(self, lang: str) -> list[str]:
        return BudgetOutput(self.repo, self.summary).notices(lang)

    def print_table(self, lang: str) -> None:
        from rich.table import Table

        from dnnd.output.notices import print_notices

        print_notices(self.notices(lang))
        summary = self.summary
        console = out()
        if not summary.missing:
            console.print(
                Text(
                    f"Mọi cơ quan có nhiệm vụ đã gửi dự toán năm {summary.year}.",
                    f"Every agency with a task has sent its {summary.year} estimate.",
                ).in_(lang)
            )
            return
        table = Table(
            title=Text(
                f"Cơ quan chưa gửi dự toán kinh phí năm {summary.year}",
                f"Agencies with no {summary.year} estimate",
            ).in_(lang)
        )
        table.add_column(Text("Cơ quan, đơn vị", "Agency").in_(lang))
        table.add_column(Text("Nhiệm vụ chủ trì, phối hợp", "Tasks held").in_(lang))
        for agency in summary.missing:
            table.add_row(self.repo.agencies[agency].name, ", ".join(map(str, summary.held[agency])))
        console.print(table)
