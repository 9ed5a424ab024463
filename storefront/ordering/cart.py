"""The cart: guests keep it in the session, signed-in buyers in ``cart_items`` (merged on sign-in).

A line is one product variant (a product without options has one), as goods or as a sample. Goods respect
MOQ, the product's quantity step and the variant's stock, the tier price follows the quantity; samples are
sold at the sample price from 1 up to the product's sample limit. Lines are grouped by merchant.

A line's key is (variant id, is sample); in the session and in forms it is written "12" or "s12".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import g, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.exc import SQLAlchemyError

from storefront.catalog.models import Product, ProductVariant, load_variant_tiers, with_variants
from storefront.catalog.promotions import UnitPrice, unit_price
from storefront.catalog.queries import public_products
from storefront.catalog.units import SCALE, scale
from storefront.core.money import line_amount
from storefront.extensions import db
from storefront.ordering.models import CartItem

_SESSION_KEY = "cart"
#: Largest quantity of one product in a cart, in units (protects arithmetic and forms); stored quantities are
#: at most this times the unit's scale (:func:`max_qty`).
MAX_QTY = 1_000_000
#: Largest stored quantity of any line (the finest unit's scale); fits a 32-bit integer column.
MAX_STORED_QTY = MAX_QTY * max(SCALE.values())
MAX_LINES = 50

NOTES = {
    "raised_to_moq": _l("The quantity was raised to the minimum order."),
    "limited_to_stock": _l("The quantity was lowered to the units in stock."),
    "out_of_stock": _l("Not enough stock for the minimum order."),
    "unavailable": _l("This product is no longer available."),
    "too_many_lines": _l("Your cart is full; check out or remove something first."),
    "not_a_step": _l("This product is sold in steps: enter a multiple of the step shown on its page."),
    "sample_limit": _l("The quantity was lowered to the most samples one order may hold."),
    "no_samples": _l("This product does not offer samples."),
}

Key = tuple[int, bool]


def key_text(key: Key) -> str:
    """A line key as written in the session and in form field names ("12", "s12")."""
    return f"s{key[0]}" if key[1] else str(key[0])


def parse_key(text: str) -> Key | None:
    """ "12" → (12, False), "s12" → (12, True); None for anything else."""
    sample = text.startswith("s")
    digits = text[1:] if sample else text
    return (int(digits), sample) if digits.isdigit() and len(digits) <= 10 else None


@dataclass
class CartLine:
    """A product variant in the cart with its tier unit price."""

    variant: ProductVariant
    qty: int
    #: A NOTES key when the line cannot be bought as it is.
    problem: str | None = None
    #: A sample (sample price, no MOQ).
    sample: bool = False
    #: An accepted quotation's price: unit price in the order currency and its CNY fen equivalent (None: catalogue).
    quoted_minor: int | None = None
    quoted_fen: int | None = None

    @property
    def key(self) -> str:
        """The line's key in forms ("12", "s12")."""
        return key_text((self.variant.id, self.sample))

    @property
    def product(self) -> Product:
        """The variant's product."""
        return self.variant.product

    @property
    def price(self) -> UnitPrice:
        """The unit price at this quantity (a quotation's price; tier and running promotion applied; the sample
        price for a sample)."""
        if self.quoted_fen is not None:
            return UnitPrice(self.quoted_fen, self.quoted_fen)
        if self.sample and self.product.sample_price_fen:
            return UnitPrice(self.product.sample_price_fen, self.product.sample_price_fen)
        return unit_price(self.variant, self.qty)

    @property
    def scale(self) -> int:
        """Stored quantity steps per unit of sale (1000 for tonnes, 1 for pieces)."""
        return scale(self.product.unit)

    @property
    def unit_fen(self) -> int:
        """Unit price in fen the buyer pays at this quantity."""
        return self.price.fen

    @property
    def total_fen(self) -> int:
        """Line total in fen (unit price × quantity in the unit, rounded half-up)."""
        return line_amount(self.unit_fen, self.qty, self.scale)

    @property
    def tier_applied(self) -> bool:
        """True when a wholesale tier lowers the unit price."""
        return not self.sample and self.variant.unit_price_fen(self.qty) < self.variant.base_price_fen


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
        return sum(line_amount(line.variant.net_weight, line.qty, line.scale) for line in self.lines)

    @property
    def gross_weight_g(self) -> int:
        """Gross weight of the lines, grams."""
        return sum(line_amount(line.variant.gross_weight, line.qty, line.scale) for line in self.lines)


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


