"""Refunds: the one function that gives money back (card through the gateway, bank transfer recorded), its
webhook confirmation, and the queue of refund proposals for operators.

A refund row is written and COMMITTED before the gateway is called (like a payment attempt), with a
per-payable ``sequence`` that is unique: of two refunds started at once exactly one can be written, the
other is refused and changes nothing. The ledger entries are posted when the gateway confirms.
"""

from __future__ import annotations

import logging
import secrets

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from storefront.core.errors import CodedError
from storefront.core.money import Money
from storefront.extensions import db
from storefront.ledger import operations as ledger
from storefront.ledger.models import EntryKind, LedgerEntry
from storefront.ordering.models import SubOrder
from storefront.payments import payables
from storefront.payments.current_gateway import get_gateway
from storefront.payments.gateway import GatewayError, NotFound, RefundInfo, WebhookEvent
from storefront.payments.models import PaymentEvent, Refund, RefundProposal, RefundStatus

log = logging.getLogger(__name__)
REFUND_EVENTS = ("charge.refunded", "refund.updated", "refund.created", "charge.refund.updated")
_CASH = (ledger.CASH_STRIPE, ledger.CASH_BANK)

MESSAGES = {
    "amount": _l("Enter a refund amount greater than zero."),
    "too_much": _l("That is more than can still be refunded (%(left)s). Nothing was refunded."),
    "not_paid": _l("This order has no payment left to refund."),
    "busy": _l(
        "Another refund of this order was being recorded at the same moment, so this one was not made. "
        "Reload the page and check the refunds before trying again."
    ),
    "bank_ref": _l("Enter the bank reference of the refund transfer."),
    "gateway": _l("The payment service did not accept the refund; nothing was refunded. Please try again later."),
}


class RefundError(CodedError):
    """A refund that cannot be made; ``message`` is translated for the person who asked."""

    MESSAGES = MESSAGES


def _cash_received(kind: str, payable_id: int, payment_ref: str) -> Money | None:
    row = db.session.execute(
        select(LedgerEntry.currency, func.sum(LedgerEntry.amount_minor))
        .where(
            LedgerEntry.payable_kind == kind,
            LedgerEntry.payable_id == payable_id,
            LedgerEntry.payment_ref == payment_ref,
            LedgerEntry.kind == EntryKind.CHARGE,
            LedgerEntry.account.in_(_CASH),
        )
        .group_by(LedgerEntry.currency)
    ).first()
    return Money(int(row[1]), row[0]) if row and row[1] else None


def _open_refunds(kind: str, payable_id: int, payment_ref: str, sub_order_id: int | None = None) -> int:
    query = select(func.coalesce(func.sum(Refund.amount_minor), 0)).where(
        Refund.payable_kind == kind,
        Refund.payable_id == payable_id,
        Refund.payment_ref == payment_ref,
        Refund.status != RefundStatus.FAILED,
    )
    if sub_order_id is not None:
        query = query.where(Refund.sub_order_id == sub_order_id)
    return int(db.session.scalar(query) or 0)


def remaining_by_account(payment_ref: str) -> dict[str, int]:
    """What each seller (or suspense) still holds of a payment: credited by the charge, less refunds."""
    rows = db.session.execute(
        select(LedgerEntry.account, func.sum(LedgerEntry.amount_minor))
        .where(
            LedgerEntry.payment_ref == payment_ref,
            LedgerEntry.kind.in_([EntryKind.CHARGE, EntryKind.REFUND]),
            LedgerEntry.account.not_in(_CASH),
        )
        .group_by(LedgerEntry.account)
    ).all()
    return {account: -int(total) for account, total in rows if -int(total) > 0}


def _sub_order_account(sub_order) -> str:
    return ledger.seller_account("merchant", sub_order.merchant_id)


