"""The administrators' windows: bodies, members, vote rules and user accounts."""
