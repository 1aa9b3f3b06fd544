"""The one place that turns errors into output and an exit code (1 data, 2 usage, 3 a bug in dnnd)."""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any

import typer
from typer._click import exceptions as click_exceptions  # typer 0.29 vendors click as typer._click

from dnnd.cli import plain_params
from dnnd.cli.command_table import LazyCommands
from dnnd.cli.help_screens import HelpGroup, set_language
from dnnd.i18n import LANGUAGES, Text, default_language

if TYPE_CHECKING:
    from dnnd.errors import DnndError

BUG_EXIT = 3
INTERRUPTED_EXIT = 130

# click's English usage messages, with the Vietnamese the clerk reads by default.
_CLICK_PHRASES = (
    (r"No such option: (\S+)", r"không có tùy chọn \1"),
    (r"No such command '([^']*)'\.", r"không có lệnh '\1' (danh sách lệnh: dnnd --help)."),
    (r"Missing argument '([^']*)'\.", r"thiếu tham số '\1'"),
    (r"Missing option '([^']*)'\.", r"thiếu tùy chọn '\1'"),
    (r"Option '([^']*)' requires an argument\.", r"tùy chọn '\1' cần một giá trị"),
    (r"Invalid value for '([^']*)': ", r"giá trị không hợp lệ cho '\1': "),
    (r"'([^']*)' is not one of (.*)\.", r"'\1' không phải một trong \2."),
    (r"'([^']*)' is not a valid integer\.", r"'\1' không phải số nguyên."),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", r"thừa tham số: \1"),
    (r"Did you mean ([^?\n]+)\?", r"Có phải ý bạn là \1?"),
    (r"Missing command\.", "thiếu lệnh (danh sách lệnh: dnnd --help)"),
    (r"Option '([^']*)' does not take a value\.", r"tùy chọn '\1' không nhận giá trị"),
    (r"\(Possible options: (.*)\)", r"(các tùy chọn có thể: \1)"),
    (r"Input should be greater than or equal to (\S+)", r"phải từ \1 trở lên"),
    (r"Input should be less than or equal to (\S+)", r"phải nhỏ hơn hoặc bằng \1"),
    (r"Input should be a valid integer, unable to parse string as an integer", "phải là một số nguyên"),
    (r"Input should be a valid integer", "phải là một số nguyên"),
    (r"Value error, ", ""),
)


GLOBAL_OPTIONS = ("--repo", "--lang")
GLOBAL_FLAGS = ("--no-cache",)


def hoist_global_options(args: list[str]) -> list[str]:
    """Let --repo and --lang be written anywhere on the line, as users do, not only before the command."""
    hoisted: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        if arg in GLOBAL_FLAGS or arg.split("=", 1)[0] in GLOBAL_OPTIONS:
            step = 1 if "=" in arg or arg in GLOBAL_FLAGS else 2
            hoisted.extend(args[index : index + step])
            index += step
        else:
            rest.append(arg)
            index += 1
    return hoisted + rest


def _lang(args: list[str]) -> str:
    for index, arg in enumerate(args):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        else:
            continue
        return _known(value) or "vi"
    return default_language()


def _known(value: object) -> str | None:
    """A --lang value as the app reads it (any case, spaces around), if it is a language dnnd speaks."""
    chosen = value.strip().lower() if isinstance(value, str) else None
    return chosen if chosen in LANGUAGES else None


def _usage_text(message: str, lang: str) -> str:
    if lang == "en":
        return message
    for pattern, replacement in _CLICK_PHRASES:
        message = re.sub(pattern, replacement, message)
    return message


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def render_error(error: DnndError, lang: str) -> None:
    """Print a DnndError: every problem of a DataError on its own line, then a count."""
    from dnnd.errors import DataError

    if isinstance(error, DataError):
        for problem in error.problems:
            _say(problem.render(lang))
        files = len({problem.path for problem in error.problems})
        count = len(error.problems)
        _say(
            Text(
                f"Có {count} lỗi trong {files} tệp. Sửa theo hướng dẫn ở từng dòng rồi chạy lại `{error.rerun}`.",
                f"{count} problem(s) in {files} file(s). Fix them as each line says, then run `{error.rerun}`.",
            ).in_(lang)
        )
    else:
        prefix = "Lỗi" if lang != "en" else "Error"
        _say(f"{prefix}: {error.message.in_(lang)}")


