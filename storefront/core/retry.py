"""The retry rule every outbox shares (customs messages, e-mail): exponential backoff with a cap."""

from __future__ import annotations

from datetime import timedelta


def backoff(attempts: int, base: float, cap: float) -> timedelta:
    """Delay before the next attempt: base, 2×base, 4×base … capped."""
    return timedelta(seconds=min(cap, base * 2 ** max(attempts - 1, 0)))
