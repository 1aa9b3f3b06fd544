"""`dnnd log`: when each update reached the main branch, when it last changed there, and whether late."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from dnnd.i18n import Text
from dnnd.output.console import out
from dnnd.output.sheets import Sheet, SheetColumn
from dnnd.plan.vietnamese import dmy_hm, dmy_or_blank
from dnnd.workflow.history import VIETNAM, Submission


class HistoryOutput(NamedTuple):
    """`dnnd log`: each update's submission, times in Vietnam time, writers as git records them."""

    found: list[Submission]
    short_names: dict[str, str] | None = None  # agency id → the short name the table shows
    why: Text | None = None  # why this quarter, when none was named

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "file": item.rel,
                "agency": item.agency,
                "period": item.quarter.name,
                "reached_main": item.first.when.astimezone(VIETNAM).isoformat(),
                "reached_by": item.first_by or item.first.author,
                "last_changed": item.last.when.astimezone(VIETNAM).isoformat(),
                "last_changed_by": item.last_by or item.last.author,
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

    def sheets(self, lang: str) -> list[Sheet]:
        """Each update's submission, times as Vietnam's clock shows them (spreadsheets keep no time zone)."""
        headers = (
            (Text("Cơ quan", "Agency"), 14, False),
            (Text("Quý", "Quarter"), 10, False),
            (Text("Vào nhánh chính", "Reached main"), 17, False),
            (Text("Người viết", "Written by"), 22, True),
            (Text("Sửa lần cuối", "Last changed"), 17, False),
            (Text("Người sửa", "Changed by"), 22, True),
            (Text("Hạn gửi", "Due"), 12, False),
            (Text("Đúng hạn?", "On time?"), 11, False),
            (Text("Tệp", "File"), 40, False),
        )
        names = self.short_names or {}
        rows = [
            [
                names.get(item.agency, item.agency),
                item.quarter.name,
                item.first.when.astimezone(VIETNAM).replace(tzinfo=None),
                item.first_by or item.first.author,
                item.last.when.astimezone(VIETNAM).replace(tzinfo=None),
                item.last_by or item.last.author,
                item.due,
                (Text("Muộn", "Late") if item.late else Text("Đúng hạn", "On time")).in_(lang),
                item.rel,
            ]
            for item in self.found
        ]
        columns = [SheetColumn(header.in_(lang), width, wrap) for header, width, wrap in headers]
        return [Sheet(Text("Báo cáo đã gửi", "Submissions").in_(lang), columns, rows)]

    def notices(self, lang: str) -> list[str]:
        return [f"({self.why.in_(lang)})"] if self.why is not None else []

    def print_table(self, lang: str) -> None:
        from rich.table import Table
        from rich.text import Text as RichText

        if not self.found:
            why = f" ({self.why.in_(lang)})" if self.why is not None else ""
            message = Text(
                "Chưa có báo cáo nào vào nhánh chính" + why + "; `--all` cho mọi quý.",
                "No update has reached the main branch" + why + "; `--all` for every quarter.",
            )
            out().print(message.in_(lang))
            return

        table = Table(
            title=Text("Báo cáo đã vào nhánh chính", "Updates on the main branch").in_(lang),
            caption=f"({self.why.in_(lang)})" if self.why is not None else None,
        )
        for header in (
            Text("Cơ quan, quý", "Agency, quarter"),
            Text("Vào nhánh chính", "Reached main"),
            Text("Người viết", "Written by"),
            Text("Sửa lần cuối", "Last changed"),
            Text("Người sửa", "Changed by"),
            Text("Hạn gửi", "Due"),
            Text("Đúng hạn?", "On time?"),
        ):
            table.add_column(header.in_(lang))
        for item in self.found:
            late = Text("Muộn", "Late") if item.late else Text("Đúng hạn", "On time")
            table.add_row(
                f"{(self.short_names or {}).get(item.agency, item.agency)} {item.quarter.name}",
                dmy_hm(item.first.when.astimezone(VIETNAM)),  # the clock lateness is judged by
                item.first_by or item.first.author,
                dmy_hm(item.last.when.astimezone(VIETNAM)),
                item.last_by or item.last.author,
                dmy_or_blank(item.due),
                RichText(late.in_(lang), style="red" if item.late else "green"),
            )
        out().print(table)