def _report_bug(lang: str) -> int:
    import tempfile
    import traceback

    handle, path = tempfile.mkstemp(prefix="dnnd-error-", suffix=".log")
    with os.fdopen(handle, "w", encoding="utf-8") as log:
        log.write(traceback.format_exc())
    _say(
        Text(
            f"Lỗi nội bộ của dnnd (không phải do dữ liệu của bạn). Chi tiết đã ghi vào {path}; "
            "xin gửi tệp này cho người quản trị công cụ.",
            f"Internal error in dnnd (not caused by your data). Details were written to {path}; "
            "please send that file to the tool's maintainers.",
        ).in_(lang)
    )
    return BUG_EXIT


def handle(error: BaseException, lang: str) -> int:
    """Print an error raised while running a command and return its exit code."""
    from dnnd.errors import DnndError  # only when something went wrong: --help need not load it

    if isinstance(error, DnndError):
        render_error(error, lang)
        return error.exit_code
    if isinstance(error, click_exceptions.NoArgsIsHelpError):
        print(error.ctx.get_help() if error.ctx else "")
        return 0
    if isinstance(error, click_exceptions.UsageError):
        usage = error.ctx.get_usage() if error.ctx else ""  # in the language of the run (help_screens)
        hint = f"\n{usage}" if usage else ""
        prefix = "Lỗi" if lang != "en" else "Error"
        _say(f"{prefix}: {_usage_text(error.format_message(), lang)}{hint}")
        return 2
    if isinstance(error, click_exceptions.ClickException):
        _say(error.format_message())
        return error.exit_code
    if isinstance(error, BrokenPipeError):  # the reader of our output left: stop quietly, as git does
        from dnnd.cli import terminal

        terminal.silence_stdout()
        return terminal.PIPE_CLOSED_EXIT
    return _report_bug(lang)


def interrupted(lang: str) -> int:
    """Ctrl-C: one line, and the exit code of an interrupted program."""
    _say(Text("Đã dừng (Ctrl-C).", "Stopped (Ctrl-C).").in_(lang))
    return INTERRUPTED_EXIT


class DnndGroup(HelpGroup):
    """The command group: global options anywhere on the line, help in the language asked for, and every
    error through `handle`. Its commands are built on first use (`command_table`)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands: LazyCommands = LazyCommands()  # type: ignore[assignment]

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # typer's reads every (name, command) pair, which would build them all

    def summary(self, name: str, lang: str) -> str | None:
        return self.commands.summary(name, lang)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        lang = _lang(args)
        set_language(ctx, lang)  # before --help is answered, wherever --lang stands
        plain_params.install(self, ctx)  # before any option is coerced
        try:
            return super().parse_args(ctx, hoist_global_options(args))
        except click_exceptions.UsageError as error:  # as `run` says it, also when the app runs directly
            raise typer.Exit(handle(error, lang)) from None

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:
            plain_params.install(command, ctx)  # only the command that runs
        return name, command, rest

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            raise typer.Exit(interrupted(_context_lang(ctx))) from None
        except Exception as error:
            raise typer.Exit(handle(error, _context_lang(ctx))) from None


def _context_lang(ctx: Any) -> str:
    """The language asked for; an unknown command fails before the callback has read --lang into ctx.obj."""
    settings, given = ctx.obj, ctx.params.get("lang")
    return getattr(settings, "lang", None) or _known(given) or default_language()


def _speaks_vietnamese() -> bool:
    """Whether standard output and error can both encode Vietnamese letters."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                "Đã hoàn thành đúng hạn".encode(getattr(stream, "encoding", None) or "utf-8")
        except (UnicodeEncodeError, LookupError):
            return False
    return True


def run(app: typer.Typer, args: list[str]) -> int:
    """Run the typer app on `args` and return the exit code; nothing escapes as a traceback, and nothing
    fails on the terminal's encoding."""
    if not _speaks_vietnamese():
        from dnnd.cli import terminal  # only for a terminal that cannot show Vietnamese

        terminal.prepare_streams()
        _say(terminal.NOTE.in_(_lang(args)))
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="dnnd", standalone_mode=False)
    except typer.Exit as exit_:
        return exit_.exit_code
    except (typer.Abort, KeyboardInterrupt):
        return interrupted(_lang(args))
    except Exception as error:
        return handle(error, _lang(args))
    return result if isinstance(result, int) else 0
