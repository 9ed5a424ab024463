"""Payment state changes. :func:`apply_intent` is the one entry point that moves a payable on a gateway
result, whether it comes from the buyer's confirm, their return from 3-D Secure, or a webhook; it is
idempotent.

Operations flush, never commit; the request or command commits once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select, update

from storefront.core.money import Money
from storefront.extensions import db
from storefront.payments import payables
from storefront.payments.gateway import CardDeclined, IntentInfo, WebhookEvent, get_gateway
from storefront.payments.models import IntentStatus, PaymentEvent, PaymentIntentRecord, PaymentTransaction
from storefront.payments.payables import PaymentResult

log = logging.getLogger(__name__)
#: Webhook event types that carry a PaymentIntent result.
INTENT_EVENTS = frozenset({"payment_intent.succeeded", "payment_intent.payment_failed"})


@dataclass(frozen=True)
class CardOutcome:
    """What the payment page should do next: paid, declined, requires_action, pending, closed."""

    status: str
    code: str = ""
    client_secret: str | None = None


def _log(
    rec: PaymentIntentRecord | None,
    kind: str,
    payable_id: int,
    action: str,
    amount: Money,
    *,
    source: str,
    provider: str,
    ref: str = "",
    event_id: str = "",
    code: str = "",
    message: str = "",
    actor: str = "",
    data: dict | None = None,
) -> PaymentTransaction:
    """Append a transaction row."""
    txn = PaymentTransaction(
        intent_id=rec.id if rec else None,
        payable_kind=kind,
        payable_id=payable_id,
        provider=provider,
        action=action,
        amount_minor=amount.minor,
        currency=amount.currency,
        provider_ref=ref,
        event_id=event_id,
        source=source,
        code=code[:60],
        message=message,
        actor=actor,
        data=data or {},
    )
    db.session.add(txn)
    db.session.flush()
    return txn


def _cas(rec: PaymentIntentRecord, to: str, from_: set[str]) -> bool:
    """Move an intent record between statuses atomically; False when another worker got there first."""
    result = db.session.execute(
        update(PaymentIntentRecord)
        .where(PaymentIntentRecord.id == rec.id, PaymentIntentRecord.status.in_(from_))
        .values(status=to, updated_at=func.now())
        .execution_options(synchronize_session=False)
    )
    db.session.expire(rec, ["status", "updated_at"])
    return result.rowcount == 1


def latest_intent(kind: str, payable_id: int) -> PaymentIntentRecord | None:
    """The payable's most recent intent record."""
    return db.session.scalars(
        select(PaymentIntentRecord)
        .where(PaymentIntentRecord.payable_kind == kind, PaymentIntentRecord.payable_id == payable_id)
        .order_by(PaymentIntentRecord.attempt.desc())
    ).first()


def intent_for(kind: str, payable) -> PaymentIntentRecord:
    """The open intent for the payable's amount due, or a new one (idempotency key = kind, id and attempt)."""
    hooks = payables.get(kind)
    due = hooks.amount_due(payable)
    rec = latest_intent(kind, payable.id)
    if rec is not None and rec.status == IntentStatus.OPEN:
        if rec.amount_minor == due.minor and rec.currency == due.currency:
            return rec
        _cas(rec, IntentStatus.SUPERSEDED, {IntentStatus.OPEN})
    attempt = (rec.attempt + 1) if rec is not None else 1
    key = f"kj-{kind}-{payable.id}-{attempt}"
    gateway = get_gateway()
    info = gateway.create_intent(
        due,
        idempotency_key=key,
        metadata={"payable": f"{kind}:{payable.id}", "reference": hooks.reference(payable)},
    )
    rec = PaymentIntentRecord(
        payable_kind=kind,
        payable_id=payable.id,
        provider=gateway.name,
        provider_ref=info.ref,
        idempotency_key=key,
        attempt=attempt,
        amount_minor=due.minor,
        currency=due.currency,
        status=IntentStatus.OPEN,
    )
    db.session.add(rec)
    db.session.flush()
    _log(rec, kind, payable.id, "created", due, source="create", provider=gateway.name, ref=info.ref)
    return rec


def confirm_card(
    kind: str, payable, payment_method: str, *, actor: str, return_url: str | None = None
) -> CardOutcome:
    """Pay the payable with a card tokenised by Stripe.js; declines are recorded and reported, not raised."""
    hooks = payables.get(kind)
    if not hooks.is_open(payable):
        return CardOutcome("closed")
    rec = intent_for(kind, payable)
    gateway = get_gateway()
    try:
        info = gateway.confirm_intent(rec.provider_ref, payment_method, return_url)
    except CardDeclined as exc:
        failed = (
            exc.intent
            if exc.intent and exc.intent.status == "failed"
            else IntentInfo(
                ref=rec.provider_ref,
                status="failed",
                amount_minor=rec.amount_minor,
                currency=rec.currency,
                error_code=exc.code,
                error_message=exc.message,
            )
        )
        apply_intent(failed, source="confirm", actor=actor)
        return CardOutcome("declined", code=exc.code)
    if info.status == "requires_action":
        return CardOutcome("requires_action", client_secret=info.client_secret)
    outcome = apply_intent(info, source="confirm", actor=actor)
    if info.status == "succeeded":
        return CardOutcome("paid" if outcome in {"paid", "late_paid", "duplicate"} else outcome)
    if info.status == "failed":
        return CardOutcome("declined", code=info.error_code or "card_declined")
    return CardOutcome("pending")


