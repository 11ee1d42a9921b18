"""Fan-out of one meeting's events to its connections, in sequence order, once each.

Each subscriber remembers the last sequence number it was sent (or, for the events
folded as below, accounted for). Events that arrive while a subscriber is still
loading its replay or snapshot are held back and released in order afterwards, so
joining mid-session never skips or repeats an event.

**Sized for fan-out.** A ballot or a check-in is one event in the log, and in a hall
of N everyone casts one: sending each to every connection is N² frames per vote.
Those events (``fanned_out``) are not sent one by one. They gather in a *run* that is
flushed at most every ``interval`` seconds (50 ms by default; the first of a quiet
period goes out on the next turn of the loop), and before any other event, so the
order of the log is kept:

- a delegate or guest (``Subscriber.progress``) gets one fixed-size ``progress``
  frame for the whole run: an event message whose ``seq`` is the run's last and whose
  ``payload.from_seq`` its first, carrying each touched vote's ``voted_count`` and
  ``tally`` and the attendance ``counts``/``quorum`` as of that ``seq``. The bytes a
  delegate receives per vote do not grow with the hall. The events that concern the
  delegate themself (their own ballot, their own check-in, a check-in they stand in
  for) still reach them whole and in place, after a ``progress`` frame for what came
  before, so their own state stays exact;
- the chair, the secretary and administrators (and anyone asking for every event) get
  the run's events themselves, in ``events`` frames of up to ``MAX_BATCH`` events: the
  voters' names, in batches;
- a relay's mirror (it asks for ``runs``) gets the run as one ``run`` message, its
  events one string that the relay keeps as it came (``runs.FoldedRun``); a relay's own
  channel publishes such a run by its counts alone when none of its laptops is in it.

**Paced by the connection.** On slow hall Wi-Fi a delegate's link cannot carry a
``progress`` frame every 50 ms, and a frame that waits in the connection's buffers
carries a count that is stale by the time it lands. So a delegate's ``progress``
frame is held back while the previous bytes written to its connection have not
left it (``queued_bytes``: the write buffer, and on Linux what the kernel has not
yet had acknowledged), and, on a link found slow (backed up for half a second lately,
or a keepalive round trip of a quarter second: each laptop drains its own bytes while all of them
together fill the air), until its previous one is ``gap`` old (2 s: a count is read
by a person, and the hall's laptops share one link); meanwhile the runs merge into
one ``owed`` frame, sent when the connection has drained and the gap passed
(checked every ``interval``) or, to keep the order, before any other event goes to
that delegate. A slow laptop gets fewer frames, each with the latest counts, and
the same log by ``seq``.

**Votes by what changed.** A vote event carries the whole vote (``vote_view``): on
a 64 kbit/s hall link, sent to every laptop, ``vote.opened``, ``vote.stopped`` and
``vote.closed`` were most of what the link carried during a vote (``bench.weak_link
--census``). A delegate's or guest's laptop gets the vote without the names
(``voted``/``eligible`` hold only its user, the result no ``by_member``) and, after
``vote.created``, only the keys that change (``views.counted_payload``); its reducer
merges them into its copy, and its snapshot's votes are cut the same way
(``views.counted_vote``). The chair, the secretary and a relay's mirror get it whole.

**Deflated where it pays** (``writing``). In a meeting of up to ``DEFLATE_ALL_UP_TO``
connections, everything goes deflated to the laptops that offered per-message
deflate; in a larger one only to links found slow in the last ``SLOW_FOR_S``, and
the rest get one plain frame framed once: a deflate per laptop and frame is what a
hall of a thousand on a LAN cannot afford, and gains nothing from.

The log itself is unchanged and gapless: a ``progress`` frame stands for the events
``from_seq``..``seq``, and a client that resyncs by sequence number or loads a snapshot
gets the same counts either way.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from meetingroom.core.protocol import (
    RUN_MESSAGE,
    encode,
    encode_list,
    event_message,
)
from meetingroom.server.service import WireEvent
from meetingroom.server.views import counted_payload, visible_payload
from meetingroom.sync.serving.runs import (
    FoldedRun,
    Progress,
    about,
    concerns,
    fanned_out,
)
from meetingroom.sync.serving.subscriber import (
    PACED_FOR_S,
    SLOW_FOR_S,
    Subscriber,
)
from meetingroom.sync.serving.writing import send, send_in_order

log = logging.getLogger("meetingroom.server")

#: A subscriber holding more than this many out-of-order events has lost its way;
#: it is disconnected so its client resubscribes from what it has.
MAX_HELD_BACK = 2000
#: How often a run of ballots or check-ins is flushed while they flow, at most...
PROGRESS_INTERVAL_S = 0.05
#: ... and at most this many frames a second for the whole meeting: beyond 1000 laptops
#: the interval grows with the hall (2000 laptops every 50 ms took check-in from 3 s to
#: 9-17 s in bench.sync_scale: the writes, and the laptops' reading, filled the cores).
HALL_FRAMES_PER_S = 20_000
#: Least time between two ``progress`` frames to a delegate's laptop on a slow link: a
#: count that a person reads, on a link that 200 laptops share (0: as often as the link
#: drains). A laptop whose link keeps up gets every run, as the tally target wants.
PROGRESS_GAP_S = 2.0
#: In a meeting with at most this many connections everything sent is deflated where the
#: laptop asked for it: a few ms of the server per event, much less of a shared link.
DEFLATE_ALL_UP_TO = 60
#: Events in one ``events`` frame (a frame stays far below the client's size limit).
MAX_BATCH = 200
#: Events in one ``run`` message to a relay's mirror (about 500 kB of ballots).
MAX_RUN = 2000
#: Roles that follow counts, not names (unless they ask for every event).
PROGRESS_ROLES = frozenset({"delegate", "guest"})


def notice_message(meeting_id: int, name: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A notice: news about the link or the rooms that is not part of the meeting's log."""
    return {"type": "notice", "meeting_id": meeting_id, "notice": name, "payload": payload}


