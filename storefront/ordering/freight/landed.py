"""Landed cost: an estimate of the import duty and VAT a parcel will owe at its destination, from the rules in
data/duties.toml (each with its source and effective date)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, Decimal
from functools import cache

from storefront.ordering.freight.modes import DATA_DIR


@dataclass(frozen=True)
class DutyRule:
    """One destination's rule (see the comments in data/duties.toml)."""

    key: str
    countries: tuple[str, ...]
    source: str
    effective: date
    currency: str
    free_limit: int = 0
    free_weight_g: int = 0
    basis: str = "goods"
    duty_pct: Decimal = Decimal(0)
    duty_by_chapter: Mapping[str, Decimal] = field(default_factory=dict)
    vat_pct: Decimal = Decimal(0)
    vat_by_country: Mapping[str, Decimal] = field(default_factory=dict)
    vat_from_first: bool = False
    excess_pct: Decimal = Decimal(0)
    excess_min_per_kg: int = 0


@dataclass(frozen=True)
class Estimate:
    """Duty and VAT due on one parcel, CNY fen, and the rule they came from (None: no rule for the country)."""

    duty_fen: int
    vat_fen: int
    rule: DutyRule | None
    #: True when the parcel is under the rule's duty-free limit.
    under_limit: bool

    @property
    def total_fen(self) -> int:
        """Duty plus VAT."""
        return self.duty_fen + self.vat_fen


def _pct(value) -> Decimal:
    return Decimal(str(value))


@cache
def rules() -> dict[str, DutyRule]:
    """Country → rule, from data/duties.toml."""
    raw = tomllib.loads((DATA_DIR / "duties.toml").read_text(encoding="utf-8"))["rules"]
    by_country = {}
    for key, row in raw.items():
        rule = DutyRule(
            key=key,
            countries=tuple(row["countries"]),
            source=row["source"],
            effective=row["effective"],
            currency=row["currency"],
            free_limit=row.get("free_limit", 0),
            free_weight_g=row.get("free_weight_g", 0),
            basis=row.get("basis", "goods"),
            duty_pct=_pct(row.get("duty_pct", 0)),
            duty_by_chapter={k: _pct(v) for k, v in row.get("duty_by_chapter", {}).items()},
            vat_pct=_pct(row.get("vat_pct", 0)),
            vat_by_country={k: _pct(v) for k, v in row.get("vat_by_country", {}).items()},
            vat_from_first=row.get("vat_from_first", False),
            excess_pct=_pct(row.get("excess_pct", 0)),
            excess_min_per_kg=row.get("excess_min_per_kg", 0),
        )
        for country in rule.countries:
            by_country[country] = rule
    return by_country


def _fen(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def estimate(
    country: str,
    lines: Iterable[tuple[str, int]],
    freight_fen: int,
    gross_weight_g: int,
    rates: Mapping[str, Decimal],
    table: Mapping[str, DutyRule] | None = None,
) -> Estimate:
    """Duty and VAT on one parcel: ``lines`` are (HS code, value in CNY fen); ``rates`` units per CNY;
    ``table`` country → rule (default: the data file's rules, :func:`storefront.ordering.freight.duty_rules.
    current` adds the operator's edits)."""
    rule = (rules() if table is None else table).get(country.upper())
    lines = list(lines)
    if rule is None or rule.currency not in rates:
        return Estimate(0, 0, None, False)
    goods = sum(value for _hs, value in lines)
    per_cny = Decimal(rates[rule.currency])
    limit_fen = Decimal(rule.free_limit) / per_cny  # rule minor units → fen (both have 2 decimals)
    under = goods <= limit_fen and (not rule.free_weight_g or gross_weight_g <= rule.free_weight_g)
    if rule.excess_pct:
        if under:
            return Estimate(0, 0, rule, True)
        excess_value = max(Decimal(goods) - limit_fen, Decimal(0)) * rule.excess_pct / 100
        excess_kg = max(gross_weight_g - rule.free_weight_g, 0) / Decimal(1000) if rule.free_weight_g else 0
        by_weight = Decimal(excess_kg) * rule.excess_min_per_kg / per_cny
        return Estimate(_fen(max(excess_value, by_weight)), 0, rule, False)
    share = Decimal(freight_fen) / goods if rule.basis == "goods_freight" and goods else Decimal(0)
    duty = Decimal(0)
    if not under:
        for hs, value in lines:
            pct = rule.duty_by_chapter.get(hs[:2], rule.duty_pct)
            duty += Decimal(value) * (1 + share) * pct / 100
    vat = Decimal(0)
    if not under or rule.vat_from_first:
        vat_pct = rule.vat_by_country.get(country.upper(), rule.vat_pct)
        vat = (Decimal(goods) * (1 + share) + duty) * vat_pct / 100
    return Estimate(_fen(duty), _fen(vat), rule, under)
