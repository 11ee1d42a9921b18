"""The read-only HTTP JSON API for the province's data-sharing hub, on the real server."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from typing import Any

from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.sync.client.transfer import upload
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import PASSWORD, Hall
from tests.helpers.session_helpers import start_session
from tests.test_reader_support import make_pdf


def _get(url: str, token: str | None) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Type"].startswith("application/json")
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as failure:
        return failure.code, json.loads(failure.read())


async def test_meetings_details_and_documents(server: ChairServer, hall: Hall,
                                              login: Login) -> None:
    base = server.url.replace("ws://", "http://") + "/api/v1"
    chair, secretary = await login("chair"), await login("secretary")
    chair_token = await _login_token(server, "chair")
    guest_token = await _login_token(server, "guest")
    sha = await upload(secretary, make_pdf(2), "mat.pdf")
    await secretary.command(hall.meeting_id, "document.add", {
        "sha256": sha, "title": "Tài liệu mật", "filename": "mat.pdf", "confidential": True})
    await start_session(chair, hall.meeting_id, hall.item_ids[1])
    await chair.command(hall.meeting_id, "attendance.check_in")
    vote = (await chair.command(hall.meeting_id, "vote.create", {
        "matter": "resolution", "title": "Nghị quyết về phí"}))["vote"]
    await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})
    await chair.command(hall.meeting_id, "vote.cast", {"vote_id": vote["id"], "choice": 0})
    await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote["id"]})

    status, body = await asyncio.to_thread(_get, f"{base}/meetings", None)
    assert (status, body["error"]) == (401, "not_authenticated")
    status, body = await asyncio.to_thread(_get, f"{base}/meetings", "not-a-token")
    assert (status, body["error"]) == (401, "token_invalid")
    status, body = await asyncio.to_thread(_get, f"{base}/meetings", chair_token)
    assert status == 200
    assert [m["id"] for m in body["in_progress"]] == [hall.meeting_id]
    status, body = await asyncio.to_thread(_get, f"{base}/meetings/{hall.meeting_id}",
                                           chair_token)
    assert status == 200
    assert body["meeting"]["title"] == "Kỳ họp thứ nhất"
    assert [i["title"] for i in body["agenda"]][:1] == ["Khai mạc"]
    assert body["votes"][0]["title"] == "Nghị quyết về phí"
    # The integration API files the Vietnamese sentence, worded from the stored numbers.
    assert "đại biểu tán thành, chiếm" in body["votes"][0]["announcement"]
    assert "Kết quả: không được thông qua" in body["votes"][0]["announcement"]
    assert body["attendance"]["counts"]["present"] == 1
    _, docs = await asyncio.to_thread(_get, f"{base}/meetings/{hall.meeting_id}/documents",
                                      chair_token)
    assert [d["title"] for d in docs["documents"]] == ["Tài liệu mật"]
    _, guest_docs = await asyncio.to_thread(
        _get, f"{base}/meetings/{hall.meeting_id}/documents", guest_token)
    assert guest_docs["documents"] == []
    status, body = await asyncio.to_thread(_get, f"{base}/meetings/{hall.other_meeting_id}",
                                           chair_token)
    assert (status, body["error"]) == (404, "not_found")
    status, body = await asyncio.to_thread(_get, f"{base}/nothing", chair_token)
    assert status == 404


async def _login_token(server: ChairServer, username: str) -> str:
    async with ChairClient(server.url) as client:
        result = await client.login(username, PASSWORD)
        return str(result["token"])
