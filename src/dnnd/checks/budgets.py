"""The plan's funding files (plan/budgets/): each agency's yearly estimate and Sở Tài chính's appraisals, read,
validated and checked against the plan. A file that is wrong is left out with its problems, as a report text
is: `dnnd validate` tells them, `dnnd budget` says which files it left out.

Checked when asked (`validate`, `budget`), not by the per-file cache: the years that may be budgeted depend on
the date of the run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from dnnd.errors import DataError, Problem, whole_file
from dnnd.i18n import Text
from dnnd.load.layout import APPRAISALS_FOLDER, BUDGET_NAME, BUDGETS_DIR
from dnnd.load.yamlio import YamlDocument, load_yaml
from dnnd.plan.successions import Successions, holdings_in_year
from dnnd.plan.vietnamese import grouped

if TYPE_CHECKING:
    from dnnd.plan.budget_models import AppraisalsFile, BudgetFile
    from dnnd.plan.models import Agency, Plan, Task


class Budgets(NamedTuple):
    """The valid estimates by (agency, year), the valid appraisal files by year, and the problems of the rest."""

    estimates: dict[tuple[str, int], BudgetFile]
    appraisals: dict[int, AppraisalsFile]
    problems: list[Problem]


def budget_rel(agency: str, year: int) -> str:
    """Where an agency's estimate for `year` lives."""
    return f"{BUDGETS_DIR}/{agency}/{year}.yaml"


def appraisals_rel(year: int) -> str:
    return f"{BUDGETS_DIR}/{APPRAISALS_FOLDER}/{year}.yaml"


def budget_years(plan: Plan, today: dt.date) -> range:
    """The years that may be budgeted today: from the decision's year to next year."""
    return range(plan.decision.date.year, today.year + 2)


def read_budgets(
    plan: Plan,
    agencies: Mapping[str, Agency],
    tasks: Mapping[int, Task],
    raw: Mapping[str, bytes],
    today: dt.date,
    year: int | None = None,
) -> Budgets:
    """Read and check every funding file (rel → bytes), or those of `year`: the estimates first, then the
    appraisals of them. The tasks each agency holds are worked out once per year, not once per file."""
    found = Budgets({}, {}, [])
    successions = Successions(dict(agencies))
    held_by_year: dict[int, dict[str, set[int]]] = {}
    present: set[tuple[str, int]] = set()  # estimates that exist, valid or not: an appraisal may name them
    appraisal_files = []
    for rel, content in raw.items():
        parts = rel.removeprefix(BUDGETS_DIR + "/").split("/")
        name = BUDGET_NAME.fullmatch(parts[-1]) if len(parts) == 2 else None
        if name is None:
            found.problems.append(whole_file(rel, _NAMING))
            continue
        folder, stem = parts[0], int(name.group(1))
        if year is not None and stem != year:
            continue
        if folder == APPRAISALS_FOLDER:
            appraisal_files.append((rel, content, stem))
            continue
        if folder not in agencies:
            message = Text(
                f"không có cơ quan '{folder}' trong plan/agencies.yaml: thư mục phải mang mã cơ quan",
                f"there is no agency '{folder}' in plan/agencies.yaml: the folder must be named by an agency's id",
            )
            found.problems.append(whole_file(rel, message))
            continue
        if not agencies[folder].reports:  # as `new-budget` refuses to write it, and `budget` never counts it missing
            message = Text(
                f"'{folder}' là nhóm hoặc cơ quan ngoài tỉnh: không lập dự toán",
                f"'{folder}' is a group or an external body: it sends no estimate",
            )
            found.problems.append(whole_file(rel, message))
            continue
        present.add((folder, stem))
        if stem not in held_by_year:
            held_by_year[stem] = holdings_in_year(tasks.values(), successions, stem)
        estimate, problems = _estimate(plan, tasks, held_by_year[stem], rel, content, folder, stem, today)
        found.problems.extend(problems)
        if estimate is not None:
            found.estimates[(folder, stem)] = estimate
    for rel, content, stem in appraisal_files:
        appraisals, problems = _appraisals(plan, found.estimates, present, rel, content, stem, today)
        found.problems.extend(problems)
        if appraisals is not None:
            found.appraisals[stem] = appraisals
    return found


