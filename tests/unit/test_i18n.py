"""Bilingual text: picking a language, and the default language from DNND_LANG."""

from __future__ import annotations

import pytest

from dnnd.i18n import Text, default_language

GREETING = Text("Xin chào", "Hello")


def test_in_gives_english_only_for_en_and_vietnamese_otherwise() -> None:
    assert [GREETING.in_(lang) for lang in ("en", "vi", "fr", "", "EN")] == [
        "Hello",
        "Xin chào",
        "Xin chào",
        "Xin chào",
        "Xin chào",
    ]


def test_default_language_is_vietnamese_when_dnnd_lang_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DNND_LANG", raising=False)
    assert default_language() == "vi"


@pytest.mark.parametrize(("value", "expected"), [("en", "en"), (" EN ", "en"), ("vi", "vi"), ("fr", "vi"), ("", "vi")])
def test_default_language_reads_dnnd_lang_trimmed_and_case_blind(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: str
) -> None:
    monkeypatch.setenv("DNND_LANG", value)
    assert default_language() == expected


def test_texts_compare_by_value_and_sort_by_vietnamese_first() -> None:
    assert Text("a", "b") == Text("a", "b")
    assert sorted([Text("b", "a"), Text("a", "z"), Text("a", "c")]) == [Text("a", "c"), Text("a", "z"), Text("b", "a")]
