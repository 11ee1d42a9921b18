"""Python's cyclic garbage collector, set for a server rather than a script.

The defaults, a young collection every 700 new objects and a full one after ten of the
middle, suit a small heap. A server decodes a JSON frame into hundreds of objects —
a hall relay every event of the province, a chair server every ballot and snapshot —
and its heap holds the meeting, the connections and their buffers. In
``bench.relay_scale`` at 200 halls × 10 laptops each process of 100 relays ran 36
full collections of about half a second each and 13,000 smaller ones: 24 s of 130,
spent while events waited; py-spy charged it to the JSON decoding and the event
objects that set it off. Collecting the young generation every 100,000 objects (about
40 ms a time there) and freezing what start-up made (imports, the schema, the
configuration: never garbage, no longer walked by every full collection) took the
vote's tally p99 from 9.0 to 5.2 s in the same bench (and from 4.4 to 2.6 s once relays
kept runs whole).

Cycles are still collected, only less often: at most the young generation's garbage
waits, a few megabytes.
"""

from __future__ import annotations

import gc

#: New objects between two collections of the youngest generation (Python's default: 700).
YOUNG = 100_000
#: Young collections between two of the middle generation, and middle ones between two
#: full ones (Python's defaults: 10 and 10).
MIDDLE = 20
OLD = 10


def tune_collector() -> None:
    """Freeze what exists now and collect less often: call once, when the server has
    started (``serve_until_signalled``; the benchmarks' server processes too)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG, MIDDLE, OLD)
