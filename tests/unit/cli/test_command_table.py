"""The table of commands: each summary is its command's first sentence, and a command is built on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer._click.utils import make_default_short_help

from dnnd.cli.command_table import COMMANDS, LazyCommands
from dnnd.cli.help_screens import translated


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_summary_is_the_first_sentence_of_its_commands_help(lang: str) -> None:
    commands = LazyCommands()
    for entry in COMMANDS:
        built = make_default_short_help(translated(commands[entry.name].help or "", lang), 1000)
        assert make_default_short_help(commands.summary(entry.name, lang), 1000) == built, entry.name
        assert commands[entry.name].name == entry.name


def test_a_command_is_built_once_and_unknown_names_are_absent() -> None:
    commands = LazyCommands()
    assert commands["tasks"] is commands["tasks"]
    assert commands.get("no-such-command") is None and "no-such-command" not in commands
    assert list(commands) == [entry.name for entry in COMMANDS] and len(commands) == len(COMMANDS)


def test_help_and_one_command_import_only_the_modules_they_need() -> None:
    probe = (
        "import sys\nfrom dnnd.cli.app import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.endswith('_commands')), file=sys.stderr)"
    )
    listing = subprocess.run([sys.executable, "-c", probe, "--help"], capture_output=True, text=True, check=False)
    assert listing.stderr.strip() == "[]"
    one = subprocess.run([sys.executable, "-c", probe, "tasks", "--help"], capture_output=True, text=True, check=False)
    assert one.stderr.strip() == "['dnnd.cli.plan_commands']"
