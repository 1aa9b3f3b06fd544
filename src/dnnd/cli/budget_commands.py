"""The commands of the plan's funding: `budget` (the year's estimates, appraisals and spending) and
`new-budget` (an agency's estimate to fill in)."""

import datetime as dt
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, settings_of
from dnnd.cli.help_screens import bilingual, english
from dnnd.cli.options import DEFAULT_FORMAT, FormatOption, OutputOption, period_of
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
) -> None:
    """Kinh phí thực hiện Kế hoạch trong năm: dự toán, thẩm định, bố trí và thực hiện."""
    from dnnd.evaluate.budget import budget_summary
    from dnnd.output.budget_view import BudgetOutput
    from dnnd.output.formats import emit

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    summary = budget_summary(repo, _year(year), today=dt.date.today(), agency_id=agency)
    emit(BudgetOutput(repo, summary), format.value, lang, output)


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
