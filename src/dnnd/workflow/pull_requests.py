"""`dnnd check-changes`: is a pull request an agency's own update, in periods that are still open?"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dnnd.errors import DataError, Problem, UsageError, field_in
from dnnd.evaluate.task_views import check_agency
from dnnd.i18n import Text
from dnnd.load.git import Change, changed_since, checked_out, commit_of, merge_base, show
from dnnd.load.layout import APPRAISALS_FOLDER, BUDGET_NAME, BUDGETS_DIR, LOCKS_FILE, REPORT_TEXTS_DIR, UPDATES_DIR
from dnnd.plan.budget_models import APPRAISER
from dnnd.plan.periods import Period, parse_period
from dnnd.plan.successions import Successions
from dnnd.repository import Repository, load_repository
from dnnd.workflow.locks import locked_budget_years, locked_quarters, parse_locks

Level = Literal["error", "warning"]
TEMPLATES_DIR = "templates"
_TEMPLATE_CHANGE = Text(
    "thay đổi mẫu văn bản: mẫu quyết định báo cáo và công văn được tạo ra thế nào, nên chỉ cơ quan đầu mối được "
    "sửa; cơ quan đầu mối xem kỹ thay đổi rồi chạy lại với --allow-templates",
    "a change to a document template: templates decide what the report and letters say, so only the focal point "
    "may change them; the focal point reviews the change, then runs again with --allow-templates",
)


@dataclass(frozen=True)
class Finding:
    level: Level
    path: str
    line: int | None
    message: Text


@dataclass
class ChangeReport:
    base: str
    changes: list[Change]
    findings: list[Finding] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(finding.level == "error" for finding in self.findings)


def _update_parts(path: str) -> tuple[str | None, Period | None] | None:
    """(agency folder, quarter) of a path under plan/updates/ (None for a file directly in it); None elsewhere."""
    prefix = UPDATES_DIR + "/"
    if not path.startswith(prefix):
        return None
    parts = path[len(prefix) :].split("/")
    if len(parts) == 1:
        return None, None
    quarter = parse_period(parts[1].removesuffix(".yaml"), "quarter") if len(parts) == 2 else None
    return parts[0], quarter


def _report_text(
    report: ChangeReport, path: str, agency_id: str | None, focal: set[str], locked: dict[Period, str]
) -> bool:
    """Judge a change to the focal point's report texts (plan/reports/): its own, reviewed by it, and never of a
    locked period. Whether the change is the focal point's own (then `agency_id`, when given, touched its files)."""
    if agency_id is not None and agency_id not in focal:
        message = Text(
            f"{REPORT_TEXTS_DIR}/ là phần báo cáo do cơ quan đầu mối viết: pull request của '{agency_id}' không được sửa",
            f"{REPORT_TEXTS_DIR}/ holds what the focal point writes in its reports: a pull request of '{agency_id}' "
            "may not change it",
        )
        report.findings.append(Finding("error", path, None, message))
        return False
    if agency_id is None:
        message = Text(
            "phần báo cáo do cơ quan đầu mối viết: chỉ cơ quan đầu mối sửa và duyệt",
            "the focal point's own report text: only the focal point changes and approves it",
        )
        report.findings.append(Finding("warning", path, None, message))
    period = parse_period(path.rsplit("/", 1)[-1].removesuffix(".yaml"))
    closed = ", ".join(sorted({locked[q] for q in (period.quarters() if period else []) if q in locked}))
    if closed:
        message = Text(
            f"kỳ {closed} đã khóa (báo cáo đã ban hành): không được sửa nội dung báo cáo đã ký",
            f"period {closed} is locked (its report was issued): a signed report's text may not change",
        )
        report.findings.append(Finding("error", path, None, message))
    return True


def _budget_owner(path: str) -> str | None:
    """Who writes a funding file: the agency whose folder it is in, Sở Tài chính for the appraisals; None for a
    path outside plan/budgets/<folder>/."""
    parts = path.removeprefix(BUDGETS_DIR + "/").split("/") if path.startswith(BUDGETS_DIR + "/") else []
    if len(parts) < 2:
        return None
    return APPRAISER if parts[0] == APPRAISALS_FOLDER else parts[0]


def _budget_of_another(agency_id: str, owner: str) -> Text:
    return Text(
        f"tệp kinh phí này là của '{owner}': pull request của '{agency_id}' chỉ được sửa dự toán của chính mình",
        f"this funding file is '{owner}''s: a pull request of '{agency_id}' may change only its own estimates",
    )


def _focal_point(repo: Repository) -> set[str]:
    """The focal point the plan names and whoever holds its role today."""
    named = repo.plan.focal_point
    return {named, *Successions(repo.agencies).resolve(named, None, dt.date.today())}


def _validation(report: ChangeReport, problems: list[Problem]) -> None:
    for problem in problems:
        report.findings.append(
            Finding(
                "error",
                problem.path,
                problem.line,
                Text(
                    f"{field_in(problem.field, 'vi') + ': ' if problem.field else ''}{problem.message.vi}",
                    f"{field_in(problem.field, 'en') + ': ' if problem.field else ''}{problem.message.en}",
                ),
            )
        )


