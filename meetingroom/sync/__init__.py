"""Networking on asyncio and ``websockets``: the chair server and the client connection.

Nothing here imports Qt; the UI reaches this layer through a thin bridge.
"""