def refundable(kind: str, payable, sub_order=None, payment_ref: str | None = None) -> Money | None:
    """What can still be refunded of the payable's payment (of one merchant's part when ``sub_order``)."""
    payment_ref = payment_ref or getattr(payable, "payment_ref", "") or ""
    received = _cash_received(kind, payable.id, payment_ref) if payment_ref else None
    if received is None:
        return None
    left = received.minor - _open_refunds(kind, payable.id, payment_ref)
    if sub_order is not None:
        share = remaining_by_account(payment_ref).get(_sub_order_account(sub_order), 0)
        pending = int(
            db.session.scalar(
                select(func.coalesce(func.sum(Refund.amount_minor), 0)).where(
                    Refund.sub_order_id == sub_order.id, Refund.status == RefundStatus.PENDING
                )
            )
            or 0
        )
        left = min(left, share - pending)
    return Money(max(left, 0), received.currency)


def refunds_of(kind: str, payable_id: int) -> list[Refund]:
    """Every refund of a payable, oldest first (for order pages)."""
    return list(
        db.session.scalars(
            select(Refund).where(Refund.payable_kind == kind, Refund.payable_id == payable_id).order_by(Refund.sequence)
        )
    )


def refund(
    kind: str,
    payable,
    amount_minor: int | None,
    *,
    actor: str,
    reason: str = "",
    sub_order=None,
    bank_ref: str = "",
    payment_ref: str | None = None,
) -> Refund:
    """Refund part or all of a paid payable; raises :class:`RefundError` (nothing changed) when it cannot.

    Card payments: a Stripe refund with an idempotency key; bank transfers: recorded with ``bank_ref``.
    Commits twice: the pending refund before the gateway call, and its outcome after it.
    """
    if amount_minor is None or amount_minor <= 0:
        raise RefundError("amount")
    payment_ref = payment_ref or payable.payment_ref or ""
    # The sequence is read BEFORE what is left: a refund committed in between either took this sequence
    # (our insert fails on the unique key) or is already counted in ``left``. The other order would let a
    # refund read a stale ``left`` and a fresh sequence, and both refunds would pass.
    sequence = _next_sequence(kind, payable.id)
    left = _checked_left(kind, payable, amount_minor, sub_order, payment_ref)
    method = "card" if payment_ref.startswith("pi_") else "bank"
    bank_ref = _checked_bank_ref(method, bank_ref)
    row = Refund(
        payable_kind=kind,
        payable_id=payable.id,
        sequence=sequence,
        sub_order_id=sub_order.id if sub_order is not None else None,
        payment_ref=payment_ref,
        method=method,
        amount_minor=amount_minor,
        currency=left.currency,
        status=RefundStatus.PENDING,
        idempotency_key=f"kj-refund-{kind}-{payable.id}-{sequence}-{secrets.token_hex(4)}",
        provider_ref=f"bank:{bank_ref}" if method == "bank" else None,
        reason=(reason or "").strip()[:500],
        actor=actor[:40],
    )
    _commit_pending(row)
    if method == "bank":
        complete(row)
        return row
    _refund_by_card(row, kind, payable, payment_ref)
    return row


def _next_sequence(kind: str, payable_id: int) -> int:
    """The payable's next refund sequence (unique: a racing refund that takes it first makes ours fail)."""
    return 1 + int(
        db.session.scalar(
            select(func.coalesce(func.max(Refund.sequence), 0)).where(
                Refund.payable_kind == kind, Refund.payable_id == payable_id
            )
        )
        or 0
    )


def _checked_left(kind: str, payable, amount_minor: int, sub_order, payment_ref: str) -> Money:
    """What is left to refund, when ``amount_minor`` fits in it (raises RefundError otherwise)."""
    left = refundable(kind, payable, sub_order, payment_ref)
    if left is None or left.minor <= 0:
        raise RefundError("not_paid")
    if amount_minor > left.minor:
        raise RefundError("too_much", left=left.format())
    return left


