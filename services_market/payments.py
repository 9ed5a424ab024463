"""Service orders as a payable of the shared payment module (kind ``service_order``).

The card part of a service order is collected through :mod:`storefront.payments` like a shop order: the same
gateway, the same append-only transaction log, the same ``POST /webhooks/stripe`` and the same idempotent
entry point (:func:`storefront.payments.operations.apply_intent`). These hooks only move the service order.
"""

from __future__ import annotations

import logging

from services_market import vouchers
from services_market.constants import Action, OrderStatus, Party
from services_market.order_models import ServiceOrder, ServiceOrderEvent
from storefront.core.money import Money
from storefront.extensions import db
from storefront.ledger.operations import Share, post_voucher_subsidy, seller_account
from storefront.payments import payables, refunds
from storefront.payments.payables import PayableKind, PaymentResult

log = logging.getLogger(__name__)
KIND = "service_order"


def _load(order_id: int) -> ServiceOrder | None:
    return db.session.get(ServiceOrder, order_id)


def _amount_due(order: ServiceOrder) -> Money:
    return Money(order.card_fen, "CNY")


def _is_open(order: ServiceOrder) -> bool:
    return order.status == OrderStatus.PENDING_PAYMENT.value and order.card_fen > 0


def _note(order: ServiceOrder, note: str) -> None:
    """Record a payment fact on the order's timeline without changing its status."""
    db.session.add(
        ServiceOrderEvent(
            order_id=order.id,
            action="payment",
            from_status=order.status,
            to_status=order.status,
            party=Party.SYSTEM.value,
            note=note,
        )
    )
    db.session.flush()


def _succeeded(order: ServiceOrder, result: PaymentResult) -> str:
    from services_market.orders import transition

    if _is_open(order):
        order.payment_ref = result.ref
        transition(order, Action.PAY, None, Party.SYSTEM, note=result.ref)
        return "paid"
    # Money for an order that is no longer waiting (cancelled meanwhile, or paid twice): give it back.
    order.refund_state = "due"
    _note(order, f"late or second payment {result.ref}: refund due")
    return "refund_due"


def _failed(order: ServiceOrder, result: PaymentResult) -> None:
    _note(order, f"card declined: {result.code or 'card_declined'}")


def _mismatch(order: ServiceOrder, result: PaymentResult) -> None:
    order.refund_state = "due"
    _note(
        order,
        f"amount mismatch {result.ref}: {result.amount.minor} {result.amount.currency}, "
        f"due {order.card_fen} CNY",
    )


def refund(order: ServiceOrder) -> None:
    """Card money of a declined or cancelled order: marked due and queued for the operator, who refunds it
    through the shared refund function (:func:`storefront.payments.refunds.refund`)."""
    log.info("service order %s: card refund of %s fen due", order.number, order.card_fen)
    _note(order, f"card refund due: {order.card_fen} fen ({order.payment_ref})")
    refunds.propose(KIND, order, "provider_declined", detail=order.number)


def _refunded(order: ServiceOrder, row) -> None:
    left = refunds.refundable(KIND, order)
    order.refund_state = "done" if left is None or left.minor == 0 else "partial"
    _note(order, f"refunded {row.amount_minor} {row.currency} ({row.provider_ref or ''})")


def post_subsidy(order: ServiceOrder) -> None:
    """Ledger: a completed order's voucher part is paid to the provider from the voucher budget."""
    if order.voucher_fen > 0:
        voucher = vouchers.voucher_of(order)
        post_voucher_subsidy(
            order.id,
            seller_account("provider", order.provider_id),
            Money(order.voucher_fen, "CNY"),
            voucher.code if voucher is not None else "",
        )


def _shares(order: ServiceOrder) -> list[Share]:
    """The card part belongs to the provider; commission per service category."""
    return [
        Share(
            account=seller_account("provider", order.provider_id),
            amount_minor=order.card_fen,
            commissionable=((order.card_fen, f"service:{order.category}"),),
        )
    ]


def register() -> None:
    """Register service orders with the payments layer."""
    payables.register(
        PayableKind(
            kind=KIND,
            load=_load,
            amount_due=_amount_due,
            reference=lambda order: order.number,
            is_open=_is_open,
            on_succeeded=_succeeded,
            on_failed=_failed,
            on_mismatch=_mismatch,
            shares=_shares,
            on_refunded=_refunded,
        )
    )
