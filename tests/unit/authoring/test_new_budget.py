"""`dnnd new-budget`: the estimate it writes, a line per task the agency holds that year, which validates once
its amounts are filled in, and what it refuses."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dnnd.authoring.new_budget import budget_text, new_budget
from dnnd.checks.budgets import read_budgets
from dnnd.errors import UsageError
from dnnd.repository import Repository, load_repository
from tests.conftest import MakeRepo

TODAY = dt.date(2026, 12, 7)  # the years that may be budgeted: 2020 to 2027


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(), use_cache=False)


def tasks_of(text: str) -> list[int]:
    return [int(number) for number in re.findall(r"^    task: (\d+)  # ", text, flags=re.MULTILINE)]


def test_it_writes_a_line_per_task_the_agency_holds_that_year(repo: Repository) -> None:
    path = new_budget(repo, "lhhn", 2021, TODAY)
    assert path == repo.root / "plan/budgets/lhhn/2021.yaml"
    text = path.read_text(encoding="utf-8")
    assert text == budget_text(repo, "lhhn", 2021, tasks_of(text))
    assert tasks_of(text) == [2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15]  # not 1 nor 8
    assert "agency: lhhn\nyear: 2021\nlines:\n  - id: 1\n    task: 2  # " in text
    assert re.findall(r"^  - id: (\d+)$", text, flags=re.MULTILINE) == [str(n) for n in range(1, 14)]
    assert text.startswith("# Dự toán kinh phí năm 2021 của Liên hiệp các tổ chức hữu nghị tỉnh để thực hiện Kế hoạch.")


def test_a_successor_gets_the_tasks_it_inherited_that_year(repo: Repository) -> None:
    text = new_budget(repo, "svhtt", 2025, TODAY).read_text(encoding="utf-8")
    assert tasks_of(text) == [8, 11]
    assert tasks_of(new_budget(repo, "stttt", 2025, TODAY).read_text(encoding="utf-8")) == [8, 11]  # until February


def test_a_long_task_title_is_cut_in_its_comment(repo: Repository) -> None:
    text = budget_text(repo, "lhhn", 2021, [13, 2])
    comments = re.findall(r"^    task: \d+  # (.*)$", text, flags=re.MULTILINE)
    assert comments[0] == repo.tasks[13].title  # 89 characters: whole
    assert comments[1] == repo.tasks[2].title[:90] + "…" and len(repo.tasks[2].title) > 90
    assert tasks_of(text) == [13, 2]


@pytest.mark.parametrize(
    ("agency", "year", "message"),
    [
        ("lienquan", 2021, "'lienquan' là nhóm hoặc cơ quan ngoài tỉnh: không lập dự toán"),
        ("bng", 2021, "'bng' là nhóm hoặc cơ quan ngoài tỉnh: không lập dự toán"),
        ("lhhn", 2019, "năm 2019 nằm ngoài các năm có thể lập dự toán hôm nay (2020–2027)"),
        ("lhhn", 2028, "năm 2028 nằm ngoài các năm có thể lập dự toán hôm nay (2020–2027)"),
        ("stc", 2021, "'stc' không chủ trì hay phối hợp nhiệm vụ nào trong năm 2021"),
        ("svhtt", 2024, "'svhtt' không chủ trì hay phối hợp nhiệm vụ nào trong năm 2024"),
        ("khongco", 2021, "không có cơ quan mã 'khongco'"),
    ],
)
def test_what_it_refuses_writes_nothing(repo: Repository, agency: str, year: int, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        new_budget(repo, agency, year, TODAY)
    assert caught.value.message.vi.startswith(message)
    assert not (repo.root / "plan/budgets").exists()


def test_an_existing_file_is_never_overwritten(repo: Repository) -> None:
    path = repo.root / "plan/budgets/lhhn/2021.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("# của tôi\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        new_budget(repo, "lhhn", 2021, TODAY)
    assert caught.value.message.en == "plan/budgets/lhhn/2021.yaml exists already: dnnd does not overwrite it"
    assert path.read_text(encoding="utf-8") == "# của tôi\n"


def test_the_written_file_validates_once_its_amounts_are_filled_in(repo: Repository) -> None:
    rel = "plan/budgets/svhtt/2025.yaml"
    text = new_budget(repo, "svhtt", 2025, TODAY).read_text(encoding="utf-8")
    empty = read_budgets(repo.plan, repo.agencies, repo.tasks, {rel: text.encode()}, TODAY)
    assert empty.estimates == {} and "nhiệm vụ 8 (lines[0]).content" in {problem.field for problem in empty.problems}
    filled = text.replace("content:  # nội dung chi", "content: Tuyên truyền").replace(
        "amount:  # đồng", "amount: 1000"
    )
    found = read_budgets(repo.plan, repo.agencies, repo.tasks, {rel: filled.encode()}, TODAY)
    assert found.problems == []
    assert [(line.id, line.task, line.amount) for line in found.estimates[("svhtt", 2025)].lines] == [
        (1, 8, 1000),
        (2, 11, 1000),
    ]
