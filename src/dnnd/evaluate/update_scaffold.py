"""The text of an agency's new quarterly update, already filled in with the tasks it holds and must report on
that quarter: what `dnnd new-update` writes, what a forge link pre-fills, and the rows of the Excel form."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.task_status import evaluate_task, is_active
from dnnd.evaluate.task_views import roles_at
from dnnd.plan.models import Task
from dnnd.plan.periods import Period
from dnnd.plan.successions import Successions, holdings_at
from dnnd.plan.vietnamese import dmy, period_phrase
from dnnd.plan.vocabulary import ACTIVITY_KIND_LIST, ENTRY_STATUSES
from dnnd.repository import Repository

SCHEMA_PATH = "schema/update.schema.json"


class HeldTask(NamedTuple):
    """A task an agency must report on in a quarter, and whether it leads it (else it supports it)."""

    task: Task
    lead: bool


def held_tasks(repo: Repository, agency_id: str, quarter: Period) -> list[HeldTask]:
    """The tasks the agency holds in the quarter (through its predecessors' duties too) that are active in
    it, in the plan's order, each with the agency's role at the window's end."""
    facts = build_facts(repo)
    window = quarter.window(repo.plan.reporting.windows)
    roles = roles_at(repo, window.end)
    held = holdings_at(repo.tasks.values(), Successions(repo.agencies), window.start, window.end).get(agency_id, set())
    return [
        HeldTask(task, agency_id in (*task.lead, *roles[task.id][0]))
        for task in repo.tasks.values()
        if task.id in held and is_active(evaluate_task(facts, task.id, quarter, window.end), window)
    ]


def _comment(text: str) -> list[str]:
    return [f"  # {line}".rstrip() for line in text.splitlines() or [""]]


def render_update(repo: Repository, agency_id: str, quarter: Period) -> tuple[str, list[int]]:
    """The text of a new update file and the tasks it lists: those the agency holds that are active."""
    window = quarter.window(repo.plan.reporting.windows)
    agency = repo.agencies[agency_id]
    held = held_tasks(repo, agency_id, quarter)
    tasks = [item.task for item in held]
    leads = {item.task.id for item in held if item.lead}
    out = [
        f"# yaml-language-server: $schema=../../../{SCHEMA_PATH}",
        f"# Báo cáo của {agency.name} ({agency_id}), {period_phrase(quarter)}: số liệu từ {dmy(window.start)} "
        f"đến {dmy(window.end)}.",
        "# Với mỗi nhiệm vụ: chọn status (" + " | ".join(ENTRY_STATUSES) + "), viết summary (kết quả trong kỳ);",
        "# khi status là done, ghi done_on: YYYY-MM-DD. Có thể thêm difficulties (khó khăn, vướng mắc),",
        "# proposals (kiến nghị, đề xuất) và documents (văn bản đã ban hành: number, date, title).",
        "# Xong thì chạy `dnnd validate`, commit và mở pull request.",
        f"agency: {agency_id}",
        f"period: {quarter.name}",
        "reporter:",
        '  name: ""',
        '  title: ""',
        '  phone: ""',
        "entries:" if tasks else "entries: []",
    ]
    for task in tasks:
        role = "chủ trì" if task.id in leads else "phối hợp"
        out.append("")
        out.extend(_comment(f"Nhiệm vụ {task.id} ({role}): {task.title}"))
        out.extend(_comment(f"Thời gian: {task.timing}"))
        out += [f"  - task: {task.id}", '    status: ""', '    summary: ""']
    out += activities_example(window.start)
    return "\n".join(out) + "\n", [task.id for task in tasks]


def activities_example(day: dt.date) -> list[str]:
    """The commented example of `activities:` a new update file carries (its dates in the file's window)."""
    kinds = [f"{kind.code} ({kind.counted})" for kind in ACTIVITY_KIND_LIST]
    first, second, third = (day + dt.timedelta(days=offset) for offset in (20, 35, 50))
    lines = [
        "",
        "Hoạt động đối ngoại nhân dân trong kỳ (nếu có): bỏ dấu # ở đầu các dòng dưới đây, sửa theo thực tế,",
        "mỗi hoạt động một mục. Các khóa:",
        f"  kind: {', '.join(kinds[:4])},",
        f"        {', '.join(kinds[4:])}.",
        "  title, start (YYYY-MM-DD) bắt buộc; end nếu kéo dài nhiều ngày; people: số người.",
        "  countries: mã nước ISO 3166-1 (JP Nhật Bản, KR Hàn Quốc, US Hoa Kỳ, CN Trung Quốc, LA Lào, GB Anh…)",
        "  và partner (đối tác nước ngoài): bắt buộc với đoàn vào, đoàn ra, thỏa thuận quốc tế, viện trợ.",
        "  ref: số văn bản cho phép hoặc tổ chức hoạt động: cơ quan khác báo cáo cùng hoạt động (cùng loại,",
        "  cùng số văn bản) thì chỉ tính một lần. tasks: các nhiệm vụ của kế hoạch mà hoạt động phục vụ.",
        "  Viện trợ: aid_type (project | non_project | emergency), pledged (cam kết), disbursed (giải ngân",
        "  trong kỳ): số tiền nguyên, không dấu chấm, kèm mã tiền tệ (VND, USD…).",
        "  Tuyên truyền (media): count là số tin, bài. Loại other cần note nói rõ là hoạt động gì.",
        "activities:",
        "  - kind: delegation_in",
        "    title: Đoàn … thăm và làm việc tại tỉnh",
        f"    start: {first.isoformat()}",
        f"    end: {(first + dt.timedelta(days=2)).isoformat()}",
        "    countries: [JP]",
        "    partner: …",
        "    people: 10",
        "    ref: …/QĐ-UBND",
        "  - kind: aid",
        "    title: Dự án …",
        f"    start: {second.isoformat()}",
        "    countries: [KR]",
        "    partner: …",
        "    aid_type: project",
        "    pledged: {amount: 1500000000, currency: VND}",
        "  - kind: media",
        "    title: Tin, bài giới thiệu về …",
        f"    start: {third.isoformat()}",
        "    count: 5",
    ]
    return [f"# {line}".rstrip() for line in lines]
