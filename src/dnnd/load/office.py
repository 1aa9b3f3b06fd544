"""The programs dnnd converts documents with (LibreOffice: .doc to .docx, .docx to PDF; pdftotext: a PDF's
text): finding them, and running them with a time limit after which the whole process group is killed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

from dnnd.errors import DnndError
from dnnd.i18n import Text

DEFAULT_TIMEOUT_SECONDS = 180


def find_soffice() -> str | None:
    """LibreOffice's `soffice` from DNND_SOFFICE, else from PATH."""
    configured = os.environ.get("DNND_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() or shutil.which(configured) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def timeout_seconds() -> int:
    """DNND_TOOL_TIMEOUT if it is a positive whole number of seconds, else DEFAULT_TIMEOUT_SECONDS."""
    value = os.environ.get("DNND_TOOL_TIMEOUT", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_TIMEOUT_SECONDS


def run_tool(command: list[str], name: str) -> subprocess.CompletedProcess[bytes]:
    """Run an external program in a process group of its own; past the time limit the group is killed and a
    DnndError says so. A program that cannot be started is a DnndError too."""
    seconds = timeout_seconds()
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True
        )
    except OSError as error:
        raise DnndError(
            Text(f"không chạy được {name}: {error.strerror}", f"cannot run {name}: {error.strerror}")
        ) from None
    try:
        out, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise DnndError(
            Text(
                f"{name} chạy quá {seconds} giây nên đã bị dừng (đặt DNND_TOOL_TIMEOUT=số_giây để chờ lâu hơn)",
                f"{name} ran over {seconds} seconds and was stopped (set DNND_TOOL_TIMEOUT=seconds to wait longer)",
            )
        ) from None
    except BaseException:
        _kill_group(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        process.kill()
    process.communicate()
