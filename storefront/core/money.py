"""Money: integer minor units plus ISO currency, conversion from the CNY base, per-locale formatting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_currency, get_currency_precision
from flask import g, session
from flask_babel import lazy_gettext as _l

from storefront.core.locales import BABEL_LOCALE, current_lang
from storefront.core.models import load_rates

BASE_CURRENCY = "CNY"
_AMOUNT_RE = re.compile(r"^\d{1,12}(\.\d{0,4})?$")
#: Currencies a buyer may display prices in.
DISPLAY_CURRENCIES: tuple[str, ...] = ("CNY", "RUB", "KRW", "USD", "EUR", "MNT")
#: Display currency used when the buyer has not chosen one.
DEFAULT_CURRENCY = {"zh": "CNY", "ru": "RUB", "ko": "KRW", "en": "USD", "mn": "MNT"}
#: Currencies whose minor unit exists on paper (ISO 4217: MNT has 2 decimals, kept in storage) but whose prices
#: are quoted in whole units in practice: conversions into them round to a whole unit, and whole amounts are
#: shown without decimals (₮ 48,500, not ₮ 48,500.00). Amounts with a fractional part still show it.
WHOLE_UNIT_CURRENCIES = frozenset({"MNT"})
#: Seed rates: units of the currency per 1 CNY (operators edit them in the database).
SEED_RATES = {
    "CNY": Decimal("1"),
    "RUB": Decimal("12.85"),
    "KRW": Decimal("192.40"),
    "USD": Decimal("0.1389"),
    "EUR": Decimal("0.1282"),
    "MNT": Decimal("472.50"),
}


#: ISO 4217 minor units (decimals) — the one table for amounts in the database, on pages, in e-mails and at
#: the gateway. CLDR (Babel's ``get_currency_precision``) is not ISO 4217: it gives IDR, HUF and others
#: "cash" digits, so it is only a fallback for currencies missing here. MNT: ISO 4217 says 2 (möngö), and
#: Stripe also treats MNT as an ordinary two-decimal currency, so no special case is needed.
ISO_MINOR_UNITS: dict[str, int] = {
    "CNY": 2,
    "RUB": 2,
    "KRW": 0,
    "USD": 2,
    "EUR": 2,
    "MNT": 2,
    "JPY": 0,
    "GBP": 2,
    "HKD": 2,
    "KZT": 2,
    "PLN": 2,
    "CZK": 2,
    "HUF": 2,
    "RON": 2,
    "BGN": 2,
    "BYN": 2,
    "UZS": 2,
    "TWD": 2,
    "IDR": 2,
    "VND": 0,
    "ISK": 0,
    "CLP": 0,
    "UGX": 0,
    "BHD": 3,
    "JOD": 3,
    "KWD": 3,
    "OMR": 3,
    "TND": 3,
}
#: Stripe's zero-decimal currencies (amount in whole units) and three-decimal ones; others have two.
#: Stripe's special cases (ISK, HUF, TWD, UGX) are sent with two decimals for backward compatibility, so
#: for them Stripe's count differs from ISO 4217 and :func:`storefront.payments.stripe_gateway.check_currency`
#: refuses them rather than charge a wrong amount. None of them is a display or charge currency here.
GATEWAY_ZERO_DECIMAL = frozenset("BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF VND VUV XAF XOF XPF".split())
GATEWAY_THREE_DECIMAL = frozenset("BHD JOD KWD OMR TND".split())
GATEWAY_SPECIAL_TWO_DECIMAL = frozenset("ISK HUF TWD UGX".split())


def exponent(currency: str) -> int:
    """Number of decimals of the currency's ISO 4217 minor unit (KRW, JPY → 0; CNY, MNT → 2)."""
    code = currency.upper()
    found = ISO_MINOR_UNITS.get(code)
    return found if found is not None else get_currency_precision(code)


def gateway_exponent(currency: str) -> int:
    """Decimals the card gateway (Stripe) uses for the currency's amounts."""
    code = currency.upper()
    if code in GATEWAY_SPECIAL_TWO_DECIMAL:
        return 2
    return 0 if code in GATEWAY_ZERO_DECIMAL else 3 if code in GATEWAY_THREE_DECIMAL else 2


@dataclass(frozen=True)
class Money:
    """An amount in integer minor units of a currency."""

    minor: int
    currency: str

    @property
    def amount(self) -> Decimal:
        """The amount in major units, exact."""
        return Decimal(self.minor).scaleb(-exponent(self.currency))

    def format(self, locale: str | None = None) -> str:
        """Format for a locale with Babel (symbol, separators), with exactly the ISO 4217 decimals; whole amounts of
        currencies shown without decimals (WHOLE_UNIT_CURRENCIES, e.g. MNT) drop them."""
        babel_locale = _babel_locale(locale or current_lang())
        if self.currency in WHOLE_UNIT_CURRENCIES and self.minor % 10 ** exponent(self.currency) == 0:
            return format_currency(
                self.amount,
                self.currency,
                format=_whole_pattern(babel_locale),
                locale=babel_locale,
                currency_digits=False,
            )
        if get_currency_precision(self.currency) == exponent(self.currency):
            return format_currency(self.amount, self.currency, locale=babel_locale)
        # CLDR would round to other decimals than the amount has: keep every minor unit.
        return format_currency(
            self.amount, self.currency, locale=babel_locale, currency_digits=False, decimal_quantization=False
        )

    def to_json(self) -> dict:
        """API shape: exact decimal string, ISO code and integer minor units."""
        return {"amount": str(self.amount), "currency": self.currency, "minor": self.minor}

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError("cannot add different currencies")
        return Money(self.minor + other.minor, self.currency)

    def __mul__(self, qty: int) -> Money:
        return Money(self.minor * int(qty), self.currency)


