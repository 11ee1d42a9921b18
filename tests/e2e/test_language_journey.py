"""One language at a time: every main window, opened through the app as people do, in
Vietnamese and in English, shows no text of the other language; server refusals are
worded in the window's language; screenshots of each window at two screen sizes.

Vietnamese in the English run: any Vietnamese letter outside the meeting's own data
(names, titles: what the users typed) and the language menu's own names. English in the
Vietnamese run: common English words, whole words, outside a small allow-list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.ui.admin.workspace import AdminWorkspace
from meetingroom.ui.app import ClientApp, SignedInUser, build_parser, launch
from meetingroom.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAction,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QModelIndex,
    Qt,
    QTabWidget,
    QWidget,
)
from meetingroom.ui.refusals import failure_text
from tests.e2e.steps import WAIT
from tests.helpers.processes import ServerProcess

OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "language"
SIZES = ((1366, 768), (1920, 1080))

VIETNAMESE = re.compile(
    "[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹýàáãèéìíòóõùúĩũ"
    "ĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸÝÀÁÃÈÉÌÍÒÓÕÙÚĨŨ]")
ENGLISH = re.compile(
    r"\b(the|and|of|to|is|are|not|no|yes|open|close|closed|file|meeting|vote|voting|"
    r"delegate|chair|agenda|document|documents|login|log|password|user|server|error|"
    r"cancel|save|saved|help|settings|language|connected|online|offline|waiting|"
    r"loading|please|with|for|from|this|that|your|you|new|edit|delete|add|remove|"
    r"start|stop|present|absent|result|results|select|search|refresh|quit|exit)\b",
    re.IGNORECASE)
#: Words that are the same in both languages: names of things, units, keys.
ALLOWED = {"PDF", "Wi-Fi", "Excel", "CSV", "XLSX", "SHA-256", "MB", "English", "Ctrl", "Alt",
           "Shift", "Enter", "Esc", "OK", "Tab", "A−", "A+", "ws", "wss", "TLS", "meetingroom"}
#: The language menu names each language in itself, on purpose.
LANGUAGE_NAMES = ("Tiếng Việt", "English")


def _launch(qtbot: QtBot, server: ServerProcess, tmp: Path, username: str,
            lang: str) -> ClientApp:
    args = build_parser().parse_args(["--server", server.url, "--user", username,
                                      "--lang", lang,
                                      "--settings", str(tmp / "client.json"),
                                      "--data-dir", str(tmp / "data")])
    launched = launch(args)
    assert not isinstance(launched, int)
    return launched[1]


def _log_in(qtbot: QtBot, client: ClientApp) -> SignedInUser:
    dialog = client.login_dialog
    assert dialog is not None
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
    with qtbot.waitSignal(client.logged_in, timeout=WAIT) as signal:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert signal.args is not None
    user: SignedInUser = signal.args[0]
    return user


def _menu_texts(menu: QMenu) -> Iterable[str]:
    yield menu.title()
    for action in menu.actions():
        yield from _action_texts(action)


def _action_texts(action: QAction) -> Iterable[str]:
    yield action.text()
    yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
    if action.menu() is not None:
        yield from _menu_texts(action.menu())  # type: ignore[arg-type]


def visible_texts(window: QWidget) -> tuple[list[str], set[str]]:
    """(what the window says, lists and tables included; the server records behind them)."""
    texts = [window.windowTitle()]
    data: set[str] = set()
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            texts.extend(_action_texts(action))
    for action in window.actions():
        texts.extend(_action_texts(action))
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root = QModelIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # a list model hides it
                columns = 1
            for column in range(columns):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
            for row in range(min(model.rowCount(root), 200)):
                for column in range(columns):
                    value = model.index(row, column).data()
                    if isinstance(value, str):
                        texts.append(value)
            # The records behind a list are the server's data (what people typed).
            source = model
            while hasattr(source, "sourceModel") and source.sourceModel() is not None:
                source = source.sourceModel()
            rows = getattr(source, "rows", None)
            if callable(rows):
                data.update(_strings(rows()))
        for action in widget.actions():
            texts.extend(_action_texts(action))
    return [t for t in texts if t and t.strip()], data


def _data_words(data: Iterable[str], extra: Iterable[str]) -> list[str]:
    """The users' own words (names, titles) that may appear inside a window's sentences."""
    words: set[str] = set()
    for value in [*data, *extra]:
        for piece in re.split(r"[\n·—:;,()“”\"|]+", value):
            piece = piece.strip()
            if len(piece) >= 2 and VIETNAMESE.search(piece):
                words.add(piece)
    return sorted(words, key=len, reverse=True)


def wrong_language(texts: Iterable[str], data: Iterable[str], lang: str,
                   names: Iterable[str] = ()) -> list[str]:
    """The texts that hold words of the other language than ``lang``."""
    own = _data_words(data, names)
    bad = []
    for text in texts:
        rest = text.replace("&", "")
        for name in (*LANGUAGE_NAMES, *own):
            rest = rest.replace(name, " ")
        if lang == "en":
            if VIETNAMESE.search(rest):
                bad.append(text)
        else:
            words = [w for w in ENGLISH.findall(rest) if w not in ALLOWED]
            if (words and not VIETNAMESE.search(rest.replace(words[0], ""))) \
                    or len(words) >= 2:
                bad.append(text)
    return sorted(set(bad))


def _state_strings(user: SignedInUser) -> list[str]:
    """The followed meeting's records: titles, names, places, rule labels."""
    assert user.session is not None
    state = user.session.state
    return list(_strings([state.meeting, state.body, state.agenda, state.documents,
                          state.participants]))


