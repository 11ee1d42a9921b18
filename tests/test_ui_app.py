"""The client application against a real server: the meeting list, its filters, the role windows."""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.laptop.profiles import profile_for
from meetingroom.server.seed import MEETING_TITLE
from meetingroom.sync.client.connection import ReconnectPolicy
from meetingroom.ui.app import ClientApp, SignedInUser, setup_application
from meetingroom.ui.bridge import ServerBridge
from meetingroom.ui.chair.big_screen import BigScreen
from meetingroom.ui.chair.console import ChairConsole
from meetingroom.ui.delegate.meeting_window import MeetingWindow
from meetingroom.ui.i18n import Translations
from meetingroom.ui.login_dialog import ClientSettings, LoginDialog
from meetingroom.ui.meeting_list import (
    MeetingFilterModel,
    MeetingListPage,
    TranslatedMeetingListModel,
    fold,
    meeting_date,
)
from meetingroom.ui.models.list_models import ROW_ROLE
from meetingroom.ui.qt import QApplication, QDate, Qt, QWidget
from meetingroom.ui.secretary.workspace import SecretaryWorkspace
from tests.helpers.processes import ServerProcess

#: What the offscreen platform says when a window is resized or raised.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")

FAST = ReconnectPolicy(base_delay=0.1, max_delay=0.5)
WAIT = 20_000


@pytest.fixture(autouse=True)
def plain_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path_factory.mktemp("app-server"))
    server.start()
    yield server
    server.stop()


def _meeting(mid: int, title: str, status: str, day: date, location: str = "") -> dict[str, Any]:
    return {"id": mid, "title": title, "status": status, "location": location,
            "starts_at": f"{day.isoformat()}T08:00:00+07:00", "ends_at": None,
            "body": {"id": 1, "name": "HĐND tỉnh An Hòa", "kind": "hdnd", "level": "tinh"},
            "role": "delegate", "last_seq": 0}


def _titles(proxy: MeetingFilterModel) -> list[str]:
    return [proxy.data(proxy.index(r, 0), ROW_ROLE)["title"] for r in range(proxy.rowCount())]


def test_the_filter_splits_by_status_keyword_and_date(qtmodeltester: ModelTester) -> None:
    today = date(2026, 3, 10)
    model = TranslatedMeetingListModel()
    proxy = MeetingFilterModel()
    proxy.setSourceModel(model)
    model.set_rows([
        _meeting(1, "Kỳ họp thứ Mười hai", "published", today + timedelta(days=3)),
        _meeting(2, "Phiên họp thường kỳ tháng 3", "in_progress", today, "Phòng họp số 2"),
        _meeting(3, "Kỳ họp thứ Mười một", "closed", today - timedelta(days=40)),
        _meeting(4, "Dự thảo kế hoạch đầu tư công", "draft", today + timedelta(days=20)),
    ])
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 4
    proxy.set_group("upcoming")
    assert _titles(proxy) == ["Kỳ họp thứ Mười hai", "Dự thảo kế hoạch đầu tư công"]
    proxy.set_group("in_progress")
    assert _titles(proxy) == ["Phiên họp thường kỳ tháng 3"]
    proxy.set_group("closed")
    assert _titles(proxy) == ["Kỳ họp thứ Mười một"]
    proxy.set_group("all")
    proxy.set_keyword("ky hop muoi")  # without tone marks
    assert _titles(proxy) == ["Kỳ họp thứ Mười hai", "Kỳ họp thứ Mười một"]
    proxy.set_keyword("KỲ HỌP mười MỘT")
    assert _titles(proxy) == ["Kỳ họp thứ Mười một"]
    proxy.set_keyword("phòng họp số 2")  # the place counts too
    assert _titles(proxy) == ["Phiên họp thường kỳ tháng 3"]
    proxy.set_keyword("dau tu")
    assert _titles(proxy) == ["Dự thảo kế hoạch đầu tư công"]
    proxy.set_keyword("")
    proxy.set_date_range(today, today + timedelta(days=7))
    assert _titles(proxy) == ["Kỳ họp thứ Mười hai", "Phiên họp thường kỳ tháng 3"]
    proxy.set_date_range(None, today - timedelta(days=1))
    assert _titles(proxy) == ["Kỳ họp thứ Mười một"]
    proxy.set_group("upcoming")
    assert _titles(proxy) == []
    proxy.set_date_range(None, None)
    proxy.set_group("all")
    qtmodeltester.check(proxy)
    with pytest.raises(ValueError, match="unknown group"):
        proxy.set_group("cancelled")
    assert fold("Đại biểu HĐND") == "dai bieu hdnd"
    label = model.data(model.index(1, 0), Qt.ItemDataRole.DisplayRole)
    assert "Phiên họp thường kỳ tháng 3" in label
    assert "Đang họp" in label


