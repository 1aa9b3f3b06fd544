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

from dnnd.errors_cli import DnndGroup
from dnnd.i18n import LANGUAGES, Text, default_language

if TYPE_CHECKING:
    from dnnd.repository import Repository
    from dnnd.status import PeriodChoice


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


def _settings(ctx: typer.Context) -> Settings:
    settings = ctx.find_object(Settings)
    assert settings is not None
    return settings


def _open(ctx: typer.Context) -> "Repository":
    from dnnd.repository import load_repository
    from dnnd.state import find_root

    settings = _settings(ctx)
    return load_repository(find_root(Path.cwd(), settings.repo), use_cache=settings.use_cache)


@app.command()
def validate(ctx: typer.Context) -> None:
    """Kiểm tra mọi tệp của kho kế hoạch và liệt kê mọi lỗi (Check every file and list every problem)."""
    from dnnd.errors import DataError
    from dnnd.state import find_root, read_state, recorded_verdict

    settings = _settings(ctx)
    root = find_root(Path.cwd(), settings.repo)
    state = read_state(root, settings.use_cache)
    verdict = recorded_verdict(state)  # the same files as last time: no model to load (it runs on every commit)
    if verdict is None:
        from dnnd.repository import load_repository

        verdict = load_repository(root, use_cache=settings.use_cache, state=state).verdict()
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
    from dnnd.status import PeriodChoice

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
    from dnnd import render
    from dnnd.status import late_for, status_report

    repo = _open(ctx)
    report = status_report(
        repo, _choice(quarter, half, year, as_of), today=dt.date.today(), agency_id=agency, status_code=status
    )
    render.left_out_warning(repo, _settings(ctx).lang)
    render.status(repo, report, format.value, _settings(ctx).lang, late_for(repo, report) if late else None)


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

    from dnnd import render_actions
    from dnnd.rollup import roll_up

    settings = _settings(ctx)
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
    from dnnd import render
    from dnnd.status import late_for, status_report

    repo = _open(ctx)
    report = status_report(repo, _choice(quarter, half, year, as_of), today=dt.date.today(), agency_id=agency)
    render.left_out_warning(repo, _settings(ctx).lang)
    render.missing(repo, report, format.value, _settings(ctx).lang, late_for(repo, report) if late else None)


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
    from dnnd import render, render_actions
    from dnnd.documents import write_report
    from dnnd.report_content import IssueOptions

    repo = _open(ctx)
    render.left_out_warning(repo, _settings(ctx).lang)
    options = IssueOptions(number, _day("--date", date), dt.date.today())
    written = write_report(repo, _choice(quarter, half, year, None), options, output=output, force=force, pdf=pdf)
    render_actions.written(written.paths, _settings(ctx).lang)


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
    from dnnd import render, render_actions
    from dnnd.documents import write_reminder
    from dnnd.report_content import IssueOptions

    repo = _open(ctx)
    render.left_out_warning(repo, _settings(ctx).lang)
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
        render_actions.nobody_missing(written.evaluation.period.name, _settings(ctx).lang)
        return
    render_actions.written(written.paths, _settings(ctx).lang)


@app.command("new-update")
def new_update(
    ctx: typer.Context,
    agency: Annotated[str, typer.Option("--agency", help="Mã cơ quan báo cáo, ví dụ lhhn.")],
    quarter: Annotated[str, typer.Option("--quarter", help="Quý báo cáo, ví dụ 2020-Q3.")],
) -> None:
    """Tạo sẵn tệp báo cáo quý của một cơ quan với các nhiệm vụ của nó (Scaffold an agency's quarterly update)."""
    from dnnd import render_actions
    from dnnd.scaffold import new_update as scaffold

    render_actions.scaffolded(scaffold(_open(ctx), agency, quarter), _settings(ctx).lang)


@app.command()
def schema(ctx: typer.Context) -> None:
    """Ghi JSON Schema của các loại tệp vào schema/ để trình soạn thảo gợi ý (Write the editor schemas)."""
    from dnnd import render_actions
    from dnnd.schema import write_schemas
    from dnnd.state import find_root

    render_actions.written(write_schemas(find_root(Path.cwd(), _settings(ctx).repo)), _settings(ctx).lang)


