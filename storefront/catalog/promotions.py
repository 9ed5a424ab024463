"""Merchant promotions: a percentage or a fixed amount off chosen products and/or whole categories for a time window.

:func:`unit_price` is the one place a buyer's unit price is worked out (tier, then the best promotion running at
that moment); product pages, cards, the cart, the checkout quote and the order line snapshot all ask it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from flask import g, has_request_context
from flask_babel import gettext as _
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.catalog.models import Category, Product, ProductVariant
from storefront.core import audit
from storefront.extensions import db

promotion_products = Table(
    "promotion_products",
    db.metadata,
    Column("promotion_id", ForeignKey("promotions.id", ondelete="CASCADE"), primary_key=True),
    Column("product_id", ForeignKey("products.id", ondelete="CASCADE"), primary_key=True, index=True),
)

promotion_categories = Table(
    "promotion_categories",
    db.metadata,
    Column("promotion_id", ForeignKey("promotions.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("categories.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Promotion(db.Model):
    """A merchant's discount on some of its products and/or its products in some categories, for a time window."""

    __tablename__ = "promotions"
    __table_args__ = (
        CheckConstraint("(percent IS NULL) <> (amount_fen IS NULL)", name="percent_or_amount"),
        CheckConstraint("percent IS NULL OR (percent >= 1 AND percent <= 90)", name="percent_range"),
        CheckConstraint("amount_fen IS NULL OR amount_fen > 0", name="amount_positive"),
        CheckConstraint("ends_at > starts_at", name="window"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id", ondelete="CASCADE"), index=True)
    #: The merchant's own name for it (not shown to buyers).
    name: Mapped[str] = mapped_column(String(120))
    #: Percentage off the list price (1–90); NULL for a fixed amount.
    percent: Mapped[int | None] = mapped_column(Integer)
    #: Fixed amount off each unit in CNY fen; NULL for a percentage.
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    #: The window, UTC: applies from ``starts_at`` (inclusive) until ``ends_at`` (exclusive).
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    #: False once the merchant ended it early.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    products: Mapped[list[Product]] = relationship(secondary=promotion_products, lazy="selectin")
    categories: Mapped[list[Category]] = relationship(secondary=promotion_categories, lazy="selectin")

    def covers(self, product: Product) -> bool:
        """True when the promotion targets this product (by itself or by its category)."""
        if product.merchant_id != self.merchant_id:
            return False
        return any(p.id == product.id for p in self.products) or any(
            c.id == product.category_id for c in self.categories
        )

    def running(self, now: datetime) -> bool:
        """True when the promotion applies at ``now``."""
        return self.active and as_utc(self.starts_at) <= now < as_utc(self.ends_at)

    def apply(self, fen: int) -> int:
        """A list unit price after this promotion (may be ≤ 0: validation refuses such promotions)."""
        if self.percent is not None:
            return fen - (fen * self.percent + 50) // 100
        return fen - (self.amount_fen or 0)


def as_utc(value: datetime) -> datetime:
    """SQLite gives naive datetimes back: they are UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class UnitPrice:
    """A unit price in CNY fen: the list price (tier applied) and what the buyer pays."""

    list_fen: int
    fen: int
    promotion: Promotion | None = None

    @property
    def discounted(self) -> bool:
        """True when a promotion lowers the price."""
        return self.fen < self.list_fen


def running_promotions(now: datetime | None = None) -> list[Promotion]:
    """Promotions applying at ``now`` (default: this moment, loaded once per request)."""
    memo = now is None and has_request_context()
    if memo and "running_promotions" in g:
        return g.running_promotions
    at = now or datetime.now(UTC)
    found = list(
        db.session.scalars(select(Promotion).where(Promotion.active, Promotion.starts_at <= at, Promotion.ends_at > at))
    )
    if memo:
        g.running_promotions = found
    return found


def promotion_token(now: datetime | None = None) -> str:
    """The ids of the promotions running now: part of every priced page's and card's cache key, so a promotion
    starting or ending makes new keys without any write (its own short connection, like the page versions)."""
    at = now or datetime.now(UTC)
    stmt = (
        select(Promotion.id)
        .where(Promotion.active, Promotion.starts_at <= at, Promotion.ends_at > at)
        .order_by(Promotion.id)
    )
    with db.engine.connect() as connection:
        return "p" + ",".join(str(i) for i in connection.scalars(stmt))


def best_price(product: Product, list_fen: int, promotions: list[Promotion], now: datetime) -> UnitPrice:
    """The lowest price the running promotions covering ``product`` give for a list price."""
    best = UnitPrice(list_fen, list_fen)
    for promotion in promotions:
        if promotion.running(now) and promotion.covers(product):
            fen = promotion.apply(list_fen)
            if 0 < fen < best.fen:
                best = UnitPrice(list_fen, fen, promotion)
    return best


def unit_price(variant: ProductVariant, qty: int, now: datetime | None = None) -> UnitPrice:
    """THE buyer's unit price of a variant at a quantity and a moment: its tier, then the best promotion."""
    at = now or datetime.now(UTC)
    return best_price(variant.product, variant.unit_price_fen(qty), running_promotions(now), at)


def list_price(product: Product, fen: int, now: datetime | None = None) -> UnitPrice:
    """A shown list price of a product (base price or a tier) with the best running promotion (cards, tables)."""
    at = now or datetime.now(UTC)
    return best_price(product, fen, running_promotions(now), at)


def targeted_products(merchant_id: int, product_ids: list[int], category_ids: list[int]) -> list[Product]:
    """The merchant's products a promotion with these targets covers."""
    conditions = []
    if product_ids:
        conditions.append(Product.id.in_(product_ids))
    if category_ids:
        conditions.append(Product.category_id.in_(category_ids))
    if not conditions:
        return []
    stmt = select(Product).where(Product.merchant_id == merchant_id, or_(*conditions)).order_by(Product.id)
    return list(db.session.scalars(stmt))


class PromotionError(ValueError):
    """A promotion refused: the message is translated and names the product at fault."""


def check(promotion: Promotion, products: list[Product]) -> None:
    """Refuse a promotion that leaves any targeted variant's price or tier at zero or below (nothing saved)."""
    if promotion.percent is not None and not 1 <= promotion.percent <= 90:
        raise PromotionError(_("The percentage must be between 1 and 90."))
    if promotion.percent is None and not (promotion.amount_fen or 0) > 0:
        raise PromotionError(_("The discount must be greater than zero."))
    if as_utc(promotion.ends_at) <= as_utc(promotion.starts_at):
        raise PromotionError(_("The promotion must end after it starts."))
    if not products:
        raise PromotionError(_("Choose at least one of your products or categories."))
    for product in products:
        for variant in product.variants:
            prices = [variant.base_price_fen, *(t.price_fen for t in variant.price_tiers)]
            if any(promotion.apply(fen) <= 0 for fen in prices):
                raise PromotionError(
                    _("This discount would make the price of %(product)s zero or less.", product=product.sku)
                )


def save(
    promotion: Promotion, product_ids: list[int], category_ids: list[int], actor, *, before: dict | None = None
) -> Promotion:
    """Validate and store a promotion of ``promotion.merchant_id`` with these targets (flushes, never commits).

    Raises :class:`PromotionError` (nothing changed in the session's promotion) when it is refused."""
    products = targeted_products(promotion.merchant_id, product_ids, category_ids)
    check(promotion, products)
    promotion.products = [p for p in products if p.id in set(product_ids)]
    promotion.categories = (
        list(db.session.scalars(select(Category).where(Category.id.in_(category_ids)))) if category_ids else []
    )
    db.session.add(promotion)
    db.session.flush()
    audit.record(actor, "promotion.save", promotion, before=before, after=snapshot(promotion))
    return promotion


def end(promotion: Promotion, actor, now: datetime | None = None) -> None:
    """End a promotion now (kept for the order lines that name it)."""
    before = snapshot(promotion)
    promotion.active = False
    db.session.flush()
    audit.record(actor, "promotion.end", promotion, before=before, after=snapshot(promotion))


def snapshot(promotion: Promotion) -> dict:
    """The audit log's view of a promotion."""
    return {
        "name": promotion.name,
        "percent": promotion.percent,
        "amount_fen": promotion.amount_fen,
        "starts_at": as_utc(promotion.starts_at).isoformat(),
        "ends_at": as_utc(promotion.ends_at).isoformat(),
        "active": promotion.active,
        "products": sorted(p.id for p in promotion.products),
        "categories": sorted(c.id for c in promotion.categories),
    }
