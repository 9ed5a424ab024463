"""Audit log of operator actions: who did what to which object, when, with the values before and after."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, func, inspect
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.core import labels
from storefront.extensions import db

#: What each recorded action means (the services marketplace registers its own with ``labels.register``).
ACTION_LABELS = {
    "filing.submit": _l("Filing submitted"),
    "filing.resubmit": _l("Filing resubmitted"),
    "filing.approve": _l("Filing approved"),
    "filing.reject": _l("Filing rejected"),
    "product.hide": _l("Product hidden by moderation"),
    "product.restore": _l("Product restored"),
    "product.appeal": _l("Appeal against a hide"),
    "product.appeal_reject": _l("Appeal not accepted"),
    "rate.update": _l("Exchange rate changed"),
    "payout_details.update": _l("Payout details changed"),
    "listing.approve": _l("Listing approved"),
    "listing.reject": _l("Listing rejected"),
    "team.set": _l("Team roles set"),
    "team.remove": _l("Removed from the team"),
    "api_key.create": _l("API key created"),
    "api_key.revoke": _l("API key revoked"),
    "webhook.add": _l("Webhook endpoint added"),
    "webhook.remove": _l("Webhook endpoint removed"),
}
#: What kind of object an entry is about (by table).
TARGET_LABELS = {
    "merchants": _l("Merchant"),
    "products": _l("Product"),
    "exchange_rates": _l("Exchange rate"),
    "payout_details": _l("Payout details"),
    "users": _l("User"),
    "api_keys": _l("API key"),
}
#: Names of the fields recorded before/after.
FIELD_LABELS = {
    "status": _l("Status"),
    "rejection_reason": _l("Reason for rejection"),
    "hidden": _l("Hidden"),
    "moderation_reason": _l("Reason for hiding"),
    "rate": _l("Rate"),
    "source": _l("Source"),
    "message": _l("Appeal"),
    "answer": _l("Answer"),
    "bank_name": _l("Bank and branch"),
    "account_name": _l("Name on the account"),
    "account_number": _l("Account number"),
    "swift": "SWIFT/BIC",
}
labels.register("audit_action", ACTION_LABELS)
labels.register("audit_target", TARGET_LABELS)
labels.register("audit_field", FIELD_LABELS)
labels.register("yes_no", {"True": _l("yes"), "False": _l("no")})
labels.register("rate_source", {"form": _l("Form"), "csv": _l("CSV import")})
#: Field → the label kind of its values (other values are shown as they are).
FIELD_VALUE_KINDS = {"status": "filing_status", "hidden": "yes_no", "source": "rate_source"}


class AuditEntry(db.Model):
    """One recorded action; rows are only ever added."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    #: The user who acted (kept as NULL if the account is deleted; ``actor_email`` keeps the name).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    #: The actor's e-mail at the time of the action.
    actor_email: Mapped[str] = mapped_column(String(254), default="")
    #: Dotted action name, e.g. ``filing.approve``, ``product.hide``, ``rate.update``.
    action: Mapped[str] = mapped_column(String(60), index=True)
    #: Kind of object acted on (table name, e.g. ``merchants``).
    target_type: Mapped[str] = mapped_column(String(40))
    #: Primary key of the object, as text.
    target_id: Mapped[str] = mapped_column(String(64))
    #: Relevant fields before the action (None for creations).
    before: Mapped[dict | None] = mapped_column(JSON)
    #: Relevant fields after the action (None for deletions).
    after: Mapped[dict | None] = mapped_column(JSON)

    actor = relationship("User", lazy="joined")

    @property
    def changes_shown(self) -> list[tuple[str, str, str]]:
        """(field, before, after) of the changed fields as people read them (labels, not codes)."""
        out = []
        for key, before, after in self.changed:
            kind = FIELD_VALUE_KINDS.get(key, "")
            out.append((labels.label(key, "audit_field"), labels.label(before, kind), labels.label(after, kind)))
        return out

    @property
    def changed(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for every field whose value differs."""
        before, after = self.before or {}, self.after or {}
        keys = list(dict.fromkeys([*before, *after]))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


def jsonable(value: Any) -> Any:
    """A JSON-safe copy of a value (Decimal and dates as text, enums as values)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    return value


def snapshot(obj: Any, *fields: str) -> dict[str, Any]:
    """Selected attributes of an object as a JSON-safe dict."""
    return {name: jsonable(getattr(obj, name)) for name in fields}


def _target(target: Any) -> tuple[str, str]:
    if isinstance(target, tuple):
        kind, key = target
        return str(kind), str(key)
    if isinstance(target, str):
        return target, ""
    state = inspect(target)
    key = state.identity or ()
    return target.__tablename__, ",".join(str(k) for k in key)


def record(actor, action: str, target: Any, before: dict | None = None, after: dict | None = None) -> AuditEntry:
    """Add an audit entry (flushes; the caller commits with the action it describes)."""
    target_type, target_id = _target(target)
    entry = AuditEntry(
        actor_id=getattr(actor, "id", None),
        actor_email=getattr(actor, "email", "") or "",
        action=action,
        target_type=target_type,
        target_id=target_id,
        before=jsonable(before) if before is not None else None,
        after=jsonable(after) if after is not None else None,
    )
    db.session.add(entry)
    db.session.flush()
    return entry
