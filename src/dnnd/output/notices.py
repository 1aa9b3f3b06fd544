"""Warnings told on standard error, in yellow: what the user must not miss beside the output."""

from __future__ import annotations

import calendar
import datetime as dt
import sys

from dnnd.i18n import Text
from dnnd.output.console import err
from dnnd.repository import Repository


def print_notices(lines: list[str]) -> None:
    """Each line on standard error, in bold yellow on a terminal; as plain lines otherwise, without loading
    rich (JSON and CSV output, whose notes these are, is read by programs)."""
    if not lines:
        return
    if not sys.stderr.isatty():
        for line in lines:
            print(line, file=sys.stderr)
        return
    from rich.text import Text as RichText

    console = err()
    for line in lines:
        console.print(RichText(line, style="bold yellow"))


def left_out_warning(repo: Repository, lang: str, shown: int = 20) -> None:
    """Say prominently which update files were left out because they do not validate (the first `shown` of
    them, and how many more: `dnnd validate` lists them all)."""
    if not repo.left_out:
        return
    from rich.text import Text as RichText

    files = sorted(set(repo.left_out))
    console = err()
    console.print(
        RichText(
            Text(
                f"Cảnh báo: {len(files)} tệp báo cáo có lỗi nên KHÔNG được tính (chạy `dnnd validate` để xem lý do):",
                f"Warning: {len(files)} update file(s) have errors and were LEFT OUT (run `dnnd validate` to see why):",
            ).in_(lang),
            style="bold yellow",
        )
    )
    for rel in files[:shown]:
        console.print(RichText(f"  - {rel}", style="yellow"))
    if len(files) > shown:
        rest = len(files) - shown
        console.print(RichText(Text(f"  … và {rest} tệp khác", f"  … and {rest} more").in_(lang), style="yellow"))


def data_warnings(repo: Repository, lang: str, shown: int = 10) -> None:
    """The repository's first warnings (late reports, one activity reported with different dates…) on
    stderr, and how many more `dnnd validate` lists: a command's output is not the place for thousands."""
    if not repo.warnings:
        return
    from rich.text import Text as RichText

    console = err()
    label = Text("Cảnh báo", "Warning").in_(lang)
    for problem in repo.warnings[:shown]:
        console.print(RichText(f"{label}: {problem.render(lang)}", style="yellow"))
    rest = len(repo.warnings) - shown
    if rest > 0:
        console.print(
            RichText(
                Text(
                    f"… và {rest} cảnh báo khác: chạy `dnnd validate` để xem tất cả.",
                    f"… and {rest} more warning(s): run `dnnd validate` to see them all.",
                ).in_(lang),
                style="yellow",
            )
        )


def budget_due_warning(repo: Repository, today: dt.date, lang: str) -> None:
    """After the day plan.yaml sets for next year's estimates (`reporting.budget_due`), the agencies with a task
    next year that have sent none."""
    due = repo.plan.reporting.budget_due
    if due is None:
        return
    month, day = (int(part) for part in due.split("-"))
    deadline = dt.date(today.year, month, min(day, calendar.monthrange(today.year, month)[1]))  # 02-29
    if today <= deadline:
        return
    from dnnd.evaluate.budget import budget_summary

    year = today.year + 1
    missing = budget_summary(repo, year, today=today).missing
    if missing:
        names = ", ".join(repo.agencies[agency].short_name for agency in missing)
        print_notices(
            [
                Text(
                    f"Đã qua hạn gửi dự toán kinh phí năm {year} (ngày {deadline.day:02d}/{deadline.month:02d}, "
                    f"reporting.budget_due): {len(missing)} cơ quan chưa gửi: {names} (`dnnd missing --budget --year {year}`)",
                    f"The {year} estimates were due on {deadline.isoformat()} (reporting.budget_due): {len(missing)} "
                    f"agencies have sent none: {names} (`dnnd missing --budget --year {year}`)",
                ).in_(lang)
            ]
        )
