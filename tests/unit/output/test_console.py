"""Consoles for people, raw UTF-8 output for other tools, and shortened titles."""

from __future__ import annotations

import io
import sys

import pytest

from dnnd.i18n import Text
from dnnd.output import console
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


def test_a_cell_names_ten_agencies_and_counts_the_rest() -> None:
    names = [f"CQ{number}" for number in range(1, 13)]
    assert console.named_in_a_cell(names[:10], "vi") == ", ".join(names[:10])
    assert console.named_in_a_cell(names, "vi") == ", ".join(names[:10]) + " và 2 cơ quan khác"
    assert console.named_in_a_cell(names, "en").endswith("CQ10 and 2 more")
    where = Text("dnnd missing", "dnnd missing")
    assert console.named_in_a_cell_note(where, "vi") == "(Mỗi ô ghi tối đa 10 cơ quan; danh sách đủ: dnnd missing.)"
