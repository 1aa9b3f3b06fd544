"""The funding files (plan/budgets/): each agency's estimates and Sở Tài chính's appraisals, read, validated and
checked against the plan; every problem names its file, line and field."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.checks.budgets import Budgets, appraisals_rel, budget_rel, read_budgets
from dnnd.repository import Repository, load_repository
from tests.conftest import MakeRepo

TODAY = dt.date(2026, 12, 7)  # the years that may be budgeted: 2020 (the decision's) to 2027
LHHN = budget_rel("lhhn", 2021)
APPRAISALS = appraisals_rel(2021)


def line(number: int = 1, task: int = 7, amount: int = 50_000_000, extra: str = "") -> str:
    return (
        f"  - id: {number}\n    task: {task}\n    content: Đón tiếp đoàn\n{extra}"
        f"    amount: {amount}\n    source: ngan_sach_tinh\n"
    )


def estimate(agency: str = "lhhn", year: int = 2021, *lines: str) -> str:
    return f"agency: {agency}\nyear: {year}\nlines:\n" + "".join(lines or (line(),))


def appraisals(*items: str, year: int = 2021) -> str:
    return f"year: {year}\nappraisals:\n" + "".join(items)


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(), use_cache=False)


def read(repo: Repository, files: dict[str, str], today: dt.date = TODAY) -> Budgets:
    raw = {rel: text.encode() for rel, text in files.items()}
    return read_budgets(repo.plan, repo.agencies, repo.tasks, raw, today)


def where(found: Budgets) -> list[tuple[str, int | None, int | None, str]]:
    return [(problem.path, problem.line, problem.column, problem.field) for problem in found.problems]


def english(found: Budgets) -> list[str]:
    return [problem.message.en for problem in found.problems]


def test_a_valid_estimate_and_its_appraisals_are_kept_by_agency_year_and_year(repo: Repository) -> None:
    text = estimate("lhhn", 2021, line(1), line(2, 14, 30_000_000))
    item = "  - {agency: lhhn, line: 1, appraised: 45000000, allocated: 45000000}\n"
    found = read(repo, {LHHN: text, APPRAISALS: appraisals(item)})
    assert found.problems == []
    assert list(found.estimates) == [("lhhn", 2021)] and list(found.appraisals) == [2021]
    assert [(kept.task, kept.amount) for kept in found.estimates[("lhhn", 2021)].lines] == [
        (7, 50_000_000),
        (14, 30_000_000),
    ]
    assert found.appraisals[2021].appraisals[0].allocated == 45_000_000
    assert (budget_rel("sngv", 2022), appraisals_rel(2022)) == (
        "plan/budgets/sngv/2022.yaml",
        "plan/budgets/appraisals/2022.yaml",
    )


@pytest.mark.parametrize(
    "rel",
    [
        "plan/budgets/lhhn/du-toan.yaml",
        "plan/budgets/lhhn/2021.yml",
        "plan/budgets/lhhn/21.yaml",
        "plan/budgets/2021.yaml",
        "plan/budgets/lhhn/cu/2021.yaml",
        "plan/budgets/README.md",
    ],
)
def test_a_badly_named_file_is_a_problem_of_the_whole_file_and_the_others_are_still_read(
    repo: Repository, rel: str
) -> None:
    found = read(repo, {rel: estimate(), LHHN: estimate()})
    assert list(found.estimates) == [("lhhn", 2021)]
    assert where(found) == [(rel, None, None, "")]
    assert english(found) == [
        "a funding file is plan/budgets/<agency id>/<year>.yaml (such as plan/budgets/lhhn/2021.yaml) or "
        "plan/budgets/appraisals/<year>.yaml"
    ]


def test_a_folder_not_named_by_an_agency_is_a_problem_of_the_whole_file(repo: Repository) -> None:
    rel = budget_rel("khongco", 2021)
    found = read(repo, {rel: estimate("khongco")})
    assert (found.estimates, where(found)) == ({}, [(rel, None, None, "")])
    assert english(found) == [
        "there is no agency 'khongco' in plan/agencies.yaml: the folder must be named by an agency's id"
    ]
    assert found.problems[0].message.vi.startswith("không có cơ quan 'khongco' trong plan/agencies.yaml")


def test_a_group_sends_no_estimate_even_for_a_task_it_supports(repo: Repository) -> None:
    rel = budget_rel("lienquan", 2021)  # lienquan supports task 2, but is the plan's "agencies concerned"
    found = read(repo, {rel: estimate("lienquan", 2021, line(1, 2))})
    assert (found.estimates, where(found)) == ({}, [(rel, None, None, "")])
    assert english(found) == ["'lienquan' is a group or an external body: it sends no estimate"]


def test_the_agency_must_match_its_folder_and_the_year_its_file(repo: Repository) -> None:
    found = read(repo, {LHHN: estimate("sngv")})
    assert (found.estimates, where(found)) == ({}, [(LHHN, 1, 9, "agency")])
    assert english(found) == ["agency 'sngv' does not match the folder (lhhn)"]
    found = read(repo, {LHHN: estimate("lhhn", 2022)})
    assert (found.estimates, where(found)) == ({}, [(LHHN, 2, 7, "year")])
    assert english(found) == ["year 2022 does not match the file (2021.yaml)"]
    assert found.problems[0].message.vi == "năm 2022 không trùng tên tệp (2021.yaml)"


@pytest.mark.parametrize(("year", "allowed"), [(2019, False), (2020, True), (2026, True), (2027, True), (2028, False)])
def test_a_year_is_from_the_decisions_to_the_one_after_today(repo: Repository, year: int, allowed: bool) -> None:
    rel = budget_rel("lhhn", year)
    found = read(repo, {rel: estimate("lhhn", year)})
    assert list(found.estimates) == ([("lhhn", year)] if allowed else [])
    assert where(found) == ([] if allowed else [(rel, 2, 7, "year")])
    if not allowed:
        assert english(found) == [
            f"year {year} is outside the years that may be budgeted today (2020, the decision's year, to 2027)"
        ]


def test_the_years_allowed_move_with_today(repo: Repository) -> None:
    rel = budget_rel("lhhn", 2028)
    assert read(repo, {rel: estimate("lhhn", 2028)}, today=dt.date(2027, 1, 1)).problems == []
    assert read(repo, {rel: estimate("lhhn", 2028)}, today=dt.date(2026, 12, 31)).problems != []
    rel = budget_rel("lhhn", 2022)
    early = read(repo, {rel: estimate("lhhn", 2022)}, today=dt.date(2020, 6, 1))
    assert where(early) == [(rel, 2, 7, "year")] and english(early)[0].endswith("(2020, the decision's year, to 2021)")
    assert read(repo, {LHHN: estimate()}, today=dt.date(2020, 6, 1)).problems == []


def test_line_ids_are_unique_and_tasks_must_exist_and_be_held_that_year(repo: Repository) -> None:
    text = estimate("lhhn", 2021, line(1), line(1, 14), line(2, 99), line(3, 8))
    found = read(repo, {LHHN: text})
    assert found.estimates == {}
    assert where(found) == [
        (LHHN, 9, 9, "nhiệm vụ 14 (lines[1]).id"),
        (LHHN, 15, 11, "lines[2].task"),
        (LHHN, 20, 11, "lines[3].task"),
    ]
    assert english(found) == [
        "id 1 is used by an earlier line",
        "the plan has no task 99",
        "lhhn neither leads nor supports task 8 in 2021",
    ]
    assert found.problems[2].message.vi == "lhhn không chủ trì hay phối hợp nhiệm vụ 8 trong năm 2021"


def test_a_task_passes_to_the_successor_in_the_year_of_the_succession(repo: Repository) -> None:
    # stttt ended on 2025-02-28: svhtt (from 2025-03-01) holds its tasks 8 and 11, skhcn none of them
    held = {
        budget_rel("svhtt", 2025): estimate("svhtt", 2025, line(1, 8), line(2, 11)),
        budget_rel("stttt", 2025): estimate("stttt", 2025, line(1, 8)),
    }
    found = read(repo, held)
    assert found.problems == [] and sorted(found.estimates) == [("stttt", 2025), ("svhtt", 2025)]
    not_held = {
        budget_rel("svhtt", 2024): estimate("svhtt", 2024, line(1, 8)),
        budget_rel("stttt", 2026): estimate("stttt", 2026, line(1, 8)),
        budget_rel("skhcn", 2025): estimate("skhcn", 2025, line(1, 11)),
    }
    found = read(repo, not_held)
    assert found.estimates == {}
    assert [(path, field) for path, _, _, field in where(found)] == [(rel, "lines[0].task") for rel in not_held]


def test_quantity_and_unit_price_come_together_and_make_the_amount(repo: Repository) -> None:
    lines = (
        line(1, extra="    quantity: 2\n"),
        line(2, extra="    unit_price: 10\n"),
        line(3, amount=30, extra="    quantity: 2\n    unit_price: 10\n"),
        line(4, amount=20, extra="    quantity: 2\n    unit_price: 10\n"),
    )
    found = read(repo, {LHHN: estimate("lhhn", 2021, *lines)})
    assert found.estimates == {}
    assert where(found) == [
        (LHHN, 7, 15, "nhiệm vụ 7 (lines[0]).unit_price"),  # at the quantity given, naming what is missing
        (LHHN, 13, 17, "nhiệm vụ 7 (lines[1]).quantity"),
        (LHHN, 21, 13, "nhiệm vụ 7 (lines[2]).amount"),
    ]
    assert english(found) == [
        "quantity needs unit_price too",
        "unit_price needs quantity too",
        "amount 30 differs from quantity × unit_price = 2 × 10 = 20",
    ]


def test_a_product_in_vietnamese_groups_digits_with_dots(repo: Repository) -> None:
    text = estimate("lhhn", 2021, line(amount=25_000_000, extra="    quantity: 3\n    unit_price: 10000000\n"))
    found = read(repo, {LHHN: text})
    assert found.problems[0].render("vi") == (
        f"{LHHN}:9:13: nhiệm vụ 7 (lines[0]).amount: thành tiền 25.000.000 khác số lượng × đơn giá = "
        "3 × 10.000.000 = 30.000.000"
    )


def test_a_broken_or_invalid_file_is_left_out_with_the_validators_problems(repo: Repository) -> None:
    broken, invalid = LHHN, budget_rel("sngv", 2021)
    found = read(repo, {broken: "agency: lhhn\nyear: 'chưa đóng\n", invalid: estimate("sngv", 2021, line(amount=-5))})
    assert found.estimates == {}
    assert [problem.path for problem in found.problems] == [broken, invalid]
    assert english(found)[0].startswith("YAML syntax error")
    assert where(found)[1] == (invalid, 7, 13, "nhiệm vụ 7 (lines[0]).amount")


GOOD = {LHHN: estimate("lhhn", 2021, line(1), line(2, 14))}


def test_an_appraisal_of_an_agency_without_an_estimate_that_year_is_a_problem(repo: Repository) -> None:
    text = appraisals("  - {agency: snv, line: 1, appraised: 10}\n")
    found = read(repo, {**GOOD, APPRAISALS: text})
    assert found.appraisals == {} and list(found.estimates) == [("lhhn", 2021)]
    assert where(found) == [(APPRAISALS, 3, 14, "appraisals[0].agency")]
    assert english(found) == ["snv has no estimate for 2021 (plan/budgets/snv/2021.yaml)"]
    other_year = read(
        repo, {**GOOD, appraisals_rel(2022): appraisals("  - {agency: lhhn, line: 1, appraised: 10}\n", year=2022)}
    )
    assert english(other_year) == ["lhhn has no estimate for 2022 (plan/budgets/lhhn/2022.yaml)"]


def test_an_appraisal_of_an_estimate_left_out_adds_no_problem_of_its_own(repo: Repository) -> None:
    wrong = estimate("lhhn", 2021, line(1, 8))  # a task lhhn does not hold
    text = appraisals("  - {agency: lhhn, line: 5, appraised: 10}\n")  # whatever its lines, it is not judged
    found = read(repo, {LHHN: wrong, APPRAISALS: text})
    assert found.estimates == {} and list(found.appraisals) == [2021]
    assert [problem.path for problem in found.problems] == [LHHN]


def test_an_appraisal_names_a_line_of_the_estimate_once(repo: Repository) -> None:
    items = (
        "  - {agency: lhhn, line: 3, appraised: 10}\n",
        "  - {agency: lhhn, line: 1, appraised: 10}\n",
        "  - {agency: lhhn, line: 1, appraised: 20}\n",
    )
    found = read(repo, {**GOOD, APPRAISALS: appraisals(*items)})
    assert found.appraisals == {}
    assert where(found) == [(APPRAISALS, 3, 26, "appraisals[0].line"), (APPRAISALS, 5, 5, "appraisals[2]")]
    assert english(found) == [
        "lhhn's estimate for 2021 has no line 3",
        "line 1 of lhhn is appraised by an earlier item",
    ]


def test_allocating_more_than_appraised_needs_a_note(repo: Repository) -> None:
    without = "  - agency: lhhn\n    line: 1\n    appraised: 10\n    allocated: 20\n"
    found = read(repo, {**GOOD, APPRAISALS: appraisals(without)})
    assert found.appraisals == {}
    assert where(found) == [(APPRAISALS, 6, 16, "appraisals[0].allocated")]
    assert english(found) == ["allocated 20 is more than appraised 10: give the reason in note"]
    assert found.problems[0].message.vi == "số bố trí 20 lớn hơn số thẩm định 10: ghi lý do vào note"
    noted = without + "    note: Theo nghị quyết của HĐND tỉnh\n"
    less = "  - {agency: lhhn, line: 2, appraised: 10, allocated: 5}\n"
    kept = read(repo, {**GOOD, APPRAISALS: appraisals(noted, less)})
    assert kept.problems == [] and [item.allocated for item in kept.appraisals[2021].appraisals] == [20, 5]


def test_an_appraisals_file_checks_its_year_like_an_estimate(repo: Repository) -> None:
    rel = appraisals_rel(2022)
    found = read(repo, {**GOOD, rel: "year: 2021\n"})
    assert (found.appraisals, where(found)) == ({}, [(rel, 1, 7, "year")])
    assert english(found) == ["year 2021 does not match the file (2022.yaml)"]
    late = appraisals_rel(2028)
    assert where(read(repo, {late: "year: 2028\n"})) == [(late, 1, 7, "year")]
    assert read(repo, {APPRAISALS: "year: 2021\n"}).appraisals[2021].appraisals == []
