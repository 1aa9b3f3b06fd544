"""A report template that comes in by pull request is code: rendered in a sandbox, bounded, and refused by
check-changes unless the focal point allows it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import PROJECT, MakeRepo, RunCli
from tests.git_helpers import branch, commit, init

REPORT = ("report", "--quarter", "2020-Q4", "--date", "2020-12-16")


def hostile_template(root: Path, payload: str, name: str = "report.docx") -> Path:
    """The shipped template with `payload` as the text of a paragraph before its body, in root/templates/."""
    target = root / "templates" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(PROJECT / "templates" / name) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", f"<w:body><w:p><w:r><w:t>{payload}</w:t></w:r></w:p>".encode(), 1)
            copy.writestr(item, data)
    return target


def test_a_template_cannot_run_code(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    root = make_repo()
    marker = tmp_path / "escaped"
    hostile_template(root, f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}")
    result = run_cli(*REPORT, "-o", str(tmp_path / "r.docx"), repo=root)
    assert result.exit_code == 1, result.output
    assert "templates/report.docx có lỗi: dùng một cấu trúc không được phép" in result.output
    assert not marker.exists() and not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{% for x in range(10**9) %}x{% endfor %}", "range too big"),
        ("{% for x in range(100000) %}{% for y in range(1000) %}0123456789{% endfor %}{% endfor %}", "vượt quá"),
    ],
    ids=["range", "output"],
)
def test_a_template_cannot_loop_without_end(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path, payload: str, message: str
) -> None:
    root = make_repo()
    hostile_template(root, payload)
    result = run_cli(*REPORT, "-o", str(tmp_path / "r.docx"), repo=root)
    assert result.exit_code == 1 and message in result.output.lower(), result.output


def test_a_template_that_runs_too_long_is_stopped(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dnnd.documents.word.RENDER_SECONDS", 1)
    root = make_repo()
    hostile_template(root, "{% for x in range(100000) %}{% for y in range(100000) %}{% endfor %}{% endfor %}")
    result = run_cli(*REPORT, "-o", str(tmp_path / "r.docx"), repo=root)
    assert result.exit_code == 1 and "chạy quá 1 giây" in result.output, result.output


@pytest.mark.parametrize("content", [b"not a zip", b""], ids=["garbage", "empty"])
def test_a_damaged_template_is_a_data_error(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path, content: bytes
) -> None:
    root = make_repo({"templates/remind.docx": content})
    result = run_cli(
        "remind", "--quarter", "2020-Q4", "--date", "2020-12-10", "-o", str(tmp_path / "r.docx"), repo=root
    )
    assert result.exit_code == 1, result.output
    assert "mẫu" in result.output and "templates/remind.docx có lỗi" in result.output


def test_a_template_in_a_pull_request_needs_the_focal_points_leave(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path
) -> None:
    root = init(make_repo())
    branch(root, "pr")
    hostile_template(root, "{{ header.number }}")
    commit(root, {}, "Mẫu mới")
    refused = run_cli("check-changes", "--base", "main", repo=root)
    assert refused.exit_code == 1 and "LỖI templates/report.docx: thay đổi mẫu văn bản" in refused.output
    allowed = run_cli("check-changes", "--base", "main", "--allow-templates", repo=root)
    assert allowed.exit_code == 0 and "CẢNH BÁO templates/report.docx" in allowed.output
