"""The append-only audit log and the version history of published records."""
