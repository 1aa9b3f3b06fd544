"""`dnnd check-changes` on real git repositories: a pull request is one agency's own update in open periods."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from tests.conftest import DATA, EMBEDDED_PLAN, PROJECT, MakeRepo, RunCli
from tests.git_helpers import FOCAL, branch, checkout, commit, init, update, write

BASE = {**update("lhhn", "2020-Q3", (2, "in_progress")), **update("snv", "2020-Q3", (2, "in_progress"))}
LOCK_Q3 = {"plan/locks.yaml": "locks:\n  - period: 2020-Q3\n    locked_on: 2020-09-20\n"}
Pr = Callable[..., Path]


@pytest.fixture
def pr(make_repo: MakeRepo) -> Pr:
    """A repository whose main holds BASE (and `main`), on branch `pr` with `files` committed."""

    def build(files: dict[str, str | None], main: dict[str, str] | None = None) -> Path:
        root = init(make_repo({**BASE, **(main or {})}))
        branch(root, "pr")
        commit(root, files, "Báo cáo quý", date="2020-09-15T10:00:00+07:00")
        return root

    return build


def check(run_cli: RunCli, root: Path, *args: str) -> Result:
    return run_cli("check-changes", "--base", "main", *args, repo=root)


def test_own_file_passes(run_cli: RunCli, pr: Pr) -> None:
    root = pr({**update("lhhn", "2020-Q3", (2, "done", "2020-09-10")), **update("lhhn", "2020-Q4", (5, "blocked"))})
    for args in (("--agency", "lhhn"), ()):
        result = check(run_cli, root, *args)
        assert result.exit_code == 0, result.output
        assert "2 tệp thay đổi" in result.output and "0 lỗi, 0 cảnh báo" in result.output


def test_uncommitted_and_untracked_changes_count(run_cli: RunCli, pr: Pr) -> None:
    root = pr({})
    write(root, update("snv", "2020-Q4", (2, "in_progress")))  # untracked, in another agency's folder
    result = check(run_cli, root, "--agency", "lhhn")
    assert result.exit_code == 1
    assert "LỖI plan/updates/snv/2020-Q4.yaml" in result.output


TASKS = (EMBEDDED_PLAN / "tasks.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("files", "main", "named", "reason"),
    [
        (update("snv", "2020-Q4", (2, "in_progress")), {}, "plan/updates/snv/2020-Q4.yaml", "nằm ngoài thư mục"),
        (update("lhhn", "2020-Q4", (1, "in_progress")), {}, "plan/updates/lhhn/2020-Q4.yaml", "nhiệm vụ 1"),
        (update("lhhn", "2020-Q3", (5, "in_progress")), LOCK_Q3, "plan/updates/lhhn/2020-Q3.yaml", "đã khóa"),
        ({"plan/updates/lhhn/2020-Q3.yaml": None}, LOCK_Q3, "plan/updates/lhhn/2020-Q3.yaml", "đã khóa"),
        ({"plan/tasks.yaml": TASKS + "# sửa\n"}, {}, "plan/tasks.yaml", "nằm ngoài thư mục plan/updates/lhhn/"),
        ({"README.md": "x\n"}, {}, "README.md", "nằm ngoài thư mục plan/updates/lhhn/"),
        ({"plan/updates/lhhn/ghi-chu.txt": "x\n"}, {}, "plan/updates/lhhn/ghi-chu.txt", "tệp không đúng chỗ"),
    ],
    ids=["other-agency", "task-not-held", "locked", "locked-deleted", "tasks-yaml", "readme", "misnamed"],
)
def test_agency_violations(
    run_cli: RunCli, pr: Pr, files: dict[str, str | None], main: dict[str, str], named: str, reason: str
) -> None:
    result = check(run_cli, pr(files, main), "--agency", "lhhn")
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if line.startswith(f"LỖI {named}"))
    assert reason in line


def test_two_agencies_without_agency_option(run_cli: RunCli, pr: Pr) -> None:
    root = pr({**update("lhhn", "2020-Q4", (2, "in_progress")), **update("snv", "2020-Q4", (2, "in_progress"))})
    result = check(run_cli, root)
    assert result.exit_code == 1
    for agency in ("lhhn", "snv"):
        line = next(line for line in result.output.splitlines() if f"plan/updates/{agency}/2020-Q4.yaml" in line)
        assert line.startswith("LỖI") and "nhiều cơ quan (lhhn, snv)" in line


def test_change_outside_updates_is_only_a_warning(run_cli: RunCli, pr: Pr) -> None:
    root = pr({"plan/tasks.yaml": TASKS + "# sửa\n", "README.md": "x\n", **update("lhhn", "2020-Q4", (2, "blocked"))})
    result = check(run_cli, root)
    assert result.exit_code == 0, result.output
    assert "CẢNH BÁO plan/tasks.yaml: thay đổi ngoài plan/updates/" in result.output
    assert "CẢNH BÁO README.md" in result.output
    assert "3 tệp thay đổi" in result.output and "0 lỗi, 2 cảnh báo" in result.output


def test_invalid_repository_fails(run_cli: RunCli, pr: Pr) -> None:
    root = pr(update("lhhn", "2020-Q4", (2, "finished")))
    result = check(run_cli, root, "--agency", "lhhn")
    assert result.exit_code == 1
    assert "LỖI plan/updates/lhhn/2020-Q4.yaml:5: nhiệm vụ 2 (entries[0]).status" in result.output


def test_unlocking_and_editing_at_once_is_refused(run_cli: RunCli, pr: Pr) -> None:
    files = {"plan/locks.yaml": "locks: []\n", **update("lhhn", "2020-Q3", (5, "in_progress"))}
    root = pr(files, LOCK_Q3)
    result = check(run_cli, root)
    assert result.exit_code == 1
    assert "CẢNH BÁO plan/locks.yaml" in result.output
    line = next(line for line in result.output.splitlines() if line.startswith("LỖI"))
    assert line.startswith("LỖI plan/updates/lhhn/2020-Q3.yaml: kỳ 2020-Q3 đã khóa")
    assert "dnnd unlock" in line


def test_locking_and_editing_at_once_is_refused(run_cli: RunCli, pr: Pr) -> None:
    root = pr({**LOCK_Q3, **update("lhhn", "2020-Q3", (5, "in_progress"))})
    assert check(run_cli, root).exit_code == 1


def test_unlock_merged_first_then_edit_passes(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo({**BASE, **LOCK_Q3}))
    commit(root, {"plan/locks.yaml": "locks: []\n"}, "Mở khóa 2020-Q3", author=FOCAL)
    branch(root, "pr")
    commit(root, update("lhhn", "2020-Q3", (5, "in_progress")))
    result = check(run_cli, root, "--agency", "lhhn")
    assert result.exit_code == 0, result.output


def test_lock_added_on_base_after_the_branch_left(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo(BASE))
    branch(root, "pr")
    commit(root, update("lhhn", "2020-Q3", (5, "in_progress")))
    checkout(root, "main")
    commit(root, LOCK_Q3, "Khóa 2020-Q3", author=FOCAL, date="2020-09-20T10:00:00+07:00")
    checkout(root, "pr")
    result = check(run_cli, root, "--agency", "lhhn")
    assert result.exit_code == 1
    assert "LỖI plan/updates/lhhn/2020-Q3.yaml: kỳ 2020-Q3 đã khóa" in result.output


def test_github_annotations_are_escaped(run_cli: RunCli, pr: Pr) -> None:
    bad = update("lhhn", "2020-Q4", (2, '"50%\\r\\nxong"'))
    root = pr({"ghi chú/a,b:c%.txt": "x\n", **bad})
    result = check(run_cli, root, "--agency", "lhhn", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "::error file=ghi chú/a%2Cb%3Ac%25.txt::tệp này nằm ngoài thư mục plan/updates/lhhn/" in "\n".join(lines)
    status = next(line for line in lines if "2020-Q4.yaml" in line)
    assert status.startswith("::error file=plan/updates/lhhn/2020-Q4.yaml,line=5::nhiệm vụ 2 (entries[0]).status: ")
    assert "'50%25%0D%0Axong'" in status
    assert all("\r" not in line for line in lines)


@pytest.mark.parametrize(
    ("agency", "kind", "label"), [(("--agency", "lhhn"), "error", "LỖI"), ((), "warning", "CẢNH BÁO")]
)
def test_at_most_ten_annotations_per_kind(
    run_cli: RunCli, pr: Pr, agency: tuple[str, ...], kind: str, label: str
) -> None:
    root = pr({f"ghi-chu/{number:02}.txt": "x\n" for number in range(13)})
    result = check(run_cli, root, *agency, "--format", "github")
    assert result.exit_code == (1 if kind == "error" else 0)
    lines = result.stdout.splitlines()
    assert sum(line.startswith(f"::{kind} file=ghi-chu/") for line in lines) == 10
    assert sum(line.startswith(f"{label} ghi-chu/") for line in lines) == 3
    assert lines[-1].startswith("13 tệp thay đổi")


@pytest.mark.parametrize("base", ["khong-co-nhanh", "0123456789abcdef0123456789abcdef01234567"])
def test_invalid_base_exits_2(run_cli: RunCli, pr: Pr, base: str) -> None:
    result = run_cli("check-changes", "--base", base, repo=pr({}))
    assert result.exit_code == 2
    assert f"không tìm thấy điểm rẽ nhánh với '{base}'" in result.output
    assert "Traceback" not in result.output


def test_outside_git_exits_2(run_cli: RunCli, make_repo: MakeRepo) -> None:
    result = run_cli("check-changes", "--base", "main", repo=make_repo())
    assert result.exit_code == 2
    assert "không phải kho git" in result.output


def test_unknown_agency_exits_2(run_cli: RunCli, pr: Pr) -> None:
    result = check(run_cli, pr(update("lhhn", "2020-Q3", (2, "done", "2020-09-10"))), "--agency", "xyz")
    assert result.exit_code == 2
    assert "không có cơ quan mã 'xyz'" in result.output


def test_workflow_runs_validate_and_check_changes_on_pull_requests() -> None:
    workflow = yaml.safe_load((PROJECT / ".github/workflows/dnnd.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "dnnd validate" in runs
    assert 'dnnd check-changes --base "origin/${{ github.base_ref }}" --format github' in runs
    checkout_step = next(step for step in steps if str(step.get("uses", "")).startswith("actions/checkout"))
    assert checkout_step["with"]["fetch-depth"] == 0  # the merge base needs the history


def test_pre_commit_hook_exposes_dnnd_validate() -> None:
    hooks = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(hook for hook in hooks if hook["id"] == "dnnd-validate")
    assert hook["entry"] == "dnnd validate"
    assert hook["pass_filenames"] is False


def test_readme_guides_the_clerk_and_the_focal_point() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for command in ("dnnd new-update", "dnnd validate", "dnnd check-changes", "dnnd lock", "dnnd log"):
        assert command in readme, command


def test_nothing_changed_is_not_a_pass_but_a_usage_error(run_cli: RunCli, pr: Pr) -> None:
    root = pr({})
    result = check(run_cli, root, "--agency", "lhhn")
    assert result.exit_code == 2
    assert "không có thay đổi nào để kiểm tra so với main" in result.output and "--head" in result.output


def test_a_pull_request_that_changes_nothing_of_its_agency_fails(run_cli: RunCli, pr: Pr) -> None:
    root = pr({"README.md": "Ghi chú.\n"})
    result = check(run_cli, root, "--agency", "lhhn")
    assert result.exit_code == 1
    assert "pull request của 'lhhn' không sửa báo cáo nào của cơ quan này" in result.output


def test_head_checks_a_branch_without_checking_it_out(run_cli: RunCli, pr: Pr) -> None:
    root = pr(update("lhhn", "2020-Q4", (5, "blocked")))
    checkout(root, "main")
    before = (root / "plan").stat().st_mtime_ns, sorted(path.name for path in root.iterdir())
    result = check(run_cli, root, "--agency", "lhhn", "--head", "pr")
    assert result.exit_code == 0, result.output
    assert "1 tệp thay đổi" in result.output
    assert before == ((root / "plan").stat().st_mtime_ns, sorted(path.name for path in root.iterdir()))
    assert check(run_cli, root, "--agency", "snv", "--head", "pr").exit_code == 1
    unknown = check(run_cli, root, "--head", "--no-such-branch")
    assert unknown.exit_code == 2 and "không tìm thấy '--no-such-branch'" in unknown.output


REPORT_TEXT = {"plan/reports/2020-Q3.yaml": "period: 2020-Q3\nsummary: Tình hình chung.\n"}


def test_the_focal_points_report_text_is_its_own(run_cli: RunCli, pr: Pr) -> None:
    root = pr(REPORT_TEXT)
    own = check(run_cli, root, "--agency", "sngv")
    assert own.exit_code == 0, own.output
    other = check(run_cli, root, "--agency", "lhhn")
    assert other.exit_code == 1 and "plan/reports/ là phần báo cáo do cơ quan đầu mối viết" in other.output
    anyone = check(run_cli, root)
    assert anyone.exit_code == 0 and "chỉ cơ quan đầu mối sửa và duyệt" in anyone.output


def test_the_report_text_of_a_locked_period_may_not_change(run_cli: RunCli, pr: Pr) -> None:
    result = check(run_cli, pr(REPORT_TEXT, main=LOCK_Q3), "--agency", "sngv")
    assert result.exit_code == 1
    assert "kỳ 2020-Q3 đã khóa (báo cáo đã ban hành): không được sửa nội dung báo cáo đã ký" in result.output


BUDGET_LHHN = {"plan/budgets/lhhn/2021.yaml": (DATA / "budgets/lhhn/2021.yaml").read_text(encoding="utf-8")}
BUDGET_SNGV = {"plan/budgets/sngv/2021.yaml": (DATA / "budgets/sngv/2021.yaml").read_text(encoding="utf-8")}
APPRAISALS = {
    "plan/budgets/appraisals/2021.yaml": "year: 2021\nappraisals:\n  - {agency: lhhn, line: 1, appraised: 45000000}\n"
}


def test_an_agencys_own_estimate_passes(run_cli: RunCli, pr: Pr) -> None:
    root = pr(BUDGET_LHHN)
    for args in (("--agency", "lhhn"), ()):
        result = check(run_cli, root, *args)
        assert result.exit_code == 0, result.output
        assert "1 tệp thay đổi" in result.output and "0 lỗi, 0 cảnh báo" in result.output


@pytest.mark.parametrize(
    ("files", "named", "owner"),
    [(BUDGET_SNGV, "plan/budgets/sngv/2021.yaml", "sngv"), (APPRAISALS, "plan/budgets/appraisals/2021.yaml", "stc")],
    ids=["another-agencys-estimate", "the-appraisals"],
)
def test_an_agency_may_not_change_another_ones_funding_file(
    run_cli: RunCli, pr: Pr, files: dict[str, str], named: str, owner: str
) -> None:
    result = check(run_cli, pr({**BUDGET_LHHN, **files}, main=BUDGET_LHHN), "--agency", "lhhn")
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if line.startswith(f"LỖI {named}"))
    assert f"tệp kinh phí này là của '{owner}': pull request của 'lhhn' chỉ được sửa dự toán của chính mình" in line
    assert not any(line.startswith("LỖI plan/budgets/lhhn/") for line in result.output.splitlines())


def test_the_finance_departments_appraisals_pass_as_its_own(run_cli: RunCli, pr: Pr) -> None:
    root = pr(APPRAISALS, main=BUDGET_LHHN)
    result = check(run_cli, root, "--agency", "stc")
    assert result.exit_code == 0, result.output
    assert "1 tệp thay đổi" in result.output and "0 lỗi, 0 cảnh báo" in result.output
    assert check(run_cli, root).exit_code == 0
    assert check(run_cli, root, "--agency", "sngv").exit_code == 1  # not even the focal point's


def test_estimates_and_appraisals_in_one_pull_request_are_two_owners(run_cli: RunCli, pr: Pr) -> None:
    result = check(run_cli, pr({**BUDGET_LHHN, **APPRAISALS}))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("LỖI plan/budgets/")]
    assert len(errors) == 2 and all("nhiều cơ quan (lhhn, stc)" in line for line in errors)
