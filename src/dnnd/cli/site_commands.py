"""`dnnd site`: the plan's static website for leaders. It parses the options, builds the pages in the
dashboard and writes them; the dashboard, and matplotlib with it, is imported only here."""

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, settings_of
from dnnd.cli.help_screens import bilingual, english
from dnnd.cli.options import AsOfOption, HalfOption, QuarterOption, YearOption, period_choice
from dnnd.i18n import Text

SiteFolderOption = Annotated[
    Path | None,
    typer.Option(
        "-o",
        "--output",
        help=bilingual(
            Text(
                "Thư mục ghi các trang (mặc định site/ trong kho); dnnd thay các trang cũ trong đó.",
                "The folder to write the pages to (by default site/ in the repository); dnnd replaces the old pages.",
            )
        ),
    ),
]


@english("A static website for leaders: overview, trend, agencies by quarter, a page per task and per agency.")
def site(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    output: SiteFolderOption = None,
) -> None:
    """Trang web tĩnh cho lãnh đạo: tổng quan, diễn biến, cơ quan theo quý, trang từng nhiệm vụ và cơ quan."""
    from dnnd.dashboard.build import build_site
    from dnnd.dashboard.pages import write_pages
    from dnnd.output import messages
    from dnnd.output.notices import left_out_warning

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    left_out_warning(repo, lang)
    built = build_site(repo, period_choice(quarter, half, year, as_of), dt.date.today(), lang)
    messages.chosen_period(built.why, lang)
    folder = output or repo.root / "site"
    files = write_pages(built.pages, folder, root=None if output else repo.root)
    messages.site_written(folder, files, lang)
