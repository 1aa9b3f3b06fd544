"""The typer app: its commands in the help's order, and the global --repo, --lang and --no-cache options."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
import typer

from dnnd.cli import app as app_module
from dnnd.cli.context import Settings
from dnnd.errors import UsageError
from tests.conftest import RunCli

ORDER = [
    "validate",
    "status",
    "rollup",
    "missing",
    "links",
    "stats",
    "workbook",
    "site",
    "budget",
    "report",
    "draft",
    "remind",
    "new-update",
    "new-budget",
    "form",
    "take",
    "schema",
    "codeowners",
    "check-changes",
    "lock",
    "unlock",
    "log",
    "import",
    "init",
    "tasks",
    "agencies",
    "show",
]


def settings(repo: Path | None, lang: str | None, no_cache: bool = False) -> Settings:
    ctx = types.SimpleNamespace(obj=None)
    app_module._options(ctx, repo, lang, no_cache)  # type: ignore[arg-type]
    assert isinstance(ctx.obj, Settings)
    return ctx.obj


def test_commands_are_registered_and_listed_in_the_helps_order(run_cli: RunCli) -> None:
    group = typer.main.get_command(app_module.app)
    assert group.list_commands(typer.Context(group)) == ORDER  # type: ignore[attr-defined]
    result = run_cli("--help")
    assert result.exit_code == 0
    lines = result.stdout.split("Lệnh:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in lines if line.startswith("  ") and not line.startswith("   ")] == ORDER


def test_the_global_options_are_repo_lang_and_no_cache() -> None:
    group = typer.main.get_command(app_module.app)
    options = [param.opts for param in group.params]
    assert options == [["--repo"], ["--lang"], ["--no-cache"]]


def test_settings_take_the_language_from_lang_else_dnnd_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DNND_LANG", "en")
    chosen = settings(Path("kho"), " VI ", no_cache=True)
    assert (chosen.repo, chosen.lang, chosen.use_cache) == (Path("kho"), "vi", False)
    chosen = settings(None, None)
    assert (chosen.repo, chosen.lang, chosen.use_cache) == (None, "en", True)
    monkeypatch.delenv("DNND_LANG")
    assert settings(None, None).lang == "vi"


@pytest.mark.parametrize(
    ("lang", "env", "vi", "en"),
    [
        ("fr", None, "--lang: ngôn ngữ 'fr' không có; dùng vi hoặc en", "--lang: no language 'fr'; use vi or en"),
        (None, "xx", "DNND_LANG: ngôn ngữ 'xx' không có; dùng vi hoặc en", "DNND_LANG: no language 'xx'; use vi or en"),
    ],
)
def test_an_unknown_language_is_a_usage_error_naming_its_source(
    monkeypatch: pytest.MonkeyPatch, lang: str | None, env: str | None, vi: str, en: str
) -> None:
    if env is not None:
        monkeypatch.setenv("DNND_LANG", env)
    with pytest.raises(UsageError) as raised:
        settings(None, lang)
    assert (raised.value.message.vi, raised.value.message.en, raised.value.exit_code) == (vi, en, 2)


def test_main_exits_with_the_commands_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        app_module.main(["--lang", "en", "--repo", str(tmp_path), "tasks"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == f"Error: '{tmp_path}' is not a plan repository: it has no plan/plan.yaml\n"


@pytest.mark.parametrize(("given", "kept"), [(None, "__all__"), ("logfire", "logfire")])
def test_the_program_turns_off_pydantics_plugin_search_unless_the_user_set_it(given: str | None, kept: str) -> None:
    probe = (
        "import atexit, os, sys\nfrom dnnd.cli import main\nsys.argv = ['dnnd', '--help']\n"
        "atexit.register(lambda: print(os.environ['PYDANTIC_DISABLE_PLUGINS'], file=sys.stderr))\nmain()"
    )
    env = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    if given is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False)
    assert result.stderr.strip() == kept


def leaving(code: str) -> subprocess.CompletedProcess[str]:
    probe = f"import atexit, sys\nfrom dnnd.cli import leave\n{code}\nprint('kept', end='')\nleave(SystemExit(3))\nprint('after')"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)


def test_the_program_ends_at_once_with_its_exit_code_and_its_output_flushed() -> None:
    # an object Python's shutdown would delete says so: it is not, the process ends first
    result = leaving(
        "import multiprocessing.util\nclass Told:\n    __del__ = lambda self: print(' shut down')\nt = Told()"
    )
    assert (result.returncode, result.stdout, result.stderr) == (3, "kept", "")
    assert leaving(
        "class Told:\n    __del__ = lambda self: print(' shut down')\nt = Told()\natexit.register(int)"
    ).stdout == ("kept shut down\n")


def test_the_program_shuts_down_as_usual_when_something_must_run_at_exit() -> None:
    result = leaving("atexit.register(lambda: print(' at exit', end=''))")
    assert (result.returncode, result.stdout) == (3, "kept at exit")
