"""The ``meetingroom`` command as a person runs it: real processes, real ports."""

from __future__ import annotations

import json
import signal
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import func, select

from meetingroom.core.demo_documents import DEMO_PASSWORD
from meetingroom.server.blobs import BlobStore
from meetingroom.server.seed import AGENDA, seed_demo
from meetingroom.server.service import MeetingService
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import AgendaItem, Document, Participant, User
from meetingroom.sync.client.chair_client import ChairClient, ServerError
from meetingroom.sync.serving.endpoint import ChairServer, ServerConfig
from tests.helpers.processes import CLI, serve


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True,
                          timeout=120, check=False)


def test_seed_demo_builds_a_realistic_provincial_session(database: Database,
                                                          tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "blobs")
    logins = seed_demo(database, blobs)
    again = seed_demo(database, blobs)
    assert again.meeting_id == logins.meeting_id, "seeding twice must not duplicate"
    with database.reading() as s:
        roles = dict(s.execute(select(Participant.role, func.count()).group_by(
            Participant.role)).all())
        assert roles == {"chair": 1, "secretary": 1, "delegate": 50, "guest": 2}
        top = s.scalars(select(AgendaItem).where(AgendaItem.parent_id.is_(None))
                        .order_by(AgendaItem.position)).all()
        assert len(top) == len(AGENDA) == 8
        assert top[0].title == "Khai mạc kỳ họp"
        docs = s.scalars(select(Document)).all()
        assert len(docs) >= 8
        assert any(d.confidential for d in docs)
        for doc in docs:
            assert doc.agenda_item_id is not None
            with pymupdf.open(stream=blobs.read(doc.sha256), filetype="pdf") as pdf:
                assert pdf.page_count == doc.pages >= 2
                assert "Hội đồng nhân dân" in pdf[0].get_text() or "HỘI ĐỒNG NHÂN DÂN" in \
                    pdf[0].get_text()
        assert s.scalar(select(func.count()).select_from(User)) == 55


async def test_guests_never_see_confidential_documents(database: Database,
                                                       tmp_path: Path) -> None:
    logins = seed_demo(database, BlobStore(tmp_path / "blobs"))
    server = ChairServer(MeetingService(database), ServerConfig(port=0))
    await server.start()
    try:
        seen: dict[str, list[bool]] = {}
        for username in (logins.guests[0], logins.delegates[0]):
            async with ChairClient(server.url) as client:
                await client.login(username, DEMO_PASSWORD)
                snapshot = (await client.subscribe(logins.meeting_id))["snapshot"]
                seen[username] = [d["confidential"] for d in snapshot["documents"]]
        assert True not in seen[logins.guests[0]]
        assert True in seen[logins.delegates[0]]
        assert len(seen[logins.delegates[0]]) > len(seen[logins.guests[0]])
    finally:
        await server.stop()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """``meetingroom seed-demo`` then ``meetingroom serve --port 0`` as real processes."""
    db = f"sqlite:///{tmp_path / 'hall.db'}"
    seeded = run_cli("seed-demo", "--db", db)
    assert seeded.returncode == 0, seeded.stderr
    assert "chutoa" in seeded.stdout
    assert DEMO_PASSWORD in seeded.stdout
    with serve(db, log=tmp_path / "server.log") as server:
        yield server.url, db


def test_served_demo_answers_healthz(served: tuple[str, str]) -> None:
    url, _ = served
    with urllib.request.urlopen(url.replace("ws://", "http://") + "/healthz", timeout=10) as r:
        assert r.status == 200
        assert r.headers["Content-Type"].startswith("application/json")
        health = json.loads(r.read())
    assert health["status"] == "ok"
    assert health["database"] == "ok"


async def test_admin_commands_add_users_and_reset_passwords(served: tuple[str, str]) -> None:
    url, db = served
    added = run_cli("user", "add", "--db", db, "nguyenvana", "--full-name", "Nguyễn Văn A",
                    "--password-stdin", stdin="mật khẩu đủ dài\n")
    assert added.returncode == 0, added.stderr
    duplicate = run_cli("user", "add", "--db", db, "nguyenvana", "--password-stdin",
                        stdin="another long one\n")
    assert duplicate.returncode == 1
    assert "already exists" in duplicate.stderr
    weak = run_cli("user", "add", "--db", db, "tranb", "--password-stdin", stdin="short\n")
    assert weak.returncode == 1
    assert "8" in weak.stderr

    async with ChairClient(url) as client:
        result = await client.login("nguyenvana", "mật khẩu đủ dài")
        assert result["user"]["full_name"] == "Nguyễn Văn A"
        token = result["token"]

    reset = run_cli("user", "reset-password", "--db", db, "nguyenvana", "--password-stdin",
                    stdin="một mật khẩu mới\n")
    assert reset.returncode == 0, reset.stderr
    async with ChairClient(url) as client:
        with pytest.raises(ServerError) as revoked:
            await client.resume(token)
        assert revoked.value.code == "token_invalid"
        with pytest.raises(ServerError):
            await client.login("nguyenvana", "mật khẩu đủ dài")
        await client.login("nguyenvana", "một mật khẩu mới")


def test_sigterm_stops_the_server_cleanly(tmp_path: Path) -> None:
    proc = subprocess.Popen([*CLI, "serve", "--db", str(tmp_path / "x.db"), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert "chair server at ws://" in proc.stdout.readline()
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=20)
    assert proc.returncode == 0
    assert "shutting down" in stderr


def test_operator_mistakes_get_a_clear_message(served: tuple[str, str], tmp_path: Path) -> None:
    url, db = served
    port = url.rsplit(":", 1)[1]
    taken = run_cli("serve", "--db", db, "--port", port)
    assert taken.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in taken.stderr
    assert "Traceback" not in taken.stderr
    bad_url = run_cli("db", "upgrade", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert bad_url.returncode == 1
    assert "cannot open the database" in bad_url.stderr
    assert "Traceback" not in bad_url.stderr
    bad_cert = run_cli("serve", "--db", db, "--tls-cert", str(tmp_path / "missing.pem"),
                       "--tls-key", str(tmp_path / "missing.key"))
    assert bad_cert.returncode == 1
    assert "TLS certificate" in bad_cert.stderr
