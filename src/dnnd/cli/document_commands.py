"""The commands that write documents: the report and the reminder letter."""

import datetime as dt
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, settings_of
from dnnd.cli.help_screens import bilingual, english
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
from dnnd.i18n import Text


@english("The quarterly, half-year or annual report as a Word file. Laid out as Decree 30/2020/NĐ-CP requires.")
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
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf",
            help=bilingual(Text("Chuyển thêm sang PDF bằng LibreOffice.", "Also convert it to PDF with LibreOffice.")),
        ),
    ] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help=bilingual(
                Text(
                    "Chỉ liệt kê những việc còn phải làm trước khi ký báo cáo; không ghi tệp.",
                    "Only list what remains to do before the report is signed; write no file.",
                )
            ),
        ),
    ] = False,
) -> None:
    """Báo cáo quý, 6 tháng hoặc năm ra tệp Word. Thể thức theo Nghị định 30/2020/NĐ-CP."""
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


@english("Draft the focal point's text of the report, to edit. Written to plan/reports/<period>.yaml.")
def draft(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Soạn sẵn phần báo cáo do cơ quan đầu mối viết, để sửa. Ghi vào plan/reports/<kỳ>.yaml."""
    from dnnd.documents.write import write_draft
    from dnnd.output import messages
    from dnnd.output.notices import left_out_warning

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    left_out_warning(repo, lang)
    written = write_draft(repo, period_choice(quarter, half, year, as_of), dt.date.today())
    messages.chosen_period(written.why, lang)
    messages.written(written.paths, lang)
    messages.draft_next(written.evaluation.period, lang)


@english("The reminder letter to the agencies that have not reported.")
def remind(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    date: DateOption = None,
    number: NumberOption = None,
    deadline: Annotated[
        str | None,
        typer.Option(
            "--deadline",
            help=bilingual(
                Text(
                    "Hạn gửi báo cáo (YYYY-MM-DD); mặc định 7 ngày sau ngày văn bản.",
                    "The deadline to report (YYYY-MM-DD); by default 7 days after the letter's date.",
                )
            ),
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Công văn đôn đốc các cơ quan chưa báo cáo."""
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
    messages.still_to_do(written.to_do, lang)
