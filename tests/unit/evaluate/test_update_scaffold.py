"""The text of an agency's new quarterly update: the tasks it must report on, with its role, the data window,
and the commented example of activities."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from dnnd.evaluate.update_scaffold import activities_example, held_tasks, render_update
from dnnd.plan.models import Update
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import Repository, load_repository
from tests.conftest import EMBEDDED_PLAN, MakeRepo
from tests.git_helpers import update

SVHTT_2025_Q2 = """\
# yaml-language-server: $schema=../../../schema/update.schema.json
# Báo cáo của Sở Văn hóa, Thể thao và Du lịch (svhtt), quý II năm 2025: số liệu từ 15/03/2025 đến 14/06/2025.
# Với mỗi nhiệm vụ: chọn status (not_started | in_progress | done | blocked), viết summary (kết quả trong kỳ);
# khi status là done, ghi done_on: YYYY-MM-DD. Có thể thêm difficulties (khó khăn, vướng mắc),
# proposals (kiến nghị, đề xuất) và documents (văn bản đã ban hành: number, date, title).
# Xong thì chạy `dnnd validate`, commit và mở pull request.
agency: svhtt
period: 2025-Q2
reporter:
  name: ""
  title: ""
  phone: ""
entries:

  # Nhiệm vụ 8 (chủ trì): Xây dựng kế hoạch, chương trình tuyên truyền thông tin đối ngoại liên quan đến công tác \
đối ngoại nhân dân của địa phương
  # Thời gian: Trước ngày 18/11 hàng năm
  - task: 8
    status: ""
    summary: ""

  # Nhiệm vụ 11 (phối hợp): Xây dựng kế hoạch, chương trình, nội dung phổ biến chính sách của Nhà nước, các quy \
định của pháp luật, Nghị quyết của Hội đồng nhân dân tỉnh, Quyết định của Chủ tịch Ủy ban nhân dân tỉnh về công tác \
đối ngoại nhân dân
  # Thời gian: Thường xuyên
  - task: 11
    status: ""
    summary: ""
"""

ACTIVITIES_FROM_15_03_2025 = "\n".join(activities_example(dt.date(2025, 3, 15))) + "\n"


def test_the_activities_example_is_commented_and_validates_once_uncommented() -> None:
    lines = activities_example(dt.date(2025, 3, 15))
    assert all(line == "#" or line.startswith("# ") for line in lines)
    start = lines.index("# activities:")
    activities = yaml.safe_load("\n".join(line[2:] for line in lines[start:]))["activities"]
    update = Update.model_validate({"agency": "lhhn", "period": "2025-Q2", "entries": [], "activities": activities})
    assert [activity.kind for activity in update.activities] == ["delegation_in", "aid", "media"]
    assert [activity.start for activity in update.activities] == [
        dt.date(2025, 4, 4),
        dt.date(2025, 4, 19),
        dt.date(2025, 5, 4),
    ]


def quarter(name: str) -> Period:
    period = parse_period(name, "quarter")
    assert period is not None
    return period


@pytest.fixture
def repo(make_repo: MakeRepo) -> Repository:
    return load_repository(make_repo(), use_cache=False)


def test_successor_gets_the_tasks_it_inherited_with_the_role_it_inherited(repo: Repository) -> None:
    assert render_update(repo, "svhtt", quarter("2025-Q2")) == (SVHTT_2025_Q2 + ACTIVITIES_FROM_15_03_2025, [8, 11])


@pytest.mark.parametrize(
    ("agency", "name", "tasks"),
    [
        ("lhhn", "2020-Q3", [2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15]),
        ("snv", "2020-Q3", [2, 3, 4, 5, 13, 15]),  # 1, 9 and 10 wait for the ministries' guidance
        ("stttt", "2025-Q1", [8, 11]),  # ended 28/02/2025, inside the window: still reports
        ("svhtt", "2024-Q4", []),  # begins 01/03/2025
        ("stc", "2020-Q3", []),  # named on no task
    ],
)
def test_tasks_held_and_active_in_the_quarter(repo: Repository, agency: str, name: str, tasks: list[int]) -> None:
    text, listed = render_update(repo, agency, quarter(name))
    assert listed == tasks
    assert [entry["task"] for entry in yaml.safe_load(text)["entries"]] == tasks
    assert ("\nentries: []\n" in text) == (not tasks)


def test_roles_and_the_data_window_in_the_comments(repo: Repository) -> None:
    lines = render_update(repo, "lhhn", quarter("2021-Q1"))[0].splitlines()
    assert lines[1] == (
        "# Báo cáo của Liên hiệp các tổ chức hữu nghị tỉnh (lhhn), quý I năm 2021: số liệu từ 15/12/2020 đến 14/03/2021."
    )
    roles = [line.split(":")[0] for line in lines if line.startswith("  # Nhiệm vụ ")]
    assert [role.removeprefix("  # Nhiệm vụ ") for role in roles] == [
        *("2 (phối hợp)", "3 (phối hợp)", "4 (phối hợp)", "5 (chủ trì)", "6 (chủ trì)", "7 (chủ trì)"),
        *("11 (phối hợp)", "12 (chủ trì)", "13 (phối hợp)", "14 (chủ trì)", "15 (chủ trì)"),
    ]


def test_guidance_issued_inside_the_window_adds_the_waiting_tasks(make_repo: MakeRepo) -> None:
    events = (
        (EMBEDDED_PLAN / "events.yaml")
        .read_text(encoding="utf-8")
        .replace("occurred_on: null", "occurred_on: 2020-07-01")
    )
    repo = load_repository(make_repo({"plan/events.yaml": events}), use_cache=False)
    assert render_update(repo, "snv", quarter("2020-Q3"))[1] == [1, 2, 3, 4, 5, 9, 10, 13, 15]


def test_a_once_task_done_earlier_is_left_out(make_repo: MakeRepo) -> None:
    repo = load_repository(make_repo(update("sngv", "2020-Q3", (4, "done", "2020-08-01"))), use_cache=False)
    assert render_update(repo, "lhhn", quarter("2020-Q4"))[1] == [2, 3, 5, 6, 7, 11, 12, 13, 14, 15]


def test_held_tasks_say_which_the_agency_leads(repo: Repository) -> None:
    held = held_tasks(repo, "lhhn", quarter("2021-Q1"))
    assert [(item.task.id, item.lead) for item in held][:5] == [
        (2, False),
        (3, False),
        (4, False),
        (5, True),
        (6, True),
    ]
