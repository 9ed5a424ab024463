"""Rate cards logistics providers publish (the platform's own default card is data, not a row) and the
operator's edits of the landed-cost rules."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, Integer, Numeric, String, func
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


class DutyRuleOverride(db.Model):
    """An operator's edit of one landed-cost rule of data/duties.toml (same key); the file stays the default."""

    __tablename__ = "duty_rule_overrides"
    __table_args__ = (
        CheckConstraint("free_limit >= 0 AND free_weight_g >= 0 AND excess_min_per_kg >= 0", name="not_negative"),
        CheckConstraint(
            "duty_pct >= 0 AND duty_pct <= 100 AND vat_pct >= 0 AND vat_pct <= 100 "
            "AND excess_pct >= 0 AND excess_pct <= 100",
            name="percentages",
        ),
    )

    #: The rule's key in data/duties.toml (kr-personal, ru-personal, eu-ioss).
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    #: Where the numbers come from (law, notice, customs page), shown to buyers with the estimate.
    source: Mapped[str] = mapped_column(String(500))
    #: The date the rule took effect.
    effective: Mapped[date] = mapped_column(Date)
    #: Minor units of the rule's currency.
    free_limit: Mapped[int] = mapped_column(Integer)
    free_weight_g: Mapped[int] = mapped_column(Integer)
    duty_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    vat_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    excess_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    excess_min_per_kg: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
