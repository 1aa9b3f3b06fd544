"""Plain coercion of text, path, flag and enum options: typer's values, without importing pydantic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from dnnd.cli import plain_params
from dnnd.cli.app import app
from dnnd.cli.options import Format
from tests.conftest import PROJECT


def command_params() -> tuple[Context, dict[str, Any]]:
    """The group's and `status`'s parameters by name, after `install`."""
    group = typer.main.get_command(app)
    ctx = Context(group)
    status = group.commands["status"]  # type: ignore[attr-defined]
    plain_params.install(group, ctx)
    plain_params.install(status, ctx)
    return ctx, {param.name: param for param in (*group.get_params(ctx), *status.get_params(ctx))}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("repo", "plan dir"),
        ("repo", Path("x")),
        ("lang", "en"),
        ("quarter", "2020-Q3"),
        ("no_cache", True),
        ("format", "json"),
        ("format", Format.csv),
        ("help", False),
    ],
)
def test_plain_coercion_gives_typers_value(name: str, value: object) -> None:
    ctx, params = command_params()
    param = params[name]
    assert isinstance(param._runtime_param, plain_params.PlainParam)  # type: ignore[attr-defined]
    ours = param._runtime_param.coerce(value, param=param, ctx=ctx)  # type: ignore[attr-defined]
    theirs = build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)  # type: ignore[attr-defined]
    assert ours == theirs and type(ours) is type(theirs)


def test_other_values_get_typers_own_message() -> None:
    ctx, params = command_params()
    param = params["format"]
    with pytest.raises(BadParameter) as ours:
        param._runtime_param.coerce("xml", param=param, ctx=ctx)  # type: ignore[attr-defined]
    with pytest.raises(BadParameter) as theirs:
        build_runtime_param(param.type_descriptor).coerce("xml", param=param, ctx=ctx)  # type: ignore[attr-defined]
    assert str(ours.value) == str(theirs.value)


@pytest.mark.parametrize(
    ("args", "absent"),
    [
        (["validate"], ("typer._adapters", "docx", "docxtpl", "jinja2", "rich")),
        (["status", "--format", "json"], ("typer._adapters", "docx", "docxtpl", "jinja2", "rich")),
        (["--help"], ("typer._adapters", "pydantic", "yaml", "dnnd.errors", "rich")),
    ],
)
def test_commands_import_only_what_they_need(args: list[str], absent: tuple[str, ...]) -> None:
    script = (
        "import sys\nfrom dnnd.cli.app import main\ntry:\n    main(['--no-cache', '--repo', sys.argv[1], *sys.argv[3:]])\n"
        "except SystemExit:\n    pass\nprint(sorted(m for m in sys.argv[2].split(',') if m in sys.modules))"
    )
    command = [sys.executable, "-c", script, str(PROJECT), ",".join(absent), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
