"""Stock that never oversells, per variant: conditional decrements inside the caller's transaction, reservation rows.

``UPDATE product_variants SET stock = stock - :q WHERE id = :id AND stock >= :q`` either takes the units
or changes nothing (rowcount 0); concurrent checkouts serialise on the row (PostgreSQL) or the write lock
(SQLite), and the ``stock >= 0`` check constraint is the last line of defence. Every function here takes
variant ids (a product without options has one variant: ``product.default_variant``).
"""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from storefront.catalog.models import ProductVariant
from storefront.core.versions import STOCK_OPTION
from storefront.extensions import db
from storefront.ordering.models import Order, OrderLine, StockReservation, SubOrder
from storefront.ordering.states import UNPAID, OrderStatus

HELD, CONSUMED, RELEASED = "held", "consumed", "released"


class OutOfStock(Exception):
    """Not enough units left for a line; the caller must roll the transaction back."""

    message = _l(
        "Sorry, someone was faster: there is not enough stock left for a product in your cart. "
        "Your cart has been updated, please check it and try again."
    )

    def __init__(self, variant_id: int, wanted: int):
        super().__init__(f"variant {variant_id}: not enough stock for {wanted}")
        self.variant_id = variant_id
        self.wanted = wanted


def _product_of(variant_id: int) -> int | None:
    variant = db.session.identity_map.get(db.session.identity_key(ProductVariant, variant_id))  # type: ignore[arg-type]
    if variant is not None and variant.product_id is not None:
        return variant.product_id
    return db.session.scalar(select(ProductVariant.product_id).where(ProductVariant.id == variant_id))


def _change(variant_id: int, delta: int) -> bool:
    """Add ``delta`` units to a variant's stock unless it would go below zero; True when changed."""
    stmt = update(ProductVariant).where(ProductVariant.id == variant_id)
    if delta < 0:
        stmt = stmt.where(ProductVariant.stock >= -delta)
    result = db.session.execute(
        stmt.values(stock=ProductVariant.stock + delta).execution_options(
            synchronize_session=False, **{STOCK_OPTION: _product_of(variant_id)}
        )
    )
    variant = db.session.identity_map.get(db.session.identity_key(ProductVariant, variant_id))  # type: ignore[arg-type]
    if variant is not None:
        db.session.expire(variant, ["stock"])
    return result.rowcount == 1


def take(variant_id: int, qty: int) -> bool:
    """Decrement a variant's stock by ``qty`` if that many units are left; True when taken."""
    return _change(variant_id, -qty)


def give_back(variant_id: int, qty: int) -> None:
    """Return units to a variant's stock."""
    _change(variant_id, qty)


def take_all(items: Iterable[tuple[int, int]]) -> None:
    """Take every (variant_id, qty) or raise OutOfStock (ids sorted, so concurrent orders cannot deadlock)."""
    totals: dict[int, int] = {}
    for variant_id, qty in items:
        totals[variant_id] = totals.get(variant_id, 0) + qty
    for variant_id in sorted(totals):
        if not take(variant_id, totals[variant_id]):
            raise OutOfStock(variant_id, totals[variant_id])


def record(order: Order, items: Iterable[tuple[int, int, int]]) -> None:
    """Write the held reservation rows of an order whose units were just taken: (product_id, variant_id, qty)."""
    for product_id, variant_id, qty in items:
        db.session.add(
            StockReservation(order_id=order.id, product_id=product_id, variant_id=variant_id, qty=qty, state=HELD)
        )
    db.session.flush()


def _reservations(order: Order, state: str) -> list[StockReservation]:
    return list(
        db.session.scalars(
            select(StockReservation)
            .where(StockReservation.order_id == order.id, StockReservation.state == state)
            .order_by(StockReservation.variant_id)
        )
    )


def consume(order: Order) -> None:
    """The order is paid: its held units are sold."""
    for row in _reservations(order, HELD):
        row.state = CONSUMED
    db.session.flush()


def release(order: Order) -> int:
    """Give an unpaid order's held units back to stock; returns the number of units returned."""
    returned = 0
    for row in _reservations(order, HELD):
        if row.variant_id is not None:
            give_back(row.variant_id, row.qty)
        row.state = RELEASED
        returned += row.qty
    db.session.flush()
    return returned


def retake(order: Order) -> bool:
    """Late payment: take the released units again, all or none; True when the order can be fulfilled."""
    rows = _reservations(order, RELEASED)
    taken: list[StockReservation] = []
    for row in rows:
        if row.variant_id is None or not take(row.variant_id, row.qty):
            for done in taken:
                give_back(done.variant_id, done.qty)  # type: ignore[arg-type]
            return False
        taken.append(row)
    for row in rows:
        row.state = CONSUMED
    db.session.flush()
    return True


def return_sold(order: Order, variant_qty: Iterable[tuple[int | None, int]]) -> int:
    """Refunded goods that did not ship go back on the shelf: (variant_id, qty); returns the units returned."""
    returned = 0
    for variant_id, qty in variant_qty:
        if variant_id is None or qty <= 0:
            continue
        give_back(variant_id, qty)
        returned += qty
        for row in _reservations(order, CONSUMED):
            if row.variant_id == variant_id:
                row.state = RELEASED
                break
    db.session.flush()
    return returned


#: Sub-order states in which the goods are still owed to the buyer (the variant must stay).
OPEN_STATES = (*sorted(UNPAID), OrderStatus.DEPOSIT_PAID, OrderStatus.PAID, OrderStatus.REFUND_DUE)


def variants_in_open_orders(variant_ids: Iterable[int]) -> set[int]:
    """Those variants that a sub-order not yet shipped, cancelled or refunded still needs."""
    wanted = sorted(set(variant_ids))
    if not wanted:
        return set()
    stmt = (
        select(OrderLine.variant_id)
        .join(SubOrder, SubOrder.id == OrderLine.sub_order_id)
        .where(OrderLine.variant_id.in_(wanted), SubOrder.status.in_([s.value for s in OPEN_STATES]))
        .distinct()
    )
    return set(db.session.scalars(stmt))
