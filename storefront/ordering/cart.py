"""The cart: guests keep it in the session, signed-in buyers in ``cart_items`` (merged on sign-in).

Quantities respect MOQ and stock, the tier price follows the quantity, lines are grouped by merchant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import g, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError

from storefront.catalog.models import Product
from storefront.catalog.queries import public_products
from storefront.extensions import db
from storefront.ordering.models import CartItem

_SESSION_KEY = "cart"
#: Largest quantity of one product in a cart (protects arithmetic and forms).
MAX_QTY = 1_000_000
MAX_LINES = 50

NOTES = {
    "raised_to_moq": _l("The quantity was raised to the minimum order."),
    "limited_to_stock": _l("The quantity was lowered to the units in stock."),
    "out_of_stock": _l("Not enough stock for the minimum order."),
    "unavailable": _l("This product is no longer available."),
    "too_many_lines": _l("Your cart is full; check out or remove something first."),
}


@dataclass
class CartLine:
    """A product in the cart with its tier unit price."""

    product: Product
    qty: int
    #: A NOTES key when the line cannot be bought as it is.
    problem: str | None = None

    @property
    def unit_fen(self) -> int:
        """Unit price in fen at this quantity (tier applied)."""
        return self.product.unit_price_fen(self.qty)

    @property
    def total_fen(self) -> int:
        """Line total in fen."""
        return self.unit_fen * self.qty

    @property
    def tier_applied(self) -> bool:
        """True when a wholesale tier lowers the unit price."""
        return self.unit_fen < self.product.price_fen


@dataclass
class MerchantGroup:
    """The lines one merchant will ship."""

    merchant: object
    lines: list[CartLine] = field(default_factory=list)

    @property
    def goods_fen(self) -> int:
        """Goods total in fen."""
        return sum(line.total_fen for line in self.lines)

    @property
    def net_weight_g(self) -> int:
        """Net weight of the lines, grams."""
        return sum(line.product.net_weight_g * line.qty for line in self.lines)

    @property
    def gross_weight_g(self) -> int:
        """Gross weight of the lines, grams."""
        return sum(line.product.gross_weight_g * line.qty for line in self.lines)


@dataclass
class Cart:
    """The cart's lines grouped by merchant."""

    groups: list[MerchantGroup]

    @property
    def lines(self) -> list[CartLine]:
        """All lines."""
        return [line for group in self.groups for line in group.lines]

    @property
    def goods_fen(self) -> int:
        """Goods total in fen."""
        return sum(group.goods_fen for group in self.groups)

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to buy."""
        return not self.lines

    @property
    def problems(self) -> list[CartLine]:
        """Lines that cannot be bought as they are."""
        return [line for line in self.lines if line.problem]


def normalize_qty(product: Product, qty: int) -> tuple[int, str | None]:
    """A quantity clamped to MOQ and stock, and the NOTES key explaining the change (0 = cannot buy)."""
    if product.stock < product.moq:
        return 0, "out_of_stock"
    if qty < product.moq:
        return product.moq, "raised_to_moq"
    if qty > product.stock:
        return product.stock, "limited_to_stock"
    return qty, None


# -- storage ------------------------------------------------------------------------------------------------


def _signed_in() -> bool:
    return bool(getattr(current_user, "is_authenticated", False))


def raw_items() -> dict[int, int]:
    """{product_id: qty} from the session or the stored cart."""
    if _signed_in():
        rows = db.session.execute(
            select(CartItem.product_id, CartItem.qty).where(CartItem.user_id == current_user.id)
        ).all()
        return {pid: qty for pid, qty in rows}
    items = session.get(_SESSION_KEY) or {}
    return {int(pid): int(qty) for pid, qty in items.items() if str(pid).isdigit() and int(qty) > 0}


def _store(product_id: int, qty: int) -> None:
    g.pop("_cart_count", None)
    if _signed_in():
        item = db.session.scalars(
            select(CartItem).where(CartItem.user_id == current_user.id, CartItem.product_id == product_id)
        ).first()
        if qty <= 0:
            if item is not None:
                db.session.delete(item)
        elif item is None:
            db.session.add(CartItem(user_id=current_user.id, product_id=product_id, qty=qty))
        else:
            item.qty = qty
        db.session.flush()
        return
    items = dict(session.get(_SESSION_KEY) or {})
    if qty <= 0:
        items.pop(str(product_id), None)
    else:
        items[str(product_id)] = qty
    session[_SESSION_KEY] = items


def add(product: Product, qty: int) -> tuple[int, str | None]:
    """Add units of a product; returns the quantity now in the cart and a note key when adjusted."""
    items = raw_items()
    if product.id not in items and len(items) >= MAX_LINES:
        return items.get(product.id, 0), "too_many_lines"
    wanted = min(items.get(product.id, 0) + max(qty, 0), MAX_QTY)
    final, note = normalize_qty(product, wanted)
    if final <= 0:
        return items.get(product.id, 0), note
    _store(product.id, final)
    return final, note


def reorder(lines, lang: str) -> tuple[int, list[str]]:
    """Put the lines of a past order back in the cart (products still public, quantities clamped to MOQ and
    stock as for any add); returns (lines added, names of the products that cannot be bought now)."""
    wanted = [line for line in lines if line.product_id is not None]
    found = {
        p.id: p
        for p in db.session.scalars(public_products().where(Product.id.in_([line.product_id for line in wanted])))
    }
    added, missing = 0, [str(line.name(lang)) for line in lines if line.product_id not in found]
    for line in wanted:
        product = found.get(line.product_id)
        if product is None:
            continue
        qty, _note = add(product, line.qty)
        if qty:
            added += 1
        else:
            missing.append(str(line.name(lang)))
    return added, missing


def set_qty(product: Product | None, product_id: int, qty: int) -> tuple[int, str | None]:
    """Change a line's quantity (0 removes it); returns the quantity kept and a note key when adjusted."""
    if product is None:
        _store(product_id, 0)
        return 0, "unavailable"
    if qty <= 0:
        _store(product_id, 0)
        return 0, None
    final, note = normalize_qty(product, min(qty, MAX_QTY))
    _store(product_id, final)
    return final, note


