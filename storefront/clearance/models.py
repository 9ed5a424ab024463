"""Clearance tables: a case per merchant sub-order with its list lines and history, the CEB message outbox,
incoming receipts, and summary declarations with their lines.

Money is integer minor units of the case's currency (exact on every database); quantities and weights are
``Numeric(19, 5)`` like the XSD's N19,5 fields. Which lists and lines went into which summary declaration is
recorded in two narrow link tables (inserted in bulk, so a month of 10^5 lists is summarised in seconds).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.clearance.status import CaseStatus, DeclarationStatus, MessageStatus, ReceiptState
from storefront.core.money import Money
from storefront.core.timestamps import UTCDateTime
from storefront.extensions import db

QTY = Numeric(19, 5)


class ClearanceCase(db.Model):
    """The customs side of one merchant sub-order: document numbers, status, list snapshot and history."""

    __tablename__ = "clearance_cases"
    __table_args__ = (Index("ix_clearance_cases_summary", "status", "released_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The sub-order declared (NULL only for lists declared outside the platform, e.g. benchmarks).
    sub_order_id: Mapped[int | None] = mapped_column(ForeignKey("sub_orders.id"), unique=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    #: E-commerce order number declared in CEB303/403/603 (the sub-order number).
    order_no: Mapped[str] = mapped_column(String(60), unique=True)
    #: Enterprise number of the inventory list (copNo), kept across resubmissions.
    cop_no: Mapped[str] = mapped_column(String(30), unique=True)
    #: Numbers customs gives the list (CEB604): e-port number and inventory number.
    pre_no: Mapped[str | None] = mapped_column(String(18))
    invt_no: Mapped[str | None] = mapped_column(String(20), index=True)
    #: Shipper = e-commerce enterprise (收发货人) and producer/seller (生产销售单位), snapshots.
    ebc_code: Mapped[str] = mapped_column(String(18))
    ebc_name: Mapped[str] = mapped_column(String(100))
    owner_code: Mapped[str] = mapped_column(String(18))
    #: Country of arrival / final destination (ISO alpha-2) and declared currency (ISO 4217).
    destination: Mapped[str] = mapped_column(String(2))
    currency: Mapped[str] = mapped_column(String(3))
    #: Customs office of declaration and exit port (4-digit customs codes), transport mode (1 char).
    customs_code: Mapped[str] = mapped_column(String(4))
    port_code: Mapped[str] = mapped_column(String(4))
    traf_mode: Mapped[str] = mapped_column(String(1))
    goods_minor: Mapped[int] = mapped_column(BigInteger)
    freight_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    #: Payment reference declared in CEB403 and when the money arrived.
    pay_no: Mapped[str] = mapped_column(String(60), default="")
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Weights of the parcel in kilograms.
    gross_weight: Mapped[Decimal] = mapped_column(QTY)
    net_weight: Mapped[Decimal] = mapped_column(QTY)
    #: Carrier as the merchant named it, the logistics enterprise declared, and the waybill number.
    carrier: Mapped[str] = mapped_column(String(80), default="")
    logistics_code: Mapped[str] = mapped_column(String(18), default="")
    logistics_name: Mapped[str] = mapped_column(String(100), default="")
    logistics_no: Mapped[str | None] = mapped_column(String(40), index=True)
    shipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The departure batch (CEB509) that carried the parcel out (None until one does).
    departure_id: Mapped[int | None] = mapped_column(ForeignKey("clearance_departures.id"), index=True)
    #: A :class:`CaseStatus` value.
    status: Mapped[str] = mapped_column(String(12), default=CaseStatus.DECLARED.value, index=True)
    #: 1 for the first declaration, +1 per resubmission (sent with appType 2).
    revision: Mapped[int] = mapped_column(Integer, default=1)
    #: Last returnStatus/returnInfo applied and its returnTime (receipts never move a case back in time).
    return_status: Mapped[int | None] = mapped_column(Integer)
    return_info: Mapped[str] = mapped_column(Text, default="")
    last_return_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The customs reason of the last rejection and the message kind refused ("" when not rejected).
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    rejected_kind: Mapped[str] = mapped_column(String(8), default="")
    #: Why the merchant asked customs to cancel the list (CEB605) and when ("" / None: no request pending).
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    cancel_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    departed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now(), onupdate=func.now())

    lines: Mapped[list[CaseLine]] = relationship(
        back_populates="case", order_by="CaseLine.gnum", cascade="all, delete-orphan", lazy="selectin"
    )
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.id", cascade="all, delete-orphan"
    )
    documents: Mapped[list[CaseDocument]] = relationship(
        back_populates="case", order_by="CaseDocument.id", cascade="all, delete-orphan", lazy="selectin"
    )
    merchant = relationship("Merchant")
    #: The summary declaration the list went into (None until summarised).
    declaration: Mapped[SummaryDeclaration | None] = relationship(
        secondary="clearance_declaration_lists", viewonly=True, uselist=False
    )

    @property
    def goods(self) -> Money:
        """Declared goods value."""
        return Money(self.goods_minor, self.currency)

    @property
    def is_rejected(self) -> bool:
        """True while the merchant has to correct and resubmit."""
        return self.status == CaseStatus.REJECTED.value


class DepartureBatch(db.Model):
    """One departure (离境单, CEB509): a conveyance that carried released parcels out of China."""

    __tablename__ = "clearance_departures"

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    #: Enterprise number of the departure (copNo), what CEB510 carries.
    cop_no: Mapped[str] = mapped_column(String(30), unique=True)
    #: Transport mode, conveyance name, flight/train/voyage number, bill of lading (spec §2.9 lengths).
    traf_mode: Mapped[str] = mapped_column(String(1))
    traf_name: Mapped[str] = mapped_column(String(100))
    voyage_no: Mapped[str] = mapped_column(String(32))
    bill_no: Mapped[str] = mapped_column(String(37))
    #: When the conveyance leaves, and the exit port (customs office code from data/ports.toml).
    leave_time: Mapped[datetime] = mapped_column(UTCDateTime())
    port_code: Mapped[str] = mapped_column(String(4))
    logistics_code: Mapped[str] = mapped_column(String(18))
    logistics_name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    cases: Mapped[list[ClearanceCase]] = relationship(viewonly=True, order_by="ClearanceCase.id")


class CaseLine(db.Model):
    """One goods line of the inventory list, as declared (the snapshot summaries are built from)."""

    __tablename__ = "clearance_case_lines"
    __table_args__ = (UniqueConstraint("case_id", "gnum"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("clearance_cases.id", ondelete="CASCADE"), index=True)
    gnum: Mapped[int] = mapped_column(Integer)
    #: Enterprise item number (the SKU, ≤ 20 characters) and the name used for the tax rebate.
    item_no: Mapped[str] = mapped_column(String(20))
    item_name: Mapped[str] = mapped_column(String(250))
    #: 10-digit Chinese tariff code ("" when the product had none: customs will refuse the list).
    gcode: Mapped[str] = mapped_column(String(10))
    gmodel: Mapped[str] = mapped_column(String(250), default="")
    #: Declared quantity and unit, legal first (and optional second) quantity and unit.
    unit: Mapped[str] = mapped_column(String(3))
    qty: Mapped[Decimal] = mapped_column(QTY)
    unit1: Mapped[str] = mapped_column(String(3))
    qty1: Mapped[Decimal] = mapped_column(QTY)
    unit2: Mapped[str | None] = mapped_column(String(3))
    qty2: Mapped[Decimal | None] = mapped_column(QTY)
    #: Line value in minor units of the case currency (FOB, freight excluded).
    total_minor: Mapped[int] = mapped_column(BigInteger)

    case: Mapped[ClearanceCase] = relationship(back_populates="lines")


class CaseDocument(db.Model):
    """What customs holds of one document of a case (CEB303 order, 403 payment, 505 waybill, 603 list, 509
    departure): decides appType 1 (new) or 2 (change) and what a resubmission sends (docs/customs.md)."""

    __tablename__ = "clearance_case_documents"
    __table_args__ = (UniqueConstraint("case_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("clearance_cases.id", ondelete="CASCADE"), index=True)
    #: The message kind (CEB303 …).
    kind: Mapped[str] = mapped_column(String(8))
    #: True once customs entered the document into its database (120 or later, not refused); a refusal of a
    #: new document (100, negative) leaves nothing behind, a refusal of a change leaves the held record.
    held: Mapped[bool] = mapped_column(Boolean, default=False)
    #: appType and case revision of the last version sent, and the last returnStatus received for it.
    last_app_type: Mapped[str] = mapped_column(String(1), default="")
    last_revision: Mapped[int] = mapped_column(Integer, default=0)
    last_status: Mapped[int | None] = mapped_column(Integer)

    case: Mapped[ClearanceCase] = relationship(back_populates="documents")


class CaseEvent(db.Model):
    """One step of a case's history (append-only): receipts, local rejections, shipping, resubmissions."""

    __tablename__ = "clearance_case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("clearance_cases.id", ondelete="CASCADE"), index=True)
    #: Case status after the event, and before it ("" for the first).
    status: Mapped[str] = mapped_column(String(12))
    previous: Mapped[str] = mapped_column(String(12), default="")
    #: What caused it: a receipt kind (CEB604 …), or "paid", "shipped", "resubmit", "local".
    source: Mapped[str] = mapped_column(String(8))
    return_status: Mapped[int | None] = mapped_column(Integer)
    info: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime())

    case: Mapped[ClearanceCase] = relationship(back_populates="events")

    @property
    def changed(self) -> bool:
        """True when the event moved the case to another status."""
        return self.status != self.previous


