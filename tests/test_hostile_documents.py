"""Hostile PDFs at upload (issues 20.2, 19.4): refused with a reason code by the document
check, which runs in a child process off the database thread, so other commands go on.

Bounded by pytest-timeout markers and the check's own limits; no wall-clock assertion.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from meetingroom.core.pdf.check import Limits
from meetingroom.core.pdf.errors import PageRenderError
from meetingroom.core.pdf.render_process import PageTooComplex, RenderLimits, RenderProcess
from meetingroom.laptop.doc_cache import DocumentCache
from meetingroom.sync.client.chair_client import ServerError
from meetingroom.sync.client.transfer import download, upload
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall
from tests.helpers.hostile_pdfs import HOSTILE, form_fan_out, plain, renamed_executable


def _checking() -> bool:
    return any(p.name == "meetingroom-pdf-check" for p in multiprocessing.active_children())


@pytest.mark.timeout(180)
async def test_a_form_fan_out_is_refused_while_other_commands_go_on(
        server: ChairServer, hall: Hall, login: Login) -> None:
    if server.service.db.engine.dialect.name == "postgresql":
        # Known and open (issue 19 item 4): on PostgreSQL a command from another
        # connection is answered only after the check ends; found at the merge, not fixed.
        pytest.xfail("PostgreSQL: a command waits behind the document check")
    server.service.blobs.check_limits = Limits(page_seconds=8.0)
    secretary = await login("secretary")
    chair = await login("chair")
    sha = await upload(secretary, form_fan_out(), "fan.pdf")
    attach = asyncio.ensure_future(secretary.command(
        hall.meeting_id, "document.add", {"sha256": sha, "title": "Quạt", "filename": "f.pdf"}))
    while not _checking() and not attach.done():  # noqa: ASYNC110 (a child process has no event to await)
        await asyncio.sleep(0.05)
    # The database thread is free: a command sent now is applied before the check ends.
    # (From another connection: one connection's requests are answered in order.)
    await chair.command(hall.meeting_id, "agenda.add_item", {"title": "Khai mạc"})
    assert not attach.done(), attach.exception() if attach.done() else None
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


ACCEPTED_OR_REFUSED = {
    # shape: the reasons the check may give (None: it may be attached)
    "form_fan_out": {"too_complex"},
    "renamed_executable": {"executable"},
}


@pytest.mark.timeout(600)
@pytest.mark.parametrize("name", sorted(HOSTILE))
async def test_each_hostile_shape_through_upload_download_and_open(
        name: str, server: ChairServer, hall: Hall, login: Login, tmp_path: Path) -> None:
    """Refused at attach with its code, or attached, downloaded by a delegate and opened
    in the reader's child process with page 1 drawn or over its limits: never a hang."""
    server.service.blobs.check_limits = Limits(page_seconds=5.0, total_seconds=60.0)
    secretary, delegate = await login("secretary"), await login("delegate1")
    data = HOSTILE[name]()
    sha = await upload(secretary, data, f"{name}.pdf")
    added: dict[str, Any] | ServerError
    try:
        added = await secretary.command(hall.meeting_id, "document.add",
                                        {"sha256": sha, "title": name, "filename": "x.pdf"})
    except ServerError as refused:
        added = refused
    if isinstance(added, ServerError):
        assert added.code == "invalid_args"
        assert added.details["reason"] in ACCEPTED_OR_REFUSED.get(
            name, {"too_complex", "too_slow", "damaged", "no_pages"})
        return
    assert name not in ACCEPTED_OR_REFUSED
    document = added["document"]
    got = await download(delegate, document["sha256"], document["size_bytes"],
                         DocumentCache(tmp_path / "cache", bytes(range(32))))
    assert got == data
    await asyncio.to_thread(_open_and_draw_page_one, got, document["pages"])


def _open_and_draw_page_one(data: bytes, pages: int) -> None:
    process = RenderProcess(RenderLimits(page_seconds=5.0))
    try:
        assert process.open(data).page_count == pages
        try:
            shown, _pixels = process.render(0, 1.0)
            assert shown.width > 0
            _pixels.release()
        except (PageTooComplex, PageRenderError):
            pass  # the page says so in its place; the document stays open
    finally:
        process.shutdown()
