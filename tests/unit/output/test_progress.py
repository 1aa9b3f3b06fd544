"""The progress bar: scheduled only on a terminal for more than one item, advanced per item, always stopped."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from dnnd.output import progress


class FakeTimer:
    """Stands in for threading.Timer: records what it was asked, never runs anything."""

    def __init__(self, interval: float, function: Callable[[], None]) -> None:
        self.interval, self.function = interval, function
        self.started = self.cancelled = False

    def start(self) -> None:
        self.started = True

    def cancel(self) -> None:
        self.cancelled = True

    def is_alive(self) -> bool:
        return False


@pytest.fixture
def timers(monkeypatch: pytest.MonkeyPatch) -> list[FakeTimer]:
    made: list[FakeTimer] = []

    def make(interval: float, function: Callable[[], None]) -> FakeTimer:
        made.append(FakeTimer(interval, function))
        return made[-1]

    monkeypatch.setattr(progress.threading, "Timer", make)
    return made


def test_no_bar_is_scheduled_when_standard_error_is_not_a_terminal(timers: list[FakeTimer]) -> None:
    with progress.progress_bar("Đang đọc các kho", 3) as done:
        for item in range(3):
            done(item)
    assert [(timer.started, timer.cancelled) for timer in timers] == [(False, True)]


def test_a_bar_never_shown_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    with progress.progress_bar("Đang đọc các kho", 3) as done:
        done("kho-a")
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(("total", "shown"), [(2, True), (1, False)])
def test_on_a_terminal_the_bar_waits_the_delay_and_only_for_many_items(
    timers: list[FakeTimer], monkeypatch: pytest.MonkeyPatch, total: int, shown: bool
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with progress.progress_bar("Reading repositories", total):
        assert timers[0].started is shown
    assert (timers[0].interval, timers[0].function.__name__, timers[0].cancelled) == (0.5, "start", True)


def test_each_call_advances_the_bar_by_one(timers: list[FakeTimer]) -> None:
    with progress.progress_bar("Reading repositories", 5) as done:
        done("kho-a")
        done("kho-b")
        bar = timers[0].function.__self__.tasks[0]  # type: ignore[attr-defined]
        assert (bar.description, bar.completed, bar.total) == ("Reading repositories", 2, 5)


def test_the_timer_is_cancelled_when_the_work_fails(timers: list[FakeTimer]) -> None:
    with pytest.raises(RuntimeError), progress.progress_bar("x", 4):
        raise RuntimeError("boom")
    assert timers[0].cancelled
