"""The cart: guests keep it in the session, signed-in buyers in ``cart_items`` (merged on sign-in).

A line is one product variant (a product without options has one). Quantities respect MOQ, the product's
quantity step and the variant's stock, the tier price follows the quantity, lines are grouped by merchant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import g, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError

from storefront.catalog.models import Product, ProductVariant, with_variants
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
    "not_a_step": _l("This product is sold in steps: enter a multiple of the step shown on its page."),
}


@dataclass
class CartLine:
    """A product variant in the cart with its tier unit price."""

    variant: ProductVariant
    qty: int
    #: A NOTES key when the line cannot be bought as it is.
    problem: str | None = None

    @property
    def product(self) -> Product:
        """The variant's product."""
        return self.variant.product

    @property
    def unit_fen(self) -> int:
        """Unit price in fen at this quantity (tier applied)."""
        return self.variant.unit_price_fen(self.qty)

    @property
    def total_fen(self) -> int:
        """Line total in fen."""
        return self.unit_fen * self.qty

    @property
    def tier_applied(self) -> bool:
        """True when a wholesale tier lowers the unit price."""
        return self.unit_fen < self.variant.base_price_fen


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
        return sum(line.variant.net_weight * line.qty for line in self.lines)

    @property
    def gross_weight_g(self) -> int:
        """Gross weight of the lines, grams."""
        return sum(line.variant.gross_weight * line.qty for line in self.lines)


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


