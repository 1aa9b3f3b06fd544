"""The command line: each command parses its options, calls one core function and renders the result.

Core modules are imported inside the commands so that `dnnd --help` starts as fast as typer allows.

Annotations are real objects, not strings (no `from __future__ import annotations`): typer reads every
command's signature on each run, and evaluating string annotations cost more than all of dnnd's imports.
"""

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dnnd.cli.error_handling import DnndGroup
from dnnd.i18n import LANGUAGES, Text, default_language

if TYPE_CHECKING:
    from dnnd.evaluate.status_report import PeriodChoice
    from dnnd.repository import Repository


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class Settings:
    """Options that apply to every command."""

    def __init__(self, repo: Path | None, lang: str, use_cache: bool = True) -> None:
        self.repo = repo
        self.lang = lang
        self.use_cache = use_cache


app = typer.Typer(
    cls=DnndGroup,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="dnnd: theo dõi kế hoạch đối ngoại nhân dân từ kho git (Track a people-to-people diplomacy plan in git).",
)

RepoOption = Annotated[
    Path | None,
    typer.Option("--repo", help="Thư mục kho kế hoạch (mặc định: tìm plan/plan.yaml từ thư mục hiện tại trở lên)."),
]
LangOption = Annotated[str | None, typer.Option("--lang", help="Ngôn ngữ: vi (mặc định) hoặc en.")]
AgencyOption = Annotated[
    str | None, typer.Option("--agency", help="Chỉ các nhiệm vụ mà cơ quan này chủ trì hoặc phối hợp.")
]
FormatOption = Annotated[Format, typer.Option("--format", help="Dạng kết quả: table, json hoặc csv.")]


@app.callback()
def _options(
    ctx: typer.Context,
    repo: RepoOption = None,
    lang: LangOption = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm trong .git/ (hoặc đặt DNND_NO_CACHE=1).")
    ] = False,
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


def settings_of(ctx: typer.Context) -> Settings:
    settings = ctx.find_object(Settings)
    assert settings is not None
    return settings


def open_repository(ctx: typer.Context) -> "Repository":
    from dnnd.load.layout import find_root
    from dnnd.repository import load_repository

    settings = settings_of(ctx)
    return load_repository(find_root(Path.cwd(), settings.repo), use_cache=settings.use_cache)


@app.command()
def validate(ctx: typer.Context) -> None:
    """Kiểm tra mọi tệp của kho kế hoạch và liệt kê mọi lỗi (Check every file and list every problem)."""
    from dnnd.errors import DataError
    from dnnd.load.layout import find_root
    from dnnd.repository import validate_repository

    settings = settings_of(ctx)
    verdict = validate_repository(find_root(Path.cwd(), settings.repo), use_cache=settings.use_cache)
    if verdict.problems:
        raise DataError(verdict.problems)
    lang = settings.lang  # plain text: validate runs on every commit, and rich would double its start-up
    for problem in verdict.warnings:
        print(f"{Text('Cảnh báo', 'Warning').in_(lang)}: {problem.render(lang)}", file=sys.stderr)
    tasks, agencies, updates = verdict.tasks, verdict.agencies, verdict.files
    print(
        Text(
            f"Hợp lệ: {tasks} nhiệm vụ, {agencies} cơ quan, {updates} tệp báo cáo; không có lỗi.",
            f"Valid: {tasks} tasks, {agencies} agencies, {updates} update files; no problems.",
        ).in_(lang)
    )


