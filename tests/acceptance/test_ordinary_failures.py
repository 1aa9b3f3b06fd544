"""What the machine or the user can cause (a full disk, a file where a folder should be, a hanging program, a
closed pipe, Ctrl-C, a terminal without Vietnamese) is a message and an exit code, never a traceback; and a
write that fails leaves the old file whole."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import PROJECT, MakeRepo, RunCli
from tests.git_helpers import init, update

Done = subprocess.CompletedProcess[str]
LOCKED = "locks:\n  - period: 2020-Q3\n    locked_on: 2020-09-20\n"
DNND = [sys.executable, "-c", "from dnnd.cli import main; main()"]


def dnnd(
    *args: str, env: dict[str, str] | None = None, limit: object = None, **options: object
) -> subprocess.CompletedProcess[str]:
    """dnnd in its own process (`limit` runs in the child before it starts)."""
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [*DNND, *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
        **options,  # type: ignore[arg-type]
    )


def test_a_lock_write_that_fails_leaves_the_old_locks(make_repo: MakeRepo) -> None:
    root = make_repo({"plan/locks.yaml": LOCKED})

    def small_files() -> None:  # any file over 200 bytes fails with EFBIG, as a full disk would
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))

    done = dnnd("--repo", str(root), "lock", "2020-Q4", "--note", "Báo cáo số 125/BC-SNgV", limit=small_files)
    assert done.returncode == 1 and "không ghi được" in done.stderr, done.stderr
    assert (root / "plan/locks.yaml").read_text(encoding="utf-8") == LOCKED
    assert [path.name for path in (root / "plan").iterdir() if path.name.startswith(".dnnd-")] == []


def test_output_to_a_folder_or_below_a_file_is_a_message(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    for target, code in ((tmp_path, 1), (tmp_path / "a-file" / "r.docx", 1)):
        result = run_cli("report", "--quarter", "2020-Q4", "--force", "-o", str(target), repo=root)
        assert result.exit_code == code and "không ghi được" in result.output, result.output
    assert run_cli("init", str(tmp_path / "a-file")).exit_code == 2


def test_report_pdf_never_replaces_an_issued_pdf_without_force(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path
) -> None:
    issued = tmp_path / "r.pdf"
    issued.write_bytes(b"%PDF issued")
    result = run_cli("report", "--quarter", "2020-Q4", "--pdf", "-o", str(tmp_path / "r.docx"), repo=make_repo())
    assert result.exit_code == 1 and "--force" in result.output
    assert issued.read_bytes() == b"%PDF issued" and not (tmp_path / "r.docx").exists()


def test_a_hanging_converter_is_stopped_with_its_children(make_repo: MakeRepo, tmp_path: Path) -> None:
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {tmp_path}/child\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    env = {"DNND_SOFFICE": str(fake), "DNND_TOOL_TIMEOUT": "2"}
    out = tmp_path / "-bao-cao.docx"  # a name that would be an option if it were not made absolute
    done = dnnd("--repo", str(make_repo()), "report", "--quarter", "2020-Q4", "--pdf", "-o", str(out), env=env)
    assert done.returncode == 1 and "LibreOffice chạy quá 2 giây" in done.stderr, done.stderr
    child = int((tmp_path / "child").read_text())
    time.sleep(0.2)
    assert not Path(f"/proc/{child}").exists() or "zombie" in Path(f"/proc/{child}/status").read_text().lower()


def test_a_closed_pipe_ends_quietly(make_repo: MakeRepo) -> None:
    root = make_repo()
    command = " ".join(f"'{part}'" for part in [*DNND, "--repo", str(root), "tasks"])
    script = f'{command} | true; echo "${{PIPESTATUS[0]}}" >&2'  # the reader leaves before dnnd writes
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert done.stderr.strip().splitlines() == ["141"], done.stderr


def test_a_closed_standard_output_is_not_an_error(make_repo: MakeRepo) -> None:
    command = " ".join(f"'{part}'" for part in [*DNND, "--repo", str(make_repo()), "status", "--format", "csv"])
    done = subprocess.run(["bash", "-c", f"{command} >&-"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def test_ctrl_c_exits_130_with_one_line(make_repo: MakeRepo) -> None:
    process = subprocess.Popen(
        [*DNND, "--repo", str(make_repo()), "status"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=60)
    assert process.returncode in (130, 0), errors  # 0 only if it finished before the signal
    assert "Traceback" not in errors and len(errors.strip().splitlines()) <= 1


def test_a_terminal_without_vietnamese_gets_plain_letters(make_repo: MakeRepo) -> None:
    root = make_repo()
    for args in (("status", "--quarter", "2020-Q4"), ("validate",), ("show", "4"), ("status", "--lang", "en")):
        done = dnnd("--repo", str(root), *args, env={"PYTHONIOENCODING": "ascii"})
        assert done.returncode == 0, done.stderr
        assert done.stdout.isascii() and "Traceback" not in done.stderr
    assert (
        "Chu y: cua so nay khong hien thi duoc chu Viet co dau" in done.stderr or "Note: this terminal" in done.stderr
    )
    assert "Hop le: 15 nhiem vu" in dnnd("--repo", str(root), "validate", env={"PYTHONIOENCODING": "ascii"}).stdout


def test_an_interrupted_import_leaves_nothing_that_blocks_the_next(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".dnnd-import-killed" / "plan").mkdir(parents=True)  # what a killed import leaves
    result = run_cli("import", str(PROJECT / "tests/data/qd-1228-2020-khanh-hoa.txt"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.iterdir()) == [".github", ".gitignore", "plan", "schema"]


def test_caches_are_bypassed_when_git_converts_the_files(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo(update("lhhn", "2020-Q3", (5, "in_progress"))))
    assert run_cli("validate", repo=root).exit_code == 0  # cached as valid, under the index's blob id
    (root / ".gitattributes").write_text("*.yaml working-tree-encoding=UTF-16\n", encoding="utf-8")
    rel = "plan/updates/lhhn/2020-Q3.yaml"
    (root / rel).unlink()
    subprocess.run(["git", "-C", str(root), "checkout", "--", rel], check=True)  # now UTF-16 in the working tree
    cached, uncached = run_cli("validate", repo=root), run_cli("--no-cache", "validate", repo=root)
    assert cached.exit_code == uncached.exit_code == 1 and cached.output == uncached.output
    assert "UTF-16" in cached.output


def test_a_cache_that_cannot_be_written_leaves_nothing_behind(make_repo: MakeRepo) -> None:
    root = init(make_repo(update("lhhn", "2020-Q3", (5, "in_progress"))))

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))

    done = dnnd("--repo", str(root), "status", "--quarter", "2020-Q3", "--format", "json", limit=small_files)
    assert done.returncode == 0, done.stderr
    assert [path.name for path in (root / ".git").iterdir() if path.name.startswith((".dnnd", "dnnd"))] == []
