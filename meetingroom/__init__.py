"""meetingroom: paperless meetings for Vietnamese People's Councils and Committees.

The top-level package is the *core*: domain vocabulary, storage, protocol and the
command service. It never imports ``meetingroom.sync`` (networking) or
``meetingroom.ui`` (Qt), so that the rules can be tested and reused without a
socket or a screen.
"""

__version__ = "0.1.0"
