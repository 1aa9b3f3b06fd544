"""The commands that write repository files: an agency's new update, the editor schemas, CODEOWNERS, and a
whole new plan repository (imported from a decision, or empty)."""

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, repository_root, settings_of
from dnnd.cli.help_screens import bilingual, english
from dnnd.cli.options import (
    AsOfOption,
    ForceOption,
    OutputOption,
    ReportingAgencyOption,
    UpdateQuarterOption,
    day,
    quarter_of,
)
from dnnd.i18n import Text


@english("Write an agency's quarterly update file, to fill in. It lists the agency's tasks in the quarter.")
def new_update(
    ctx: typer.Context,
    agency: ReportingAgencyOption,
    quarter: UpdateQuarterOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Tạo sẵn tệp báo cáo quý của một cơ quan để điền. Tệp liệt kê các nhiệm vụ của cơ quan trong quý."""
    from dnnd.authoring.new_update import new_update as scaffold
    from dnnd.output import messages

    repo = open_repository(ctx)
    written = scaffold(repo, agency, quarter_of(quarter), as_of=day("--as-of", as_of))
    messages.scaffolded(written, settings_of(ctx).lang)


@english("The Excel form an agency fills in and sends back.")
def form(
    ctx: typer.Context,
    agency: ReportingAgencyOption,
    quarter: UpdateQuarterOption = None,
    as_of: AsOfOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Biểu mẫu Excel để cơ quan điền báo cáo quý rồi gửi."""
    from dnnd.authoring.forms.write_form import write_form
    from dnnd.evaluate.status_report import PeriodChoice
    from dnnd.output import messages

    repo = open_repository(ctx)
    choice = PeriodChoice(quarter_of(quarter), day("--as-of", as_of))
    path = write_form(repo, agency, choice, dt.date.today(), output=output, force=force)
    messages.written([path], settings_of(ctx).lang)


@english("Turn a filled-in Excel form into the agency's update file.")
def take(
    ctx: typer.Context,
    workbook: Annotated[
        Path,
        typer.Argument(
            help=bilingual(
                Text("Biểu mẫu Excel (.xlsx) cơ quan đã điền.", "The Excel form (.xlsx) the agency filled in.")
            )
        ),
    ],
    force: ForceOption = False,
) -> None:
    """Chuyển biểu mẫu Excel đã điền thành tệp báo cáo."""
    from dnnd.authoring.forms.take import take_form
    from dnnd.output import messages
    from dnnd.output.notices import print_notices

    lang, repo = settings_of(ctx).lang, open_repository(ctx)
    taken = take_form(repo, workbook, force=force, today=dt.date.today())
    print_notices([f"{Text('Cảnh báo', 'Warning').in_(lang)}: {item.render(lang)}" for item in taken.warnings])
    messages.written([taken.path], lang)


@english("Write the files' JSON Schemas into schema/. Editors use them to give hints.")
def schema(ctx: typer.Context) -> None:
    """Ghi JSON Schema của các loại tệp vào schema/. Trình soạn thảo dùng chúng để gợi ý."""
    from dnnd.authoring.json_schemas import write_schemas
    from dnnd.output import messages

    messages.written(write_schemas(repository_root(ctx)), settings_of(ctx).lang)


@english("Write .github/CODEOWNERS from the agencies' reviewers.")
def codeowners(ctx: typer.Context) -> None:
    """Ghi .github/CODEOWNERS từ reviewers của các cơ quan."""
    from dnnd.authoring.codeowners import write_codeowners
    from dnnd.output import messages

    messages.written([write_codeowners(open_repository(ctx))], settings_of(ctx).lang)


DnndSourceOption = Annotated[
    str | None,
    typer.Option(
        "--dnnd-source",
        help=bilingual(
            Text(
                "Nguồn cài dnnd cho GitHub Actions (pip: URL git+https://…@phiên bản, hoặc thư mục); mặc "
                "định: nơi dnnd đang chạy được cài, nếu là URL git.",
                "Where GitHub Actions installs dnnd from (for pip: a git+https://…@version URL, or a "
                "folder); by default: where the running dnnd was installed from, if a git URL.",
            )
        ),
    ),
]


@english("Make a plan repository from a decision document. Tells what it did not understand.")
def import_(
    ctx: typer.Context,
    document: Annotated[
        Path,
        typer.Argument(
            help=bilingual(
                Text(
                    "Quyết định: .docx, .doc, .pdf (có lớp chữ), .txt hoặc .md.",
                    "The decision: .docx, .doc, .pdf (with a text layer), .txt or .md.",
                )
            )
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out", help=bilingual(Text("Thư mục của kho kế hoạch mới.", "The new plan repository's folder."))
        ),
    ],
    agencies: Annotated[
        Path | None,
        typer.Option(
            "--agencies",
            help=bilingual(
                Text(
                    "Danh mục cơ quan để đối chiếu tên (mặc định: plan/agencies.yaml của kho hiện tại, nếu có).",
                    "A list of agencies to match names against (by default: the current repository's "
                    "plan/agencies.yaml, if any).",
                )
            ),
        ),
    ] = None,
    dnnd_source: DnndSourceOption = None,
) -> None:
    """Tạo kho kế hoạch từ văn bản quyết định. Báo những gì chưa hiểu."""
    from dnnd.authoring.ci_workflow import installed_source
    from dnnd.authoring.importing.build import import_decision
    from dnnd.output import messages

    source = dnnd_source or installed_source()
    result = import_decision(document, out, agencies, source)
    messages.imported(result, settings_of(ctx).lang)
    messages.dnnd_source(source, settings_of(ctx).lang)
    if result.problems:
        raise typer.Exit(1)


@english("Make an empty plan repository to fill in by hand.")
def init(
    ctx: typer.Context,
    folder: Annotated[
        Path, typer.Argument(help=bilingual(Text("Thư mục của kho kế hoạch mới.", "The new plan repository's folder.")))
    ],
    dnnd_source: DnndSourceOption = None,
) -> None:
    """Tạo một kho kế hoạch trống để điền tay."""
    from dnnd.authoring.ci_workflow import installed_source
    from dnnd.authoring.new_repository import init_repository
    from dnnd.output import messages

    source = dnnd_source or installed_source()
    messages.written(init_repository(folder, dt.date.today().isoformat(), source), settings_of(ctx).lang)
    messages.dnnd_source(source, settings_of(ctx).lang)
