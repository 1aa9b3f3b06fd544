"""The terminal: Vietnamese without marks where the stream cannot encode it, and a stdout silenced after its
reader left."""

from __future__ import annotations

import io
import sys

import pytest

from dnnd.cli import terminal


def test_plain_drops_the_marks_of_vietnamese_letters() -> None:
    assert terminal.plain("Đã hoàn thành đúng hạn — Sở Ngoại vụ") == "Da hoan thanh dung han ? So Ngoai vu"


def test_a_stream_that_cannot_hold_vietnamese_writes_it_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(io.BytesIO(), encoding="utf-8"))
    assert terminal.prepare_streams() is True
    print("Hợp lệ: 15 nhiệm vụ", file=stream)
    stream.flush()
    assert buffer.getvalue() == b"Hop le: 15 nhiem vu\n"


def test_streams_that_hold_vietnamese_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "stderr", stream)
    assert terminal.prepare_streams() is False and stream.errors == "strict"
