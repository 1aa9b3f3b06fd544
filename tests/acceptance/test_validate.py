"""`dnnd validate` on broken and odd files: every problem of every file, in either language, and no traceback."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EMBEDDED_PLAN, MakeRepo, RunCli

UPDATE = "plan/updates/lhhn/2020-Q3.yaml"


VALID = """\
agency: lhhn
period: 2020-Q3
reporter:
  name: Nguyễn Văn An
  phone: 0905123456
entries:
  - task: 5
    status: in_progress
    summary: Đã phối hợp hướng dẫn các hội hữu nghị thực hiện quy định về đối ngoại nhân dân.
  - task: 7
    status: done
    done_on: 2020-09-15
    summary: Đã trao đổi thông tin với Sở Ngoại vụ.
    documents:
      - number: 45/LHHN-VP
        date: 2020-09-10
        title: Về việc trao đổi thông tin đối ngoại nhân dân
"""


def broken(old: str, new: str, text: str = VALID) -> str:
    """`text` with the one occurrence of `old` replaced by `new`."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_validate_in_english(make_repo: MakeRepo, run_cli: RunCli) -> None:
    result = run_cli("validate", "--lang", "en", repo=make_repo({UPDATE: broken("in_progress", "finished")}))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{UPDATE}:8:13: task 5 (entries[0]).status: invalid value 'finished'; use one of: not_started, in_progress, "
        "done, blocked",
        "1 problem(s) in 1 file(s). Fix them as each line says, then run `dnnd validate`.",
    ]


def test_unknown_key_in_english(make_repo: MakeRepo, run_cli: RunCli) -> None:
    result = run_cli("validate", "--lang", "en", repo=make_repo({UPDATE: broken("reporter:", "reportr:")}))
    assert result.exit_code == 1
    assert f"{UPDATE}:3:1: reportr: unknown key 'reportr'; did you mean 'reporter'? allowed keys: " in result.output


def test_validate_lists_every_problem_of_every_file(make_repo: MakeRepo, run_cli: RunCli) -> None:
    tasks = (EMBEDDED_PLAN / "tasks.yaml").read_text(encoding="utf-8")
    last = len(tasks.splitlines())
    bad_task = "  - id: 16\n    title: Nhiệm vụ thêm\n    lead: [xyz]\n    timing: Thường xuyên\n"
    root = make_repo(
        {
            "plan/tasks.yaml": tasks + bad_task,
            UPDATE: broken("status: in_progress", "status: xong"),
            "plan/updates/sngv/2020-Q3.yaml": "agency: sngv\nperiod: 2020-Q3\nentries:\n\t- task: 1\n",
            "plan/updates/lhhn/2020-q4.yaml": VALID,
        }
    )
    before = _snapshot(root)
    result = run_cli("validate", repo=root)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1] == "Có 5 lỗi trong 4 tệp. Sửa theo hướng dẫn ở từng dòng rồi chạy lại `dnnd validate`."
    assert lines[0].startswith(f"plan/tasks.yaml:{last + 3}:12: tasks[15].lead[0]: không có cơ quan mã 'xyz'")
    assert lines[1].startswith(f"{UPDATE}:7:5: nhiệm vụ 5 (entries[0]).done_on: status là done nên phải ghi done_on")
    assert lines[2].startswith(
        f"{UPDATE}:8:13: nhiệm vụ 5 (entries[0]).status: giá trị 'xong' không hợp lệ: dùng 'done'"
    )
    assert lines[3] == "plan/updates/lhhn/2020-q4.yaml: tên tệp không đúng: đổi tên thành 2020-Q4.yaml"
    assert lines[4].startswith("plan/updates/sngv/2020-Q3.yaml:4:1: lỗi cú pháp YAML: ")
    assert "Traceback" not in result.output
    assert _snapshot(root) == before


def test_validate_passes_with_a_valid_update(make_repo: MakeRepo, run_cli: RunCli) -> None:
    result = run_cli("validate", repo=make_repo({UPDATE: VALID}))
    assert result.exit_code == 0, result.output
    assert "1 tệp báo cáo" in result.output


def test_notepad_file_with_bom_and_crlf_passes(make_repo: MakeRepo, run_cli: RunCli) -> None:
    raw = b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode()
    result = run_cli("validate", repo=make_repo({UPDATE: raw}))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            random.Random(1228).randbytes(64 * 1024),
            f"{UPDATE}:1:1: tệp không phải UTF-8",
        ),  # a few zero bytes: not UTF-16
        (bytes(random.Random(7).randrange(128, 256) for _ in range(4096)), f"{UPDATE}:1:1: tệp không phải UTF-8"),
        (b"summary: " + b"x" * 1_500_000, f"{UPDATE}: tệp quá lớn"),
        (b"x" * 999_000, f"{UPDATE}:1:1: tệp phải gồm các dòng"),
        (b"[" * 999_000, f"{UPDATE}:1:"),
        (b"a: " + b"&a " * 300_000, f"{UPDATE}:1:"),
        ("đ".encode() * 400_000, f"{UPDATE}:1:1: tệp phải gồm các dòng"),
    ],
    ids=["random-bytes", "high-bytes", "over-a-megabyte", "long-line", "brackets", "anchors", "long-vietnamese-line"],
)
def test_hostile_update_ends_in_a_message(make_repo: MakeRepo, run_cli: RunCli, content: bytes, expected: str) -> None:
    root = make_repo({UPDATE: content})
    result = run_cli("validate", repo=root)
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0].startswith(expected)
    assert result.output.splitlines()[-1].startswith("Có 1 lỗi trong 1 tệp.")
    assert "Traceback" not in result.output
    assert (root / UPDATE).read_bytes() == content


@pytest.mark.parametrize("title", ["Kế hoạch", "2020"])  # a number where text is expected: pydantic reads it
def test_a_first_validate_of_a_plain_plan_needs_no_pydantic(make_repo: MakeRepo, title: str) -> None:
    root = make_repo({})
    plan = root / "plan/plan.yaml"
    plan.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", plan.read_text("utf-8"), count=1), "utf-8")
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "from dnnd.cli import main; main()", "--lang", "en", "validate"],
        cwd=root,
        env={**os.environ, "DNND_NO_CACHE": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stdout) == (0, "Valid: 15 tasks, 21 agencies, 0 update files; no problems.\n")
    assert (re.search(r"\|\s+pydantic\b", run.stderr) is not None) == (title == "2020")
