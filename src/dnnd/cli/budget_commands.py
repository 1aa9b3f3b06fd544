"""The commands of the plan's funding: `budget` (the year's estimates, appraisals and spending) and
`new-budget` (an agency's estimate to fill in)."""

import datetime as dt
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, settings_of
from dnnd.cli.help_screens import bilingual, english
from dnnd.cli.options import (
    DEFAULT_FORMAT,
    DateOption,
    ForceOption,
    Format,
    FormatOption,
    NumberOption,
    OutputOption,
    day,
    period_of,
)
from dnnd.i18n import Text

BudgetYearOption = Annotated[
    str | None,
    typer.Option(
        "--year",
        help=bilingual(
            Text("Năm ngân sách, ví dụ 2021 (mặc định năm nay).", "The budget year, e.g. 2021 (this year by default).")
        ),
    ),
]


def _year(text: str | None) -> int:
    return dt.date.today().year if text is None else period_of("--year", text, "year").year


@english("The plan's funding in a year: estimates, appraisals, allocations and spending.")
def budget(
    ctx: typer.Context,
    year: BudgetYearOption = None,
    agency: Annotated[
        str | None,
        typer.Option("--agency", help=bilingual(Text("Chỉ dự toán của cơ quan này.", "Only this agency's estimate."))),
    ] = None,
    format: FormatOption = DEFAULT_FORMAT,
    output: OutputOption = None,
    docx: Annotated[
        bool,
        typer.Option(
            "--docx",
            help=bilingual(
                Text(
                    "Ghi công văn tổng hợp dự toán gửi Sở Tài chính ra tệp Word (mặc định reports/du-toan-<năm>.docx) "
                    "thay cho bảng.",
                    "Write the letter consolidating the estimates for Sở Tài chính as a Word file (by default "
                    "reports/du-toan-<year>.docx) instead of the table.",
                )
            ),
        ),
    ] = False,
    number: NumberOption = None,
    date: DateOption = None,
    force: ForceOption = False,
) -> None:
    """Kinh phí thực hiện Kế hoạch trong năm: dự toán, thẩm định, bố trí và thực hiện."""
    from dnnd.documents.contents import IssueOptions
    from dnnd.errors import UsageError
    from dnnd.evaluate.budget import budget_summary
    from dnnd.output.budget_view import BudgetOutput
    from dnnd.output.formats import emit

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    if docx:
        _check_docx_options(agency, format)
    elif number is not None or date is not None or force:
        raise UsageError(
            Text("--number, --date và --force đi cùng --docx", "--number, --date and --force go with --docx")
        )
    options = IssueOptions(number, day("--date", date), dt.date.today())
    summary = budget_summary(repo, _year(year), today=options.today, agency_id=agency)
    if not docx:
        emit(BudgetOutput(repo, summary), format.value, lang, output)
        return
    from dnnd.documents.write import write_budget
    from dnnd.output import messages
    from dnnd.output.notices import print_notices

    print_notices(BudgetOutput(repo, summary).notices(lang))
    messages.written([write_budget(repo, summary, options, output=output, force=force)], lang)


def _check_docx_options(agency: str | None, format: Format) -> None:
    """The letter sums up every agency's estimate, as a Word file: --agency and --format do not apply."""
    from dnnd.errors import UsageError

    if agency is not None:
        raise UsageError(
            Text(
                "--docx tổng hợp dự toán của mọi cơ quan: bỏ --agency",
                "--docx sums up every agency's estimate: leave out --agency",
            )
        )
    if format != DEFAULT_FORMAT:
        raise UsageError(Text("--docx ghi tệp Word: bỏ --format", "--docx writes a Word file: leave out --format"))


@english("Write an agency's estimate for a year, with a line per task it holds, to fill in.")
def new_budget(
    ctx: typer.Context,
    agency: Annotated[str, typer.Option("--agency", help=bilingual(Text("Mã cơ quan.", "The agency's id.")))],
    year: BudgetYearOption = None,
) -> None:
    """Tạo sẵn tệp dự toán kinh phí năm của một cơ quan, mỗi nhiệm vụ một dòng, để điền."""
    from dnnd.authoring.new_budget import new_budget as scaffold
    from dnnd.output import messages

    repo = open_repository(ctx)
    path = scaffold(repo, agency, _year(year), dt.date.today())
    messages.written([path], settings_of(ctx).lang)