class OutboxMessage(db.Model):
    """A CEB message to send: written in the business transaction, sent by the worker, never sent twice."""

    __tablename__ = "clearance_messages"
    __table_args__ = (Index("ix_clearance_messages_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Root guid; a re-send (lease expired, retry) uses the same guid and payload.
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    #: CEB303, CEB403, CEB505, CEB603, CEB509 or CEB701.
    kind: Mapped[str] = mapped_column(String(6), index=True)
    #: "<kind>:<case or declaration>:<revision>" - one message per business fact.
    business_key: Mapped[str] = mapped_column(String(80), unique=True)
    app_type: Mapped[str] = mapped_column(String(1), default="1")
    #: Document number receipts are matched by (orderNo, logisticsNo or copNo).
    ref: Mapped[str] = mapped_column(String(60), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("clearance_cases.id", ondelete="CASCADE"), index=True)
    declaration_id: Mapped[int | None] = mapped_column(
        ForeignKey("clearance_declarations.id", ondelete="CASCADE"), index=True
    )
    #: The unsigned, XSD-valid message; the worker signs it when sending.
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    #: A :class:`MessageStatus` value.
    status: Mapped[str] = mapped_column(String(10), default=MessageStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: While sending: the claiming worker's token and when its claim runs out.
    lease_token: Mapped[str | None] = mapped_column(String(32))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Last returnStatus received for it, and when.
    receipt_status: Mapped[int | None] = mapped_column(Integer)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    case: Mapped[ClearanceCase | None] = relationship()


class ReceiptRecord(db.Model):
    """An incoming receipt (one return node), applied or quarantined; its identity makes duplicates no-ops."""

    __tablename__ = "clearance_receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: "<kind>:<return guid>:<returnStatus>", or "raw:<sha256>" for unreadable input.
    identity: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(6), default="")
    #: A :class:`ReceiptState` value.
    state: Mapped[str] = mapped_column(String(12), default=ReceiptState.APPLIED.value, index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("clearance_messages.id", ondelete="SET NULL"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("clearance_cases.id", ondelete="CASCADE"), index=True)
    declaration_id: Mapped[int | None] = mapped_column(
        ForeignKey("clearance_declarations.id", ondelete="CASCADE"), index=True
    )
    return_status: Mapped[int | None] = mapped_column(Integer)
    return_time: Mapped[datetime | None] = mapped_column(UTCDateTime())
    return_info: Mapped[str] = mapped_column(Text, default="")
    #: Business keys of the receipt (copNo, invtNo, orderNo …).
    keys: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Where it came from (file name, "simulator", "http") and why it was quarantined.
    source: Mapped[str] = mapped_column(String(200), default="")
    error: Mapped[str] = mapped_column(Text, default="")
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class SummaryDeclaration(db.Model):
    """A summary application (CEB701) of one month's released lists and, once customs answers, its result."""

    __tablename__ = "clearance_declarations"

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    #: The month summarised, "YYYY-MM" (Beijing time of release).
    month: Mapped[str] = mapped_column(String(7), index=True)
    cop_no: Mapped[str] = mapped_column(String(30), unique=True)
    #: The merging keys shared by every list in it.
    ebc_code: Mapped[str] = mapped_column(String(18))
    ebc_name: Mapped[str] = mapped_column(String(100))
    owner_code: Mapped[str] = mapped_column(String(18))
    traf_mode: Mapped[str] = mapped_column(String(1))
    destination: Mapped[str] = mapped_column(String(2))
    port_code: Mapped[str] = mapped_column(String(4))
    customs_code: Mapped[str] = mapped_column(String(4))
    list_count: Mapped[int] = mapped_column(Integer)
    #: A :class:`DeclarationStatus` value.
    status: Mapped[str] = mapped_column(String(12), default=DeclarationStatus.APPLIED.value, index=True)
    #: Numbers from customs: e-port number, summary number (CEB702) and declaration number (CEB792 entryId).
    pre_no: Mapped[str | None] = mapped_column(String(18))
    sum_no: Mapped[str | None] = mapped_column(String(18), index=True)
    entry_id: Mapped[str | None] = mapped_column(String(18))
    return_info: Mapped[str] = mapped_column(Text, default="")
    result_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    lines: Mapped[list[DeclarationLine]] = relationship(
        back_populates="declaration", order_by="DeclarationLine.gseqno", cascade="all, delete-orphan"
    )


class DeclarationLine(db.Model):
    """One line of a summary declaration: list lines merged by HS code, destination, currency (and name)."""

    __tablename__ = "clearance_declaration_lines"
    __table_args__ = (UniqueConstraint("declaration_id", "gseqno"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(ForeignKey("clearance_declarations.id", ondelete="CASCADE"), index=True)
    #: Line number in the declaration, from 1.
    gseqno: Mapped[int] = mapped_column(Integer)
    gcode: Mapped[str] = mapped_column(String(10))
    item_name: Mapped[str] = mapped_column(String(250))
    destination: Mapped[str] = mapped_column(String(2))
    currency: Mapped[str] = mapped_column(String(3))
    unit: Mapped[str] = mapped_column(String(3))
    qty: Mapped[Decimal] = mapped_column(QTY)
    unit1: Mapped[str] = mapped_column(String(3))
    qty1: Mapped[Decimal] = mapped_column(QTY)
    unit2: Mapped[str | None] = mapped_column(String(3))
    qty2: Mapped[Decimal | None] = mapped_column(QTY)
    #: FOB value in minor units of ``currency`` (exact sum of the merged list lines).
    value_minor: Mapped[int] = mapped_column(BigInteger)
    list_line_count: Mapped[int] = mapped_column(Integer)

    declaration: Mapped[SummaryDeclaration] = relationship(back_populates="lines")

    @property
    def value(self) -> Money:
        """FOB value."""
        return Money(self.value_minor, self.currency)


class DeclarationList(db.Model):
    """A list that went into a summary declaration: its row means "summarised" (a list goes in only once)."""

    __tablename__ = "clearance_declaration_lists"

    case_id: Mapped[int] = mapped_column(ForeignKey("clearance_cases.id", ondelete="CASCADE"), primary_key=True)
    declaration_id: Mapped[int] = mapped_column(ForeignKey("clearance_declarations.id", ondelete="CASCADE"), index=True)


class DeclarationLink(db.Model):
    """Which list line was merged into which declaration line (append-only, written in bulk)."""

    __tablename__ = "clearance_declaration_links"

    case_line_id: Mapped[int] = mapped_column(
        ForeignKey("clearance_case_lines.id", ondelete="CASCADE"), primary_key=True
    )
    declaration_line_id: Mapped[int] = mapped_column(
        ForeignKey("clearance_declaration_lines.id", ondelete="CASCADE"), index=True
    )


def utcnow() -> datetime:
    """The current time, aware UTC (the clock the worker injects by default)."""
    return datetime.now(UTC)


def to_utc(moment: datetime | None) -> datetime | None:
    """Aware UTC for storing and comparing (SQLite keeps no offset: naive values read back are UTC)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
