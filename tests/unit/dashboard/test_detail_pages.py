"""A page per task (its status quarter by quarter, every update, its documents) and per agency (its tasks, its
reporting quarter by quarter, its activities, its facts)."""

from __future__ import annotations

import datetime as dt

import pytest

from dnnd.dashboard.detail_pages import (
    ActivityLine,
    AgencyPage,
    IssuedDocument,
    TaskPage,
    UpdateEntry,
    agency_pages,
    task_pages,
)
from dnnd.dashboard.reporting import reporting_grid
from dnnd.dashboard.words import Writer
from dnnd.evaluate.quarter_history import quarter_history
from dnnd.evaluate.status_report import PeriodChoice, status_report
from dnnd.evaluate.task_views import entries_by_task
from dnnd.load.git import Landing
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from dnnd.workflow.history import VIETNAM, Submission, submission_due
from tests.conftest import MakeRepo
from tests.git_helpers import update

D = dt.date
TODAY = D(2024, 1, 1)
LHHN_Q4 = """agency: lhhn
period: 2020-Q4
entries:
  - task: 2
    status: blocked
    summary: Đã góp ý dự thảo quy chế.
    difficulties: Thiếu cán bộ.
    proposals: Bổ sung biên chế.
    documents:
      - {number: 52/LHHN-VP, date: 2020-11-18, title: Về việc góp ý dự thảo quy chế}
      - {number: 60/LHHN-VP, date: 2020-12-01, title: Báo cáo bổ sung}
activities:
  - {kind: delegation_in, title: Đoàn Nhật Bản, start: 2020-10-05, countries: [JP], partner: JICA, people: 1200}
  - {kind: event, title: Hội nghị, start: 2020-11-02, people: 30}
"""
FILES = {
    **update("lhhn", "2020-Q3", (2, "in_progress"), summary="Bắt đầu rà soát."),
    **update("sngv", "2020-Q4", (2, "in_progress"), (4, "done", "2020-10-01")),
    "plan/updates/lhhn/2020-Q4.yaml": LHHN_Q4,
}


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(FILES), use_cache=False)


def tasks(repo: Repository, lang: str = "vi") -> dict[int, TaskPage]:
    report = status_report(repo, PeriodChoice(P("2020-Q4")), today=TODAY)
    history = quarter_history(repo, P("2020-Q4"), D(2020, 12, 14))
    return {page.task.id: page for page in task_pages(repo, report, history, entries_by_task(repo), Writer(lang))}


def agencies(repo: Repository, found: list[Submission] | None = None, lang: str = "vi") -> dict[str, AgencyPage]:
    report = status_report(repo, PeriodChoice(P("2020-Q4")), today=TODAY)
    history = quarter_history(repo, P("2020-Q4"), D(2020, 12, 14))
    grid = reporting_grid(repo, history, found, TODAY)
    return {page.id: page for page in agency_pages(repo, report, grid, repo.activities(), Writer(lang))}


def test_every_task_has_a_page_in_the_plans_order_with_its_status_and_agencies(repo: Repository) -> None:
    pages = tasks(repo)
    assert list(pages) == list(repo.tasks)
    four = pages[4]
    assert (four.status, four.status_code, four.due) == ("Đã hoàn thành quá hạn", "done_late", "30/09/2020")
    assert four.lead == [("sngv", "Sở Ngoại vụ")]
    assert [agency for agency, _ in four.support] == ["btg", "bdv", "mttq", "snv", "lhhn", "lienquan"]


def test_a_task_page_gives_its_status_quarter_by_quarter_newest_first(repo: Repository) -> None:
    rows = tasks(repo)[4].quarters
    assert [(row.quarter, row.code, row.due, row.done_on) for row in rows] == [
        ("IV/2020", "done_late", "30/09/2020", "01/10/2020"),
        ("III/2020", "in_progress", "30/09/2020", ""),
    ]
    assert rows[0].status == "Đã hoàn thành quá hạn"
    assert rows[0].missing == "BDVTU, UBMTTQVN, SNV, LHHN, BTGTU"  # who did not report on it that quarter
    assert [row.quarter for row in tasks(repo, "en")[4].quarters] == ["2020-Q4", "2020-Q3"]


def test_a_task_page_gives_every_update_on_it_newest_first_and_the_documents_issued(repo: Repository) -> None:
    page = tasks(repo)[2]
    assert [update.period for update in page.updates] == ["IV/2020", "IV/2020", "III/2020"]
    lhhn_name = "Liên hiệp các tổ chức hữu nghị tỉnh"
    assert page.updates[2] == UpdateEntry(
        "lhhn", lhhn_name, "III/2020", "Đang thực hiện", "", "Bắt đầu rà soát.", "", ""
    )
    newest = {update.agency: update for update in page.updates[:2]}
    assert (newest["sngv"].status, newest["sngv"].difficulties) == ("Đang thực hiện", "")
    assert newest["lhhn"] == UpdateEntry(
        "lhhn",
        lhhn_name,
        "IV/2020",
        "Gặp vướng mắc",
        "",
        "Đã góp ý dự thảo quy chế.",
        "Thiếu cán bộ.",
        "Bổ sung biên chế.",
    )
    assert page.documents == [
        IssuedDocument("52/LHHN-VP", "18/11/2020", "Về việc góp ý dự thảo quy chế", lhhn_name),
        IssuedDocument("60/LHHN-VP", "01/12/2020", "Báo cáo bổ sung", lhhn_name),
    ]
    assert (tasks(repo)[3].updates, tasks(repo)[3].documents) == ([], [])


