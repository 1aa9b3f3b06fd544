"""The pull-request workflow: checking a pull request, locking issued periods, and when updates landed."""

import datetime as dt
from enum import StrEnum
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, repository_root, settings_of
from dnnd.cli.options import (
    DEFAULT_FORMAT,
    AgencyOption,
    AsOfOption,
    FormatOption,
    PeriodArgument,
    QuarterOption,
    day,
    period_argument,
    quarter_of,
)


class ChangesFormat(StrEnum):
    text = "text"
    github = "github"


def check_changes(
    ctx: typer.Context,
    base: Annotated[str, typer.Option("--base", help="Nhánh hoặc commit gốc của pull request, ví dụ origin/main.")],
    agency: Annotated[
        str | None,
        typer.Option("--agency", help="Cơ quan gửi pull request: mọi tệp thay đổi phải thuộc thư mục của nó."),
    ] = None,
    format: Annotated[
        ChangesFormat, typer.Option("--format", help="text, hoặc github (chú thích cho GitHub Actions).")
    ] = ChangesFormat.text,
    allow_templates: Annotated[
        bool,
        typer.Option(
            "--allow-templates", help="Cho phép thay đổi mẫu trong templates/ (chỉ cơ quan đầu mối, sau khi xem kỹ)."
        ),
    ] = False,
    head: Annotated[
        str | None,
        typer.Option("--head", help="Nhánh của pull request cần kiểm tra, không cần chuyển sang nhánh đó."),
    ] = None,
) -> None:
    """Kiểm tra một pull request: hợp lệ, đúng cơ quan, không sửa kỳ đã khóa (Check a pull request's changes)."""
    from dnnd.output import messages
    from dnnd.workflow.pull_requests import check_changes as check

    report = check(repository_root(ctx), base, agency, allow_templates=allow_templates, head=head)
    messages.changes(report, format.value, settings_of(ctx).lang)
    if report.failed:
        raise typer.Exit(1)


def lock(
    ctx: typer.Context,
    period: PeriodArgument,
    note: Annotated[str | None, typer.Option("--note", help="Ghi chú, ví dụ số báo cáo đã ban hành.")] = None,
    number: Annotated[
        int | None, typer.Option("--number", min=1, help="Số của báo cáo đã ban hành (ví dụ 125 của 125/BC-SNgV).")
    ] = None,
    date: Annotated[str | None, typer.Option("--date", help="Ngày ban hành báo cáo (YYYY-MM-DD).")] = None,
) -> None:
    """Ghi nhận kỳ đã ban hành báo cáo: báo cáo các quý trong kỳ không được sửa nữa (Lock an issued period)."""
    from dnnd.output import messages
    from dnnd.workflow import locks

    repo = open_repository(ctx)
    messages.locked(
        locks.lock(repo.root, period_argument(period), dt.date.today(), note, number, day("--date", date)),
        settings_of(ctx).lang,
    )


def unlock(ctx: typer.Context, period: PeriodArgument) -> None:
    """Mở khóa một kỳ (chỉ cơ quan đầu mối): báo cáo các quý trong kỳ lại được sửa (Unlock a period)."""
    from dnnd.output import messages
    from dnnd.workflow import locks

    repo = open_repository(ctx)
    messages.unlocked(*locks.unlock(repo.root, period_argument(period)), settings_of(ctx).lang)


def log(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    agency: AgencyOption = None,
    branch: Annotated[
        str | None, typer.Option("--branch", help="Nhánh chính của kho (mặc định: main, nếu không có thì master).")
    ] = None,
    format: FormatOption = DEFAULT_FORMAT,
    every_quarter: Annotated[
        bool, typer.Option("--all", help="Mọi quý (mặc định: quý đang báo cáo, hoặc quý --quarter).")
    ] = False,
    as_of: AsOfOption = None,
) -> None:
    """Khi nào mỗi báo cáo vào nhánh chính, sửa lần cuối khi nào, bởi ai, có muộn không (When updates landed)."""
    from dnnd.output.formats import emit
    from dnnd.output.history_view import HistoryOutput
    from dnnd.workflow.history import landed

    repo = open_repository(ctx)
    short_names = {agency_id: found.short_name for agency_id, found in repo.agencies.items()}
    chosen_day = day("--as-of", as_of)
    found, why = landed(repo, quarter_of(quarter), agency, branch, every_quarter=every_quarter, today=chosen_day)
    emit(HistoryOutput(found, short_names, why), format.value, settings_of(ctx).lang)
