"""Payment state changes. :func:`apply_intent` is the one entry point that moves a payable on a gateway
result, whether it comes from the buyer's confirm, their return from 3-D Secure, or a webhook; it is
idempotent.

Operations flush, never commit; the request or command commits once.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import func, select, update

from storefront.core.money import Money
from storefront.extensions import db
from storefront.ledger import operations as ledger
from storefront.payments import payables, refunds
from storefront.payments.current_gateway import get_gateway
from storefront.payments.gateway import CardDeclined, IntentInfo, NotFound, WebhookEvent
from storefront.payments.models import IntentStatus, PaymentEvent, PaymentIntentRecord, PaymentTransaction
from storefront.payments.payables import PaymentResult

log = logging.getLogger(__name__)
#: Webhook event types that carry a PaymentIntent result.
INTENT_EVENTS = frozenset({"payment_intent.succeeded", "payment_intent.payment_failed"})
#: Other event types → handler(event, event_row) → outcome.
_EVENT_HANDLERS: dict = dict.fromkeys(refunds.REFUND_EVENTS, refunds.refund_event)


def register_event_handler(types, handler) -> None:
    """Let another payments module handle webhook event types (same once-only, hint-only rules)."""
    for event_type in types:
        _EVENT_HANDLERS[event_type] = handler


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


def fault_point(name: str) -> None:
    """Tests install ``app.extensions["kj_payment_faults"]`` to crash here (between charge and commit)."""
    hook = current_app.extensions.get("kj_payment_faults")
    if hook is not None:
        hook(name)


def attempt_key(kind: str, payable_id: int, attempt: int) -> str:
    """The idempotency key of an attempt (also stored in the gateway intent's metadata as ``attempt``).

    A random tail keeps keys unique even if ids repeat (a restored or reset database): Stripe would
    otherwise answer a new attempt with an old intent of the same key.
    """
    return f"kj-{kind}-{payable_id}-{attempt}-{secrets.token_hex(4)}"


def begin_attempt(kind: str, payable) -> PaymentIntentRecord:
    """Write a new attempt row (no gateway id yet) and COMMIT it before the gateway is called.

    The one deliberate commit in this module: whatever happens after the gateway call (a crash, a lost
    connection), the attempt and its idempotency key are on record, so a retry reuses the same intent and
    ``payments reconcile`` can match what the gateway charged. Callers must not hold other uncommitted work.
    """
    hooks = payables.get(kind)
    due = hooks.amount_due(payable)
    rec = latest_intent(kind, payable.id)
    attempt = (rec.attempt + 1) if rec is not None else 1
    rec = PaymentIntentRecord(
        payable_kind=kind,
        payable_id=payable.id,
        provider=get_gateway().name,
        provider_ref=None,
        idempotency_key=attempt_key(kind, payable.id, attempt),
        attempt=attempt,
        amount_minor=due.minor,
        currency=due.currency,
        status=IntentStatus.OPEN,
    )
    db.session.add(rec)
    db.session.commit()
    return rec


def find_gateway_intent(rec: PaymentIntentRecord) -> IntentInfo | None:
    """The gateway intent made for this attempt by an earlier, interrupted call (by the metadata key)."""
    created = rec.created_at
    since = int(created.timestamp()) - 3600 if created is not None else 0
    for info in get_gateway().list_intents(since):
        if info.metadata.get("attempt") == rec.idempotency_key:
            return info
    return None


def _create_at_gateway(kind: str, payable, rec: PaymentIntentRecord, *, look_first: bool) -> PaymentIntentRecord:
    """Ask the gateway for the attempt's intent (reusing one an interrupted call made) and record its id."""
    hooks = payables.get(kind)
    gateway = get_gateway()
    info = find_gateway_intent(rec) if look_first else None
    if info is None:
        info = gateway.create_intent(
            rec.amount,
            idempotency_key=rec.idempotency_key,
            metadata={
                "payable": f"{kind}:{payable.id}",
                "reference": hooks.reference(payable),
                "attempt": rec.idempotency_key,
            },
        )
    fault_point("after_gateway_create")
    rec.provider_ref = info.ref
    db.session.flush()
    _log(rec, kind, payable.id, "created", rec.amount, source="create", provider=gateway.name, ref=info.ref)
    return rec


def intent_for(kind: str, payable) -> PaymentIntentRecord:
    """The open intent for the payable's amount due, or a new attempt (written and committed first)."""
    hooks = payables.get(kind)
    due = hooks.amount_due(payable)
    rec = latest_intent(kind, payable.id)
    if rec is not None and rec.status == IntentStatus.OPEN:
        if rec.amount_minor == due.minor and rec.currency == due.currency:
            if rec.provider_ref:
                return rec
            # an earlier call wrote the attempt but never recorded the gateway's answer: find or make it
            return _create_at_gateway(kind, payable, rec, look_first=True)
        _cas(rec, IntentStatus.SUPERSEDED, {IntentStatus.OPEN})
    rec = begin_attempt(kind, payable)
    return _create_at_gateway(kind, payable, rec, look_first=False)


def confirm_card(kind: str, payable, payment_method: str, *, actor: str, return_url: str | None = None) -> CardOutcome:
    """Pay the payable with a card tokenised by Stripe.js; declines are recorded and reported, not raised."""
    hooks = payables.get(kind)
    if not hooks.is_open(payable):
        return CardOutcome("closed")
    rec = intent_for(kind, payable)
    gateway = get_gateway()
    current = gateway.retrieve_intent(rec.provider_ref)
    if current.status == "processing":
        return CardOutcome("pending")
    if current.status == "succeeded":
        # charged already (e.g. our commit was lost after an earlier confirm): settle it, never charge twice
        outcome = apply_verified(rec, current, source="confirm", actor=actor)
        return CardOutcome("paid" if outcome in {"paid", "late_paid", "duplicate"} else outcome)
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
    fault_point("after_gateway_confirm")
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
    rec = db.session.scalars(select(PaymentIntentRecord).where(PaymentIntentRecord.provider_ref == info.ref)).first()
    if rec is None:
        log.warning("payment intent %s (%s) is not ours or unknown; acknowledged", info.ref, info.status)
        return "unknown"
    hooks = payables.get(rec.payable_kind)
    payable = hooks.load(rec.payable_id)
    if payable is None:
        log.error("payable %s:%s of intent %s is gone", rec.payable_kind, rec.payable_id, info.ref)
        return "unknown"
    result = PaymentResult(
        ref=info.ref,
        amount=info.amount,
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
        return _intent_succeeded(rec, hooks, payable, result, common)
    if info.status == "failed":
        return _intent_failed(rec, hooks, payable, result, common)
    return "pending"


def _intent_succeeded(rec: PaymentIntentRecord, hooks, payable, result: PaymentResult, common: dict) -> str:
    """The intent succeeded: mark it paid (or a mismatch when it is not what is due), log and book the money."""
    paid = result.amount
    due = hooks.amount_due(payable)
    if (paid.minor, paid.currency) != (rec.amount_minor, rec.currency) or paid != due:
        return _intent_mismatch(rec, hooks, payable, result, due, common)
    if not _cas(rec, IntentStatus.SUCCEEDED, {IntentStatus.OPEN, IntentStatus.FAILED, IntentStatus.SUPERSEDED}):
        return "duplicate"
    _log(rec, rec.payable_kind, rec.payable_id, "succeeded", paid, **common)
    outcome = hooks.on_succeeded(payable, result)
    post_received(rec.payable_kind, payable, paid, result.ref, outcome, cash=ledger.CASH_STRIPE)
    return outcome


def _intent_mismatch(rec: PaymentIntentRecord, hooks, payable, result: PaymentResult, due: Money, common: dict) -> str:
    """The intent paid another amount than the record or the payable asks: mismatch, logged, money booked."""
    paid = result.amount
    if not _cas(rec, IntentStatus.MISMATCH, {IntentStatus.OPEN, IntentStatus.FAILED, IntentStatus.SUPERSEDED}):
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
    if paid.minor > 0:
        post_received(rec.payable_kind, payable, paid, result.ref, "mismatch", cash=ledger.CASH_STRIPE)
    return "mismatch"


def _intent_failed(rec: PaymentIntentRecord, hooks, payable, result: PaymentResult, common: dict) -> str:
    """The intent failed: mark it failed once, log it and tell the payable."""
    if not _cas(rec, IntentStatus.FAILED, {IntentStatus.OPEN}):
        return "duplicate"
    _log(
        rec,
        rec.payable_kind,
        rec.payable_id,
        "failed",
        rec.amount,
        code=result.code or "card_declined",
        message=result.message,
        **common,
    )
    hooks.on_failed(payable, result)
    return "failed"


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


def record_for(info: IntentInfo) -> PaymentIntentRecord | None:
    """Our attempt for a gateway intent: by its id, else by the attempt key in its metadata (an attempt whose
    gateway answer was lost gets the id recorded now)."""
    rec = db.session.scalars(select(PaymentIntentRecord).where(PaymentIntentRecord.provider_ref == info.ref)).first()
    if rec is not None:
        return rec
    key = str(info.metadata.get("attempt") or "")
    if not key:
        return None
    rec = db.session.scalars(
        select(PaymentIntentRecord).where(
            PaymentIntentRecord.idempotency_key == key, PaymentIntentRecord.provider_ref.is_(None)
        )
    ).first()
    if rec is not None:
        rec.provider_ref = info.ref
        db.session.flush()
    return rec


def verify_intent(rec: PaymentIntentRecord, info: IntentInfo) -> str:
    """Why the gateway's intent does not belong to our record ("" when it does): payable in the metadata,
    currency, amount and, once succeeded, the amount received."""
    payable = f"{rec.payable_kind}:{rec.payable_id}"
    if info.metadata.get("payable") != payable:
        return f"metadata payable {info.metadata.get('payable')!r} is not {payable}"
    if info.currency != rec.currency:
        return f"currency {info.currency} is not {rec.currency}"
    if info.amount_minor != rec.amount_minor:
        return f"amount {info.amount_minor} is not {rec.amount_minor}"
    if info.status == "succeeded" and info.amount_received != rec.amount_minor:
        return f"amount received {info.amount_received} is not {rec.amount_minor}"
    return ""


def apply_verified(rec: PaymentIntentRecord, info: IntentInfo, *, source: str, actor: str, event_id: str = "") -> str:
    """Apply what the gateway says about ``rec`` once verified; "rejected" (nothing changes) otherwise."""
    reason = verify_intent(rec, info)
    if reason:
        log.warning("intent %s does not match attempt %s: %s", info.ref, rec.idempotency_key, reason)
        return "rejected"
    return apply_intent(info, source=source, actor=actor, event_id=event_id)


def _intent_event(event: WebhookEvent, row: PaymentEvent) -> str:
    """A PaymentIntent event is a hint: read the intent from the gateway and act on that, if it is ours."""
    claimed = event.intent
    if claimed is None or not claimed.ref:
        row.reason = "no payment intent in the event"
        return "rejected"
    try:
        info = get_gateway().retrieve_intent(claimed.ref)
    except NotFound:
        log.warning("intent %s is unknown to the gateway; event %s acknowledged", claimed.ref, event.id)
        return "unknown"
    rec = record_for(info)
    if rec is None:
        log.warning("payment intent %s (%s) is not ours or unknown; acknowledged", info.ref, info.status)
        return "unknown"
    differs = [
        f"{name}: event says {said!r}, gateway says {real!r}"
        for name, said, real in (
            ("status", claimed.status, info.status),
            ("amount", claimed.amount_minor, info.amount_minor),
            ("currency", claimed.currency, info.currency),
        )
        if said != real and not (name == "status" and event.type == "payment_intent.payment_failed")
    ]
    if event.type == "payment_intent.succeeded" and info.status != "succeeded":
        differs.insert(0, f"event says succeeded, gateway says {info.status}")
    reason = "; ".join(dict.fromkeys(differs)) or verify_intent(rec, info)
    if reason:
        row.reason = reason
        log.warning("rejected event %s about %s: %s", event.id, info.ref, reason)
        return "rejected"
    return apply_intent(info, source="webhook", actor=row.provider, event_id=event.id)


def handle_event(provider: str, event: WebhookEvent) -> str:
    """Handle a verified webhook event once; a replay returns "duplicate" and changes nothing.

    The event is only a hint: the object is read back from the gateway, and only what the gateway says is
    applied — if it matches our record. Otherwise the event is stored as "rejected" with the reason.
    Raises :class:`GatewayError` when the gateway cannot be asked (the caller answers 503: Stripe retries).
    """
    if seen_event(provider, event.id):
        return "duplicate"
    row = PaymentEvent(provider=provider, event_id=event.id, type=event.type, object_ref=event.object_id[:80])
    db.session.add(row)
    db.session.flush()  # a concurrent delivery of the same event fails here on the unique key
    if event.type in INTENT_EVENTS:
        row.outcome = _intent_event(event, row)
    elif event.type in _EVENT_HANDLERS:
        row.outcome = _EVENT_HANDLERS[event.type](event, row)
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
        post_received(kind, payable, amount, reference, "mismatch", cash=ledger.CASH_BANK)
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
    outcome = hooks.on_succeeded(payable, result)
    post_received(kind, payable, amount, reference, outcome, cash=ledger.CASH_BANK)
    return outcome


#: Outcomes of a payment whose money belongs to the sellers (others wait in suspense for a refund).
ALLOCATED = frozenset({"paid", "late_paid", "deposit_paid"})
#: Outcomes that queue a refund proposal for the operator (money nobody can keep).
PROPOSE_REFUND = frozenset({"refund_due", "double_payment", "mismatch"})


def post_received(kind: str, payable, amount: Money, ref: str, outcome: str, *, cash: str) -> None:
    """Ledger: money received for a payable — to its sellers when it paid the payable, else to suspense."""
    if outcome == "duplicate" or amount.minor <= 0:
        return
    hooks = payables.get(kind)
    shares = hooks.shares(payable) if (outcome in ALLOCATED and hooks.shares is not None) else None
    ledger.post_charge(kind, payable.id, amount, ref, shares, cash=cash)
    if shares is None and outcome in PROPOSE_REFUND:
        refunds.propose(kind, payable, outcome, amount=amount, payment_ref=ref, detail=ref)
