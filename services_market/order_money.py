"""The money side of a service order's state changes: a card refund falls due, the voucher budget pays the
provider. Called by the order state machine (:mod:`services_market.orders`) and by the payable hooks
(:mod:`services_market.payments`); it knows neither, so neither depends on the other through it."""

from __future__ import annotations

import logging

from services_market import vouchers
from services_market.constants import Party
from services_market.order_models import ServiceOrder, ServiceOrderEvent
from storefront.core.money import Money
from storefront.extensions import db
from storefront.ledger.operations import post_voucher_subsidy, seller_account
from storefront.payments import refunds

log = logging.getLogger(__name__)
#: The payable kind of service orders in :mod:`storefront.payments.payables`.
KIND = "service_order"


def note(order: ServiceOrder, note: str) -> None:
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


def refund(order: ServiceOrder) -> None:
    """Card money of a declined or cancelled order: marked due and queued for the operator, who refunds it
    through the shared refund function (:func:`storefront.payments.refunds.refund`)."""
    log.info("service order %s: card refund of %s fen due", order.number, order.card_fen)
    note(order, f"card refund due: {order.card_fen} fen ({order.payment_ref})")
    refunds.propose(KIND, order, "provider_declined", detail=order.number)


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
