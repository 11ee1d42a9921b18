"""Word, ODT and Excel files to PDF with LibreOffice running headless on the server.

Secretaries receive drafts as office files; delegates read PDFs. Conversion is
optional: without LibreOffice the server says so plainly and asks for a PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

OFFICE_SUFFIXES = frozenset({".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods",
                             ".ppt", ".pptx", ".odp"})

NOT_INSTALLED = ("LibreOffice is not installed on the server, so office files cannot be "
                 "converted; upload a PDF instead")


class ConversionError(Exception):
    """Conversion is impossible or failed: ``problem`` (``not_installed``, ``unsupported``,
    ``timeout``, ``failed``) for the client to word; ``str(exc)`` is English, for logs."""

    def __init__(self, problem: str, message: str) -> None:
        super().__init__(message)
        self.problem = problem


def is_office_file(filename: str) -> bool:
    return Path(filename).suffix.lower() in OFFICE_SUFFIXES


def find_office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(data: bytes, filename: str, *, timeout: float = 180,
                   office: str | None = None) -> bytes:
    """The PDF LibreOffice makes of ``data``; a throw-away profile keeps runs independent."""
    program = office or find_office()
    if program is None:
        raise ConversionError("not_installed", NOT_INSTALLED)
    suffix = Path(filename).suffix.lower()
    if suffix not in OFFICE_SUFFIXES:
        raise ConversionError("unsupported", f"cannot convert {suffix or 'this file'} to PDF")
    with tempfile.TemporaryDirectory(prefix="meetingroom-convert-") as folder:
        source = Path(folder) / f"document{suffix}"
        source.write_bytes(data)
        profile = Path(folder) / "profile"
        try:
            done = subprocess.run(
                [program, "--headless", "--norestore", "--nolockcheck",
                 f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                 "--outdir", folder, str(source)],
                capture_output=True, timeout=timeout, check=False,
                env={**os.environ, "HOME": folder})
        except subprocess.TimeoutExpired:
            raise ConversionError("timeout", "conversion timed out") from None
        result = Path(folder) / "document.pdf"
        if done.returncode != 0 or not result.is_file():
            raise ConversionError("failed", "LibreOffice could not convert this file")
        return result.read_bytes()
