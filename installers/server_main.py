"""Entry point of the frozen server bundle: ``meetingroom-server COMMAND [options]``.

The same commands as ``meetingroom`` from a source install (serve, seed-demo,
user, db, tls-init, audit); the server bundle carries no Qt, so ``client``
and ``demo`` windows are not part of it.
"""

import multiprocessing
import sys

from meetingroom.cli import main

if __name__ == "__main__":
    # The document check runs in spawned child processes (meetingroom.core.pdf.check).
    multiprocessing.freeze_support()
    sys.exit(main(sys.argv[1:]))
