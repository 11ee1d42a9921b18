"""The hall relay: a server to its laptops, a client of the province's server."""
