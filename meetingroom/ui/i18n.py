"""Languages and fonts: the windows' translations and a font with every Vietnamese letter.

The source strings of the program are Vietnamese (the default language); English
comes from ``resources/translations/meetingroom_en.qm``, built from the ``.ts``
sources by ``scripts/translations``. The ``.qm`` files are found next to the
package in a source checkout and inside a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from meetingroom.ui.qt import (
    QCoreApplication,
    QDate,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

log = logging.getLogger("meetingroom.ui.i18n")

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
CATALOGUE = "meetingroom"

#: Letters a font must draw for Vietnamese text (every tone mark on every vowel shape).
VIETNAMESE_SAMPLE = "ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"

#: Noto Sans from the ``pymupdf-fonts`` wheel (SIL OFL 1.1): module name per style.
_NOTO_MODULES = ("NotoSans_Regular", "NotoSans_Bold", "NotoSans_Italic", "NotoSans_BoldItalic")
#: System families known to cover Vietnamese, in order of preference.
FALLBACK_FAMILIES = ("Noto Sans", "DejaVu Sans", "Segoe UI", "Arial", "Liberation Sans",
                     "Helvetica Neue")


def resource_roots() -> list[Path]:
    """Where ``resources/`` may be: beside the package (source checkout), then a bundle."""
    roots = [Path(__file__).resolve().parents[1] / "resources",
             Path(__file__).resolve().parents[2] / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots += [Path(bundle) / "resources", Path(bundle) / "meetingroom" / "resources"]
    return roots


def translations_dir() -> Path | None:
    for root in resource_roots():
        folder = root / "translations"
        if folder.is_dir():
            return folder
    return None


def qm_file(language: str) -> Path | None:
    folder = translations_dir()
    if folder is None:
        return None
    path = folder / f"{CATALOGUE}_{language}.qm"
    return path if path.is_file() else None


def normalise_language(language: str | None) -> str:
    lang = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


class Catalogue(QTranslator):
    """Our translations, with a fallback to the empty context.

    ``lupdate`` files strings of a module-level helper such as
    ``def tr(text): return QCoreApplication.translate("chair", text)`` under the
    empty context; this finds them whatever context the helper asks with.
    """

    def translate(self, context: str, source_text: str,
                  disambiguation: str | None = None, n: int = -1) -> str | None:
        found = super().translate(context, source_text, disambiguation, n)
        if not found and context:
            found = super().translate("", source_text, disambiguation, n)
        return found or None  # None, not "": Qt then shows the (Vietnamese) source text


class Translations:
    """The translators installed in the application; switch language with ``install``."""

    def __init__(self) -> None:
        self.language = DEFAULT_LANGUAGE
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> bool:
        """Use ``language`` from now on; True when the program's own catalogue was loaded.

        Qt sends every widget a LanguageChange event; windows that handle it
        re-read their strings, the others use the new language when next opened.
        """
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication first")
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        self.language = normalise_language(language)
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if self.language == "vi"
                                   else QLocale.Language.English))
        # Qt's own strings (standard buttons, context menus), when Qt ships them.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_base = QTranslator(app)
        if qt_base.load(f"qtbase_{self.language}", qt_dir):
            self._add(qt_base)
        ours = Catalogue(app)
        path = qm_file(self.language)
        loaded = path is not None and ours.load(str(path))
        if loaded:
            self._add(ours)
        elif self.language != DEFAULT_LANGUAGE:
            log.warning("no translation file for %r in %s", self.language, translations_dir())
        if isinstance(app, QGuiApplication):
            # The platform adds this to every window title that does not end with it: in
            # the old language it stood after the new one's ("… — Paperless meeting room —
            # Phòng họp không giấy", found walking the app).
            app.setApplicationDisplayName(QCoreApplication.translate(
                "ClientApp", "Phòng họp không giấy"))
        return loaded

    def _add(self, translator: QTranslator) -> None:
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)


# --- fonts ---------------------------------------------------------------------------

def covers(family: str, text: str = VIETNAMESE_SAMPLE) -> bool:
    """True when ``family`` itself (not a fallback) has a glyph for every letter of ``text``."""
    if family not in QFontDatabase.families():
        return False
    metrics = QFontMetrics(QFont(family))
    return all(metrics.inFontUcs4(ord(ch)) for ch in text)


def load_bundled_noto() -> str | None:
    """Register Noto Sans from ``pymupdf-fonts`` with Qt; returns its family name."""
    family: str | None = None
    for name in _NOTO_MODULES:
        try:
            module = __import__(f"pymupdf_fonts.{name}", fromlist=["fontbuffer"])
        except ImportError:
            continue
        font_id = QFontDatabase.addApplicationFontFromData(bytes(module.fontbuffer))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and family is None:
            family = families[0]
    return family


def choose_vietnamese_font(preferred: Iterable[str] = ()) -> str | None:
    """Pick (and register if need be) a family that draws Vietnamese; None if none does."""
    for family in preferred:
        if covers(family):
            return family
    bundled = load_bundled_noto()
    if bundled and covers(bundled):
        return bundled
    for family in FALLBACK_FAMILIES:
        if covers(family):
            return family
    log.warning("no installed font has every Vietnamese letter; text may show boxes")
    return None


def _english() -> bool:
    return QLocale().language() == QLocale.Language.English


def date_text(day: date) -> str:
    """A date as the window's language writes it: "05/12/2026" in Vietnamese, "5 Dec 2026"
    in English (day and month never swapped, whatever the reader's habit)."""
    qdate = QDate(day.year, day.month, day.day)
    return QLocale().toString(qdate, "d MMM yyyy" if _english() else "dd/MM/yyyy")


def datetime_text(moment: datetime) -> str:
    """A date and a 24-hour time: "05/12/2026 08:00", "5 Dec 2026 08:00"."""
    return f"{date_text(moment.date())} {moment:%H:%M}"


def percent_text(value: float) -> str:
    """A share with two decimals, in the language's own decimal mark ("56,86%", "56.86%").

    Vietnamese unless the window speaks English: the program's default language holds
    even before ``Translations.install`` has set the locale (a widget used on its own),
    rather than the machine's locale.
    """
    language = QLocale.Language.English if _english() else QLocale.Language.Vietnamese
    return QLocale(language).toString(value, "f", 2) + "%"