def sync(kind: str, payable, *, actor: str) -> str:
    """Ask the gateway about the payable's latest intent and apply the answer (the buyer's return path)."""
    rec = latest_intent(kind, payable.id)
    if rec is None:
        return "none"
    return apply_intent(get_gateway().retrieve_intent(rec.provider_ref), source="return", actor=actor)


def apply_intent(info: IntentInfo, *, source: str, actor: str = "stripe", event_id: str = "") -> str:
    """Move the payable on a gateway result, once; returns paid, failed, mismatch, duplicate, unknown, …"""
    rec = db.session.scalars(
        select(PaymentIntentRecord).where(PaymentIntentRecord.provider_ref == info.ref)
    ).first()
    if rec is None:
        log.warning("payment intent %s (%s) is not ours or unknown; acknowledged", info.ref, info.status)
        return "unknown"
    hooks = payables.get(rec.payable_kind)
    payable = hooks.load(rec.payable_id)
    if payable is None:
        log.error("payable %s:%s of intent %s is gone", rec.payable_kind, rec.payable_id, info.ref)
        return "unknown"
    paid = info.amount
    result = PaymentResult(
        ref=info.ref,
        amount=paid,
        source=source,
        actor=actor,
        code=info.error_code,
        message=info.error_message,
    )
    common = {
        "source": source,
        "provider": rec.provider,
        "ref": info.ref,
        "event_id": event_id,
        "actor": actor,
    }
    if info.status == "succeeded":
        due = hooks.amount_due(payable)
        if (paid.minor, paid.currency) != (rec.amount_minor, rec.currency) or paid != due:
            if not _cas(
                rec, IntentStatus.MISMATCH, {IntentStatus.OPEN, IntentStatus.FAILED, IntentStatus.SUPERSEDED}
            ):
                return "duplicate"
            _log(
                rec,
                rec.payable_kind,
                rec.payable_id,
                "mismatch",
                paid if paid.minor > 0 else rec.amount,
                code="amount_mismatch",
                message=f"paid {paid.minor} {paid.currency}, due {due.minor} {due.currency}",
                **common,
            )
            hooks.on_mismatch(payable, result)
            return "mismatch"
        if not _cas(
            rec, IntentStatus.SUCCEEDED, {IntentStatus.OPEN, IntentStatus.FAILED, IntentStatus.SUPERSEDED}
        ):
            return "duplicate"
        _log(rec, rec.payable_kind, rec.payable_id, "succeeded", paid, **common)
        return hooks.on_succeeded(payable, result)
    if info.status == "failed":
        if not _cas(rec, IntentStatus.FAILED, {IntentStatus.OPEN}):
            return "duplicate"
        _log(
            rec,
            rec.payable_kind,
            rec.payable_id,
            "failed",
            rec.amount,
            code=info.error_code or "card_declined",
            message=info.error_message,
            **common,
        )
        hooks.on_failed(payable, result)
        return "failed"
    return "pending"


def seen_event(provider: str, event_id: str) -> bool:
    """True when this webhook event was handled before."""
    return (
        db.session.scalar(
            select(func.count(PaymentEvent.id)).where(
                PaymentEvent.provider == provider, PaymentEvent.event_id == event_id
            )
        )
        > 0
    )


def handle_event(provider: str, event: WebhookEvent) -> str:
    """Handle a verified webhook event once; a replay returns "duplicate" and changes nothing."""
    if seen_event(provider, event.id):
        return "duplicate"
    row = PaymentEvent(provider=provider, event_id=event.id, type=event.type)
    db.session.add(row)
    db.session.flush()  # a concurrent delivery of the same event fails here on the unique key
    if event.type in INTENT_EVENTS and event.intent is not None:
        row.outcome = apply_intent(event.intent, source="webhook", actor=provider, event_id=event.id)
    else:
        row.outcome = "ignored"
    db.session.flush()
    return row.outcome


def record_manual_payment(kind: str, payable, amount: Money, reference: str, *, actor: str) -> str:
    """An operator confirms money received outside the gateway (bank transfer): checked like any payment."""
    hooks = payables.get(kind)
    due = hooks.amount_due(payable)
    result = PaymentResult(ref=reference, amount=amount, source="operator", actor=actor)
    if amount != due:
        _log(
            None,
            kind,
            payable.id,
            "mismatch",
            amount,
            source="operator",
            provider="bank_transfer",
            ref=reference,
            code="amount_mismatch",
            message=f"received {amount.minor} {amount.currency}, due {due.minor}",
            actor=actor,
        )
        hooks.on_mismatch(payable, result)
        return "mismatch"
    _log(
        None,
        kind,
        payable.id,
        "manual",
        amount,
        source="operator",
        provider="bank_transfer",
        ref=reference,
        actor=actor,
    )
    return hooks.on_succeeded(payable, result)