def test_agencies_with_no_task_and_nothing_to_report_have_no_page(repo: Repository) -> None:
    pages = agencies(repo)
    assert list(pages) == ["sngv", "snv", "stttt", "bdv", "btg", "mttq", "lhhn", "baokh", "ktv", "congttdt", "lienquan"]
    assert "stc" not in pages and "vpubnd" not in pages and "svhtt" not in pages  # none holds a task in 2020


def test_an_agency_page_lists_its_tasks_with_its_role_in_each(repo: Repository) -> None:
    page = agencies(repo)["stttt"]
    assert [(task.task, task.role, task.code) for task in page.tasks] == [
        (8, "Chủ trì", "overdue"),
        (11, "Phối hợp", "ongoing"),
    ]
    assert (page.name, page.short_name) == ("Sở Thông tin và Truyền thông", "STTTT")
    assert agencies(repo, lang="en")["stttt"].tasks[0].status == "Overdue, not done"


def test_an_ended_agency_names_the_day_it_ended_and_its_successors(repo: Repository) -> None:
    assert agencies(repo)["stttt"].facts == [
        ("Loại", "Sở, ngành"),
        ("Đến ngày", "28/02/2025"),
        ("Cơ quan tiếp nhận nhiệm vụ", "Sở Văn hóa, Thể thao và Du lịch; Sở Khoa học và Công nghệ"),
    ]
    assert agencies(repo, lang="en")["lhhn"].facts == [("Kind", "Association")]


def test_an_agency_that_began_later_names_its_first_day(repo: Repository) -> None:
    report = status_report(repo, PeriodChoice(P("2025-Q2")), today=D(2026, 1, 1))
    grid = reporting_grid(repo, [], None, D(2026, 1, 1))
    pages = {page.id: page for page in agency_pages(repo, report, grid, [], Writer("en"))}
    assert pages["svhtt"].facts == [("Kind", "Department"), ("Since", "2025-03-01")]
    assert [task.task for task in pages["svhtt"].tasks] == [8, 11] and "stttt" not in pages


def test_an_agency_page_gives_its_reporting_quarter_by_quarter_newest_first(repo: Repository) -> None:
    due = submission_due(repo, P("2020-Q4"))
    landing = Landing("abc", dt.datetime.combine(due + dt.timedelta(days=3), dt.time(9), tzinfo=VIETNAM), "Clerk", ())
    late = Submission("plan/updates/sngv/2020-Q4.yaml", "sngv", P("2020-Q4"), landing, landing, 1, due)
    rows = agencies(repo, [late])["sngv"].quarters
    assert [(row.quarter, row.code, row.mark) for row in rows] == [
        ("IV/2020", "late", "!"),  # judged by its file's arrival; the tasks it left out are listed beside
        ("III/2020", "missing", "✗"),
    ]
    assert rows[0].missing == "3, 5, 6, 7, 11, 12, 13, 14, 15"  # it reported on 2 and 4 only
    assert (rows[0].due, rows[0].reached_on, rows[0].days_late) == ("16/12/2020", "19/12/2020", "3")
    assert rows[0].state == "Báo cáo muộn"


def test_a_late_report_shows_how_many_days_late_it_reached_main(make_repo: MakeRepo) -> None:
    repo = load_repository(
        make_repo(update("stttt", "2020-Q4", (8, "in_progress"), (11, "in_progress"))), use_cache=False
    )
    due = submission_due(repo, P("2020-Q4"))
    landing = Landing("abc", dt.datetime.combine(due + dt.timedelta(days=3), dt.time(9), tzinfo=VIETNAM), "Clerk", ())
    late = Submission("plan/updates/stttt/2020-Q4.yaml", "stttt", P("2020-Q4"), landing, landing, 1, due)
    row = agencies(repo, [late])["stttt"].quarters[0]
    assert (row.code, row.mark, row.reached_on, row.days_late, row.missing) == ("late", "!", "19/12/2020", "3", "")


def test_an_agency_page_lists_its_activities_newest_first(repo: Repository) -> None:
    activities = agencies(repo)["lhhn"].activities
    assert activities == [
        ActivityLine("02/11/2020", "Hội nghị, sự kiện", "Hội nghị", "", "30"),
        ActivityLine("05/10/2020", "Đoàn vào", "Đoàn Nhật Bản", "Nhật Bản", "1.200"),
    ]
    assert agencies(repo)["sngv"].activities == []
