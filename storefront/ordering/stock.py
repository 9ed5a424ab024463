"""Stock that never oversells: conditional decrements inside the caller's transaction, reservation rows.

``UPDATE products SET stock = stock - :q WHERE id = :id AND stock >= :q`` either takes the units or
changes nothing (rowcount 0); concurrent checkouts serialise on the row (PostgreSQL) or the write lock
(SQLite), and the ``stock >= 0`` check constraint is the last line of defence.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from storefront.catalog.models import Product
from storefront.core.http import STOCK_OPTION
from storefront.extensions import db
from storefront.ordering.models import Order, StockReservation

HELD, CONSUMED, RELEASED = "held", "consumed", "released"


class OutOfStock(Exception):
    """Not enough units left for a line; the caller must roll the transaction back."""

    message = _l(
        "Sorry, someone was faster: there is not enough stock left for a product in your cart. "
        "Your cart has been updated, please check it and try again."
    )

    def __init__(self, product_id: int, wanted: int):
        super().__init__(f"product {product_id}: not enough stock for {wanted}")
        self.product_id = product_id
        self.wanted = wanted


def take(product_id: int, qty: int) -> bool:
    """Decrement stock by ``qty`` if that many units are left; True when taken."""
    result = db.session.execute(
        update(Product)
        .where(Product.id == product_id, Product.stock >= qty)
        .values(stock=Product.stock - qty)
        .execution_options(synchronize_session=False, **{STOCK_OPTION: product_id})
    )
    _expire_stock(product_id)
    return result.rowcount == 1


def give_back(product_id: int, qty: int) -> None:
    """Return units to stock."""
    db.session.execute(
        update(Product)
        .where(Product.id == product_id)
        .values(stock=Product.stock + qty)
        .execution_options(synchronize_session=False, **{STOCK_OPTION: product_id})
    )
    _expire_stock(product_id)


def _expire_stock(product_id: int) -> None:
    product = db.session.identity_map.get(db.session.identity_key(Product, product_id))  # type: ignore[arg-type]
    if product is not None:
        db.session.expire(product, ["stock"])


def take_all(items: Iterable[tuple[int, int]]) -> None:
    """Take every (product_id, qty) or raise OutOfStock (ids sorted, so concurrent orders cannot deadlock)."""
    totals: dict[int, int] = {}
    for product_id, qty in items:
        totals[product_id] = totals.get(product_id, 0) + qty
    for product_id in sorted(totals):
        if not take(product_id, totals[product_id]):
            raise OutOfStock(product_id, totals[product_id])


def record(order: Order, items: Iterable[tuple[int, int]]) -> None:
    """Write the held reservation rows of an order whose units were just taken."""
    for product_id, qty in items:
        db.session.add(StockReservation(order_id=order.id, product_id=product_id, qty=qty, state=HELD))
    db.session.flush()


def _reservations(order: Order, state: str) -> list[StockReservation]:
    return list(
        db.session.scalars(
            select(StockReservation)
            .where(StockReservation.order_id == order.id, StockReservation.state == state)
            .order_by(StockReservation.product_id)
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
        if row.product_id is not None:
            give_back(row.product_id, row.qty)
        row.state = RELEASED
        returned += row.qty
    db.session.flush()
    return returned


def retake(order: Order) -> bool:
    """Late payment: take the released units again, all or none; True when the order can be fulfilled."""
    rows = _reservations(order, RELEASED)
    taken: list[StockReservation] = []
    for row in rows:
        if row.product_id is None or not take(row.product_id, row.qty):
            for done in taken:
                give_back(done.product_id, done.qty)  # type: ignore[arg-type]
            return False
        taken.append(row)
    for row in rows:
        row.state = CONSUMED
    db.session.flush()
    return True


def return_sold(order: Order, product_qty: Iterable[tuple[int | None, int]]) -> int:
    """Refunded goods that did not ship go back on the shelf; returns the units returned."""
    returned = 0
    for product_id, qty in product_qty:
        if product_id is None or qty <= 0:
            continue
        give_back(product_id, qty)
        returned += qty
        for row in _reservations(order, CONSUMED):
            if row.product_id == product_id:
                row.state = RELEASED
                break
    db.session.flush()
    return returned
