"""Help screens in the reader's language: dnnd's texts from their registry, click's words from `WORDS`."""

from __future__ import annotations

import inspect
from typing import Annotated

import pytest
import typer

from dnnd.cli.app import app
from dnnd.cli.help_screens import DnndCommand, HelpGroup, bilingual, english, known, language, set_language, translated
from dnnd.i18n import Text


def sample_help(lang: str, command: str | None = None) -> str:
    """The help of a small app made the way dnnd's is, with `lang` set as the group sets it."""
    sample = typer.Typer(
        cls=HelpGroup, add_completion=False, rich_markup_mode=None, help=bilingual(Text("Ứng dụng thử.", "A test app."))
    )

    @sample.command("greet", cls=DnndCommand)
    @english("Greet someone.")
    def greet(
        name: Annotated[str, typer.Argument(help=bilingual(Text("Tên người.", "Whose name.")))],
        style: Annotated[str, typer.Option("--style", help=bilingual(Text("Kiểu chào.", "How to greet.")))] = "vui",
    ) -> None:
        """Chào một người."""

    @sample.callback()
    def options() -> None: ...

    group = typer.main.get_command(sample)
    ctx = typer.Context(group, info_name="thu")
    set_language(ctx, lang)
    if command is None:
        return group.get_help(ctx)
    sub = group.commands[command]  # type: ignore[attr-defined]
    return sub.get_help(typer.Context(sub, info_name=command, parent=ctx))


def test_bilingual_keeps_the_vietnamese_for_typer_and_remembers_the_english() -> None:
    assert bilingual(Text("Quý báo cáo thử.", "A test quarter.")) == "Quý báo cáo thử."
    assert translated("Quý báo cáo thử.", "en") == "A test quarter."
    assert translated("Quý báo cáo thử.", "vi") == "Quý báo cáo thử."
    assert translated("Show this message and exit.", "vi") == "Hiện hướng dẫn này rồi thoát."
    assert translated("Chưa đăng ký.", "en") == "Chưa đăng ký."  # unknown: left as typer holds it
    assert not known("Chưa đăng ký.")


def test_english_registers_a_commands_docstring_and_needs_one() -> None:
    @english("Does nothing.")
    def nothing() -> None:
        """Không làm gì.

        Dòng thứ hai."""

    assert translated(inspect.getdoc(nothing) or "", "en") == "Does nothing."
    with pytest.raises(TypeError, match="no docstring"):
        english("Undocumented.")(lambda: None)


def test_a_group_help_is_vietnamese_by_default_english_on_request() -> None:
    vietnamese = sample_help("vi")
    assert vietnamese.startswith("Cách dùng: thu [TÙY CHỌN] LỆNH [THAM SỐ]...\n\n  Ứng dụng thử.\n")
    assert "\nTùy chọn:\n  --help  Hiện hướng dẫn này rồi thoát.\n" in vietnamese
    assert "\nLệnh:\n  greet  Chào một người.\n" in vietnamese + "\n"
    english_help = sample_help("en")
    assert english_help.startswith("Usage: thu [OPTIONS] COMMAND [ARGS]...\n\n  A test app.\n")
    assert "\nOptions:\n  --help  Show this message and exit.\n" in english_help
    assert "\nCommands:\n  greet  Greet someone." in english_help


def test_a_commands_arguments_options_and_typers_brackets_follow_the_language() -> None:
    vietnamese = sample_help("vi", "greet")
    assert "Cách dùng: thu greet [TÙY CHỌN] {name}" in vietnamese
    assert "\nTham số:\n  name <str>  Tên người.  [bắt buộc]\n" in vietnamese
    assert "--style <str>  Kiểu chào.  [mặc định: vui]" in vietnamese
    english_help = sample_help("en", "greet")
    assert "Usage: thu greet [OPTIONS] {name}\n\n  Greet someone.\n" in english_help
    assert "\nArguments:\n  name <str>  Whose name.  [required]\n" in english_help
    assert "--style <str>  How to greet.  [default: vui]" in english_help


def test_the_language_is_dnnd_lang_when_the_command_line_did_not_set_it(monkeypatch: pytest.MonkeyPatch) -> None:
    group = typer.main.get_command(app)
    monkeypatch.setenv("DNND_LANG", "en")
    assert language(typer.Context(group)) == "en"
    monkeypatch.delenv("DNND_LANG")
    assert language(typer.Context(group)) == "vi"


def test_every_help_text_of_dnnd_has_both_languages() -> None:
    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    texts = {"dnnd": group.help or ""}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        texts[name] = command.help or ""
        for param in [*command.params, *group.params]:
            texts[f"{name} {param.name}"] = getattr(param, "help", None) or ""
    assert [where for where, text in texts.items() if not known(text)] == []
    assert group.get_help_option(ctx).help == "Show this message and exit."  # the key its Vietnamese is under
