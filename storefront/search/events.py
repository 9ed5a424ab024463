"""Index change events: how every node's own indexes follow the database (no shared index directory).

A transaction that changes what an index shows appends one :class:`SearchEvent` per index kind (products,
service packages: :mod:`storefront.search.kinds`) with the ids, or "rebuild everything", in the same commit, so an
event exists exactly when its change does. Every node keeps a cursor per index, next to it (the last event id it
has applied to that index), and catches up from the table: the ids are re-read from the database and synced
(public ones indexed, the rest removed), so applying an event twice is harmless and a failed update is simply
retried from the same cursor. The node that made the change also updates its indexes right after the commit
(:mod:`storefront.search.sync`), so its own searches never wait, unless ``SEARCH_INDEX_WRITES = "follower"`` leaves
every write to the node's ``flask search follow`` worker.

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
from sqlalchemy import JSON, Boolean, DateTime, Index, String, delete, func, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from storefront.core import versions
from storefront.extensions import db
from storefront.search.kinds import PRODUCTS, KindState, selected, states
from storefront.search.kinds import state as kind_state

log = logging.getLogger(__name__)

#: Events applied per catch-up round (a bigger backlog is applied over several rounds).
BATCH = 500
_CURSOR_FILE = "events.cursor"


class SearchEvent(db.Model):
    """A committed change to one index's data: which documents to re-read, or the whole index to rebuild."""

    __tablename__ = "search_events"
    #: Ids are never reused (SQLite AUTOINCREMENT), so a cursor below the oldest event means pruned events.
    __table_args__ = (Index("ix_search_events_kind_id", "kind", "id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The index the event is for (a registered kind: "products", "packages").
    kind: Mapped[str] = mapped_column(String(20), default=PRODUCTS, server_default=PRODUCTS)
    #: Document ids whose documents may have changed (indexed again if public, removed otherwise).
    ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    #: Rebuild the whole index (bulk loads such as the demo seeder).
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


def record(session: Session, kind: str, ids: set[int], full: bool = False) -> None:
    """Append an event in the committing transaction (Core insert: no flush, no ORM hooks)."""
    session.execute(insert(SearchEvent).values(kind=kind, ids=sorted(ids), full=full, created_at=datetime.now(UTC)))


def _cursor_path(app: Flask, kind: str) -> Path:
    return kind_state(kind, app).kind.directory(app) / _CURSOR_FILE


def read_cursor(app: Flask | None = None, kind: str = PRODUCTS) -> int | None:
    """The last event this node's index of ``kind`` has applied, or None when that index was never built here."""
    try:
        return int(_cursor_path(app or current_app, kind).read_text().strip() or 0)
    except (OSError, ValueError):
        return None


def write_cursor(value: int, app: Flask | None = None, kind: str = PRODUCTS) -> None:
    """Remember the last applied event (atomic replace: workers on one node share the file)."""
    path = _cursor_path(app or current_app, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    tmp.write_text(str(value))
    os.replace(tmp, path)


def reset_cursor(app: Flask | None = None, kind: str = PRODUCTS) -> None:
    """Forget the cursor (the index was emptied)."""
    _cursor_path(app or current_app, kind).unlink(missing_ok=True)


def last_event_id(session: Session | None = None) -> int:
    """Id of the newest event of any kind (0 when there is none)."""
    return (session or db.session).scalar(select(func.max(SearchEvent.id))) or 0


def catch_up(app: Flask | None = None, limit: int = BATCH, kind: str | None = None) -> int:
    """Apply the events this node has not applied yet to one index (``kind``) or all, up to ``limit`` events
    each; returns how many were covered (0: none were pending).

    Every index is tried even when one fails (its cursor stays, so the next call retries it); the first error
    is raised afterwards."""
    app = app or current_app._get_current_object()
    covered = 0
    failed: Exception | None = None
    for state in selected(app, kind):
        try:
            covered += _catch_up(app, state.kind.name, limit)
        except Exception as exc:
            log.exception("search: catching up the %s index failed (retried from its cursor)", state.kind.name)
            failed = failed or exc
    if failed is not None:
        raise failed
    return covered


def _catch_up(app: Flask, kind: str, limit: int) -> int:
    """One index's catch-up. A node that never built it rebuilds it from the database first; when the events
    table restarted below the cursor (database restored or wiped), or events it never saw were pruned, too."""
    cursor = read_cursor(app, kind)
    with Session(db.engine) as session:  # its own connection: a request's session is left alone
        newest = last_event_id(session)
        if cursor is None or cursor > newest:
            rebuild(app, newest, kind)
            _shown_again(kind, None)
            return 1
        if cursor == newest:
            return 0
        oldest = session.scalar(select(func.min(SearchEvent.id))) or 0
        if oldest > cursor + 1:  # events this node never saw were pruned: only a rebuild is complete
            rebuild(app, newest, kind)
            _shown_again(kind, None)
            return newest - cursor
        rows = session.execute(
            select(SearchEvent.id, SearchEvent.ids, SearchEvent.full)
            .where(SearchEvent.kind == kind, SearchEvent.id > cursor, SearchEvent.id <= newest)
            .order_by(SearchEvent.id)
            .limit(limit)
        ).all()
    # Every event of this kind up to ``newest`` is in ``rows`` unless the batch is full: then the cursor only
    # moves to the last one. (Moving past other kinds' events keeps the cursor above pruned ones.)
    upto = rows[-1][0] if len(rows) == limit else newest
    if any(full for _id, _ids, full in rows):
        rebuild(app, upto, kind)
        _shown_again(kind, None)
        return len(rows)
    ids = {int(i) for _id, event_ids, _full in rows for i in event_ids or ()}
    if ids:
        state = kind_state(kind, app)
        state.kind.sync(ids)
        state.touched = True
        _shown_again(kind, ids)
    write_cursor(upto, app, kind)
    return len(rows)


def _shown_again(kind: str, ids: set[int] | None) -> None:
    """Invalidate again the cached pages of products this node's index has just caught up with (``None``: it was
    rebuilt, every page).

    A listing's option facets, and the products an option filter keeps, come from the index; its cache key holds
    the versions bumped at commit. A listing rendered between the commit and this catch-up (a second with the
    search follower, longer on other nodes) holds the old facets under the new versions and would stay cached
    until the next change; a second bump, once the index has the change, replaces it."""
    if kind != PRODUCTS:
        return
    with Session(db.engine) as session:
        names = [versions.GLOBAL] if ids is None else versions.Changes(products=set(ids)).names(session)
        if names:
            versions.bump(session, *names)
            session.commit()


def rebuild(app: Flask | None = None, upto: int | None = None, kind: str | None = None) -> int:
    """Rebuild this node's index of ``kind`` (default: every index) from the database and set its cursor to the
    newest event before the rebuild; returns the number of documents indexed."""
    app = app or current_app._get_current_object()
    if upto is None:
        upto = _newest_event()
    count = 0
    for state in selected(app, kind):
        count += rebuild_one(state, app, upto)
        state.forget()  # what the index owed before the rebuild is in it now
    return count


def rebuild_one(state: KindState, app: Flask, upto: int | None = None) -> int:
    """Rebuild one index and set its cursor to ``upto`` (default: the newest event before the rebuild), so
    the node follows the events from there; returns the number of documents indexed."""
    if upto is None:
        upto = _newest_event()
    count = state.kind.rebuild()
    state.touched = True
    write_cursor(upto, app, state.kind.name)
    return count


def _newest_event() -> int:
    with Session(db.engine) as session:
        return last_event_id(session)


def follow_if_due(app: Flask, kind: str = PRODUCTS) -> None:
    """Catch one index up from a search request at most every SEARCH_FOLLOW_SECONDS per process (0: never)."""
    interval = float(app.config.get("SEARCH_FOLLOW_SECONDS", 2.0))
    state = kind_state(kind, app)
    now = time.monotonic()
    if interval <= 0 or now - state.followed_at < interval or read_cursor(app, kind) is None:
        return
    state.followed_at = now
    try:
        catch_up(app, kind=kind)
    except Exception:  # a search must still answer from the index it has
        log.exception("search: catching up with index events failed (retried on a later search)")
        if app.testing:
            raise


def lag(kind: str | None = None) -> dict[str, object]:
    """How far this node's index of ``kind`` is behind the database: events not applied and the age of the
    oldest one. Without a kind, every index together (built only when all are; the sum and the oldest age)."""
    figures = [_lag(state.kind.name) for state in selected(current_app, kind)]
    if len(figures) == 1:
        return figures[0]
    built = all(f["built"] for f in figures)
    ages = [f["seconds"] for f in figures if f["seconds"] is not None]
    return {
        "built": built,
        "events": sum(int(f["events"]) for f in figures),  # type: ignore[call-overload]
        "seconds": max(ages) if built and ages else None,
    }


def lag_by_kind() -> dict[str, dict[str, object]]:
    """:func:`lag` of every index, by kind."""
    return {name: _lag(name) for name in states()}


def _lag(kind: str) -> dict[str, object]:
    cursor = read_cursor(kind=kind)
    if cursor is None:
        count = db.session.scalar(select(func.count(SearchEvent.id)).where(SearchEvent.kind == kind))
        return {"built": False, "events": count or 0, "seconds": None}
    row = db.session.execute(
        select(func.count(SearchEvent.id), func.min(SearchEvent.created_at)).where(
            SearchEvent.kind == kind, SearchEvent.id > cursor
        )
    ).one()
    oldest = row[1]
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=UTC)
    seconds = round((datetime.now(UTC) - oldest).total_seconds(), 1) if oldest is not None else 0.0
    return {"built": True, "events": row[0], "seconds": seconds}


def prune(before: datetime) -> int:
    """Delete events older than ``before`` that every node has had time to apply; returns how many."""
    result = db.session.execute(delete(SearchEvent).where(SearchEvent.created_at < before))
    return result.rowcount or 0