def _message(event: WireEvent, role: str) -> dict[str, Any]:
    return event_message(event.meeting_id, event.seq, event.type,
                         visible_payload(event.type, event.payload, role), event.at)


def _frame(event: WireEvent, role: str) -> str:
    return encode(_message(event, role))


def _frame_for(event: WireEvent, sub: Subscriber) -> str:
    """``event`` as ``sub`` is sent it: a laptop that follows counts gets a vote event
    without the names and, after ``vote.created``, only what changed
    (``views.counted_payload``)."""
    if not sub.progress or not event.type.startswith("vote."):
        return _frame(event, sub.role)
    payload = counted_payload(event.type, visible_payload(event.type, event.payload, sub.role),
                              sub.user_id)
    return encode(event_message(event.meeting_id, event.seq, event.type, payload, event.at))


class _CountedFrames:
    """One vote event for the laptops that follow counts, worked out once for the hall.

    Each laptop's frame differs only by its own place in ``voted`` and ``eligible``: the
    cut is encoded once per role with a mark there, and each frame puts ``[id]`` or ``[]``
    in. An encoding per laptop took 15 ms of a thousand-seat ``vote.opened``."""

    def __init__(self, event: WireEvent) -> None:
        self.event = event
        self._cut: dict[str, tuple[dict[str, Any], dict[str, str], set[int], set[int]]] = {}

    def frame(self, sub: Subscriber) -> str:
        if sub.role not in self._cut:
            self._cut[sub.role] = self._template(sub.role)
        base, template, voted, eligible = self._cut[sub.role]
        uid = sub.user_id
        mine = {key: f"[{uid}]" if uid in members else "[]"
                for key, members in (("voted", voted), ("eligible", eligible))}
        if mine["voted"] == mine["eligible"] == "[]":
            return template["shared"]
        if "marked" in template:
            return template["marked"].replace(_MARKED["voted"], '"voted":' + mine["voted"]) \
                .replace(_MARKED["eligible"], '"eligible":' + mine["eligible"])
        own = {k: [uid] for k, v in mine.items() if v != "[]"}  # lists the vote lacks
        return self._encode({**base, "vote": {**base["vote"], **own}})

    def _template(self, role: str) -> tuple[dict[str, Any], dict[str, str], set[int], set[int]]:
        event = self.event
        visible = visible_payload(event.type, event.payload, role)
        vote = visible.get("vote")
        voted, eligible = (set(vote[key]) if isinstance(vote, dict)
                           and isinstance(vote.get(key), list) else set[int]()
                           for key in ("voted", "eligible"))
        base = counted_payload(event.type, visible, 0)
        texts = {"shared": self._encode(base)}
        slim = base.get("vote")
        if isinstance(slim, dict) and all(isinstance(slim.get(k), list) for k in _MARKED):
            marked = self._encode({**base, "vote": {**slim, **dict.fromkeys(_MARKED, _MARK)}})
            if all(marked.count(mark) == 1 for mark in _MARKED.values()):
                texts["marked"] = marked
        return base, texts, voted, eligible

    def _encode(self, payload: dict[str, Any]) -> str:
        e = self.event
        return encode(event_message(e.meeting_id, e.seq, e.type, payload, e.at))


