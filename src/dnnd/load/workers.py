"""Forked worker processes: how many to use, and the mark that stops a worker from forking its own."""

from __future__ import annotations

import os

_in_worker = False


def workers_for(count: int, minimum: int = 2) -> int:
    """How many forked processes to share `count` jobs among: one (no fork) below `minimum` jobs, on one
    core, where fork is not available, or inside a worker already (workers do not fork workers)."""
    cpus = os.cpu_count() or 1
    if count < minimum or cpus < 2 or _in_worker:
        return 1
    import multiprocessing

    return min(cpus, 8) if "fork" in multiprocessing.get_all_start_methods() else 1


def mark_worker() -> None:
    """Run in each forked worker: what it does, it does in its own process."""
    global _in_worker
    _in_worker = True
