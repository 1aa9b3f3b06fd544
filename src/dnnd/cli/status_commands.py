"""The focal point's reading commands: validate, status, rollup, missing, links and stats.

Each parses its options, calls one core function and hands the result to the output layer; the core is
imported inside the command so that `dnnd --help` starts as fast as typer allows.
"""

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, repository_root, settings_of
from dnnd.cli.help_screens import bilingual, english
from dnnd.cli.options import (
    DEFAULT_FORMAT,
    AgencyOption,
    AsOfOption,
    ForceOption,
    FormatOption,
    HalfOption,
    LateOption,
    OutputOption,
    QuarterOption,
    YearOption,
    period_choice,
    status_code,
)
from dnnd.i18n import Text


@english("Check every file of the plan and list every problem.")
def validate(ctx: typer.Context) -> None:
    """Kiểm tra mọi tệp của kho kế hoạch và liệt kê mọi lỗi."""
    from dnnd.errors import DataError
    from dnnd.output import messages
    from dnnd.repository import validate_repository

    verdict = validate_repository(repository_root(ctx), use_cache=settings_of(ctx).use_cache)
    if verdict.problems:
        raise DataError(verdict.problems)
    messages.verdict(verdict, settings_of(ctx).lang)


@english("The tasks' status in a period. Tells what is due, done and overdue, and who has not reported.")
def status(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    agency: AgencyOption = None,
    late: LateOption = False,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help=bilingual(
                Text(
                    "Chỉ các nhiệm vụ có tình trạng này, ví dụ overdue.", "Only the tasks of this status, e.g. overdue."
                )
            ),
        ),
    ] = None,
    format: FormatOption = DEFAULT_FORMAT,
    output: OutputOption = None,
) -> None:
    """Tình trạng các nhiệm vụ trong kỳ. Cho biết hạn, việc đã hoàn thành, quá hạn và ai chưa báo cáo."""
    from dnnd.evaluate.status_report import status_report
    from dnnd.output.formats import emit
    from dnnd.output.notices import budget_due_warning, left_out_warning
    from dnnd.output.status_view import StatusOutput
    from dnnd.workflow.history import late_for

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    choice = period_choice(quarter, half, year, as_of)
    report = status_report(repo, choice, today=dt.date.today(), agency_id=agency, status_code=status_code(status))
    left_out_warning(repo, lang)
    budget_due_warning(repo, dt.date.today(), lang)
    emit(StatusOutput(repo, report, late_for(repo, report) if late else None), format.value, lang, output)


@english("The national roll-up of many provinces' plans. Tells the status and the agencies that have not reported.")
def rollup(
    ctx: typer.Context,
    directories: Annotated[
        list[Path],
        typer.Argument(
            help=bilingual(
                Text(
                    "Thư mục kho kế hoạch của từng tỉnh (bản clone, ví dụ git submodule).",
                    "Each province's plan repository folder (a clone, e.g. a git submodule).",
                )
            )
        ),
    ],
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    format: FormatOption = DEFAULT_FORMAT,
    site: Annotated[
        Path | None,
        typer.Option(
            "--site",
            help=bilingual(
                Text(
                    "Dựng thêm trang web tổng hợp toàn quốc vào thư mục này, mỗi tỉnh một trang.",
                    "Also build the national website in this folder, with a page per province.",
                )
            ),
        ),
    ] = None,
) -> None:
    """Tổng hợp toàn quốc từ kho kế hoạch của nhiều tỉnh. Cho biết tình trạng và cơ quan chưa báo cáo."""
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
    if site is not None:
        from dnnd.dashboard.national import national_site
        from dnnd.dashboard.pages import write_pages
        from dnnd.output import messages

        messages.site_written(site, write_pages(national_site(result, settings.lang), site), settings.lang)
    if result.failed:
        raise typer.Exit(1)


