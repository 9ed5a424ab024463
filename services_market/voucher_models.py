"""Government voucher tables: batches issued by operators and the single-use vouchers in them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.extensions import db


class VoucherKind:
    """What a voucher covers."""

    #: Up to a fixed amount; the merchant pays the rest by card.
    AMOUNT = "amount"
    #: The whole price of the tier.
    FULL = "full"


class VoucherBatch(db.Model):
    """A batch of vouchers bought by a government body for local firms, with its eligibility rules."""

    __tablename__ = "voucher_batches"
    __table_args__ = (
        CheckConstraint("kind IN ('amount', 'full')", name="kind_known"),
        CheckConstraint(
            "(kind = 'full' AND amount_fen IS NULL) OR (kind = 'amount' AND amount_fen > 0)",
            name="amount_matches_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Operator-facing name, e.g. "2026 Dalian translation support".
    name: Mapped[str] = mapped_column(String(200))
    #: Who pays, e.g. "Dalian Municipal Bureau of Commerce".
    funder: Mapped[str] = mapped_column(String(200), default="")
    #: A :class:`VoucherKind` value.
    kind: Mapped[str] = mapped_column(String(8))
    #: Value of each voucher in CNY fen (amount vouchers only).
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    #: Eligible service categories (empty: every category).
    categories: Mapped[list] = mapped_column(JSON, default=list)
    #: Eligible merchants by city slug and by cluster slug (empty: no restriction).
    cities: Mapped[list] = mapped_column(JSON, default=list)
    clusters: Mapped[list] = mapped_column(JSON, default=list)
    #: The vouchers cannot be redeemed from this moment on.
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    created_by = relationship("User")


class Voucher(db.Model):
    """One single-use voucher: redeemed by setting ``redeemed_at`` with a conditional UPDATE."""

    __tablename__ = "vouchers"
    __table_args__ = (CheckConstraint("amount_fen >= 0", name="amount_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("voucher_batches.id", ondelete="CASCADE"), index=True)
    #: What the merchant types at checkout, e.g. GV-7Q4X-K2MP.
    code: Mapped[str] = mapped_column(String(20), unique=True)
    #: Assigned to one merchant (NULL: any eligible merchant holding the code).
    merchant_id: Mapped[int | None] = mapped_column(ForeignKey("merchants.id", ondelete="CASCADE"), index=True)
    redeemed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    redeemed_merchant_id: Mapped[int | None] = mapped_column(ForeignKey("merchants.id", ondelete="SET NULL"))
    #: The service order it paid for (unique: one voucher per order and one order per voucher).
    service_order_id: Mapped[int | None] = mapped_column(
        ForeignKey("service_orders.id", ondelete="SET NULL"), unique=True
    )
    #: Amount applied to that order, CNY fen.
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    batch: Mapped[VoucherBatch] = relationship(lazy="joined", innerjoin=True)
    merchant = relationship("Merchant", foreign_keys=[merchant_id])
    order = relationship("ServiceOrder")
