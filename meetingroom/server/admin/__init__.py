"""Administration: bodies, members, vote rules, users; the province import."""
