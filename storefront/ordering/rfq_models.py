"""Request-for-quotation tables: a buyer's request to one merchant (询盘), the merchant's quotations with their
lines, and an order's payment instalments (T/T deposit and balance).

Money is integer minor units of the quotation's currency (the currency the order will be charged in).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.catalog.units import scale
from storefront.core.money import Money, line_amount
from storefront.extensions import db


class Rfq(db.Model):
    """A buyer asks one merchant for a price: about a product (and variant) or a free-text need."""

    __tablename__ = "rfqs"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("target_price_minor IS NULL OR target_price_minor > 0", name="target_positive"),
        CheckConstraint("status IN ('open', 'quoted', 'accepted', 'closed', 'expired')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id", ondelete="CASCADE"), index=True)
    #: The product asked about (NULL for a free-text need sent from the merchant's page).
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("product_variants.id", ondelete="SET NULL"))
    #: What the buyer needs, in their words (also the first message of the RFQ's conversation).
    need: Mapped[str] = mapped_column(Text)
    quantity: Mapped[int] = mapped_column(Integer)
    #: Unit code of storefront/catalog/units.py (the product's unit for a product RFQ).
    unit: Mapped[str] = mapped_column(String(10), default="piece")
    #: The price per unit the buyer hopes for (optional), minor units of ``target_currency``.
    target_price_minor: Mapped[int | None] = mapped_column(Integer)
    target_currency: Mapped[str] = mapped_column(String(3), default="")
    #: Destination country, ISO 3166-1 alpha-2.
    country: Mapped[str] = mapped_column(String(2))
    #: Incoterms 2020 rule wished for (storefront/ordering/states.py DeliveryTerms).
    incoterm: Mapped[str] = mapped_column(String(3))
    #: When the goods are needed (optional).
    required_by: Mapped[date | None] = mapped_column(Date)
    #: open → quoted → accepted; closed by either side; expired when its quotations ran out.
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    #: The buyer's UI language when asking.
    lang: Mapped[str] = mapped_column(String(5), default="en")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)

    buyer = relationship("User", lazy="joined")
    merchant = relationship("Merchant", lazy="joined")
    product = relationship("Product")
    variant = relationship("ProductVariant")
    quotations: Mapped[list[Quotation]] = relationship(
        back_populates="rfq", order_by="Quotation.id", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def target_price(self) -> Money | None:
        """The target unit price, if given."""
        return Money(self.target_price_minor, self.target_currency) if self.target_price_minor else None


class Quotation(db.Model):
    """The merchant's offer for an RFQ: lines at unit prices, freight, delivery and payment terms, validity."""

    __tablename__ = "quotations"
    __table_args__ = (
        CheckConstraint("freight_minor >= 0", name="freight_not_negative"),
        CheckConstraint("pay_terms IN ('card', 'tt')", name="pay_terms_known"),
        CheckConstraint(
            "deposit_percent IS NULL OR (deposit_percent >= 10 AND deposit_percent <= 90)", name="deposit_range"
        ),
        CheckConstraint("status IN ('offered', 'accepted', 'expired', 'withdrawn')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[int] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    #: ISO 4217 code of every amount of the quotation; the order is charged in it.
    currency: Mapped[str] = mapped_column(String(3))
    #: Freight charged with the goods (0 when the terms leave it to the buyer).
    freight_minor: Mapped[int] = mapped_column(Integer, default=0)
    #: Incoterms 2020 rule and its named place ("FOB Dalian", "DAP Novosibirsk").
    incoterm: Mapped[str] = mapped_column(String(3))
    named_place: Mapped[str] = mapped_column(String(120), default="")
    #: card (the whole amount by card) or tt (bank transfer: deposit, balance before shipment).
    pay_terms: Mapped[str] = mapped_column(String(4), default="card")
    #: T/T only: the deposit, percent of the total (10–90); the balance is due before shipment.
    deposit_percent: Mapped[int | None] = mapped_column(Integer)
    #: Last day the buyer may accept.
    valid_until: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    #: offered, accepted, expired or withdrawn.
    status: Mapped[str] = mapped_column(String(10), default="offered", index=True)
    #: The order made when the buyer accepted.
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    rfq: Mapped[Rfq] = relationship(back_populates="quotations")
    order = relationship("Order")
    lines: Mapped[list[QuotationLine]] = relationship(
        back_populates="quotation", order_by="QuotationLine.id", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def goods_minor(self) -> int:
        """Sum of the lines."""
        return sum(line.total_minor for line in self.lines)

    @property
    def total_minor(self) -> int:
        """Goods and freight."""
        return self.goods_minor + self.freight_minor

    def money(self, minor: int) -> Money:
        """Minor units of the quotation's currency."""
        return Money(minor, self.currency)


class QuotationLine(db.Model):
    """One variant at a quantity and a unit price."""

    __tablename__ = "quotation_lines"
    __table_args__ = (
        CheckConstraint("qty > 0", name="qty_positive"),
        CheckConstraint("unit_price_minor > 0", name="price_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quotation_id: Mapped[int] = mapped_column(ForeignKey("quotations.id", ondelete="CASCADE"), index=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("product_variants.id", ondelete="RESTRICT"))
    #: Quantity in steps of the product unit's scale (storefront.catalog.units: 2500 = 2.5 t).
    qty: Mapped[int] = mapped_column(Integer)
    #: Price per unit, minor units of the quotation's currency.
    unit_price_minor: Mapped[int] = mapped_column(Integer)

    quotation: Mapped[Quotation] = relationship(back_populates="lines")
    variant = relationship("ProductVariant", lazy="joined")

    @property
    def total_minor(self) -> int:
        """Quantity in the unit × unit price, rounded half-up."""
        return line_amount(self.unit_price_minor, self.qty, scale(self.variant.product.unit))


class OrderInstalment(db.Model):
    """One part of an order paid on its own (T/T deposit, then balance); an order without rows is paid at once."""

    __tablename__ = "order_instalments"
    __table_args__ = (
        UniqueConstraint("order_id", "position"),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("kind IN ('deposit', 'balance')", name="kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    #: 1 for the deposit, 2 for the balance.
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    percent: Mapped[int] = mapped_column(Integer)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    #: Pay by this day (None: before shipment).
    due: Mapped[date | None] = mapped_column(Date)
    paid_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Bank reference of the transfer that paid it.
    payment_ref: Mapped[str] = mapped_column(String(80), default="")
    #: When the order was cancelled with this instalment unpaid (it can no longer be paid).
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
