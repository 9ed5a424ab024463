"""Appeals against a moderation hide: the merchant answers the operator's reason; the appeal waits in the
operator's moderation queue until an operator restores the product or keeps it hidden with an answer."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.accounts import notices
from storefront.catalog import moderation
from storefront.catalog.models import Product
from storefront.core import audit
from storefront.core.errors import CodedError
from storefront.extensions import db

#: Longest appeal or answer (also a CHECK constraint, storefront/core/limits.py).
MAX_TEXT = 2000


class AppealStatus:
    """Where an appeal stands."""

    OPEN = "open"
    ACCEPTED = "accepted"  # the product was restored
    REJECTED = "rejected"  # it stays hidden; ``answer`` says why

    ALL = (OPEN, ACCEPTED, REJECTED)


class ModerationAppeal(db.Model):
    """A merchant's appeal against an operator hiding one of their products."""

    __tablename__ = "moderation_appeals"
    __table_args__ = (CheckConstraint("status IN ('open', 'accepted', 'rejected')", name="status_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    #: The moderation reason the appeal answers (the product's reason may change later).
    reason: Mapped[str] = mapped_column(Text, default="")
    #: What the merchant says (what they changed, why the hide is wrong).
    message: Mapped[str] = mapped_column(Text)
    #: open, accepted (restored) or rejected (kept hidden).
    status: Mapped[str] = mapped_column(String(10), default=AppealStatus.OPEN, index=True)
    #: The operator's answer when the product stays hidden.
    answer: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    product: Mapped[Product] = relationship(lazy="joined")


class AppealError(CodedError):
    """An appeal that cannot be made or decided; ``message`` is translatable."""

    MESSAGES = {
        "not_hidden": _l("This product is not hidden by an operator."),
        "open": _l("An appeal for this product is already waiting for an operator."),
        "empty": _l("Say what you changed or why the product should be shown."),
        "too_long": _l("At most %(n)s characters.", n=MAX_TEXT),
        "decided": _l("This appeal has already been decided."),
        "answer": _l("Give an answer the merchant will see."),
    }


def _error(code: str) -> AppealError:
    return AppealError(code)


def open_appeal_of(product: Product) -> ModerationAppeal | None:
    """The product's appeal still waiting for an operator, if any."""
    stmt = select(ModerationAppeal).where(
        ModerationAppeal.product_id == product.id, ModerationAppeal.status == AppealStatus.OPEN
    )
    return db.session.scalars(stmt).first()


def appeal(product: Product, user, message: str) -> ModerationAppeal:
    """The merchant appeals against the hide of one of their products (flushes; audited)."""
    message = (message or "").strip()
    if not product.moderation_reason:
        raise _error("not_hidden")
    if not message:
        raise _error("empty")
    if len(message) > MAX_TEXT:
        raise _error("too_long")
    if open_appeal_of(product) is not None:
        raise _error("open")
    item = ModerationAppeal(
        product_id=product.id, reason=product.moderation_reason, message=message, created_by_id=user.id
    )
    db.session.add(item)
    db.session.flush()
    audit.record(user, "product.appeal", product, None, {"appeal": item.id, "message": message})
    return item


def accept(item: ModerationAppeal, operator) -> None:
    """Restore the product: the appeal is accepted (the restore is audited by the catalogue)."""
    if item.status != AppealStatus.OPEN:
        raise _error("decided")
    moderation.restore(item.product, operator)
    item.status, item.decided_at, item.decided_by_id = AppealStatus.ACCEPTED, datetime.now(UTC), operator.id
    db.session.flush()
    notices.appeal_decided(item)


def reject(item: ModerationAppeal, operator, answer: str) -> None:
    """Keep the product hidden; the merchant sees the answer (audited)."""
    answer = (answer or "").strip()
    if item.status != AppealStatus.OPEN:
        raise _error("decided")
    if not answer:
        raise _error("answer")
    if len(answer) > MAX_TEXT:
        raise _error("too_long")
    item.status, item.answer = AppealStatus.REJECTED, answer
    item.decided_at, item.decided_by_id = datetime.now(UTC), operator.id
    db.session.flush()
    audit.record(operator, "product.appeal_reject", item.product, None, {"appeal": item.id, "answer": answer})
    notices.appeal_decided(item)


def open_appeals(limit: int = 200) -> list[ModerationAppeal]:
    """Appeals waiting for an operator, oldest first."""
    stmt = (
        select(ModerationAppeal)
        .where(ModerationAppeal.status == AppealStatus.OPEN)
        .order_by(ModerationAppeal.created_at, ModerationAppeal.id)
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def appeals_of(product: Product) -> list[ModerationAppeal]:
    """A product's appeals, newest first."""
    stmt = (
        select(ModerationAppeal)
        .where(ModerationAppeal.product_id == product.id)
        .order_by(ModerationAppeal.created_at.desc(), ModerationAppeal.id.desc())
    )
    return list(db.session.scalars(stmt))