_NAMING = Text(
    f"tệp kinh phí phải là {BUDGETS_DIR}/<mã cơ quan>/<năm>.yaml (ví dụ {BUDGETS_DIR}/lhhn/2021.yaml) hoặc "
    f"{BUDGETS_DIR}/{APPRAISALS_FOLDER}/<năm>.yaml",
    f"a funding file is {BUDGETS_DIR}/<agency id>/<year>.yaml (such as {BUDGETS_DIR}/lhhn/2021.yaml) or "
    f"{BUDGETS_DIR}/{APPRAISALS_FOLDER}/<year>.yaml",
)


def _year_problems(plan: Plan, rel: str, doc: YamlDocument, year: int, stem: int, today: dt.date) -> list[Problem]:
    line, column = doc.locate(("year",))
    problems = []
    if year != stem:
        message = Text(
            f"năm {year} không trùng tên tệp ({stem}.yaml)", f"year {year} does not match the file ({stem}.yaml)"
        )
        problems.append(Problem(rel, line, column, "year", message))
    allowed = budget_years(plan, today)
    first, last = allowed[0], allowed[-1]
    if year not in allowed:
        message = Text(
            f"năm {year} nằm ngoài các năm có thể lập dự toán hôm nay (từ {first}, năm ban hành quyết định, đến {last})",
            f"year {year} is outside the years that may be budgeted today ({first}, the decision's year, to {last})",
        )
        problems.append(Problem(rel, line, column, "year", message))
    return problems


def _estimate(
    plan: Plan,
    tasks: Mapping[int, Task],
    holdings: Mapping[str, set[int]],
    rel: str,
    content: bytes,
    folder: str,
    stem: int,
    today: dt.date,
) -> tuple[BudgetFile | None, list[Problem]]:
    from dnnd.load.validation import field_path, validate_document  # pydantic: only when there are budgets
    from dnnd.plan.budget_models import BudgetFile

    try:
        doc = load_yaml(content, rel)
        estimate = validate_document(BudgetFile, doc, rel)
    except DataError as exc:
        return None, exc.problems
    problems = _year_problems(plan, rel, doc, estimate.year, stem, today)
    if estimate.agency != folder:
        line, column = doc.locate(("agency",))
        message = Text(
            f"cơ quan '{estimate.agency}' không trùng tên thư mục ({folder})",
            f"agency '{estimate.agency}' does not match the folder ({folder})",
        )
        problems.append(Problem(rel, line, column, "agency", message))
    held = holdings.get(folder, set())  # of the file's year (a `year:` that differs is told above)
    seen: set[int] = set()
    for index, item in enumerate(estimate.lines):
        where = ("lines", index)
        if item.id in seen:
            line, column = doc.locate((*where, "id"))
            message = Text(f"số thứ tự {item.id} đã dùng ở dòng trước", f"id {item.id} is used by an earlier line")
            problems.append(Problem(rel, line, column, field_path((*where, "id"), doc.data), message))
        seen.add(item.id)
        if item.task not in tasks:
            line, column = doc.locate((*where, "task"))
            message = Text(f"kế hoạch không có nhiệm vụ {item.task}", f"the plan has no task {item.task}")
            problems.append(Problem(rel, line, column, field_path((*where, "task"), doc.data), message))
        elif item.task not in held:
            line, column = doc.locate((*where, "task"))
            message = Text(
                f"{folder} không chủ trì hay phối hợp nhiệm vụ {item.task} trong năm {estimate.year}",
                f"{folder} neither leads nor supports task {item.task} in {estimate.year}",
            )
            problems.append(Problem(rel, line, column, field_path((*where, "task"), doc.data), message))
        problems.extend(_arithmetic(rel, doc, index, item.quantity, item.unit_price, item.amount))
    return (None if problems else estimate), problems


