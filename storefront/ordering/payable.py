"""The shop order as a payable: how payments reach orders (registered as kind ``order``)."""

from __future__ import annotations

from sqlalchemy import select

from storefront.catalog.models import Product
from storefront.core.money import Money
from storefront.extensions import db
from storefront.ledger.operations import Share, seller_account
from storefront.ordering import instalments, mail, stock
from storefront.ordering import operations as ops
from storefront.ordering.models import Order, SubOrder
from storefront.ordering.signals import order_refunded
from storefront.ordering.states import UNPAID, Cause, OrderStatus
from storefront.payments import payables, refunds
from storefront.payments.payables import PayableKind, PaymentResult

KIND = "order"


def _load(order_id: int) -> Order | None:
    return db.session.get(Order, order_id)


def _amount_due(order: Order) -> Money:
    return instalments.amount_due(order)  # the whole order, or its next T/T instalment


def _is_open(order: Order) -> bool:
    return order.status in UNPAID or order.status == OrderStatus.DEPOSIT_PAID


def _succeeded(order: Order, result: PaymentResult) -> str:
    cause = Cause.TRANSFER_CONFIRMED if result.source == "operator" else Cause.PAYMENT_SUCCEEDED
    if instalments.cancelled(order):  # cancelled after its deposit: the balance cannot be paid any more
        ops.flag(order, "refund_due", cause=Cause.BALANCE_AFTER_CANCEL, actor=result.actor, detail=result.ref)
        return "refund_due"  # the money waits in suspense with a refund proposal
    due = instalments.next_due(order)
    if due is not None and due.kind == "deposit":
        if not ops.transition(
            order, OrderStatus.DEPOSIT_PAID, cause=Cause.DEPOSIT_CONFIRMED, actor=result.actor, detail=result.ref
        ):
            ops.flag(order, "refund_due", cause=Cause.DEPOSIT_CONFIRMED, actor=result.actor, detail=result.ref)
            return "refund_due"  # the order is no longer waiting for it (cancelled): the money goes back
        instalments.settle(due, result.ref)
        mail.queue_transfer_instructions(order)  # now for the balance
        return "deposit_paid"
    outcome = ops.mark_paid(order, payment_ref=result.ref, cause=cause, actor=result.actor)
    if due is not None and outcome in {"paid", "late_paid"}:
        instalments.settle(due, result.ref)
    return outcome


def _failed(order: Order, result: PaymentResult) -> None:
    if order.status == OrderStatus.PENDING_PAYMENT:
        ops.mark_payment_failed(order, code=result.code or "card_declined", actor=result.actor)


def _mismatch(order: Order, result: PaymentResult) -> None:
    paid = f"{result.amount.minor} {result.amount.currency}"
    detail = f"{result.ref}: {paid}, due {order.total_minor} {order.currency}"
    ops.flag(order, "amount_mismatch", cause=Cause.AMOUNT_MISMATCH, actor=result.actor, detail=detail)


def _shares(order: Order) -> list[Share]:
    """Each merchant's sub-order (goods + freight + DDP duty, charge currency); commission on goods, per category.

    For an order paid in instalments: the part of each sub-order the instalment just paid covers."""
    shares = _full_shares(order)
    paid = instalments.last_paid(order)
    if paid is None or paid.amount_minor == order.total_minor:
        return shares
    left, parts = paid.amount_minor, []
    for position, share in enumerate(shares, start=1):
        part = left if position == len(shares) else share.amount_minor * paid.amount_minor // order.total_minor
        left -= part
        parts.append(
            Share(
                account=share.account,
                amount_minor=part,
                commissionable=tuple((m * paid.percent // 100, c) for m, c in share.commissionable),
                sub_order_id=share.sub_order_id,
            )
        )
    return parts


def _full_shares(order: Order) -> list[Share]:
    product_ids = [line.product_id for sub in order.sub_orders for line in sub.lines if line.product_id]
    categories = (
        dict(db.session.execute(select(Product.id, Product.category_id).where(Product.id.in_(product_ids))).all())
        if product_ids
        else {}
    )
    return [
        Share(
            account=seller_account("merchant", sub.merchant_id),
            amount_minor=sub.total_minor,
            commissionable=tuple(
                (line.total_minor, f"product:{categories.get(line.product_id, '')}") for line in sub.lines
            ),
            sub_order_id=sub.id,
        )
        for sub in order.sub_orders
    ]


def _refunded(order: Order, refund) -> None:
    """Money went back: an order event, stock of goods that did not ship, the buyer's e-mail."""
    amount = Money(refund.amount_minor, refund.currency)
    ops.record_event(
        order,
        order.status,
        order.status,
        Cause.REFUNDED,
        refund.actor or "system",
        f"{amount.minor} {amount.currency} {refund.provider_ref or ''}".strip(),
    )
    left = refunds.refundable(KIND, order)
    if refund.sub_order_id is not None:
        subs = [sub for sub in order.sub_orders if sub.id == refund.sub_order_id]
        subs = [sub for sub in subs if not refunds.refundable(KIND, order, sub).minor]
    else:
        subs = list(order.sub_orders) if left is not None and left.minor == 0 else []
    for sub in subs:
        if sub.status == OrderStatus.PAID.value:
            stock.return_sold(order, [(line.variant_id, line.qty) for line in sub.lines])
            sub.status = OrderStatus.REFUNDED.value
            refund.restocked = True
    shipped = any(s.status == OrderStatus.SHIPPED.value for s in order.sub_orders)
    if left is not None and left.minor == 0 and not shipped:
        ops.transition(order, OrderStatus.REFUNDED, cause=Cause.REFUNDED, actor=refund.actor or "system")
    db.session.flush()
    mail.queue_refund(order, refund)
    order_refunded.send(order, refund=refund)


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
            shares=_shares,
            on_refunded=_refunded,
            delivered_at=_shipped_at,
        )
    )


def _shipped_at(order_id: int, merchant_id: int):
    """When the merchant shipped its part of the order (None while not shipped)."""
    return db.session.scalar(
        select(SubOrder.shipped_at).where(SubOrder.order_id == order_id, SubOrder.merchant_id == merchant_id)
    )


def propose_customs_refund(sub_order, detail: str = "") -> None:
    """Customs refused a merchant sub-order's list for good: queue a refund of its part for the operator.

    The hook for the clearance domain (call it inside the transaction that records the final refusal).
    """
    refunds.propose(KIND, sub_order.order, "customs_refused", sub_order=sub_order, detail=detail)
