"""Locks of issued periods: parsing plan/locks.yaml, the quarters locked, and lock/unlock writing the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dnnd.errors import DataError, DnndError
from dnnd.plan.models import Lock, LocksFile
from dnnd.plan.periods import Period, parse_period
from dnnd.repository import load_repository
from dnnd.workflow.locks import (
    lock,
    lock_budget,
    locked_budget_years,
    locked_quarters,
    parse_locks,
    unlock,
    unlock_budget,
)
from tests.conftest import MakeRepo

D = dt.date
HEADER = (
    "# Các kỳ đã ban hành báo cáo (do `dnnd lock` / `dnnd unlock` ghi). Tệp báo cáo của các quý trong một kỳ\n"
    "# đã khóa không được sửa: `dnnd check-changes` từ chối pull request sửa chúng. Các năm trong budgets\n"
    "# (`dnnd lock 2021 --budget`) đã quyết toán: tệp kinh phí của năm đó không được sửa.\n"
)


def P(name: str) -> Period:
    period = parse_period(name)
    assert period is not None
    return period


def locks_of(*periods: str) -> LocksFile:
    return LocksFile(locks=[Lock(period=period, locked_on=D(2021, 1, 5)) for period in periods])


def test_parse_locks_reads_each_lock_and_no_file_means_none() -> None:
    assert parse_locks(None).locks == []
    raw = "locks:\n  - period: 2020-H2\n    locked_on: 2020-12-20\n    note: Báo cáo số 125\n".encode()
    assert parse_locks(raw).locks == [Lock(period="2020-H2", locked_on=D(2020, 12, 20), note="Báo cáo số 125")]


@pytest.mark.parametrize(
    ("raw", "where", "field"),
    [
        (b"locks:\n  - period: 2020-Q5\n    locked_on: 2020-09-20\n", (2, 13), "locks[0].period"),
        (b"locks:\n  - period: 2020-Q3\n", (2, 5), "locks[0].locked_on"),
    ],
)
def test_parse_locks_refuses_a_wrong_file_with_the_line(raw: bytes, where: tuple[int, int], field: str) -> None:
    with pytest.raises(DataError) as raised:
        parse_locks(raw, "khac/locks.yaml")
    assert [(p.path, p.line, p.column, p.field) for p in raised.value.problems] == [("khac/locks.yaml", *where, field)]


def test_locked_quarters_belong_to_the_first_lock_covering_them() -> None:
    assert locked_quarters(locks_of()) == {}
    assert locked_quarters(locks_of("2020")) == {P(f"2020-Q{number}"): "2020" for number in range(1, 5)}
    found = locked_quarters(locks_of("2020-Q3", "2020-H2"))
    assert found == {P("2020-Q3"): "2020-Q3", P("2020-Q4"): "2020-H2"}


def test_lock_writes_the_locks_file_with_its_header(make_repo: MakeRepo) -> None:
    root = make_repo()
    assert lock(root, P("2020-Q3"), D(2020, 9, 20), "Báo cáo số 12/BC-SNgV") == P("2020-Q3")
    assert lock(root, P("2020-H2"), D(2020, 12, 20)) == P("2020-H2")
    text = (root / "plan/locks.yaml").read_text(encoding="utf-8")
    assert text == HEADER + (
        "locks:\n- period: 2020-Q3\n  locked_on: 2020-09-20\n  note: Báo cáo số 12/BC-SNgV\n"
        "- period: 2020-H2\n  locked_on: 2020-12-20\n"
    )
    assert [item.period for item in load_repository(root).locks.locks] == ["2020-Q3", "2020-H2"]


def test_locking_a_locked_period_again_is_refused_and_changes_nothing(make_repo: MakeRepo) -> None:
    root = make_repo()
    lock(root, P("2020-Q4"), D(2020, 12, 20))
    before = (root / "plan/locks.yaml").read_bytes()
    with pytest.raises(DnndError) as raised:
        lock(root, P("2020-Q4"), D(2021, 1, 5), "lần hai")
    assert (raised.value.message.vi, raised.value.exit_code) == ("kỳ 2020-Q4 đã được khóa", 1)
    assert (root / "plan/locks.yaml").read_bytes() == before


def test_unlock_removes_the_lock_and_names_quarters_another_lock_still_covers(make_repo: MakeRepo) -> None:
    root = make_repo()
    for period in ("2020", "2020-Q4", "2021-Q1"):
        lock(root, P(period), D(2021, 1, 5))
    assert unlock(root, P("2020")) == (P("2020"), {P("2020-Q4"): "2020-Q4"})
    assert unlock(root, P("2021-Q1")) == (P("2021-Q1"), {})
    assert [item.period for item in parse_locks((root / "plan/locks.yaml").read_bytes()).locks] == ["2020-Q4"]


def test_unlocking_a_period_that_is_not_locked_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plan").mkdir()
    with pytest.raises(DnndError) as raised:
        unlock(tmp_path, P("2021"))
    assert raised.value.message.en == "period 2021 is not locked"
    assert not (tmp_path / "plan/locks.yaml").exists()


def test_a_budget_lock_is_written_beside_the_period_locks_and_removed_alone(make_repo: MakeRepo) -> None:
    root = make_repo()
    lock(root, P("2020-Q3"), D(2020, 9, 20))
    assert lock_budget(root, 2021, D(2022, 3, 1), "Quyết toán 2021") == 2021
    text = (root / "plan/locks.yaml").read_text(encoding="utf-8")
    assert text.endswith("budgets:\n- year: 2021\n  locked_on: 2022-03-01\n  note: Quyết toán 2021\n")
    assert locked_budget_years(load_repository(root).locks) == {2021}
    with pytest.raises(DnndError):
        lock_budget(root, 2021, D(2022, 3, 2))
    assert unlock_budget(root, 2021) == 2021
    assert locked_budget_years(load_repository(root).locks) == set()
    assert [item.period for item in load_repository(root).locks.locks] == ["2020-Q3"]
