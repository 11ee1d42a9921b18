"""Benchmarks that measure against a peer in the same run and print JSON lines."""
