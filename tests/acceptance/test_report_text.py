"""The focal point's own text of a report, end to end: `dnnd draft` writes it pre-filled, the officer edits it,
`dnnd report` carries it in sections I–V with the agencies' texts in Phụ lục III, and `--check` passes."""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document

from tests.conftest import EMBEDDED_PLAN, PROJECT, MakeRepo, RunCli
from tests.docx_helpers import generate, texts
from tests.git_helpers import update

HELD_BY_SNGV = (2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15)
SIGNED = (EMBEDDED_PLAN / "plan.yaml").read_text(encoding="utf-8").replace("    name:   #", "    name: Nguyễn Văn B  #")
TEXT = """period: 2020-Q3
summary: |-
  Quý III năm 2020, các cơ quan triển khai Kế hoạch đúng tiến độ.

  Sở Ngoại vụ đã đôn đốc các cơ quan gửi báo cáo.
tasks:
{tasks}
assessment:
  achievements: Hoàn thành dự thảo Quy chế phối hợp.
  limitations: Một số cơ quan báo cáo chậm.
  causes: Chưa có đầu mối theo dõi ở cơ quan.
proposals:
  - Đề nghị UBND tỉnh chỉ đạo các cơ quan báo cáo đúng hạn.
next_tasks:
  - Trình UBND tỉnh ban hành Quy chế phối hợp.
"""


def _ready(run_cli: RunCli, make_repo: MakeRepo, text: bool = True, name: str = "ready") -> Path:
    """Everyone reported on 2020-Q3, the signer is named, and (with `text`) the focal point wrote its text."""
    files = {"plan/plan.yaml": SIGNED, **update("sngv", "2020-Q3", *((task, "in_progress") for task in HELD_BY_SNGV))}
    probe = run_cli("missing", "--quarter", "2020-Q3", "--format", "json", repo=make_repo(files, name=f"{name}-probe"))
    for item in json.loads(probe.stdout)["missing"]:
        files |= update(item["agency"], "2020-Q3", *((task, "in_progress") for task in item["tasks"]))
    if text:
        tasks = "\n".join(f"  {number}: Tổng hợp kết quả nhiệm vụ {number}." for number in range(1, 16))
        files["plan/reports/2020-Q3.yaml"] = TEXT.format(tasks=tasks)
    return make_repo(files, name=name)


