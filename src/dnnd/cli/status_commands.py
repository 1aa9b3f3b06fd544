"""The focal point's reading commands: validate, status, rollup and missing.

Each parses its options, calls one core function and hands the result to the output layer; the core is
imported inside the command so that `dnnd --help` starts as fast as typer allows.
"""

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, repository_root, settings_of
from dnnd.cli.options import (
    DEFAULT_FORMAT,
    AgencyOption,
    AsOfOption,
    FormatOption,
    HalfOption,
    LateOption,
    QuarterOption,
    YearOption,
    period_choice,
)
from dnnd.i18n import Text


def validate(ctx: typer.Context) -> None:
    """Kiểm tra mọi tệp của kho kế hoạch và liệt kê mọi lỗi (Check every file and list every problem)."""
    from dnnd.errors import DataError
    from dnnd.output import messages
    from dnnd.repository import validate_repository

    verdict = validate_repository(repository_root(ctx), use_cache=settings_of(ctx).use_cache)
    if verdict.problems:
        raise DataError(verdict.problems)
    messages.verdict(verdict, settings_of(ctx).lang)


def status(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    agency: AgencyOption = None,
    late: LateOption = False,
    status: Annotated[
        str | None, typer.Option("--status", help="Chỉ các nhiệm vụ có tình trạng này, ví dụ overdue.")
    ] = None,
    format: FormatOption = DEFAULT_FORMAT,
) -> None:
    """Tình trạng các nhiệm vụ trong kỳ: hạn, hoàn thành, quá hạn, ai chưa báo cáo (Task status for a period)."""
    from dnnd.evaluate.status_report import status_report
    from dnnd.output.formats import emit
    from dnnd.output.notices import left_out_warning
    from dnnd.output.status_view import StatusOutput
    from dnnd.workflow.history import late_for

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    choice = period_choice(quarter, half, year, as_of)
    report = status_report(repo, choice, today=dt.date.today(), agency_id=agency, status_code=status)
    left_out_warning(repo, lang)
    emit(StatusOutput(repo, report, late_for(repo, report) if late else None), format.value, lang)


def rollup(
    ctx: typer.Context,
    directories: Annotated[
        list[Path], typer.Argument(help="Thư mục kho kế hoạch của từng tỉnh (bản clone, ví dụ git submodule).")
    ],
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    format: FormatOption = DEFAULT_FORMAT,
) -> None:
    """Tổng hợp toàn quốc từ kho kế hoạch của nhiều tỉnh: tình trạng, cơ quan chưa báo cáo (National roll-up)."""
    from dnnd.evaluate.rollup import roll_up
    from dnnd.output.formats import emit
    from dnnd.output.progress import progress_bar
    from dnnd.output.rollup_view import RollupOutput

    settings = settings_of(ctx)
    choice = period_choice(quarter, half, year, as_of)
    label = Text("Đang đọc các kho", "Reading repositories").in_(settings.lang)
    with progress_bar(label, len(directories)) as done:
        result = roll_up(directories, choice, today=dt.date.today(), use_cache=settings.use_cache, done=done)
    emit(RollupOutput(result, settings.lang), format.value, settings.lang)
    if result.failed:
        raise typer.Exit(1)


def missing(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    agency: AgencyOption = None,
    late: LateOption = False,
    format: FormatOption = DEFAULT_FORMAT,
) -> None:
    """Cơ quan nào chưa báo cáo nhiệm vụ nào trong kỳ, để đôn đốc (Who has not reported, to urge them)."""
    from dnnd.evaluate.status_report import status_report
    from dnnd.output.formats import emit
    from dnnd.output.notices import left_out_warning
    from dnnd.output.status_view import MissingOutput
    from dnnd.workflow.history import late_for

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    report = status_report(repo, period_choice(quarter, half, year, as_of), today=dt.date.today(), agency_id=agency)
    left_out_warning(repo, lang)
    emit(MissingOutput(repo, report, late_for(repo, report) if late else None), format.value, lang)


def stats(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    agency: Annotated[str | None, typer.Option("--agency", help="Chỉ các hoạt động mà cơ quan này báo cáo.")] = None,
    format: FormatOption = DEFAULT_FORMAT,
) -> None:
    """Thống kê hoạt động đối ngoại nhân dân: đoàn vào, đoàn ra, sự kiện, viện trợ… (Activity figures)."""
    from dnnd.evaluate.figures import figures_for
    from dnnd.output.formats import emit
    from dnnd.output.notices import data_warnings, left_out_warning
    from dnnd.output.stats_view import StatsOutput

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    result = figures_for(repo, period_choice(quarter, half, year, as_of), today=dt.date.today(), agency_id=agency)
    data_warnings(repo, lang)
    left_out_warning(repo, lang)
    emit(StatsOutput(repo, result), format.value, lang)
