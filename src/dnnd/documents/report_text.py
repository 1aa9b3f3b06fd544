"""The focal point's own text of a report (plan/reports/<period>.yaml) as the report reads it, and the text a
draft starts from: an overview with the figures, one synthesis per task from what its leads reported, and
the tasks the next period holds. `dnnd draft` writes that text for the officer to edit; `dnnd report`
without the file uses it as is, marked DỰ THẢO."""

from __future__ import annotations

import re

from dnnd.documents.contents import lines
from dnnd.documents.figures_content import figures_paragraphs
from dnnd.evaluate.figures import Stats
from dnnd.evaluate.report_material import ComingTask, ReportMaterial, coming_tasks
from dnnd.evaluate.task_status import Evaluation
from dnnd.plan.models import ReportText
from dnnd.plan.schedules import AfterEvents
from dnnd.plan.vietnamese import dmy, period_phrase
from dnnd.plan.vocabulary import DONE_CODES
from dnnd.repository import Repository

RESULT_CHARS = 400  # of a task's results in the appendix's column: about ten lines of it
_BULLET = re.compile(r"^\s*([-+•*]|\d+[.)])\s")


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a text written in YAML: separated by blank lines, a paragraph's lines joined (an
    editor's wrapping is not a new paragraph), except a line opening a list item ('- ', '1. '), which
    starts one."""
    found: list[list[str]] = []
    fresh = True
    for line in (text or "").splitlines():
        stripped = line.strip()
        if not stripped:
            fresh = True
            continue
        if fresh or _BULLET.match(line):
            found.append([])
        found[-1].append(stripped)
        fresh = False
    return [" ".join(parts) for parts in found]


def list_item(text: str) -> str:
    """An item of a list in the report: as written when it opens with its own mark ('- ', '1. '), else after
    a dash."""
    flat = " ".join(paragraphs(text))
    return flat if _BULLET.match(flat) else f"- {flat}"


def shortened(text: str, limit: int = RESULT_CHARS) -> str:
    """`text` on one line, cut at the last word boundary within `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    space = flat[:limit].rfind(" ")  # a word ending at limit - 1 still fits before the ellipsis
    kept = flat[:space] if space > 0 else flat[: limit - 1]  # one word longer than the limit: cut inside it
    return kept.rstrip(" ,;:.-") + "…"


def task_synthesis(repo: Repository, material: ReportMaterial, task_id: int) -> str:
    """A task's results as its leads reported them in the period, each line of theirs a paragraph: one lead's
    summary as it is, several leads' each after the agency's short name."""
    latest = material.leads_latest(task_id)
    found: list[str] = []
    for item in latest:
        first, *rest = lines(item.entry.summary)
        found += [f"{repo.agencies[item.agency].short_name}: {first}" if len(latest) > 1 else first, *rest]
    return "\n\n".join(found)


def results_column(repo: Repository, material: ReportMaterial, text: ReportText | None, task_id: int) -> str:
    """The appendix's Kết quả cell: the focal point's synthesis, else the leads' latest summaries, shortened."""
    written = text.tasks.get(task_id) if text is not None else None
    return shortened(written or task_synthesis(repo, material, task_id))


def coming_task_line(repo: Repository, coming: ComingTask) -> str:
    """One of the next period's key tasks, as the draft proposes it."""
    title = repo.tasks[coming.task].title
    note = {
        "overdue": f"đã quá hạn {dmy(coming.due)}" if coming.due else "đã quá hạn",
        "due": f"hạn {dmy(coming.due)}" if coming.due else "đến hạn",
        "yearly": f"lần thực hiện tiếp theo, hạn {dmy(coming.due)}" if coming.due else "lần thực hiện tiếp theo",
        "guidance": "đã có hướng dẫn của cấp trên trong kỳ",
    }[coming.why]
    return f"Nhiệm vụ {coming.task}: {title} ({note})."


def next_tasks(repo: Repository, evaluation: Evaluation) -> list[str]:
    """The next period's key tasks from the schedules: overdue first, then those due, yearly occurrences
    coming due, those whose awaited guidance came; the ongoing ones in one closing line."""
    next_end = evaluation.period.next().window(repo.plan.reporting.windows).end
    found = [coming_task_line(repo, coming) for coming in coming_tasks(repo, evaluation, next_end)]
    ongoing = [str(result.task) for result in evaluation.results if result.status == "ongoing"]
    if ongoing:
        found.append(f"Tiếp tục thực hiện các nhiệm vụ thường xuyên (nhiệm vụ {', '.join(ongoing)}).")
    return found


def overview(repo: Repository, evaluation: Evaluation, stats: Stats | None) -> str:
    """The opening the draft proposes: where the tasks stand, and the figures of the period (with `stats`)."""
    results = evaluation.results
    done = sum(result.status in DONE_CODES for result in results)
    ongoing = sum(result.status == "ongoing" for result in results)
    overdue = sum(result.status == "overdue" for result in results)
    unfinished = sum(result.status in ("in_progress", "overdue") for result in results)
    waiting = sum(result.status == "waiting" for result in results)
    late = f" ({overdue} nhiệm vụ quá hạn)" if overdue else ""
    held = f", {waiting} nhiệm vụ chờ điều kiện" if waiting else ""
    opening = (
        f"Trong {period_phrase(evaluation.period)}, các cơ quan, đơn vị tiếp tục triển khai {repo.plan.title}. "
        f"Tính đến ngày {dmy(evaluation.as_of)}, trong tổng số {len(results)} nhiệm vụ: {done} nhiệm vụ đã hoàn "
        f"thành, {ongoing} nhiệm vụ thực hiện thường xuyên, {unfinished} nhiệm vụ chưa hoàn thành{late}{held}."
    )
    if stats is None:
        return opening
    figures = figures_paragraphs(stats, leading_zero=repo.plan.report.leading_zero_counts)
    return "\n\n".join([opening, *figures[:1]])


def drafted_text(
    repo: Repository, evaluation: Evaluation, material: ReportMaterial, stats: Stats | None = None
) -> ReportText:
    """The text a draft starts from (its overview with the figures' first paragraph when `stats` is given: the
    report itself prints the figures after the overview); what only the officer can judge (assessment,
    proposals) is left empty."""
    return ReportText(
        period=evaluation.period.name,
        summary=overview(repo, evaluation, stats),
        tasks={
            task_id: task_synthesis(repo, material, task_id) or _awaiting(repo, task_id, evaluation)
            for task_id in repo.tasks
        },
        next_tasks=next_tasks(repo, evaluation),
    )


def _awaiting(repo: Repository, task_id: int, evaluation: Evaluation) -> str:
    """What a task nobody reported on that waits for guidance can be said to be: not started, and why."""
    result = next(result for result in evaluation.results if result.task == task_id)
    schedule = repo.schedules[task_id]
    if result.status != "waiting" or not isinstance(schedule, AfterEvents):
        return ""
    awaited = [repo.events[event].name for event in schedule.events if repo.events[event].occurred_on is None]
    named = " và ".join(name[:1].lower() + name[1:] for name in awaited)  # 'hướng dẫn của Bộ Ngoại giao'
    return f"Chưa triển khai do chưa có {named or 'hướng dẫn của cấp trên'}."
