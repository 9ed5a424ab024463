"""Operator-managed exchange rates: edits, CSV import and the history of every change.

Stored as units of a currency per 1 CNY (what price conversion needs); entered and shown the way the People's
Bank of China central parity table quotes them (:data:`QUOTES`): "1 USD = 7.10 CNY", "1 CNY = 12.85 RUB". A new
rate more than :data:`JUMP_LIMIT` away from the current one is only saved once the operator confirms it (a typo
or the wrong direction is caught before buyers see prices ten times too high)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

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
#: A change larger than this share of the current rate needs a confirmation.
JUMP_LIMIT = Decimal("0.10")
_STORED = Decimal("0.00000001")
_SHOWN = Decimal("0.0001")


def _stored(value: Decimal) -> Decimal:
    """A stored rate: at most 8 decimals, no trailing zeros, never in exponent notation."""
    value = value.quantize(_STORED, rounding=ROUND_HALF_EVEN)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


@dataclass(frozen=True)
class Quote:
    """How people write a currency's rate: ``units`` of the first currency = n of the second."""

    currency: str
    #: True for "1 USD = 7.10 CNY" (the foreign currency first), False for "1 CNY = 12.85 RUB".
    foreign_first: bool
    #: How many units of the first currency the quote is for (1, or 100 for small units).
    units: int = 1

    @property
    def first(self) -> str:
        """The currency on the left of "=" ."""
        return self.currency if self.foreign_first else BASE_CURRENCY

    @property
    def second(self) -> str:
        """The currency on the right of "=" ."""
        return BASE_CURRENCY if self.foreign_first else self.currency

    @property
    def pair(self) -> str:
        """The pair as the central parity table names it, e.g. ``USD/CNY``, ``CNY/RUB``."""
        return f"{self.units if self.units != 1 else ''}{self.first}/{self.second}"

    def to_stored(self, quoted: Decimal) -> Decimal:
        """The stored rate (units per 1 CNY) for a quoted value."""
        per_cny = self.units / quoted if self.foreign_first else quoted / self.units
        return _stored(per_cny)

    def from_stored(self, stored: Decimal) -> Decimal:
        """The quoted value (4 decimals) for a stored rate."""
        stored = Decimal(stored)
        quoted = self.units / stored if self.foreign_first else stored * self.units
        return quoted.quantize(_SHOWN, rounding=ROUND_HALF_EVEN)


#: The central parity table's conventions: USD/CNY and EUR/CNY, CNY/RUB, CNY/KRW, CNY/MNT.
QUOTES: dict[str, Quote] = {
    "USD": Quote("USD", True),
    "EUR": Quote("EUR", True),
    "RUB": Quote("RUB", False),
    "KRW": Quote("KRW", False),
    "MNT": Quote("MNT", False),
}


def quote_of(currency: str) -> Quote:
    """The quote convention of an editable currency (foreign first unless listed)."""
    return QUOTES.get(currency) or Quote(currency, True)


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
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)

    changed_by = relationship("User", lazy="joined")


class RateError(ValueError):
    """A rate value that cannot be used; ``message`` is translatable."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


class RateJump(RateError):
    """A new rate too far from the current one, refused until the operator confirms it."""

    def __init__(self, currency: str, change: Decimal) -> None:
        self.currency, self.change = currency, change
        shown = format(change * 100, "+.1f") + " %"
        message = _l(
            "%(code)s would change by %(change)s from the current rate. Check the value and the direction, "
            "then confirm.",
            code=currency,
            change=shown,
        )
        super().__init__(message)


def jump(currency: str, rate: Decimal) -> Decimal | None:
    """The relative change from the current rate when it exceeds :data:`JUMP_LIMIT`, else None."""
    row = db.session.get(ExchangeRate, currency)
    if row is None or not row.rate:
        return None
    old = Decimal(row.rate)
    change = (rate - old) / old
    return change if abs(change) > JUMP_LIMIT else None


def parse_quote(currency: str, text: str | None) -> Decimal:
    """The stored rate for a value typed in the currency's quote direction ('7.10' for 1 USD = 7.10 CNY)."""
    if currency not in EDITABLE:
        raise RateError(_l("Unknown currency %(code)s.", code=currency))
    stored = quote_of(currency).to_stored(parse_rate(text))
    if stored <= 0:
        raise RateError(_l("Enter a positive number, for example 12.85."))
    return stored


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


