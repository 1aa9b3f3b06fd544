"""Convert a Word document to PDF with LibreOffice, in its own temporary profile and with a timeout."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from dnnd.errors import DnndError
from dnnd.i18n import Text
from dnnd.load.office import find_soffice

TIMEOUT_SECONDS = 180


def to_pdf(document: Path) -> Path:
    """Write <document>.pdf beside the document and return its path."""
    soffice = find_soffice()
    if soffice is None:
        raise DnndError(
            Text(
                "không tìm thấy LibreOffice để chuyển sang PDF (tệp Word vẫn đã được tạo). Cài LibreOffice Writer "
                "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui) hoặc đặt biến DNND_SOFFICE là đường dẫn soffice",
                "LibreOffice was not found, so no PDF was made (the Word file was written). Install LibreOffice Writer "
                "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui) or set DNND_SOFFICE to the soffice program",
            )
        )
    with (
        tempfile.TemporaryDirectory(prefix="dnnd-soffice-") as profile,
        tempfile.TemporaryDirectory(prefix="dnnd-pdf-") as out,
    ):
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            out,
            str(document),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise DnndError(
                Text(
                    f"LibreOffice không chuyển xong sau {TIMEOUT_SECONDS} giây",
                    f"LibreOffice did not finish within {TIMEOUT_SECONDS} seconds",
                )
            ) from None
        produced = Path(out) / (document.stem + ".pdf")
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout).strip()[-300:]
            raise DnndError(
                Text(
                    f"LibreOffice không chuyển được sang PDF: {detail}",
                    f"LibreOffice could not convert to PDF: {detail}",
                )
            )
        target = document.with_suffix(".pdf")
        shutil.move(str(produced), target)
        return target
