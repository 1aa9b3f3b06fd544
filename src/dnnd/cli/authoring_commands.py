"""The commands that write repository files: an agency's new update, the editor schemas, CODEOWNERS, and a
whole new plan repository (imported from a decision, or empty)."""

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from dnnd.cli.context import open_repository, repository_root, settings_of
from dnnd.cli.options import AsOfOption, day, quarter_of


def new_update(
    ctx: typer.Context,
    agency: Annotated[str, typer.Option("--agency", help="Mã cơ quan báo cáo, ví dụ lhhn.")],
    quarter: Annotated[
        str | None, typer.Option("--quarter", help="Quý báo cáo, ví dụ 2020-Q3; mặc định: kỳ đang báo cáo.")
    ] = None,
    as_of: AsOfOption = None,
) -> None:
    """Tạo sẵn tệp báo cáo quý của một cơ quan với các nhiệm vụ của nó (Scaffold an agency's quarterly update)."""
    from dnnd.authoring.new_update import new_update as scaffold
    from dnnd.output import messages

    repo = open_repository(ctx)
    written = scaffold(repo, agency, quarter_of(quarter), as_of=day("--as-of", as_of))
    messages.scaffolded(written, settings_of(ctx).lang)


def schema(ctx: typer.Context) -> None:
    """Ghi JSON Schema của các loại tệp vào schema/ để trình soạn thảo gợi ý (Write the editor schemas)."""
    from dnnd.authoring.json_schemas import write_schemas
    from dnnd.output import messages

    messages.written(write_schemas(repository_root(ctx)), settings_of(ctx).lang)


def codeowners(ctx: typer.Context) -> None:
    """Ghi .github/CODEOWNERS từ reviewers của các cơ quan (Write CODEOWNERS from the agencies' reviewers)."""
    from dnnd.authoring.codeowners import write_codeowners
    from dnnd.output import messages

    messages.written([write_codeowners(open_repository(ctx))], settings_of(ctx).lang)


DnndSourceOption = Annotated[
    str | None,
    typer.Option(
        "--dnnd-source",
        help="Nguồn cài dnnd cho GitHub Actions (pip: URL git+https://…@phiên bản, hoặc thư mục); mặc định: nơi "
        "dnnd đang chạy được cài, nếu là URL git.",
    ),
]


def import_(
    ctx: typer.Context,
    document: Annotated[Path, typer.Argument(help="Quyết định: .docx, .doc, .pdf (có lớp chữ), .txt hoặc .md.")],
    out: Annotated[Path, typer.Option("--out", help="Thư mục của kho kế hoạch mới.")],
    agencies: Annotated[
        Path | None,
        typer.Option(
            "--agencies",
            help="Danh mục cơ quan để đối chiếu tên (mặc định: plan/agencies.yaml của kho hiện tại, nếu có).",
        ),
    ] = None,
    dnnd_source: DnndSourceOption = None,
) -> None:
    """Tạo kho kế hoạch từ văn bản quyết định và báo những gì chưa hiểu (Import a plan from a decision document)."""
    from dnnd.authoring.ci_workflow import installed_source
    from dnnd.authoring.importing.build import import_decision
    from dnnd.output import messages

    source = dnnd_source or installed_source()
    result = import_decision(document, out, agencies, source)
    messages.imported(result, settings_of(ctx).lang)
    messages.dnnd_source(source, settings_of(ctx).lang)
    if result.problems:
        raise typer.Exit(1)


def init(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="Thư mục của kho kế hoạch mới.")],
    dnnd_source: DnndSourceOption = None,
) -> None:
    """Tạo một kho kế hoạch trống để điền tay (Create an empty plan repository to fill in)."""
    from dnnd.authoring.ci_workflow import installed_source
    from dnnd.authoring.new_repository import init_repository
    from dnnd.output import messages

    source = dnnd_source or installed_source()
    messages.written(init_repository(folder, dt.date.today().isoformat(), source), settings_of(ctx).lang)
    messages.dnnd_source(source, settings_of(ctx).lang)
