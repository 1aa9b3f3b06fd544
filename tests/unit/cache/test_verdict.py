"""validate's recorded verdict: a second run answers without the models, keeps the problems and sees a fix."""

from __future__ import annotations

import subprocess
import sys

from dnnd.cache.state import read_state
from dnnd.cache.verdict import recorded_verdict
from tests.conftest import MakeRepo, RunCli
from tests.git_helpers import init

GOOD = "agency: lhhn\nperiod: 2020-Q3\nentries:\n  - task: 5\n    status: in_progress\n    summary: Có.\n"


def test_a_second_validate_answers_without_the_models(make_repo: MakeRepo) -> None:
    root = init(make_repo({"plan/updates/lhhn/2020-Q3.yaml": GOOD}))
    script = (
        "import sys\nfrom dnnd.cli.app import main\ntry:\n    main(['--repo', sys.argv[1], 'validate'])\n"
        "except SystemExit:\n    pass\nprint('dnnd.plan.models' in sys.modules, 'pydantic' in sys.modules)"
    )
    runs = [subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True) for _ in "12"]
    assert [run.stdout.splitlines()[-1] for run in runs] == ["True True", "False False"]
    assert runs[0].stdout.splitlines()[0] == runs[1].stdout.splitlines()[0]
    assert runs[1].stdout.startswith("Hợp lệ: 15 nhiệm vụ, 21 cơ quan, 1 tệp báo cáo")


def test_a_recorded_verdict_keeps_the_problems_and_sees_a_fix(make_repo: MakeRepo, run_cli: RunCli) -> None:
    root = init(make_repo({"plan/updates/lhhn/2020-Q3.yaml": GOOD.replace("task: 5", "task: 1")}))
    first, second = run_cli("validate", repo=root), run_cli("validate", repo=root)
    assert first.exit_code == second.exit_code == 1
    assert first.output == second.output and "plan/updates/lhhn/2020-Q3.yaml:4" in second.output
    assert recorded_verdict(read_state(root, use_cache=True)) is not None
    (root / "plan/updates/lhhn/2020-Q3.yaml").write_text(GOOD, encoding="utf-8")
    assert recorded_verdict(read_state(root, use_cache=True)) is None
    assert run_cli("validate", repo=root).exit_code == 0
