"""Journey: the language is switched while meeting windows are open; every window follows.

"One language at a time": after Ngôn ngữ → English, no open window may keep a word of
the program's own Vietnamese (a menu, a tab, a button, a tool tip, a title), and back
in Vietnamese no English may stay. Walking the app found the meeting window half in
each language until the server next sent something, and the application's name in
the old language after every window title.

The check is generic: every text a person can see (labels, buttons, tabs, menus and
their actions, tool tips, placeholders, dock and window titles, column headers) is
compared with the catalogue's own strings, the literal parts of each source string
(``meetingroom_en.ts``) that its translation changes. Data (meeting titles, names) is
not in the catalogue and so never counts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.ui.app import SignedInUser
from meetingroom.ui.delegate.meeting_window import MeetingWindow
from meetingroom.ui.qt import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QModelIndex,
    Qt,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from tests.e2e.steps import WAIT, start_and_log_in
from tests.helpers.processes import ServerProcess

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|propagateSizeHints)")

CATALOGUE = Path(__file__).parents[2] / "meetingroom/resources/translations/meetingroom_en.ts"
_PLACEHOLDER = re.compile(r"\{[^}]*\}|%n|%\d|<[^>]+>|&(?=\w)|&amp;")


def _fragments() -> tuple[set[str], set[str]]:
    """(Vietnamese, English) parts of the strings whose translation differs: the literal
    runs of three words or more, and whole short strings (a menu's "Xem", a tab's "Phát
    biểu"), which count only as a widget's whole text (a title or name may hold them)."""
    vietnamese: set[str] = set()
    english: set[str] = set()
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        texts = [source] if translation is None else [source, "".join(translation.itertext())]
        if len(texts) < 2 or texts[0] == texts[1]:
            continue
        for text, found in zip(texts, (vietnamese, english), strict=True):
            if not _PLACEHOLDER.search(text.replace("&amp;", "")) and len(text) >= 3:
                found.add("=" + text.replace("&amp;", "&").replace("&", "").strip())
            for part in _PLACEHOLDER.split(text):
                part = part.strip(" .,:;—–-()·…")
                if len(part) >= 10 and part.count(" ") >= 2:
                    found.add(part)
    return vietnamese - english, english - vietnamese


def _texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of ``window`` a person can see or hover."""
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if widget is not window and not widget.isVisibleTo(window) \
                and not isinstance(widget, QMenu):
            continue
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if widget.toolTip():
            yield f"{name} tooltip", widget.toolTip()
        if isinstance(widget, QMainWindow | QDockWidget) or widget is window:
            yield f"{name} title", widget.windowTitle()
        if isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text()
        if isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{name} tab {i}", widget.tabText(i)
                yield f"{name} tab {i} tooltip", widget.tabToolTip(i)
        if isinstance(widget, QMenu):
            yield f"{name} menu", widget.title()
            for action in widget.actions():
                yield f"{name} action", action.text()
                yield f"{name} action tooltip", action.toolTip()
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                yield f"{name} header {column}", str(model.headerData(
                    column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")


def _left_over(windows: list[QWidget], fragments: set[str]) -> list[str]:
    """Every visible text that holds a fragment of ``fragments``: each tab of each tab
    widget is brought forward in turn, as a person would look at it."""
    found = []

    def look() -> None:
        for window in windows:
            for where, text in _texts(window):
                whole = "=" + text.replace("&", "").strip()
                for fragment in fragments:
                    if fragment == whole or (fragment[0] != "=" and fragment in text):
                        found.append(f"{type(window).__name__} {where}: {text[:70]!r} "
                                     f"[{fragment}]")
                        break

    look()
    for window in windows:
        for tabs in window.findChildren(QTabWidget):
            if not tabs.isVisibleTo(window):
                continue
            shown = tabs.currentIndex()
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                look()
            tabs.setCurrentIndex(shown)
    return sorted(set(found))


def _windows(client: object, user: SignedInUser) -> list[QWidget]:
    """Every window on screen: the list, the meeting's, the workspaces, open dialogs."""
    return [w for w in QApplication.topLevelWidgets()
            if w.isVisible() and not isinstance(w, QMenu)]


@pytest.mark.parametrize("username", ["daibieu04", "chutoa", "thuky", "admin"])
def test_every_open_window_follows_the_language(qtbot: QtBot, server: ServerProcess,
                                                tmp_path: Path, username: str) -> None:
    vietnamese, english = _fragments()
    client, user = start_and_log_in(qtbot, server, tmp_path, username)
    try:
        main = client.main_windows[user]
        page = main.page
        qtbot.waitUntil(lambda: page.proxy.rowCount() > 0, timeout=WAIT)
        if username == "admin":  # Quản trị → Cơ quan và người dùng…
            qtbot.waitUntil(lambda: main.admin_menu.menuAction().isVisible(), timeout=WAIT)
            main.admin_action.trigger()
            qtbot.waitUntil(lambda: main.admin_window is not None
                            and main.admin_window.isVisible(), timeout=WAIT)
        else:
            page.view.setCurrentIndex(page.proxy.index(0, 0))
            page.open_selected()
            qtbot.waitUntil(lambda: bool(user.windows), timeout=WAIT)
            qtbot.waitUntil(lambda: user.session is not None and user.session.loaded,
                            timeout=WAIT)
        if username in ("admin", "thuky"):
            pass
        elif username == "chutoa":
            user.open_big_screen(None, full_screen=False)
        else:  # a document open in the reader, as a delegate reads one
            window = next(w for w in user.windows if isinstance(w, MeetingWindow))
            state = window.session.state
            item = next(int(d["agenda_item_id"]) for d in state.documents.values()
                        if d["agenda_item_id"] is not None)
            window.select_item(item)
            view = window.documents_view
            qtbot.waitUntil(lambda: view.model().rowCount() > 0, timeout=WAIT)
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                             pos=view.visualRect(view.model().index(0, 0)).center())
            qtbot.waitUntil(lambda: window.reader is not None
                            and window.document_stack.currentWidget() is window.reader,
                            timeout=WAIT)
        qtbot.wait(300)
        left = _left_over(_windows(client, user), english)
        Path(f"/tmp/left0_{username}.txt").write_text("\n".join(left))
        assert left == []

        main.language_actions["en"].trigger()
        qtbot.wait(300)
        # The platform puts the application's name after each window title: in English too.
        assert QApplication.applicationDisplayName() == "Paperless meeting room"
        left = _left_over(_windows(client, user), vietnamese)
        Path(f"/tmp/left_{username}.txt").write_text("\n".join(left))
        assert left == []

        main.language_actions["vi"].trigger()
        qtbot.wait(300)
        assert _left_over(_windows(client, user), english) == []
    finally:
        client.translations.install("vi")  # the next test's windows start in Vietnamese
        client.shutdown()