def _connect(qtbot: QtBot, server: ServerProcess, username: str, root: Path) -> ServerBridge:
    bridge = ServerBridge(server.url, profile_for(server.url, username, root=root),
                           policy=FAST)
    bridge.start(None)
    with qtbot.waitSignal(bridge.login_finished, timeout=WAIT) as login:
        bridge.login(DEMO_PASSWORD)
    assert login.args is not None
    assert login.args[1] == ""
    return bridge


def test_the_meeting_list_shows_the_demo_meeting_and_filters_it(
        qtbot: QtBot, qtmodeltester: ModelTester, demo_server: ServerProcess,
        tmp_path: Path) -> None:
    bridge = _connect(qtbot, demo_server, "daibieu07", tmp_path)
    try:
        page = MeetingListPage(bridge)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=WAIT)
        qtmodeltester.check(page.proxy)
        meeting = page.model.row(0)
        assert meeting["title"] == MEETING_TITLE
        assert meeting["role"] == "delegate"
        assert page.message.text() == "1 cuộc họp"

        page.search.setText("an hoa khoa xi")
        assert page.proxy.rowCount() == 1
        page.search.setText("ngân sách năm 2019")
        assert page.proxy.rowCount() == 0
        assert page.message.text() == "Không có cuộc họp nào khớp với bộ lọc"
        assert not page.open_button.isEnabled()
        page.search.clear()

        groups = {page.group_box.itemData(i): i for i in range(page.group_box.count())}
        page.group_box.setCurrentIndex(groups["upcoming"])  # the demo meeting is published
        assert page.proxy.rowCount() == 1
        page.group_box.setCurrentIndex(groups["closed"])
        assert page.proxy.rowCount() == 0
        page.group_box.setCurrentIndex(groups["all"])

        day = meeting_date(meeting)
        assert day is not None
        page.date_from.setDate(QDate(day.year, day.month, day.day))
        page.date_to.setDate(QDate(day.year, day.month, day.day).addDays(2))
        page.date_check.setChecked(True)
        assert page.proxy.rowCount() == 1
        page.date_from.setDate(QDate(day.year, day.month, day.day).addDays(1))
        assert page.proxy.rowCount() == 0
        page.date_check.setChecked(False)
        assert page.proxy.rowCount() == 1
        qtmodeltester.check(page.proxy)

        with qtbot.waitSignal(page.open_requested, timeout=WAIT) as opened:
            page.view.doubleClicked.emit(page.proxy.index(0, 0))
        assert opened.args is not None
        assert opened.args[0]["id"] == demo_server.meeting_id
        with qtbot.waitSignal(page.open_requested, timeout=WAIT):
            page.open_button.click()
    finally:
        bridge.shutdown()


@pytest.fixture
def client(qapp: QApplication, tmp_path: Path) -> Iterator[ClientApp]:
    """The client with its own role windows (nothing stands in for them)."""

    def bridge_factory(server: str, username: str) -> ServerBridge:
        return ServerBridge(server, profile_for(server, username, root=tmp_path / "p"),
                             policy=FAST)

    app = ClientApp(ClientSettings(path=tmp_path / "client.json"), Translations(),
                    bridge_factory=bridge_factory)
    yield app
    app.shutdown()
    for window in list(app.main_windows.values()):
        window.close()


