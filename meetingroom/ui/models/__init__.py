"""Qt models over the client's meeting state; views and tests drive them the same way."""
