"""`dnnd new-budget`: an agency's yearly estimate for its part of the plan, a line for each task it holds that
year, to fill in with what each costs. Never overwrites a file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from dnnd.checks.budgets import budget_rel, budget_years
from dnnd.errors import UsageError
from dnnd.evaluate.task_views import check_agency
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.plan.successions import Successions, holdings_in_year
from dnnd.repository import Repository


def budget_text(repo: Repository, agency_id: str, year: int, tasks: list[int]) -> str:
    """The estimate's YAML: a line per task, its amount to fill in (the file does not validate until it is)."""
    head = [
        f"# Dự toán kinh phí năm {year} của {repo.agencies[agency_id].name} để thực hiện Kế hoạch.",
        "# Mỗi nội dung chi một dòng: task (nhiệm vụ), content, amount (đồng, số nguyên), source (nguồn):",
        "#   ngan_sach_tinh, ngan_sach_trung_uong, vien_tro, xa_hoi_hoa hoặc khac.",
        "# Có thể ghi thêm basis (căn cứ, định mức), quantity + unit + unit_price (amount = quantity × unit_price)",
        "# và executed (số đã chi) trong hoặc sau năm. Bỏ các dòng của nhiệm vụ không cần kinh phí.",
        f"agency: {agency_id}",
        f"year: {year}",
        "lines:",
    ]
    body = []
    for number, task in enumerate(tasks, 1):
        title = " ".join(repo.tasks[task].title.split())
        body += [
            f"  - id: {number}",
            f"    task: {task}  # {title[:90]}{'…' if len(title) > 90 else ''}",
            "    content:  # nội dung chi",
            "    amount:  # đồng",
            "    source: ngan_sach_tinh",
        ]
    return "\n".join([*head, *body]) + "\n"


def new_budget(repo: Repository, agency_id: str, year: int, today: dt.date) -> Path:
    """Write plan/budgets/<agency>/<year>.yaml with the agency's tasks of that year."""
    agency = check_agency(repo, agency_id)
    assert agency is not None
    if not agency.reports:
        raise UsageError(
            Text(
                f"'{agency_id}' là nhóm hoặc cơ quan ngoài tỉnh: không lập dự toán",
                f"'{agency_id}' is a group or an external body: it sends no estimate",
            )
        )
    allowed = budget_years(repo.plan, today)
    first, last = allowed[0], allowed[-1]
    if year not in allowed:
        raise UsageError(
            Text(
                f"năm {year} nằm ngoài các năm có thể lập dự toán hôm nay ({first}–{last})",
                f"{year} is outside the years that may be budgeted today ({first}–{last})",
            )
        )
    held = holdings_in_year(repo.tasks.values(), Successions(repo.agencies), year)
    tasks = [task for task in repo.tasks if task in held.get(agency_id, set())]
    if not tasks:
        raise UsageError(
            Text(
                f"'{agency_id}' không chủ trì hay phối hợp nhiệm vụ nào trong năm {year}",
                f"'{agency_id}' neither leads nor supports any task in {year}",
            )
        )
    rel = budget_rel(agency_id, year)
    path = repo.root / rel
    if os.path.lexists(path):
        raise UsageError(Text(f"{rel} đã có: dnnd không ghi đè", f"{rel} exists already: dnnd does not overwrite it"))
    return write_atomic(path, budget_text(repo, agency_id, year, tasks).encode("utf-8"), root=repo.root)
