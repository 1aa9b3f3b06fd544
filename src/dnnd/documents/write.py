"""The `report`, `draft`, `remind` and `budget --docx` commands' core: evaluate the period (or sum the year's
funding), build the content, write the documents."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from dnnd.checks.report_texts import period_text_problem, report_text_rel
from dnnd.documents import word
from dnnd.documents.budget_content import budget_context
from dnnd.documents.contents import IssueOptions
from dnnd.documents.readiness import readiness
from dnnd.documents.reminder_content import reminder_context
from dnnd.documents.report_content import report_context
from dnnd.documents.report_draft import draft_text
from dnnd.errors import DnndError, UsageError
from dnnd.evaluate.budget import BudgetSummary
from dnnd.evaluate.facts import build_facts
from dnnd.evaluate.status_report import PeriodChoice, choose_period, locked_quarters
from dnnd.evaluate.task_status import Evaluation, evaluate
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.load.git import data_commit
from dnnd.plan.periods import Period
from dnnd.plan.vietnamese import dmy, period_phrase
from dnnd.repository import Repository


@dataclass(frozen=True)
class Written:
    """The files a command wrote, what it evaluated, and what still stands before the document can be signed."""

    paths: list[Path]
    evaluation: Evaluation
    agencies: list[str]
    to_do: list[Text] = field(default_factory=list)
    why: Text | None = None  # why this period, when none was named


def _evaluate(repo: Repository, choice: PeriodChoice, today: dt.date) -> tuple[Evaluation, Text | None]:
    """Status at the end of the period's window, or today (or the day chosen) if earlier; with no period named,
    of the period being reported (`evaluate.status_report.choose_period`), with why it was chosen."""
    chosen = choose_period(choice, today, repo.plan.reporting.windows, locked_quarters(repo))
    return evaluate(build_facts(repo), list(repo.tasks), chosen.period, chosen.as_of), chosen.why


def _created(options: IssueOptions, period: Period, repo: Repository) -> dt.datetime:
    day = options.date or period.window(repo.plan.reporting.windows).end
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _target(repo: Repository, output: Path | None, stem: str) -> tuple[Path, Path | None]:
    """Where a document goes: the user's -o as given, else reports/ inside the repository (the second value)."""
    return (output, None) if output is not None else (repo.root / "reports" / f"{stem}.docx", repo.root)


def write_report(
    repo: Repository, choice: PeriodChoice, options: IssueOptions, *, output: Path | None, force: bool, pdf: bool
) -> Written:
    """Render the report on the chosen period; the .docx (and with `pdf` the .pdf) it wrote."""
    evaluation, why = _evaluate(repo, choice, options.today)
    context = report_context(repo, evaluation, options)
    provenance = word.Provenance(
        repo.plan.id,
        evaluation.period.name,
        data_commit(repo.root),
        context.summary_title,
        _created(options, evaluation.period, repo),
    )
    content = word.render(word.template_path(repo.root, "report.docx"), context, provenance)
    path, inside = _target(repo, output, f"bao-cao-{evaluation.period.name}")
    if pdf:  # before anything is written: an issued PDF is never replaced without --force
        word.refuse_existing(path.with_suffix(".pdf"), force=force)
    paths = [word.write_new(path, content, force=force, root=inside)]
    if pdf:
        from dnnd.documents.pdf import to_pdf

        paths.append(to_pdf(paths[0], force=force, root=inside))
    return Written(paths, evaluation, [], readiness(repo, evaluation, options), why)


def check_report(repo: Repository, choice: PeriodChoice, options: IssueOptions) -> Written:
    """`dnnd report --check`: what stands between the report on the chosen period and one to sign; nothing
    written."""
    evaluation, why = _evaluate(repo, choice, options.today)
    return Written([], evaluation, [], readiness(repo, evaluation, options), why)


def write_draft(repo: Repository, choice: PeriodChoice, today: dt.date) -> Written:
    """Write plan/reports/<period>.yaml pre-filled (by default for the period being reported); never over a
    text already there, nor for a period the plan cannot report on yet."""
    evaluation, why = _evaluate(repo, choice, today)
    problem = period_text_problem(repo.plan, evaluation.period, today)
    if problem is not None:
        raise UsageError(problem)
    rel = report_text_rel(evaluation.period.name)
    path = repo.root / rel
    if os.path.lexists(path):
        raise DnndError(
            Text(
                f"đã có {rel}: dnnd không ghi đè; sửa tệp đó (hoặc xóa nó nếu muốn soạn lại từ đầu)",
                f"{rel} exists already: dnnd does not overwrite it; edit it (or delete it to draft again)",
            )
        )
    write_atomic(path, draft_text(repo, evaluation).encode("utf-8"), root=repo.root)
    return Written([path], evaluation, [], why=why)


def write_reminder(
    repo: Repository,
    choice: PeriodChoice,
    options: IssueOptions,
    *,
    deadline: dt.date | None,
    output: Path | None,
    force: bool,
) -> Written:
    """Render the letter urging the agencies that have not reported; nothing is written when none is missing."""
    evaluation, why = _evaluate(repo, choice, options.today)
    letter_day = options.date or options.today
    reply_by = deadline or letter_day + dt.timedelta(days=7)
    if reply_by <= letter_day:
        raise UsageError(
            Text(
                f"--deadline {dmy(reply_by)} phải sau ngày của công văn ({dmy(letter_day)})",
                f"--deadline {dmy(reply_by)} must come after the letter's date ({dmy(letter_day)})",
            )
        )
    context = reminder_context(repo, evaluation, options, reply_by)
    if not context.agencies:
        return Written([], evaluation, [], why=why)
    provenance = word.Provenance(
        repo.plan.id,
        evaluation.period.name,
        data_commit(repo.root),
        f"V/v {context.subject} ({period_phrase(evaluation.period)})",
        _created(options, evaluation.period, repo),
    )
    content = word.render(word.template_path(repo.root, "remind.docx"), context, provenance)
    path, inside = _target(repo, output, f"don-doc-{evaluation.period.name}")
    attach = [
        Text(f"gửi kèm công văn biểu mẫu Excel: {command}", f"attach the Excel form to the letter: {command}")
        for command in context.forms
    ]
    return Written([word.write_new(path, content, force=force, root=inside)], evaluation, context.agencies, attach, why)


def write_budget(
    repo: Repository, summary: BudgetSummary, options: IssueOptions, *, output: Path | None, force: bool
) -> Path:
    """Render the letter consolidating the year's estimates for Sở Tài chính (by default reports/du-toan-<year>.docx);
    an error when no agency has sent one."""
    if not summary.agencies:
        raise DnndError(
            Text(
                f"chưa có dự toán năm {summary.year} nào (plan/budgets/<mã cơ quan>/{summary.year}.yaml): "
                "không có gì để tổng hợp",
                f"no estimate for {summary.year} yet (plan/budgets/<agency id>/{summary.year}.yaml): nothing to sum up",
            )
        )
    context = budget_context(repo, summary, options)
    day = options.date or options.today
    provenance = word.Provenance(
        repo.plan.id,
        str(summary.year),
        data_commit(repo.root),
        f"V/v {context.subject}",
        dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC),
    )
    content = word.render(word.template_path(repo.root, "budget.docx"), context, provenance)
    path, inside = _target(repo, output, f"du-toan-{summary.year}")
    return word.write_new(path, content, force=force, root=inside)