def normalize_sample(variant: ProductVariant, qty: int) -> tuple[int, str | None]:
    """A sample quantity clamped to 1…the sample limit and stock, and the NOTES key explaining the change."""
    product = variant.product
    if not product.offers_samples:
        return 0, "no_samples"
    if variant.stock < 1:
        return 0, "out_of_stock"
    if qty > product.sample_max_qty:
        return min(product.sample_max_qty, variant.stock), "sample_limit"
    if qty > variant.stock:
        return variant.stock, "limited_to_stock"
    return max(qty, 1), None


def max_qty(product: Product) -> int:
    """The largest stored quantity of one line of the product (:data:`MAX_QTY` units)."""
    return MAX_QTY * scale(product.unit)


def is_step(product: Product, qty: int) -> bool:
    """True when ``qty`` is a whole number of the product's quantity steps."""
    return qty % (product.qty_step or 1) == 0


# -- storage ------------------------------------------------------------------------------------------------


def _signed_in() -> bool:
    return bool(getattr(current_user, "is_authenticated", False))


def _session_items(items: dict) -> dict[Key, int]:
    out = {}
    for text, qty in (items or {}).items():
        key = parse_key(str(text))
        if key is not None and str(qty).isdigit() and int(qty) > 0:
            out[key] = int(qty)
    return out


def raw_items() -> dict[Key, int]:
    """{(variant_id, is sample): qty} from the session or the stored cart."""
    if _signed_in():
        rows = db.session.execute(
            select(CartItem.variant_id, CartItem.sample, CartItem.qty).where(CartItem.user_id == current_user.id)
        ).all()
        return {(vid, bool(sample)): qty for vid, sample, qty in rows}
    return _session_items(session.get(_SESSION_KEY))


def _store(key: Key, qty: int) -> None:
    g.pop("_cart_count", None)
    variant_id, sample = key
    if _signed_in():
        item = db.session.scalars(
            select(CartItem).where(
                CartItem.user_id == current_user.id, CartItem.variant_id == variant_id, CartItem.sample == sample
            )
        ).first()
        if qty <= 0:
            if item is not None:
                db.session.delete(item)
        elif item is None:
            db.session.add(CartItem(user_id=current_user.id, variant_id=variant_id, sample=sample, qty=qty))
        else:
            item.qty = qty
        db.session.flush()
        return
    items = dict(session.get(_SESSION_KEY) or {})
    if qty <= 0:
        items.pop(key_text(key), None)
    else:
        items[key_text(key)] = qty
    session[_SESSION_KEY] = items


def add(variant: ProductVariant, qty: int, sample: bool = False) -> tuple[int, str | None]:
    """Add units (or samples) of a variant; returns the quantity now in the cart and a note key when adjusted.

    A quantity of goods that is not a whole number of the product's steps is refused (nothing stored,
    "not_a_step"); so is a sample of a product that offers none ("no_samples").
    """
    key = (variant.id, sample)
    items = raw_items()
    have = items.get(key, 0)
    if not sample and not is_step(variant.product, max(qty, 0)):
        return have, "not_a_step"
    if key not in items and len(items) >= MAX_LINES:
        return have, "too_many_lines"
    wanted = min(have + max(qty, 0), max_qty(variant.product))
    final, note = normalize_sample(variant, wanted) if sample else normalize_qty(variant, wanted)
    if final <= 0:
        return have, note
    _store(key, final)
    return final, note


