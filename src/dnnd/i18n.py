"""Bilingual text: Vietnamese is the default language, English on request."""

from __future__ import annotations

import os
from dataclasses import dataclass

LANGUAGES = ("vi", "en")


@dataclass(frozen=True, order=True)
class Text:
    """A message in both languages; the CLI picks one when it prints."""

    vi: str
    en: str

    def in_(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


def default_language() -> str:
    """The language from DNND_LANG, Vietnamese when unset or unknown."""
    value = os.environ.get("DNND_LANG", "vi").strip().lower()
    return value if value in LANGUAGES else "vi"
