"""The chair server's brain: commands, accounts, audit, records and storage.

Only the server process and the relay import it; the desktop never does."""
