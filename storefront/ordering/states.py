"""The one place for order states, their labels and allowed transitions, delivery terms and pay methods."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from storefront.core import labels


class OrderStatus(StrEnum):
    """State of a buyer's order and of each merchant sub-order."""

    #: Card order placed, stock reserved until ``reserved_until``, waiting for Stripe.
    PENDING_PAYMENT = "pending_payment"
    #: Bank-transfer (T/T) order placed, waiting for an operator to confirm the money arrived.
    AWAITING_TRANSFER = "awaiting_transfer"
    #: The last card attempt was declined; the buyer may retry while the reservation holds.
    PAYMENT_FAILED = "payment_failed"
    #: Money received and checked; handed to clearance.
    PAID = "paid"
    #: The merchant has shipped (sub-order) / every merchant has shipped (order).
    SHIPPED = "shipped"
    #: Unpaid and the reservation expired (stock returned), or cancelled by an operator.
    CANCELLED = "cancelled"
    #: Money arrived but the order cannot be fulfilled (stock gone after expiry): refund it.
    REFUND_DUE = "refund_due"
    #: Paid, then refunded in full before anything shipped (stock returned).
    REFUNDED = "refunded"
    #: T/T in instalments: the deposit arrived (the merchant may produce); the balance is due before shipment.
    DEPOSIT_PAID = "deposit_paid"


STATUS_LABELS = {
    OrderStatus.PENDING_PAYMENT: _l("Awaiting payment"),
    OrderStatus.AWAITING_TRANSFER: _l("Awaiting bank transfer"),
    OrderStatus.PAYMENT_FAILED: _l("Payment failed"),
    OrderStatus.PAID: _l("Paid"),
    OrderStatus.SHIPPED: _l("Shipped"),
    OrderStatus.CANCELLED: _l("Cancelled"),
    OrderStatus.REFUND_DUE: _l("Refund due"),
    OrderStatus.REFUNDED: _l("Refunded"),
    OrderStatus.DEPOSIT_PAID: _l("Deposit paid"),
}
labels.register("order_status", STATUS_LABELS)

#: States an order may enter, and the states it may come from.
TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.PAYMENT_FAILED: frozenset({OrderStatus.PENDING_PAYMENT}),
    OrderStatus.AWAITING_TRANSFER: frozenset({OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED}),
    OrderStatus.PENDING_PAYMENT: frozenset({OrderStatus.AWAITING_TRANSFER}),
    OrderStatus.PAID: frozenset(
        {
            OrderStatus.PENDING_PAYMENT,
            OrderStatus.PAYMENT_FAILED,
            OrderStatus.AWAITING_TRANSFER,
            OrderStatus.CANCELLED,  # late payment, stock re-reserved
            OrderStatus.DEPOSIT_PAID,  # the balance of a T/T order in instalments
        }
    ),
    OrderStatus.SHIPPED: frozenset({OrderStatus.PAID}),
    OrderStatus.CANCELLED: frozenset(
        {
            OrderStatus.PENDING_PAYMENT,
            OrderStatus.PAYMENT_FAILED,
            OrderStatus.AWAITING_TRANSFER,
            OrderStatus.DEPOSIT_PAID,  # guard: only through ordering.cancellation (deposit refunded, balance void)
        }
    ),
    OrderStatus.REFUND_DUE: frozenset({OrderStatus.CANCELLED}),
    OrderStatus.REFUNDED: frozenset({OrderStatus.PAID, OrderStatus.REFUND_DUE}),
    OrderStatus.DEPOSIT_PAID: frozenset({OrderStatus.AWAITING_TRANSFER}),
}

#: Unpaid states holding a stock reservation.
UNPAID = frozenset({OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED, OrderStatus.AWAITING_TRANSFER})


