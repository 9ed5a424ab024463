"""The project's one timestamp column type: aware UTC in Python, UTC in the database (SQLite and PostgreSQL).

SQLite keeps no offset: a ``DateTime(timezone=True)`` column stores the wall time of whatever zone the value
had and reads it back naive, so a Beijing-time value came back 8 hours off.
``UTCDateTime`` converts at the edge:
every value is bound as UTC (naive values are taken to be UTC) and read back as aware UTC. Display and message
code converts to the reader's or to Beijing time (``storefront.clearance.messages.common.china_time``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """``DateTime(timezone=True)`` that always stores and returns aware UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        """Aware UTC (naive on SQLite, which cannot store the offset)."""
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        """Aware UTC whatever the backend returned."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
