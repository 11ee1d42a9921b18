"""The shared core: vocabulary, wire protocol, vote rules and PDF handling.

Both halves import it; it imports neither (tests/test_architecture.py)."""
