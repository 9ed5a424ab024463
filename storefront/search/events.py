"""Index change events: how every node's own index follows the database (no shared index directory).

A transaction that changes what the index shows appends one :class:`SearchEvent` (the product ids, or "rebuild
everything") in the same commit, so an event exists exactly when its change does. Every node keeps a cursor
next to its index (the last event id it applied) and catches up from the table: the ids are re-read from the
database and synced (public ones indexed, the rest removed), so applying an event twice is harmless and a
failed update is simply retried from the same cursor. The node that made the change also updates its index
right after the commit (``sync``), so its own searches never wait.

Catching up happens on search requests (at most every ``SEARCH_FOLLOW_SECONDS`` per process) and with
``flask search follow``. A server engine shared by all nodes (OpenSearch) needs one follower, not one per node.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import JSON, Boolean, DateTime, func, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from storefront.extensions import db
from storefront.search.index import reindex, sync_products

log = logging.getLogger(__name__)

#: Events applied per catch-up round (a bigger backlog is applied over several rounds).
BATCH = 500
_CURSOR_FILE = "events.cursor"


class SearchEvent(db.Model):
    """A committed change to indexed data: which products to re-read, or the whole index to rebuild."""

    __tablename__ = "search_events"
    #: Ids are never reused (SQLite AUTOINCREMENT), so a cursor below the oldest event means pruned events.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Product ids whose documents may have changed (indexed again if public, removed otherwise).
    product_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    #: Rebuild the whole index (bulk loads such as the demo seeder).
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


def record(session: Session, product_ids: set[int], full: bool = False) -> None:
    """Append an event in the committing transaction (Core insert: no flush, no ORM hooks)."""
    session.execute(
        insert(SearchEvent).values(product_ids=sorted(product_ids), full=full, created_at=datetime.now(UTC))
    )


def _cursor_path(app: Flask) -> Path:
    return Path(app.config["SEARCH_DIR"]) / _CURSOR_FILE


def read_cursor(app: Flask | None = None) -> int | None:
    """The last event this node's index has applied, or None when the index was never built here."""
    try:
        return int(_cursor_path(app or current_app).read_text().strip() or 0)
    except (OSError, ValueError):
        return None


def write_cursor(value: int, app: Flask | None = None) -> None:
    """Remember the last applied event (atomic replace: workers on one node share the file)."""
    path = _cursor_path(app or current_app)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    tmp.write_text(str(value))
    os.replace(tmp, path)


def reset_cursor(app: Flask | None = None) -> None:
    """Forget the cursor (the index was emptied)."""
    _cursor_path(app or current_app).unlink(missing_ok=True)


def last_event_id(session: Session | None = None) -> int:
    """Id of the newest event (0 when there is none)."""
    return (session or db.session).scalar(select(func.max(SearchEvent.id))) or 0


def catch_up(app: Flask | None = None, limit: int = BATCH) -> int:
    """Apply the events this node has not applied yet (up to ``limit``); returns how many were covered (0: none
    were pending).

    A node that never built its index rebuilds it from the database first. When the events table restarted
    below the cursor (database restored or wiped), the cursor starts over."""
    app = app or current_app._get_current_object()
    cursor = read_cursor(app)
    with Session(db.engine) as session:  # its own connection: a request's session is left alone
        newest = last_event_id(session)
        if cursor is None or cursor > newest:
            rebuild(app, newest)
            return 1
        if cursor == newest:
            return 0
        oldest = session.scalar(select(func.min(SearchEvent.id))) or 0
        if oldest > cursor + 1:  # events this node never saw were pruned: only a rebuild is complete
            rebuild(app, newest)
            return newest - cursor
        rows = session.execute(
            select(SearchEvent.id, SearchEvent.product_ids, SearchEvent.full)
            .where(SearchEvent.id > cursor)
            .order_by(SearchEvent.id)
            .limit(limit)
        ).all()
    if any(full for _id, _ids, full in rows):
        rebuild(app, rows[-1][0])
        return len(rows)
    ids = {int(i) for _id, product_ids, _full in rows for i in product_ids or ()}
    if ids:
        sync_products(ids)
    write_cursor(rows[-1][0], app)
    return len(rows)


def rebuild(app: Flask | None = None, upto: int | None = None) -> int:
    """Rebuild this node's index from the database and set its cursor to the newest event before the rebuild."""
    app = app or current_app._get_current_object()
    if upto is None:
        with Session(db.engine) as session:
            upto = last_event_id(session)
    count = reindex()
    write_cursor(upto, app)
    return count


def follow_if_due(app: Flask) -> None:
    """Catch up from a search request at most every SEARCH_FOLLOW_SECONDS per process (0: never)."""
    interval = float(app.config.get("SEARCH_FOLLOW_SECONDS", 2.0))
    state = app.extensions["search"]
    now = time.monotonic()
    if interval <= 0 or now - state.followed_at < interval or read_cursor(app) is None:
        return
    state.followed_at = now
    try:
        catch_up(app)
    except Exception:  # a search must still answer from the index it has
        log.exception("search: catching up with index events failed (retried on a later search)")
        if app.testing:
            raise


def lag() -> dict[str, object]:
    """How far this node's index is behind the database: events not applied and the age of the oldest one."""
    cursor = read_cursor()
    if cursor is None:
        return {"built": False, "events": last_event_id(), "seconds": None}
    row = db.session.execute(
        select(func.count(SearchEvent.id), func.min(SearchEvent.created_at)).where(SearchEvent.id > cursor)
    ).one()
    oldest = row[1]
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=UTC)
    seconds = round((datetime.now(UTC) - oldest).total_seconds(), 1) if oldest is not None else 0.0
    return {"built": True, "events": row[0], "seconds": seconds}


def prune(before: datetime) -> int:
    """Delete events older than ``before`` that every node has had time to apply; returns how many."""
    from sqlalchemy import delete

    result = db.session.execute(delete(SearchEvent).where(SearchEvent.created_at < before))
    return result.rowcount or 0
