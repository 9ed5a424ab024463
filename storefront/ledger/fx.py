"""FX settlement records (收结汇): for each released inventory list, the foreign-currency amount received, the
settlement date and rate, and the bank reference, linked to the order, the list number and the summary
declaration number; exportable per merchant as CSV for their bank.

Operations flush, never commit.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, Numeric, String, func, select
from sqlalchemy.orm import Mapped, mapped_column

from storefront.clearance.models import ClearanceCase, DeclarationList, SummaryDeclaration
from storefront.core.errors import CodedError
from storefront.core.money import Money
from storefront.extensions import db

#: Lists whose goods customs released (the settlement follows the declaration).
SETTLEABLE = ("released", "departed", "closed")
MESSAGES = {
    "case": _l("Choose a released inventory list."),
    "amount": _l("Enter an amount greater than zero."),
    "rate": _l("Enter the settlement rate (CNY per 1 unit of the currency)."),
    "date": _l("Enter the settlement date."),
    "bank_ref": _l("Enter the bank reference of the settlement."),
    "duplicate": _l("This settlement is already recorded."),
}


class FxError(CodedError):
    """A settlement that cannot be recorded; ``message`` is translated."""

    MESSAGES = MESSAGES


class FxSettlement(db.Model):
    """Foreign currency received for one released inventory list, settled into CNY at the bank."""

    __tablename__ = "fx_settlements"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("rate > 0", name="rate_positive"),
        db.UniqueConstraint("case_id", "bank_ref"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id"), index=True)
    #: The inventory list (clearance case) of the merchant sub-order.
    case_id: Mapped[int] = mapped_column(ForeignKey("clearance_cases.id"), index=True)
    #: Snapshots at recording: order (sub-order) number, inventory list number, summary declaration number.
    order_no: Mapped[str] = mapped_column(String(60))
    invt_no: Mapped[str] = mapped_column(String(20), default="")
    sum_no: Mapped[str] = mapped_column(String(18), default="")
    #: Foreign currency received, minor units.
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    settled_on: Mapped[date] = mapped_column(Date)
    #: CNY per 1 unit of ``currency`` (the bank's settlement rate).
    rate: Mapped[Decimal] = mapped_column(Numeric(20, 8))
    #: The CNY credited: amount × rate, in fen.
    cny_fen: Mapped[int] = mapped_column(Integer)
    bank_ref: Mapped[str] = mapped_column(String(60))
    recorded_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    @property
    def amount(self) -> Money:
        """Foreign currency received."""
        return Money(self.amount_minor, self.currency)


def settleable_cases(merchant_id: int | None = None, limit: int = 200):
    """Released lists (newest first) with their summary declaration number, if any."""

    query = select(ClearanceCase).where(ClearanceCase.status.in_(SETTLEABLE)).order_by(ClearanceCase.id.desc())
    if merchant_id is not None:
        query = query.where(ClearanceCase.merchant_id == merchant_id)
    return list(db.session.scalars(query.limit(limit)))


def _sum_no(case_id: int) -> str:
    return (
        db.session.scalar(
            select(SummaryDeclaration.sum_no)
            .join(DeclarationList, DeclarationList.declaration_id == SummaryDeclaration.id)
            .where(DeclarationList.case_id == case_id)
        )
        or ""
    )


def record(
    case_id: int | None,
    amount_minor: int | None,
    currency: str,
    settled_on: date | None,
    rate_text: str,
    bank_ref: str,
    *,
    actor: str,
) -> FxSettlement:
    """Record a settlement for a released list (raises :class:`FxError`; nothing changes then)."""
    case = db.session.get(ClearanceCase, case_id) if case_id else None
    if case is None or case.status not in SETTLEABLE:
        raise FxError("case")
    if amount_minor is None or amount_minor <= 0:
        raise FxError("amount")
    try:
        rate = Decimal(str(rate_text).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise FxError("rate") from exc
    if not rate.is_finite() or rate <= 0 or rate > 100000:
        raise FxError("rate")
    if settled_on is None:
        raise FxError("date")
    bank_ref = (bank_ref or "").strip()[:60]
    if not bank_ref:
        raise FxError("bank_ref")
    exists = db.session.scalar(
        select(func.count(FxSettlement.id)).where(FxSettlement.case_id == case.id, FxSettlement.bank_ref == bank_ref)
    )
    if exists:
        raise FxError("duplicate")
    received = Money(amount_minor, currency.upper())
    cny = int((received.amount * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).scaleb(2))
    row = FxSettlement(
        merchant_id=case.merchant_id,
        case_id=case.id,
        order_no=case.order_no,
        invt_no=case.invt_no or "",
        sum_no=_sum_no(case.id),
        amount_minor=amount_minor,
        currency=received.currency,
        settled_on=settled_on,
        rate=rate,
        cny_fen=cny,
        bank_ref=bank_ref,
        recorded_by=actor[:40],
    )
    db.session.add(row)
    db.session.flush()
    return row


def settlements_of(merchant_id: int | None = None) -> list[FxSettlement]:
    """Settlements, newest first."""
    query = select(FxSettlement).order_by(FxSettlement.settled_on.desc(), FxSettlement.id.desc())
    if merchant_id is not None:
        query = query.where(FxSettlement.merchant_id == merchant_id)
    return list(db.session.scalars(query))


def to_csv(rows: list[FxSettlement]) -> str:
    """The merchant's settlement file for the bank (one line per settlement)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["order_no", "invt_no", "sum_no", "currency", "amount", "settled_on", "rate_cny", "cny", "bank_ref"]
    )
    for r in rows:
        writer.writerow(
            [
                r.order_no,
                r.invt_no,
                r.sum_no,
                r.currency,
                str(r.amount.amount),
                r.settled_on.isoformat(),
                str(Decimal(r.rate).normalize()),
                str(Money(r.cny_fen, "CNY").amount),
                ("'" + r.bank_ref) if r.bank_ref[:1] in "=+-@" else r.bank_ref,
            ]
        )
    return out.getvalue()
