"""Plain records of the core's results, and their JSON and CSV text (what other tools read)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from dnnd.evaluate.status_report import StatusReport, TaskView
from dnnd.plan.models import Task

STATUS_FIELDS = ("task", "title", "lead", "support", "timing", "status", "due", "done_on", "reports")


def task_record(task: Task) -> dict[str, Any]:
    """The contract fields of one task."""
    return {
        "task": task.id,
        "title": task.title,
        "lead": list(task.lead),
        "support": list(task.support),
        "timing": task.timing,
    }


def _latest(view: TaskView) -> list[dict[str, Any]]:
    return [
        {"agency": item.agency, "period": item.period, "status": item.entry.status, "summary": item.entry.summary}
        for item in view.latest_by_lead()
    ]


def status_document(report: StatusReport) -> dict[str, Any]:
    """The JSON contract of `dnnd status`: the period, its window, the evaluation date and each task."""
    evaluation = report.evaluation
    tasks = []
    for view in report.views:
        result = report.results[view.task.id]
        lead, support = report.roles[view.task.id]
        tasks.append(
            {
                **task_record(view.task),
                "lead": lead,
                "support": support,
                "status": result.status,
                "due": result.due,
                "done_on": result.done_on,
                "reports": result.reports,
                "occurrence": result.occurrence,
                "waiting_for": list(result.waiting_for),
                "latest": _latest(view),
            }
        )
    return {
        "period": evaluation.period.name,
        "window": {"start": evaluation.window.start, "end": evaluation.window.end},
        "as_of": evaluation.as_of,
        "counts": report.counts(),
        "tasks": tasks,
    }


def to_json(value: Any) -> str:
    """JSON with real Vietnamese letters (not \\u escapes), dates as ISO strings."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_cell(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_cell(item)}" for key, item in value.items())
    return "" if value is None else str(value)


def to_csv(records: Iterable[dict[str, Any]], fields: Sequence[str]) -> str:
    """CSV with a UTF-8 byte-order mark so that Excel shows Vietnamese letters correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([_cell(record.get(field)) for field in fields])
    return "\ufeff" + buffer.getvalue()
