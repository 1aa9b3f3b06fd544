"""The commands that show the plan itself: its tasks, its agencies, and one task with every update on it."""

import datetime as dt
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, settings_of
from dnnd.cli.help_screens import bilingual, english
from dnnd.cli.options import DEFAULT_FORMAT, AgencyOption, AsOfOption, FormatOption, day
from dnnd.i18n import Text


@english("The plan's tasks.")
def tasks(ctx: typer.Context, agency: AgencyOption = None, format: FormatOption = DEFAULT_FORMAT) -> None:
    """Danh sách nhiệm vụ của kế hoạch."""
    from dnnd.evaluate.task_views import task_views
    from dnnd.output.formats import emit
    from dnnd.output.plan_view import TasksOutput

    repo = open_repository(ctx)
    emit(TasksOutput(repo, task_views(repo, agency)), format.value, settings_of(ctx).lang)


@english("The agencies today (--as-of: on that day). Each with its predecessors and successors.")
def agencies(ctx: typer.Context, as_of: AsOfOption = None, format: FormatOption = DEFAULT_FORMAT) -> None:
    """Danh sách cơ quan, đơn vị hôm nay (--as-of: ngày đó). Kèm tiền thân và cơ quan kế nhiệm của mỗi cơ quan."""
    from dnnd.evaluate.agency_list import agency_records
    from dnnd.output.formats import emit
    from dnnd.output.plan_view import AgenciesOutput

    repo = open_repository(ctx)
    records = agency_records(repo, day("--as-of", as_of), today=dt.date.today())
    emit(AgenciesOutput(records), format.value, settings_of(ctx).lang)


@english("One task in full, with every update on it, newest first.")
def show(
    ctx: typer.Context,
    task: Annotated[
        int, typer.Argument(help=bilingual(Text("Số thứ tự (STT) của nhiệm vụ.", "The task's number (STT).")))
    ],
) -> None:
    """Một nhiệm vụ đầy đủ, với mọi báo cáo về nó, mới nhất trước."""
    from dnnd.evaluate.task_views import task_view
    from dnnd.output.notices import left_out_warning
    from dnnd.output.plan_view import show as show_task

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    view = task_view(repo, task)
    left_out_warning(repo, lang)
    show_task(repo, view, lang)
