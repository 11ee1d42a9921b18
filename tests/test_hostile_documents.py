"""Hostile PDFs at upload (issues 20.2, 19.4): refused with a reason code by the document
check, which runs in a child process off the database thread, so other commands go on.

Bounded by pytest-timeout markers and the check's own limits; no wall-clock assertion.
"""

from __future__ import annotations

import asyncio
import multiprocessing

import pytest

from meetingroom.pdf.check import Limits
from meetingroom.sync.client import ServerError
from meetingroom.sync.server import ChairServer
from meetingroom.sync.transfer import upload
from tests.conftest import Login
from tests.factories import Hall
from tests.hostile_pdfs import form_fan_out, plain, renamed_executable


def _checking() -> bool:
    return any(p.name == "meetingroom-pdf-check" for p in multiprocessing.active_children())


@pytest.mark.timeout(180)
async def test_a_form_fan_out_is_refused_while_other_commands_go_on(
        server: ChairServer, hall: Hall, login: Login) -> None:
    server.service.blobs.check_limits = Limits(page_seconds=8.0)
    secretary = await login("secretary")
    chair = await login("chair")
    sha = await upload(secretary, form_fan_out(), "fan.pdf")
    attach = asyncio.ensure_future(secretary.command(
        hall.meeting_id, "document.add", {"sha256": sha, "title": "Quạt", "filename": "f.pdf"}))
    while not _checking():  # noqa: ASYNC110 (a child process has no event to await)
        await asyncio.sleep(0.05)
    # The database thread is free: a command sent now is applied before the check ends.
    # (From another connection: one connection's requests are answered in order.)
    await chair.command(hall.meeting_id, "agenda.add_item", {"title": "Khai mạc"})
    assert not attach.done()
    with pytest.raises(ServerError) as refused:
        await attach
    assert refused.value.code == "invalid_args"
    assert refused.value.details == {"reason": "too_complex", "page": 1}
    # The verdict is remembered: asking again answers at once with the same reason.
    with pytest.raises(ServerError) as again:
        await secretary.command(hall.meeting_id, "document.add",
                                {"sha256": sha, "title": "Quạt", "filename": "f.pdf"})
    assert again.value.details == {"reason": "too_complex", "page": 1}


@pytest.mark.timeout(120)
async def test_an_executable_renamed_pdf_is_refused_with_its_own_reason(
        server: ChairServer, hall: Hall, login: Login) -> None:
    secretary = await login("secretary")
    sha = await upload(secretary, renamed_executable(), "setup.pdf")
    with pytest.raises(ServerError) as refused:
        await secretary.command(hall.meeting_id, "document.add",
                                {"sha256": sha, "title": "Cài đặt", "filename": "setup.pdf"})
    assert refused.value.details == {"reason": "executable"}
    added = await secretary.command(hall.meeting_id, "document.add", {
        "sha256": await upload(secretary, plain(), "ok.pdf"), "title": "Tốt",
        "filename": "ok.pdf"})
    assert added["document"]["pages"] == 1
