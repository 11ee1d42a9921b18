"""A weak hall on loopback: delegates behind shaped Wi-Fi, a packet prefetch, votes, an outage.

    python -m bench.weak_link [--delegates 30] [--kbit 64] [--delay 0.15] [--jitter 0.1]
                              [--votes 5] [--between 20] [--outage 45] [--packet-kb 1500]
                              [--no-stalls] [--census]

A real ChairServer runs in its own process. ``--delegates`` real sessions
(``MeetingConnection``, each with its own profile) connect through one
``bench.shaper.ShapedLink``: the rate is shared by all of them (each direction),
every frame waits delay ± jitter, and the link stalls now and then (not with
``--no-stalls``). Every delegate runs the packet prefetch (``Prefetcher.run``) the
whole time, from the moment its session is online (before it checks in), as the app
does. The chair, on the server's side of the link, opens ``--votes`` votes;
each delegate casts a ballot after a random pause of up to 3 s; the chair closes the
vote once every ballot is in (or after 60 s). The hall discusses for ``--between``
seconds before the first vote and after each one. After the third vote the link goes down
for ``--outage`` seconds.

Printed (stdout one JSON line, stderr a table):
- ``ballot_p50_s`` / ``ballot_p99_s``: ballot queued → answered by the server;
- ``prefetch_share``: file data delivered / what the link could carry while it was up;
  ``prefetch_share_between``: the same between votes (the prefetch stands aside while
  a vote is open: ballots first), the share the issue's target is about. What a laptop
  kept of a piece cut when a vote opened (``kept_kb``) crossed the link before the vote
  and counts there. ``prefetch_share_carrying``: the share between votes of what the
  link could carry while it was neither down nor stalled (a stall carries nothing);
- ``spurious_disconnects``: sessions that went offline while the link was up;
- ``back_p50_s`` / ``back_p99_s``: link back → each session online again;
- ``late``: ballots that reached the server after the chair closed the vote (refused,
  and the delegate told so);
- ``lost`` / ``duplicated``: ballots neither counted nor refused, or counted twice.
``--census`` also prints the bytes each delegate received, by phase and message
kind (``bench/link_census.py``): what fills the link.
Targets (issue 24) at 64 kbit/s, 150 ± 100 ms: ballot p99 ≤ 3 s, prefetch ≥ 0.8 of
the link, 0 spurious disconnects, back p99 ≤ 5 s, 0 lost, 0 duplicated.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._common import (
    emit,
    note,
    percentile,
    raise_open_files,
    recv,
    seed_hall,
    serve_chair,
    table,
)
from bench.docs_transfer import _start, make_pdf
from bench.link_census import Census
from bench.shaper import ShapedLink
from meetingroom.laptop.doc_cache import DocumentCache
from meetingroom.server.storage.database import Database
from meetingroom.sync.client.chair_client import ChairClient
from meetingroom.sync.client.connection import (
    ConnectionState,
    ConnectionStatus,
    MeetingConnection,
    Refusal,
    SessionListener,
)
from meetingroom.sync.client.local_store import LocalStore, PendingCommand
from meetingroom.sync.client.prefetch import PacketProgress, Prefetcher
from meetingroom.sync.client.transfer import upload


class Laptop(SessionListener):
    """One delegate's session and what it saw."""

    def __init__(self, link: ShapedLink) -> None:
        self.link = link
        self.session: MeetingConnection | None = None
        self.state: ConnectionState | None = None
        self.online_at: list[float] = []
        self.spurious = 0
        self.sent: dict[str, float] = {}
        self.latencies: list[float] = []
        #: Ballots that reached the server after the vote was closed (refused, and said so).
        self.late = 0
        self.fetched = 0
        self.changed = asyncio.Event()

    def on_status(self, status: ConnectionStatus) -> None:
        if status.state is ConnectionState.OFFLINE and self.state is ConnectionState.ONLINE \
                and not self.link.down:
            self.spurious += 1
        if status.state is ConnectionState.ONLINE:
            self.online_at.append(time.monotonic())
        self.state = status.state
        self.changed.set()

    def on_command_done(self, command: PendingCommand, result: dict[str, Any]) -> None:
        sent = self.sent.pop(command.command_id, None)
        if sent is not None:
            self.latencies.append(time.monotonic() - sent)
        self.changed.set()

    def on_command_refused(self, refusal: Refusal) -> None:
        if self.sent.pop(refusal.command.command_id, None) is not None:
            self.late += 1
        self.changed.set()

    def progress(self, packet: PacketProgress) -> None:
        self.fetched = packet.done


