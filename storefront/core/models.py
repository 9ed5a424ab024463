"""Core tables: the exchange-rate table operators manage."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, DateTime, Numeric, String, func, select
from sqlalchemy.orm import Mapped, mapped_column

from storefront.extensions import db


class ExchangeRate(db.Model):
    """How many units of a currency one CNY buys (display conversion only)."""

    __tablename__ = "exchange_rates"
    __table_args__ = (CheckConstraint("rate > 0", name="rate_positive"),)

    #: ISO 4217 code.
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    #: Units of ``currency`` per 1 CNY.
    rate: Mapped[Decimal] = mapped_column(Numeric(20, 8))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


def load_rates() -> dict[str, Decimal]:
    """All rates as {currency: units per CNY}; CNY is always 1."""
    rows = db.session.execute(select(ExchangeRate.currency, ExchangeRate.rate)).all()
    rates = {code: Decimal(rate) for code, rate in rows}
    rates["CNY"] = Decimal(1)
    return rates
