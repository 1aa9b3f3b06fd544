"""Consoles for people, raw UTF-8 output for other tools, and shortened titles."""

from __future__ import annotations

import io
import sys

import pytest

from dnnd.output.console import err, out, shorten, write_raw


def test_shorten_keeps_what_fits_and_cuts_the_rest_with_an_ellipsis() -> None:
    assert shorten("Sở Ngoại vụ", 11) == "Sở Ngoại vụ"
    assert shorten("Sở Ngoại vụ", 10) == "Sở Ngoại…"  # the space before the cut is dropped
    assert shorten("x" * 70) == "x" * 70
    assert shorten("x" * 71) == "x" * 69 + "…"


def test_write_raw_writes_utf8_bytes_after_what_was_printed_before(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    print("trước", end="|")
    write_raw("Sở Ngoại vụ\r\n")
    assert capsysbinary.readouterr().out == "trước|Sở Ngoại vụ\r\n".encode()


def test_write_raw_on_a_stream_without_bytes_writes_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    write_raw("Khánh Hòa")
    assert stream.getvalue() == "Khánh Hòa"


def test_consoles_print_text_as_is_without_markup_emoji_or_highlighting(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    out().print("[bold]Quý IV[/bold] 2020 :smile: ngày 16/12/2020")
    err().print("[red]Lỗi[/red] :x:")
    captured = capsys.readouterr()
    assert captured.out == "[bold]Quý IV[/bold] 2020 :smile: ngày 16/12/2020\n"
    assert captured.err == "[red]Lỗi[/red] :x:\n"