def remove(product_id: int) -> None:
    """Take a product out of the cart."""
    _store(product_id, 0)


def clear() -> None:
    """Empty the cart (after an order is placed)."""
    g.pop("_cart_count", None)
    if _signed_in():
        db.session.execute(delete(CartItem).where(CartItem.user_id == current_user.id))
    session.pop(_SESSION_KEY, None)


def load() -> Cart:
    """The cart with live products, tier prices and problems, grouped by merchant (merchant order kept)."""
    items = raw_items()
    products = {}
    if items:
        products = {p.id: p for p in db.session.scalars(public_products().where(Product.id.in_(items)))}
    groups: dict[int, MerchantGroup] = {}
    for pid, qty in items.items():
        product = products.get(pid)
        if product is None:
            _store(pid, 0)
            continue
        problem = None
        if product.stock < product.moq or qty > product.stock:
            problem = "out_of_stock" if product.stock < product.moq else "limited_to_stock"
        elif qty < product.moq:
            problem = "raised_to_moq"
        group = groups.setdefault(product.merchant_id, MerchantGroup(merchant=product.merchant))
        group.lines.append(CartLine(product=product, qty=qty, problem=problem))
    for group in groups.values():
        group.lines.sort(key=lambda line: line.product.id)
    return Cart(groups=sorted(groups.values(), key=lambda grp: grp.merchant.id))


def count_for_header() -> int:
    """Number of products in the cart (cached for the request)."""
    if "_cart_count" not in g:
        try:
            if _signed_in():
                g._cart_count = (
                    db.session.scalar(
                        select(func.count(CartItem.id)).where(CartItem.user_id == current_user.id)
                    )
                    or 0
                )
            else:
                g._cart_count = len(session.get(_SESSION_KEY) or {})
        except SQLAlchemyError:  # the header of an error page must still render
            db.session.rollback()
            g._cart_count = 0
    return g._cart_count


def merge_on_login(sender, user, **_extra) -> None:
    """Move a guest's session cart into the buyer's stored cart when they sign in (quantities add up)."""
    items = session.pop(_SESSION_KEY, None)
    if not items:
        return
    stored = {
        row.product_id: row for row in db.session.scalars(select(CartItem).where(CartItem.user_id == user.id))
    }
    wanted = {int(pid): int(qty) for pid, qty in items.items() if str(pid).isdigit() and int(qty) > 0}
    existing = set(db.session.scalars(select(Product.id).where(Product.id.in_(wanted)))) if wanted else set()
    for pid, qty in wanted.items():
        if pid not in existing:
            continue
        row = stored.get(pid)
        if row is None:
            db.session.add(CartItem(user_id=user.id, product_id=pid, qty=min(qty, MAX_QTY)))
        else:
            row.qty = min(row.qty + qty, MAX_QTY)
    # Sign-in has no other writes to commit; this receiver is the request's commit point for the merge.
    db.session.commit()
