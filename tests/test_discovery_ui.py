"""The client's first start: servers found on the LAN are listed; each failed check says why."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Coroutine, Iterator
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from meetingroom.core.protocol import PROTOCOL_VERSION
from meetingroom.sync.client.discovery import Announcer
from meetingroom.sync.client.pinning import PinStore
from meetingroom.ui.app import ClientApp
from meetingroom.ui.first_run import FirstRunDialog, pins_for
from meetingroom.ui.i18n import Translations
from meetingroom.ui.login_dialog import ClientSettings, LoginDialog
from meetingroom.ui.qt import QApplication, QDialog
from tests.test_discovery import (
    chair_server,
    fake_ws_server,
    free_tcp_port,
    free_udp_port,
    plain_http_server,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

T = TypeVar("T")
WAIT = 15_000


class LoopThread:
    """An asyncio loop on its own thread, for servers the Qt test talks to."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.stack = AsyncExitStack()

    def run(self, coro: Coroutine[Any, Any, T], wait: float = 30) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(wait)

    def enter(self, manager: AbstractAsyncContextManager[T]) -> T:
        return self.run(self.stack.enter_async_context(manager))

    def close(self) -> None:
        self.run(self.stack.aclose())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture
def servers() -> Iterator[LoopThread]:
    loop = LoopThread()
    yield loop
    loop.close()


@pytest.fixture(autouse=True)
def plain_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@asynccontextmanager
async def announcing(name: str, url_port: int, udp_port: int) -> AsyncIterator[Announcer]:
    announcer = Announcer(name=name, scheme="ws", port=url_port, host="127.0.0.1",
                          interval=0.2, targets=[("127.0.0.1", udp_port)])
    task = asyncio.create_task(announcer.run())
    try:
        yield announcer
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def _dialog(qtbot: QtBot, tmp_path: Path, udp_port: int | None = None,
            search_seconds: float = 0.3) -> FirstRunDialog:
    settings = ClientSettings(path=tmp_path / "client.json")
    dialog = FirstRunDialog(settings, data_root=tmp_path / "data",
                            discovery_port=udp_port or free_udp_port(),
                            search_seconds=search_seconds, check_wait=5)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _check(qtbot: QtBot, dialog: FirstRunDialog, url: str) -> str:
    dialog.address_edit.setText(url)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT):
        dialog.continue_button.click()
    return dialog.message.text()


def test_the_first_run_window_lists_the_servers_announcing_on_the_lan(
        qtbot: QtBot, tmp_path: Path, servers: LoopThread) -> None:
    udp = free_udp_port()
    server = servers.enter(chair_server(tmp_path / "hall"))
    servers.enter(announcing("Hội trường tầng 2", server.port, udp))
    dialog = _dialog(qtbot, tmp_path, udp, search_seconds=8)
    url = f"ws://127.0.0.1:{server.port}"
    qtbot.waitUntil(lambda: dialog.found_urls() == [url], timeout=WAIT)
    assert "Hội trường tầng 2" in dialog.servers.item(0).text()
    assert dialog.address_edit.text() == url  # the only server found is chosen already
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.continue_button.click()
    assert dialog.server == url
    assert "Đã kết nối" in dialog.message.text()
    saved = json.loads((tmp_path / "client.json").read_text(encoding="utf-8"))
    assert saved["server"] == url


