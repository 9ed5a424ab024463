"""Server-side totals: goods, freight per merchant shipment by the chosen transport mode, duties under DDP,
conversion to the charge currency at a frozen rate.

Nothing here reads a price, a currency or a total from a form: inputs are the cart (live products), the
destination, the delivery terms, a transport mode code and a currency code checked against the configured list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from flask import current_app

from storefront.core.money import BASE_CURRENCY, Money, convert, current_rates, display_currency, line_amount
from storefront.ordering.cart import Cart, CartLine, MerchantGroup
from storefront.ordering.freight import incoterms, landed
from storefront.ordering.freight.packing import Shipment, shipment
from storefront.ordering.freight.quoting import LaneQuote, ModeOption, options
from storefront.ordering.freight.rates import Card


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


def to_fen(minor: int, currency: str, rate: Decimal) -> int:
    """Minor units of a charge currency → CNY fen at a frozen rate (a quoted price's customs value)."""
    return convert(Money(minor, currency), BASE_CURRENCY, {BASE_CURRENCY: Decimal(1), currency: rate}).minor


@dataclass(frozen=True)
class LineQuote:
    """A cart line priced in both currencies."""

    line: CartLine
    unit_minor: int

    @property
    def total_minor(self) -> int:
        """Line total in the charge currency (converted unit price × quantity in the unit, rounded half-up once,
        so parts add up exactly)."""
        return line_amount(self.unit_minor, self.line.qty, self.line.scale)


@dataclass(frozen=True)
class GroupQuote:
    """One merchant's parcel priced."""

    group: MerchantGroup
    lines: tuple[LineQuote, ...]
    #: Freight (and the CIF premium) charged with the goods; 0 when the buyer's terms leave it to them.
    shipping_fen: int
    shipping_minor: int
    #: The lane and card that priced the freight (None when no mode fits or no destination yet).
    lane: LaneQuote | None = None
    #: The import duty and VAT estimate for this parcel (None without a destination).
    estimate: landed.Estimate | None = None
    #: Duty charged (DDP only).
    duty_fen: int = 0
    duty_minor: int = 0

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
        """Goods, freight and duty in the charge currency."""
        return self.goods_minor + self.shipping_minor + self.duty_minor


@dataclass(frozen=True)
class Quote:
    """Everything an order's money fields are made of."""

    groups: tuple[GroupQuote, ...]
    currency: str
    rate: Decimal
    #: Shipping zone, or None when no destination is chosen yet (freight not included).
    zone: str | None
    terms: str
    #: Transport modes that fit the order (empty without a destination), cheapest and fastest marked.
    options: tuple[ModeOption, ...] = ()
    #: The chosen one (None when nothing fits or no destination yet).
    option: ModeOption | None = None

    @property
    def goods_fen(self) -> int:
        """Goods in fen."""
        return sum(gq.goods_fen for gq in self.groups)

    @property
    def shipping_fen(self) -> int:
        """Freight in fen."""
        return sum(gq.shipping_fen for gq in self.groups)

    @property
    def duty_fen(self) -> int:
        """Duty charged (DDP) in fen."""
        return sum(gq.duty_fen for gq in self.groups)

    @property
    def duty_minor(self) -> int:
        """Duty charged (DDP) in the charge currency."""
        return sum(gq.duty_minor for gq in self.groups)

    @property
    def estimate_fen(self) -> int:
        """Estimated duty and VAT at the destination, whether charged now (DDP) or due on arrival."""
        return sum(gq.estimate.total_fen for gq in self.groups if gq.estimate)

    @property
    def duty_rule(self) -> landed.DutyRule | None:
        """The landed-cost rule of the destination (None when there is none)."""
        return next((gq.estimate.rule for gq in self.groups if gq.estimate and gq.estimate.rule), None)

    @property
    def mode(self) -> str | None:
        """The chosen transport mode's code."""
        return self.option.mode if self.option else None

    @property
    def total_fen(self) -> int:
        """Goods, freight and duty in fen."""
        return self.goods_fen + self.shipping_fen + self.duty_fen

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
        return self.goods_minor + self.shipping_minor + self.duty_minor

    def money(self, minor: int) -> Money:
        """Minor units of the charge currency as Money."""
        return Money(minor, self.currency)

    def charged(self, fen: int) -> Money:
        """CNY fen in the charge currency at the quote's rate (mode prices, duty estimates)."""
        return Money(to_charge(fen, self.currency, self.rate), self.currency)


def shipments(cart: Cart) -> list[Shipment]:
    """Each merchant's shipment (weight, volume, packages) in cart order."""
    return [shipment((line.product, line.qty, line.scale) for line in group.lines) for group in cart.groups]


def quote(
    cart: Cart,
    currency: str,
    zone: str | None,
    terms: str,
    mode: str | None = None,
    *,
    country: str = "",
    cards: Sequence[Card] = (),
    duty_rules: Mapping[str, landed.DutyRule] | None = None,
    freight_minor: int | None = None,
) -> Quote:
    """Price a cart for a destination, terms and transport mode in a charge currency, at today's rate.

    ``mode`` falls back to the cheapest fitting mode; ``cards`` are the valid rate cards (default card first);
    ``duty_rules`` the landed-cost rules in force (default: the data file's); ``freight_minor`` a quotation's
    freight (one merchant) replacing the rate cards' price, and lines with a ``quoted_minor`` keep that price.
    """
    rate = rate_for(currency)
    rates = current_rates()
    rule = incoterms.rule(terms)
    found = tuple(options(shipments(cart), zone, cards)) if zone and cards else ()
    option = next((o for o in found if o.mode == mode), None) or next((o for o in found if o.cheapest), None)
    groups = []
    for position, group in enumerate(cart.groups):
        lines = _line_quotes(group, currency, rate)
        lane = option.parts[position] if option else None
        freight = lane.fen if lane else 0
        ship_fen = _freight_charged_fen(rule, group, freight)
        estimate = _duty_estimate(group, freight, country, rates, duty_rules) if country else None
        duty_fen = estimate.total_fen if estimate and rule.charges_duties else 0
        ship_minor = to_charge(ship_fen, currency, rate)
        if freight_minor is not None:
            ship_minor, ship_fen = freight_minor, to_fen(freight_minor, currency, rate)
        duty_minor = to_charge(duty_fen, currency, rate)
        groups.append(GroupQuote(group, lines, ship_fen, ship_minor, lane, estimate, duty_fen, duty_minor))
    return Quote(tuple(groups), currency, rate, zone, terms, found, option)


def _line_quotes(group: MerchantGroup, currency: str, rate: Decimal) -> tuple[LineQuote, ...]:
    """The group's lines priced in the charge currency (a quoted line keeps its quoted price)."""
    return tuple(
        LineQuote(
            line, line.quoted_minor if line.quoted_minor is not None else to_charge(line.unit_fen, currency, rate)
        )
        for line in group.lines
    )


def _freight_charged_fen(rule: incoterms.Rule, group: MerchantGroup, freight: int) -> int:
    """Freight charged with the goods under the terms (plus the insurance premium under CIF), in fen."""
    if not rule.charges_freight:
        return 0
    return freight + (incoterms.insurance_fen(group.goods_fen, freight) if rule.code == "CIF" else 0)


def _duty_estimate(
    group: MerchantGroup,
    freight: int,
    country: str,
    rates: Mapping[str, Decimal],
    duty_rules: Mapping[str, landed.DutyRule] | None,
) -> landed.Estimate:
    """The import duty and VAT estimate of the group's parcel at the destination."""
    return landed.estimate(
        country,
        ((line.product.hs_code, line.total_fen) for line in group.lines),
        freight,
        group.gross_weight_g,
        rates,
        duty_rules,
    )


def today() -> date:
    """The date rate cards are checked against (UTC)."""
    return datetime.now(UTC).date()