#: A laptop's own place in ``_CountedFrames``' text (no string a client sends encodes so).
_MARK = "\x00mine\x00"
_MARKED = {key: f'"{key}":"\\u0000mine\\u0000"' for key in ("voted", "eligible")}


def plain_reply(channels: dict[int, Channel], sub: Subscriber | None) -> bool:
    """Whether a command's reply to ``sub``'s connection goes plain, as its meeting's
    events do (``Channel.deflates``): a deflate per ballot's reply was a twentieth of the
    server's time in a thousand-seat vote (py-spy)."""
    channel = channels.get(sub.meeting_id) if sub is not None else None
    return channel is not None and sub is not None and not channel.deflates(sub)


def _frames(event: WireEvent, subs: Iterable[Subscriber]) -> dict[str, list[Subscriber]]:
    """``subs`` by the frame each is sent (one encoding per role, one per laptop with a
    place of its own in a counted vote event)."""
    frames: dict[str, list[Subscriber]] = {}
    by_role: dict[str, str] = {}
    counted = _CountedFrames(event) if event.type.startswith("vote.") else None
    for sub in subs:
        if sub.progress and counted is not None:
            frame = counted.frame(sub)
        else:
            frame = by_role.get(sub.role) or _frame(event, sub.role)
            by_role[sub.role] = frame
        frames.setdefault(frame, []).append(sub)
    return frames


