"""`dnnd new-update`: an agency's quarterly update file, already filled in with its tasks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dnnd.errors import DnndError, UsageError
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.task_status import evaluate_task, is_active
from dnnd.evaluate.task_views import check_agency, roles_at
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.load.layout import UPDATES_DIR
from dnnd.plan.periods import Period
from dnnd.plan.successions import Successions, holdings_at, successors_of
from dnnd.plan.vietnamese import dmy, period_phrase
from dnnd.plan.vocabulary import ENTRY_STATUSES
from dnnd.repository import Repository

SCHEMA_PATH = "schema/update.schema.json"


@dataclass(frozen=True)
class Scaffold:
    path: Path
    rel: str
    tasks: list[int]


def _comment(text: str) -> list[str]:
    return [f"  # {line}".rstrip() for line in text.splitlines() or [""]]


def render_update(repo: Repository, agency_id: str, quarter: Period) -> tuple[str, list[int]]:
    """The text of a new update file and the tasks it lists: those the agency holds that are active."""
    facts = build_facts(repo)
    window = quarter.window(repo.plan.reporting.windows)
    agency = repo.agencies[agency_id]
    roles = roles_at(repo, window.end)
    held = holdings_at(repo.tasks.values(), Successions(repo.agencies), window.start, window.end).get(agency_id, set())
    tasks = [
        task
        for task in repo.tasks.values()
        if task.id in held and is_active(evaluate_task(facts, task.id, quarter, window.end), window)
    ]
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
        role = "chủ trì" if agency_id in (*task.lead, *roles[task.id][0]) else "phối hợp"
        out.append("")
        out.extend(_comment(f"Nhiệm vụ {task.id} ({role}): {task.title}"))
        out.extend(_comment(f"Thời gian: {task.timing}"))
        out += [f"  - task: {task.id}", '    status: ""', '    summary: ""']
    return "\n".join(out) + "\n", [task.id for task in tasks]


def new_update(repo: Repository, agency_id: str, quarter: Period) -> Scaffold:
    """Write plan/updates/<agency>/<quarter>.yaml; never overwrite an existing file."""
    agency = check_agency(repo, agency_id)
    assert agency is not None
    if not agency.reports:
        raise UsageError(
            Text(
                f"'{agency_id}' là nhóm hoặc cơ quan ngoài tỉnh: không gửi báo cáo",
                f"'{agency_id}' is a group or an external body: it does not report",
            )
        )
    window = quarter.window(repo.plan.reporting.windows)
    if window.end < repo.plan.decision.date or (agency.since is not None and window.end < agency.since):
        raise UsageError(
            Text(
                f"không có báo cáo của '{agency_id}' cho {quarter.name}: kỳ này trước khi kế hoạch "
                "được ban hành hoặc trước khi cơ quan bắt đầu hoạt động",
                f"no update of '{agency_id}' for {quarter.name}: the period comes before the plan or "
                "before the agency began",
            )
        )
    if agency.until is not None and window.start > agency.until:
        heirs = ", ".join(f"{repo.agencies[s.agency].name} ({s.agency})" for s in successors_of(agency))
        raise UsageError(
            Text(
                f"'{agency_id}' thôi hoạt động từ sau ngày {dmy(agency.until)}: cơ quan kế nhiệm "
                f"báo cáo thay ({heirs or 'không có'})",
                f"'{agency_id}' ended on {dmy(agency.until)}: its successor reports instead ({heirs or 'none'})",
            )
        )
    rel = f"{UPDATES_DIR}/{agency_id}/{quarter.name}.yaml"
    path = repo.root / rel
    if path.exists():
        raise DnndError(
            Text(
                f"{rel} đã có: mở tệp đó để sửa, không tạo lại",
                f"{rel} already exists: open it to edit, it is not created again",
            )
        )
    text, tasks = render_update(repo, agency_id, quarter)
    if not tasks:
        raise DnndError(
            Text(
                f"'{agency_id}' không có nhiệm vụ nào phải báo cáo trong {quarter.name}: không tạo tệp",
                f"'{agency_id}' has no task to report on in {quarter.name}: no file was created",
            )
        )
    write_atomic(path, text.encode("utf-8"), root=repo.root)
    return Scaffold(path, rel, tasks)
