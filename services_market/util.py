"""Small helpers shared by the marketplace modules: time and slugs."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime


def now() -> datetime:
    """The current time, UTC."""
    return datetime.now(UTC)


def aware(value: datetime | None) -> datetime | None:
    """A datetime read back from the database as UTC-aware (SQLite returns naive values)."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def slugify(text: str, fallback: str = "item", limit: int = 60) -> str:
    """An ASCII URL slug from a name."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit] or fallback
