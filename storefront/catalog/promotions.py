"""Merchant promotions: a percentage or a fixed amount off chosen products and/or whole categories for a time window.

:func:`unit_price` is the one place a buyer's unit price is worked out (tier, then the best promotion running at
that moment); product pages, cards, the cart, the checkout quote and the order line snapshot all ask it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    and_,
    case,
    event,
    func,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import GenericFunction

from storefront.catalog.models import Product, ProductVariant
from storefront.catalog.taxonomy import Category
from storefront.core import audit
from storefront.core.timestamps import UTCDateTime
from storefront.core.versions import GLOBAL, versions
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
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    #: False once the merchant ended it early.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())

    products: Mapped[list[Product]] = relationship(secondary=promotion_products, lazy="selectin")
    categories: Mapped[list[Category]] = relationship(secondary=promotion_categories, lazy="selectin")

    def running(self, now: datetime) -> bool:
        """True when the promotion applies at ``now``."""
        return self.active and as_utc(self.starts_at) <= now < as_utc(self.ends_at)

    def apply(self, fen: int) -> int:
        """A list unit price after this promotion (may be ≤ 0: validation refuses such promotions)."""
        return discounted(fen, self.percent, self.amount_fen)


def as_utc(value: datetime) -> datetime:
    """A timestamp as aware UTC (naive values are UTC)."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def clock() -> datetime:
    """This moment, aware UTC: the time promotions are priced at (tests move it)."""
    return datetime.now(UTC)


def discounted(fen: int, percent: int | None, amount_fen: int | None) -> int:
    """A unit price in fen after a percentage (rounded half up) or a fixed amount off."""
    if percent is not None:
        return fen - (fen * percent + 50) // 100
    return fen - (amount_fen or 0)


@dataclass(frozen=True)
class PromotionRule:
    """What pricing needs of a promotion: small, immutable, shared by the requests of a process."""

    id: int
    merchant_id: int
    percent: int | None
    amount_fen: int | None
    #: The window, aware UTC: from ``starts_at`` (inclusive) until ``ends_at`` (exclusive).
    starts_at: datetime
    ends_at: datetime
    product_ids: frozenset[int]
    category_ids: frozenset[int]

    def covers(self, product: Product) -> bool:
        """True when the promotion targets this product (by itself or by its category)."""
        return product.merchant_id == self.merchant_id and (
            product.id in self.product_ids or product.category_id in self.category_ids
        )

    def running(self, now: datetime) -> bool:
        """True when the promotion applies at ``now`` (the time is always checked here, never cached)."""
        return self.starts_at <= now < self.ends_at

    def apply(self, fen: int) -> int:
        """A list unit price after this promotion."""
        return discounted(fen, self.percent, self.amount_fen)


@dataclass(frozen=True)
class UnitPrice:
    """A unit price in CNY fen: the list price (tier applied) and what the buyer pays."""

    list_fen: int
    fen: int
    promotion: PromotionRule | None = None

    @property
    def discounted(self) -> bool:
        """True when a promotion lowers the price."""
        return self.fen < self.list_fen


#: ``app.extensions`` key of the process cache: (catalogue version token, loaded at, the rules then known).
_CACHE = "kj_promotion_rules"
#: How far before this moment a price may be asked and still fill the process cache.
_PAST = timedelta(minutes=1)
#: ``Session.info`` key: the session's transaction wrote promotions (it must see its own writes).
_WROTE = "kj_promotions_written"


def _load_rules(at: datetime) -> tuple[PromotionRule, ...]:
    """Active promotions not ended at ``at`` (running or still to start), with their targets: three queries."""
    rows = db.session.execute(
        select(
            Promotion.id,
            Promotion.merchant_id,
            Promotion.percent,
            Promotion.amount_fen,
            Promotion.starts_at,
            Promotion.ends_at,
        ).where(Promotion.active, Promotion.ends_at > at)
    ).all()
    if not rows:
        return ()
    ids = [r.id for r in rows]
    products: dict[int, set[int]] = {i: set() for i in ids}
    categories: dict[int, set[int]] = {i: set() for i in ids}
    for table, column, into in (
        (promotion_products, "product_id", products),
        (promotion_categories, "category_id", categories),
    ):
        stmt = select(table.c.promotion_id, table.c[column]).where(table.c.promotion_id.in_(ids))
        for promotion_id, target in db.session.execute(stmt):
            into[promotion_id].add(target)
    return tuple(
        PromotionRule(
            id=r.id,
            merchant_id=r.merchant_id,
            percent=r.percent,
            amount_fen=r.amount_fen,
            starts_at=as_utc(r.starts_at),
            ends_at=as_utc(r.ends_at),
            product_ids=frozenset(products[r.id]),
            category_ids=frozenset(categories[r.id]),
        )
        for r in rows
    )


def _session_wrote(sess: Session) -> bool:
    """True when this session's open transaction has promotion changes (flushed or not)."""
    return bool(sess.info.get(_WROTE)) or any(isinstance(o, Promotion) for o in (*sess.new, *sess.dirty, *sess.deleted))


