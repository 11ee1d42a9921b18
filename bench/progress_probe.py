"""What the event loop spends on a delegate's ``progress`` frames, the channel alone.

``python -m bench.progress_probe --delegates 1000 --ballots 2000`` serves one meeting's
:class:`Channel` on a real websocket server in this process, opens the delegates'
connections from a child process (which reads and drops every frame), publishes the
ballots in bursts (as the live meeting's batches commit them) and prints one JSON line:
this process's CPU seconds while the ballots flow and drain, and the frames written.
``--profile FILE`` writes a cProfile of the same window. No database, no commands: the
part of the server that issue 19's profile found writing the same frame a thousand times.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import sys
import time
from datetime import UTC, datetime

from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve

from meetingroom.server.service import WireEvent
from meetingroom.sync.serving.channel import Channel
from meetingroom.sync.serving.subscriber import Subscriber

MEETING = 1


async def _readers(url: str, count: int) -> None:
    """The child: ``count`` connections, each reading until the server closes."""
    async def one() -> None:
        async with connect(url, compression=None, max_size=None) as ws:
            async for _ in ws:
                pass
    await asyncio.gather(*(one() for _ in range(count)), return_exceptions=True)


async def _serve(delegates: int, ballots: int, burst: int, pause: float,
                 profile: str | None) -> dict[str, float]:
    channel = Channel(MEETING, on_lost=lambda sub: None)
    connected = asyncio.Event()

    async def handler(connection: ServerConnection) -> None:
        channel.subscribers.add(Subscriber(connection, MEETING, sent_seq=0, role="delegate",
                                           user_id=len(channel.subscribers) + 10_000,
                                           progress=True))
        if len(channel.subscribers) >= delegates:
            connected.set()
        await connection.wait_closed()

    async with serve(handler, "127.0.0.1", 0, compression=None) as server:
        port = server.sockets[0].getsockname()[1]
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bench.progress_probe", "--read", f"ws://127.0.0.1:{port}",
            "--delegates", str(delegates))
        await asyncio.wait_for(connected.wait(), 120)
        at = datetime.now(UTC)
        profiler = cProfile.Profile() if profile else None
        cpu, wall = time.process_time(), time.monotonic()
        if profiler:
            profiler.enable()
        seq = 0
        while seq < ballots:
            events = []
            for _ in range(min(burst, ballots - seq)):
                seq += 1
                vote = 1 + (seq - 1) * 2 // ballots
                events.append(WireEvent(MEETING, seq, "vote.ballot_cast", {
                    "vote_id": vote, "member_user_id": seq, "by_stand_in": False,
                    "changed": False, "voted_count": seq, "tally": None}, at))
            channel.publish(events)
            await asyncio.sleep(pause)
        await asyncio.sleep(0.5)  # the last run and what busy links were owed
        if profiler and profile:
            profiler.disable()
            profiler.dump_stats(profile)
        used = time.process_time() - cpu
        took = time.monotonic() - wall
        channel.close()
        server.close()
        child.terminate()
        await child.wait()
    return {"delegates": delegates, "ballots": ballots, "cpu_s": round(used, 3),
            "wall_s": round(took, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--delegates", type=int, default=1000)
    parser.add_argument("--ballots", type=int, default=2000)
    parser.add_argument("--burst", type=int, default=50, help="ballots per committed batch")
    parser.add_argument("--pause", type=float, default=0.02, help="seconds between batches")
    parser.add_argument("--profile", help="write a cProfile here")
    parser.add_argument("--read", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read:
        asyncio.run(_readers(args.read, args.delegates))
        return
    print(json.dumps(asyncio.run(_serve(args.delegates, args.ballots, args.burst, args.pause,
                                        args.profile))))


if __name__ == "__main__":
    main()