def test_with_its_text_the_report_is_ready_and_carries_it(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = _ready(run_cli, make_repo)
    check = run_cli("report", "--quarter", "2020-Q3", "--check", repo=root)
    assert check.exit_code == 0, check.stdout
    body = texts(generate(run_cli, root, "report", "--quarter", "2020-Q3", "--date", "2020-09-20"))
    assert "DỰ THẢO" not in body
    assert body[body.index("1. Tình hình chung") + 1 :][:2] == [
        "Quý III năm 2020, các cơ quan triển khai Kế hoạch đúng tiến độ.",
        "Sở Ngoại vụ đã đôn đốc các cơ quan gửi báo cáo.",
    ]
    assert "Tổng hợp kết quả nhiệm vụ 4." in body and "Hoàn thành dự thảo Quy chế phối hợp." in body
    assert "- Đề nghị UBND tỉnh chỉ đạo các cơ quan báo cáo đúng hạn." in body
    assert body.index("IV. KIẾN NGHỊ, ĐỀ XUẤT") < body.index("- Trình UBND tỉnh ban hành Quy chế phối hợp.")
    assert "PHỤ LỤC III" in body and "1. Sở Ngoại vụ" in body


def test_the_task_appendix_has_a_results_column(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = _ready(run_cli, make_repo)
    document = generate(run_cli, root, "report", "--quarter", "2020-Q3", "--date", "2020-09-20")
    table = document.tables[2]  # the header block, the signature, then Phụ lục I
    assert [cell.text for cell in table.rows[0].cells][-1] == "Kết quả"
    assert table.rows[4].cells[-1].text == "Tổng hợp kết quả nhiệm vụ 4."


def test_without_its_text_the_report_is_a_draft_and_says_how_to_write_it(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = _ready(run_cli, make_repo, text=False)
    result = run_cli("report", "--quarter", "2020-Q3", "-o", str(root / "d.docx"), repo=root)
    assert result.exit_code == 0
    assert "`dnnd draft --quarter 2020-Q3`" in result.stderr
    assert texts(Document(str(root / "d.docx")))[0] == "DỰ THẢO"
    check = run_cli("report", "--quarter", "2020-Q3", "--check", repo=root)
    assert check.exit_code == 1 and "plan/reports/2020-Q3.yaml" in check.stdout


def test_draft_writes_a_valid_text_once_and_never_overwrites(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = _ready(run_cli, make_repo, text=False)
    first = run_cli("draft", "--quarter", "2020-Q3", repo=root)
    assert first.exit_code == 0, first.output
    path = root / "plan" / "reports" / "2020-Q3.yaml"
    written = path.read_bytes()
    assert "#   Sở Ngoại vụ (chủ trì, quý III năm 2020):" in written.decode("utf-8")
    assert run_cli("validate", repo=root).exit_code == 0
    again = run_cli("draft", "--quarter", "2020-Q3", repo=root)
    assert again.exit_code == 1 and "không ghi đè" in again.stderr
    assert path.read_bytes() == written


def test_check_names_the_empty_sections_of_the_text(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = _ready(run_cli, make_repo, text=False)
    assert run_cli("draft", "--quarter", "2020-Q3", repo=root).exit_code == 0
    check = run_cli("report", "--quarter", "2020-Q3", "--check", repo=root)
    assert check.exit_code == 1
    assert "còn để trống assessment.achievements (kết quả nổi bật)" in " ".join(check.stdout.split())


def test_a_text_with_errors_is_told_by_validate_and_the_report_stays_a_draft(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    root = _ready(run_cli, make_repo, text=False)
    (root / "plan" / "reports").mkdir()
    (root / "plan" / "reports" / "2020-Q3.yaml").write_text("period: 2020-Q3\ntasks:\n  99: x\n", encoding="utf-8")
    result = run_cli("validate", repo=root)
    assert result.exit_code == 1
    assert "plan/reports/2020-Q3.yaml:3:3: tasks.99: kế hoạch không có nhiệm vụ 99" in result.output
    check = run_cli("report", "--quarter", "2020-Q3", "--check", repo=root)
    assert "có lỗi nên báo cáo chưa dùng được" in " ".join(check.stdout.split())


def test_a_number_an_issued_report_carries_is_told(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = _ready(run_cli, make_repo)
    locks = "locks:\n  - period: 2020-Q3\n    locked_on: 2020-09-25\n    number: 125\n"
    (root / "plan" / "locks.yaml").write_text(locks, encoding="utf-8")
    check = run_cli("report", "--quarter", "2020-Q4", "--number", "125", "--date", "2020-12-16", "--check", repo=root)
    assert "số 125 năm 2020 đã dùng cho báo cáo kỳ 2020-Q3" in " ".join(check.stdout.split())
    same = run_cli("report", "--quarter", "2020-Q3", "--number", "125", "--date", "2020-09-20", "--check", repo=root)
    assert same.exit_code == 0, same.stdout


def test_the_sample_repository_has_a_complete_text_of_its_own(run_cli: RunCli) -> None:
    sample = PROJECT / "examples" / "khanhhoa-2020"
    assert run_cli("validate", repo=sample).exit_code == 0
    check = run_cli("report", "--quarter", "2020-Q4", "--check", repo=sample)
    assert "Trước khi ký báo cáo kỳ 2020-Q4, còn 2 việc:" in check.stdout  # the agencies missing, the signer
    assert "plan/reports" not in check.stdout


def test_a_number_is_judged_by_the_year_its_report_was_issued(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = _ready(run_cli, make_repo)
    assert run_cli("lock", "2020-Q3", "--number", "125", "--date", "2021-01-05", repo=root).exit_code == 0
    args = ("report", "--quarter", "2020-Q4", "--number", "125", "--check")
    in_2021 = run_cli(*args, "--date", "2021-01-20", repo=root)
    assert "số 125 năm 2021 đã dùng cho báo cáo kỳ 2020-Q3" in " ".join(in_2021.stdout.split())
    in_2020 = run_cli(*args, "--date", "2020-12-20", repo=root)
    assert "số 125" not in in_2020.stdout


def test_the_draft_leaves_the_figures_to_the_report_and_says_so(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = _ready(run_cli, make_repo, text=False)
    assert run_cli("draft", "--quarter", "2020-Q3", repo=root).exit_code == 0
    text = (root / "plan" / "reports" / "2020-Q3.yaml").read_text(encoding="utf-8")
    summary = text[text.index("\nsummary: ") :].split("\n\n")[0]
    assert "Trong kỳ, các cơ quan, đơn vị" not in summary  # the figures are part 2, printed by the report
    assert "# phần 2 (hoạt động đối ngoại nhân dân trong kỳ" in text
    assert "#   Trong kỳ, các cơ quan, đơn vị chưa báo cáo hoạt động đối ngoại nhân dân nào." in text


def test_report_and_draft_take_as_of_and_say_first_which_period(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = _ready(run_cli, make_repo)
    result = run_cli("report", "--as-of", "2020-10-01", "-o", str(root / "r.docx"), repo=root)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith("(kỳ đang báo cáo: 2020-Q3")
    draft = _ready(
        run_cli, make_repo, text=False, name="draft"
    )  # its overview says on which day the tasks were counted
    args = ("--quarter", "2020-Q3", "--as-of", "2020-08-01", "--date", "2020-08-02")
    body = texts(generate(run_cli, draft, "report", *args))
    assert any("Tính đến ngày 01/08/2020, trong tổng số 15 nhiệm vụ" in text for text in body)
