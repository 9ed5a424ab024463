"""An operator's override of a seller's computed credit grade (the reason is also in the audit log)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.core.timestamps import UTCDateTime
from storefront.extensions import db


class CreditOverride(db.Model):
    """The grade an operator set for a seller instead of the computed one, and why."""

    __tablename__ = "credit_overrides"
    __table_args__ = (CheckConstraint("grade IN ('A', 'B', 'C', 'D')", name="grade_known"),)

    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id", ondelete="CASCADE"), primary_key=True)
    #: A, B, C or D (see :data:`storefront.trust.credit.GRADES`).
    grade: Mapped[str] = mapped_column(String(1))
    #: Why the operator set it (shown to operators, logged in the audit log).
    reason: Mapped[str] = mapped_column(Text)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now())

    operator = relationship("User")
