"""A font that has every Vietnamese letter, whatever the platform ships."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from meetingroom.ui.qt import QApplication, QFont, QFontDatabase, QWidget

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
        from meetingroom.core.pdf.fonts import noto

        font_id = QFontDatabase.addApplicationFontFromData(bytes(noto().buffer))
    except Exception:  # a missing font is a cosmetic problem, never a crash
        log.exception("could not load the bundled Noto Sans font")
        return ""
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""


# --- the delegate's text size ------------------------------------------------------------

#: A widget's size relative to the window's text (a title 1.35 times larger, say).
FONT_FACTOR = "meetingroom_font_factor"
#: The steps of "A−" / "A+": from the platform's size to more than twice it.
TEXT_SCALES = (1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.3)
SETTING = "text_scale"


def relative_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Make ``widget``'s text ``factor`` times the window's, now and after every A−/A+."""
    widget.setProperty(FONT_FACTOR, factor)
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def apply_text_scale(root: QWidget, base: QFont, scale: float) -> None:
    """Scale every text of ``root``: inherited fonts through ``root``, relative ones here."""
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * scale)
    root.setFont(font)
    for widget in root.findChildren(QWidget):
        factor = widget.property(FONT_FACTOR)
        if isinstance(factor, (int, float)) and factor > 0 and font.pointSizeF() > 0:
            own = QFont(widget.font())
            own.setPointSizeF(font.pointSizeF() * float(factor))
            widget.setFont(own)


def load_text_scale(settings: Path) -> float:
    """The scale this user chose last time (1.0 when none, or the file is unreadable)."""
    try:
        value = json.loads(settings.read_text(encoding="utf-8")).get(SETTING, 1.0)
    except (OSError, ValueError, AttributeError):
        return 1.0
    return float(value) if isinstance(value, (int, float)) and 0.5 <= value <= 3 else 1.0


def save_text_scale(settings: Path, scale: float) -> None:
    """Keep the choice in the user's own profile; other settings in the file are kept."""
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data[SETTING] = scale
    try:
        settings.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError:  # a read-only profile: the size still applies to this session
        log.warning("could not save the text size in %s", settings)


def next_scale(scale: float, step: int) -> float:
    """The next step up (``step`` 1) or down (-1) from ``scale``, staying in range."""
    nearest = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - scale))
    return TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, nearest + step))]