def set_rate(currency: str, rate: Decimal, actor, source: str = "form", *, confirmed: bool = False) -> bool:
    """Set one rate (units per 1 CNY); records history and audit; returns False when the rate did not change.

    Raises :class:`RateJump` for a change above :data:`JUMP_LIMIT` unless ``confirmed``."""
    if currency not in EDITABLE:
        raise RateError(_l("Unknown currency %(code)s.", code=currency))
    row = db.session.get(ExchangeRate, currency)
    old = Decimal(row.rate) if row is not None else None
    if old is not None and old == rate:
        return False
    change = jump(currency, rate)
    if change is not None and not confirmed:
        raise RateJump(currency, change)
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
    """Result of reading a rates CSV: parsed rates, problems and large changes by line."""

    rates: dict[str, Decimal] = field(default_factory=dict)
    errors: list[tuple[int, str, object]] = field(default_factory=list)
    #: (line, currency, relative change) of rates more than JUMP_LIMIT from the current one.
    jumps: list[tuple[int, str, Decimal]] = field(default_factory=list)
    #: Pairs of the file for currencies the platform does not show (skipped, e.g. JPY/CNY).
    skipped: list[str] = field(default_factory=list)
    changed: int = 0


#: A central parity pair: ``USD/CNY``, ``CNY/RUB``, ``100JPY/CNY`` (also with a hyphen or 对).
_PAIR = re.compile(r"^(\d*)([A-Z]{3})(?:/|-|对)([A-Z]{3})$")
#: Accepted header names of the pair and rate columns (English and Chinese).
_PAIR_HEADERS = {"pair", "currency pair", "货币对"}
_RATE_HEADERS = {"rate", "central parity", "中间价", "汇率"}


def stored_from_pair(pair: str, value: Decimal) -> tuple[str, Decimal]:
    """(currency, units per 1 CNY) for a pair and its rate; RateError when neither side is CNY.

    ``USD/CNY 7.10``: 1 USD = 7.10 CNY; ``CNY/RUB 12.85``: 1 CNY = 12.85 RUB; ``100JPY/CNY 4.80``: 100 JPY = 4.80
    CNY."""
    m = _PAIR.match(pair.strip().upper().replace(" ", ""))
    if not m or (m.group(2) == BASE_CURRENCY) == (m.group(3) == BASE_CURRENCY):
        raise RateError(_l("Write the pair as USD/CNY or CNY/RUB (one side CNY)."))
    units, first, second = int(m.group(1) or 1), m.group(2), m.group(3)
    if units <= 0:
        raise RateError(_l("Write the pair as USD/CNY or CNY/RUB (one side CNY)."))
    if first == BASE_CURRENCY:  # units CNY = value of the currency
        return second, _stored(value / units)
    return first, _stored(units / value)  # units of it = value CNY


def read_csv(data: bytes) -> RateImport:
    """Parse a rates CSV; every problem is reported with its line.

    Two layouts: the central parity table (``pair,rate``: ``USD/CNY,7.1030``, ``CNY/RUB,11.2345``; other
    columns ignored; pairs of currencies the platform does not show are skipped), or ``currency,rate`` with the
    rate in units per 1 CNY."""
    result = RateImport()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append((1, "", _l("The file is not UTF-8 text.")))
        return result
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    pair_col = next((i for i, h in enumerate(header) if h in _PAIR_HEADERS), None)
    rate_col = next((i for i, h in enumerate(header) if h in _RATE_HEADERS), None)
    legacy = header[:2] == ["currency", "rate"]
    if not legacy and (pair_col is None or rate_col is None):
        result.errors.append((1, "", _l("The first line must be the header: pair,rate (or currency,rate)")))
        return result
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = [cell.strip() for cell in row]
        if legacy:
            parsed = _currency_line(result, line, cells)
        else:
            parsed = _pair_line(result, line, cells, pair_col, rate_col)
        if parsed is not None:
            _add_rate(result, line, *parsed)
    if not result.rates and not result.errors:
        result.errors.append((2, "", _l("The file has no rates.")))
    return result


