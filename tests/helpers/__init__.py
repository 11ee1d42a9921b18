"""Helpers the tests share: server processes, sessions, modal answers."""
