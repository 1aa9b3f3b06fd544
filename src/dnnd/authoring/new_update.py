"""`dnnd new-update`: an agency's quarterly update file, already filled in with its tasks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dnnd.checks.update_periods import period_problem
from dnnd.errors import DnndError, UsageError
from dnnd.evaluate.status_report import PeriodChoice, choose_period, locked_quarters
from dnnd.evaluate.task_views import check_agency
from dnnd.evaluate.update_scaffold import render_update
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.load.layout import UPDATES_DIR
from dnnd.plan.periods import Period
from dnnd.plan.successions import successors_of
from dnnd.plan.vietnamese import dmy
from dnnd.repository import Repository


@dataclass(frozen=True)
class Scaffold:
    path: Path
    rel: str
    tasks: list[int]


def quarter_to_report(repo: Repository, agency_id: str, choice: PeriodChoice, today: dt.date) -> Period:
    """The quarter an agency's update (or Excel form) is for: the one chosen (by default the one being reported,
    on `choice.as_of` or today), or a usage error saying why the agency has nothing to report in it."""
    agency = check_agency(repo, agency_id)
    assert agency is not None
    if choice.period is None:
        conventions = repo.plan.reporting.windows
        quarter = choose_period(PeriodChoice(as_of=choice.as_of), today, conventions, locked_quarters(repo)).period
    else:
        quarter = choice.period
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
    return quarter


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
    today = today or dt.date.today()
    quarter = quarter_to_report(repo, agency_id, PeriodChoice(quarter, as_of), today)
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