class KeptPieces:
    """Bytes the laptops kept of pieces cut short (``ChairClient.take_partial``), and of
    those, how many while a vote was open: they crossed the link before the vote (the
    server cuts a file connection when a vote opens, before its events go out), so the
    share between votes counts them. Wraps the method for the bench only."""

    def __init__(self, phases: Phases) -> None:
        self.phases = phases
        self.bytes = self.in_votes = 0
        self._original = ChairClient.take_partial

    def install(self) -> None:
        original, counter = self._original, self

        def counted(client: ChairClient, request_id: str) -> bytes:
            data = original(client, request_id)
            counter.bytes += len(data)
            if counter.phases.name == "votes":
                counter.in_votes += len(data)
            return data

        ChairClient.take_partial = counted  # type: ignore[method-assign,assignment]

    def uninstall(self) -> None:
        ChairClient.take_partial = self._original  # type: ignore[method-assign]


async def _until(condition: Any, within: float) -> bool:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


class Phases:
    """Which part of the run the bench is in, and the link's bytes down in each."""

    def __init__(self, link: ShapedLink) -> None:
        self.link = link
        self.name = "other"
        self.bytes: dict[str, int] = {}
        self._mark = link.down_pipe.bytes

    def __call__(self) -> str:
        return self.name

    def enter(self, name: str) -> None:
        now = self.link.down_pipe.bytes
        self.bytes[self.name] = self.bytes.get(self.name, 0) + now - self._mark
        self.name, self._mark = name, now


