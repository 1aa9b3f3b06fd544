"""The terminal dnnd writes to: output never fails on a stream's encoding, nor on a pipe closed early.

Where standard output or error cannot encode Vietnamese (a cp1252 console, PYTHONIOENCODING=ascii), letters
are written without their marks (`Đã hoàn thành` as `Da hoan thanh`) and a note says once how to get them
back. JSON and CSV are written as UTF-8 bytes whatever the terminal (`output.console.write_raw`).
"""

from __future__ import annotations

import codecs
import os
import sys
import unicodedata

from dnnd.i18n import Text

PLAIN_ERRORS = "dnnd-plain"
SAMPLE = "Đã hoàn thành đúng hạn — Nhiệm vụ"
PIPE_CLOSED_EXIT = 141  # 128 + SIGPIPE: what a shell reports for git and other programs whose reader left
NOTE = Text(
    "Chú ý: cửa sổ này không hiển thị được chữ Việt có dấu nên dấu đã được bỏ. Để xem đủ, đặt biến "
    "PYTHONIOENCODING=utf-8 (trên Windows: chạy chcp 65001 trước).",
    "Note: this terminal cannot show Vietnamese letters, so their marks were dropped. For full output, set "
    "PYTHONIOENCODING=utf-8 (on Windows: run chcp 65001 first).",
)


def plain(text: str) -> str:
    """`text` in ASCII: Vietnamese letters without their marks, anything else that is not ASCII as '?'."""
    stripped = "".join(
        char
        for char in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        if not unicodedata.combining(char)
    )
    return stripped.encode("ascii", "replace").decode("ascii")


def _plain_errors(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return plain(error.object[error.start : error.end]), error.end


codecs.register_error(PLAIN_ERRORS, _plain_errors)


def prepare_streams() -> bool:
    """Let standard output and error write what their encoding cannot hold without their marks; whether one
    of them could not hold Vietnamese."""
    limited = False
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            SAMPLE.encode(getattr(stream, "encoding", None) or "utf-8")
        except (UnicodeEncodeError, LookupError):
            limited = True
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors=PLAIN_ERRORS)
    return limited


def silence_stdout() -> None:
    """After the reader of standard output left (`| head -1`): point it at nowhere, so that flushing it at
    exit raises nothing more."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, AttributeError, ValueError):
        pass
