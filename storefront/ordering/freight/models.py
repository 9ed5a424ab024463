"""Rate cards logistics providers publish (the platform's own default card is data, not a row)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column

from storefront.extensions import db


class RateCard(db.Model):
    """A provider's lanes and rates, checked on upload (``rates.parse_card``), valid between two dates."""

    __tablename__ = "rate_cards"
    __table_args__ = (CheckConstraint("valid_from <= valid_until", name="valid_dates"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The logistics provider (services marketplace) that publishes and honours the rates.
    provider_id: Mapped[int] = mapped_column(ForeignKey("service_providers.id", ondelete="CASCADE"), index=True)
    #: The provider's own name for the card, e.g. "RU rail 2027 Q1".
    code: Mapped[str] = mapped_column(String(40))
    valid_from: Mapped[date] = mapped_column(Date)
    #: Expired cards (before today) price nothing.
    valid_until: Mapped[date] = mapped_column(Date, index=True)
    #: The lanes as checked: [{mode, zones, origin, via, days, breaks, min_fen, …}, …].
    lanes: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
