"""`dnnd log`: when each update reached the main branch, when it last changed there, and whether late."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from dnnd.i18n import Text
from dnnd.output.console import out
from dnnd.plan.vietnamese import dmy_hm, dmy_or_blank
from dnnd.workflow.history import VIETNAM, Submission


class HistoryOutput(NamedTuple):
    found: list[Submission]

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "file": item.rel,
                "agency": item.agency,
                "period": item.quarter.name,
                "reached_main": item.first.when.isoformat(),
                "reached_by": item.first.author,
                "last_changed": item.last.when.isoformat(),
                "last_changed_by": item.last.author,
                "changes": item.changes,
                "due": item.due,
                "late": item.late,
            }
            for item in self.found
        ]

    def document(self) -> dict[str, Any]:
        return {"submissions": self.records()}

    def csv(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        records = self.records()
        return (tuple(records[0]) if records else ("file",)), records

    def notices(self, lang: str) -> list[str]:
        return []

    def print_table(self, lang: str) -> None:
        from rich.table import Table
        from rich.text import Text as RichText

        table = Table(title=Text("Báo cáo đã vào nhánh chính", "Updates on the main branch").in_(lang))
        for header in (
            Text("Cơ quan, quý", "Agency, quarter"),
            Text("Vào nhánh chính", "Reached main"),
            Text("Bởi", "By"),
            Text("Sửa lần cuối", "Last changed"),
            Text("Bởi", "By"),
            Text("Hạn gửi", "Due"),
            Text("Đúng hạn?", "On time?"),
        ):
            table.add_column(header.in_(lang))
        for item in self.found:
            late = Text("Muộn", "Late") if item.late else Text("Đúng hạn", "On time")
            table.add_row(
                f"{item.agency} {item.quarter.name}",
                dmy_hm(item.first.when.astimezone(VIETNAM)),  # the clock lateness is judged by
                item.first.author,
                dmy_hm(item.last.when.astimezone(VIETNAM)),
                item.last.author,
                dmy_or_blank(item.due),
                RichText(late.in_(lang), style="red" if item.late else "green"),
            )
        out().print(table)