def _arithmetic(
    rel: str, doc: YamlDocument, index: int, quantity: int | None, unit_price: int | None, amount: int
) -> list[Problem]:
    """quantity and unit_price come together, and their product is the amount."""
    from dnnd.load.validation import field_path

    if (quantity is None) != (unit_price is None):
        given, missing = ("quantity", "unit_price") if unit_price is None else ("unit_price", "quantity")
        line, column = doc.locate(("lines", index, given))
        message = Text(f"có {given} thì phải có cả {missing}", f"{given} needs {missing} too")
        return [Problem(rel, line, column, field_path(("lines", index, missing), doc.data), message)]
    if quantity is not None and unit_price is not None and quantity * unit_price != amount:
        line, column = doc.locate(("lines", index, "amount"))
        product = quantity * unit_price
        message = Text(
            f"thành tiền {grouped(amount)} khác số lượng × đơn giá = {grouped(quantity)} × {grouped(unit_price)} = "
            f"{grouped(product)}",
            f"amount {amount:,} differs from quantity × unit_price = {quantity:,} × {unit_price:,} = {product:,}",
        )
        return [Problem(rel, line, column, field_path(("lines", index, "amount"), doc.data), message)]
    return []


def _appraisals(
    plan: Plan,
    estimates: Mapping[tuple[str, int], BudgetFile],
    present: set[tuple[str, int]],
    rel: str,
    content: bytes,
    stem: int,
    today: dt.date,
) -> tuple[AppraisalsFile | None, list[Problem]]:
    from dnnd.load.validation import validate_document
    from dnnd.plan.budget_models import AppraisalsFile

    try:
        doc = load_yaml(content, rel)
        appraisals = validate_document(AppraisalsFile, doc, rel)
    except DataError as exc:
        return None, exc.problems
    problems = _year_problems(plan, rel, doc, appraisals.year, stem, today)
    seen: set[tuple[str, int]] = set()
    for index, item in enumerate(appraisals.appraisals):
        field = f"appraisals[{index}]"
        estimate = estimates.get((item.agency, appraisals.year))
        if (item.agency, appraisals.year) not in present:
            line, column = doc.locate(("appraisals", index, "agency"))
            message = Text(
                f"{item.agency} chưa có dự toán năm {appraisals.year} ({budget_rel(item.agency, appraisals.year)})",
                f"{item.agency} has no estimate for {appraisals.year} ({budget_rel(item.agency, appraisals.year)})",
            )
            problems.append(Problem(rel, line, column, f"{field}.agency", message))
        elif estimate is not None and all(line.id != item.line for line in estimate.lines):
            line, column = doc.locate(("appraisals", index, "line"))
            message = Text(
                f"dự toán năm {appraisals.year} của {item.agency} không có dòng số {item.line}",
                f"{item.agency}'s estimate for {appraisals.year} has no line {item.line}",
            )
            problems.append(Problem(rel, line, column, f"{field}.line", message))
        if (item.agency, item.line) in seen:
            line, column = doc.locate(("appraisals", index))
            message = Text(
                f"dòng {item.line} của {item.agency} đã được thẩm định ở mục trước",
                f"line {item.line} of {item.agency} is appraised by an earlier item",
            )
            problems.append(Problem(rel, line, column, field, message))
        seen.add((item.agency, item.line))
        if item.allocated is not None and item.allocated > item.appraised and not item.note:
            line, column = doc.locate(("appraisals", index, "allocated"))
            message = Text(
                f"số bố trí {grouped(item.allocated)} lớn hơn số thẩm định {grouped(item.appraised)}: ghi lý do vào note",
                f"allocated {item.allocated:,} is more than appraised {item.appraised:,}: give the reason in note",
            )
            problems.append(Problem(rel, line, column, f"{field}.allocated", message))
    return (None if problems else appraisals), problems
