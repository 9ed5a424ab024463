"""Ledger tables: entries (append-only) and commission rates."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, DateTime, Index, Integer, Numeric, String, event, func
from sqlalchemy.orm import Mapped, Session, mapped_column

from storefront.core.money import Money
from storefront.extensions import db


class EntryKind:
    """What a ledger transaction records."""

    CHARGE = "charge"
    REFUND = "refund"
    COMMISSION = "commission"
    COMMISSION_REVERSAL = "commission_reversal"
    VOUCHER_SUBSIDY = "voucher_subsidy"
    PAYOUT = "payout"

    ALL = (CHARGE, REFUND, COMMISSION, COMMISSION_REVERSAL, VOUCHER_SUBSIDY, PAYOUT)


class AppendOnlyError(RuntimeError):
    """Ledger entries are never changed or deleted; post a reversing transaction instead."""


class LedgerEntry(db.Model):
    """One line of a ledger transaction (debit > 0, credit < 0); the lines of a ``txn`` sum to zero."""

    __tablename__ = "ledger_entries"
    __table_args__ = (
        CheckConstraint("amount_minor <> 0", name="amount_not_zero"),
        CheckConstraint("length(currency) = 3", name="currency_iso"),
        CheckConstraint(
            "(amount_minor > 0 AND cny_fen >= 0) OR (amount_minor < 0 AND cny_fen <= 0)", name="cny_same_sign"
        ),
        CheckConstraint(
            "kind IN ('charge', 'refund', 'commission', 'commission_reversal', 'voucher_subsidy', 'payout')",
            name="kind_known",
        ),
        Index("ix_ledger_entries_payable", "payable_kind", "payable_id"),
        Index("ix_ledger_entries_account_currency", "account", "currency"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Groups the entries of one money movement (they sum to zero).
    txn: Mapped[str] = mapped_column(String(40), index=True)
    #: An :class:`EntryKind` value.
    kind: Mapped[str] = mapped_column(String(20), index=True)
    #: See the account table in :mod:`storefront.ledger`.
    account: Mapped[str] = mapped_column(String(60))
    currency: Mapped[str] = mapped_column(String(3))
    #: Signed minor units of ``currency``: debit positive, credit negative.
    amount_minor: Mapped[int] = mapped_column(Integer)
    #: The same amount in CNY fen at the day's rate (``rate``), same sign.
    cny_fen: Mapped[int] = mapped_column(Integer)
    #: Units of ``currency`` per 1 CNY used for ``cny_fen`` (the operator rate table when recorded).
    rate: Mapped[Decimal] = mapped_column(Numeric(20, 8))
    #: What it belongs to: "order" / "service_order" (or "payout") and its id.
    payable_kind: Mapped[str] = mapped_column(String(20), default="")
    payable_id: Mapped[int | None] = mapped_column(Integer)
    #: The merchant sub-order of a shop order, when the entry is one seller's part.
    sub_order_id: Mapped[int | None] = mapped_column(Integer, index=True)
    #: The payment (``pi_…`` or bank reference) the money came in by.
    payment_ref: Mapped[str] = mapped_column(String(80), default="", index=True)
    #: The refund or payout reference, when there is one.
    reference: Mapped[str] = mapped_column(String(80), default="")
    memo: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)

    @property
    def amount(self) -> Money:
        """The signed amount."""
        return Money(self.amount_minor, self.currency)


@event.listens_for(LedgerEntry, "before_update")
def _refuse_update(_mapper, _connection, target) -> None:
    raise AppendOnlyError(f"ledger entry {target.id} cannot be changed")


@event.listens_for(LedgerEntry, "before_delete")
def _refuse_delete(_mapper, _connection, target) -> None:
    raise AppendOnlyError(f"ledger entry {target.id} cannot be deleted")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state) -> None:
    """ORM bulk UPDATE/DELETE statements may not touch the ledger either."""
    if (state.is_update or state.is_delete) and any(
        getattr(m, "class_", None) is LedgerEntry for m in state.all_mappers
    ):
        raise AppendOnlyError("ledger entries cannot be changed or deleted")


class CommissionRate(db.Model):
    """The platform's commission in basis points: per seller, else per category, else the default."""

    __tablename__ = "commission_rates"
    __table_args__ = (
        CheckConstraint("rate_bp >= 0 AND rate_bp <= 5000", name="rate_range"),
        CheckConstraint("scope IN ('default', 'category', 'seller')", name="scope_known"),
        db.UniqueConstraint("scope", "key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: default, category or seller.
    scope: Mapped[str] = mapped_column(String(10))
    #: "" (default), a category key ("product:<id>", "service:<slug>") or a seller account key.
    key: Mapped[str] = mapped_column(String(60), default="")
    #: Basis points (500 = 5 %).
    rate_bp: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class Payout(db.Model):
    """A seller asks for its available balance; an operator pays it by bank and records the reference.
    ``sequence`` is unique per seller account: two requests at once cannot both pass the balance check."""

    __tablename__ = "payouts"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("status IN ('requested', 'paid', 'rejected')", name="status_known"),
        db.UniqueConstraint("account", "sequence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: ``seller:merchant:<id>`` or ``seller:provider:<id>``.
    account: Mapped[str] = mapped_column(String(60), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    #: requested, paid or rejected.
    status: Mapped[str] = mapped_column(String(10), default="requested", index=True)
    #: Bank reference of the outgoing transfer (when paid).
    bank_ref: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    requested_by: Mapped[str] = mapped_column(String(40), default="")
    decided_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def amount(self) -> Money:
        """The amount asked for."""
        return Money(self.amount_minor, self.currency)


class PayoutDetails(db.Model):
    """Where a seller's payouts go: the bank account the operator transfers to (one per seller account)."""

    __tablename__ = "payout_details"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: ``seller:merchant:<id>`` or ``seller:provider:<id>`` (the ledger account it is paid from).
    account: Mapped[str] = mapped_column(String(60), unique=True)
    #: Bank and branch (开户行), e.g. 中国银行大连分行.
    bank_name: Mapped[str] = mapped_column(String(120))
    #: Name on the account (户名): the filed company's name.
    account_name: Mapped[str] = mapped_column(String(120))
    #: Account number (账号), digits and spaces as printed.
    account_number: Mapped[str] = mapped_column(String(40))
    #: SWIFT/BIC for foreign-currency payouts (optional).
    swift: Mapped[str] = mapped_column(String(11), default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    #: Who last saved them (kept as NULL if that account is deleted).
    updated_by_id: Mapped[int | None] = mapped_column(db.ForeignKey("users.id", ondelete="SET NULL"))
