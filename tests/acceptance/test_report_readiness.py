"""`dnnd report --check` and the report's warnings: what stands before signing, and the focal point never
listed among the agencies that did not report in its own report."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EMBEDDED_PLAN, MakeRepo, RunCli
from tests.docx_helpers import generate, texts
from tests.git_helpers import update

HELD_BY_SNGV = (2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15)
TASK_TEXTS = "".join(f"  {number}: Kết quả nhiệm vụ {number}.\n" for number in range(1, 16))
TEXT = (
    "period: 2020-Q3\nsummary: Tình hình chung.\ntasks:\n" + TASK_TEXTS + "assessment:\n  achievements: Nổi bật.\n"
    "  limitations: Hạn chế.\n  causes: Nguyên nhân.\nproposals: [Kiến nghị.]\nnext_tasks: [Nhiệm vụ kỳ tới.]\n"
)
SIGNED = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8").replace("    name:   #", "    name: Nguyễn Văn B  #")


def test_check_lists_what_to_do_and_exits_1_without_writing(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    result = run_cli("report", "--quarter", "2020-Q3", "--check", repo=root)
    assert result.exit_code == 1
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[0] == "Trước khi ký báo cáo kỳ 2020-Q3, còn 4 việc:"
    assert "Sở Ngoại vụ (cơ quan đầu mối) chưa có báo cáo quý III năm 2020 của chính mình" in result.stdout
    assert not (root / "reports").exists()


def test_check_passes_once_everyone_reported_and_the_signer_is_named(run_cli: RunCli, make_repo: MakeRepo) -> None:
    files = {"plan/plan.yaml": SIGNED, **update("sngv", "2020-Q3", *((task, "in_progress") for task in HELD_BY_SNGV))}
    for agency, tasks in _missing(run_cli, make_repo(files, name="probe")).items():
        files |= update(agency, "2020-Q3", *((task, "in_progress") for task in tasks))
    files["plan/reports/2020-Q3.yaml"] = TEXT
    ready = make_repo(files, name="ready")
    result = run_cli("report", "--quarter", "2020-Q3", "--check", "--lang", "en", repo=ready)
    assert (result.exit_code, result.stdout.strip()) == (
        0,
        "The report on 2020-Q3 is ready to sign: nothing left to do.",
    )


def test_the_report_never_lists_the_focal_point_and_says_it_is_missing(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    document = generate(run_cli, root, "report", "--quarter", "2020-Q3", "--date", "2020-09-20")
    paragraphs = texts(document)
    listed = paragraphs[paragraphs.index("2. Tình hình báo cáo của các cơ quan, đơn vị:") + 1 :]
    assert listed[0] == "Các cơ quan, đơn vị chưa báo cáo quý III năm 2020:"
    assert not any(text.startswith("- Sở Ngoại vụ:") for text in listed[:12])
    result = run_cli("report", "--quarter", "2020-Q3", "-o", str(root.parent / "again.docx"), repo=root)
    assert "Sở Ngoại vụ (cơ quan đầu mối) chưa có báo cáo quý III năm 2020" in result.stderr


def _missing(run_cli: RunCli, root: Path) -> dict[str, list[int]]:
    """Each agency other than the focal point that has not reported, with its tasks."""
    result = run_cli("missing", "--quarter", "2020-Q3", "--format", "json", repo=root)
    document = json.loads(result.stdout)
    return {item["agency"]: item["tasks"] for item in document["missing"] if item["agency"] != "sngv"}
