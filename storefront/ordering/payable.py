"""The shop order as a payable: how payments reach orders (registered as kind ``order``)."""

from __future__ import annotations

from storefront.core.money import Money
from storefront.extensions import db
from storefront.ordering import operations as ops
from storefront.ordering.models import Order
from storefront.ordering.states import UNPAID, Cause, OrderStatus
from storefront.payments import payables
from storefront.payments.payables import PayableKind, PaymentResult

KIND = "order"


def _load(order_id: int) -> Order | None:
    return db.session.get(Order, order_id)


def _amount_due(order: Order) -> Money:
    return Money(order.total_minor, order.currency)


def _is_open(order: Order) -> bool:
    return order.status in UNPAID


def _succeeded(order: Order, result: PaymentResult) -> str:
    cause = Cause.TRANSFER_CONFIRMED if result.source == "operator" else Cause.PAYMENT_SUCCEEDED
    return ops.mark_paid(order, payment_ref=result.ref, cause=cause, actor=result.actor)


def _failed(order: Order, result: PaymentResult) -> None:
    if order.status == OrderStatus.PENDING_PAYMENT:
        ops.mark_payment_failed(order, code=result.code or "card_declined", actor=result.actor)


def _mismatch(order: Order, result: PaymentResult) -> None:
    paid = f"{result.amount.minor} {result.amount.currency}"
    detail = f"{result.ref}: {paid}, due {order.total_minor} {order.currency}"
    ops.flag(order, "amount_mismatch", cause=Cause.AMOUNT_MISMATCH, actor=result.actor, detail=detail)


def register() -> None:
    """Register shop orders with the payments layer."""
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
        )
    )
