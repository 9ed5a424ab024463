"""Operator console: its home, the audit log and ``routes.py`` (each domain keeps its own operator views)."""
