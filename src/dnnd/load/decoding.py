"""Bytes of a file as NFC text: a refused encoding, byte order mark or forbidden character is a problem at its
line and column; the text is what `yamlio` and the fast path parse."""

from __future__ import annotations

import codecs
import re
import unicodedata

from dnnd import files
from dnnd.errors import DataError, Problem, whole_file
from dnnd.i18n import Text

MAX_FILE_BYTES = 1_000_000
MAX_PROBLEMS_PER_FILE = 20
# C0/C1 controls other than tab, LF, CR; the line and paragraph separators, which YAML counts as line
# breaks though editors do not (so every later line number would be wrong); bidi overrides and isolates,
# which hide or reorder text; invisible characters (soft hyphen, zero-width space, direction marks, word
# joiners) that make two different names look the same; a BOM, a non-character or a private-use character
# (no meaning outside one font) inside the text. The zero-width joiner of emoji sequences stays allowed.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ufffe\uffff\ue000-\uf8ff]"
)


def problem_at(rel: str, line: int | None, column: int | None, vi: str, en: str) -> Problem:
    return Problem(rel, line, column, "", Text(vi, en))


def too_large(size: int) -> Text:
    return files.too_large(size, MAX_FILE_BYTES)


_NOT_CONTROLS = b"\t\n\r" + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))


def _may_hold_forbidden(utf8: bytes) -> bool:
    """Whether valid UTF-8 may hold a FORBIDDEN character: an ASCII control, or a character whose bytes start
    with C2 (U+0080-U+00BF), E2 (U+2000-U+2FFF), EE or EF (U+E000-U+FFFF). Vietnamese letters start with C3-C6
    or E1: a text of them is cleared at the speed of its bytes, without the regular expression's search."""
    leads = b"\xc2" in utf8 or b"\xe2" in utf8 or b"\xee" in utf8 or b"\xef" in utf8
    return leads or bool(utf8.translate(None, _NOT_CONTROLS))


_WIDE_BOMS = (  # each starts with FF, FE or 00; UTF-32's before UTF-16's, which begin them
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode_text(raw: bytes, rel: str) -> str:
    """Bytes of a file as NFC text; raises DataError for a wrong encoding or forbidden characters."""
    if len(raw) > MAX_FILE_BYTES:
        raise DataError([whole_file(rel, too_large(len(raw)))])
    for bom, name in _WIDE_BOMS if raw[:1] in b"\xff\xfe\x00" else ():
        if raw.startswith(bom):
            vi = f"tệp được lưu theo mã {name}; hãy lưu lại theo mã UTF-8 (trong Notepad: Lưu thành… › Mã hóa: UTF-8)"
            en = f"the file is saved as {name}; save it again as UTF-8 (in Notepad: Save as… › Encoding: UTF-8)"
            raise DataError([whole_file(rel, Text(vi, en))])
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    head = min(len(raw), 4096)
    if raw.count(b"\x00", 0, head) > head // 8:  # UTF-16: a zero byte beside most letters (a stray one: below)
        vi = "tệp chứa byte 0: có lẽ được lưu theo mã UTF-16; hãy lưu lại theo mã UTF-8"
        en = "the file contains zero bytes: it is probably UTF-16; save it again as UTF-8"
        raise DataError([whole_file(rel, Text(vi, en))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        # characters, not bytes, as an editor counts them; the bytes before exc.start are valid UTF-8
        column = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8")) + 1
        byte = raw[exc.start]
        raise DataError(
            [
                problem_at(
                    rel,
                    line,
                    column,
                    f"tệp không phải UTF-8 (byte 0x{byte:02X}); có lẽ tệp dùng bảng mã cũ (TCVN3, VNI, Windows-1258): "
                    "hãy mở và lưu lại theo mã UTF-8 (Unicode)",
                    f"the file is not UTF-8 (byte 0x{byte:02X}); it is probably in a legacy Vietnamese encoding "
                    "(TCVN3, VNI, Windows-1258): open it and save it again as UTF-8 (Unicode)",
                )
            ]
        ) from None
    if unicodedata.is_normalized("NFC", text):
        if not _may_hold_forbidden(raw):
            return text
    else:
        text = unicodedata.normalize("NFC", text)
    if FORBIDDEN.search(text) is None:
        return text
    problems: list[Problem] = []
    for match in FORBIDDEN.finditer(text):
        if len(problems) >= MAX_PROBLEMS_PER_FILE:
            break
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        code = f"U+{ord(match.group()):04X}"
        problems.append(
            problem_at(
                rel,
                line,
                column,
                f"ký tự điều khiển {code} không được phép (nó làm hỏng văn bản Word hoặc che giấu chữ): hãy xóa nó",
                f"control character {code} is not allowed (it corrupts Word output or hides text): delete it",
            )
        )
    if problems:
        raise DataError(problems)
    return text
