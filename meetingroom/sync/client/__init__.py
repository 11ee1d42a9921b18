"""The client side of the wire: the connection, its outbox, prefetch and discovery."""