def normalize_qty(variant: ProductVariant, qty: int) -> tuple[int, str | None]:
    """A quantity clamped to MOQ and stock, and the NOTES key explaining the change (0 = cannot buy)."""
    product = variant.product
    step = product.qty_step or 1
    moq = -(-product.moq // step) * step  # the MOQ rounded up to a whole step
    stock = variant.stock // step * step  # whole steps only
    if stock < moq:
        return 0, "out_of_stock"
    if qty < moq:
        return moq, "raised_to_moq"
    if qty > stock:
        return stock, "limited_to_stock"
    return qty, None


def is_step(product: Product, qty: int) -> bool:
    """True when ``qty`` is a whole number of the product's quantity steps."""
    return qty % (product.qty_step or 1) == 0


# -- storage ------------------------------------------------------------------------------------------------


def _signed_in() -> bool:
    return bool(getattr(current_user, "is_authenticated", False))


def raw_items() -> dict[int, int]:
    """{variant_id: qty} from the session or the stored cart."""
    if _signed_in():
        rows = db.session.execute(
            select(CartItem.variant_id, CartItem.qty).where(CartItem.user_id == current_user.id)
        ).all()
        return {vid: qty for vid, qty in rows}
    items = session.get(_SESSION_KEY) or {}
    return {int(vid): int(qty) for vid, qty in items.items() if str(vid).isdigit() and int(qty) > 0}


def _store(variant_id: int, qty: int) -> None:
    g.pop("_cart_count", None)
    if _signed_in():
        item = db.session.scalars(
            select(CartItem).where(CartItem.user_id == current_user.id, CartItem.variant_id == variant_id)
        ).first()
        if qty <= 0:
            if item is not None:
                db.session.delete(item)
        elif item is None:
            db.session.add(CartItem(user_id=current_user.id, variant_id=variant_id, qty=qty))
        else:
            item.qty = qty
        db.session.flush()
        return
    items = dict(session.get(_SESSION_KEY) or {})
    if qty <= 0:
        items.pop(str(variant_id), None)
    else:
        items[str(variant_id)] = qty
    session[_SESSION_KEY] = items


def add(variant: ProductVariant, qty: int) -> tuple[int, str | None]:
    """Add units of a variant; returns the quantity now in the cart and a note key when adjusted.

    A quantity that is not a whole number of the product's steps is refused (nothing stored, "not_a_step").
    """
    items = raw_items()
    have = items.get(variant.id, 0)
    if not is_step(variant.product, max(qty, 0)):
        return have, "not_a_step"
    if variant.id not in items and len(items) >= MAX_LINES:
        return have, "too_many_lines"
    wanted = min(have + max(qty, 0), MAX_QTY)
    final, note = normalize_qty(variant, wanted)
    if final <= 0:
        return have, note
    _store(variant.id, final)
    return final, note


def reorder(lines, lang: str) -> tuple[int, list[str]]:
    """Put the lines of a past order back in the cart (variants still public, quantities clamped to MOQ, steps
    and stock as for any add); returns (lines added, names of the products that cannot be bought now)."""
    found = public_variants([line.variant_id for line in lines if line.variant_id is not None])
    added, missing = 0, []
    for line in lines:
        variant = found.get(line.variant_id) if line.variant_id is not None else None
        qty = add(variant, line.qty)[0] if variant is not None else 0
        if qty:
            added += 1
        else:
            missing.append(str(line.name(lang)))
    return added, missing


def set_qty(variant: ProductVariant | None, variant_id: int, qty: int) -> tuple[int, str | None]:
    """Change a line's quantity (0 removes it); returns the quantity kept and a note key when adjusted."""
    if variant is None:
        _store(variant_id, 0)
        return 0, "unavailable"
    if qty <= 0:
        _store(variant_id, 0)
        return 0, None
    if not is_step(variant.product, qty):
        return raw_items().get(variant_id, 0), "not_a_step"
    final, note = normalize_qty(variant, min(qty, MAX_QTY))
    _store(variant_id, final)
    return final, note


def remove(variant_id: int) -> None:
    """Take a variant out of the cart."""
    _store(variant_id, 0)


def clear() -> None:
    """Empty the cart (after an order is placed)."""
    g.pop("_cart_count", None)
    if _signed_in():
        db.session.execute(delete(CartItem).where(CartItem.user_id == current_user.id))
    session.pop(_SESSION_KEY, None)


def public_variants(variant_ids) -> dict[int, ProductVariant]:
    """{variant_id: variant} of those ids whose product is public (one products query, variants come along)."""
    ids = set(variant_ids)
    if not ids:
        return {}
    owners = select(ProductVariant.product_id).where(ProductVariant.id.in_(ids))
    products = db.session.scalars(public_products().where(Product.id.in_(owners)).options(*with_variants())).unique()
    return {v.id: v for p in products for v in p.variants if v.id in ids}


def load() -> Cart:
    """The cart with live variants, tier prices and problems, grouped by merchant (merchant order kept)."""
    items = raw_items()
    variants = public_variants(items)
    groups: dict[int, MerchantGroup] = {}
    for vid, qty in items.items():
        variant = variants.get(vid)
        if variant is None:
            _store(vid, 0)
            continue
        product = variant.product
        problem = None
        if variant.stock < product.moq or qty > variant.stock:
            problem = "out_of_stock" if variant.stock < product.moq else "limited_to_stock"
        elif qty < product.moq:
            problem = "raised_to_moq"
        elif not is_step(product, qty):
            problem = "not_a_step"
        group = groups.setdefault(product.merchant_id, MerchantGroup(merchant=product.merchant))
        group.lines.append(CartLine(variant=variant, qty=qty, problem=problem))
    for group in groups.values():
        group.lines.sort(key=lambda line: (line.product.id, line.variant.position, line.variant.id))
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
        row.variant_id: row for row in db.session.scalars(select(CartItem).where(CartItem.user_id == user.id))
    }
    wanted = {int(vid): int(qty) for vid, qty in items.items() if str(vid).isdigit() and int(qty) > 0}
    existing = (
        set(db.session.scalars(select(ProductVariant.id).where(ProductVariant.id.in_(wanted)))) if wanted else set()
    )
    for vid, qty in wanted.items():
        if vid not in existing:
            continue
        row = stored.get(vid)
        if row is None:
            db.session.add(CartItem(user_id=user.id, variant_id=vid, qty=min(qty, MAX_QTY)))
        else:
            row.qty = min(row.qty + qty, MAX_QTY)
    # Sign-in has no other writes to commit; this receiver is the request's commit point for the merge.
    db.session.commit()