class Cause(StrEnum):
    """Why an order changed (recorded on every order event)."""

    PLACED = "placed"
    CARD_DECLINED = "card_declined"
    PAYMENT_SUCCEEDED = "payment_succeeded"
    LATE_PAYMENT = "late_payment"
    LATE_PAYMENT_NO_STOCK = "late_payment_no_stock"
    TRANSFER_CHOSEN = "transfer_chosen"
    CARD_CHOSEN = "card_chosen"
    TRANSFER_CONFIRMED = "transfer_confirmed"
    RESERVATION_EXPIRED = "reservation_expired"
    AMOUNT_MISMATCH = "amount_mismatch"
    DOUBLE_PAYMENT = "double_payment"
    SHIPPED = "shipped"
    REFUNDED = "refunded"
    DEPOSIT_CONFIRMED = "deposit_confirmed"
    QUOTATION_ACCEPTED = "quotation_accepted"
    CANCEL_REQUESTED = "cancel_requested"
    DEPOSIT_CANCELLED = "deposit_cancelled"
    BALANCE_AFTER_CANCEL = "balance_after_cancel"


CAUSE_LABELS = {
    Cause.PLACED: _l("Order placed"),
    Cause.CARD_DECLINED: _l("Card payment declined"),
    Cause.PAYMENT_SUCCEEDED: _l("Card payment received"),
    Cause.LATE_PAYMENT: _l("Payment received after the reservation expired; goods reserved again"),
    Cause.LATE_PAYMENT_NO_STOCK: _l("Payment received after the reservation expired; goods sold out, refund due"),
    Cause.TRANSFER_CHOSEN: _l("Bank transfer chosen"),
    Cause.CARD_CHOSEN: _l("Card payment chosen"),
    Cause.TRANSFER_CONFIRMED: _l("Bank transfer received"),
    Cause.RESERVATION_EXPIRED: _l("Not paid in time; reservation released"),
    Cause.AMOUNT_MISMATCH: _l("Payment amount did not match; under review"),
    Cause.DOUBLE_PAYMENT: _l("Second payment received; refund due"),
    Cause.SHIPPED: _l("Shipped"),
    Cause.REFUNDED: _l("Money refunded"),
    Cause.DEPOSIT_CONFIRMED: _l("Deposit received by bank transfer"),
    Cause.QUOTATION_ACCEPTED: _l("Quotation accepted"),
    Cause.CANCEL_REQUESTED: _l("The buyer asked to cancel the order"),
    Cause.DEPOSIT_CANCELLED: _l("Cancelled after the deposit; the deposit is refunded"),
    Cause.BALANCE_AFTER_CANCEL: _l("Payment received after the order was cancelled; refund due"),
}


class DeliveryTerms(StrEnum):
    """Incoterms 2020 rules offered at checkout (who pays what: storefront/ordering/freight/incoterms.py)."""

    EXW = "EXW"
    FCA = "FCA"
    FOB = "FOB"
    CIF = "CIF"
    DAP = "DAP"
    DDP = "DDP"


TERMS_LABELS = {
    DeliveryTerms.EXW: _l("EXW — you collect at the merchant's works and handle everything from there"),
    DeliveryTerms.FCA: _l("FCA — handed to your carrier, cleared for export; you pay the freight"),
    DeliveryTerms.FOB: _l("FOB — loaded on your ship at the Chinese port, cleared for export; sea only"),
    DeliveryTerms.CIF: _l("CIF — freight and insurance paid to your port; you clear imports; sea only"),
    DeliveryTerms.DAP: _l("DAP — delivered to your address; import duties and taxes are paid on arrival"),
    DeliveryTerms.DDP: _l("DDP — delivered to your address with import duties and taxes paid"),
}


class PayMethod(StrEnum):
    """How the buyer pays."""

    CARD = "card"
    TRANSFER = "transfer"


PAY_METHOD_LABELS = {
    PayMethod.CARD: _l("Card (Visa, Mastercard) through Stripe"),
    PayMethod.TRANSFER: _l("Bank transfer (T/T) — for large wholesale orders"),
}
