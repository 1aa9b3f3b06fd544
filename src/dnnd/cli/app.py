"""The command line: the typer app, its global options, and every command in the order `dnnd --help` lists.

Commands live in modules by group (`*_commands.py`); each parses its options, calls one core function and
renders the result. They are registered here, in one place, so that the help reads as a table of contents.

Annotations are real objects, not strings (no `from __future__ import annotations`): typer reads every
command's signature on each run, and evaluating string annotations cost more than all of dnnd's imports.
"""

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from dnnd.cli import (
    authoring_commands,
    budget_commands,
    document_commands,
    plan_commands,
    site_commands,
    status_commands,
    workflow_commands,
)
from dnnd.cli.context import Settings
from dnnd.cli.error_handling import DnndGroup
from dnnd.cli.help_screens import DnndCommand, bilingual
from dnnd.i18n import LANGUAGES, Text, default_language

app = typer.Typer(
    cls=DnndGroup,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help=bilingual(
        Text(
            "dnnd: theo dõi kế hoạch đối ngoại nhân dân từ kho git.",
            "dnnd: track a people-to-people diplomacy plan in git.",
        )
    ),
)

RepoOption = Annotated[
    Path | None,
    typer.Option(
        "--repo",
        help=bilingual(
            Text(
                "Thư mục kho kế hoạch (mặc định: tìm plan/plan.yaml từ thư mục hiện tại trở lên).",
                "The plan repository's folder (by default: the nearest folder upwards holding plan/plan.yaml).",
            )
        ),
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang", help=bilingual(Text("Ngôn ngữ: vi (mặc định) hoặc en.", "Language: vi (the default) or en."))
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help=bilingual(
            Text(
                "Không dùng bộ nhớ đệm trong .git/ (hoặc đặt DNND_NO_CACHE=1).",
                "Use no cache in .git/ (or set DNND_NO_CACHE=1).",
            )
        ),
    ),
]


@app.callback()
def _options(
    ctx: typer.Context, repo: RepoOption = None, lang: LangOption = None, no_cache: NoCacheOption = False
) -> None:
    from dnnd.errors import UsageError

    source, given = ("--lang", lang) if lang else ("DNND_LANG", os.environ.get("DNND_LANG") or default_language())
    chosen = given.strip().lower()
    if chosen not in LANGUAGES:
        raise UsageError(
            Text(
                f"{source}: ngôn ngữ '{given}' không có; dùng vi hoặc en",
                f"{source}: no language '{given}'; use vi or en",
            )
        )
    ctx.obj = Settings(repo, chosen, use_cache=not no_cache)


COMMANDS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("validate", status_commands.validate),
    ("status", status_commands.status),
    ("rollup", status_commands.rollup),
    ("missing", status_commands.missing),
    ("links", status_commands.links),
    ("stats", status_commands.stats),
    ("workbook", status_commands.workbook),
    ("site", site_commands.site),
    ("budget", budget_commands.budget),
    ("report", document_commands.report),
    ("draft", document_commands.draft),
    ("remind", document_commands.remind),
    ("new-update", authoring_commands.new_update),
    ("new-budget", budget_commands.new_budget),
    ("form", authoring_commands.form),
    ("take", authoring_commands.take),
    ("schema", authoring_commands.schema),
    ("codeowners", authoring_commands.codeowners),
    ("check-changes", workflow_commands.check_changes),
    ("lock", workflow_commands.lock),
    ("unlock", workflow_commands.unlock),
    ("log", workflow_commands.log),
    ("import", authoring_commands.import_),
    ("init", authoring_commands.init),
    ("tasks", plan_commands.tasks),
    ("agencies", plan_commands.agencies),
    ("show", plan_commands.show),
)
for name, command in COMMANDS:
    app.command(name, cls=DnndCommand)(command)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run a command and turn every error into a message and an exit code."""
    from dnnd.cli.error_handling import run

    sys.exit(run(app, list(sys.argv[1:] if argv is None else argv)))
