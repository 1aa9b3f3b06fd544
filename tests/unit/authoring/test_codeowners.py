"""`.github/CODEOWNERS` from the agencies' reviewers: committed, fresh, and in the forge's order."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

from dnnd.authoring.codeowners import codeowners_text
from dnnd.repository import load_repository
from tests.conftest import EMBEDDED_PLAN, PROJECT, MakeRepo, RunCli

SNGV = "    short_name: SNgV\n    kind: department\n"
LHHN = "    short_name: LHHN\n    kind: association\n"
STC = "    short_name: STC\n    kind: department\n"
REPORTING = [
    "snv",
    "stttt",
    "svhtt",
    "skhcn",
    "stc",
    "bdv",
    "btg",
    "mttq",
    "lhhn",
    "baokh",
    "ktv",
    "congttdt",
    "vpubnd",
    "hdnd",
    "ubndhuyen",
]


def agencies(
    sngv: str | None = "'@sngv-team'", lhhn: str | None = "'@lhhn-team'", stc: str | None = None
) -> dict[str, str]:
    """The embedded agencies.yaml with reviewers (a YAML flow list's items) on sngv, lhhn and stc."""
    text = (EMBEDDED_PLAN / "agencies.yaml").read_text(encoding="utf-8")
    for block, reviewers in ((SNGV, sngv), (LHHN, lhhn), (STC, stc)):
        assert text.count(block) == 1
        if reviewers is not None:
            text = text.replace(block, f"{block}    reviewers: [{reviewers}]\n")
    return {"plan/agencies.yaml": text}


def owners(text: str, path: str) -> list[str]:
    """The owners of `path`: the last matching line wins (GitHub's rule; anchored folder, file and glob patterns)."""
    found: list[str] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *names = line.split()
        anchored = pattern.lstrip("/")
        if (pattern.endswith("/") and path.startswith(anchored)) or path == anchored or fnmatch.fnmatch(path, pattern):
            found = names
    return found


def test_committed_codeowners_is_not_stale() -> None:
    """Fails when plan/agencies.yaml changed without `dnnd codeowners` being run and its output committed."""
    committed = (PROJECT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert committed == codeowners_text(load_repository(PROJECT)), "run `dnnd codeowners` and commit .github/CODEOWNERS"


def test_lines_with_reviewers(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo(agencies(lhhn="'@lhhn-team', '@khanhhoa/lhhn'"))
    result = run_cli("codeowners", repo=root)
    assert result.exit_code == 0, result.output
    lines = (root / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines()
    rules = [line for line in lines if line and not line.startswith("#")]
    assert rules[:4] == ["* @sngv-team", "/plan/ @sngv-team", "/templates/ @sngv-team", "/schema/ @sngv-team"]
    folders = [line for line in rules if line.startswith("/plan/updates/")]
    assert "/plan/updates/lhhn/ @lhhn-team @khanhhoa/lhhn @sngv-team" in folders
    assert "/plan/updates/snv/ @sngv-team" in folders
    assert sorted(line.split("/")[3] for line in folders) == sorted(REPORTING)  # no group, external
    assert max(rules.index(line) for line in rules[:3]) < min(rules.index(line) for line in folders)


def test_ownership_by_path(make_repo: MakeRepo) -> None:
    text = codeowners_text(load_repository(make_repo(agencies())))
    assert owners(text, "plan/updates/lhhn/2020-Q3.yaml") == ["@lhhn-team", "@sngv-team"]
    assert owners(text, "plan/updates/snv/2020-Q3.yaml") == ["@sngv-team"]
    assert owners(text, "plan/updates/sngv/2020-Q3.yaml") == ["@sngv-team"]
    for path in ("plan/tasks.yaml", "plan/locks.yaml", "templates/bao-cao.docx", "schema/update.schema.json"):
        assert owners(text, path) == ["@sngv-team"], path


def test_paths_outside_plan_are_owned_by_the_focal_point(make_repo: MakeRepo) -> None:
    text = codeowners_text(load_repository(make_repo(agencies())))
    for path in (".github/workflows/dnnd.yml", "src/dnnd/changes.py", "pyproject.toml", "README.md"):
        assert owners(text, path) == ["@sngv-team"], path


def test_no_rule_while_the_focal_point_has_no_reviewers(make_repo: MakeRepo) -> None:
    text = codeowners_text(load_repository(make_repo(agencies(sngv=None))))
    assert [line for line in text.splitlines() if line and not line.startswith("#")] == []
    assert "chưa có reviewers" in text


@pytest.mark.parametrize("handle", ["lhhn-team", "@lhhn team", "@khanhhoa/lhhn/vp", "@", "@-lhhn", "lhhn@khanhhoa"])
def test_invalid_reviewer_is_rejected_by_validate(run_cli: RunCli, make_repo: MakeRepo, handle: str) -> None:
    root = make_repo(agencies(lhhn=f"'{handle}'"))
    result = run_cli("validate", repo=root)
    assert result.exit_code == 1
    assert "plan/agencies.yaml" in result.output and "reviewers[0]" in result.output
    assert run_cli("codeowners", repo=root).exit_code == 1
    assert not (root / ".github").exists()


def test_hand_written_codeowners_is_not_overwritten(run_cli: RunCli, make_repo: MakeRepo) -> None:
    mine = b"* @someone\n/plan/ @other\n"
    root = make_repo({".github/CODEOWNERS": mine.decode(), **agencies()})
    result = run_cli("codeowners", repo=root)
    assert result.exit_code == 1
    assert ".github/CODEOWNERS đã có và không do dnnd tạo" in result.output
    assert (root / ".github/CODEOWNERS").read_bytes() == mine


def test_generated_codeowners_is_rewritten(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo(agencies(sngv=None))
    assert run_cli("codeowners", repo=root).exit_code == 0
    (root / "plan/agencies.yaml").write_text(agencies()["plan/agencies.yaml"], encoding="utf-8")
    assert run_cli("codeowners", repo=root).exit_code == 0
    text = Path(root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "/plan/updates/lhhn/ @lhhn-team @sngv-team" in text.splitlines()


def test_each_reporting_agency_owns_its_budget_folder_and_the_finance_department_the_appraisals(
    make_repo: MakeRepo,
) -> None:
    text = codeowners_text(load_repository(make_repo(agencies(stc="'@stc-team'"))))
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    folders = [line for line in rules if line.startswith("/plan/budgets/")]
    assert "/plan/budgets/lhhn/ @lhhn-team @sngv-team" in folders
    assert "/plan/budgets/snv/ @sngv-team" in folders
    assert folders[-1] == "/plan/budgets/appraisals/ @stc-team @sngv-team"
    agency_folders = sorted(line.split("/")[3] for line in folders[:-1])
    assert agency_folders == sorted(REPORTING)  # no group, external, nor the focal point's own
    assert rules.index("/plan/ @sngv-team") < min(rules.index(line) for line in folders)  # the last match wins


def test_budget_files_are_owned_by_their_agency_and_the_appraisals_by_the_finance_department(
    make_repo: MakeRepo,
) -> None:
    text = codeowners_text(load_repository(make_repo(agencies(stc="'@stc-team', '@sngv-team'"))))
    assert owners(text, "plan/budgets/lhhn/2021.yaml") == ["@lhhn-team", "@sngv-team"]
    assert owners(text, "plan/budgets/stc/2021.yaml") == ["@stc-team", "@sngv-team"]  # listed once
    assert owners(text, "plan/budgets/appraisals/2021.yaml") == ["@stc-team", "@sngv-team"]
    assert owners(text, "plan/budgets/sngv/2021.yaml") == ["@sngv-team"]
    assert owners(text, "plan/budgets/README.md") == ["@sngv-team"]
    without = codeowners_text(load_repository(make_repo(agencies(), name="no-stc-reviewers")))
    assert owners(without, "plan/budgets/appraisals/2021.yaml") == ["@sngv-team"]
