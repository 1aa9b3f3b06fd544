"""`dnnd budget`'s figures: the amounts a line adds, the share executed, and the year's sums per agency, task
and source with the agencies that hold a task but sent no estimate."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from dnnd.errors import UsageError
from dnnd.evaluate.budget import Amounts, budget_summary, read_repository_budgets
from dnnd.plan.budget_models import Appraisal, BudgetLine
from dnnd.repository import Repository, load_repository
from tests.conftest import DATA, MakeRepo

TODAY = dt.date(2026, 12, 7)
# lhhn: line 1 (task 7, 50M, appraised and allocated 45M, 48M spent), line 2 (task 14, 30M, xa_hoi_hoa);
# sngv: line 1 (task 2, 20M, appraised 20M, allocated 18M, 15M spent), line 2 (task 11, 20M);
# mttq and stttt: left out (a task mttq does not hold, a wrong product)
SCENARIO = DATA / "budgets"
M = 1_000_000


def line(amount: int, executed: int | None = None) -> BudgetLine:
    return BudgetLine(id=1, task=7, content="Đón tiếp", amount=amount, source="khac", executed=executed)


def appraisal(appraised: int, allocated: int | None = None) -> Appraisal:
    return Appraisal(agency="lhhn", line=1, appraised=appraised, allocated=allocated)


def figures(amounts: Amounts) -> tuple[int, int | None, int | None, int | None]:
    return amounts.estimate, amounts.appraised, amounts.allocated, amounts.executed


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    root = make_repo()
    shutil.copytree(SCENARIO, root / "plan" / "budgets")
    return load_repository(root, use_cache=False)


def test_amounts_stay_unknown_until_a_line_has_them() -> None:
    amounts = Amounts()
    amounts.add(line(30 * M), None)
    assert figures(amounts) == (30 * M, None, None, None)
    amounts.add(line(20 * M), appraisal(15 * M))
    assert figures(amounts) == (50 * M, 15 * M, None, None)
    amounts.add(line(10 * M, executed=0), appraisal(0, 0))  # zero is known, not unknown
    assert figures(amounts) == (60 * M, 15 * M, 0, 0)
    amounts.add(line(5 * M, executed=4 * M), appraisal(5 * M, 6 * M))
    assert figures(amounts) == (65 * M, 20 * M, 6 * M, 4 * M)


@pytest.mark.parametrize(
    ("amounts", "rate"),
    [
        (Amounts(100, 90, 80, 60), 0.75),  # of the allocation
        (Amounts(100, 90, None, 60), 0.6),  # of the estimate while nothing is allocated
        (Amounts(100, 90, 80, None), None),  # nothing spent known
        (Amounts(100, 0, 0, 10), None),  # nothing allocated: no share
        (Amounts(0, None, None, 0), None),
        (Amounts(100, None, None, 0), 0.0),
    ],
)
def test_the_share_executed_is_of_the_allocation_else_of_the_estimate(amounts: Amounts, rate: float | None) -> None:
    assert amounts.execution_rate == rate


def test_the_year_is_summed_per_agency_in_the_plans_order_and_per_task(repo: Repository) -> None:
    summary = budget_summary(repo, 2021, today=TODAY)
    assert summary.year == 2021 and list(summary.agencies) == ["sngv", "lhhn"]
    assert figures(summary.agencies["lhhn"]) == (80 * M, 45 * M, 45 * M, 48 * M)
    assert figures(summary.agencies["sngv"]) == (40 * M, 20 * M, 18 * M, 15 * M)
    assert {task: figures(found) for task, found in summary.tasks["lhhn"].items()} == {
        7: (50 * M, 45 * M, 45 * M, 48 * M),
        14: (30 * M, None, None, None),  # never appraised: unknown, not zero
    }
    assert [(view.agency, view.line.task, view.appraisal is not None) for view in summary.lines] == [
        ("sngv", 2, True),
        ("sngv", 11, False),
        ("lhhn", 7, True),
        ("lhhn", 14, False),
    ]


def test_every_source_has_its_sum_and_the_total_is_the_plans(repo: Repository) -> None:
    summary = budget_summary(repo, 2021, today=TODAY)
    assert list(summary.sources) == ["ngan_sach_tinh", "ngan_sach_trung_uong", "vien_tro", "xa_hoi_hoa", "khac"]
    assert figures(summary.sources["ngan_sach_tinh"]) == (90 * M, 65 * M, 63 * M, 63 * M)
    assert figures(summary.sources["xa_hoi_hoa"]) == (30 * M, None, None, None)
    assert figures(summary.sources["vien_tro"]) == (0, None, None, None)
    assert figures(summary.total) == (120 * M, 65 * M, 63 * M, 63 * M)
    assert summary.total.estimate == sum(amounts.estimate for amounts in summary.agencies.values())


def test_missing_are_the_reporting_agencies_holding_a_task_that_year_whose_file_is_not_left_out(
    repo: Repository,
) -> None:
    summary = budget_summary(repo, 2021, today=TODAY)
    # not sngv, lhhn (sent), mttq, stttt (left out), lienquan (a group), stc, vpubnd (no task), svhtt (from 2025)
    assert summary.missing == ["snv", "bdv", "btg", "baokh", "ktv", "congttdt"]
    assert sorted({problem.path for problem in summary.problems}) == [
        "plan/budgets/mttq/2021.yaml",
        "plan/budgets/stttt/2021.yaml",
    ]
    later = budget_summary(repo, 2025, today=TODAY)  # stttt until February, then svhtt; skhcn inherits nothing
    assert later.agencies == {} and {"stttt", "svhtt"} <= set(later.missing) and "skhcn" not in later.missing


def test_one_agency_only(repo: Repository) -> None:
    summary = budget_summary(repo, 2021, today=TODAY, agency_id="sngv")
    assert list(summary.agencies) == ["sngv"] and list(summary.tasks) == ["sngv"]
    assert figures(summary.total) == (40 * M, 20 * M, 18 * M, 15 * M)
    assert figures(summary.sources["xa_hoi_hoa"]) == (0, None, None, None)  # lhhn's source is not counted
    assert summary.missing == [] and {view.agency for view in summary.lines} == {"sngv"}
    assert budget_summary(repo, 2021, today=TODAY, agency_id="snv").missing == ["snv"]
    assert budget_summary(repo, 2021, today=TODAY, agency_id="mttq").missing == []  # left out, not missing


def test_an_unknown_agency_is_a_usage_error_naming_the_known_ones(repo: Repository) -> None:
    with pytest.raises(UsageError) as caught:
        budget_summary(repo, 2021, today=TODAY, agency_id="khongco")
    assert caught.value.message.en.startswith("no agency with id 'khongco'; known ids: ")
    assert "lhhn" in caught.value.message.en


def test_the_repository_budgets_carry_the_unreadable_entries_first(repo: Repository) -> None:
    (repo.root / "plan/budgets/snv").mkdir()
    (repo.root / "plan/budgets/snv/2021.yaml").symlink_to(repo.root / "plan/budgets/lhhn/2021.yaml")
    repo = load_repository(repo.root, use_cache=False)  # funding files are read with the repository, as all are
    found = read_repository_budgets(repo, TODAY)
    assert [problem.path for problem in found.problems][:1] == ["plan/budgets/snv/2021.yaml"]
    assert sorted(found.estimates) == [("lhhn", 2021), ("sngv", 2021)] and list(found.appraisals) == [2021]
    assert "snv" not in budget_summary(repo, 2021, today=TODAY).missing  # refused, so left out, not missing