QuarterOption = Annotated[str | None, typer.Option("--quarter", help="Quý, ví dụ 2020-Q3.")]
HalfOption = Annotated[str | None, typer.Option("--half", help="Sáu tháng, ví dụ 2020-H1.")]
YearOption = Annotated[str | None, typer.Option("--year", help="Năm, ví dụ 2020.")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Tính đến ngày này (YYYY-MM-DD).")]


LateOption = Annotated[
    bool, typer.Option("--late", help="Cho biết báo cáo nào vào nhánh chính muộn (đọc lịch sử git, nhánh main).")
]


def _choice(quarter: str | None, half: str | None, year: str | None, as_of: str | None) -> "PeriodChoice":
    from dnnd.evaluate.status_report import PeriodChoice

    return PeriodChoice(quarter, half, year, _day("--as-of", as_of))


@app.command()
def status(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    agency: AgencyOption = None,
    late: LateOption = False,
    status: Annotated[
        str | None, typer.Option("--status", help="Chỉ các nhiệm vụ có tình trạng này, ví dụ overdue.")
    ] = None,
    format: FormatOption = Format.table,
) -> None:
    """Tình trạng các nhiệm vụ trong kỳ: hạn, hoàn thành, quá hạn, ai chưa báo cáo (Task status for a period)."""
    from dnnd.evaluate.status_report import late_for, status_report
    from dnnd.output import tables as render

    repo = open_repository(ctx)
    report = status_report(
        repo, _choice(quarter, half, year, as_of), today=dt.date.today(), agency_id=agency, status_code=status
    )
    render.left_out_warning(repo, settings_of(ctx).lang)
    render.status(repo, report, format.value, settings_of(ctx).lang, late_for(repo, report) if late else None)


@app.command()
def rollup(
    ctx: typer.Context,
    directories: Annotated[
        list[Path], typer.Argument(help="Thư mục kho kế hoạch của từng tỉnh (bản clone, ví dụ git submodule).")
    ],
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Tổng hợp toàn quốc từ kho kế hoạch của nhiều tỉnh: tình trạng, cơ quan chưa báo cáo (National roll-up)."""
    import threading

    from rich.console import Console
    from rich.progress import Progress

    from dnnd.evaluate.rollup import roll_up
    from dnnd.output import messages as render_actions

    settings = settings_of(ctx)
    progress = Progress(console=Console(stderr=True), transient=True)
    bar = progress.add_task(Text("Đang đọc các kho", "Reading repositories").in_(settings.lang), total=len(directories))
    timer = threading.Timer(0.5, progress.start)  # a bar only when it takes more than a moment
    timer.daemon = True
    if len(directories) > 1 and sys.stderr.isatty():
        timer.start()
    try:
        result = roll_up(
            directories,
            _choice(quarter, half, year, as_of),
            today=dt.date.today(),
            use_cache=settings.use_cache,
            done=lambda _: progress.advance(bar),
        )
    finally:
        timer.cancel()
        if timer.is_alive():
            timer.join()
        progress.stop()
    render_actions.rollup(result, format.value, settings.lang)
    if result.failed:
        raise typer.Exit(1)


@app.command()
def missing(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    agency: AgencyOption = None,
    late: LateOption = False,
    format: FormatOption = Format.table,
) -> None:
    """Cơ quan nào chưa báo cáo nhiệm vụ nào trong kỳ, để đôn đốc (Who has not reported, to urge them)."""
    from dnnd.evaluate.status_report import late_for, status_report
    from dnnd.output import tables as render

    repo = open_repository(ctx)
    report = status_report(repo, _choice(quarter, half, year, as_of), today=dt.date.today(), agency_id=agency)
    render.left_out_warning(repo, settings_of(ctx).lang)
    render.missing(repo, report, format.value, settings_of(ctx).lang, late_for(repo, report) if late else None)


DateOption = Annotated[
    str | None, typer.Option("--date", help="Ngày ban hành văn bản (YYYY-MM-DD); bỏ trống để văn thư điền.")
]
NumberOption = Annotated[
    int | None, typer.Option("--number", min=1, help="Số văn bản do văn thư cấp; bỏ trống để điền sau.")
]
OutputOption = Annotated[
    Path | None, typer.Option("-o", "--output", help="Tệp .docx sẽ ghi (mặc định trong reports/).")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")]


def _day(option: str, value: str | None) -> dt.date | None:
    from dnnd.errors import UsageError

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            Text(
                f"{option} '{value}' không phải ngày dạng YYYY-MM-DD, ví dụ 2020-12-16",
                f"{option} '{value}' is not a date YYYY-MM-DD, e.g. 2020-12-16",
            )
        ) from None


@app.command()
def report(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    date: DateOption = None,
    number: NumberOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Chuyển thêm sang PDF bằng LibreOffice.")] = False,
) -> None:
    """Báo cáo quý, 6 tháng hoặc năm ra tệp Word theo Nghị định 30/2020/NĐ-CP (The report as a Word document)."""
    from dnnd.documents.issue import write_report
    from dnnd.documents.report_content import IssueOptions
    from dnnd.output import messages as render_actions
    from dnnd.output import tables as render

    repo = open_repository(ctx)
    render.left_out_warning(repo, settings_of(ctx).lang)
    options = IssueOptions(number, _day("--date", date), dt.date.today())
    written = write_report(repo, _choice(quarter, half, year, None), options, output=output, force=force, pdf=pdf)
    render_actions.written(written.paths, settings_of(ctx).lang)


@app.command()
def remind(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    half: HalfOption = None,
    year: YearOption = None,
    date: DateOption = None,
    number: NumberOption = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", help="Hạn gửi báo cáo (YYYY-MM-DD); mặc định 7 ngày sau ngày văn bản.")
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Công văn đôn đốc các cơ quan chưa báo cáo (The reminder letter to agencies that have not reported)."""
    from dnnd.documents.issue import write_reminder
    from dnnd.documents.report_content import IssueOptions
    from dnnd.output import messages as render_actions
    from dnnd.output import tables as render

    repo = open_repository(ctx)
    render.left_out_warning(repo, settings_of(ctx).lang)
    options = IssueOptions(number, _day("--date", date), dt.date.today())
    written = write_reminder(
        repo,
        _choice(quarter, half, year, None),
        options,
        deadline=_day("--deadline", deadline),
        output=output,
        force=force,
    )
    if not written.paths:
        render_actions.nobody_missing(written.evaluation.period.name, settings_of(ctx).lang)
        return
    render_actions.written(written.paths, settings_of(ctx).lang)


# The pull-request workflow and repository set-up commands live in cli_workflow.py; importing it here
# registers them on `app` in this place of the help's list.
from dnnd.cli import workflow_commands as cli_workflow  # noqa: E402, F401


@app.command()
def tasks(ctx: typer.Context, agency: AgencyOption = None, format: FormatOption = Format.table) -> None:
    """Danh sách nhiệm vụ của kế hoạch (The plan's tasks)."""
    from dnnd.evaluate.status_report import task_views
    from dnnd.output import tables as render

    repo = open_repository(ctx)
    render.tasks(repo, task_views(repo, agency), format.value, settings_of(ctx).lang)


@app.command()
def agencies(ctx: typer.Context, as_of: AsOfOption = None, format: FormatOption = Format.table) -> None:
    """Danh sách cơ quan, đơn vị; với --as-of: các cơ quan đang hoạt động ngày đó, kèm tên cũ (The agencies)."""
    from dnnd.evaluate.status_report import agency_records
    from dnnd.output import tables as render

    repo = open_repository(ctx)
    render.agencies(repo, agency_records(repo, _day("--as-of", as_of)), format.value, settings_of(ctx).lang)


@app.command()
def show(ctx: typer.Context, task: Annotated[int, typer.Argument(help="Số thứ tự (STT) của nhiệm vụ.")]) -> None:
    """Một nhiệm vụ đầy đủ, với mọi báo cáo về nó, mới nhất trước (One task in full, newest reports first)."""
    from dnnd.evaluate.status_report import task_view
    from dnnd.output import tables as render

    repo = open_repository(ctx)
    view = task_view(repo, task)
    render.left_out_warning(repo, settings_of(ctx).lang)
    render.show(repo, view, settings_of(ctx).lang)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run a command and turn every error into a message and an exit code."""
    from dnnd.cli.error_handling import run

    sys.exit(run(app, list(sys.argv[1:] if argv is None else argv)))
