"""The fast paths give what the plain path gives: on a generated repository large enough to be read by forked
workers (480 update files with activities), `status`, `stats` and `validate` print the same with the caches
(filling them, then served by them), without them, in one process (as where fork is unavailable: Windows,
macOS's default), with the Rust parser's fast path turned off, and with the plan read by pydantic alone."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dnnd.load import fastpath, plan_files, update_files
from tests.conftest import PROJECT, RunCli

Outputs = dict[str, str]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated") / "repo"
    arguments = ("--agencies", "30", "--quarters", "16", "--tasks", "12", "--activities", "3")
    subprocess.run([sys.executable, str(PROJECT / "benchmarks" / "generate.py"), str(root), *arguments], check=True)
    return root


def _outputs(run_cli: RunCli, root: Path, *options: str) -> Outputs:
    quarter = sorted(path.stem for path in (root / "plan" / "updates").iterdir().__next__().iterdir())[8]
    found = {}
    for command in (
        ("status", "--quarter", quarter, "--format", "json"),
        ("stats", "--quarter", quarter, "--format", "json"),
        ("validate",),
    ):
        result = run_cli(*options, *command, repo=root)
        assert result.exit_code in (0, 1), result.output
        found[command[0]] = result.stdout
    return found


def test_the_paths_agree(run_cli: RunCli, generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _outputs(run_cli, generated, "--no-cache")
    assert '"counts"' in plain["status"] and '"totals"' in plain["stats"]
    assert _outputs(run_cli, generated) == plain  # filling the caches, in forked workers
    assert _outputs(run_cli, generated) == plain  # served by the snapshot
    patches: list[Callable[[], None]] = [
        lambda: monkeypatch.setattr(update_files, "workers_for", lambda count, minimum=2: 1),
        lambda: monkeypatch.setattr(fastpath, "_parser", lambda: None),
        lambda: monkeypatch.setattr(plan_files, "read_light", lambda model, data: None),  # pydantic reads the plan
    ]
    for patch in patches:
        patch()
        assert _outputs(run_cli, generated, "--no-cache") == plain