def _check_window(qtbot: QtBot, window: QWidget, lang: str, name: str,
                  names: Iterable[str], problems: dict[str, list[str]]) -> None:
    qtbot.waitUntil(window.isVisible, timeout=WAIT)
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.wait(50)  # let the layout settle before the picture (not an assertion)
        OUTPUT.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(OUTPUT / f"{name}-{lang}-{width}x{height}.png"))
    texts, data = visible_texts(window)
    bad = wrong_language(texts, data, lang, names)
    if bad:
        problems[name] = bad


def _strings(value: Any) -> Iterable[str]:
    """Every string inside a server record (a meeting: its title, place, body's name)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _refusal(qtbot: QtBot, user: SignedInUser, kind: str, **fields: Any) -> str:
    got: list[object] = []
    user.bridge.request(kind, **fields).success(got.append).failure(got.append).run(None)
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT)
    assert isinstance(got[0], Exception), got[0]
    return failure_text(got[0])


REFUSALS = {
    "vi": {"login": "Sai tên đăng nhập hoặc mật khẩu.",
           "not_allowed": "Bạn không có quyền làm việc này.",
           "no_speech": "Không có lượt phát biểu này.",
           "no_meeting": "Không tìm thấy cuộc họp này hoặc bạn không được mời."},
    "en": {"login": "Wrong username or password.",
           "not_allowed": "You are not allowed to do this.",
           "no_speech": "This speaking request does not exist.",
           "no_meeting": "This meeting was not found, or you are not invited to it."},
}


# The offscreen platform cannot raise windows or pass size hints; nothing of ours.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|propagateSizeHints)")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_main_window_speaks_one_language(qtbot: QtBot, server: ServerProcess,
                                               tmp_path: Path, lang: str) -> None:
    problems: dict[str, list[str]] = {}
    clients: list[ClientApp] = []
    try:
        # The delegate: a wrong password first, worded in the window's language.
        client = _launch(qtbot, server, tmp_path / "delegate", "daibieu01", lang)
        clients.append(client)
        dialog = client.login_dialog
        assert dialog is not None
        _check_window(qtbot, dialog, lang, "login", (), problems)
        qtbot.keyClicks(dialog.password_edit, "not-the-password")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.message.text() == REFUSALS[lang]["login"],
                        timeout=WAIT)
        delegate = _log_in(qtbot, client)
        names = [str(delegate.user.get("full_name", ""))]
        main = client.main_windows[delegate]
        qtbot.waitUntil(lambda: main.page.model.rowCount() >= 1, timeout=WAIT)
        _check_window(qtbot, main, lang, "meeting-list", names, problems)
        meeting = next(m for m in main.page.model.rows() if m["id"] == server.meeting_id)
        names.extend(_strings(meeting))
        window = client.open_meeting(delegate, meeting)
        assert window is not None
        qtbot.waitUntil(lambda: delegate.session is not None and delegate.session.loaded,
                        timeout=WAIT)
        names.extend(_state_strings(delegate))
        _check_window(qtbot, window, lang, "delegate", names, problems)
        # Refusals from the server, worded here.
        assert _refusal(qtbot, delegate, "command", meeting_id=server.meeting_id,
                        command="meeting.start", args={}) == REFUSALS[lang]["not_allowed"]
        assert _refusal(qtbot, delegate, "command", meeting_id=server.meeting_id,
                        command="speech.withdraw", args={"speech_id": 999999}) == \
            REFUSALS[lang]["no_speech"]
        assert _refusal(qtbot, delegate, "subscribe", meeting_id=999999) == \
            REFUSALS[lang]["no_meeting"]

        # The chair: console, big screen, secretary workspace.
        client = _launch(qtbot, server, tmp_path / "chair", "chutoa", lang)
        clients.append(client)
        chair = _log_in(qtbot, client)
        names.append(str(chair.user.get("full_name", "")))
        main = client.main_windows[chair]
        qtbot.waitUntil(lambda: main.page.model.rowCount() >= 1, timeout=WAIT)
        meeting = next(m for m in main.page.model.rows() if m["id"] == server.meeting_id)
        console = client.open_meeting(chair, meeting)
        assert console is not None
        qtbot.waitUntil(lambda: chair.session is not None and chair.session.loaded,
                        timeout=WAIT)
        _check_window(qtbot, console, lang, "chair-console", names, problems)
        screen = chair.open_big_screen(full_screen=False)
        assert screen is not None
        _check_window(qtbot, screen, lang, "big-screen", names, problems)
        workspace = main.open_secretary()
        _check_window(qtbot, workspace, lang, "secretary-workspace", names, problems)

        # The administrator.
        client = _launch(qtbot, server, tmp_path / "admin", "admin", lang)
        clients.append(client)
        admin = _log_in(qtbot, client)
        main = client.main_windows[admin]
        qtbot.waitUntil(lambda: main.admin_menu.menuAction().isVisible(), timeout=WAIT)
        main.admin_action.trigger()
        admin_window = main.admin_window
        assert isinstance(admin_window, AdminWorkspace)
        qtbot.waitUntil(lambda: admin_window.bodies_model.rowCount() >= 1, timeout=WAIT)
        _check_window(qtbot, admin_window, lang, "admin-workspace", names, problems)
    finally:
        for opened in clients:
            opened.shutdown()
            # back to the default language: the translators are the application's, and
            # every later test expects Vietnamese
            opened.translations.install("vi")
    assert problems == {}, f"text of the other language in the {lang} windows: {problems}"
