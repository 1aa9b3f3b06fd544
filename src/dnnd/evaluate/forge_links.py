"""Links that open the forge's "new file" page on an agency's missing update, pre-filled with the same text as
`dnnd new-update` writes: what `dnnd links` prints and what the reminder letter gives each agency, so that a
clerk can report from a browser without git. Missing means what `dnnd missing` says: per agency and quarter,
tasks not reported on."""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from dnnd.errors import UsageError
from dnnd.evaluate.status_report import PeriodChoice, locked_quarters, status_report
from dnnd.evaluate.task_status import Evaluation
from dnnd.evaluate.update_scaffold import render_update
from dnnd.i18n import Text
from dnnd.load.layout import UPDATES_DIR
from dnnd.plan.forge import Forge, new_file_url
from dnnd.plan.periods import Period
from dnnd.plan.vietnamese import grouped
from dnnd.repository import Repository

# The longest URL given. nginx, in front of GitLab and most Gitea servers, refuses a request line longer than
# its default 8 KiB buffer (large_client_header_buffers 4 8k) with "414 URI Too Long", and GitHub answers 414
# past a limit it does not publish; a URL copied from a letter or a mail must also survive the programs that
# carry it. Browsers take far longer ones. 8,000 characters leave the request line's method and protocol room
# within 8 KiB. Vietnamese text takes 6 to 9 characters a letter once encoded: a scaffold of more than five or
# six tasks does not fit, and the agency gets the Excel form instead.
MAX_URL = 8_000


class ForgeLink(NamedTuple):
    """The link for one agency's update of one quarter: its URL, or None and why there is none."""

    agency: str
    quarter: Period
    path: str  # plan/updates/<agency>/<quarter>.yaml
    url: str | None
    reason: Text | None = None
    tasks: tuple[int, ...] = ()  # the tasks it has not reported on
    instead: Literal["form", "file", "locked", None] = None  # no URL: the Excel form, the file there, a locked period


class ForgeLinks(NamedTuple):
    """`dnnd links`: the evaluation of the period and a link per agency and quarter missing."""

    evaluation: Evaluation
    links: list[ForgeLink]
    why: Text | None = None  # why this period, when none was named


def forge_of(repo: Repository) -> Forge:
    """The plan's `forge:`, or a usage error saying what to add to plan.yaml."""
    if repo.plan.forge is None:
        raise UsageError(
            Text(
                "plan/plan.yaml chưa có mục forge: nên không có đường dẫn; thêm địa chỉ kho trên nền tảng git, ví dụ\n"
                "forge:\n  url: https://github.com/to-chuc/kho\n  branch: main\n"
                "(Gitea, GitLab: thêm new_file, xem mô tả trong schema/plan.schema.json)",
                "plan/plan.yaml has no forge: section, so there are no links; add the repository's address on its "
                "forge, e.g.\nforge:\n  url: https://github.com/org/repo\n  branch: main\n"
                "(Gitea, GitLab: add new_file, see its description in schema/plan.schema.json)",
            )
        )
    return repo.plan.forge


def form_command(agency_id: str, quarter: Period) -> str:
    """The command that writes the agency's Excel form, for when no link can be given."""
    return f"dnnd form --agency {agency_id} --quarter {quarter.name}"


def link_for(repo: Repository, forge: Forge, agency_id: str, quarter: Period, tasks: tuple[int, ...] = ()) -> ForgeLink:
    """The link that creates the agency's update of the quarter: none when the quarter is locked (its report
    issued: no update may change), when the file exists already (the agency completes it instead) or when the
    URL would be longer than MAX_URL (the Excel form instead)."""
    rel = f"{UPDATES_DIR}/{agency_id}/{quarter.name}.yaml"
    if quarter in locked_quarters(repo):
        locked = Text(
            f"kỳ {quarter.name} đã khóa (báo cáo đã ban hành): không nhận thêm báo cáo",
            f"{quarter.name} is locked (its report was issued): no update is taken",
        )
        return ForgeLink(agency_id, quarter, rel, None, locked, tasks, "locked")
    if agency_id in repo.summary.submissions.by_quarter.get(quarter.name, {}) or rel in repo.left_out:
        return ForgeLink(
            agency_id,
            quarter,
            rel,
            None,
            Text(
                f"đã có tệp {rel}: bổ sung vào tệp đó các nhiệm vụ còn thiếu",
                f"{rel} exists already: add the missing tasks to it",
            ),
            tasks,
            "file",
        )
    text, _ = render_update(repo, agency_id, quarter)
    url = new_file_url(forge, rel, text)
    if len(url) > MAX_URL:
        command = form_command(agency_id, quarter)
        return ForgeLink(
            agency_id,
            quarter,
            rel,
            None,
            Text(
                f"đường dẫn quá dài ({grouped(len(url))} ký tự, tối đa {grouped(MAX_URL)}): dùng biểu mẫu Excel "
                f"`{command}`",
                f"the link is too long ({len(url):,} characters, at most {MAX_URL:,}): use the Excel form `{command}`",
            ),
            tasks,
            "form",
        )
    return ForgeLink(agency_id, quarter, rel, url, None, tasks)


def missing_links(repo: Repository, forge: Forge, evaluation: Evaluation, *, leave_out: str = "") -> list[ForgeLink]:
    """A link per agency and quarter the evaluation finds missing (but `leave_out`), in the order of
    agencies.yaml, then of the quarters."""
    order = {agency_id: index for index, agency_id in enumerate(repo.agencies)}
    items = sorted(evaluation.missing, key=lambda item: (order[item.agency], item.quarter))
    return [link_for(repo, forge, item.agency, item.quarter, item.tasks) for item in items if item.agency != leave_out]


def forge_links(repo: Repository, choice: PeriodChoice, *, today: dt.date, agency_id: str | None = None) -> ForgeLinks:
    """`dnnd links`: for the chosen period (by default the period being reported), a link per agency (or the
    one asked for) and quarter that has not reported on every task it must."""
    forge = forge_of(repo)
    report = status_report(repo, choice, today=today, agency_id=agency_id)
    return ForgeLinks(report.evaluation, missing_links(repo, forge, report.evaluation), report.why)
