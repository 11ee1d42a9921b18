"""Allow ``python -m meetingroom`` where the console script is not on PATH."""

from meetingroom.cli import main

raise SystemExit(main())
