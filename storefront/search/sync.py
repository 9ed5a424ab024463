"""Keep every index following the data: collect changed ids on flush, apply them after the outermost commit.

One path for all indexes ("kinds", :mod:`storefront.search.kinds`: products, service packages). Each kind's
collector gathers ids in ``session.info`` during flushes; just before the outermost commit they are resolved and
recorded as one index event per kind (:mod:`storefront.search.events`, same transaction, so other nodes follow
and a failed update is retried from the events); after the commit they are applied to this app's indexes, re-read
from the database in a fresh session. ``after_rollback`` drops them, so a rolled-back change never reaches an index.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from storefront.extensions import db
from storefront.search.events import follow_if_due, rebuild_one, record
from storefront.search.kinds import PRODUCTS, Changes, KindState, states
from storefront.search.kinds import state as kind_state

log = logging.getLogger(__name__)

_KEY = "search_pending"
_listening = False


@dataclass
class Pending:
    """What changed in the current transaction, per kind."""

    changes: dict[str, Changes] = field(default_factory=dict)
    #: Kinds whose whole index is rebuilt after the commit (bulk loads such as the demo seeder).
    full: set[str] = field(default_factory=set)
    #: Ids resolved before the commit, per kind (recorded as index events, then applied after it).
    resolved: dict[str, set[int]] = field(default_factory=dict)

    def of(self, state: KindState) -> Changes:
        """The collector of one kind (created on first use)."""
        found = self.changes.get(state.kind.name)
        if found is None:
            found = self.changes[state.kind.name] = state.kind.changes()
        return found


def pending(session: Session) -> Pending:
    """The pending changes of a session (created on first use)."""
    return session.info.setdefault(_KEY, Pending())


def _states() -> list[KindState]:
    return list(states().values()) if has_app_context() else []


def mark_changed(session: Session, ids: Iterable[int], kind: str = PRODUCTS) -> None:
    """Queue documents for re-indexing at the next commit (for bulk UPDATE/DELETE statements)."""
    pending(session).of(kind_state(kind)).add(ids)


def reindex_after_commit(session: Session, kind: str = PRODUCTS) -> None:
    """Rebuild a whole index once this transaction commits (also drops documents of vanished rows)."""
    pending(session).full.add(kind)


def _before_flush(session: Session, flush_context, instances) -> None:
    p = pending(session)
    for state in _states():
        p.of(state).before_flush(session)


def _after_flush(session: Session, flush_context) -> None:
    p = pending(session)
    for state in _states():
        p.of(state).after_flush(session)


def _before_commit(session: Session) -> None:
    """Record the transaction's index changes as events in the same commit (other nodes follow them)."""
    if session.get_nested_transaction() is not None:
        return
    session.flush()
    p = session.info.get(_KEY)
    if p is None:
        return
    p.resolved = {}
    for state in _states():
        name = state.kind.name
        if name in p.full:
            record(session, name, set(), full=True)
            continue
        changes = p.changes.get(name)
        ids = changes.resolve(session) if changes else set()
        if ids:
            p.resolved[name] = ids
            record(session, name, ids)


def _after_commit(session: Session) -> None:
    """Apply the collected changes to the current app's indexes (failed ids are kept for retry).

    With ``SEARCH_INDEX_WRITES = "read"`` they are only owed, until this app next reads that index. With
    ``"follower"``, the node's follower applies them from the events recorded before the commit."""
    if session.get_nested_transaction() is not None:
        return  # a SAVEPOINT was released: nothing is committed until the outer transaction is
    p = session.info.pop(_KEY, None)
    if not has_app_context() or current_app.config["SEARCH_INDEX_WRITES"] == "follower":
        return
    if p is not None:
        for state in _states():
            state.owe(p.resolved.get(state.kind.name, set()), state.kind.name in p.full)
    if current_app.config["SEARCH_INDEX_WRITES"] == "read":
        return
    failed: Exception | None = None
    for state in _states():
        failed = apply(state) or failed
    if failed is not None and current_app.testing:
        raise failed


def apply(state: KindState, wait: float = 0.0) -> Exception | None:
    """Write what one index owes (committed transactions' ids, failed earlier writes); returns the error.

    One thread of a process writes an index at a time. Another that commits meanwhile does not wait (``wait``
    0): it leaves its ids owed and the writer writes them before it lets go. A reader that must see them waits
    up to ``wait`` seconds."""
    while state.retry or state.rebuild_owed:
        if not state.lock.acquire(timeout=wait):
            return None  # the thread holding it writes what is owed before it lets go
        try:
            ids, full = state.owing()
            if ids or full:
                try:
                    if full:  # the cursor too: the node follows other nodes' events from here
                        rebuild_one(state, current_app._get_current_object())
                    else:
                        state.kind.sync(ids)
                except Exception as exc:  # the ids stay owed
                    log.exception(
                        "search: could not update the %s index for %d ids (kept for retry)", state.kind.name, len(ids)
                    )
                    return exc
                state.settle(ids, full)
                state.touched = True
        finally:
            state.lock.release()
        # Ids owed while this thread wrote may belong to threads that found the lock taken: go round again.
    return None


def before_read(app: Flask, kind: str = PRODUCTS) -> None:
    """What every read of an index does first: apply the changes this app still owes it (with
    ``SEARCH_INDEX_WRITES = "read"``), then catch up with other nodes' index events when due. Nothing with
    ``"follower"``."""
    if app.config["SEARCH_INDEX_WRITES"] == "follower":
        return  # the node's follower keeps the index current; a read never writes it
    state = kind_state(kind, app)
    # Written on commit, failed ids wait for the next commit and the events, as before: a read must not queue
    # behind a stuck write lock (SEARCH_WRITE_TIMEOUT).
    if app.config["SEARCH_INDEX_WRITES"] == "read" and (state.retry or state.rebuild_owed):
        failed = apply(state, wait=float(app.config.get("SEARCH_WRITE_TIMEOUT", 10)))
        if failed is not None and app.testing:
            raise failed
    follow_if_due(app, kind)


def _after_rollback(session: Session) -> None:
    """A rolled-back transaction changed nothing: forget what it collected.

    A rolled-back SAVEPOINT keeps the list: the outer transaction's own changes are in it too, and ids
    that end up unchanged are only re-read, not wrong."""
    if session.get_nested_transaction() is None:
        session.info.pop(_KEY, None)


def listen() -> None:
    """Attach the session hooks to Flask-SQLAlchemy's session (once per process)."""
    global _listening
    if _listening:
        return
    event.listen(db.session, "before_flush", _before_flush)
    event.listen(db.session, "after_flush", _after_flush)
    event.listen(db.session, "before_commit", _before_commit)
    event.listen(db.session, "after_commit", _after_commit)
    event.listen(db.session, "after_rollback", _after_rollback)
    _listening = True