async def run(delegates: int, kbit: float, delay: float, jitter: float, votes: int,
              outage: float, packet_kb: int, census: bool = False,
              between: float = 20.0, stalls: bool = True) -> dict[str, Any]:
    raise_open_files()
    rng = random.Random(24)
    with tempfile.TemporaryDirectory(prefix="mr-bench-weak-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        db = Database(url)
        hall = seed_hall(db, delegates)
        db.dispose()
        server_proc, server_conn = _start(serve_chair, url, str(Path(tmp) / "blobs"), "warning")
        _, port, _pid = await recv(server_conn)
        chair = ChairClient(f"ws://127.0.0.1:{port}", timeout=60)
        await chair.connect()
        await chair.resume(hall.chair_token)
        secretary = ChairClient(f"ws://127.0.0.1:{port}", timeout=60)
        await secretary.connect()
        await secretary.resume(hall.secretary_token)
        documents = []
        for n in range(3):
            data = make_pdf(packet_kb * 1024 // 3, f"Tài liệu {n + 1}")
            sha = await upload(secretary, data, f"tai-lieu-{n + 1}.pdf")
            added = await secretary.command(hall.meeting_id, "document.add", {
                "sha256": sha, "title": f"Tài liệu {n + 1}", "filename": f"t{n + 1}.pdf"})
            documents.append(added["document"])
        await secretary.close()
        await chair.command(hall.meeting_id, "meeting.start")
        await chair.command(hall.meeting_id, "agenda.set_current", {"item_id": hall.item_id})

        rate = kbit * 1000 / 8
        link = ShapedLink("127.0.0.1", port, rate=rate, delay=delay, jitter=jitter, seed=24)
        await link.start()
        phases = Phases(link)
        phases.enter("setup")
        counter = Census(link.url, phases) if census else None
        if counter is not None:
            counter.install()
        laptops = [Laptop(link) for _ in range(delegates)]
        stores = []
        prefetches = []
        meeting = {"id": hall.meeting_id}
        for n, ((username, token), laptop) in enumerate(zip(hall.delegates, laptops,
                                                            strict=True)):
            store = LocalStore.open(Path(tmp) / f"laptop{n}")
            stores.append(store)
            laptop.session = MeetingConnection(link.url, store, username, hall.meeting_id,
                                               listener=laptop, request_timeout=60)
            await laptop.session.start(token)
        note(f"{delegates} delegates connecting over {kbit:g} kbit/s, "
             f"{delay * 1000:.0f} ± {jitter * 1000:.0f} ms")
        await _until(lambda: all(lp.state is ConnectionState.ONLINE for lp in laptops), 600)
        # The app starts the packet download as the session comes online (``ui.session``),
        # so it runs through the check-ins, as it does here.
        for n, laptop in enumerate(laptops):
            assert laptop.session is not None
            cache = DocumentCache(Path(tmp) / f"cache{n}", os.urandom(32))
            prefetcher = Prefetcher(cache, on_progress=laptop.progress)
            prefetches.append(asyncio.create_task(
                prefetcher.run(laptop.session, meeting, documents)))
        for laptop in laptops:
            assert laptop.session is not None
            await laptop.session.submit("attendance.check_in")
        await _until(lambda: all(not lp.session.pending() for lp in laptops
                                 if lp.session), 600)
        for laptop in laptops:
            laptop.latencies.clear()
        note("prefetch running; votes begin")

        stalls_on = stalls
        stalled = stalled_in_votes = 0.0

        async def weather() -> None:
            nonlocal stalled, stalled_in_votes
            while stalls_on:
                await asyncio.sleep(rng.uniform(20, 40))
                if not link.down:
                    seconds = rng.uniform(0.5, 2.0)
                    link.stall(seconds)
                    stalled += seconds
                    if phases.name == "votes":
                        stalled_in_votes += seconds

        weather_task = asyncio.create_task(weather())
        kept = KeptPieces(phases)
        kept.install()
        phases.enter("other")
        prefetch_start = time.monotonic()
        fetched_at_start = sum(lp.fetched for lp in laptops)  # during the check-ins
        link_bytes_before = link.down_pipe.bytes
        down_time = vote_time = 0.0
        fetched_in_votes = 0
        lost = duplicated = late_before = 0
        back: list[float] = []
        # A session opens with the roll call and the chair's opening words, not a vote
        # (and the server's first keepalive, 20 s into a connection, has measured each
        # laptop's round trip by the first vote).
        await asyncio.sleep(between)
        for number in range(votes):
            created = await chair.command(hall.meeting_id, "vote.create", {
                "item_id": hall.item_id, "matter": "resolution",
                "title": f"Biểu quyết {number + 1}"})
            vote = created["vote"]
            phases.enter("votes")
            vote_began, fetched_before = time.monotonic(), sum(lp.fetched for lp in laptops)
            await chair.command(hall.meeting_id, "vote.open", {"vote_id": vote["id"]})

            async def cast(laptop: Laptop, vote_id: int) -> None:
                await asyncio.sleep(rng.uniform(0.5, 3.0))
                assert laptop.session is not None
                command = await laptop.session.submit(
                    "vote.cast", {"vote_id": vote_id, "choice": 0})
                laptop.sent[command.command_id] = time.monotonic()

            await asyncio.gather(*(cast(lp, vote["id"]) for lp in laptops))
            await _until(lambda: not any(lp.sent for lp in laptops), 60)
            closed = await chair.command(hall.meeting_id, "vote.close", {"vote_id": vote["id"]})
            counted = sum(int(o["count"]) for o in closed["vote"]["result"]["options"])
            # A ballot still under way when the vote closed is refused and the delegate told
            # so ("late"), not lost: wait for those answers before counting.
            await _until(lambda: not any(lp.sent for lp in laptops), 120)
            phases.enter("other")
            vote_time += time.monotonic() - vote_began
            fetched_in_votes += sum(lp.fetched for lp in laptops) - fetched_before
            late = sum(lp.late for lp in laptops) - late_before
            late_before += late
            lost += max(0, delegates - counted - late)
            duplicated += max(0, counted - delegates)
            this_vote = [x for lp in laptops for x in lp.latencies[number:number + 1]]
            note(f"vote {number + 1}: {sum(len(lp.latencies) for lp in laptops)} ballots "
                 f"answered so far; this vote's p50 {percentile(this_vote, 50):.1f} s, "
                 f"p99 {percentile(this_vote, 99):.1f} s")
            if number == 2 and outage > 0:
                note(f"outage of {outage:g} s")
                link.set_down(True)
                went = time.monotonic()
                await asyncio.sleep(outage)
                link.set_down(False)
                phases.enter("return")
                returned = time.monotonic()
                down_time += returned - went
                # A session whose link was never judged lost (a short outage) counts 0 s.
                await _until(lambda: all(lp.state is ConnectionState.ONLINE
                                         for lp in laptops), 300)
                phases.enter("other")
                back = [max(0.0, lp.online_at[-1] - returned) if lp.online_at else 0.0
                        for lp in laptops]
                note(f"back online: p50 {percentile(back, 50):.1f} s, "
                     f"p99 {percentile(back, 99):.1f} s")
            await asyncio.sleep(between)
        elapsed = time.monotonic() - prefetch_start
        stalls_on = False
        weather_task.cancel()
        kept.uninstall()
        fetched = sum(lp.fetched for lp in laptops) - fetched_at_start
        link_bytes = link.down_pipe.bytes - link_bytes_before
        for task in prefetches:
            task.cancel()
        await asyncio.gather(*prefetches, weather_task, return_exceptions=True)
        for laptop in laptops:
            if laptop.session is not None:
                await laptop.session.close()
        for store in stores:
            store.close()
        await chair.close()
        phases.enter("other")
        if counter is not None:
            counter.uninstall()
            table(counter.report(delegates, phases.bytes),
                  ["phase", "kind", "frames/delegate", "bytes/delegate", "share"],
                  "bytes down the link per delegate, by phase and kind")
        await link.stop()
        server_conn.send("stop")
        server_proc.join(60)
        if server_proc.is_alive():
            server_proc.kill()
    latencies = [x for lp in laptops for x in lp.latencies]
    up_seconds = max(1e-3, elapsed - down_time)
    between_seconds = max(1e-3, up_seconds - vote_time)
    return {
        "delegates": delegates, "kbit": kbit, "delay_ms": delay * 1000,
        "jitter_ms": jitter * 1000, "votes": votes, "outage_s": outage,
        "ballots": len(latencies),
        "ballot_p50_s": round(percentile(latencies, 50), 2),
        "ballot_p99_s": round(percentile(latencies, 99), 2),
        "prefetch_share": round(fetched / (rate * up_seconds), 3),
        "prefetch_share_between": round((fetched - fetched_in_votes + kept.in_votes)
                                        / (rate * between_seconds), 3),
        "prefetch_share_carrying": round(
            (fetched - fetched_in_votes + kept.in_votes)
            / (rate * max(1e-3, between_seconds - (stalled - stalled_in_votes))), 3),
        "kept_kb": round(kept.bytes / 1024, 1), "stalled_s": round(stalled, 1),
        "between_s": between, "stalls": stalls,
        "link_share": round(link_bytes / (rate * up_seconds), 3),
        "spurious_disconnects": sum(lp.spurious for lp in laptops),
        "back_p50_s": round(percentile(back, 50), 2) if back else None,
        "back_p99_s": round(percentile(back, 99), 2) if back else None,
        "late": sum(lp.late for lp in laptops), "lost": lost, "duplicated": duplicated,
    }


COLUMNS = ["delegates", "kbit", "ballots", "ballot_p50_s", "ballot_p99_s", "prefetch_share",
           "prefetch_share_between", "prefetch_share_carrying", "link_share",
           "spurious_disconnects", "back_p50_s", "back_p99_s", "late", "lost", "duplicated"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.weak_link", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--delegates", type=int, default=30)
    parser.add_argument("--kbit", type=float, default=64.0, help="link rate, each direction")
    parser.add_argument("--delay", type=float, default=0.15, help="seconds, one way")
    parser.add_argument("--jitter", type=float, default=0.10, help="± seconds")
    parser.add_argument("--votes", type=int, default=5)
    parser.add_argument("--between", type=float, default=20.0,
                        help="seconds of discussion between two votes")
    parser.add_argument("--outage", type=float, default=45.0, help="seconds, after vote 3")
    parser.add_argument("--no-stalls", dest="stalls", action="store_false",
                        help="no short stalls of the link (0.5-2 s every 20-40 s)")
    parser.add_argument("--packet-kb", type=int, default=1500,
                        help="the packet's size (more than the run can carry)")
    parser.add_argument("--census", action="store_true",
                        help="also print the bytes per delegate by phase and message kind "
                             "(bench/link_census.py)")
    args = parser.parse_args(argv)
    result = asyncio.run(run(args.delegates, args.kbit, args.delay, args.jitter, args.votes,
                             args.outage, args.packet_kb, args.census, args.between,
                             args.stalls))
    emit(result)
    table([result], COLUMNS, "weak_link (MB = MiB; targets in the module docstring)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
