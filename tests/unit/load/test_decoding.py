"""Bytes of a file as NFC text: the byte order mark dropped, NFD composed, forbidden characters found."""

from __future__ import annotations

import codecs
import sys
import unicodedata

import pytest

from dnnd.errors import DataError
from dnnd.load import decoding
from dnnd.load.decoding import FORBIDDEN, decode_text

REL = "plan/updates/lhhn/2020-Q3.yaml"


def test_nfd_text_is_composed_and_the_utf8_bom_dropped() -> None:
    nfd = unicodedata.normalize("NFD", "name: Ủy ban nhân dân tỉnh Khánh Hòa\n")
    assert decode_text(nfd.encode(), REL) == unicodedata.normalize("NFC", nfd)
    assert decode_text(codecs.BOM_UTF8 + b"a: 1\n", REL) == "a: 1\n"


def test_every_forbidden_character_is_caught_by_the_byte_screen_before_the_search() -> None:
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    forbidden = FORBIDDEN.findall(every)
    assert len(forbidden) > 6000  # the private use area alone has 6,400
    assert all(decoding._may_hold_forbidden(character.encode()) for character in forbidden)
    assert not decoding._may_hold_forbidden("Khánh Hòa: tổ chức hội nghị, 1.500.000 đồng\t\r\n".encode())


@pytest.mark.parametrize("character", ["\u00ad", "\u200b", "\u202e", "\ufeff", "\ue000", "\x7f"])
def test_a_forbidden_character_in_vietnamese_text_is_told_at_its_line_and_column(character: str) -> None:
    with pytest.raises(DataError) as raised:
        decode_text(f"a: Đã xong\nb: Hội{character}nghị\n".encode(), REL)
    assert [(problem.line, problem.column) for problem in raised.value.problems] == [(2, 7)]