def known_rules(at: datetime | None = None) -> tuple[PromotionRule, ...]:
    """The active promotions not yet ended at ``at`` (default: now), as of the last catalogue version (no query
    in the common case).

    Kept per process (per app) under the ``catalog`` version token, which every public page reads anyway in
    its one versions query and which any promotion change bumps at commit: a promotion saved on one node
    applies on every node's next request. Which of them run is decided at pricing time (``running``), so one
    starting or ending at its time needs no write. A session that wrote promotions reads its own rows; a moment
    before the cache was filled (recomputing the past) reads the database too."""
    if _session_wrote(db.session):
        return _load_rules(at or clock())
    token = versions(GLOBAL)[GLOBAL]
    cached = current_app.extensions.get(_CACHE)
    if cached is not None and cached[0] == token and (at is None or cached[1] <= at):
        return cached[2]
    now = clock()
    since = min(at or now, now)
    rules = _load_rules(since)
    if now - since < _PAST:  # this moment (not a recomputation of the past): kept for the next requests
        current_app.extensions[_CACHE] = (token, since, rules)
    return rules


def _note_writes(sess: Session, _context) -> None:
    if any(isinstance(o, Promotion) for o in (*sess.new, *sess.dirty, *sess.deleted)):
        sess.info[_WROTE] = True


def _forget_writes(sess: Session, transaction) -> None:
    if transaction.parent is None:
        sess.info.pop(_WROTE, None)


def init_session_events() -> None:
    """Track sessions that wrote promotions (they price with their own, uncommitted rows)."""
    if not event.contains(Session, "after_flush", _note_writes):
        event.listen(Session, "after_flush", _note_writes)
        event.listen(Session, "after_transaction_end", _forget_writes)


def running_promotions(now: datetime | None = None) -> list[PromotionRule]:
    """Promotions applying at ``now`` (default: this moment)."""
    at = now or clock()
    return [rule for rule in known_rules(at) if rule.running(at)]


def promotion_token(now: datetime | None = None) -> str:
    """The ids of the promotions running now: part of every priced page's and card's cache key, so a promotion
    starting or ending makes new keys without any write (no query: from :func:`known_rules`)."""
    return "p" + ",".join(str(rule.id) for rule in sorted(running_promotions(now), key=lambda r: r.id))


def best_price(product: Product, list_fen: int, rules: list[PromotionRule], now: datetime) -> UnitPrice:
    """The lowest price the running promotions covering ``product`` give for a list price."""
    best = UnitPrice(list_fen, list_fen)
    for rule in rules:
        if rule.running(now) and rule.covers(product):
            fen = rule.apply(list_fen)
            if 0 < fen < best.fen:
                best = UnitPrice(list_fen, fen, rule)
    return best


def unit_price(variant: ProductVariant, qty: int, now: datetime | None = None) -> UnitPrice:
    """THE buyer's unit price of a variant at a quantity and a moment: its tier, then the best promotion."""
    return list_price(variant.product, variant.unit_price_fen(qty), now)


def list_price(product: Product, fen: int, now: datetime | None = None) -> UnitPrice:
    """A shown list price of a product (base price or a tier) with the best running promotion (cards, tables)."""
    at = now or clock()
    return best_price(product, fen, known_rules(at), at)


class least(GenericFunction):  # noqa: N801 - an SQL function name
    """The smallest of its arguments: ``LEAST`` (PostgreSQL), the scalar ``min`` of SQLite."""

    type = Integer()
    inherit_cache = True


@compiles(least, "sqlite")
def _least_sqlite(element, compiler, **kw) -> str:
    return f"min({compiler.process(element.clauses, **kw)})"


def price_now_sql(now: datetime | None = None) -> ColumnElement[int]:
    """:func:`list_price` of ``Product.price_fen`` (the price a card shows) as an SQL expression, so that
    listings filter and sort by the price the buyer pays now without loading the products (no query: the rules
    come from :func:`known_rules`). Each running rule offers :func:`discounted` where :meth:`PromotionRule.covers`;
    an offer of zero or less is ignored, as in :func:`best_price`."""
    at = now or clock()
    price = Product.price_fen
    offers = []
    for rule in sorted((r for r in known_rules(at) if r.running(at)), key=lambda r: r.id):
        targets = []
        if rule.product_ids:
            targets.append(Product.id.in_(sorted(rule.product_ids)))
        if rule.category_ids:
            targets.append(Product.category_id.in_(sorted(rule.category_ids)))
        if not targets:
            continue
        if rule.percent is not None:
            offer = price - (price * rule.percent + 50) // 100
        else:
            offer = price - (rule.amount_fen or 0)
        covered = and_(Product.merchant_id == rule.merchant_id, or_(*targets), offer > 0)
        offers.append(case((covered, offer), else_=price))
    return least(price, *offers) if offers else price


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