def check_changes(
    root: Path, base: str, agency_id: str | None, *, allow_templates: bool = False, head: str | None = None
) -> ChangeReport:
    """Validate everything, then judge the files changed since the merge base with `base`: of the working
    tree, or of the revision `head` (a branch checked out in a temporary worktree, the user's left alone)."""
    if head is not None:
        with checked_out(root, head) as place:
            return check_changes(place, base, agency_id, allow_templates=allow_templates)
    base_commit = merge_base(root, base)
    report = ChangeReport(base_commit, changed_since(root, base_commit))
    if not report.changes:  # a review of nothing must not read as a pass
        raise UsageError(
            Text(
                f"không có thay đổi nào để kiểm tra so với {base} (điểm rẽ nhánh {base_commit[:12]}): bạn đang ở "
                "nhánh của pull request chưa? (hoặc chỉ nhánh đó bằng --head)",
                f"nothing changed to check against {base} (merge base {base_commit[:12]}): are you on the pull "
                "request's branch? (or name it with --head)",
            )
        )
    try:
        repo = load_repository(root)
    except DataError as error:
        _validation(report, error.problems)
        return report
    _validation(report, repo.update_problems)
    if agency_id is not None:
        check_agency(repo, agency_id)
    locked = locked_quarters(repo.locks)
    budget_years = locked_budget_years(repo.locks)
    # locks are judged where the branch left and where the base is now: one commit when the base has not moved
    revisions = {base_commit: base_commit}
    revisions.setdefault(commit_of(root, base) or base, base)
    for commit, revision in revisions.items():
        try:
            at_base = parse_locks(show(root, commit, LOCKS_FILE))
            locked = {**locked_quarters(at_base), **locked}
            budget_years |= locked_budget_years(at_base)
        except DataError:
            report.findings.append(
                Finding(
                    "warning",
                    LOCKS_FILE,
                    None,
                    Text(
                        f"{LOCKS_FILE} ở {revision} không hợp lệ nên các khóa ở đó không được xét",
                        f"{LOCKS_FILE} at {revision} does not validate, so its locks could not be checked",
                    ),
                )
            )
    touched: dict[str, list[str]] = {}
    focal = _focal_point(repo)
    for change in report.changes:
        owner = _budget_owner(change.path)
        if owner is not None:
            if agency_id is not None and agency_id != owner:
                report.findings.append(Finding("error", change.path, None, _budget_of_another(agency_id, owner)))
            year = BUDGET_NAME.fullmatch(change.path.rsplit("/", 1)[-1])
            if year is not None and int(year.group(1)) in budget_years:
                message = Text(
                    f"kinh phí năm {year.group(1)} đã quyết toán và bị khóa: không được sửa; nếu thật cần, cơ quan đầu "
                    f"mối mở khóa bằng `dnnd unlock {year.group(1)} --budget` trong một pull request riêng",
                    f"the {year.group(1)} budget is closed and locked: it may not change; if really needed, the focal "
                    f"point unlocks it with `dnnd unlock {year.group(1)} --budget` in a separate pull request",
                )
                report.findings.append(Finding("error", change.path, None, message))
            touched.setdefault(owner, []).append(change.path)
            continue
        if change.path.startswith(REPORT_TEXTS_DIR + "/"):
            if _report_text(report, change.path, agency_id, focal, locked) and agency_id is not None:
                touched.setdefault(agency_id, [])
            continue
        parts = _update_parts(change.path)
        if agency_id is not None and (parts is None or parts[0] != agency_id):
            report.findings.append(
                Finding(
                    "error",
                    change.path,
                    None,
                    Text(
                        f"tệp này nằm ngoài thư mục {UPDATES_DIR}/{agency_id}/: pull request của '{agency_id}' chỉ được sửa "
                        "báo cáo của chính mình",
                        f"this file is outside {UPDATES_DIR}/{agency_id}/: a pull request of '{agency_id}' may change only "
                        "its own updates",
                    ),
                )
            )
        elif parts is None and change.path.startswith(TEMPLATES_DIR + "/") and not allow_templates:
            report.findings.append(Finding("error", change.path, None, _TEMPLATE_CHANGE))
        elif parts is None:
            report.findings.append(
                Finding(
                    "warning",
                    change.path,
                    None,
                    Text(
                        "thay đổi ngoài plan/updates/: cơ quan đầu mối phải xem xét và duyệt",
                        "a change outside plan/updates/: the focal point must review it",
                    ),
                )
            )
        if parts is None:
            continue
        if parts[0] is not None:
            touched.setdefault(parts[0], []).append(change.path)
        quarter = parts[1]
        if quarter is not None and quarter in locked:
            report.findings.append(
                Finding(
                    "error",
                    change.path,
                    None,
                    Text(
                        f"kỳ {locked[quarter]} đã khóa (báo cáo đã ban hành): không được sửa báo cáo quý {quarter.name}; "
                        "nếu thật cần, cơ quan đầu mối mở khóa bằng `dnnd unlock` trong một pull request riêng",
                        f"period {locked[quarter]} is locked (its report was issued): the update of {quarter.name} may not "
                        "change; if really needed, the focal point unlocks it with `dnnd unlock` in a separate pull request",
                    ),
                )
            )
    if agency_id is not None and agency_id not in touched:
        report.findings.append(
            Finding(
                "error",
                f"{UPDATES_DIR}/{agency_id}/",
                None,
                Text(
                    f"pull request của '{agency_id}' không sửa báo cáo nào của cơ quan này",
                    f"the pull request of '{agency_id}' changes none of its updates",
                ),
            )
        )
    if agency_id is None and len(touched) > 1:
        names = ", ".join(sorted(touched))
        for paths in touched.values():
            for path in paths:
                report.findings.append(
                    Finding(
                        "error",
                        path,
                        None,
                        Text(
                            f"pull request sửa báo cáo của nhiều cơ quan ({names}): mỗi cơ quan gửi pull request riêng",
                            f"the pull request changes updates of several agencies ({names}): each agency sends its own",
                        ),
                    )
                )
    return report
