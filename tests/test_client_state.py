"""A client that follows the events ends with the same meeting as one that loads a snapshot."""

from __future__ import annotations

import secrets
from typing import Any

from meetingroom.laptop.meeting_store import MeetingState
from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.sync.serving.endpoint import ChairServer
from tests.conftest import Login
from tests.helpers.factories import Hall


def _comparable(state: MeetingState) -> dict[str, Any]:
    """Everything but clock readings, which differ by when each copy was made."""
    speeches = {sid: {k: v for k, v in s.items()
                      if k not in ("server_time", "elapsed_s", "remaining_s", "position")}
                for sid, s in state.speeches.items()}
    return {
        "meeting": state.meeting, "current": state.current_item_id, "agenda": state.agenda,
        "documents": state.documents, "attendance": state.attendance,
        "summary": state.attendance_summary, "speeches": speeches,
        "waiting_order": {(s["item_id"], s["queue"]): [r["id"] for r in state.queue(
            s["item_id"], s["queue"])] for s in state.speeches.values()},
        "totals": sorted(state.speaking_totals, key=lambda t: (t["item_id"], t["queue"],
                                                                 t["user_id"])),
        "votes": state.votes, "opinions": state.opinions,
    }


def _as_a_delegate_follows(state: MeetingState) -> dict[str, Any]:
    """What a delegate's copy keeps exact: everything but other people's names.

    Ballots and check-ins reach a delegate folded into ``progress`` frames (counts,
    tallies, the attendance summary; ``sync.channel``), so who else voted or checked in
    is as of its snapshot; its own row, and every count, follow exactly."""
    seen = _comparable(state)
    seen["attendance"] = {uid: row for uid, row in state.attendance.items()
                          if uid == state.my_id}
    seen["votes"] = {vid: {k: v for k, v in vote.items() if k not in ("voted", "eligible")}
                     for vid, vote in state.votes.items()}
    seen["voted_by_me"] = {vid: state.have_voted(vid) for vid in state.votes}
    return seen


async def _follow(client: ChairClient, state: MeetingState, up_to: int) -> None:
    while state.last_seq < up_to:
        state.apply(await client.next_event())


async def test_events_and_snapshot_agree(server: ChairServer, hall: Hall, login: Login) -> None:
    chair, secretary = await login("chair"), await login("secretary")
    d1, d2 = await login("delegate1"), await login("delegate2")
    watcher = await login("delegate3")
    first = await watcher.subscribe(hall.meeting_id, last_seq=0)
    followed = MeetingState(hall.meeting_id)
    followed.apply_snapshot(first["snapshot"], first["seq"])
    clerk = await login("secretary")  # a role that gets every name
    first = await clerk.subscribe(hall.meeting_id, last_seq=0)
    clerk_followed = MeetingState(hall.meeting_id)
    clerk_followed.apply_snapshot(first["snapshot"], first["seq"])

    m = hall.meeting_id
    await chair.command(m, "meeting.start")
    await chair.command(m, "agenda.set_current", {"item_id": hall.item_ids[1]})
    added = await secretary.command(m, "agenda.add_item", {"title": "Thảo luận tổ",
                                                           "parent_id": hall.item_ids[1]})
    await secretary.command(m, "agenda.move_item", {"item_id": hall.item_ids[2],
                                                    "position": 0})
    for client in (chair, d1, d2):
        await client.command(m, "attendance.check_in")
    await watcher.command(m, "attendance.mark_absent", {"reason": "Họp Ban"})
    s1 = (await d1.command(m, "speech.register", {"topic": "Ngân sách"}))["speech"]
    s2 = (await d2.command(m, "speech.register", {}))["speech"]
    await chair.command(m, "speech.reorder", {"queue": "speech", "order": [s2["id"], s1["id"]]})
    await chair.command(m, "speech.start", {"speech_id": s2["id"]})
    await chair.command(m, "speech.end", {"speech_id": s2["id"]})
    await chair.command(m, "speech.call", {})
    vote = (await chair.command(m, "vote.create", {"matter": "resolution",
                                                   "title": "Nghị quyết"}))["vote"]
    await chair.command(m, "vote.open", {"vote_id": vote["id"]})
    await d1.command(m, "vote.cast", {"vote_id": vote["id"], "choice": 0})
    await d2.command(m, "attendance.check_out")  # eligibility changes while the vote is open
    await chair.command(m, "vote.cast", {"vote_id": vote["id"], "choice": 1})
    secret = (await chair.command(m, "vote.create", {"matter": "election", "title": "Bầu",
                                                     "candidates": ["A", "B"]}))["vote"]
    await chair.command(m, "vote.close", {"vote_id": vote["id"]})
    await chair.command(m, "vote.open", {"vote_id": secret["id"]})
    await d1.command(m, "vote.cast", {"vote_id": secret["id"], "candidates": [1],
                                      "ballot_secret": secrets.token_urlsafe(32)})
    await chair.command(m, "vote.stop", {"vote_id": secret["id"]})
    last = await secretary.command(m, "agenda.update_item", {"item_id": added["item"]["id"],
                                                             "title": "Thảo luận tại tổ"})

    await _follow(clerk, clerk_followed, last["seq"])
    clerk_fresh = MeetingState(m)
    again = await clerk.subscribe(m, last_seq=0)
    clerk_fresh.apply_snapshot(again["snapshot"], again["seq"])
    assert clerk_followed.last_seq == clerk_fresh.last_seq
    assert _comparable(clerk_followed) == _comparable(clerk_fresh)

    await _follow(watcher, followed, last["seq"])
    fresh = MeetingState(m)
    again = await watcher.subscribe(m, last_seq=0)
    fresh.apply_snapshot(again["snapshot"], again["seq"])
    assert followed.last_seq == fresh.last_seq
    assert _as_a_delegate_follows(followed) == _as_a_delegate_follows(fresh)
    assert followed.my_registration(hall.item_ids[1], "speech") is None
    assert followed.open_vote() is None
    assert followed.votes[secret["id"]]["voted_count"] == 1
