"""A new plan repository (`init_repository`), the files every plan repository carries, and the CI workflow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from dnnd.authoring.ci_workflow import workflow_text
from dnnd.authoring.new_repository import PAGES_WORKFLOW, WORKFLOW, add_repository_files, init_repository
from dnnd.authoring.pages_workflow import pages_workflow_text
from dnnd.errors import UsageError
from dnnd.repository import load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo

SCHEMAS = [
    f"schema/{name}.schema.json"
    for name in ("update", "plan", "agencies", "tasks", "events", "locks", "report-text", "budget", "appraisals")
]
PLAN_FILES = ["plan/plan.yaml", "plan/agencies.yaml", "plan/tasks.yaml", "plan/events.yaml", "plan/updates/.gitkeep"]


def relative(root: Path, paths: list[Path]) -> list[str]:
    return [path.relative_to(root).as_posix() for path in paths]


def test_init_writes_a_plan_that_loads_with_the_given_date(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    written = init_repository(root, "2024-03-05")
    assert relative(root, written) == [
        *PLAN_FILES,
        *SCHEMAS,
        WORKFLOW,
        PAGES_WORKFLOW,
        ".github/CODEOWNERS",
        ".gitignore",
    ]
    repo = load_repository(root, use_cache=False)
    assert repo.plan.decision.date == dt.date(2024, 3, 5)
    assert (repo.plan.id, repo.plan.focal_point) == ("ke-hoach-moi", "sngv")
    assert list(repo.agencies) == ["sngv"] and repo.tasks == {}
    assert "Cơ quan đầu mối (sngv) chưa có reviewers" in (root / ".github/CODEOWNERS").read_text(encoding="utf-8")


def test_init_into_an_empty_plan_folder(tmp_path: Path) -> None:
    (tmp_path / "kho" / "plan").mkdir(parents=True)
    written = init_repository(tmp_path / "kho", "2021-01-02")
    assert relative(tmp_path / "kho", written)[:5] == PLAN_FILES


@pytest.mark.parametrize("existing", ["plan/plan.yaml", "plan/tasks.yaml", "plan/updates/sngv/2020-Q3.yaml"])
def test_init_never_overwrites_a_plan(tmp_path: Path, existing: str) -> None:
    root = tmp_path / "kho"
    (root / existing).parent.mkdir(parents=True)
    (root / existing).write_text("# giữ nguyên\n", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        init_repository(root, "2024-03-05")
    assert raised.value.message.vi == f"{root / 'plan'} đã có: dnnd init không ghi đè kế hoạch nào"
    assert [path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()] == [existing]
    assert (root / existing).read_text(encoding="utf-8") == "# giữ nguyên\n"


def test_existing_workflow_and_codeowners_are_kept(make_repo: MakeRepo) -> None:
    mine = {
        WORKFLOW: "name: riêng\n",
        PAGES_WORKFLOW: "name: trang riêng\n",
        ".github/CODEOWNERS": "* @someone\n",
        ".gitignore": "*.bak\n",
    }
    root = make_repo(mine)
    written = add_repository_files(root)
    assert relative(root, written) == SCHEMAS
    for rel, text in mine.items():
        assert (root / rel).read_text(encoding="utf-8") == text


def test_codeowners_comes_from_the_agencies_reviewers(make_repo: MakeRepo) -> None:
    agencies = (EMBEDDED_PLAN / "agencies.yaml").read_text(encoding="utf-8")
    sngv = "    short_name: SNgV\n    kind: department\n"
    root = make_repo({"plan/agencies.yaml": agencies.replace(sngv, sngv + "    reviewers: ['@ngoaivu']\n")})
    written = add_repository_files(root)
    assert relative(root, written) == [*SCHEMAS, WORKFLOW, PAGES_WORKFLOW, ".github/CODEOWNERS", ".gitignore"]
    rules = [line for line in (root / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    assert rules[:3] == ["* @ngoaivu", "/plan/ @ngoaivu", "/templates/ @ngoaivu"]
    assert "/plan/updates/lhhn/ @ngoaivu" in rules


def test_a_plan_that_does_not_load_gets_no_codeowners(make_repo: MakeRepo) -> None:
    root = make_repo({"plan/plan.yaml": "id: [không hợp lệ\n"})
    written = add_repository_files(root)
    assert relative(root, written) == [*SCHEMAS, WORKFLOW, PAGES_WORKFLOW, ".gitignore"]
    assert not (root / ".github/CODEOWNERS").exists()
    assert (root / ".gitignore").read_text(encoding="utf-8").endswith("/site/\n")  # the built site is not committed
    assert (root / WORKFLOW).read_text(encoding="utf-8") == workflow_text(None)
    assert (root / PAGES_WORKFLOW).read_text(encoding="utf-8") == pages_workflow_text(None)


def test_workflow_validates_every_push_and_checks_pull_requests_against_their_base() -> None:
    source = "git+https://example.org/dnnd@0123abc"
    workflow = yaml.safe_load(workflow_text(source))
    assert workflow[True] == {"pull_request": None, "push": {"branches": ["main"]}}  # YAML 1.1 reads `on` as True
    job = workflow["jobs"]["check"]
    assert job["steps"][0] == {"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}
    runs = {step["name"]: (step["run"], step.get("if")) for step in job["steps"] if "run" in step}
    assert runs == {
        "Install dnnd": (f'pip install "${{DNND_SOURCE:-{source}}}"\n', None),
        "dnnd validate": ("dnnd validate", None),
        "dnnd check-changes": (
            'dnnd check-changes --base "origin/${{ github.base_ref }}" --format github',
            "github.event_name == 'pull_request'",
        ),
    }
