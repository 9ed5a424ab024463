"""Money: integer minor units plus ISO currency, conversion from the CNY base, per-locale formatting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_currency, get_currency_precision
from flask import g, session

from storefront.core.locales import BABEL_LOCALE, current_lang

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


def exponent(currency: str) -> int:
    """Number of decimals of the currency's minor unit (KRW → 0, CNY → 2)."""
    return get_currency_precision(currency)


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
        """Format for a locale with Babel (symbol, separators, decimals)."""
        babel_locale = _babel_locale(locale or current_lang())
        whole = self.currency in WHOLE_UNIT_CURRENCIES and self.minor % 10 ** exponent(self.currency) == 0
        if whole:
            return format_currency(self.amount, self.currency, format=_whole_pattern(babel_locale),
                                   locale=babel_locale, currency_digits=False)
        return format_currency(self.amount, self.currency, locale=babel_locale)

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
        from storefront.core.models import load_rates

        rates = g._rates = load_rates()
    return rates


@dataclass(frozen=True)
class Price:
    """A CNY base price with its approximate conversion for display."""

    base: Money
    shown: Money

    @property
    def approximate(self) -> bool:
        """True when the shown amount is converted from the CNY base."""
        return self.shown.currency != self.base.currency


def price_for_display(fen: int, currency: str | None = None) -> Price:
    """The CNY base price (in fen) converted to the display currency."""
    base = Money(int(fen), BASE_CURRENCY)
    target = currency or display_currency()
    rates = current_rates()
    if target not in rates:
        target = BASE_CURRENCY
    return Price(base, convert(base, target, rates))
