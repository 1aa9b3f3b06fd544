"""Periods whose report has been issued: their quarters' update files may no longer change."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from dnnd.errors import DnndError
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.load.layout import LOCKS_FILE, read_file
from dnnd.load.validation import validate_document
from dnnd.load.yamlio import dump_yaml, load_yaml
from dnnd.plan.budget_models import BudgetLock
from dnnd.plan.models import Lock, LocksFile
from dnnd.plan.periods import Period, quarters_covered

_HEADER = (
    "# Các kỳ đã ban hành báo cáo (do `dnnd lock` / `dnnd unlock` ghi). Tệp báo cáo của các quý trong một kỳ\n"
    "# đã khóa không được sửa: `dnnd check-changes` từ chối pull request sửa chúng. Các năm trong budgets\n"
    "# (`dnnd lock 2021 --budget`) đã quyết toán: tệp kinh phí của năm đó không được sửa.\n"
)


def parse_locks(raw: bytes | None, rel: str = LOCKS_FILE) -> LocksFile:
    """The locks in a file's bytes (None: no file, no locks); raises DataError when the file is wrong."""
    if raw is None:
        return LocksFile()
    return validate_document(LocksFile, load_yaml(raw, rel), rel)


def locked_quarters(locks: LocksFile) -> dict[Period, str]:
    """Each locked quarter, with the locked period it belongs to."""
    return quarters_covered(lock.period for lock in locks.locks)


def _read(root: Path) -> LocksFile:
    return parse_locks(read_file(root, LOCKS_FILE) if os.path.lexists(root / LOCKS_FILE) else None)


def locked_budget_years(locks: LocksFile) -> set[int]:
    """The budget years whose final accounts are closed: their funding files may no longer change."""
    return {lock.year for lock in locks.budgets}


def _write(root: Path, locks: LocksFile) -> None:
    """The whole file written anew, atomically: a failed write (a full disk) leaves the old locks whole."""
    body: dict[str, object] = {"locks": [lock.model_dump(exclude_none=True) for lock in locks.locks]}
    if locks.budgets:
        body["budgets"] = [lock.model_dump(exclude_none=True) for lock in locks.budgets]
    write_atomic(root / LOCKS_FILE, (_HEADER + dump_yaml(body)).encode("utf-8"), root=root)


def lock(
    root: Path,
    period: Period,
    today: dt.date,
    note: str | None = None,
    number: int | None = None,
    issued_on: dt.date | None = None,
) -> Period:
    """Record that the period's report was issued (under `number`, on `issued_on`, when given)."""
    locks = _read(root)
    if any(existing.period == period.name for existing in locks.locks):
        raise DnndError(Text(f"kỳ {period.name} đã được khóa", f"period {period.name} is already locked"))
    locks.locks.append(Lock(period=period.name, locked_on=today, note=note, number=number, issued_on=issued_on))
    _write(root, locks)
    return period


def lock_budget(root: Path, year: int, today: dt.date, note: str | None = None) -> int:
    """Record that the year's final accounts are closed: its funding files may no longer change."""
    locks = _read(root)
    if year in locked_budget_years(locks):
        raise DnndError(Text(f"kinh phí năm {year} đã được khóa", f"the {year} budget is already locked"))
    locks.budgets.append(BudgetLock(year=year, locked_on=today, note=note))
    _write(root, locks)
    return year


def unlock_budget(root: Path, year: int) -> int:
    locks = _read(root)
    if year not in locked_budget_years(locks):
        raise DnndError(Text(f"kinh phí năm {year} không bị khóa", f"the {year} budget is not locked"))
    _write(root, LocksFile(locks=locks.locks, budgets=[lock for lock in locks.budgets if lock.year != year]))
    return year


def unlock(root: Path, period: Period) -> tuple[Period, dict[Period, str]]:
    """Remove the period's lock; also the quarters of it that another locked period still covers."""
    locks = _read(root)
    kept = LocksFile(
        locks=[existing for existing in locks.locks if existing.period != period.name], budgets=locks.budgets
    )
    if len(kept.locks) == len(locks.locks):
        raise DnndError(Text(f"kỳ {period.name} không bị khóa", f"period {period.name} is not locked"))
    _write(root, kept)
    still = locked_quarters(kept)
    return period, {quarter: still[quarter] for quarter in period.quarters() if quarter in still}
