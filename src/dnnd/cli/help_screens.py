"""Help screens in the reader's language: Vietnamese by default, English with --lang en or DNND_LANG=en.

Two kinds of text make a help screen, and each gets its second language in one place:

- dnnd's own texts: the help of the app, of each command, of each option and argument. Each is written
  once, in both languages, where it is declared: an option's `help=bilingual(Text(vi, en))`, a command's
  Vietnamese docstring under `@english("...")`. typer keeps the Vietnamese, as it always did; the English
  waits in a registry keyed by that Vietnamese text, so no command branches on the language. A text
  written without them stays Vietnamese under --lang en; a unit test asks every text of the app for both.
- the words of typer's vendored click ("Usage:", "Options", "[default: …]", "Show this message and
  exit."). click's strings here are plain literals (typer 0.29 vendors click without its gettext calls)
  and typer's few `gettext` calls read the process-wide catalogue, so installing a translation would need
  a compiled catalogue, global gettext state, and would still miss "Usage:". Instead dnnd's commands and
  group (`DnndCommand`, `DnndGroup`) override the click methods that write a help screen and a usage line
  (`format_usage`, `format_help_text`, `format_options`, the group's `format_commands`), call typer for
  each option's line as before, and put click's words through `WORDS` on the way; a word typer stops
  writing is left as typer wrote it. Option and argument names and typer's notation of their values
  (`--quarter <str>`, `{task}`, `[x>=1]`) are the same in both languages, as the names one types are.

The language is read from the command line (--lang anywhere on it, else DNND_LANG) when the group parses
its arguments, and kept in the context's `meta`, which click shares with every sub-command's context: so
`--help`, which click answers before any callback runs, and the usage line under an error both know it.
Nothing here is heavy or lazy: `dnnd --help` pays for a dict and three classes.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from typer import _click as click  # typer 0.29 vendors click as typer._click
from typer._click.utils import make_default_short_help
from typer.core import TyperCommand, TyperGroup

from dnnd.i18n import Text, default_language

F = TypeVar("F", bound=Callable[..., Any])

LANGUAGE_KEY = "dnnd.lang"

USAGE = Text("Cách dùng: ", "Usage: ")
ARGUMENTS = Text("Tham số", "Arguments")
OPTIONS = Text("Tùy chọn", "Options")
COMMANDS = Text("Lệnh", "Commands")
# click's words, as typer writes them, in the usage line and in the brackets after an option's help.
WORDS = {
    "[OPTIONS]": Text("[TÙY CHỌN]", "[OPTIONS]"),
    "COMMAND [ARGS]...": Text("LỆNH [THAM SỐ]...", "COMMAND [ARGS]..."),
    "default": Text("mặc định", "default"),
    "required": Text("bắt buộc", "required"),
    "env var": Text("biến môi trường", "env var"),
}

_HELP: dict[str, Text] = {
    "Show this message and exit.": Text("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
}


def bilingual(text: Text) -> str:
    """The help of an option, an argument or the app: its Vietnamese, which typer keeps and shows, with its
    English remembered for --lang en."""
    _HELP[inspect.cleandoc(text.vi)] = text
    return text.vi


def english(text: str) -> Callable[[F], F]:
    """A command's help in English; its docstring is the help in Vietnamese."""

    def register(command: F) -> F:
        vietnamese = inspect.getdoc(command)
        if not vietnamese:
            raise TypeError(f"{command.__name__} has no docstring to be its help in Vietnamese")
        _HELP[vietnamese] = Text(vietnamese, text)
        return command

    return register


def translated(help: str, lang: str) -> str:
    """A help text as typer holds it (dnnd's in Vietnamese, click's in English), in `lang`; unchanged when
    it was not registered."""
    found = _HELP.get(inspect.cleandoc(help))
    return help if found is None else found.in_(lang)


def known(help: str) -> bool:
    """Whether a help text has both its languages."""
    return inspect.cleandoc(help) in _HELP


def set_language(ctx: click.Context, lang: str) -> None:
    """The language of every help screen and usage line of this run (sub-commands share `meta`)."""
    ctx.meta[LANGUAGE_KEY] = lang


def language(ctx: click.Context) -> str:
    found = ctx.meta.get(LANGUAGE_KEY)
    return found if isinstance(found, str) else default_language()


def _word(word: str, lang: str) -> str:
    found = WORDS.get(word)
    return word if found is None else found.in_(lang)


def _extras(extras: str, lang: str) -> str:
    """typer's bracket after an option's help, "[default: table; required]", with its words in `lang`."""
    if not (extras.startswith("[") and extras.endswith("]")):
        return extras
    parts = []
    for part in extras[1:-1].split("; "):
        head, colon, rest = part.partition(": ")
        parts.append(_word(head, lang) + colon + rest)
    return "[" + "; ".join(parts) + "]"


def help_record(param: click.Parameter, ctx: click.Context, lang: str) -> tuple[str, str] | None:
    """typer's line of an option or argument in the help, its help and typer's bracket in `lang`."""
    record = param.get_help_record(ctx)
    if record is None:
        return None
    term, text = record
    own = getattr(param, "help", None) or ""
    if not text.startswith(own):  # not the layout typer 0.29 writes: leave the line as typer wrote it
        return record
    help, extras = translated(own, lang) if own else "", _extras(text[len(own) :].strip(), lang)
    return term, f"{help}  {extras}" if help and extras else help or extras


class HelpInLanguage(click.Command):
    """What dnnd's commands and group write in a help screen and a usage line, in the reader's language."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = language(ctx)
        pieces = " ".join(_word(piece, lang) for piece in self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=USAGE.in_(lang))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = translated(self.help, language(ctx)).partition("\f")[0] if self.help else ""
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(inspect.cleandoc(text))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = language(ctx)
        sections: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):
            record = help_record(param, ctx, lang)
            if record is not None and param.param_type_name in sections:
                sections[param.param_type_name].append(record)
        for title, rows in ((ARGUMENTS, sections["argument"]), (OPTIONS, sections["option"])):
            if rows:
                with formatter.section(title.in_(lang)):
                    formatter.write_dl(rows)


class DnndCommand(HelpInLanguage, TyperCommand):
    """A dnnd command: typer's command, its help in the reader's language."""


class HelpGroup(HelpInLanguage, TyperGroup):
    """typer's group, its help and its list of commands in the reader's language."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = language(ctx)
        summaries = [(name, self.summary(name, lang)) for name in self.list_commands(ctx)]
        shown = [(name, summary) for name, summary in summaries if summary is not None]
        if not shown:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in shown)  # as click leaves room
        rows = [(name, make_default_short_help(summary, limit)) for name, summary in shown]
        with formatter.section(COMMANDS.in_(lang)):
            formatter.write_dl(rows)

    def summary(self, name: str, lang: str) -> str | None:
        """A command's help in `lang`, of which the list shows the first sentence; None for a hidden one."""
        command = self.commands[name]
        return None if command.hidden else translated(command.help or "", lang)
