"""`dnnd budget`: three agencies' estimates for 2021 (one with a wrong product, one for a task it does not
hold), Sở Tài chính's appraisals and the amounts spent give exact totals; every error names file, line and
field; the table, CSV and workbook carry the same numbers."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import DATA, EMBEDDED_PLAN, MakeRepo, RunCli
from tests.git_helpers import FOCAL, branch, commit, init

SCENARIO = DATA / "budgets"


def amounts(estimate: int, appraised: int | None, allocated: int | None, executed: int | None) -> dict[str, Any]:
    return {"estimate": estimate, "appraised": appraised, "allocated": allocated, "executed": executed}


@pytest.fixture
def repo(make_repo: MakeRepo) -> Path:
    root = make_repo()
    shutil.copytree(SCENARIO, root / "plan" / "budgets")
    return root


def test_the_json_has_exact_totals_per_agency_task_and_source(run_cli: RunCli, repo: Path) -> None:
    result = run_cli("budget", "--year", "2021", "--format", "json", repo=repo)
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["agencies"]["lhhn"] == {
        **amounts(80_000_000, 45_000_000, 45_000_000, 48_000_000),
        "tasks": {
            "7": amounts(50_000_000, 45_000_000, 45_000_000, 48_000_000),
            "14": amounts(30_000_000, None, None, None),
        },
    }
    assert found["agencies"]["sngv"]["tasks"]["11"] == amounts(20_000_000, None, None, None)
    assert found["sources"]["ngan_sach_tinh"] == amounts(90_000_000, 65_000_000, 63_000_000, 63_000_000)
    assert found["sources"]["vien_tro"] == amounts(0, None, None, None)
    assert found["total"] == amounts(120_000_000, 65_000_000, 63_000_000, 63_000_000)
    assert list(found["agencies"]) == ["sngv", "lhhn"] and found["year"] == 2021


def test_the_wrong_files_are_left_out_and_named_not_counted_as_missing(run_cli: RunCli, repo: Path) -> None:
    result = run_cli("budget", "--year", "2021", "--format", "json", repo=repo)
    found = json.loads(result.stdout)
    assert "stttt" not in found["agencies"] and "mttq" not in found["agencies"]
    assert "stttt" not in found["missing"] and "mttq" not in found["missing"]
    assert {"snv", "bdv", "btg", "baokh", "ktv", "congttdt"} <= set(found["missing"])
    assert "lienquan" not in found["missing"]  # a group: it never reports nor budgets
    assert "plan/budgets/mttq/2021.yaml" in result.stderr and "plan/budgets/stttt/2021.yaml" in result.stderr


def test_validate_names_file_line_and_field(run_cli: RunCli, repo: Path) -> None:
    result = run_cli("validate", repo=repo)
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.output.splitlines()
    assert (
        "plan/budgets/stttt/2021.yaml:11:13: nhiệm vụ 8 (lines[0]).amount: thành tiền 25.000.000 khác số lượng × đơn giá = "
        "3 × 10.000.000 = 30.000.000" in lines
    )
    assert (
        "plan/budgets/mttq/2021.yaml:6:11: lines[0].task: mttq không chủ trì hay phối hợp nhiệm vụ 8 trong năm 2021"
        in lines
    )


def test_the_table_groups_digits_the_vietnamese_way_and_lists_who_has_no_estimate(run_cli: RunCli, repo: Path) -> None:
    result = run_cli("budget", "--year", "2021", repo=repo)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Kinh phí thực hiện Kế hoạch năm 2021 (đồng)" in text and "120.000.000" in text and "Tổng cộng" in text
    assert "Chưa có dự toán năm 2021" in text and "SNV" in text
    assert "Bỏ qua 2 tệp kinh phí có lỗi" in " ".join(result.stderr.split())  # the table says what it left out


def test_csv_and_workbook_carry_the_same_numbers(run_cli: RunCli, repo: Path, tmp_path: Path) -> None:
    csv = run_cli("budget", "--year", "2021", "--format", "csv", repo=repo).stdout
    assert "total,,,,120000000,65000000,63000000,63000000" in csv.splitlines()
    target = tmp_path / "kinh-phi.xlsx"
    assert run_cli("budget", "--year", "2021", "--format", "xlsx", "-o", str(target), repo=repo).exit_code == 0
    totals, lines = openpyxl.load_workbook(target).worksheets
    assert [cell.value for cell in totals[1]] == ["Cơ quan", "Dự toán", "Thẩm định", "Bố trí", "Thực hiện"]
    assert [cell.value for cell in totals[totals.max_row]] == [
        "Tổng cộng",
        120_000_000,
        65_000_000,
        63_000_000,
        63_000_000,
    ]
    assert (
        lines["C2"].value == "Rà soát, góp ý các văn bản về công tác đối ngoại nhân dân"
        and lines["I2"].value == 20_000_000
    )


def test_one_agency(run_cli: RunCli, repo: Path) -> None:
    found = json.loads(run_cli("budget", "--year", "2021", "--agency", "sngv", "--format", "json", repo=repo).stdout)
    assert list(found["agencies"]) == ["sngv"] and found["total"] == amounts(
        40_000_000, 20_000_000, 18_000_000, 15_000_000
    )
    assert found["missing"] == []


APPRAISALS = "plan/budgets/appraisals/2021.yaml"


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "  - {agency: lhhn, line: 9, appraised: 1000}\n",
            "appraisals[0].line: dự toán năm 2021 của lhhn không có dòng số 9",
        ),
        ("  - {agency: snv, line: 1, appraised: 1000}\n", "appraisals[0].agency: snv chưa có dự toán năm 2021"),
        (
            "  - {agency: sngv, line: 2, appraised: 1000, allocated: 2000}\n",
            "appraisals[0].allocated: số bố trí 2.000 lớn hơn số thẩm định 1.000: ghi lý do vào note",
        ),
    ],
)
def test_an_appraisal_must_name_a_line_that_exists_and_not_allocate_more_without_a_reason(
    run_cli: RunCli, repo: Path, item: str, expected: str
) -> None:
    (repo / APPRAISALS).write_text(f"year: 2021\nappraisals:\n{item}", "utf-8")
    result = run_cli("validate", repo=repo)
    assert result.exit_code == 1 and f"{APPRAISALS}:3:" in result.output and expected in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        ("plan/budgets/lhhn/2019.yaml", "agency: lhhn\nyear: 2019\nlines: []\n", "lines: "),
        (
            "plan/budgets/lhhn/2030.yaml",
            "agency: lhhn\nyear: 2030\nlines:\n  - {id: 1, task: 7, content: x, amount: 1, source: khac}\n",
            "nằm ngoài các năm",
        ),
        (
            "plan/budgets/lhhn/2022.yaml",
            "agency: snv\nyear: 2022\nlines:\n  - {id: 1, task: 7, content: x, amount: 1, source: khac}\n",
            "không trùng tên thư mục",
        ),
        ("plan/budgets/khongco/2022.yaml", "agency: khongco\nyear: 2022\n", "không có cơ quan 'khongco'"),
        ("plan/budgets/lhhn/du-toan.yaml", "x: 1\n", "tệp kinh phí phải là plan/budgets/<mã cơ quan>/<năm>.yaml"),
        (
            "plan/budgets/lhhn/2022.yaml",
            "agency: lhhn\nyear: 2022\nlines:\n  - {id: 1, task: 7, content: x, amount: -5, source: quy}\n",
            "(lines[0]).amount: phải lớn hơn 0, không phải -5",
        ),
    ],
)
def test_each_wrong_file_is_named_with_its_field(
    run_cli: RunCli, repo: Path, rel: str, text: str, expected: str
) -> None:
    (repo / rel).parent.mkdir(parents=True, exist_ok=True)
    (repo / rel).write_text(text, "utf-8")
    result = run_cli("validate", repo=repo)
    found = [line for line in result.output.splitlines() if line.startswith(rel)]
    assert result.exit_code == 1 and found and any(expected in line for line in found), result.output


def test_validate_sees_a_budget_changed_after_a_cached_run(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    assert run_cli("validate", repo=root).exit_code == 0
    shutil.copytree(SCENARIO, root / "plan" / "budgets")
    assert run_cli("validate", repo=root).exit_code == 1


def test_new_budget_writes_a_line_per_task_the_agency_holds_and_never_overwrites(
    run_cli: RunCli, make_repo: MakeRepo
) -> None:
    root = make_repo()
    result = run_cli("new-budget", "--agency", "stttt", "--year", "2021", repo=root)
    assert result.exit_code == 0, result.output
    text = (root / "plan/budgets/stttt/2021.yaml").read_text("utf-8")
    assert "agency: stttt\nyear: 2021\n" in text and "    task: 8  #" in text and "    task: 11  #" in text
    again = run_cli("new-budget", "--agency", "stttt", "--year", "2021", repo=root)
    assert again.exit_code == 2 and "đã có" in again.output
    assert run_cli("new-budget", "--agency", "lienquan", "--year", "2021", repo=root).exit_code == 2


def _budgets(rel: str) -> dict[str, str]:
    return {f"plan/budgets/{rel}": (SCENARIO / rel).read_text("utf-8")}


def test_lock_budget_freezes_the_years_files_for_check_changes(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = init(make_repo({**_budgets("lhhn/2021.yaml"), **_budgets("sngv/2021.yaml")}))
    result = run_cli("lock", "2021", "--budget", repo=root)
    assert result.exit_code == 0 and "Đã khóa kinh phí năm 2021" in result.output
    assert "budgets:\n- year: 2021" in (root / "plan/locks.yaml").read_text("utf-8")
    commit(root, {}, "Khóa kinh phí 2021", author=FOCAL)
    branch(root, "pr")
    changed = _budgets("lhhn/2021.yaml")
    commit(root, {rel: text.replace("executed: 48000000", "executed: 49000000") for rel, text in changed.items()})
    result = run_cli("check-changes", "--base", "main", "--agency", "lhhn", repo=root)
    assert result.exit_code == 1 and "kinh phí năm 2021 đã quyết toán và bị khóa" in result.output
    assert run_cli("lock", "2021", "--budget", repo=root).exit_code != 0  # twice is refused


def test_unlock_budget_and_a_period_lock_leaves_budgets_alone(run_cli: RunCli, make_repo: MakeRepo) -> None:
    root = make_repo()
    assert run_cli("lock", "2021", "--budget", repo=root).exit_code == 0
    assert run_cli("lock", "2020-Q3", repo=root).exit_code == 0
    assert run_cli("unlock", "2020-Q3", repo=root).exit_code == 0
    assert "- year: 2021" in (root / "plan/locks.yaml").read_text("utf-8")
    result = run_cli("unlock", "2021", "--budget", repo=root)
    assert result.exit_code == 0 and "- year: 2021" not in (root / "plan/locks.yaml").read_text("utf-8")
    assert run_cli("lock", "2021-Q3", "--budget", repo=root).exit_code == 2  # a year, not a quarter


def test_missing_budget_lists_who_holds_a_task_and_sent_no_estimate(run_cli: RunCli, repo: Path) -> None:
    found = json.loads(run_cli("missing", "--budget", "--year", "2021", "--format", "json", repo=repo).stdout)
    by_agency = {item["agency"]: item for item in found["missing"]}
    assert found["year"] == 2021 and "lhhn" not in by_agency and "sngv" not in by_agency
    assert "stttt" not in by_agency  # its estimate exists, though wrong
    assert by_agency["snv"]["tasks"][:3] == [1, 2, 3] and by_agency["snv"]["name"] == "Sở Nội vụ"
    table = run_cli("missing", "--budget", "--year", "2021", repo=repo)
    assert "Cơ quan chưa gửi dự toán kinh phí năm 2021" in " ".join(table.output.split())


@pytest.mark.parametrize(("due", "warned"), [("01-01", True), ("12-31", False)])
def test_status_warns_after_the_day_next_years_estimates_are_due(
    run_cli: RunCli, make_repo: MakeRepo, due: str, warned: bool
) -> None:
    today = dt.date.today()
    if (today.month, today.day) in ((1, 1), (12, 31)):
        pytest.skip("on the due days themselves the warning depends on the hour")
    plan = (EMBEDDED_PLAN / "plan.yaml").read_text("utf-8") + f"reporting:\n  budget_due: {due}\n"
    root = make_repo({"plan/plan.yaml": plan})
    result = run_cli("status", repo=root)
    assert result.exit_code == 0, result.output
    message = f"Đã qua hạn gửi dự toán kinh phí năm {today.year + 1}"
    assert (message in " ".join(result.stderr.split())) is warned


def test_an_impossible_due_day_is_refused(run_cli: RunCli, make_repo: MakeRepo) -> None:
    plan = (EMBEDDED_PLAN / "plan.yaml").read_text("utf-8") + "reporting:\n  budget_due: 04-31\n"
    result = run_cli("validate", repo=make_repo({"plan/plan.yaml": plan}))
    assert result.exit_code == 1 and "reporting.budget_due: không có ngày 04-31 trong năm" in result.output


def test_the_annual_report_gives_the_years_funding_and_phu_luc_iv(run_cli: RunCli, repo: Path, tmp_path: Path) -> None:
    import docx

    target = tmp_path / "bao-cao-2021.docx"
    result = run_cli("report", "--year", "2021", "-o", str(target), repo=repo)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert any(
        text.startswith("5. Kinh phí thực hiện Kế hoạch năm 2021: các cơ quan, đơn vị lập dự toán 120.000.000 đồng")
        for text in texts
    )
    assert "PHỤ LỤC IV" in texts and "KINH PHÍ THỰC HIỆN KẾ HOẠCH NĂM 2021" in texts
    total = [cell.text for cell in document.tables[-1].rows[-1].cells]
    assert total == ["", "Tổng cộng", "120.000.000", "65.000.000", "63.000.000", "63.000.000"]


def test_a_quarterly_report_and_a_year_without_estimates_have_no_funding(
    run_cli: RunCli, repo: Path, tmp_path: Path
) -> None:
    import docx

    for args in (("--quarter", "2021-Q2"), ("--year", "2022")):
        target = tmp_path / f"{args[1]}.docx"
        assert run_cli("report", *args, "-o", str(target), repo=repo).exit_code == 0
        texts = [paragraph.text for paragraph in docx.Document(str(target)).paragraphs]
        assert "PHỤ LỤC IV" not in texts and not any("Kinh phí thực hiện Kế hoạch" in text for text in texts)


def test_a_year_that_may_not_be_budgeted_is_refused(run_cli: RunCli, repo: Path) -> None:
    result = run_cli("budget", "--year", "2019", repo=repo)
    assert result.exit_code == 2 and "năm 2019 nằm ngoài các năm có thể lập dự toán hôm nay" in result.output


def test_the_letter_and_the_annual_report_name_the_estimates_left_out(
    run_cli: RunCli, repo: Path, tmp_path: Path
) -> None:
    import docx

    expected = (
        "chưa hợp lệ nên chưa được tổng hợp: Sở Thông tin và Truyền thông; Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh."
    )
    for args in (("budget", "--year", "2021", "--docx"), ("report", "--year", "2021")):
        target = tmp_path / f"{args[0]}.docx"
        assert run_cli(*args, "-o", str(target), repo=repo).exit_code == 0
        assert any(expected in paragraph.text for paragraph in docx.Document(str(target)).paragraphs), args


def test_missing_budget_refuses_the_options_of_a_reporting_period(run_cli: RunCli, repo: Path) -> None:
    for option in (("--quarter", "2021-Q2"), ("--as-of", "2021-06-01"), ("--late",)):
        result = run_cli("missing", "--budget", *option, repo=repo)
        assert result.exit_code == 2 and "--budget chỉ đi với --year" in result.output, option
