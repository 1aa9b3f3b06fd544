"""The commands that write documents: the report and the reminder letter."""

import datetime as dt
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, settings_of
from dnnd.cli.options import (
    AsOfOption,
    DateOption,
    ForceOption,
    HalfOption,
    NumberOption,
    OutputOption,
    QuarterOption,
    YearOption,
    day,
    period_choice,
)


def report(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    date: DateOption = None,
    number: NumberOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Chuyển thêm sang PDF bằng LibreOffice.")] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Chỉ liệt kê những việc còn phải làm trước khi ký báo cáo; không ghi tệp."),
    ] = False,
) -> None:
    """Báo cáo quý, 6 tháng hoặc năm ra tệp Word theo Nghị định 30/2020/NĐ-CP (The report as a Word document)."""
    from dnnd.documents.contents import IssueOptions
    from dnnd.documents.write import check_report, write_report
    from dnnd.output import messages
    from dnnd.output.notices import left_out_warning

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    left_out_warning(repo, lang)
    options = IssueOptions(number, day("--date", date), dt.date.today())
    choice = period_choice(quarter, half, year, as_of)
    if check:
        checked = check_report(repo, choice, options)
        messages.chosen_period(checked.why, lang)
        messages.readiness(checked.to_do, checked.evaluation.period, lang, checking=True)
        if checked.to_do:
            raise typer.Exit(1)
        return
    written = write_report(repo, choice, options, output=output, force=force, pdf=pdf)
    messages.chosen_period(written.why, lang)
    messages.written(written.paths, lang)
    messages.readiness(written.to_do, written.evaluation.period, lang, checking=False)


def draft(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Soạn sẵn phần báo cáo do cơ quan đầu mối viết, plan/reports/<kỳ>.yaml, để sửa (Draft the focal point's
    text of the report)."""
    from dnnd.documents.write import write_draft
    from dnnd.output import messages
    from dnnd.output.notices import left_out_warning

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    left_out_warning(repo, lang)
    written = write_draft(repo, period_choice(quarter, half, year, as_of), dt.date.today())
    messages.chosen_period(written.why, lang)
    messages.written(written.paths, lang)
    messages.draft_next(written.evaluation.period.name, lang)


def remind(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    date: DateOption = None,
    number: NumberOption = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", help="Hạn gửi báo cáo (YYYY-MM-DD); mặc định 7 ngày sau ngày văn bản.")
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Công văn đôn đốc các cơ quan chưa báo cáo (The reminder letter to agencies that have not reported)."""
    from dnnd.documents.contents import IssueOptions
    from dnnd.documents.write import write_reminder
    from dnnd.output import messages
    from dnnd.output.notices import left_out_warning

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    left_out_warning(repo, lang)
    options = IssueOptions(number, day("--date", date), dt.date.today())
    reply_by, choice = day("--deadline", deadline), period_choice(quarter, half, year, as_of)
    written = write_reminder(repo, choice, options, deadline=reply_by, output=output, force=force)
    messages.chosen_period(written.why, lang)
    if not written.paths:
        messages.nobody_missing(written.evaluation.period.name, lang)
        return
    messages.written(written.paths, lang)
