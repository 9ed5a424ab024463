"""Operator console: filing review, moderation, exchange rates, audit log, platform statistics."""
