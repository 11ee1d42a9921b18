"""Translations and fonts: every string has English, the catalogues are current, letters render."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from meetingroom.ui import i18n
from meetingroom.ui.qt import QApplication, QCoreApplication

REPO = Path(__file__).resolve().parents[1]
TRANSLATIONS = REPO / "meetingroom" / "resources" / "translations"
BIN = Path(sys.executable).parent
UI_SOURCES = sorted(p for p in (REPO / "meetingroom" / "ui").rglob("*.py")
                    if not p.name.startswith("_planted_"))


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every live message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            found.append((name, message.findtext("source") or "", translation))
    return found


def _untranslated(ts: Path) -> list[str]:
    missing = []
    for context, source, translation in _messages(ts):
        forms = [f.text or "" for f in translation.findall("numerusform")] or \
            [translation.text or ""]
        if translation.get("type") == "unfinished" or not all(f.strip() for f in forms):
            missing.append(f"{context}: {source}")
    return missing


def test_every_message_has_an_english_translation() -> None:
    messages = _messages(TRANSLATIONS / "meetingroom_en.ts")
    assert len(messages) > 50
    missing = _untranslated(TRANSLATIONS / "meetingroom_en.ts")
    assert not missing, ("untranslated strings; fill them in meetingroom/resources/translations/"
                         "meetingroom_en.ts and run scripts/translations:\n" + "\n".join(missing))


def test_both_catalogues_hold_the_same_messages() -> None:
    english = {(c, s) for c, s, _ in _messages(TRANSLATIONS / "meetingroom_en.ts")}
    vietnamese = {(c, s) for c, s, _ in _messages(TRANSLATIONS / "meetingroom_vi.ts")}
    assert english == vietnamese


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="pyside6-lupdate missing")
def test_the_catalogue_has_every_string_of_the_sources(tmp_path: Path) -> None:
    """A new self.tr("…") without its English translation fails here, not in front of users."""
    ts = tmp_path / "meetingroom_en.ts"
    shutil.copy(TRANSLATIONS / "meetingroom_en.ts", ts)
    subprocess.run([str(BIN / "pyside6-lupdate"), "-silent", "-no-obsolete",
                    "-locations", "none", "-source-language", "vi", "-target-language", "en",
                    *map(str, UI_SOURCES), "-ts", str(ts)], check=True, timeout=120)
    missing = _untranslated(ts)
    assert not missing, ("strings not yet in meetingroom/resources/translations/"
                         "meetingroom_en.ts; run scripts/translations and translate them:\n"
                         + "\n".join(missing))


@pytest.mark.skipif(not (BIN / "pyside6-lrelease").exists(), reason="pyside6-lrelease missing")
@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_committed_qm_files_are_built_from_the_ts_files(tmp_path: Path,
                                                            language: str) -> None:
    built = tmp_path / f"meetingroom_{language}.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent",
                    str(TRANSLATIONS / f"meetingroom_{language}.ts"), "-qm", str(built)],
                   check=True, timeout=120)
    committed = TRANSLATIONS / f"meetingroom_{language}.qm"
    assert committed.read_bytes() == built.read_bytes(), "run scripts/translations"


def test_the_translations_are_found_in_a_checkout_and_in_a_bundle(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert i18n.translations_dir() == TRANSLATIONS
    assert i18n.qm_file("en") == TRANSLATIONS / "meetingroom_en.qm"
    assert i18n.qm_file("fr") is None
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert tmp_path / "resources" in i18n.resource_roots()
    assert i18n.normalise_language("en_GB") == "en"
    assert i18n.normalise_language("fr") == "vi"
    assert i18n.normalise_language(None) == "vi"


def test_english_is_loaded_and_vietnamese_is_the_default(qapp: QApplication) -> None:
    translations = i18n.Translations()
    try:
        assert translations.install("en")
        assert QCoreApplication.translate("LoginDialog", "Ghi nhớ đăng nhập") == "Remember me"
        assert QCoreApplication.translate("MeetingListPage", "%n cuộc họp", "", 3) == \
            "3 meetings"
        # A helper like ``tr = lambda t: translate("chair", t)`` lands in lupdate's empty
        # context; the catalogue finds it there too.
        assert QCoreApplication.translate("chair", "Khai mạc") == "Open the session"
        assert QCoreApplication.translate("chair", "không có trong danh mục") == \
            "không có trong danh mục"
        translations.install("vi")
        assert QCoreApplication.translate("LoginDialog", "Ghi nhớ đăng nhập") == \
            "Ghi nhớ đăng nhập"
        assert QCoreApplication.translate("MeetingListPage", "%n cuộc họp", "", 3) == \
            "3 cuộc họp"
    finally:
        translations.install("vi")


def test_the_application_font_draws_vietnamese(qapp: QApplication) -> None:
    family = i18n.choose_vietnamese_font()
    assert family is not None
    assert i18n.covers(family)
    assert i18n.covers(family, "Nghị quyết về dự toán ngân sách; Đại biểu Hội đồng nhân dân")
    bundled = i18n.load_bundled_noto()
    assert bundled == "Noto Sans"
    assert i18n.covers(bundled)