@app.command()
def codeowners(ctx: typer.Context) -> None:
    """Ghi .github/CODEOWNERS từ reviewers của các cơ quan (Write CODEOWNERS from the agencies' reviewers)."""
    from dnnd import render_actions
    from dnnd.codeowners import write_codeowners

    render_actions.written([write_codeowners(_open(ctx))], _settings(ctx).lang)


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
    from dnnd import render_actions
    from dnnd.changes import check_changes as check
    from dnnd.state import find_root

    report = check(find_root(Path.cwd(), _settings(ctx).repo), base, agency)
    render_actions.changes(report, format.value, _settings(ctx).lang)
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
    from dnnd import locks, render_actions

    repo = _open(ctx)
    render_actions.locked(locks.lock(repo.root, period, dt.date.today(), note), _settings(ctx).lang)


@app.command()
def unlock(ctx: typer.Context, period: PeriodArgument) -> None:
    """Mở khóa một kỳ (chỉ cơ quan đầu mối): báo cáo các quý trong kỳ lại được sửa (Unlock a period)."""
    from dnnd import locks, render_actions

    repo = _open(ctx)
    render_actions.unlocked(*locks.unlock(repo.root, period), _settings(ctx).lang)


@app.command()
def log(
    ctx: typer.Context,
    quarter: QuarterOption = None,
    agency: AgencyOption = None,
    branch: Annotated[str, typer.Option("--branch", help="Nhánh chính của kho.")] = "main",
    format: FormatOption = Format.table,
) -> None:
    """Khi nào mỗi báo cáo vào nhánh chính, sửa lần cuối khi nào, bởi ai, có muộn không (When updates landed)."""
    from dnnd import render_actions
    from dnnd.history import submissions
    from dnnd.periods import parse_period
    from dnnd.status import check_agency

    repo = _open(ctx)
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
    render_actions.history(repo, found, format.value, _settings(ctx).lang)


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
    from dnnd import render_actions
    from dnnd.importing.build import import_decision

    result = import_decision(document, out, agencies)
    render_actions.imported(result, _settings(ctx).lang)
    if result.problems:
        raise typer.Exit(1)


@app.command()
def init(ctx: typer.Context, folder: Annotated[Path, typer.Argument(help="Thư mục của kho kế hoạch mới.")]) -> None:
    """Tạo một kho kế hoạch trống để điền tay (Create an empty plan repository to fill in)."""
    from dnnd import render_actions
    from dnnd.init import init_repository

    render_actions.written(init_repository(folder, dt.date.today().isoformat()), _settings(ctx).lang)


@app.command()
def tasks(ctx: typer.Context, agency: AgencyOption = None, format: FormatOption = Format.table) -> None:
    """Danh sách nhiệm vụ của kế hoạch (The plan's tasks)."""
    from dnnd import render
    from dnnd.status import task_views

    repo = _open(ctx)
    render.tasks(repo, task_views(repo, agency), format.value, _settings(ctx).lang)


@app.command()
def agencies(ctx: typer.Context, as_of: AsOfOption = None, format: FormatOption = Format.table) -> None:
    """Danh sách cơ quan, đơn vị; với --as-of: các cơ quan đang hoạt động ngày đó, kèm tên cũ (The agencies)."""
    from dnnd import render
    from dnnd.status import agency_records

    repo = _open(ctx)
    render.agencies(repo, agency_records(repo, _day("--as-of", as_of)), format.value, _settings(ctx).lang)


@app.command()
def show(ctx: typer.Context, task: Annotated[int, typer.Argument(help="Số thứ tự (STT) của nhiệm vụ.")]) -> None:
    """Một nhiệm vụ đầy đủ, với mọi báo cáo về nó, mới nhất trước (One task in full, newest reports first)."""
    from dnnd import render
    from dnnd.status import task_view

    repo = _open(ctx)
    view = task_view(repo, task)
    render.left_out_warning(repo, _settings(ctx).lang)
    render.show(repo, view, _settings(ctx).lang)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run a command and turn every error into a message and an exit code."""
    from dnnd.errors_cli import run

    sys.exit(run(app, list(sys.argv[1:] if argv is None else argv)))
