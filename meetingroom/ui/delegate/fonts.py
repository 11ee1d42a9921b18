"""A font that has every Vietnamese letter, whatever the platform ships."""

from __future__ import annotations

import logging

from meetingroom.ui.qt import QApplication, QFont, QFontDatabase

log = logging.getLogger("meetingroom.ui.fonts")

#: Families known to cover Vietnamese well, best first.
PREFERRED = ("Segoe UI", "Noto Sans", "Roboto", "DejaVu Sans", "Arial", "Helvetica Neue")


def ensure_vietnamese_font(app: QApplication | None = None) -> str:
    """Make the application font one that renders Vietnamese; return its family.

    Keeps the platform's font when it covers Vietnamese; otherwise picks a
    known family, or loads Noto Sans from the ``pymupdf-fonts`` wheel the PDF
    code already ships.
    """
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        return ""
    current = QApplication.font()
    vietnamese = set(QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese))
    if current.family() in vietnamese:
        return current.family()
    family = next((f for f in PREFERRED if f in vietnamese), "")
    if not family:
        family = _load_noto()
    if family:
        font = QFont(current)
        font.setFamily(family)
        QApplication.setFont(font)
    return family


def _load_noto() -> str:
    try:
        from meetingroom.pdf.fonts import noto

        font_id = QFontDatabase.addApplicationFontFromData(bytes(noto().buffer))
    except Exception:  # a missing font is a cosmetic problem, never a crash
        log.exception("could not load the bundled Noto Sans font")
        return ""
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""
