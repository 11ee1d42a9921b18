"""Steps every journey takes: start the client as `meetingroom client` does and log in,
press a named button once it is enabled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.server.seed import MEETING_TITLE
from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.ui.app import SignedInUser, build_parser, launch
from meetingroom.ui.qt import QPushButton, Qt, QWidget
from tests.helpers.processes import ServerProcess

WAIT = 30_000


def click(qtbot: QtBot, window: QWidget, name: str) -> QPushButton:
    """Click the button called ``name`` in ``window`` once it can be pressed."""
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return button


def start_and_log_in(qtbot: QtBot, server: ServerProcess, tmp_path: Path, username: str,
                     password: str = DEMO_PASSWORD) -> tuple[Any, SignedInUser]:
    """``launch`` with the client's own arguments, then the password and Enter in the
    login window: (the client application, the logged-in user)."""
    args = build_parser().parse_args(["--server", server.url, "--user", username,
                                      "--settings", str(tmp_path / "client.json"),
                                      "--data-dir", str(tmp_path / "data")])
    launched = launch(args)
    assert not isinstance(launched, int)
    _app, client = launched
    dialog = client.login_dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.password_edit, password)
    with qtbot.waitSignal(client.logged_in, timeout=WAIT) as signal:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert signal.args is not None
    user: SignedInUser = signal.args[0]
    return client, user


SECOND = "Phiên họp chuyên đề về chuyển đổi số"


async def publish_second_meeting(url: str) -> None:
    """The secretary copies the demo meeting (its participants come along) and publishes
    it: the delegate's list then has two meetings to choose from."""
    async with ChairClient(url, timeout=60) as secretary:
        await secretary.login("thuky", DEMO_PASSWORD)
        demo = next(m for m in await secretary.list_meetings() if m["title"] == MEETING_TITLE)
        made = await secretary.request("create_meeting", body_id=demo["body"]["id"], title=SECOND,
                                       starts_at="2027-01-14T01:30:00+00:00",
                                       location="Hội trường B", clone_of=demo["id"])
        meeting_id = made["meeting"]["id"]
        await secretary.subscribe(meeting_id)
        await secretary.command(meeting_id, "meeting.publish")
