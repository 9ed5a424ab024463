"""Ordering tables: stored carts, orders, per-merchant sub-orders, line snapshots, events, reservations.

Money is integer minor units: ``*_fen`` in CNY (the catalogue base), ``*_minor`` in the order's charge
currency, converted at ``exchange_rate`` frozen when the order was placed.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    case,
    cast,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.catalog.units import SCALE, scale
from storefront.core.content import Localized, pick
from storefront.core.money import Money, line_amount
from storefront.extensions import db
from storefront.ordering.states import UNPAID, OrderStatus


class CartItem(db.Model):
    """A line of a signed-in buyer's stored cart (guests keep theirs in the session): one product variant."""

    __tablename__ = "cart_items"
    __table_args__ = (
        UniqueConstraint("user_id", "variant_id", "sample"),
        CheckConstraint("qty > 0", name="qty_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("product_variants.id", ondelete="CASCADE"), index=True)
    #: A sample line (sample price, no MOQ) rather than an order line of the goods.
    sample: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: Quantity in steps of the unit's scale (storefront.catalog.units: 2500 of a tonne product = 2.5 t).
    qty: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Order(db.Model):
    """What the buyer bought in one checkout and pays for at once: the payable, split into sub-orders."""

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("goods_fen > 0", name="goods_positive"),
        CheckConstraint("shipping_fen >= 0", name="shipping_not_negative"),
        CheckConstraint("total_minor > 0", name="total_positive"),
        CheckConstraint("exchange_rate > 0", name="rate_positive"),
        Index("ix_orders_status_reserved", "status", "reserved_until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Human-friendly number shown to buyers, e.g. KJ-2603-7Q4XK.
    number: Mapped[str] = mapped_column(String(20), unique=True)
    #: Signed-in buyer; NULL for a guest checkout.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=OrderStatus.PENDING_PAYMENT.value, index=True)
    #: Why the order needs an operator's attention ("" when it does not): amount_mismatch, refund_due, …
    review_reason: Mapped[str] = mapped_column(String(40), default="", index=True)
    #: UI language at checkout; e-mails are written in it.
    lang: Mapped[str] = mapped_column(String(5))
    email: Mapped[str] = mapped_column(String(254))
    contact_name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(40), default="")
    #: Destination country, ISO 3166-1 alpha-2.
    country: Mapped[str] = mapped_column(String(2))
    region: Mapped[str] = mapped_column(String(120), default="")
    city: Mapped[str] = mapped_column(String(120))
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    address_line1: Mapped[str] = mapped_column(String(200))
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    #: Shipping zone the freight was priced with.
    shipping_zone: Mapped[str] = mapped_column(String(8))
    #: Incoterms 2020 rule (EXW, FCA, FOB, CIF, DAP, DDP): who pays what (storefront/ordering/freight/incoterms.py).
    delivery_terms: Mapped[str] = mapped_column(String(3))
    #: Transport mode chosen at checkout (a key of storefront/ordering/freight/data/modes.toml).
    transport_mode: Mapped[str] = mapped_column(String(12), default="parcel")
    #: Transit time quoted at checkout, days (0 = not quoted).
    transit_days_min: Mapped[int] = mapped_column(Integer, default=0)
    transit_days_max: Mapped[int] = mapped_column(Integer, default=0)
    #: Import duty and tax collected with the order (DDP only; else 0): CNY fen and charge currency.
    duty_fen: Mapped[int] = mapped_column(Integer, default=0)
    duty_minor: Mapped[int] = mapped_column(Integer, default=0)
    #: The landed-cost rule the duty estimate came from (storefront/ordering/freight/data/duties.toml key).
    duty_rule: Mapped[str] = mapped_column(String(40), default="")
    #: Korean personal customs clearance code (P + 12 digits) while the order needs it; "" once cleared.
    buyer_customs_id: Mapped[str] = mapped_column(String(20), default="")
    #: card or transfer.
    pay_method: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    #: ISO 4217 code the buyer is charged in.
    currency: Mapped[str] = mapped_column(String(3))
    #: Units of ``currency`` per 1 CNY, frozen at checkout.
    exchange_rate: Mapped[Decimal] = mapped_column(Numeric(20, 8))
    goods_fen: Mapped[int] = mapped_column(Integer)
    shipping_fen: Mapped[int] = mapped_column(Integer)
    total_fen: Mapped[int] = mapped_column(Integer)
    goods_minor: Mapped[int] = mapped_column(Integer)
    shipping_minor: Mapped[int] = mapped_column(Integer)
    #: The amount charged, in minor units of ``currency``.
    total_minor: Mapped[int] = mapped_column(Integer)
    #: Unpaid stock is held until then; the release job cancels the order after it.
    reserved_until: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    paid_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Reference of the payment that paid the order (Stripe PaymentIntent id, bank reference).
    payment_ref: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    sub_orders: Mapped[list[SubOrder]] = relationship(
        back_populates="order", order_by="SubOrder.position", cascade="all, delete-orphan", lazy="selectin"
    )
    events: Mapped[list[OrderEvent]] = relationship(
        back_populates="order", order_by="OrderEvent.id", cascade="all, delete-orphan"
    )

    @property
    def total(self) -> Money:
        """The amount charged."""
        return Money(self.total_minor, self.currency)

    @property
    def duty(self) -> Money:
        """Import duty and tax collected (DDP), charge currency."""
        return Money(self.duty_minor, self.currency)

    @property
    def masked_customs_id(self) -> str:
        """The buyer's customs code as pages show it (P********9012)."""
        code = self.buyer_customs_id
        return f"{code[0]}{'*' * (len(code) - 5)}{code[-4:]}" if len(code) > 5 else ""

    @property
    def goods(self) -> Money:
        """Goods in the charge currency."""
        return Money(self.goods_minor, self.currency)

    @property
    def shipping(self) -> Money:
        """Freight in the charge currency."""
        return Money(self.shipping_minor, self.currency)

    @property
    def total_cny(self) -> Money:
        """The total at the CNY base."""
        return Money(self.total_fen, "CNY")

    @property
    def is_unpaid(self) -> bool:
        """True while the order waits for money."""

        return self.status in UNPAID


class SubOrder(db.Model):
    """The part of an order one merchant ships: the unit clearance declares and the merchant fulfils."""

    __tablename__ = "sub_orders"
    __table_args__ = (
        UniqueConstraint("order_id", "merchant_id"),
        CheckConstraint("goods_fen > 0", name="goods_positive"),
        CheckConstraint("shipping_fen >= 0", name="shipping_not_negative"),
        CheckConstraint("gross_weight_g > 0", name="weight_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    #: The exporter; merchants with orders cannot be deleted.
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    #: Order number plus a suffix, e.g. KJ-2603-7Q4XK-1 (the e-commerce order number declared to customs).
    number: Mapped[str] = mapped_column(String(24), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default=OrderStatus.PENDING_PAYMENT.value, index=True)
    goods_fen: Mapped[int] = mapped_column(Integer)
    shipping_fen: Mapped[int] = mapped_column(Integer)
    goods_minor: Mapped[int] = mapped_column(Integer)
    shipping_minor: Mapped[int] = mapped_column(Integer)
    net_weight_g: Mapped[int] = mapped_column(Integer)
    gross_weight_g: Mapped[int] = mapped_column(Integer)
    #: This parcel's share of the order's duty (DDP), CNY fen and charge currency.
    duty_fen: Mapped[int] = mapped_column(Integer, default=0)
    duty_minor: Mapped[int] = mapped_column(Integer, default=0)
    #: The rate card that priced the freight: "platform-default" or "provider:<provider id>:<card id>".
    rate_card: Mapped[str] = mapped_column(String(60), default="")
    #: Origin and border crossing of the lane, e.g. "Dalian – Manzhouli".
    freight_route: Mapped[str] = mapped_column(String(90), default="")
    carrier: Mapped[str] = mapped_column(String(80), default="")
    tracking_no: Mapped[str] = mapped_column(String(40), default="")
    shipped_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    order: Mapped[Order] = relationship(back_populates="sub_orders")
    merchant = relationship("Merchant", lazy="joined")
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="sub_order",
        order_by="OrderLine.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    @property
    def currency(self) -> str:
        """The order's charge currency."""
        return self.order.currency

    @property
    def has_samples(self) -> bool:
        """True when the merchant ships samples in this sub-order."""
        return any(line.is_sample for line in self.lines)

    @property
    def total_minor(self) -> int:
        """Goods, freight and (DDP) duty in the charge currency."""
        return self.goods_minor + self.shipping_minor + self.duty_minor

    @property
    def total(self) -> Money:
        """Goods, freight and duty in the charge currency."""
        return Money(self.total_minor, self.order.currency)


class OrderLine(db.Model):
    """A product as sold: a snapshot of its names, customs data, weights and prices at checkout."""

    __tablename__ = "order_lines"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("unit_price_fen > 0", name="price_positive"),
        CheckConstraint("unit_price_minor >= 0", name="price_minor_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sub_order_id: Mapped[int] = mapped_column(ForeignKey("sub_orders.id", ondelete="CASCADE"), index=True)
    #: The live product (NULL once deleted; the snapshot below stays).
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"), index=True)
    #: The live variant sold (NULL once deleted).
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("product_variants.id", ondelete="SET NULL"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=1)
    #: The variant's SKU at checkout.
    sku: Mapped[str] = mapped_column(String(20))
    #: Product name per language at checkout ({"zh": …, "ru": …}).
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The chosen options per language at checkout ({"ru": "M · синий"}; {} without options).
    variant_names: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Unit of sale at checkout (a storefront.catalog.units key).
    unit: Mapped[str] = mapped_column(String(10), default="piece", server_default="piece")
    #: Sold as a sample (sample price, no MOQ): the merchant sees it marked.
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: 10-digit Chinese tariff code.
    hs_code: Mapped[str] = mapped_column(String(10))
    customs_name: Mapped[str] = mapped_column(String(250))
    #: Customs unit-of-measure code (011 件, 035 千克, …).
    customs_unit: Mapped[str] = mapped_column(String(3))
    model: Mapped[str] = mapped_column(String(250), default="")
    origin_city_slug: Mapped[str] = mapped_column(String(40), default="")
    #: Quantity in steps of ``unit``'s scale (storefront.catalog.units: 2500 tonne-steps = 2.5 t).
    qty: Mapped[int] = mapped_column(Integer)
    #: Unit price in CNY fen paid: after the quantity tier and the promotion (declared to customs).
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    #: Unit list price in CNY fen after the quantity tier, before any promotion (NULL on orders before promotions).
    list_price_fen: Mapped[int | None] = mapped_column(Integer)
    #: The promotion that lowered the price (NULL: none, or deleted since).
    promotion_id: Mapped[int | None] = mapped_column(ForeignKey("promotions.id", ondelete="SET NULL"))
    #: Unit price in the charge currency's minor unit.
    unit_price_minor: Mapped[int] = mapped_column(Integer)
    #: Weights per unit, grams.
    net_weight_g: Mapped[int] = mapped_column(Integer)
    gross_weight_g: Mapped[int] = mapped_column(Integer)

    sub_order: Mapped[SubOrder] = relationship(back_populates="lines")

    def name(self, lang: str) -> Localized:
        """The product name as sold, in the language with fallback."""
        return pick(self.names, lang)

    def variant_name(self, lang: str) -> Localized:
        """The chosen options as sold ("M · синий"), in the language with fallback."""
        return pick(self.variant_names, lang)

    @property
    def scale(self) -> int:
        """Stored quantity steps per unit of sale (``qty`` 2500 of a tonne line is 2.5 t)."""
        return scale(self.unit)

    @property
    def total_fen(self) -> int:
        """Line total in CNY fen (unit price × quantity in the unit, rounded half-up)."""
        return line_amount(self.unit_price_fen, self.qty, self.scale)

    @property
    def total_minor(self) -> int:
        """Line total in the charge currency."""
        return line_amount(self.unit_price_minor, self.qty, self.scale)

    @property
    def net_weight_total_g(self) -> int:
        """Net weight of the line's quantity, grams."""
        return line_amount(self.net_weight_g, self.qty, self.scale)

    @property
    def gross_weight_total_g(self) -> int:
        """Gross weight of the line's quantity, grams."""
        return line_amount(self.gross_weight_g, self.qty, self.scale)


class OrderEvent(db.Model):
    """One recorded change of an order (append-only): when, from what to what, why and by whom."""

    __tablename__ = "order_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    #: Set when the event concerns one merchant's sub-order (e.g. shipping).
    sub_order_id: Mapped[int | None] = mapped_column(ForeignKey("sub_orders.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20))
    #: A :class:`~storefront.ordering.states.Cause` value.
    cause: Mapped[str] = mapped_column(String(40))
    #: Who: "buyer:12", "guest", "stripe", "system", "operator:3", "merchant:5".
    actor: Mapped[str] = mapped_column(String(40))
    #: Free detail for operators (payment reference, error code, …); not shown to buyers.
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    order: Mapped[Order] = relationship(back_populates="events")


def line_total_fen_sql():
    """SQL for an order line's total in fen, as :attr:`OrderLine.total_fen` computes it (price × quantity / the
    unit's scale, rounded half-up), for sums in reports."""
    gross = cast(OrderLine.qty, BigInteger) * OrderLine.unit_price_fen
    whens = [
        (OrderLine.unit == unit, (gross * 2 + factor) / (2 * factor)) for unit, factor in SCALE.items() if factor > 1
    ]
    return case(*whens, else_=gross)


class StockReservation(db.Model):
    """Units taken off a variant's stock for an order: held until paid (consumed) or expired (released)."""

    __tablename__ = "stock_reservations"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"), index=True)
    #: The variant whose stock was taken (NULL once deleted).
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("product_variants.id", ondelete="SET NULL"), index=True)
    #: Stock steps taken (the product unit's scale, like ``product_variants.stock``).
    qty: Mapped[int] = mapped_column(Integer)
    #: held, consumed (order paid) or released (stock given back).
    state: Mapped[str] = mapped_column(String(10), default="held", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
