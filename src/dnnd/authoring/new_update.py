"""`dnnd new-update`: an agency's quarterly update file, already filled in with its tasks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dnnd.checks.update_periods import period_problem
from dnnd.errors import DnndError, UsageError
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.status_report import PeriodChoice, choose_period, locked_quarters
from dnnd.evaluate.task_status import evaluate_task, is_active
from dnnd.evaluate.task_views import check_agency, roles_at
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.load.layout import UPDATES_DIR
from dnnd.plan.periods import Period
from dnnd.plan.successions import Successions, holdings_at, successors_of
from dnnd.plan.vietnamese import dmy, period_phrase
from dnnd.plan.vocabulary import ACTIVITY_KIND_LIST, ENTRY_STATUSES
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


def new_update(
    repo: Repository,
    agency_id: str,
    quarter: Period | None,
    today: dt.date | None = None,
    *,
    as_of: dt.date | None = None,
) -> Scaffold:
    """Write plan/updates/<agency>/<quarter>.yaml (by default the quarter being reported, today or on `as_of`);
    never overwrite an existing file, nor write one for a quarter that cannot be reported on (`today`: the date
    of the run)."""
    agency = check_agency(repo, agency_id)
    assert agency is not None
    today = today or dt.date.today()
    if quarter is None:
        conventions = repo.plan.reporting.windows
        quarter = choose_period(PeriodChoice(as_of=as_of), today, conventions, locked_quarters(repo)).period
    problem = period_problem(repo.plan, quarter, today)
    if problem is not None:
        raise UsageError(problem)
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
