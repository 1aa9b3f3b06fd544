"""The shape of the package: few modules at its root, documented subpackages, modules of one concern,
the import layers kept, and a unit test file beside every module."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import PROJECT

PACKAGE = PROJECT / "src" / "dnnd"
TESTS = PROJECT / "tests" / "unit"
# Thin command modules: parse options, call one core function, render; their tests are the journeys.
TESTED_THROUGH_THE_CLI = {
    "cli/authoring_commands.py",
    "cli/budget_commands.py",
    "cli/document_commands.py",
    "cli/plan_commands.py",
}
TESTED_THROUGH_THE_CLI |= {"cli/site_commands.py", "cli/status_commands.py", "cli/workflow_commands.py"}


def modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path.name != "__init__.py")


def test_few_modules_at_the_root_and_documented_subpackages() -> None:
    assert len([path for path in PACKAGE.glob("*.py") if path.name != "__init__.py"]) <= 8
    subpackages = [path.parent for path in PACKAGE.glob("*/__init__.py")]
    assert len(subpackages) >= 6
    for init in PACKAGE.rglob("__init__.py"):
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init.relative_to(PROJECT)


def test_no_module_is_over_400_lines() -> None:
    long = {str(path.relative_to(PACKAGE)): n for path in modules() if (n := len(path.read_text().splitlines())) > 400}
    assert long == {}


def test_every_module_has_its_unit_test_file() -> None:
    missing = []
    for path in modules():
        rel = path.relative_to(PACKAGE)
        if str(rel) not in TESTED_THROUGH_THE_CLI and not (TESTS / rel.parent / f"test_{rel.name}").is_file():
            missing.append(str(rel))
    assert missing == []


def test_every_subpackage_is_installed() -> None:
    declared = set(
        tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {".".join(("dnnd", *init.parent.relative_to(PACKAGE).parts)) for init in PACKAGE.rglob("__init__.py")}
    assert found - declared == set()


def test_the_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"  # import-linter, a test dependency
    done = subprocess.run([str(lint_imports)], cwd=PROJECT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "4 kept, 0 broken" in done.stdout
