"""Agency names as written in documents: matching them to ids, splitting lists of them, making new ids."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Old-style tone placement (hoà, thuỷ) and new-style (hòa, thủy) compare equal: move the tone mark of
# oa, oe, uy to the first vowel, in the decomposed form.
_OLD_STYLE = re.compile(f"([oOuU])([aAeEyY])([{_TONES}])")
_STARTERS = (
    "sở",
    "ban",
    "ủy ban",
    "ubnd",
    "ubmttq",
    "liên hiệp",
    "liên đoàn",
    "báo",
    "đài",
    "cổng",
    "văn phòng",
    "hội",
    "các",
    "bộ",
    "cục",
    "chi cục",
    "trung tâm",
    "công an",
    "tỉnh đoàn",
    "đoàn",
    "thanh tra",
    "kho bạc",
    "viện",
    "trường",
    "mặt trận",
    "tòa án",
    "ngân hàng",
    "hải quan",
    "thường trực",
    "thủ tướng",
    "chính phủ",
    "tổng cục",
    "cảnh sát",
    "quân",
    "bch",
    "tổ chức",
    "doanh nghiệp",
    "cơ quan",
    "phòng",
    "đơn vị",
    "địa phương",
    "hđnd",
)
_SKIPPED_WORDS = frozenset({"và", "các", "của", "tỉnh"})


def name_key(name: str) -> str:
    """A comparison key: NFC, case, spacing, trailing punctuation and tone-mark placement do not matter."""
    text = unicodedata.normalize("NFD", name.casefold())
    text = _OLD_STYLE.sub(r"\1\3\2", text)
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" .,;:")


def _begins_like_agency(fragment: str) -> bool:
    key = name_key(fragment)
    return any(key == starter or key.startswith(starter + " ") for starter in map(name_key, _STARTERS))


@dataclass
class Registry:
    """Known agencies by every name and alias they have, for matching names read from a document."""

    by_key: dict[str, str]
    names: dict[str, str]

    @classmethod
    def of(cls, agencies: Iterable[tuple[str, str, Iterable[str]]]) -> Registry:
        """From (id, name, aliases) triples."""
        by_key: dict[str, str] = {}
        names: dict[str, str] = {}
        for agency_id, name, aliases in agencies:
            names[agency_id] = name
            for each in (name, *aliases):
                by_key.setdefault(name_key(each), agency_id)
        return cls(by_key, names)

    def match(self, name: str) -> str | None:
        return self.by_key.get(name_key(name))

    def lookup(self, text: str) -> str | None:
        """The id of the agency named by `text`, or by the longest known name `text` starts with."""
        found = self.match(text)
        if found is None:
            prefix = self._longest_prefix(text)
            found = self.by_key[prefix] if prefix is not None else None
        return found

    def _longest_prefix(self, text: str) -> str | None:
        """The longest known name `text` starts with, followed by the end, ',', ';', '.' or ' và <agency>'."""
        key = name_key(text)
        best: str | None = None
        for known in self.by_key:
            if not key.startswith(known) or (best is not None and len(known) <= len(best)):
                continue
            after = key[len(known) :]
            if not after or after[0] in ",;." or (after.startswith(" và ") and _begins_like_agency(after[4:])):
                best = known
        return best

    def split(self, cell: str) -> tuple[list[str], list[str]]:
        """The agency names of a list cell, in order, and warnings about its form.

        Names are separated by ';', ',' and 'và' before another agency; known names are matched first,
        since some contain commas ("Các cơ quan, đơn vị, địa phương liên quan"); a fragment that does
        not begin like an agency name is joined to the one before it ("Sở Văn hóa, Thể thao và Du lịch"),
        and so is a generic word after a name that begins with "Các" ("Các sở, ban, ngành liên quan").
        """
        warnings = []
        text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", cell)).strip()
        if re.search(r"[,;]\s*$", text):
            warnings.append(f"danh sách cơ quan kết thúc bằng dấu phẩy hoặc chấm phẩy: '{text}'")
        names: list[str] = []
        for segment in re.split(r"\s*;\s*|\n", text):
            rest = segment.strip(" ,.;")
            while rest:
                known = self._longest_prefix(rest)
                if known is not None:
                    cut = _prefix_length(rest, known)
                    names.append(rest[:cut].strip(" ,"))
                    rest = re.sub(r"^(?:[\s,.;]+|\s*và\s+)+", "", rest[cut:])
                    continue
                fragment, _, after = rest.partition(",")
                rest = after.strip(" ,.;")
                for index, piece in enumerate(_split_on_and(fragment.strip(" ."))):
                    joins = not _begins_like_agency(piece) or _generic_continuation(names[-1] if names else "", piece)
                    if names and index == 0 and joins:
                        names[-1] = f"{names[-1]}, {piece}"
                    elif piece:
                        names.append(piece)
        cleaned = []
        for name in names:
            note = re.search(r"\s*\(([^()]*)\)$", name)
            if note and not self.match(name):
                warnings.append(f"đã bỏ ghi chú '({note[1]})' sau tên cơ quan '{name[: note.start()]}'")
                name = name[: note.start()]
            cleaned.append(name)
        return cleaned, warnings


def _split_on_and(fragment: str) -> list[str]:
    """'Sở A và Sở B' -> two names; 'Sở Văn hóa và Thể thao' stays one ('và' must precede an agency name)."""
    pieces = [""]
    for index, part in enumerate(re.split(r"\s+và\s+", fragment)):
        if index > 0 and _begins_like_agency(part):
            pieces.append(part)
        else:
            pieces[-1] = f"{pieces[-1]} và {part}" if index > 0 else part
    return pieces


_GENERIC = re.compile(r"(?:sở|ban|ngành|đơn vị|địa phương|cơ quan|đoàn thể|tổ chức|hội)(?: (?:có )?liên quan)?")


def _generic_continuation(previous: str, fragment: str) -> bool:
    """'ban', 'ngành liên quan' after 'Các sở': words of one group name that a comma separated."""
    return name_key(previous).startswith("các ") and bool(_GENERIC.fullmatch(name_key(fragment)))


def _prefix_length(text: str, key: str) -> int:
    """How many characters of `text` make up the name whose key is `key`."""
    for end in range(len(text), 0, -1):
        if name_key(text[:end]) == key:
            return end
    return len(text)


def _ascii(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def new_id(name: str, taken: set[str]) -> str:
    """Initials of the name's words in ascii (Đ → d), skipping 'và', 'các', 'của'; a digit makes it unique."""
    words = [word for word in re.findall(r"\w+", name) if word.casefold() not in _SKIPPED_WORDS]
    base = "".join(_ascii(word)[:1] for word in words).lower() or "coquan"
    if not base[0].isalpha():
        base = "cq" + base
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}{number}", number + 1
    taken.add(candidate)
    return candidate
