"""Service order tables: orders (a snapshot of what was bought), transitions, files and reviews (the order's
messages are a storefront conversation: services_market/conversation.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from services_market.constants import FINAL, OrderStatus
from storefront.core.content import Localized, pick
from storefront.core.money import Money
from storefront.extensions import db


class ServiceOrder(db.Model):
    """A merchant's purchase of one tier of a package, and its workflow state."""

    __tablename__ = "service_orders"
    __table_args__ = (
        CheckConstraint("price_fen > 0", name="price_positive"),
        CheckConstraint("voucher_fen >= 0 AND card_fen >= 0", name="parts_not_negative"),
        CheckConstraint("voucher_fen + card_fen = price_fen", name="parts_sum"),
        CheckConstraint("revisions_used >= 0 AND revisions_used <= revisions_allowed", name="revisions_within"),
        Index("ix_service_orders_status_delivered", "status", "delivered_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Human-friendly number, e.g. SV-2611-7Q4XK.
    number: Mapped[str] = mapped_column(String(20), unique=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("service_packages.id"), index=True)
    #: The live tier (NULL if the provider removed it; the snapshot below stays).
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("service_tiers.id", ondelete="SET NULL"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("service_providers.id"), index=True)
    #: The buying company.
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    #: The merchant account that placed the order.
    buyer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=OrderStatus.REQUESTED.value, index=True)
    #: Snapshot at ordering: category, package titles per language, tier level, delivery days, revisions.
    category: Mapped[str] = mapped_column(String(30), index=True)
    titles: Mapped[dict] = mapped_column(JSON, default=dict)
    tier_level: Mapped[str] = mapped_column(String(10))
    delivery_days: Mapped[int] = mapped_column(Integer)
    revisions_allowed: Mapped[int] = mapped_column(Integer, default=0)
    revisions_used: Mapped[int] = mapped_column(Integer, default=0)
    #: Price of the tier in CNY fen; covered by a voucher and/or paid by card.
    price_fen: Mapped[int] = mapped_column(Integer)
    voucher_fen: Mapped[int] = mapped_column(Integer, default=0)
    card_fen: Mapped[int] = mapped_column(Integer, default=0)
    #: What the merchant needs, as written at ordering.
    brief: Mapped[str] = mapped_column(Text, default="")
    #: Card payment reference (Stripe PaymentIntent id) once paid.
    payment_ref: Mapped[str] = mapped_column(String(80), default="")
    #: "" (nothing to give back), "due" (card money to refund), "done".
    refund_state: Mapped[str] = mapped_column(String(8), default="")
    paid_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Promised delivery (acceptance + delivery days).
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    package = relationship("Package", lazy="joined", innerjoin=True)
    provider = relationship("Provider", lazy="joined", innerjoin=True)
    merchant = relationship("Merchant", lazy="joined", innerjoin=True)
    buyer = relationship("User", foreign_keys=[buyer_id])
    events: Mapped[list[ServiceOrderEvent]] = relationship(
        back_populates="order", order_by="ServiceOrderEvent.id", cascade="all, delete-orphan"
    )

    def title(self, lang: str) -> Localized:
        """The package title as bought, with fallback."""
        return pick(self.titles, lang)

    @property
    def price(self) -> Money:
        """The tier price."""
        return Money(self.price_fen, "CNY")

    @property
    def card_amount(self) -> Money:
        """The part paid by card."""
        return Money(self.card_fen, "CNY")

    @property
    def is_final(self) -> bool:
        """True when nothing more can happen to the order."""
        return self.status in FINAL

    @property
    def revisions_left(self) -> int:
        """Revisions the merchant may still request."""
        return max(0, self.revisions_allowed - self.revisions_used)


class ServiceOrderEvent(db.Model):
    """One transition of a service order (append-only): who, when, from, to and a note."""

    __tablename__ = "service_order_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("service_orders.id", ondelete="CASCADE"), index=True)
    #: An :class:`~services_market.constants.Action` value ("placed" for the first event).
    action: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20))
    #: The user who acted (NULL for the system).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: merchant, provider, operator or system.
    party: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    order: Mapped[ServiceOrder] = relationship(back_populates="events")
    actor = relationship("User")


class ServiceFile(db.Model):
    """A file of a service order (brief, message or delivery), stored under DATA_DIR/service_files."""

    __tablename__ = "service_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("service_orders.id", ondelete="CASCADE"), index=True)
    #: brief or delivery (message attachments live with the order's conversation: storefront.messaging).
    purpose: Mapped[str] = mapped_column(String(10))
    #: For deliveries: 1 for the first delivery, 2 after the first revision, …
    delivery_round: Mapped[int] = mapped_column(Integer, default=0)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: File name as uploaded, for display and download only.
    original_name: Mapped[str] = mapped_column(String(200))
    #: Random name under DATA_DIR/service_files.
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ServiceReview(db.Model):
    """A merchant's review of a completed order (one per order), with the provider's single reply."""

    __tablename__ = "service_reviews"
    __table_args__ = (CheckConstraint("rating >= 1 AND rating <= 5", name="rating_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("service_orders.id", ondelete="CASCADE"), unique=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("service_packages.id", ondelete="CASCADE"), index=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("service_providers.id", ondelete="CASCADE"), index=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: 1–5 stars.
    rating: Mapped[int] = mapped_column(SmallInteger)
    body: Mapped[str] = mapped_column(Text, default="")
    #: Language the review is written in (the author's UI language).
    lang: Mapped[str] = mapped_column(String(5), default="zh")
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)

    merchant = relationship("Merchant", lazy="joined")
    order = relationship("ServiceOrder")
