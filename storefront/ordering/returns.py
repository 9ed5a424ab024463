"""Returns (RMA): the buyer asks to send a shipped parcel back, the merchant accepts with return instructions
(or declines with a reason), marks the goods received, and the refund goes through the money domain's
refund (``payments.refunds.refund``) for the merchant's part. One open return per sub-order.

requested → accepted → received → refunded, or requested → declined. Operations flush; the refund commits
its own attempt as the refunds module does."""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.core import labels
from storefront.core.errors import CodedError
from storefront.extensions import db
from storefront.ordering.models import SubOrder
from storefront.ordering.payable import KIND
from storefront.ordering.states import OrderStatus
from storefront.payments import refunds

#: The states of a return, as people read them.
RETURN_LABELS = {
    "requested": _l("Return requested"),
    "accepted": _l("Return accepted: send the goods back"),
    "declined": _l("Return declined"),
    "received": _l("Goods received back"),
    "refunded": _l("Refunded"),
}
labels.register("return_status", RETURN_LABELS)
OPEN = ("requested", "accepted", "received")
MAX_TEXT = 2000


class ReturnRequest(db.Model):
    """A buyer's request to return a shipped sub-order."""

    __tablename__ = "return_requests"
    __table_args__ = (
        CheckConstraint("status IN ('requested', 'accepted', 'declined', 'received', 'refunded')", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sub_order_id: Mapped[int] = mapped_column(ForeignKey("sub_orders.id", ondelete="CASCADE"), index=True)
    #: requested, accepted, declined, received or refunded.
    status: Mapped[str] = mapped_column(String(10), default="requested", index=True)
    #: Why the buyer returns the goods.
    reason: Mapped[str] = mapped_column(Text)
    #: The merchant's return address and instructions (when accepted), or why not (when declined).
    answer: Mapped[str] = mapped_column(Text, default="")
    #: The refund made when the goods came back (minor units of the order's currency).
    refunded_minor: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    sub_order: Mapped[SubOrder] = relationship(lazy="joined")


class ReturnError(CodedError):
    """A return step that cannot be taken."""

    MESSAGES = {
        "not_shipped": _l("Only shipped parcels can be returned."),
        "open": _l("A return for this parcel is already under way."),
        "reason": _l("Say why you return the goods (at most 2000 characters)."),
        "answer": _l("Write the return address and instructions, or the reason (at most 2000 characters)."),
        "state": _l("This return is not at that step."),
    }


def _text(value: str, code: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > MAX_TEXT:
        raise ReturnError(code)
    return value


def open_return(sub: SubOrder) -> ReturnRequest | None:
    """The sub-order's return under way, if any."""
    stmt = select(ReturnRequest).where(ReturnRequest.sub_order_id == sub.id, ReturnRequest.status.in_(OPEN))
    return db.session.scalars(stmt).first()


def returns_of(sub: SubOrder) -> list[ReturnRequest]:
    """Every return of a sub-order, newest first."""
    stmt = select(ReturnRequest).where(ReturnRequest.sub_order_id == sub.id).order_by(ReturnRequest.id.desc())
    return list(db.session.scalars(stmt))


def request_return(sub: SubOrder, reason: str) -> ReturnRequest:
    """The buyer asks to return a shipped parcel."""
    if sub.status != OrderStatus.SHIPPED.value:
        raise ReturnError("not_shipped")
    if open_return(sub) is not None:
        raise ReturnError("open")
    item = ReturnRequest(sub_order_id=sub.id, reason=_text(reason, "reason"))
    db.session.add(item)
    db.session.flush()
    return item


def _step(item: ReturnRequest, expected: str, status: str) -> None:
    if item.status != expected:
        raise ReturnError("state")
    item.status, item.updated_at = status, func.now()


def accept(item: ReturnRequest, instructions: str) -> None:
    """The merchant accepts, with the return address and instructions the buyer sees."""
    answer = _text(instructions, "answer")
    _step(item, "requested", "accepted")
    item.answer = answer
    db.session.flush()


def decline(item: ReturnRequest, reason: str) -> None:
    """The merchant declines, with the reason the buyer sees."""
    answer = _text(reason, "answer")
    _step(item, "requested", "declined")
    item.answer = answer
    db.session.flush()


def receive(item: ReturnRequest) -> None:
    """The goods came back to the merchant."""
    _step(item, "accepted", "received")
    db.session.flush()


def refund_return(item: ReturnRequest, amount_minor: int, *, actor: str, bank_ref: str = ""):
    """Refund the returned goods through the money domain's refund (of the merchant's part only); raises
    ``refunds.RefundError`` when the refund cannot be made (the return stays "received")."""
    if item.status != "received":
        raise ReturnError("state")
    sub = item.sub_order
    row = refunds.refund(
        KIND, sub.order, amount_minor, actor=actor, reason=f"RMA {item.id}", sub_order=sub, bank_ref=bank_ref
    )
    item.status, item.refunded_minor, item.updated_at = "refunded", amount_minor, func.now()
    db.session.flush()
    return row
