"""An order's payment schedule: one full payment, or a T/T deposit and a balance before shipment.

:func:`schedule` is what pages and documents (the proforma invoice) read; the payable hooks use
:func:`next_due` (the amount a transfer must match) and :func:`settle` (mark the instalment a payment paid).
Operations flush, never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from storefront.core.money import Money
from storefront.extensions import db
from storefront.ordering.models import Order
from storefront.ordering.rfq_models import OrderInstalment

LABELS = {"deposit": _l("Deposit"), "balance": _l("Balance"), "full": _l("Full payment")}
#: Deposit percent allowed on a T/T quotation.
DEPOSIT_MIN, DEPOSIT_MAX = 10, 90


@dataclass(frozen=True)
class Instalment:
    """One part of an order's payment, as shown to people and printed on documents."""

    label: object
    percent: int
    amount_minor: int
    currency: str
    due: date | None
    paid_at: datetime | None
    kind: str = "full"
    #: Set when the order was cancelled with this instalment unpaid.
    cancelled_at: datetime | None = None

    @property
    def amount(self) -> Money:
        """The amount as Money."""
        return Money(self.amount_minor, self.currency)


def rows_of(order: Order) -> list[OrderInstalment]:
    """The stored instalments of an order, in order (none for an order paid at once)."""
    stmt = select(OrderInstalment).where(OrderInstalment.order_id == order.id).order_by(OrderInstalment.position)
    return list(db.session.scalars(stmt))


def schedule(order: Order) -> list[Instalment]:
    """The order's instalments; an order without a schedule has one "Full payment"."""
    rows = rows_of(order)
    if not rows:
        return [Instalment(LABELS["full"], 100, order.total_minor, order.currency, None, order.paid_at)]
    return [
        Instalment(LABELS[r.kind], r.percent, r.amount_minor, r.currency, r.due, r.paid_at, r.kind, r.cancelled_at)
        for r in rows
    ]


def split(total_minor: int, deposit_percent: int) -> tuple[int, int]:
    """Deposit and balance of a total (the deposit rounded down, so both parts add up exactly)."""
    deposit = total_minor * deposit_percent // 100
    return deposit, total_minor - deposit


def create(order: Order, deposit_percent: int, today: date | None = None) -> list[OrderInstalment]:
    """Give an order a deposit + balance schedule."""
    deposit, balance = split(order.total_minor, deposit_percent)
    if deposit <= 0 or balance <= 0:
        raise ValueError("instalment of zero")
    # the deposit is due when the stock reservation of a T/T order ends (TRANSFER_RESERVATION_HOURS)
    held = order.reserved_until
    deposit_due = held.date() if held is not None else (today or datetime.now(UTC).date())
    rows = [
        OrderInstalment(
            order_id=order.id, position=1, kind="deposit", percent=deposit_percent, amount_minor=deposit,
            currency=order.currency, due=deposit_due,
        ),
        OrderInstalment(
            order_id=order.id, position=2, kind="balance", percent=100 - deposit_percent, amount_minor=balance,
            currency=order.currency, due=None,
        ),
    ]  # fmt: skip
    db.session.add_all(rows)
    db.session.flush()
    return rows


def next_due(order: Order) -> OrderInstalment | None:
    """The first unpaid instalment (None: no schedule, everything paid, or the rest cancelled)."""
    return next((r for r in rows_of(order) if r.paid_at is None and r.cancelled_at is None), None)


def cancelled(order: Order) -> bool:
    """True when the order was cancelled after its deposit (its balance can no longer be paid)."""
    return any(r.cancelled_at is not None for r in rows_of(order))


def cancel_unpaid(order: Order, when: datetime) -> OrderInstalment | None:
    """Cancel the instalments not paid yet; returns the paid deposit (the money to give back), if any."""
    deposit = None
    for row in rows_of(order):
        if row.paid_at is None:
            row.cancelled_at = when
        elif row.kind == "deposit":
            deposit = row
    db.session.flush()
    return deposit


def last_paid(order: Order) -> OrderInstalment | None:
    """The instalment paid most recently (for the ledger's allocation of that payment)."""
    paid = [r for r in rows_of(order) if r.paid_at is not None]
    return paid[-1] if paid else None


def has_schedule(order: Order) -> bool:
    """True when the order is paid in instalments."""
    return bool(rows_of(order))


def amount_due(order: Order) -> Money:
    """What the next payment must be: the next instalment, or the whole order."""
    row = next_due(order)
    return Money(row.amount_minor, row.currency) if row is not None else order.total


def settle(row: OrderInstalment, payment_ref: str) -> None:
    """Mark an instalment paid."""
    row.paid_at = datetime.now(UTC)
    row.payment_ref = payment_ref[:80]
    db.session.flush()
