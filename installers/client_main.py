"""Entry point of the frozen client bundle: ``meetingroom-client [client options]``.

Same as ``meetingroom client [options]`` from a source install.
"""

import sys

from meetingroom.cli import main

if __name__ == "__main__":
    sys.exit(main(["client", *sys.argv[1:]]))