@lru_cache(maxsize=16)
def _whole_pattern(babel_locale: str) -> str:
    """The locale's standard currency pattern without its decimals ('¤ #,##0.00' → '¤ #,##0')."""
    pattern = Locale.parse(babel_locale).currency_formats["standard"].pattern
    return re.sub(r"\.[0#]+", "", pattern)


def _babel_locale(lang: str) -> str:
    """Babel locale name for a UI language."""
    return BABEL_LOCALE.get(lang, lang)


def to_minor(amount: Decimal | str, currency: str) -> int:
    """Major-unit amount → integer minor units (half-up)."""
    quantum = Decimal(1).scaleb(-exponent(currency))
    return int((Decimal(amount).quantize(quantum, rounding=ROUND_HALF_UP)).scaleb(exponent(currency)))


def parse_amount(text: str | None, currency: str) -> int | None:
    """Parse a user-typed amount ('1 234,5', '99.90') into minor units; None when empty; ValueError when bad."""
    if text is None or not str(text).strip():
        return None
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not _AMOUNT_RE.match(cleaned):
        raise ValueError(text)
    return to_minor(Decimal(cleaned), currency)


def convert(money: Money, to: str, rates: dict[str, Decimal]) -> Money:
    """Convert with a rate table of units per 1 CNY (half-up at the target's minor unit)."""
    if money.currency == to:
        return money
    in_cny = money.amount / rates[money.currency]
    if to in WHOLE_UNIT_CURRENCIES:
        whole = (in_cny * rates[to]).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return Money(to_minor(whole, to), to)
    return Money(to_minor(in_cny * rates[to], to), to)


def display_currency(lang: str | None = None) -> str:
    """The buyer's chosen display currency, else the locale's default."""
    chosen = session.get("currency")
    if chosen in DISPLAY_CURRENCIES:
        return chosen
    return DEFAULT_CURRENCY.get(lang or current_lang(), "USD")


def current_rates() -> dict[str, Decimal]:
    """Exchange rates for this request (one query per request, cached on g)."""
    rates = g.get("_rates")
    if rates is None:
        rates = g._rates = load_rates()
    return rates


def parse_price_range(raw: dict[str, str], currency: str, errors: dict[str, str]) -> tuple[int | None, int | None]:
    """A listing filter's ``min_price`` and ``max_price`` typed in ``currency``, as CNY fen (None when empty); a bad
    value is reported in ``errors`` under its key."""
    rates = current_rates()
    bounds: list[int | None] = []
    for key in ("min_price", "max_price"):
        try:
            minor = parse_amount(raw[key], currency)
        except ValueError:
            errors[key] = str(_l("Enter a number, for example 100 or 99.50."))
            minor = None
        bounds.append(None if minor is None else convert(Money(minor, currency), BASE_CURRENCY, rates).minor)
    return bounds[0], bounds[1]


@dataclass(frozen=True)
class Price:
    """A CNY base price with its approximate conversion for display."""

    base: Money
    shown: Money

    @property
    def approximate(self) -> bool:
        """True when the shown amount is converted from the CNY base."""
        return self.shown.currency != self.base.currency


def line_amount(unit_minor: int, qty: int, scale: int = 1) -> int:
    """A line total in minor units: unit price × stored quantity / the unit's scale, rounded half-up.

    The one place a quantity meets a price (cart, checkout, order lines, quotations, documents, reports):
    ``scale`` is :func:`storefront.catalog.units.scale` of the line's unit (2.5 t is stored as 2500 with scale
    1000). Piece-like units have scale 1, so the total is exactly price × count.
    """
    whole, rest = divmod(int(unit_minor) * int(qty), int(scale))
    return whole + (1 if 2 * rest >= scale else 0)


def price_for_lines(lines, currency: str | None = None) -> Price:
    """Sum of lines (``(unit_fen, qty[, scale])`` tuples or objects with ``unit_fen``, ``qty`` and optionally
    ``scale``) the way a charge is computed: each unit converted once, then :func:`line_amount` per line.

    Converting the CNY total instead would differ from the charged amount by rounding (in KRW by whole won).
    """
    triples = [
        (int(line[0]), int(line[1]), int(line[2]) if len(line) > 2 else 1)
        if isinstance(line, tuple)
        else (int(line.unit_fen), int(line.qty), int(getattr(line, "scale", 1)))
        for line in lines
    ]
    base = Money(sum(line_amount(unit, qty, sc) for unit, qty, sc in triples), BASE_CURRENCY)
    target = currency or display_currency()
    rates = current_rates()
    if target not in rates:
        target = BASE_CURRENCY
    shown_minor = sum(
        line_amount(convert(Money(unit, BASE_CURRENCY), target, rates).minor, qty, sc) for unit, qty, sc in triples
    )
    shown = Money(shown_minor, target)
    return Price(base, shown)


def price_for_display(fen: int, currency: str | None = None) -> Price:
    """The CNY base price (in fen) converted to the display currency."""
    base = Money(int(fen), BASE_CURRENCY)
    target = currency or display_currency()
    rates = current_rates()
    if target not in rates:
        target = BASE_CURRENCY
    return Price(base, convert(base, target, rates))
