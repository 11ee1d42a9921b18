"""The legal arithmetic of a session, as pure functions over plain data.

Nothing here touches the database or the network, so every rule can be checked
by property tests against a hand-written oracle, and the server, the minutes and
the client all compute results the same way.
"""
