"""Links (symlinks) inside the repository that lead out of it are never read or written through."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import MakeRepo, RunCli
from tests.git_helpers import branch, commit, init, update

OUTSIDE_UPDATE = update("btg", "2020-Q4", (4, "in_progress"), summary="Bí mật bên ngoài kho.")


def outside_folder(tmp_path: Path) -> Path:
    """A folder outside the repository holding an update file, as a hostile pull request would point to."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "2020-Q4.yaml").write_text(next(iter(OUTSIDE_UPDATE.values())), encoding="utf-8")
    return folder


def test_a_linked_agency_folder_is_refused_not_read(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo({"plan/updates/.gitkeep": ""})
    os.symlink(outside_folder(tmp_path), root / "plan/updates/btg")
    validate = run_cli("validate", repo=root)
    assert validate.exit_code == 1
    assert "plan/updates/btg: plan/updates/btg là một liên kết (symlink)" in validate.output
    show = run_cli("show", "4", repo=root)
    assert show.exit_code == 0 and "Bí mật" not in show.output


def test_a_linked_folder_in_a_pull_request_fails_its_check(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path
) -> None:
    root = init(make_repo({"plan/updates/.gitkeep": ""}))
    branch(root, "pr")
    os.symlink(outside_folder(tmp_path), root / "plan/updates/btg")
    commit(root, {}, "Liên kết")
    result = run_cli("check-changes", "--base", "main", repo=root)
    assert result.exit_code == 1 and "LỖI plan/updates/btg: plan/updates/btg là một liên kết" in result.output


def test_lock_never_writes_through_a_dangling_link(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo()
    target = tmp_path / "elsewhere.yaml"
    os.symlink(target, root / "plan/locks.yaml")
    result = run_cli("lock", "2020-Q4", repo=root)
    assert result.exit_code == 1 and "liên kết (symlink)" in result.output, result.output
    assert not target.exists() and os.path.islink(root / "plan/locks.yaml")


def test_the_updates_folder_itself_leading_out_stops_every_command(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path
) -> None:
    root = make_repo()
    outside = tmp_path / "updates-elsewhere"
    (outside / "btg").mkdir(parents=True)
    os.symlink(outside, root / "plan/updates")
    result = run_cli("status", repo=root)
    assert (
        result.exit_code == 1 and "plan/updates: plan/updates đi qua một liên kết (symlink) ra ngoài" in result.output
    )


def test_a_new_update_is_never_written_into_a_linked_folder(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path
) -> None:
    root = make_repo({"plan/updates/.gitkeep": ""})
    outside = tmp_path / "lhhn-elsewhere"
    outside.mkdir()
    os.symlink(outside, root / "plan/updates/lhhn")
    result = run_cli("new-update", "--agency", "lhhn", "--quarter", "2020-Q4", repo=root)
    assert result.exit_code == 1 and "ra ngoài kho kế hoạch" in result.output, result.output
    assert list(outside.iterdir()) == []
