"""Convert a Word document to PDF with LibreOffice, in its own temporary profile and with a time limit."""

from __future__ import annotations

import tempfile
from pathlib import Path

from dnnd.documents.word import refuse_existing
from dnnd.errors import DnndError
from dnnd.files import write_atomic
from dnnd.i18n import Text
from dnnd.load.office import find_soffice, run_tool


def to_pdf(document: Path, *, force: bool = False, root: Path | None = None) -> Path:
    """Write <document>.pdf beside the document and return its path; an existing PDF (the copy the clerk
    issued) is replaced only with `force`."""
    target = document.with_suffix(".pdf")
    refuse_existing(target, force=force)
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
            str(document.resolve()),  # absolute: a name starting with '-' is never read as an option
        ]
        done = run_tool(command, "LibreOffice")
        produced = Path(out) / (document.stem + ".pdf")
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-300:]
            raise DnndError(
                Text(
                    f"LibreOffice không chuyển được sang PDF: {detail}",
                    f"LibreOffice could not convert to PDF: {detail}",
                )
            )
        return write_atomic(target, produced.read_bytes(), root=root)
