"""LibreOffice, which dnnd converts documents with: Word's .doc to .docx when importing, .docx to PDF."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def find_soffice() -> str | None:
    """LibreOffice's `soffice` from DNND_SOFFICE, else from PATH."""
    configured = os.environ.get("DNND_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() or shutil.which(configured) else None
    return shutil.which("soffice") or shutil.which("libreoffice")