class Channel:
    def __init__(self, meeting_id: int, on_lost: Callable[[Subscriber], None],
                 interval: float = PROGRESS_INTERVAL_S, gap: float = PROGRESS_GAP_S, *,
                 on_vote_open: Callable[[Channel], None] | None = None) -> None:
        self.meeting_id = meeting_id
        self.subscribers: set[Subscriber] = set()
        self._on_lost = on_lost
        #: Told when a vote opens while none was: before its event goes out.
        self._on_vote_open = on_vote_open
        self._interval = interval
        self._gap = gap
        #: The current run of fanned-out events not yet flushed, and what it changed.
        self._pending: list[WireEvent] = []
        self._progress = Progress()
        self._timer: asyncio.TimerHandle | None = None
        self._last_flush = float("-inf")
        #: Checks, every ``interval``, whether busy connections owed a frame have drained.
        self._drain_timer: asyncio.TimerHandle | None = None
        #: Its votes open now, as the events published tell, and set while none is: file
        #: pieces for its delegates wait on it (``SocketServer._ballots_first``).
        self.open_votes: set[int] = set()
        self.no_vote_open = asyncio.Event()
        self.no_vote_open.set()

    def publish(self, events: Iterable[WireEvent | FoldedRun]) -> None:
        ordered = sorted(events, key=lambda e: e.seq)
        start = 0
        while start < len(ordered):
            first = ordered[start]
            if isinstance(first, FoldedRun):
                self._publish_folded(first)
                start += 1
                continue
            if not fanned_out(first):
                self._publish_one(first)
                start += 1
                continue
            end = start
            run: list[WireEvent] = []
            while end < len(ordered) and isinstance(e := ordered[end], WireEvent) \
                    and fanned_out(e):
                run.append(e)
                end += 1
            self._publish_run(run)
            start = end

    def _publish_folded(self, run: FoldedRun) -> None:
        """A run as a relay's mirror got it. When every subscriber follows counts, is in
        step and is in none of its events — a hall's laptops, most of the time — it joins
        the current run by its counts, its events unread. Otherwise they are read and go
        as any run's do."""
        if any(sub.sent_seq != run.from_seq - 1 or sub.held or not sub.progress
               or sub.user_id in run.own for sub in self.subscribers):
            self._publish_run(run.events())
            return
        for sub in self.subscribers:
            sub.sent_seq = run.seq
            if sub.pending_from is None:
                sub.pending_from = len(self._pending)
        # Where the run begins: what a delegate's own event later in this flush is owed
        # from (``_send_own``); only its ``seq`` is read.
        self._pending.append(WireEvent(self.meeting_id, run.from_seq, RUN_MESSAGE, {},
                                       run.at))
        self._progress.absorb(run)
        self._schedule()

    def _publish_one(self, event: WireEvent) -> None:
        """An event everyone gets whole: after what came before, in each role's view."""
        self.flush()  # what came before goes first
        vote = event.payload.get("vote") if event.type.startswith("vote.") else None
        if isinstance(vote, dict) and "id" in vote:
            none_open = not self.open_votes
            if vote.get("status") == "open":
                self.open_votes.add(vote["id"])
            else:
                self.open_votes.discard(vote["id"])
            if self.open_votes:
                self.no_vote_open.clear()
                if none_open and self._on_vote_open is not None:
                    self._on_vote_open(self)
            else:
                self.no_vote_open.set()
        in_step = []
        for sub in self.subscribers:
            if sub.sent_seq is not None and event.seq == sub.sent_seq + 1 and not sub.held:
                sub.sent_seq = event.seq
                in_step.append(sub)
            else:
                self._hold(sub, event)
        for sub in in_step:
            self._settle(sub)
        for frame, subs in _frames(event, in_step).items():
            self._send(subs, frame)

    def _publish_run(self, run: list[WireEvent]) -> None:
        """Consecutive ballots and check-ins: joined to the current run, flushed later.

        Most subscribers are simply in step and concerned by none of them: they are owed
        the run from its first event and move to its last, in one pass over the hall (one
        pass per event was a million steps for a vote of a thousand). A delegate in step
        whose own ballot or check-in is among them is visited only at its own events
        (found by whom each event is about), and is owed the rest of the run around them:
        visiting each such delegate at every event was half a million steps for a batch of
        500 ballots, 46 ms of the event loop while the hall waited for its counts. The few
        others — a subscriber still loading or holding events back — go event by event."""
        first, last = run[0].seq, run[-1].seq
        whom = [about(event) for event in run]
        own = {user for users in whom for user in users}
        own.discard(0)
        #: In step, following counts, and in the run: visited at their own events.
        by_user: dict[int, list[Subscriber]] = {}
        stray = []
        for sub in self.subscribers:
            if sub.sent_seq != first - 1 or sub.held:
                stray.append(sub)
            elif sub.progress and sub.user_id in own:
                by_user.setdefault(sub.user_id, []).append(sub)
            else:
                sub.sent_seq = last
                if sub.pending_from is None:
                    sub.pending_from = len(self._pending)
        # Those whose own event (or the run's start) came just before: owed from the next.
        after_own = [sub for subs in by_user.values() for sub in subs]
        for event, users in zip(run, whom, strict=True):
            mine = [sub for user in dict.fromkeys(users) if user
                    for sub in by_user.get(user, ())]
            for sub in after_own:
                if sub.pending_from is None and sub not in mine:
                    sub.pending_from = len(self._pending)
            for sub in mine:
                sub.sent_seq = event.seq
                self._send_own(sub, event)
            after_own = mine
            for sub in stray:
                if sub.sent_seq is not None and event.seq == sub.sent_seq + 1 and not sub.held:
                    sub.sent_seq = event.seq
                    if sub.progress and concerns(event, sub.user_id):
                        self._send_own(sub, event)
                    elif sub.pending_from is None:
                        sub.pending_from = len(self._pending)
                else:
                    self._hold(sub, event)
            self._pending.append(event)
            self._progress.add(event)
        for subs in by_user.values():
            for sub in subs:
                sub.sent_seq = last
        self._schedule()

    def notice(self, name: str, payload: dict[str, Any],
               roles: frozenset[str] | None = None) -> None:
        """Send a notice — not an event: no ``seq``, not kept — to subscribers of ``roles``."""
        targets = [s for s in self.subscribers
                   if s.sent_seq is not None and (roles is None or s.role in roles)]
        if targets:
            self._send(targets, encode(notice_message(self.meeting_id, name, payload)))

    def start(self, sub: Subscriber, sent_seq: int, replay: Iterable[WireEvent]) -> None:
        """Mark ``sub`` as having the state at ``sent_seq``, then send what followed."""
        sub.sent_seq = sent_seq
        for event in replay:  # held first, released once: a replay's ballots fold together
            if not self._hold(sub, event, release=False):
                return
        self._release(sub)

    def flush(self) -> None:
        """Send the current run: one ``progress`` frame to every delegate owed one, the
        events themselves (in ``events`` frames) to everyone else owed them."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._pending:
            return
        pending, progress = self._pending, self._progress
        self._pending, self._progress = [], Progress()
        self._last_flush = time.monotonic()
        counted: list[Subscriber] = []
        named: dict[int, list[Subscriber]] = {}
        #: Busy connections owed the same runs share one merged run (and its encoding).
        merged: dict[int, Progress] = {}
        for sub in self.subscribers:
            if sub.pending_from is None:
                continue
            if sub.progress:
                if sub.owed is None and self._ready(sub):
                    counted.append(sub)
                    sub.last_progress = self._last_flush
                else:  # its link still carries what went before: merge, send when drained
                    if sub.owed is None:
                        sub.owed = progress
                    else:
                        key = id(sub.owed)
                        if key not in merged:
                            merged[key] = sub.owed.merged(progress)
                        sub.owed = merged[key]
                    self._schedule_drain()
            else:
                named.setdefault(sub.pending_from, []).append(sub)
            sub.pending_from = None
        if counted:
            # One frame for all: its from_seq is the run's first, which every delegate in
            # it has reached (those sent their own event meanwhile are simply further on).
            self._send(counted, progress.frame(self.meeting_id))
        for start, subs in named.items():
            plain = [s for s in subs if not s.runs]
            whole = [s for s in subs if s.runs]
            for frame in self._batches(pending[start:]) if plain else ():
                self._send(plain, frame)
            for frame in self._runs(pending[start:]) if whole else ():
                self._send(whole, frame)

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._drain_timer is not None:
            self._drain_timer.cancel()
            self._drain_timer = None

    # --- helpers -------------------------------------------------------------------------

    def _send(self, subs: list[Subscriber], text: str) -> None:
        """``text`` to ``subs``: deflated where ``deflates`` says; one plain frame to the rest."""
        send([s.connection for s in subs], text, [s.connection for s in subs if self.deflates(s)])

    def deflates(self, sub: Subscriber) -> bool:
        """Whether what goes to ``sub`` is deflated (where its laptop asked for it): in a
        meeting of up to ``DEFLATE_ALL_UP_TO``, or on a link found slow lately."""
        return len(self.subscribers) <= DEFLATE_ALL_UP_TO or \
            sub.slow(time.monotonic(), SLOW_FOR_S)

    def _batches(self, events: list[WireEvent]) -> list[str]:
        return [encode({"type": "events", "meeting_id": self.meeting_id,
                        "events": [_message(e, "") for e in events[i:i + MAX_BATCH]]})
                for i in range(0, len(events), MAX_BATCH)]

    def _runs(self, events: list[WireEvent]) -> list[str]:
        """``run`` messages for a relay's mirror: up to ``MAX_RUN`` events each, with the
        counts as of its last event and whom its events are about (``FoldedRun``)."""
        frames = []
        for i in range(0, len(events), MAX_RUN):
            chunk = events[i:i + MAX_RUN]
            counts = Progress()
            own: set[int] = set()
            for event in chunk:
                counts.add(event)
                own.update(about(event))
            own.discard(0)
            frames.append(encode({
                "type": RUN_MESSAGE, "meeting_id": self.meeting_id, "from_seq": chunk[0].seq,
                "seq": chunk[-1].seq, "at": chunk[-1].at, "progress": counts.counts(),
                "own": sorted(own), "log": encode_list([_message(e, "") for e in chunk])}))
        return frames

    def _send_own(self, sub: Subscriber, event: WireEvent) -> None:
        """A delegate's own ballot or check-in: what it is owed of the run, then the event,
        in one write to its socket: a send each was a thousand more per vote."""
        texts = []
        if sub.pending_from is not None:
            # The run's values are as of the event before this one: exact at its seq.
            from_seq = self._pending[sub.pending_from].seq
            if sub.owed is not None:
                from_seq, sub.owed = sub.owed.from_seq, sub.owed.merged(self._progress)
            texts.append((sub.owed or self._progress).frame(self.meeting_id, from_seq))
            sub.owed = None
            sub.last_progress = time.monotonic()
            sub.pending_from = None
        texts += self._owed(sub)
        texts.append(_frame_for(event, sub))
        send_in_order(sub.connection, texts, self.deflates(sub))

    def _settle(self, sub: Subscriber) -> None:
        """Send what ``sub`` is owed of earlier runs now: another event follows it."""
        for text in self._owed(sub):
            self._send([sub], text)

    def _owed(self, sub: Subscriber) -> list[str]:
        """The frame ``sub`` is owed of earlier runs, if any, marked as sent."""
        if sub.owed is None:
            return []
        owed, sub.owed = sub.owed, None
        sub.last_progress = time.monotonic()
        return [owed.frame(self.meeting_id)]

    def _ready(self, sub: Subscriber) -> bool:
        """Whether a ``progress`` frame may go to ``sub`` now: its connection has sent
        what went before and, on a link found slow lately (backed up for ``BACKLOG_S``
        in the last ``PACED_FOR_S``, or a keepalive round trip of ``SLOW_LATENCY_S``), its
        last frame is ``gap`` old.

        The gap is for weak Wi-Fi, where every frame is paid by the whole hall's link; a
        laptop whose link keeps up gets each 50 ms run, so a count reaches it at once."""
        if sub.busy():
            return False
        now = time.monotonic()
        return not sub.slow(now, PACED_FOR_S) or now - sub.last_progress >= self._gap

    def _schedule_drain(self) -> None:
        if self._drain_timer is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # outside a loop (a script, a test): nothing to wait with
            for sub in self.subscribers:
                self._settle(sub)
            return
        self._drain_timer = loop.call_later(self._interval, self._drain)

    def _drain(self) -> None:
        """Send each owed frame whose connection has drained; come back for the rest.
        Connections owed the same merged run get the same frame, encoded and framed once."""
        self._drain_timer = None
        waiting = False
        ready: dict[int, tuple[Progress, list[Subscriber]]] = {}
        for sub in self.subscribers:
            if sub.owed is None:
                continue
            if not self._ready(sub):
                waiting = True
            else:
                ready.setdefault(id(sub.owed), (sub.owed, []))[1].append(sub)
                sub.owed = None
                sub.last_progress = time.monotonic()
        for owed, subs in ready.values():
            self._send(subs, owed.frame(self.meeting_id))
        if waiting:
            self._schedule_drain()

    def run_interval(self) -> float:
        """Seconds between two flushes of a run: ``interval``, longer in a hall so large
        that a frame to everyone each time would pass ``HALL_FRAMES_PER_S``."""
        return max(self._interval, len(self.subscribers) / HALL_FRAMES_PER_S)

    def _schedule(self) -> None:
        if self._timer is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # used outside a loop (a script, a test): no waiting
            self.flush()
            return
        delay = max(0.0, self._last_flush + self.run_interval() - time.monotonic())
        self._timer = loop.call_later(delay, self.flush)

    def _hold(self, sub: Subscriber, event: WireEvent, *, release: bool = True) -> bool:
        """Keep ``event`` for ``sub`` until it is next; False once ``sub`` has lost its way."""
        if sub.sent_seq is not None and event.seq <= sub.sent_seq:
            return True
        sub.held[event.seq] = event
        if len(sub.held) > MAX_HELD_BACK:
            log.error("subscriber lost its place meeting=%s held=%d", self.meeting_id,
                      len(sub.held))
            self._on_lost(sub)
            return False
        if release:
            self._release(sub)
        return True

    def _release(self, sub: Subscriber) -> None:
        if sub.sent_seq is None:
            return
        for seq in [s for s in sub.held if s <= sub.sent_seq]:
            del sub.held[seq]
        run: Progress | None = None
        if sub.sent_seq + 1 in sub.held:
            self._settle(sub)
        while (event := sub.held.pop(sub.sent_seq + 1, None)) is not None:
            if sub.progress and fanned_out(event) and not concerns(event, sub.user_id):
                run = run or Progress()
                run.add(event)
            else:
                if run is not None:
                    self._send([sub], run.frame(self.meeting_id))
                    run = None
                self._send([sub], _frame_for(event, sub))
            sub.sent_seq = event.seq
        if run is not None:
            self._send([sub], run.frame(self.meeting_id))
