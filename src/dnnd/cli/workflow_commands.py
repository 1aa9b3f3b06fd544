"""The pull-request workflow: checking a pull request, locking issued periods, and when updates landed."""

import datetime as dt
from enum import StrEnum
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, repository_root, settings_of
from dnnd.cli.help_screens import bilingual, english
from dnnd.cli.options import (
    DEFAULT_FORMAT,
    AgencyOption,
    AsOfOption,
    FormatOption,
    OutputOption,
    PeriodArgument,
    QuarterOption,
    day,
    period_argument,
    period_of,
    quarter_of,
)
from dnnd.i18n import Text

BudgetLockOption = Annotated[
    bool,
    typer.Option(
        "--budget",
        help=bilingual(
            Text(
                "Khóa (mở khóa) kinh phí của năm đã quyết toán thay cho một kỳ báo cáo: PERIOD là năm, ví dụ 2021.",
                "Lock (unlock) the funding files of a year whose final accounts are closed instead: PERIOD is a year.",
            )
        ),
    ),
]


class ChangesFormat(StrEnum):
    text = "text"
    github = "github"


@english(
    "Check a pull request before merging. Its files must be valid, in the agency's folder, and change no locked period."
)
def check_changes(
    ctx: typer.Context,
    base: Annotated[
        str,
        typer.Option(
            "--base",
            help=bilingual(
                Text(
                    "Nhánh hoặc commit gốc của pull request, ví dụ origin/main.",
                    "The pull request's base branch or commit, e.g. origin/main.",
                )
            ),
        ),
    ],
    agency: Annotated[
        str | None,
        typer.Option(
            "--agency",
            help=bilingual(
                Text(
                    "Cơ quan gửi pull request: mọi tệp thay đổi phải thuộc thư mục của nó.",
                    "The agency sending the pull request: every changed file must be in its folder.",
                )
            ),
        ),
    ] = None,
    format: Annotated[
        ChangesFormat,
        typer.Option(
            "--format",
            help=bilingual(
                Text(
                    "text, hoặc github (chú thích cho GitHub Actions).",
                    "text, or github (annotations for GitHub Actions).",
                )
            ),
        ),
    ] = ChangesFormat.text,
    allow_templates: Annotated[
        bool,
        typer.Option(
            "--allow-templates",
            help=bilingual(
                Text(
                    "Cho phép thay đổi mẫu trong templates/ (chỉ cơ quan đầu mối, sau khi xem kỹ).",
                    "Allow changes to the templates in templates/ (the focal point only, after a careful look).",
                )
            ),
        ),
    ] = False,
    head: Annotated[
        str | None,
        typer.Option(
            "--head",
            help=bilingual(
                Text(
                    "Nhánh của pull request cần kiểm tra, không cần chuyển sang nhánh đó.",
                    "The pull request's branch to check, without switching to it.",
                )
            ),
        ),
    ] = None,
) -> None:
    """Kiểm tra một pull request trước khi gộp. Tệp phải hợp lệ, đúng thư mục của cơ quan, không sửa kỳ đã khóa."""
    from dnnd.output import messages
    from dnnd.workflow.pull_requests import check_changes as check

    report = check(repository_root(ctx), base, agency, allow_templates=allow_templates, head=head)
    messages.changes(report, format.value, settings_of(ctx).lang)
    if report.failed:
        raise typer.Exit(1)


@english("Lock a period whose report was issued. The updates of its quarters may no longer change.")
def lock(
    ctx: typer.Context,
    period: PeriodArgument,
    note: Annotated[
        str | None,
        typer.Option(
            "--note",
            help=bilingual(
                Text("Ghi chú, ví dụ số báo cáo đã ban hành.", "A note, e.g. the number of the issued report.")
            ),
        ),
    ] = None,
    number: Annotated[
        int | None,
        typer.Option(
            "--number",
            min=1,
            help=bilingual(
                Text(
                    "Số của báo cáo đã ban hành (ví dụ 125 của 125/BC-SNgV).",
                    "The number of the issued report (e.g. 125 of 125/BC-SNgV).",
                )
            ),
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help=bilingual(Text("Ngày ban hành báo cáo (YYYY-MM-DD).", "The report's date of issue (YYYY-MM-DD).")),
        ),
    ] = None,
    budget: BudgetLockOption = False,
) -> None:
    """Khóa một kỳ đã ban hành báo cáo. Báo cáo các quý trong kỳ không được sửa nữa."""
    from dnnd.output import messages
    from dnnd.workflow import locks

    repo = open_repository(ctx)
    if budget:
        year = period_of("PERIOD", period, "year").year
        messages.budget_locked(locks.lock_budget(repo.root, year, dt.date.today(), note), settings_of(ctx).lang)
        return
    messages.locked(
        locks.lock(repo.root, period_argument(period), dt.date.today(), note, number, day("--date", date)),
        settings_of(ctx).lang,
    )


@english("Unlock a period (the focal point only). The updates of its quarters may change again.")
def unlock(ctx: typer.Context, period: PeriodArgument, budget: BudgetLockOption = False) -> None:
    """Mở khóa một kỳ (chỉ cơ quan đầu mối). Báo cáo các quý trong kỳ lại được sửa."""
    from dnnd.output import messages
    from dnnd.workflow import locks

    repo = open_repository(ctx)
    if budget:
        year = period_of("PERIOD", period, "year").year
        messages.budget_unlocked(locks.unlock_budget(repo.root, year), settings_of(ctx).lang)
        return
    messages.unlocked(*locks.unlock(repo.root, period_argument(period)), settings_of(ctx).lang)


@english("The updates' history on the main branch. When each arrived, when and by whom it last changed, whether late.")
def log(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    agency: AgencyOption = None,
    branch: Annotated[
        str | None,
        typer.Option(
            "--branch",
            help=bilingual(
                Text(
                    "Nhánh chính của kho (mặc định: main, nếu không có thì master).",
                    "The repository's main branch (by default: main, else master).",
                )
            ),
        ),
    ] = None,
    format: FormatOption = DEFAULT_FORMAT,
    output: OutputOption = None,
    every_quarter: Annotated[
        bool,
        typer.Option(
            "--all",
            help=bilingual(
                Text(
                    "Mọi quý (mặc định: quý đang báo cáo, hoặc quý --quarter).",
                    "Every quarter (by default: the quarter being reported, or --quarter's).",
                )
            ),
        ),
    ] = False,
    as_of: AsOfOption = None,
) -> None:
    """Lịch sử báo cáo trên nhánh chính. Mỗi báo cáo vào khi nào, sửa lần cuối khi nào, bởi ai, có muộn không."""
    from dnnd.output.formats import emit
    from dnnd.output.history_view import HistoryOutput
    from dnnd.workflow.history import landed

    repo = open_repository(ctx)
    short_names = {agency_id: found.short_name for agency_id, found in repo.agencies.items()}
    chosen_day = day("--as-of", as_of)
    found, why = landed(repo, quarter_of(quarter), agency, branch, every_quarter=every_quarter, today=chosen_day)
    emit(HistoryOutput(found, short_names, why), format.value, settings_of(ctx).lang, output)
