"""Shipping: destination countries, their zones, and freight by gross weight × zone (data, in one place)."""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale

from storefront.core.locales import BABEL_LOCALE
from storefront.ordering.states import DeliveryTerms


@dataclass(frozen=True)
class ZoneRate:
    """Freight of a parcel: ``first_fen`` for the first ``step_g`` grams, ``next_fen`` per further step."""

    first_fen: int
    next_fen: int
    step_g: int = 500


#: Freight per zone, CNY fen (e-commerce parcel / consolidated air-road rates from Liaoning).
ZONE_RATES: dict[str, ZoneRate] = {
    "KR": ZoneRate(4_500, 1_200),
    "RU": ZoneRate(6_500, 2_000),
    "MN": ZoneRate(5_500, 1_500),
    "KZ": ZoneRate(7_000, 2_200),
    "EU": ZoneRate(9_000, 3_000),
    "US": ZoneRate(11_000, 3_500),
    "ROW": ZoneRate(12_000, 4_000),
}

#: Destination countries a buyer may choose, with their zone (anything else is not offered).
COUNTRY_ZONES: dict[str, str] = {
    "RU": "RU", "BY": "RU",
    "KR": "KR",
    "MN": "MN",
    "KZ": "KZ", "UZ": "KZ", "KG": "KZ", "TJ": "KZ", "TM": "KZ",
    "PL": "EU", "CZ": "EU", "SK": "EU", "HU": "EU", "RO": "EU", "BG": "EU", "LT": "EU", "LV": "EU",
    "EE": "EU", "DE": "EU", "AT": "EU", "FI": "EU", "FR": "EU", "IT": "EU", "ES": "EU", "NL": "EU",
    "BE": "EU", "SI": "EU", "HR": "EU", "GR": "EU", "PT": "EU", "SE": "EU", "DK": "EU", "IE": "EU",
    "US": "US", "CA": "US",
    "JP": "ROW", "GB": "ROW", "AU": "ROW", "NZ": "ROW", "SG": "ROW", "TH": "ROW", "VN": "ROW",
    "AE": "ROW", "TR": "ROW", "IL": "ROW", "RS": "ROW", "GE": "ROW", "AM": "ROW", "AZ": "ROW",
    "NO": "ROW", "CH": "ROW", "UA": "ROW", "MD": "ROW", "BR": "ROW", "MX": "ROW",
}  # fmt: skip

#: Destination preselected at checkout for each UI language ("" = the buyer must choose).
DEFAULT_COUNTRY = {"ru": "RU", "ko": "KR", "zh": "", "en": "", "mn": "MN"}


def zone_for(country: str) -> str | None:
    """The shipping zone of a destination country, or None when it is not served."""
    return COUNTRY_ZONES.get((country or "").upper())


def freight_fen(gross_weight_g: int, zone: str, terms: str = DeliveryTerms.DAP.value) -> int:
    """Freight of one parcel in CNY fen; FOB (the buyer's forwarder collects) costs nothing here."""
    if terms == DeliveryTerms.FOB.value or gross_weight_g <= 0:
        return 0
    rate = ZONE_RATES[zone]
    extra_steps = max(0, -(-(gross_weight_g - rate.step_g) // rate.step_g))
    return rate.first_fen + extra_steps * rate.next_fen


def country_choices(lang: str) -> list[tuple[str, str]]:
    """(code, localized name) of every served country, sorted by name in the UI language."""
    territories = Locale.parse(BABEL_LOCALE.get(lang, lang)).territories
    return sorted(((code, territories.get(code, code)) for code in COUNTRY_ZONES), key=lambda item: item[1])


def country_name(code: str, lang: str) -> str:
    """A country's name in the UI language."""
    return Locale.parse(BABEL_LOCALE.get(lang, lang)).territories.get(code, code)