@pytest.mark.parametrize(("username", "window"), [("daibieu08", MeetingWindow),
                                                  ("khach01", MeetingWindow),
                                                  ("chutoa", ChairConsole),
                                                  ("thuky", SecretaryWorkspace)])
def test_opening_a_meeting_opens_the_window_of_the_users_role(
        qtbot: QtBot, demo_server: ServerProcess, client: ClientApp,
        username: str, window: type[QWidget]) -> None:
    app = client
    dialog = app.show_login(demo_server.url, username)
    assert isinstance(dialog, LoginDialog)
    assert dialog.server_edit.text() == demo_server.url
    assert dialog.user_edit.text() == username
    dialog.password_edit.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(app.logged_in, timeout=WAIT) as signal:
        dialog.login_button.click()
    assert signal.args is not None
    user: SignedInUser = signal.args[0]
    main = app.main_windows[user]
    assert main.isVisible()
    # The title ends with the application's name once: the platform adds it otherwise.
    assert main.windowTitle().endswith(" — Phòng họp không giấy")
    assert main.windowTitle().count("Phòng họp không giấy") == 1
    assert not main.big_screen_action.isEnabled(), "no meeting open yet"
    page = main.page
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=WAIT)
    page.view.doubleClicked.emit(page.proxy.index(0, 0))
    assert [type(w) for w in user.windows] == [window]
    assert user.windows[0].isVisible()
    assert user.session is not None
    assert user.session.meeting_id == demo_server.meeting_id
    qtbot.waitUntil(lambda: user.session is not None and user.session.loaded, timeout=WAIT)
    assert main.big_screen_action.isEnabled()
    assert len(user.windows) == 1
    big = user.open_big_screen(None, full_screen=False)
    assert big is not None
    assert isinstance(big, BigScreen)
    assert big.isVisible()
    assert len(user.windows) == 2
    user.close_meeting()
    assert user.windows == []
    assert user.session is None


def test_english_is_one_menu_item_away(qtbot: QtBot, qapp: QApplication,
                                       demo_server: ServerProcess,
                                       client: ClientApp) -> None:
    app = client
    translations = setup_application(qapp, "vi")
    app.translations = translations
    try:
        dialog = app.show_login(demo_server.url, "daibieu09")
        assert dialog.remember_box.text() == "Ghi nhớ đăng nhập"
        assert dialog.login_button.text() == "Đăng nhập"
        app.set_language("en")
        assert translations.language == "en"
        # Qt posts LanguageChange to every widget; they re-read their strings.
        qtbot.waitUntil(lambda: dialog.remember_box.text() == "Remember me")
        assert dialog.login_button.text() == "Log in"
        assert dialog.windowTitle() == "Log in — Paperless meeting room"
        assert app.settings.language == "en"
        assert ClientSettings.load(app.settings.path).language == "en"

        dialog.password_edit.setText(DEMO_PASSWORD)
        with qtbot.waitSignal(app.logged_in, timeout=WAIT) as signal:
            dialog.login_button.click()
        assert signal.args is not None
        main = app.main_windows[signal.args[0]]
        assert main.meeting_menu.title() == "&Meeting"
        assert main.big_screen_action.text() == "&Big screen"
        assert main.language_actions["en"].isChecked()
        qtbot.waitUntil(lambda: main.page.proxy.rowCount() == 1, timeout=WAIT)
        assert main.page.open_button.text() == "Open"
        assert main.page.message.text() == "1 meeting"
        assert "Upcoming" in main.page.proxy.index(0, 0).data()

        main.language_actions["vi"].trigger()
        assert translations.language == "vi"
        qtbot.waitUntil(lambda: main.meeting_menu.title() == "&Cuộc họp")
        assert main.page.open_button.text() == "Mở"
        assert "Sắp diễn ra" in main.page.proxy.index(0, 0).data()
    finally:
        translations.install("vi")
