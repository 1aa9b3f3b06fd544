"""The focal point's report texts (plan/reports/<period>.yaml): read, validated and checked against the plan."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.checks.report_texts import ReportTexts, period_text_problem, read_report_texts, report_text_rel
from dnnd.plan.models import Plan
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import MakeRepo

TODAY = dt.date(2026, 12, 7)  # the last quarter that may be reported on is 2026-Q4
GOOD = "period: 2020-Q4\nsummary: Tình hình chung.\ntasks:\n  5: Đã triển khai.\n  14: Hoàn thành.\n"


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(), use_cache=False)


def read(repo: Repository, files: dict[str, str], today: dt.date = TODAY) -> ReportTexts:
    raw = {rel: text.encode() for rel, text in files.items()}
    return read_report_texts(repo.plan, repo.tasks, raw, today)


def where(found: ReportTexts) -> list[tuple[str, int | None, int | None, str]]:
    return [(problem.path, problem.line, problem.column, problem.field) for problem in found.problems]


def period(name: str) -> Period:
    found = parse_period(name)
    assert found is not None
    return found


def test_a_quarter_a_half_year_and_a_year_each_have_their_file(repo: Repository) -> None:
    assert report_text_rel("2020-Q4") == "plan/reports/2020-Q4.yaml"
    files = {
        report_text_rel("2021-Q1"): "period: 2021-Q1\n",
        report_text_rel("2021-H1"): "period: 2021-H1\n",
        report_text_rel("2021"): "period: '2021'\n",
        report_text_rel("2022"): "period: 2022\n",  # read as a number, taken as the period's name
    }
    found = read(repo, files)
    assert found.problems == []
    assert sorted(found.texts) == ["2021", "2021-H1", "2021-Q1", "2022"]
    assert found.texts["2022"].period == "2022"


def test_a_valid_text_is_kept_by_its_period_with_int_task_keys(repo: Repository) -> None:
    text = GOOD + "assessment:\n  achievements: Tốt.\nproposals:\n  - Kiến nghị.\nnext_tasks:\n  - Tiếp tục.\n"
    found = read(repo, {report_text_rel("2020-Q4"): text})
    assert found.problems == [] and list(found.texts) == ["2020-Q4"]
    kept = found.texts["2020-Q4"]
    assert kept.period == "2020-Q4" and kept.summary == "Tình hình chung."
    assert kept.tasks == {5: "Đã triển khai.", 14: "Hoàn thành."}
    assert all(isinstance(task, int) for task in kept.tasks)
    assert (kept.assessment.achievements, kept.assessment.causes) == ("Tốt.", None)
    assert (kept.proposals, kept.next_tasks) == (["Kiến nghị."], ["Tiếp tục."])
    assert read(repo, {report_text_rel("2020-Q3"): "period: 2020-Q3\n"}).texts["2020-Q3"].tasks == {}


def test_an_unknown_task_is_a_problem_at_its_key_and_the_text_is_left_out(repo: Repository) -> None:
    rel = report_text_rel("2020-Q4")
    found = read(repo, {rel: GOOD + "  99: Không có.\n  0: Số không.\n"})
    assert found.texts == {}
    assert where(found) == [(rel, 6, 3, "tasks.99"), (rel, 7, 3, "tasks.0")]
    message = found.problems[0].message
    assert (message.vi, message.en) == ("kế hoạch không có nhiệm vụ 99", "the plan has no task 99")
    assert found.problems[0].render("en") == f"{rel}:6:3: tasks.99: the plan has no task 99"
    last = read(repo, {rel: "period: 2020-Q4\ntasks:\n  15: Cuối.\n  16: Quá.\n"})
    assert (last.texts, where(last)) == ({}, [(rel, 4, 3, "tasks.16")])  # 15 is the plan's last task


def test_a_period_that_does_not_match_the_file_name_is_a_problem(repo: Repository) -> None:
    rel = report_text_rel("2020-Q4")
    found = read(repo, {rel: GOOD.replace("2020-Q4", "2020-Q3", 1), report_text_rel("2020-Q3"): "period: 2020-Q3\n"})
    assert list(found.texts) == ["2020-Q3"]  # the one whose name matches
    assert where(found) == [(rel, 1, 9, "period")]
    message = found.problems[0].message
    assert message.en == "period '2020-Q3' does not match the file name (2020-Q4.yaml)"
    assert message.vi == "kỳ '2020-Q3' không trùng tên tệp (2020-Q4.yaml)"
    year = read(repo, {report_text_rel("2021"): "period: 2021-H1\n"})
    assert (year.texts, where(year)) == ({}, [(report_text_rel("2021"), 1, 9, "period")])


@pytest.mark.parametrize("name", ["notes.yaml", "2020-Q3.yml", "2020-q3.yaml", "2020-Q5.yaml", "2020-H3.yaml"])
def test_a_file_not_named_after_a_period_is_a_problem_of_the_whole_file(repo: Repository, name: str) -> None:
    rel = f"plan/reports/{name}"
    found = read(repo, {rel: GOOD, report_text_rel("2020-Q4"): GOOD})
    assert list(found.texts) == ["2020-Q4"]  # the others are still read
    assert where(found) == [(rel, None, None, "")]
    message = found.problems[0].message
    assert message.en == (
        "the file must be named after a period: plan/reports/2020-Q4.yaml (a quarter), 2020-H1.yaml (a half-year) "
        "or 2020.yaml (a year)"
    )
    assert message.vi.startswith("tên tệp phải là kỳ báo cáo")


def test_an_unknown_key_is_a_problem_with_its_line(repo: Repository) -> None:
    rel = report_text_rel("2020-Q4")
    found = read(repo, {rel: GOOD + "colour: đỏ\n"})
    assert found.texts == {}
    assert where(found) == [(rel, 6, 1, "colour")]
    assert found.problems[0].message.en.startswith("unknown key 'colour'")
    text = "period: 2020-Q4\nassessment:\n  achievements: Tốt.\n  risks: Nhiều.\nproposals:\n  - '  '\n"
    nested = read(repo, {rel: text})
    assert nested.texts == {}
    assert where(nested) == [(rel, 4, 3, "assessment.risks"), (rel, 6, 5, "proposals[0]")]
    assert nested.problems[1].message.en == "must not be empty"


def test_a_broken_file_leaves_only_that_text_out(repo: Repository) -> None:
    broken, empty = report_text_rel("2020-Q3"), report_text_rel("2021-Q1")
    files = {broken: "period: 2020-Q3\nsummary: 'chưa đóng\n", empty: "", report_text_rel("2020-Q4"): GOOD}
    found = read(repo, files)
    assert list(found.texts) == ["2020-Q4"]
    assert [problem.path for problem in found.problems] == [broken, empty]
    assert found.problems[0].line == 2 and found.problems[0].message.en.startswith("YAML syntax error")
    raw = {broken: "summary: Có\u00adlỗi\n".encode()}  # a soft hyphen: refused by the reader
    refused = read_report_texts(repo.plan, repo.tasks, raw, TODAY)
    assert refused.texts == {} and "U+00AD" in refused.problems[0].message.en


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("2020-Q3", True),  # the plan's first reporting quarter
        ("2020", True),  # a year whose second half may be reported on
        ("2023-H2", True),
        ("2026-Q4", True),  # today's quarter
        ("2026", True),
        ("2019-Q4", False),
        ("2019", False),
        ("2020-Q2", False),
        ("2020-H1", False),  # both its quarters come before the plan's first
        ("2027-Q1", False),  # its window has not begun
        ("2027-H1", False),
        ("2027", False),
    ],
)
def test_a_period_may_have_a_text_when_one_of_its_quarters_may_be_reported_on(
    repo: Repository, name: str, allowed: bool
) -> None:
    problem = period_text_problem(repo.plan, period(name), TODAY)
    if allowed:
        assert problem is None
    else:
        assert problem is not None
        assert problem.en == f"{name} is outside the periods the plan may report on today (2020-Q3 to 2026-Q4)"
        assert problem.vi == f"kỳ {name} nằm ngoài các kỳ của kế hoạch có thể báo cáo hôm nay (từ 2020-Q3 đến 2026-Q4)"


def test_the_periods_allowed_move_with_today(repo: Repository) -> None:
    plan: Plan = repo.plan
    assert period_text_problem(plan, period("2027-Q1"), dt.date(2026, 12, 14)) is not None
    assert period_text_problem(plan, period("2027-Q1"), dt.date(2026, 12, 15)) is None  # its window opens
    assert period_text_problem(plan, period("2027"), dt.date(2026, 12, 15)) is None
    assert period_text_problem(plan, period("2027-Q2"), dt.date(2026, 12, 15)) is not None
    early = period_text_problem(plan, period("2020-Q4"), dt.date(2020, 9, 14))
    assert early is not None and early.en.endswith("(2020-Q3 to 2020-Q3)")
    rel = report_text_rel("2027-Q1")
    found = read(repo, {rel: "period: 2027-Q1\n"}, today=dt.date(2026, 12, 15))
    assert (list(found.texts), found.problems) == (["2027-Q1"], [])


@pytest.mark.parametrize("name", ["2019-Q4", "2027"])
def test_a_text_for_a_period_outside_the_plan_is_left_out(repo: Repository, name: str) -> None:
    rel = report_text_rel(name)
    found = read(repo, {rel: f"period: '{name}'\nsummary: Sớm quá.\n", report_text_rel("2020-Q4"): GOOD})
    assert list(found.texts) == ["2020-Q4"]
    assert where(found) == [(rel, 1, 9, "period")]
    assert found.problems[0].message.en.startswith(f"{name} is outside the periods")
    assert found.problems[0].render("vi").startswith(f"{rel}:1:9: period: kỳ {name} nằm ngoài")


def test_a_text_with_several_faults_reports_each(repo: Repository) -> None:
    rel = report_text_rel("2027")
    found = read(repo, {rel: "period: 2019-Q4\ntasks:\n  99: A.\n"})
    assert found.texts == {}
    assert where(found) == [(rel, 1, 9, "period"), (rel, 1, 9, "period"), (rel, 3, 3, "tasks.99")]
    assert [problem.message.en for problem in found.problems] == [
        "period '2019-Q4' does not match the file name (2027.yaml)",
        "2019-Q4 is outside the periods the plan may report on today (2020-Q3 to 2026-Q4)",
        "the plan has no task 99",
    ]