def test_with_nothing_announced_the_window_asks_for_the_address(qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    qtbot.waitUntil(lambda: dialog.search_button.isEnabled(), timeout=WAIT)
    assert dialog.found_urls() == []
    assert "Không tìm thấy máy chủ nào" in dialog.search_status.text()
    port = free_tcp_port()
    text = _check(qtbot, dialog, f"127.0.0.1:{port}")  # typed as a technician says it
    assert dialog.address_edit.text() == f"ws://127.0.0.1:{port}"  # completed, not refused
    assert f"Không kết nối được tới ws://127.0.0.1:{port}" in text
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_a_bare_address_of_a_tls_server_is_checked_as_wss(
        qtbot: QtBot, tmp_path: Path, servers: LoopThread) -> None:
    secure = servers.enter(chair_server(tmp_path / "tls", tls=True))
    assert secure.url.startswith("wss://")
    dialog = _dialog(qtbot, tmp_path)
    dialog.address_edit.setText(secure.url.removeprefix("wss://"))
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.continue_button.click()
    assert dialog.server == secure.url
    assert dialog.address_edit.text() == secure.url


def test_an_unreachable_server_is_named(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    text = _check(qtbot, dialog, f"ws://127.0.0.1:{free_tcp_port()}")
    assert "Không kết nối được tới" in text
    assert dialog.isVisible()
    assert dialog.server is None


def test_something_that_is_not_a_meetingroom_server_is_named(
        qtbot: QtBot, tmp_path: Path, servers: LoopThread) -> None:
    dialog = _dialog(qtbot, tmp_path)
    web = servers.enter(plain_http_server())
    assert "không phải máy chủ phòng họp" in _check(qtbot, dialog, web)
    other = servers.enter(fake_ws_server({"type": "hello"}))
    assert "không phải máy chủ phòng họp" in _check(qtbot, dialog, other)


def test_another_protocol_version_is_named(qtbot: QtBot, tmp_path: Path,
                                           servers: LoopThread) -> None:
    url = servers.enter(fake_ws_server({"type": "welcome", "protocol": PROTOCOL_VERSION + 1,
                                        "server": "2.0.0"}))
    text = _check(qtbot, _dialog(qtbot, tmp_path), url)
    assert "phiên bản giao thức khác" in text
    assert "2.0.0" in text


def test_tls_problems_are_named(qtbot: QtBot, tmp_path: Path, servers: LoopThread) -> None:
    dialog = _dialog(qtbot, tmp_path)
    plain = servers.enter(chair_server(tmp_path / "plain"))
    assert "Lỗi bảo mật TLS" in _check(qtbot, dialog, plain.url.replace("ws://", "wss://"))
    secure = servers.enter(chair_server(tmp_path / "tls", tls=True))
    assert "wss:// thay vì ws://" in _check(qtbot, dialog, secure.url.replace("wss://", "ws://"))


def test_a_changed_certificate_is_refused_with_a_warning(qtbot: QtBot, tmp_path: Path,
                                                         servers: LoopThread) -> None:
    secure = servers.enter(chair_server(tmp_path / "tls", tls=True))
    pins = pins_for(secure.url, tmp_path / "data")
    pins.path.parent.mkdir(parents=True, exist_ok=True)
    pins.path.write_text(json.dumps({PinStore.key(secure.url): "00:11:22"}), encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path)
    text = _check(qtbot, dialog, secure.url)
    assert text.startswith("CẢNH BÁO: chứng chỉ")
    assert "00:11:22" in text
    assert dialog.server is None


def test_a_first_start_asks_for_the_server_then_shows_the_login(
        qtbot: QtBot, tmp_path: Path, servers: LoopThread) -> None:
    server = servers.enter(chair_server(tmp_path / "hall"))
    assert isinstance(QApplication.instance(), QApplication)
    client = ClientApp(ClientSettings(path=tmp_path / "client.json"), Translations(),
                       data_root=tmp_path / "data")
    first = client.start()
    assert isinstance(first, FirstRunDialog)  # deletes itself on close
    first.address_edit.setText(server.url)
    with qtbot.waitSignal(first.accepted, timeout=WAIT):
        first.continue_button.click()
    login = client.login_dialog
    assert isinstance(login, LoginDialog)
    assert login.server_edit.text() == server.url
    login.close()
    # Next start: the server is remembered, the login comes first.
    again = ClientApp(ClientSettings.load(tmp_path / "client.json"), Translations(),
                      data_root=tmp_path / "data")
    second = again.start()
    assert isinstance(second, LoginDialog)
    assert second.find_button.isEnabled()
    second.close()
    client.shutdown()
    again.shutdown()
