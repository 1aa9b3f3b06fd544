"""A progress bar on standard error for work over many items, shown only when it takes more than a moment."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

DELAY_SECONDS = 0.5


@contextmanager
def progress_bar(label: str, total: int) -> Iterator[Callable[[object], None]]:
    """A callback to call after each item; the bar appears after DELAY_SECONDS, on a terminal, for more than one
    item, and is gone when the work ends."""
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    bar = progress.add_task(label, total=total)
    timer = threading.Timer(DELAY_SECONDS, progress.start)
    timer.daemon = True
    if total > 1 and sys.stderr.isatty():
        timer.start()
    try:
        yield lambda _: progress.advance(bar)
    finally:
        timer.cancel()
        if timer.is_alive():
            timer.join()
        if progress.live.is_started:  # stopping a bar never shown would print an empty line
            progress.stop()
