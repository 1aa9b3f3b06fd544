"""The command line: the typer app and its global options.

Commands live in modules by group (`*_commands.py`); each parses its options, calls one core function and
renders the result. They are listed in one place, `command_table`, in the order `dnnd --help` shows them,
and the group builds only the one that runs.

Annotations are real objects, not strings (no `from __future__ import annotations`): typer reads every
command's signature on each run, and evaluating string annotations cost more than all of dnnd's imports.
"""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from dnnd.cli.context import Settings
from dnnd.cli.error_handling import DnndGroup
from dnnd.cli.help_screens import bilingual
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


def main(argv: list[str] | None = None) -> None:
    """Entry point: run a command and turn every error into a message and an exit code."""
    from dnnd.cli.error_handling import run

    sys.exit(run(app, list(sys.argv[1:] if argv is None else argv)))
