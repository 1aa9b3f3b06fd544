"""`dnnd site` and `dnnd rollup --site` through the command line: the pages, their lateness from the main
branch, byte-identical rebuilds, English, and the folders it refuses. In a browser: test_site_in_browser.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import MakeRepo, RunCli
from tests.site_helpers import LATE_AGENCY, SAMPLE, sample_with_history


@pytest.fixture
def history(tmp_path: Path) -> Path:
    return sample_with_history(tmp_path / "khanhhoa")


def _site(run_cli: RunCli, repo: Path, out: Path, *args: str) -> dict[str, str]:
    result = run_cli("site", "--quarter", "2020-Q4", "-o", str(out), *args, repo=repo)
    assert result.exit_code == 0, result.output
    return {path.relative_to(out).as_posix(): path.read_text("utf-8") for path in out.rglob("*") if path.is_file()}


def test_the_site_has_an_overview_a_trend_the_agencies_and_a_page_per_task(run_cli: RunCli, history: Path) -> None:
    pages = _site(run_cli, history, history / "out")
    assert {"index.html", "dien-bien.html", "co-quan/index.html", "nhiem-vu/index.html", "style.css"} <= set(pages)
    assert {f"nhiem-vu/{number}.html" for number in range(1, 16)} <= set(pages)
    assert "co-quan/lhhn.html" in pages and "co-quan/bng.html" not in pages  # an external body never reports
    assert "Tình hình thực hiện Kế hoạch — quý IV năm 2020" in pages["index.html"]
    assert '<html lang="vi">' in pages["index.html"]
    assert not re.search(r'(src|href)="(https?:)?//', "".join(pages.values()))  # nothing from the network
    assert "<h1>Nhiệm vụ 4</h1>" in pages["nhiem-vu/4.html"] and "<dd>Quý III/2020</dd>" in pages["nhiem-vu/4.html"]


def test_a_late_update_shows_in_the_grid_on_the_agency_page_and_in_the_overview(run_cli: RunCli, history: Path) -> None:
    pages = _site(run_cli, history, history / "out")
    row = re.search(rf'<a href="{LATE_AGENCY}.html">.*?</tr>', pages["co-quan/index.html"], re.S)
    assert row is not None and re.findall(r'data-state="(\w+)"', row.group(0)) == ["on_time", "late"]
    agency = pages[f"co-quan/{LATE_AGENCY}.html"]
    assert "28/12/2020" in agency and "16/12/2020" in agency and '<td class="number">12</td>' in agency
    assert "Cơ quan báo cáo muộn" in pages["index.html"] and "Liên hiệp các tổ chức hữu nghị" in pages["index.html"]


def test_the_same_repository_gives_the_same_bytes(run_cli: RunCli, history: Path) -> None:
    first = _site(run_cli, history, history / "one")
    second = _site(run_cli, history, history / "two")
    assert first == second


def test_outside_git_the_pages_say_lateness_is_unknown(run_cli: RunCli, tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "copy")
    pages = _site(run_cli, tmp_path / "copy", tmp_path / "out")
    assert "Không đọc được lịch sử git của kho" in pages["co-quan/index.html"]
    assert (
        'data-state="late"' not in pages["co-quan/index.html"]
        and 'data-state="submitted"' in pages["co-quan/index.html"]
    )


def test_in_english(run_cli: RunCli, history: Path) -> None:
    pages = _site(run_cli, history, history / "out", "--lang", "en")
    assert '<html lang="en">' in pages["index.html"] and "Progress of the plan — 2020-Q4" in pages["index.html"]
    assert "Reported late" in pages["co-quan/index.html"] and "2020-Q4" in pages["dien-bien.html"]


def test_by_default_it_writes_site_in_the_repository(run_cli: RunCli, history: Path) -> None:
    result = run_cli("site", "--quarter", "2020-Q4", repo=history)
    assert result.exit_code == 0, result.output
    assert (history / "site" / "index.html").is_file() and "site/index.html" in " ".join(result.output.split())


def test_a_rebuild_removes_the_pages_of_agencies_that_left_and_keeps_unchanged_files(
    run_cli: RunCli, history: Path
) -> None:
    out = history / "out"
    _site(run_cli, history, out)
    (out / "co-quan" / "cu.html").write_text("<html></html>", "utf-8")
    kept = (out / "style.css").stat().st_mtime_ns
    pages = _site(run_cli, history, out)
    assert "co-quan/cu.html" not in pages and (out / "style.css").stat().st_mtime_ns == kept


def test_a_folder_that_is_not_a_site_is_refused_and_left_alone(run_cli: RunCli, history: Path) -> None:
    (history / "docs").mkdir()
    (history / "docs" / "ghi-chu.txt").write_text("của tôi", "utf-8")
    result = run_cli("site", "--quarter", "2020-Q4", "-o", str(history / "docs"), repo=history)
    assert result.exit_code == 2 and "không phải trang do dnnd dựng" in result.output
    assert [path.name for path in (history / "docs").iterdir()] == ["ghi-chu.txt"]


def test_a_broken_plan_builds_nothing(run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path) -> None:
    repo = make_repo({"plan/tasks.yaml": "tasks: [\n"})
    result = run_cli("site", "-o", str(tmp_path / "out"), repo=repo)
    assert result.exit_code == 1 and "plan/tasks.yaml:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_rollup_site_has_the_national_overview_and_a_page_per_province(
    run_cli: RunCli, make_repo: MakeRepo, tmp_path: Path
) -> None:
    plan = (SAMPLE / "plan" / "plan.yaml").read_text("utf-8").replace("id: khanhhoa-dnnd-2020\n", "id: phuyen-dnnd\n")
    other = make_repo({"plan/plan.yaml": plan.replace("province: Khánh Hòa", "province: Phú Yên")})
    out = tmp_path / "national"
    result = run_cli("rollup", str(SAMPLE), str(other), "--quarter", "2020-Q4", "--site", str(out))
    assert result.exit_code == 0, result.output
    index = (out / "index.html").read_text("utf-8")
    links = re.findall(r'href="(tinh/[^"]+)"', index)
    assert len(links) == 2 and all((out / link).is_file() for link in links)
    assert "Tổng hợp toàn quốc" in index and 'id="provinces-done_on_time-0"' in index


def test_hostile_text_is_shown_as_text_not_run(run_cli: RunCli, tmp_path: Path) -> None:
    repo = shutil.copytree(SAMPLE, tmp_path / "copy")
    update = repo / "plan" / "updates" / "lhhn" / "2020-Q4.yaml"
    update.write_text(
        update.read_text("utf-8").replace("Tiếp tục phối hợp", "<script>alert(1)</script> $x^2$ & {{ 7*7 }}", 1),
        "utf-8",
    )
    plan = repo / "plan" / "plan.yaml"
    plan.write_text(plan.read_text("utf-8").replace("province: Khánh Hòa", "province: Khánh Hòa $\\x$ <b>"), "utf-8")
    task = _site(run_cli, repo, tmp_path / "out")["nhiem-vu/2.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; $x^2$ &amp; {{ 7*7 }}" in task and "<script>" not in task
    result = run_cli("rollup", str(repo), "--quarter", "2020-Q4", "--site", str(tmp_path / "national"))
    assert result.exit_code == 0, result.output
    index = (tmp_path / "national" / "index.html").read_text("utf-8")
    assert "Khánh Hòa $\\x$ &lt;b&gt;</a>" in index and "Khánh Hòa $\\x$ &lt;b&gt;</text>" in index  # not mathematics
    assert "<b>" not in index


def test_as_of_before_the_due_day_reports_are_not_yet_due_and_later_arrivals_not_counted(
    run_cli: RunCli, history: Path
) -> None:
    pages = _site(run_cli, history, history / "out", "--as-of", "2020-12-15")
    index = " ".join(pages["index.html"].split())
    assert "Chưa đến hạn báo cáo" in index and "<strong>0</strong> cơ quan chưa báo cáo" in index
    assert "<strong>0</strong> báo cáo muộn" in index  # LHHN's file arrived on 28/12, after the day asked
    row = re.search(rf'<a href="{LATE_AGENCY}.html">.*?</tr>', pages["co-quan/index.html"], re.S)
    assert row is not None and re.findall(r'data-state="(\w+)"', row.group(0)) == ["on_time", "pending"]