def reorder(lines, lang: str) -> tuple[int, list[str]]:
    """Put the lines of a past order back in the cart (variants still public, quantities clamped to MOQ, steps
    and stock as for any add); returns (lines added, names of the products that cannot be bought now)."""
    found = public_variants([line.variant_id for line in lines if line.variant_id is not None])
    added, missing = 0, []
    for line in lines:
        variant = found.get(line.variant_id) if line.variant_id is not None else None
        qty = add(variant, line.qty, sample=bool(line.is_sample))[0] if variant is not None else 0
        if qty:
            added += 1
        else:
            missing.append(str(line.name(lang)))
    return added, missing


def set_qty(variant: ProductVariant | None, key: Key, qty: int) -> tuple[int, str | None]:
    """Change a line's quantity (0 removes it); returns the quantity kept and a note key when adjusted."""
    if variant is None:
        _store(key, 0)
        return 0, "unavailable"
    if qty <= 0:
        _store(key, 0)
        return 0, None
    sample = key[1]
    if not sample and not is_step(variant.product, qty):
        return raw_items().get(key, 0), "not_a_step"
    qty = min(qty, max_qty(variant.product))
    final, note = normalize_sample(variant, qty) if sample else normalize_qty(variant, qty)
    _store(key, final)
    return final, note


def remove(key: Key) -> None:
    """Take a line out of the cart."""
    _store(key, 0)


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
    products = list(db.session.scalars(public_products().where(Product.id.in_(owners)).options(*with_variants())))
    load_variant_tiers(products)
    return {v.id: v for p in products for v in p.variants if v.id in ids}


def load() -> Cart:
    """The cart with live variants, tier prices and problems, grouped by merchant (merchant order kept)."""
    items = raw_items()
    variants = public_variants(vid for vid, _sample in items)
    groups: dict[int, MerchantGroup] = {}
    for (vid, sample), qty in items.items():
        variant = variants.get(vid)
        if variant is None:
            _store((vid, sample), 0)
            continue
        product = variant.product
        problem = _sample_problem(variant, qty) if sample else _problem(variant, qty)
        group = groups.setdefault(product.merchant_id, MerchantGroup(merchant=product.merchant))
        group.lines.append(CartLine(variant=variant, qty=qty, problem=problem, sample=sample))
    for group in groups.values():
        group.lines.sort(key=lambda line: (line.product.id, line.sample, line.variant.position, line.variant.id))
    return Cart(groups=sorted(groups.values(), key=lambda grp: grp.merchant.id))


def _problem(variant: ProductVariant, qty: int) -> str | None:
    product = variant.product
    if variant.stock < product.moq or qty > variant.stock:
        return "out_of_stock" if variant.stock < product.moq else "limited_to_stock"
    if qty < product.moq:
        return "raised_to_moq"
    if not is_step(product, qty):
        return "not_a_step"
    return None


def _sample_problem(variant: ProductVariant, qty: int) -> str | None:
    final, note = normalize_sample(variant, qty)
    return note if final != qty else None


#: Built once: it runs on every page a signed-in buyer sees (building costs more than running it).
_CART_COUNT = select(func.count(CartItem.id)).where(CartItem.user_id == bindparam("user_id"))


def count_for_header() -> int:
    """Number of products in the cart (cached for the request)."""
    if "_cart_count" not in g:
        try:
            if _signed_in():
                g._cart_count = db.session.scalar(_CART_COUNT, {"user_id": current_user.id}) or 0
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
        (row.variant_id, row.sample): row
        for row in db.session.scalars(select(CartItem).where(CartItem.user_id == user.id))
    }
    wanted = _session_items(items)
    ids = {vid for vid, _sample in wanted}
    existing = set(db.session.scalars(select(ProductVariant.id).where(ProductVariant.id.in_(ids)))) if ids else set()
    for (vid, sample), qty in wanted.items():
        if vid not in existing:
            continue
        row = stored.get((vid, sample))
        if row is None:
            db.session.add(CartItem(user_id=user.id, variant_id=vid, sample=sample, qty=min(qty, MAX_STORED_QTY)))
        else:
            row.qty = min(row.qty + qty, MAX_STORED_QTY)
    # Sign-in has no other writes to commit; this receiver is the request's commit point for the merge.
    db.session.commit()
