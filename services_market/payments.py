"""Service orders as a payable of the shared payment module (kind ``service_order``).

The card part of a service order is collected through :mod:`storefront.payments` like a shop order: the same
gateway, the same append-only transaction log, the same ``POST /webhooks/stripe`` and the same idempotent
entry point (:func:`storefront.payments.operations.apply_intent`). These hooks only move the service order.
"""

from __future__ import annotations

from services_market.constants import Action, OrderStatus, Party
from services_market.order_models import ServiceOrder
from services_market.order_money import KIND, note
from services_market.orders import transition
from storefront.core.money import Money
from storefront.extensions import db
from storefront.ledger.operations import Share, seller_account
from storefront.payments import payables, refunds
from storefront.payments.payables import PayableKind, PaymentResult


def _load(order_id: int) -> ServiceOrder | None:
    return db.session.get(ServiceOrder, order_id)


def _amount_due(order: ServiceOrder) -> Money:
    return Money(order.card_fen, "CNY")


def _is_open(order: ServiceOrder) -> bool:
    return order.status == OrderStatus.PENDING_PAYMENT.value and order.card_fen > 0


def _succeeded(order: ServiceOrder, result: PaymentResult) -> str:
    if _is_open(order):
        order.payment_ref = result.ref
        transition(order, Action.PAY, None, Party.SYSTEM, note=result.ref)
        return "paid"
    # Money for an order that is no longer waiting (cancelled meanwhile, or paid twice): give it back.
    order.refund_state = "due"
    note(order, f"late or second payment {result.ref}: refund due")
    return "refund_due"


def _failed(order: ServiceOrder, result: PaymentResult) -> None:
    note(order, f"card declined: {result.code or 'card_declined'}")


def _mismatch(order: ServiceOrder, result: PaymentResult) -> None:
    order.refund_state = "due"
    note(
        order,
        f"amount mismatch {result.ref}: {result.amount.minor} {result.amount.currency}, due {order.card_fen} CNY",
    )


def _refunded(order: ServiceOrder, row) -> None:
    left = refunds.refundable(KIND, order)
    order.refund_state = "done" if left is None or left.minor == 0 else "partial"
    note(order, f"refunded {row.amount_minor} {row.currency} ({row.provider_ref or ''})")


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
            delivered_at=_completed_at,
        )
    )


def _completed_at(order_id: int, _provider_id: int):
    """When the service order was completed (accepted by the merchant); None before."""
    order = db.session.get(ServiceOrder, order_id)
    return order.completed_at if order is not None else None
