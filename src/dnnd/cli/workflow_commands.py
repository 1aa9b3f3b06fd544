"""The commands of the pull-request workflow and of setting up a plan repository.

Agencies scaffold and check their updates (`new-update`, `check-changes`), the focal point keeps the
editor schemas, CODEOWNERS and locks (`schema`, `codeowners`, `lock`, `unlock`) and reads when updates
landed (`log`); `import` and `init` make a repository. Registered on `cli.app`, in the same thin style:
parse the options, call one core function, render the result.
"""

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dnnd.cli.app import AgencyOption, Format, FormatOption, QuarterOption, app, open_repository, settings_of
from dnnd.i18n import Text


@app.command("new-update")
def new_update(
    ctx: typer.Context,
    agency: Annotated[str, typer.Option("--agency", help="Mã cơ quan báo cáo, ví dụ lhhn.")],
    quarter: Annotated[str, typer.Option("--quarter", help="Quý báo cáo, ví dụ 2020-Q3.")],
) -> None:
    """Tạo sẵn tệp báo cáo quý của một cơ quan với các nhiệm vụ của nó (Scaffold an agency's quarterly update)."""
    from dnnd.authoring.new_update import new_update as scaffold
    from dnnd.output import messages as render_actions

    render_actions.scaffolded(scaffold(open_repository(ctx), agency, quarter), settings_of(ctx).lang)


@app.command()
def schema(ctx: typer.Context) -> None:
    """Ghi JSON Schema của các loại tệp vào schema/ để trình soạn thảo gợi ý (Write the editor schemas)."""
    from dnnd.authoring.json_schemas import write_schemas
    from dnnd.load.layout import find_root
    from dnnd.output import messages as render_actions

    render_actions.written(write_schemas(find_root(Path.cwd(), settings_of(ctx).repo)), settings_of(ctx).lang)


@app.command()
def codeowners(ctx: typer.Context) -> None:
    """Ghi .github/CODEOWNERS từ reviewers của các cơ quan (Write CODEOWNERS from the agencies' reviewers)."""
    from dnnd.authoring.codeowners import write_codeowners
    from dnnd.output import messages as render_actions

    render_actions.written([write_codeowners(open_repository(ctx))], settings_of(ctx).lang)


class ChangesFormat(StrEnum):
    text = "text"
    github = "github"


@app.command("check-changes")
def check_changes(
    ctx: typer.Context,
    base: Annotated[str, typer.Option("--base", help="Nhánh hoặc commit gốc của pull request, ví dụ origin/main.")],
    agency: Annotated[
        str | None,
        typer.Option("--agency", help="Cơ quan gửi pull request: mọi tệp thay đổi phải thuộc thư mục của nó."),
    ] = None,
    format: Annotated[
        ChangesFormat, typer.Option("--format", help="text, hoặc github (chú thích cho GitHub Actions).")
    ] = ChangesFormat.text,
) -> None:
    """Kiểm tra một pull request: hợp lệ, đúng cơ quan, không sửa kỳ đã khóa (Check a pull request's changes)."""
    from dnnd.load.layout import find_root
    from dnnd.output import messages as render_actions
    from dnnd.workflow.pull_requests import check_changes as check

    report = check(find_root(Path.cwd(), settings_of(ctx).repo), base, agency)
    render_actions.changes(report, format.value, settings_of(ctx).lang)
    if report.failed:
        raise typer.Exit(1)


PeriodArgument = Annotated[str, typer.Argument(help="Kỳ: quý 2020-Q3, sáu tháng 2020-H1 hoặc năm 2020.")]


@app.command()
def lock(
    ctx: typer.Context,
    period: PeriodArgument,
    note: Annotated[str | None, typer.Option("--note", help="Ghi chú, ví dụ số báo cáo đã ban hành.")] = None,
) -> None:
    """Ghi nhận kỳ đã ban hành báo cáo: báo cáo các quý trong kỳ không được sửa nữa (Lock an issued period)."""
    from dnnd.output import messages as render_actions
    from dnnd.workflow import locks

    repo = open_repository(ctx)
    render_actions.locked(locks.lock(repo.root, period, dt.date.today(), note), settings_of(ctx).lang)


@app.command()
def unlock(ctx: typer.Context, period: PeriodArgument) -> None:
    """Mở khóa một kỳ (chỉ cơ quan đầu mối): báo cáo các quý trong kỳ lại được sửa (Unlock a period)."""
    from dnnd.output import messages as render_actions
    from dnnd.workflow import locks

    repo = open_repository(ctx)
    render_actions.unlocked(*locks.unlock(repo.root, period), settings_of(ctx).lang)


@app.command()
def log(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    agency: AgencyOption = None,
    branch: Annotated[
        str | None, typer.Option("--branch", help="Nhánh chính của kho (mặc định: main, nếu không có thì master).")
    ] = None,
    format: FormatOption = Format.table,
) -> None:
    """Khi nào mỗi báo cáo vào nhánh chính, sửa lần cuối khi nào, bởi ai, có muộn không (When updates landed)."""
    from dnnd.evaluate.status_report import check_agency
    from dnnd.output import messages as render_actions
    from dnnd.plan.periods import parse_period
    from dnnd.workflow.history import submissions

    repo = open_repository(ctx)
    check_agency(repo, agency)
    wanted = parse_period(quarter, "quarter") if quarter is not None else None
    if quarter is not None and wanted is None:
        from dnnd.errors import UsageError

        raise UsageError(
            Text(
                f"--quarter '{quarter}' không đúng dạng; ví dụ: --quarter 2020-Q3",
                f"--quarter '{quarter}' is not valid; for example: --quarter 2020-Q3",
            )
        )
    found = [
        item
        for item in submissions(repo, branch)
        if (wanted is None or item.quarter == wanted) and (agency is None or item.agency == agency)
    ]
    render_actions.history(repo, found, format.value, settings_of(ctx).lang)


@app.command("import")
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
) -> None:
    """Tạo kho kế hoạch từ văn bản quyết định và báo những gì chưa hiểu (Import a plan from a decision document)."""
    from dnnd.authoring.importing.build import import_decision
    from dnnd.output import messages as render_actions

    result = import_decision(document, out, agencies)
    render_actions.imported(result, settings_of(ctx).lang)
    if result.problems:
        raise typer.Exit(1)


@app.command()
def init(ctx: typer.Context, folder: Annotated[Path, typer.Argument(help="Thư mục của kho kế hoạch mới.")]) -> None:
    """Tạo một kho kế hoạch trống để điền tay (Create an empty plan repository to fill in)."""
    from dnnd.authoring.new_repository import init_repository
    from dnnd.output import messages as render_actions

    render_actions.written(init_repository(folder, dt.date.today().isoformat()), settings_of(ctx).lang)
