"""Journey: the secretary exports the editable minutes, then signs them with a certificate
file and with a USB token (SoftHSM2) from her workspace; the server keeps each signed
copy as a new version, the audit trail names the signers, and the reader shows them.

Starts from ``launch`` against a real `meetingroom serve` process seeded with the demo;
only the meeting list, tabs, buttons, the file and signing dialogs, and typing are used.
"""

# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from meetingroom.core.pdf.signatures import TRUST_ENV, Verdict, signature_statuses
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import AuditEntry
from meetingroom.ui.models.list_models import ID_ROLE
from meetingroom.ui.qt import QDialog, QLineEdit, QPushButton, Qt
from meetingroom.ui.secretary.signing import SignDialog
from meetingroom.ui.secretary.workspace import SecretaryWorkspace
from tests.e2e.dialogs import answer_file_dialog, when_modal
from tests.e2e.steps import WAIT, click, start_and_log_in
from tests.e2e.test_minutes_journey import _hold_short_session, _open_tab
from tests.helpers.processes import ServerProcess
from tests.helpers.qt_sessions import Bridges
from tests.helpers.signing_keys import UsbToken, issue, needs_softhsm


@pytest.fixture
def hall(qtbot: QtBot, server: ServerProcess, tmp_path: Path) -> Iterator[Bridges]:
    people = Bridges(qtbot, server, tmp_path / "others")
    try:
        yield people
    finally:
        people.close()


def _fill_and_sign(fields: dict[str, str], kind: str) -> list[QDialog]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, SignDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        for name, text in fields.items():
            edit = dialog.findChild(QLineEdit, name)
            assert edit is not None, name
            edit.setText(text)
        button = dialog.findChild(QPushButton, "sign_accept")
        assert button is not None
        button.click()

    return when_modal(SignDialog, act)


@needs_softhsm
def test_the_secretary_exports_docx_and_signs_with_a_file_and_a_token(
        qtbot: QtBot, server: ServerProcess, hall: Bridges, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, usb_token: UsbToken) -> None:
    _hold_short_session(qtbot, hall, server.meeting_id)
    authority, chair, token = usb_token.authority, usb_token.holder, usb_token.token
    monkeypatch.setenv(TRUST_ENV, str(authority.pem_path.parent))
    clerk = issue(authority, tmp_path, "Thư ký Nguyễn Thị Hoa")

    client, user = start_and_log_in(qtbot, server, tmp_path, "thuky")
    try:
        page = client.main_windows[user].page
        qtbot.waitUntil(lambda: any(page.proxy.index(r, 0).data(ID_ROLE) == server.meeting_id
                                    for r in range(page.proxy.rowCount())), timeout=WAIT)
        row = next(r for r in range(page.proxy.rowCount())
                   if page.proxy.index(r, 0).data(ID_ROLE) == server.meeting_id)
        rect = page.view.visualRect(page.proxy.index(row, 0))
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(isinstance(w, SecretaryWorkspace) for w in user.windows),
                        timeout=WAIT)
        workspace = next(w for w in user.windows if isinstance(w, SecretaryWorkspace))
        session = workspace.session
        assert session is not None
        qtbot.waitUntil(lambda: session.loaded
                        and session.state.meeting.get("status") == "closed", timeout=WAIT)
        minutes = workspace.minutes
        _open_tab(qtbot, workspace.tabs, minutes)

        # The editable copy (Xuất tệp Word…).
        qtbot.waitUntil(minutes.docx_button.isEnabled, timeout=WAIT)
        target = tmp_path / "bien-ban.docx"
        answered = answer_file_dialog(target)
        click(qtbot, workspace, "minutes_export_docx")
        qtbot.waitUntil(lambda: minutes.last_docx == target, timeout=60_000)
        assert answered
        word = docx.Document(io.BytesIO(target.read_bytes()))
        assert "BIÊN BẢN" in [p.text for p in word.paragraphs]

        # Draw up the minutes, then sign them with a certificate file.
        assert not minutes.sign_button.isEnabled(), "nothing to sign before the minutes"
        click(qtbot, workspace, "minutes_generate")
        qtbot.waitUntil(lambda: minutes.reader is not None
                        and minutes.reader.document_info() is not None, timeout=60_000)
        first = minutes.existing_minutes()
        assert first is not None
        asked = _fill_and_sign({"sign_p12_path": str(clerk.p12_path),
                                "sign_password": clerk.password}, "p12")
        click(qtbot, workspace, "minutes_sign")
        reader = minutes.reader
        assert reader is not None
        qtbot.waitUntil(lambda: len(reader.signatures) == 1, timeout=90_000)
        assert asked, "signing asked for the key"
        signed_once = minutes.existing_minutes()
        assert signed_once is not None
        assert int(signed_once["version"]) == int(first["version"]) + 1
        assert reader.signatures[0].signer == clerk.name
        assert reader.signatures[0].verdict is Verdict.VALID
        assert "Thư ký Nguyễn Thị Hoa" in reader.signature_label.text()
        assert "chữ ký hợp lệ" in reader.signature_label.text()

        # The chair's signature from the USB token, added to the signed copy.
        asked = _fill_and_sign({"sign_library": token.library,
                                "sign_token_label": token.label,
                                "sign_key_label": token.key_label, "sign_pin": token.pin},
                               "pkcs11")
        click(qtbot, workspace, "minutes_sign")
        qtbot.waitUntil(lambda: len(reader.signatures) == 2, timeout=90_000)
        assert asked
        assert [(s.signer, s.verdict) for s in reader.signatures] == [
            (clerk.name, Verdict.VALID), (chair.name, Verdict.VALID)]
        data = minutes.minutes_data
        assert data is not None
        assert len(signature_statuses(data, [authority.pem_path])) == 2
        workspace.grab().save(str(Path(__file__).resolve().parents[2] / "test-output"
                                  / "minutes_signed.png"), "PNG")

        # A wrong PIN is said, and nothing changes.
        versions = int(minutes.existing_minutes()["version"])  # type: ignore[index]
        asked = _fill_and_sign({"sign_library": token.library,
                                "sign_token_label": token.label,
                                "sign_key_label": token.key_label, "sign_pin": "000000"},
                               "pkcs11")
        click(qtbot, workspace, "minutes_sign")
        qtbot.waitUntil(lambda: "Không ký được" in minutes.minutes_label.text(),
                        timeout=60_000)
        assert minutes.sign_button.isEnabled()
        assert int(minutes.existing_minutes()["version"]) == versions  # type: ignore[index]
        workspace.close()
    finally:
        client.shutdown()

    # The audit trail says who signed which version.
    db = Database(server.db)
    try:
        with db.transaction() as s:
            entries = s.scalars(select(AuditEntry).where(
                AuditEntry.action == "minutes.signed").order_by(AuditEntry.id)).all()
            signers = [[sig["signer"] for sig in e.detail["signatures"]] for e in entries]
            assert signers == [[clerk.name], [chair.name]]
            assert all(e.username == "thuky" for e in entries)
    finally:
        db.dispose()
