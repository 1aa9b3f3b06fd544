"""How many forked workers share a number of jobs, and the mark that keeps a worker from forking."""

from __future__ import annotations

import pytest

from dnnd.load import workers


@pytest.fixture(autouse=True)
def not_in_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "_in_worker", False)  # restored after each test, whatever mark_worker did


@pytest.mark.parametrize(("cpus", "expected"), [(2, 2), (6, 6), (8, 8), (32, 8)])
def test_many_jobs_use_every_core_up_to_eight(monkeypatch: pytest.MonkeyPatch, cpus: int, expected: int) -> None:
    monkeypatch.setattr(workers.os, "cpu_count", lambda: cpus)
    assert workers.workers_for(1000) == expected


def test_fewer_jobs_than_the_minimum_run_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 4)
    assert workers.workers_for(1) == 1
    assert workers.workers_for(2) == 4
    assert (workers.workers_for(399, minimum=400), workers.workers_for(400, minimum=400)) == (1, 4)


@pytest.mark.parametrize("cpus", [1, None])
def test_one_core_or_an_unknown_count_means_no_fork(monkeypatch: pytest.MonkeyPatch, cpus: int | None) -> None:
    monkeypatch.setattr(workers.os, "cpu_count", lambda: cpus)
    assert workers.workers_for(1000) == 1


def test_without_fork_there_is_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    monkeypatch.setattr(workers.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert workers.workers_for(1000) == 1


def test_a_marked_worker_forks_no_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 4)
    assert workers.workers_for(1000) == 4
    workers.mark_worker()
    assert workers.workers_for(1000) == 1