@english("Who has not reported on which tasks, to urge them.")
def missing(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    agency: AgencyOption = None,
    late: LateOption = False,
    format: FormatOption = DEFAULT_FORMAT,
    output: OutputOption = None,
    budget: Annotated[
        bool,
        typer.Option(
            "--budget",
            help=bilingual(
                Text(
                    "Cơ quan có nhiệm vụ mà chưa gửi dự toán kinh phí của năm (--year, mặc định năm nay).",
                    "Agencies with a task and no budget estimate for the year (--year, this year by default).",
                )
            ),
        ),
    ] = False,
) -> None:
    """Cơ quan nào chưa báo cáo nhiệm vụ nào trong kỳ, để đôn đốc."""
    from dnnd.evaluate.status_report import status_report
    from dnnd.output.formats import emit
    from dnnd.output.notices import left_out_warning
    from dnnd.output.status_view import MissingOutput
    from dnnd.workflow.history import late_for

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    if budget:
        from dnnd.errors import UsageError
        from dnnd.evaluate.budget import budget_summary
        from dnnd.output.budget_view import MissingEstimatesOutput

        if quarter or half or as_of or late:
            raise UsageError(
                Text(
                    "--budget chỉ đi với --year (năm ngân sách), --agency, --format và -o",
                    "--budget goes only with --year (the budget year), --agency, --format and -o",
                )
            )

        today = dt.date.today()
        budget_year = period_choice(None, None, year, None).period
        summary = budget_summary(repo, budget_year.year if budget_year else today.year, today=today, agency_id=agency)
        emit(MissingEstimatesOutput(repo, summary), format.value, lang, output)
        return
    report = status_report(repo, period_choice(quarter, half, year, as_of), today=dt.date.today(), agency_id=agency)
    left_out_warning(repo, lang)
    emit(MissingOutput(repo, report, late_for(repo, report) if late else None), format.value, lang, output)


@english(
    "Links for agencies yet to report, to fill in a browser. Each opens the update file, ready to fill, on the forge."
)
def links(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    agency: Annotated[
        str | None,
        typer.Option("--agency", help=bilingual(Text("Chỉ đường dẫn của cơ quan này.", "Only this agency's link."))),
    ] = None,
    format: FormatOption = DEFAULT_FORMAT,
) -> None:
    """Đường dẫn để cơ quan chưa báo cáo điền trên trình duyệt. Mỗi đường dẫn mở sẵn tệp báo cáo trên nền tảng git."""
    from dnnd.evaluate.forge_links import forge_links
    from dnnd.output.formats import emit
    from dnnd.output.links_view import LinksOutput
    from dnnd.output.notices import left_out_warning

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    result = forge_links(repo, period_choice(quarter, half, year, as_of), today=dt.date.today(), agency_id=agency)
    left_out_warning(repo, lang)
    emit(LinksOutput(repo, result, lang), format.value, lang)


@english("Activity figures: delegations in and out, events, aid…")
def stats(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    agency: Annotated[
        str | None,
        typer.Option(
            "--agency",
            help=bilingual(
                Text("Chỉ các hoạt động mà cơ quan này báo cáo.", "Only the activities this agency reported.")
            ),
        ),
    ] = None,
    format: FormatOption = DEFAULT_FORMAT,
    output: OutputOption = None,
) -> None:
    """Thống kê hoạt động: đoàn vào, đoàn ra, sự kiện, viện trợ…"""
    from dnnd.evaluate.figures import figures_for
    from dnnd.output.formats import emit
    from dnnd.output.notices import data_warnings, left_out_warning
    from dnnd.output.stats_view import StatsOutput

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    result = figures_for(repo, period_choice(quarter, half, year, as_of), today=dt.date.today(), agency_id=agency)
    data_warnings(repo, lang)
    left_out_warning(repo, lang)
    emit(StatsOutput(repo, result), format.value, lang, output)


@english("One Excel workbook of the period: status, agencies missing, figures, activities, submissions.")
def workbook(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Một tệp Excel của kỳ: tình trạng, cơ quan chưa báo cáo, số liệu, hoạt động, báo cáo đã gửi."""
    from dnnd.output import messages
    from dnnd.output.formats import xlsx
    from dnnd.output.notices import left_out_warning
    from dnnd.output.workbook_view import period_workbook

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    left_out_warning(repo, lang)
    found = period_workbook(repo, period_choice(quarter, half, year, as_of), dt.date.today(), lang)
    messages.chosen_period(found.why, lang)
    target = output or repo.root / "reports" / f"so-lieu-{found.period.name}.xlsx"
    written = xlsx.write_new(target, found.sheets, force=force, root=None if output else repo.root)
    messages.written([written], lang)
