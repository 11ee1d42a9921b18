"""The server side of the wire: connections, rooms and fan-out."""
