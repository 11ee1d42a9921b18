"""The laptop's own state: profiles, credentials, notes and the document cache.

Only the client side imports it; the server never does."""