def _currency_line(result: RateImport, line: int, cells: list[str]) -> tuple[str, Decimal] | None:
    """(currency, rate) of a ``currency,rate`` line; None, with an error, when it cannot be read."""
    code = (cells[0] if cells else "").upper()
    if code not in EDITABLE:
        result.errors.append((line, "currency", _l("Unknown currency %(code)s.", code=code or "—")))
        return None
    rate = _rate_cell(result, line, cells[1] if len(cells) > 1 else "")
    return None if rate is None else (code, rate)


def _pair_line(
    result: RateImport, line: int, cells: list[str], pair_col: int, rate_col: int
) -> tuple[str, Decimal] | None:
    """(currency, units per 1 CNY) of a central parity line; None when it has an error or a currency the
    platform does not show (skipped)."""
    pair = cells[pair_col] if pair_col < len(cells) else ""
    value = _rate_cell(result, line, cells[rate_col] if rate_col < len(cells) else "")
    if value is None:
        return None
    try:
        code, rate = stored_from_pair(pair, value)
    except RateError as exc:
        result.errors.append((line, "pair", exc.message))
        return None
    if code not in EDITABLE:
        result.skipped.append(pair)
        return None
    return code, rate


def _rate_cell(result: RateImport, line: int, text: str) -> Decimal | None:
    """The rate a cell holds; None, with an error, when it is not one."""
    try:
        return parse_rate(text)
    except RateError as exc:
        result.errors.append((line, "rate", exc.message))
        return None


def _add_rate(result: RateImport, line: int, code: str, rate: Decimal) -> None:
    """Take a line's rate unless its currency came before or it is out of range; note a large change."""
    if code in result.rates:
        result.errors.append((line, "currency", _l("%(code)s appears twice.", code=code)))
        return
    if rate <= 0 or rate >= MAX_RATE:
        result.errors.append((line, "rate", _l("Enter a positive number, for example 12.85.")))
        return
    result.rates[code] = rate
    change = jump(code, rate)
    if change is not None:
        result.jumps.append((line, code, change))


def import_csv(data: bytes, actor, *, confirmed: bool = False) -> RateImport:
    """Apply a rates CSV, all or nothing: nothing changes when any line is wrong, nor when a rate moves more
    than :data:`JUMP_LIMIT` and the operator has not confirmed (``result.jumps`` lists them)."""
    result = read_csv(data)
    if result.errors or (result.jumps and not confirmed):
        return result
    for code, rate in result.rates.items():
        result.changed += set_rate(code, rate, actor, source="csv", confirmed=True)
    return result


def chart_rows(currency: str, limit: int = 60) -> list[tuple[str, Decimal]]:
    """(date and time, quoted rate) of a currency's last changes, oldest first, for a chart."""
    quote = quote_of(currency)
    changes = reversed(history(currency, limit=limit))
    return [(c.changed_at.strftime("%m-%d %H:%M"), quote.from_stored(c.new_rate)) for c in changes]


def history(currency: str | None = None, limit: int = 200) -> list[RateChange]:
    """Latest rate changes, newest first."""
    stmt = select(RateChange).order_by(RateChange.changed_at.desc(), RateChange.id.desc()).limit(limit)
    if currency:
        stmt = stmt.where(RateChange.currency == currency)
    return list(db.session.scalars(stmt))
