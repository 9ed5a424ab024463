"""Server-side totals: goods, freight per merchant parcel, conversion to the charge currency at a frozen rate.

Nothing here reads a price, a currency or a total from a form: inputs are the cart (live products), the
destination zone, the delivery terms and a currency code checked against the configured list.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask import current_app

from storefront.core.money import BASE_CURRENCY, Money, convert, current_rates, display_currency
from storefront.ordering.cart import Cart, CartLine, MerchantGroup
from storefront.ordering.shipping import freight_fen


def charge_currencies() -> tuple[str, ...]:
    """Currencies a buyer may be charged in (configured), limited to those with an exchange rate."""
    rates = current_rates()
    return tuple(code for code in current_app.config["CHARGE_CURRENCIES"] if code in rates)


def default_charge_currency() -> str:
    """The display currency when it can be charged, else the configured default."""
    allowed = charge_currencies()
    shown = display_currency()
    if shown in allowed:
        return shown
    fallback = current_app.config["DEFAULT_CHARGE_CURRENCY"]
    return fallback if fallback in allowed else (allowed[0] if allowed else BASE_CURRENCY)


def rate_for(currency: str) -> Decimal:
    """Units of ``currency`` per CNY from the rate table (KeyError when unknown)."""
    return current_rates()[currency]


def to_charge(fen: int, currency: str, rate: Decimal) -> int:
    """CNY fen → minor units of the charge currency at a frozen rate."""
    return convert(Money(fen, BASE_CURRENCY), currency, {BASE_CURRENCY: Decimal(1), currency: rate}).minor


@dataclass(frozen=True)
class LineQuote:
    """A cart line priced in both currencies."""

    line: CartLine
    unit_minor: int

    @property
    def total_minor(self) -> int:
        """Line total in the charge currency (unit price × quantity, so parts add up exactly)."""
        return self.unit_minor * self.line.qty


@dataclass(frozen=True)
class GroupQuote:
    """One merchant's parcel priced."""

    group: MerchantGroup
    lines: tuple[LineQuote, ...]
    shipping_fen: int
    shipping_minor: int

    @property
    def goods_fen(self) -> int:
        """Goods in fen."""
        return self.group.goods_fen

    @property
    def goods_minor(self) -> int:
        """Goods in the charge currency."""
        return sum(lq.total_minor for lq in self.lines)

    @property
    def total_minor(self) -> int:
        """Goods plus freight in the charge currency."""
        return self.goods_minor + self.shipping_minor


@dataclass(frozen=True)
class Quote:
    """Everything an order's money fields are made of."""

    groups: tuple[GroupQuote, ...]
    currency: str
    rate: Decimal
    #: Shipping zone, or None when no destination is chosen yet (freight not included).
    zone: str | None
    terms: str

    @property
    def goods_fen(self) -> int:
        """Goods in fen."""
        return sum(gq.goods_fen for gq in self.groups)

    @property
    def shipping_fen(self) -> int:
        """Freight in fen."""
        return sum(gq.shipping_fen for gq in self.groups)

    @property
    def total_fen(self) -> int:
        """Goods plus freight in fen."""
        return self.goods_fen + self.shipping_fen

    @property
    def goods_minor(self) -> int:
        """Goods in the charge currency."""
        return sum(gq.goods_minor for gq in self.groups)

    @property
    def shipping_minor(self) -> int:
        """Freight in the charge currency."""
        return sum(gq.shipping_minor for gq in self.groups)

    @property
    def total_minor(self) -> int:
        """The amount to charge."""
        return self.goods_minor + self.shipping_minor

    def money(self, minor: int) -> Money:
        """Minor units of the charge currency as Money."""
        return Money(minor, self.currency)


def quote(cart: Cart, currency: str, zone: str | None, terms: str) -> Quote:
    """Price a cart for a destination zone and terms in a charge currency, at today's rate."""
    rate = rate_for(currency)
    groups = []
    for group in cart.groups:
        lines = tuple(LineQuote(line, to_charge(line.unit_fen, currency, rate)) for line in group.lines)
        ship_fen = freight_fen(group.gross_weight_g, zone, terms) if zone else 0
        groups.append(GroupQuote(group, lines, ship_fen, to_charge(ship_fen, currency, rate)))
    return Quote(tuple(groups), currency, rate, zone, terms)
