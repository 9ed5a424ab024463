"""The transactional outbox: enqueue in the business transaction, claim with a lease, record the outcome.

Claiming: on PostgreSQL ``SELECT … FOR UPDATE SKIP LOCKED`` (several workers take disjoint rows); on SQLite a
conditional ``UPDATE`` that only takes rows still due (SQLite serialises writers). A claimed row is
``sending`` with a lease; the outcome is recorded only by the holder of the lease token. A worker that dies
between sending and recording leaves the row ``sending``: once the lease runs out another worker sends it
again with the same guid and bytes, and customs' duplicate receipts are ignored by identity.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update

from storefront.clearance.models import OutboxMessage, to_utc
from storefront.clearance.status import MessageStatus
from storefront.core.retry import backoff
from storefront.extensions import db

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Claimed:
    """A claimed message, detached from the session (the transport call happens outside any transaction)."""

    id: int
    guid: str
    kind: str
    business_key: str
    payload: bytes
    attempts: int
    token: str


def enqueue(
    kind: str,
    *,
    guid: str,
    business_key: str,
    payload: bytes,
    ref: str,
    now: datetime,
    app_type: str = "1",
    case_id: int | None = None,
    declaration_id: int | None = None,
) -> OutboxMessage:
    """Add a message to send (flush only); a message with the same business key is returned as it is."""
    existing = db.session.scalar(select(OutboxMessage).where(OutboxMessage.business_key == business_key))
    if existing is not None:
        return existing
    message = OutboxMessage(
        guid=guid,
        kind=kind,
        business_key=business_key,
        app_type=app_type,
        ref=ref,
        case_id=case_id,
        declaration_id=declaration_id,
        payload=payload,
        status=MessageStatus.PENDING.value,
        attempts=0,
        next_attempt_at=to_utc(now),
        created_at=to_utc(now),
    )
    db.session.add(message)
    db.session.flush()
    return message


def _due(now: datetime):
    """Rows to send: pending and due, or sending with an expired lease."""
    return or_(
        and_(OutboxMessage.status == MessageStatus.PENDING.value, OutboxMessage.next_attempt_at <= now),
        and_(OutboxMessage.status == MessageStatus.SENDING.value, OutboxMessage.lease_until <= now),
    )


def _bury_exhausted(now: datetime, max_attempts: int) -> int:
    """Dead-letter rows whose lease ran out after the last allowed attempt (a message that kills workers)."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == MessageStatus.SENDING.value,
            OutboxMessage.lease_until <= now,
            OutboxMessage.attempts >= max_attempts,
        )
        .values(
            status=MessageStatus.DEAD.value,
            lease_token=None,
            lease_until=None,
            last_error="worker lost while sending (lease expired after the last attempt)",
        )
    )
    return result.rowcount or 0


def claim(
    limit: int, *, token: str, now: datetime, lease_seconds: float, max_attempts: int, on_locked=None
) -> list[Claimed]:
    """Claim up to ``limit`` due messages for the worker holding ``token``; commits the claim."""
    now = to_utc(now)
    until = now + timedelta(seconds=lease_seconds)
    _bury_exhausted(now, max_attempts)
    order = (OutboxMessage.next_attempt_at, OutboxMessage.id)
    if db.session.get_bind().dialect.name == "postgresql":
        rows = db.session.scalars(
            select(OutboxMessage).where(_due(now)).order_by(*order).limit(limit).with_for_update(skip_locked=True)
        ).all()
        if on_locked is not None:
            on_locked(rows)  # test hook: the rows are locked by this transaction here
        for row in rows:
            row.status, row.lease_token, row.lease_until = MessageStatus.SENDING.value, token, until
            row.attempts += 1
        db.session.flush()
    else:
        ids = db.session.scalars(select(OutboxMessage.id).where(_due(now)).order_by(*order).limit(limit)).all()
        if ids:
            db.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(ids), _due(now))
                .values(
                    status=MessageStatus.SENDING.value,
                    lease_token=token,
                    lease_until=until,
                    attempts=OutboxMessage.attempts + 1,
                )
                .execution_options(synchronize_session=False)
            )
        rows = db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.lease_token == token, OutboxMessage.status == MessageStatus.SENDING.value)
            .order_by(*order)
            .execution_options(populate_existing=True)
        ).all()
    claimed = [Claimed(r.id, r.guid, r.kind, r.business_key, r.payload, r.attempts, token) for r in rows]
    db.session.commit()
    return claimed


def _finish(claimed: Claimed, **values) -> bool:
    """Record an outcome if this worker still holds the lease; commits."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == claimed.id, OutboxMessage.lease_token == claimed.token)
        .values(lease_token=None, lease_until=None, **values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if not result.rowcount:
        log.warning("lost the lease on %s %s before recording it", claimed.kind, claimed.guid)
        return False
    return True


def record_sent(claimed: Claimed, *, now: datetime) -> bool:
    """The transport took the message."""
    return _finish(claimed, status=MessageStatus.SENT.value, sent_at=to_utc(now), last_error="")


def record_failure(claimed: Claimed, error: str, *, now: datetime, max_attempts: int, base: float, cap: float) -> str:
    """A failed attempt: back off, or dead-letter after ``max_attempts``; returns the new status."""
    if claimed.attempts >= max_attempts:
        status = MessageStatus.DEAD.value
        _finish(claimed, status=status, last_error=error[:2000])
        log.error(
            "%s %s is a dead letter after %d attempts: %s",
            claimed.kind,
            claimed.guid,
            claimed.attempts,
            error,
        )
        return status
    status = MessageStatus.PENDING.value
    retry_at = to_utc(now) + backoff(claimed.attempts, base, cap)
    _finish(claimed, status=status, next_attempt_at=retry_at, last_error=error[:2000])
    log.warning("%s %s failed (attempt %d): %s", claimed.kind, claimed.guid, claimed.attempts, error)
    return status


def requeue(message: OutboxMessage, reason: str, *, now: datetime, max_attempts: int, base: float, cap: float) -> str:
    """Send a message again after the e-port reported it could not reach customs (returnStatus 4); flush."""
    if message.attempts >= max_attempts:
        message.status = MessageStatus.DEAD.value
    else:
        message.status = MessageStatus.PENDING.value
        message.next_attempt_at = to_utc(now) + backoff(message.attempts, base, cap)
    message.last_error = reason[:2000]
    db.session.flush()
    log.warning("%s %s: e-port could not send it to customs, %s", message.kind, message.guid, message.status)
    return message.status


def retry(ids: list[int] | None = None, *, now: datetime) -> int:
    """Put dead letters (all, or the given ids) back in the queue with fresh attempts; flush only."""
    query = update(OutboxMessage).where(OutboxMessage.status == MessageStatus.DEAD.value)
    if ids is not None:
        query = query.where(OutboxMessage.id.in_(ids))
    result = db.session.execute(
        query.values(status=MessageStatus.PENDING.value, attempts=0, next_attempt_at=to_utc(now)).execution_options(
            synchronize_session=False
        )
    )
    db.session.expire_all()
    return result.rowcount or 0


def counts() -> dict[str, int]:
    """Number of messages in each status."""
    rows = db.session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all()
    found = {status: count for status, count in rows}
    return {status.value: found.get(status.value, 0) for status in MessageStatus}