def _checked_bank_ref(method: str, bank_ref: str) -> str:
    """The bank reference trimmed to fit, required for bank refunds (raises RefundError)."""
    bank_ref = (bank_ref or "").strip()[:60]
    if method == "bank" and not bank_ref:
        raise RefundError("bank_ref")
    return bank_ref


def _commit_pending(row: Refund) -> None:
    """Write the pending refund; RefundError "busy" when a racing refund took its sequence first."""
    db.session.add(row)
    try:
        db.session.commit()  # the refund exists before the gateway is asked; a racing one fails here
    except (IntegrityError, OperationalError) as exc:
        db.session.rollback()
        raise RefundError("busy") from exc


def _refund_by_card(row: Refund, kind: str, payable, payment_ref: str) -> None:
    """Ask the gateway for the committed card refund; on refusal mark it failed, commit and raise RefundError."""
    try:
        info = get_gateway().create_refund(
            payment_ref,
            row.amount,
            idempotency_key=row.idempotency_key,
            metadata={"refund": row.idempotency_key, "payable": f"{kind}:{payable.id}"},
        )
    except GatewayError as exc:
        db.session.rollback()
        _fail(row, str(exc)[:500])
        db.session.commit()
        raise RefundError("gateway") from exc
    row.provider_ref = info.ref
    db.session.flush()
    apply_refund(row, info)


def apply_refund(row: Refund, info: RefundInfo) -> str:
    """Move our refund on what the gateway says: succeeded → booked; failed/canceled → failed."""
    if info.status == "succeeded":
        return "refunded" if complete(row) else "duplicate"
    if info.status in {"failed", "canceled"}:
        return "refund_failed" if _fail(row, f"gateway: {info.status}") else "duplicate"
    return "pending"


def _fail(row: Refund, why: str) -> bool:
    result = db.session.execute(
        update(Refund)
        .where(Refund.id == row.id, Refund.status == RefundStatus.PENDING)
        .values(status=RefundStatus.FAILED, failure=why, updated_at=func.now())
        .execution_options(synchronize_session=False)
    )
    db.session.expire(row)
    return result.rowcount == 1


def _allocation(row: Refund) -> list[tuple[str, int]]:
    remaining = remaining_by_account(row.payment_ref)
    if row.sub_order_id is not None:
        sub = db.session.get(SubOrder, row.sub_order_id)
        return [(_sub_order_account(sub), row.amount_minor)]
    total = sum(remaining.values())
    if total <= 0:
        return [(ledger.SUSPENSE, row.amount_minor)]
    parts, given = [], 0
    accounts = sorted(remaining, key=lambda a: (-remaining[a], a))
    for account in accounts[1:]:
        part = row.amount_minor * remaining[account] // total
        parts.append((account, part))
        given += part
    parts.insert(0, (accounts[0], row.amount_minor - given))
    return [(a, m) for a, m in parts if m]


def complete(row: Refund) -> bool:
    """The money went back: pending → succeeded once, ledger entries, the payable's hook (stock, e-mail)."""
    result = db.session.execute(
        update(Refund)
        .where(Refund.id == row.id, Refund.status == RefundStatus.PENDING)
        .values(status=RefundStatus.SUCCEEDED, updated_at=func.now())
        .execution_options(synchronize_session=False)
    )
    db.session.expire(row)
    if result.rowcount != 1:
        return False
    cash = ledger.CASH_STRIPE if row.method == "card" else ledger.CASH_BANK
    ledger.post_refund(
        row.payable_kind,
        row.payable_id,
        row.amount,
        row.payment_ref,
        row.provider_ref or row.idempotency_key,
        _allocation(row),
        cash=cash,
    )
    hooks = payables.get(row.payable_kind)
    payable = hooks.load(row.payable_id)
    if hooks.on_refunded is not None and payable is not None:
        hooks.on_refunded(payable, row)
    db.session.execute(
        update(RefundProposal)
        .where(
            RefundProposal.payable_kind == row.payable_kind,
            RefundProposal.payable_id == row.payable_id,
            RefundProposal.status == "open",
        )
        .values(status="done", refund_id=row.id)
        .execution_options(synchronize_session=False)
    )
    db.session.flush()
    return True


