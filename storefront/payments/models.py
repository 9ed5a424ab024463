"""Payment tables: gateway intents per payable, an append-only transaction log, received webhook events."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from storefront.core.money import Money
from storefront.extensions import db


class IntentStatus:
    """Our view of a gateway intent (the gateway's own status is logged on transactions)."""

    OPEN = "open"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    MISMATCH = "mismatch"
    SUPERSEDED = "superseded"


class PaymentIntentRecord(db.Model):
    """One attempt to collect a payable's amount through a gateway (a Stripe PaymentIntent)."""

    __tablename__ = "payment_intents"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        Index("ix_payment_intents_payable", "payable_kind", "payable_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: What is paid for: a registered payable kind ("order", "service_order", …) and its id.
    payable_kind: Mapped[str] = mapped_column(String(20))
    payable_id: Mapped[int] = mapped_column(Integer)
    #: Gateway name ("stripe").
    provider: Mapped[str] = mapped_column(String(20))
    #: The gateway's id (Stripe ``pi_…``); empty (NULL) while the attempt is written but the gateway has not
    #: answered yet — the row is committed before the gateway is called, so a crash cannot lose a payment.
    provider_ref: Mapped[str | None] = mapped_column(String(80), unique=True, nullable=True)
    #: Sent with the create call and in the intent's metadata (``attempt``); tied to the payable and the
    #: attempt number, so a retry after a crash finds the same intent (localstripe ignores the header).
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    #: Amount requested, minor units of ``currency``.
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    #: An :class:`IntentStatus` value.
    status: Mapped[str] = mapped_column(String(12), default=IntentStatus.OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    @property
    def amount(self) -> Money:
        """The amount requested."""
        return Money(self.amount_minor, self.currency)


class PaymentTransaction(db.Model):
    """An append-only record of something that happened to a payment (never updated or deleted)."""

    __tablename__ = "payment_transactions"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        Index("ix_payment_transactions_payable", "payable_kind", "payable_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    intent_id: Mapped[int | None] = mapped_column(ForeignKey("payment_intents.id"), index=True)
    payable_kind: Mapped[str] = mapped_column(String(20))
    payable_id: Mapped[int] = mapped_column(Integer)
    #: "stripe" or "bank_transfer".
    provider: Mapped[str] = mapped_column(String(20))
    #: created, succeeded, failed, mismatch, manual.
    action: Mapped[str] = mapped_column(String(12))
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    #: Gateway or bank reference.
    provider_ref: Mapped[str] = mapped_column(String(80), default="")
    #: Webhook event that caused it ("" when it came from the buyer's return or an operator).
    event_id: Mapped[str] = mapped_column(String(120), default="")
    #: Where it came from: create, confirm, return, webhook, operator.
    source: Mapped[str] = mapped_column(String(12))
    #: Decline or mismatch code.
    code: Mapped[str] = mapped_column(String(60), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(40), default="")
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class PaymentEvent(db.Model):
    """A webhook event received from a gateway, kept so each is handled once."""

    __tablename__ = "payment_events"
    __table_args__ = (UniqueConstraint("provider", "event_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(20))
    event_id: Mapped[str] = mapped_column(String(120))
    type: Mapped[str] = mapped_column(String(80))
    #: What handling it did: paid, failed, mismatch, duplicate, unknown, ignored, rejected, …
    outcome: Mapped[str] = mapped_column(String(40), default="")
    #: The object the event is about (``pi_…``, ``re_…``, ``ch_…``).
    object_ref: Mapped[str] = mapped_column(String(80), default="")
    #: Why the event was rejected: what the gateway said differs from the event or from our record.
    reason: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class RefundStatus:
    """A refund's life: written (pending) before the gateway is asked, then succeeded or failed."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class Refund(db.Model):
    """Money given back to the buyer for (part of) one payment: by card through the gateway, or a recorded
    bank transfer. ``sequence`` is unique per payable: two refunds started at once cannot both be written."""

    __tablename__ = "refunds"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("method IN ('card', 'bank')", name="method_known"),
        UniqueConstraint("payable_kind", "payable_id", "sequence"),
        Index("ix_refunds_payable", "payable_kind", "payable_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    payable_kind: Mapped[str] = mapped_column(String(20))
    payable_id: Mapped[int] = mapped_column(Integer)
    #: 1, 2, … per payable (the compare-and-set that lets exactly one of two racing refunds through).
    sequence: Mapped[int] = mapped_column(Integer)
    #: The merchant sub-order refunded (a merchant refunds only its own lines); NULL: the whole order.
    sub_order_id: Mapped[int | None] = mapped_column(Integer)
    #: The payment refunded (``pi_…`` for a card, ``tt:…`` for a bank transfer).
    payment_ref: Mapped[str] = mapped_column(String(80))
    #: card (gateway refund) or bank (a transfer the operator made, recorded with its reference).
    method: Mapped[str] = mapped_column(String(8))
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    #: A :class:`RefundStatus` value.
    status: Mapped[str] = mapped_column(String(10), default=RefundStatus.PENDING, index=True)
    #: Sent to the gateway and kept in the refund's metadata.
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    #: The gateway's refund id (``re_…``) or the bank reference of the outgoing transfer.
    provider_ref: Mapped[str | None] = mapped_column(String(80), unique=True, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(40), default="")
    #: Units given back to stock because the goods had not shipped.
    restocked: Mapped[bool] = mapped_column(default=False)
    failure: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    @property
    def amount(self) -> Money:
        """The amount refunded."""
        return Money(self.amount_minor, self.currency)


class RefundProposal(db.Model):
    """A refund the system suggests (merchant cancelled, paid order unfulfillable, customs refused for good,
    provider declined a paid service order): a queue the operator works through."""

    __tablename__ = "refund_proposals"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        Index("ix_refund_proposals_payable", "payable_kind", "payable_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    payable_kind: Mapped[str] = mapped_column(String(20))
    payable_id: Mapped[int] = mapped_column(Integer)
    sub_order_id: Mapped[int | None] = mapped_column(Integer)
    #: The payment to refund (a double payment is another payment than the order's).
    payment_ref: Mapped[str] = mapped_column(String(80), default="")
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    #: merchant_cancelled, unfulfillable, customs_refused, provider_declined, double_payment.
    cause: Mapped[str] = mapped_column(String(24))
    detail: Mapped[str] = mapped_column(Text, default="")
    #: open, done (refunded) or dismissed.
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
