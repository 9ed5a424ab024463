"""Merchant API keys: scoped, revocable, shown once, stored only as a SHA-256 hash.

A key reads ``kj_<prefix>_<secret>``; the prefix (8 characters) finds the row and is shown in the list, the
whole key is compared by hash in constant time. Every creation and revocation is audited."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, UniqueConstraint, delete, func, select
from sqlalchemy.orm import Mapped, mapped_column

from storefront.core import audit, labels
from storefront.core.errors import CodedError
from storefront.extensions import db

#: Scope → what it allows.
SCOPES = {
    "products:read": _l("Read products, prices and stock"),
    "orders:read": _l("Read orders"),
    "products:write": _l("Create and change products, prices and stock"),
    "orders:write": _l("Mark orders shipped"),
}
labels.register("api_scope", SCOPES)
MAX_KEYS = 20
#: How long a write request's answer is kept for replays (Stripe keeps idempotency keys 24 hours too); after
#: that the same ``Idempotency-Key`` starts a new request, and the worker purges the row.
IDEMPOTENCY_KEEP = timedelta(hours=24)


class ApiKey(db.Model):
    """One API key of a merchant (the secret itself is never stored)."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id", ondelete="CASCADE"), index=True)
    #: A name the merchant chose (e.g. "ERP").
    name: Mapped[str] = mapped_column(String(80))
    #: The public part that finds the key (shown in the list).
    prefix: Mapped[str] = mapped_column(String(12), unique=True)
    #: SHA-256 of the whole key, hex.
    key_hash: Mapped[str] = mapped_column(String(64))
    #: Granted scopes (keys of SCOPES).
    scopes: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class IdempotentRequest(db.Model):
    """The first answer to a write request sent with an ``Idempotency-Key`` header: a replay with the same key
    gets this answer again and changes nothing (unique per API key)."""

    __tablename__ = "api_idempotency_keys"
    __table_args__ = (UniqueConstraint("api_key_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    api_key_id: Mapped[int] = mapped_column(ForeignKey("api_keys.id", ondelete="CASCADE"))
    #: The client's ``Idempotency-Key`` header.
    key: Mapped[str] = mapped_column(String(100))
    #: SHA-256 of method, path and the (canonical JSON) body: the same key with another request is refused.
    fingerprint: Mapped[str] = mapped_column(String(64))
    #: The first answer: HTTP status and JSON body.
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ApiKeyError(CodedError):
    """A key that cannot be created."""

    MESSAGES = {
        "name": _l("Give the key a name (at most 80 characters)."),
        "scopes": _l("Choose at least one permission."),
        "too_many": _l("At most %(n)s keys; revoke one first.", n=MAX_KEYS),
    }


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create(merchant_id: int, name: str, scopes: list[str], actor) -> tuple[ApiKey, str]:
    """A new key: the row and the key text, which is shown once and never again (flushes; audited)."""
    name = (name or "").strip()
    scopes = sorted({s for s in scopes or [] if s in SCOPES})
    if not name or len(name) > 80:
        raise ApiKeyError("name")
    if not scopes:
        raise ApiKeyError("scopes")
    if len(keys_of(merchant_id, active_only=True)) >= MAX_KEYS:
        raise ApiKeyError("too_many")
    prefix = secrets.token_hex(4)
    key = f"kj_{prefix}_{secrets.token_urlsafe(32)}"
    row = ApiKey(
        merchant_id=merchant_id, name=name, prefix=prefix, key_hash=_hash(key), scopes=scopes,
        created_by_id=getattr(actor, "id", None),
    )  # fmt: skip
    db.session.add(row)
    db.session.flush()
    audit.record(actor, "api_key.create", row, None, {"name": name, "scopes": scopes, "prefix": prefix})
    return row, key


def revoke(row: ApiKey, actor) -> None:
    """Revoke a key: every later request with it gets 401 (flushes; audited)."""
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
        db.session.flush()
        audit.record(actor, "api_key.revoke", row, {"prefix": row.prefix}, None)


def keys_of(merchant_id: int, *, active_only: bool = False) -> list[ApiKey]:
    """A merchant's keys, newest first."""
    stmt = select(ApiKey).where(ApiKey.merchant_id == merchant_id).order_by(ApiKey.id.desc())
    if active_only:
        stmt = stmt.where(ApiKey.revoked_at.is_(None))
    return list(db.session.scalars(stmt))


def authenticate(header: str | None) -> ApiKey | None:
    """The active key of an ``Authorization: Bearer kj_…`` header, or None."""
    if not header or not header.startswith("Bearer "):
        return None
    key = header[7:].strip()
    parts = key.split("_")
    if len(parts) < 3 or parts[0] != "kj" or len(key) > 200:
        return None
    row = db.session.scalars(select(ApiKey).where(ApiKey.prefix == parts[1])).first()
    if row is None or row.revoked_at is not None or not hmac.compare_digest(row.key_hash, _hash(key)):
        return None
    row.last_used_at = datetime.now(UTC)
    return row


def rate_key(header: str | None) -> str | None:
    """The public prefix of an ``Authorization: Bearer kj_…`` header (the rate limit counts per key), or None."""
    if not header or not header.startswith("Bearer kj_"):
        return None
    prefix = header[10:].split("_", 1)[0]
    return prefix if len(prefix) == 8 else None


def earlier_request(key: ApiKey, idempotency_key: str, now: datetime | None = None) -> IdempotentRequest | None:
    """The request this key made with an ``Idempotency-Key`` in the last :data:`IDEMPOTENCY_KEEP`, or None. An
    older answer is deleted here (flushes), so the key can start a new request even before the purge ran."""
    stmt = select(IdempotentRequest).where(
        IdempotentRequest.api_key_id == key.id, IdempotentRequest.key == idempotency_key
    )
    row = db.session.scalars(stmt).first()
    if row is not None and _as_utc(row.created_at) <= (now or datetime.now(UTC)) - IDEMPOTENCY_KEEP:
        db.session.delete(row)
        db.session.flush()
        return None
    return row


def purge_idempotency_keys(now: datetime | None = None) -> int:
    """Delete the answers kept longer than :data:`IDEMPOTENCY_KEEP` (the mail worker runs this hourly; flushes);
    returns how many went."""
    cutoff = (now or datetime.now(UTC)) - IDEMPOTENCY_KEEP
    result = db.session.execute(delete(IdempotentRequest).where(IdempotentRequest.created_at <= cutoff))
    return result.rowcount or 0


def _as_utc(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back (stored in UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def remember_request(key: ApiKey, idempotency_key: str, fingerprint: str, status: int, body: dict) -> None:
    """Keep a write request's answer for replays (flushes; a concurrent twin fails on the unique key)."""
    db.session.add(
        IdempotentRequest(api_key_id=key.id, key=idempotency_key, fingerprint=fingerprint, status=status, body=body)
    )
    db.session.flush()
