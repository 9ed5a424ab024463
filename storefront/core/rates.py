"""Operator-managed exchange rates: edits, CSV import and the history of every change."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from sqlalchemy import DateTime, ForeignKey, Numeric, String, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.core import audit
from storefront.core.models import ExchangeRate
from storefront.core.money import BASE_CURRENCY, DISPLAY_CURRENCIES
from storefront.extensions import db

#: Currencies operators set (CNY is the base and always 1).
EDITABLE = tuple(code for code in DISPLAY_CURRENCIES if code != BASE_CURRENCY)
MAX_RATE = Decimal("100000000")


class RateChange(db.Model):
    """One change of an exchange rate, kept forever."""

    __tablename__ = "exchange_rate_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), index=True)
    #: Rate before the change (None when the currency was added).
    old_rate: Mapped[Decimal | None] = mapped_column(Numeric(20, 8))
    #: Units of ``currency`` per 1 CNY after the change.
    new_rate: Mapped[Decimal] = mapped_column(Numeric(20, 8))
    #: ``form`` or ``csv``.
    source: Mapped[str] = mapped_column(String(10), default="form")
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    changed_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )

    changed_by = relationship("User", lazy="joined")


class RateError(ValueError):
    """A rate value that cannot be used; ``message`` is translatable."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


def parse_rate(text: str | None) -> Decimal:
    """A positive rate with at most 8 decimals from text ('12.85', '12,85')."""
    cleaned = (text or "").strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise RateError(_l("Enter a positive number, for example 12.85.")) from None
    if not value.is_finite() or value <= 0 or value >= MAX_RATE:
        raise RateError(_l("Enter a positive number, for example 12.85."))
    if value.as_tuple().exponent < -8:
        raise RateError(_l("Use at most 8 decimal places."))
    return value


def current() -> list[ExchangeRate]:
    """The editable rates that exist, in display order."""
    rows = {r.currency: r for r in db.session.scalars(select(ExchangeRate))}
    return [rows[code] for code in EDITABLE if code in rows]


def set_rate(currency: str, rate: Decimal, actor, source: str = "form") -> bool:
    """Set one rate; records history and audit; returns False when the rate did not change."""
    if currency not in EDITABLE:
        raise RateError(_l("Unknown currency %(code)s.", code=currency))
    row = db.session.get(ExchangeRate, currency)
    old = Decimal(row.rate) if row is not None else None
    if old is not None and old == rate:
        return False
    if row is None:
        row = ExchangeRate(currency=currency, rate=rate)
        db.session.add(row)
    else:
        row.rate = rate
        row.updated_at = datetime.now(UTC)
    db.session.add(
        RateChange(
            currency=currency,
            old_rate=old,
            new_rate=rate,
            source=source,
            changed_by_id=getattr(actor, "id", None),
        )
    )
    db.session.flush()
    audit.record(
        actor,
        "rate.update",
        ("exchange_rates", currency),
        None if old is None else {"rate": old},
        {"rate": rate, "source": source},
    )
    return True


@dataclass
class RateImport:
    """Result of reading a rates CSV: parsed rates or problems by line."""

    rates: dict[str, Decimal] = field(default_factory=dict)
    errors: list[tuple[int, str, object]] = field(default_factory=list)
    changed: int = 0


def read_csv(data: bytes) -> RateImport:
    """Parse a CSV with a ``currency,rate`` header; every problem is reported with its line."""
    result = RateImport()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append((1, "", _l("The file is not UTF-8 text.")))
        return result
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    if header[:2] != ["currency", "rate"]:
        result.errors.append((1, "", _l("The first line must be the header: currency,rate")))
        return result
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        code = (row[0] if row else "").strip().upper()
        if code not in EDITABLE:
            result.errors.append((line, "currency", _l("Unknown currency %(code)s.", code=code or "—")))
            continue
        if code in result.rates:
            result.errors.append((line, "currency", _l("%(code)s appears twice.", code=code)))
            continue
        try:
            result.rates[code] = parse_rate(row[1] if len(row) > 1 else "")
        except RateError as exc:
            result.errors.append((line, "rate", exc.message))
    if not result.rates and not result.errors:
        result.errors.append((2, "", _l("The file has no rates.")))
    return result


def import_csv(data: bytes, actor) -> RateImport:
    """Apply a rates CSV, all or nothing: nothing changes when any line is wrong."""
    result = read_csv(data)
    if result.errors:
        return result
    for code, rate in result.rates.items():
        result.changed += set_rate(code, rate, actor, source="csv")
    return result


def history(currency: str | None = None, limit: int = 200) -> list[RateChange]:
    """Latest rate changes, newest first."""
    stmt = select(RateChange).order_by(RateChange.changed_at.desc(), RateChange.id.desc()).limit(limit)
    if currency:
        stmt = stmt.where(RateChange.currency == currency)
    return list(db.session.scalars(stmt))
