"""Entry point of the frozen client bundle: ``meetingroom-client [client options]``.

Same as ``meetingroom client [options]`` from a source install.
"""

import multiprocessing
import sys

from meetingroom.cli import main

if __name__ == "__main__":
    # Pages are drawn in spawned child processes (meetingroom.core.pdf.render_process): in a
    # frozen bundle the child is this executable, which must run the child, not the app.
    multiprocessing.freeze_support()
    sys.exit(main(["client", *sys.argv[1:]]))
