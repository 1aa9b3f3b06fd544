"""The focal point's report texts (plan/reports/<period>.yaml): each read, validated and checked against the
plan. A text that is wrong is left out with its problems, as an update file is: it stops no command but
`dnnd validate` and the report of its period (`documents.write`), which will not go out without it.

Checked when the repository loads, not by the per-file cache: whether a period may be reported on depends on
the date of the run, as for update files (`update_periods`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, NamedTuple

from dnnd.checks.update_periods import allowed_quarters
from dnnd.errors import DataError, Problem, whole_file
from dnnd.i18n import Text
from dnnd.load.layout import REPORT_TEXT_NAME, REPORT_TEXTS_DIR
from dnnd.load.yamlio import YamlDocument, load_yaml
from dnnd.plan.periods import Period, parse_period

if TYPE_CHECKING:
    from dnnd.plan.models import Plan, ReportText


class ReportTexts(NamedTuple):
    """The report texts that are valid, by period name ('2020-Q4'), and the problems of the others."""

    texts: dict[str, ReportText]
    problems: list[Problem]


def report_text_rel(period: str) -> str:
    """Where the focal point's text of the report on `period` lives."""
    return f"{REPORT_TEXTS_DIR}/{period}.yaml"


def period_text_problem(plan: Plan, period: Period, today: dt.date) -> Text | None:
    """Why the focal point cannot write the report of `period` on `today` (none of its quarters is one the
    plan may report on yet, or all come before the plan), or None."""
    first, last = allowed_quarters(plan, today)
    if period.quarters()[-1] >= first and period.quarters()[0] <= last:
        return None
    return Text(
        f"kỳ {period.name} nằm ngoài các kỳ của kế hoạch có thể báo cáo hôm nay (từ {first.name} đến {last.name})",
        f"{period.name} is outside the periods the plan may report on today ({first.name} to {last.name})",
    )


def read_report_texts(plan: Plan, task_ids: Collection[int], raw: Mapping[str, bytes], today: dt.date) -> ReportTexts:
    """Read and check each report text (rel → bytes); those with a problem are left out."""
    found = ReportTexts({}, [])
    if not raw:
        return found
    from dnnd.load.validation import validate_document  # pydantic: only when there are report texts
    from dnnd.plan.models import ReportText

    for rel, content in raw.items():
        name = rel.rsplit("/", 1)[-1]
        if not REPORT_TEXT_NAME.fullmatch(name):
            found.problems.append(
                whole_file(
                    rel,
                    Text(
                        f"tên tệp phải là kỳ báo cáo: {REPORT_TEXTS_DIR}/2020-Q4.yaml (quý), 2020-H1.yaml (6 tháng) "
                        "hoặc 2020.yaml (năm)",
                        f"the file must be named after a period: {REPORT_TEXTS_DIR}/2020-Q4.yaml (a quarter), "
                        "2020-H1.yaml (a half-year) or 2020.yaml (a year)",
                    ),
                )
            )
            continue
        try:
            doc = load_yaml(content, rel)
            text = validate_document(ReportText, doc, rel)
        except DataError as exc:
            found.problems.extend(exc.problems)
            continue
        problems = _problems(plan, task_ids, text, doc, rel, today)
        if problems:
            found.problems.extend(problems)
        else:
            found.texts[text.period] = text
    return found


def _task_number(key: object) -> int | None:
    """A key of `tasks` as the number the model read it as (the model refused any other already)."""
    try:
        return int(str(key))
    except ValueError:
        return None


def _problems(
    plan: Plan, task_ids: Collection[int], text: ReportText, doc: YamlDocument, rel: str, today: dt.date
) -> list[Problem]:
    problems = []
    stem = rel.rsplit("/", 1)[-1].removesuffix(".yaml")
    line, column = doc.locate(("period",))
    if text.period != stem:
        message = Text(
            f"kỳ '{text.period}' không trùng tên tệp ({stem}.yaml)",
            f"period '{text.period}' does not match the file name ({stem}.yaml)",
        )
        problems.append(Problem(rel, line, column, "period", message))
    period = parse_period(text.period)
    outside = None if period is None else period_text_problem(plan, period, today)
    if outside is not None:
        problems.append(Problem(rel, line, column, "period", outside))
    written: dict[int, list[str]] = {}  # '5', '05' and '+5' are one task: the YAML keys differ, the numbers not
    for key in doc.data.get("tasks") or {} if isinstance(doc.data, dict) else {}:
        number = _task_number(key)
        if number is not None:
            written.setdefault(number, []).append(str(key))
    known = set(task_ids)
    for task_id, keys in written.items():
        line, column = doc.locate(("tasks", keys[-1]), key=True)
        if len(keys) > 1:
            message = Text(
                f"nhiệm vụ {task_id} được ghi {len(keys)} lần ({', '.join(keys)}): chỉ giữ một",
                f"task {task_id} is written {len(keys)} times ({', '.join(keys)}): keep one",
            )
            problems.append(Problem(rel, line, column, f"tasks.{task_id}", message))
        if task_id not in known:
            message = Text(f"kế hoạch không có nhiệm vụ {task_id}", f"the plan has no task {task_id}")
            problems.append(Problem(rel, line, column, f"tasks.{task_id}", message))
    return problems