def _ours(info: RefundInfo) -> Refund | None:
    row = db.session.scalars(select(Refund).where(Refund.provider_ref == info.ref)).first()
    if row is None and info.metadata.get("refund"):
        row = db.session.scalars(
            select(Refund).where(Refund.idempotency_key == info.metadata["refund"], Refund.provider_ref.is_(None))
        ).first()
        if row is not None:
            row.provider_ref = info.ref
            db.session.flush()
    return row


def refund_event(event: WebhookEvent, event_row: PaymentEvent) -> str:
    """``charge.refunded`` / ``refund.updated``: read the refund(s) back from the gateway and apply them."""
    gateway = get_gateway()
    try:
        if event.object_type == "refund":
            infos = [gateway.retrieve_refund(event.object_id)]
        elif event.intent_ref:
            infos = gateway.list_refunds(event.intent_ref)
        else:
            event_row.reason = "no refund or payment intent in the event"
            return "rejected"
    except NotFound:
        return "unknown"
    outcomes = []
    for info in infos:
        row = _ours(info)
        if row is None:
            continue
        claimed = event.refund
        reasons = []
        if claimed is not None and claimed.ref == info.ref and claimed.amount_minor != info.amount_minor:
            reasons.append(f"amount: event says {claimed.amount_minor}, gateway says {info.amount_minor}")
        if (info.amount_minor, info.currency) != (row.amount_minor, row.currency):
            reasons.append(f"refund {info.amount_minor} {info.currency} is not {row.amount_minor} {row.currency}")
        if info.intent_ref and info.intent_ref != row.payment_ref:
            reasons.append(f"payment {info.intent_ref} is not {row.payment_ref}")
        if reasons:
            event_row.reason = "; ".join(reasons)
            return "rejected"
        outcomes.append(apply_refund(row, info))
    if not outcomes:
        return "unknown"
    return next((o for o in outcomes if o != "duplicate"), "duplicate")


def propose(
    kind: str,
    payable,
    cause: str,
    *,
    amount: Money | None = None,
    sub_order=None,
    detail: str = "",
    payment_ref: str | None = None,
) -> RefundProposal | None:
    """Queue a refund for an operator to make (once per payable, cause and sub-order while open)."""
    payment_ref = payment_ref or getattr(payable, "payment_ref", "") or ""
    left = refundable(kind, payable, sub_order, payment_ref)
    amount = amount or left
    if amount is None or amount.minor <= 0:
        return None
    existing = db.session.scalars(
        select(RefundProposal).where(
            RefundProposal.payable_kind == kind,
            RefundProposal.payable_id == payable.id,
            RefundProposal.cause == cause,
            RefundProposal.status == "open",
            RefundProposal.sub_order_id.is_(None) if sub_order is None else RefundProposal.sub_order_id == sub_order.id,
        )
    ).first()
    if existing is not None:
        return existing
    proposal = RefundProposal(
        payable_kind=kind,
        payable_id=payable.id,
        sub_order_id=sub_order.id if sub_order is not None else None,
        amount_minor=amount.minor,
        currency=amount.currency,
        cause=cause[:24],
        detail=detail[:500],
        payment_ref=payment_ref,
    )
    db.session.add(proposal)
    db.session.flush()
    return proposal


def open_proposals() -> list[RefundProposal]:
    """The operator's queue."""
    return list(
        db.session.scalars(select(RefundProposal).where(RefundProposal.status == "open").order_by(RefundProposal.id))
    )


def dismiss(proposal: RefundProposal) -> None:
    """The operator decided not to refund."""
    proposal.status = "dismissed"
    db.session.flush()
