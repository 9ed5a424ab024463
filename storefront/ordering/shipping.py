"""Shipping: destination countries and their zones (freight itself: storefront/ordering/freight/)."""

from __future__ import annotations

from babel import Locale

from storefront.core.locales import BABEL_LOCALE

#: Shipping zones: rate cards (storefront/ordering/freight/data/rates.toml) name their lanes' destinations so.
ZONES: tuple[str, ...] = ("KR", "RU", "MN", "KZ", "EU", "US", "ROW")

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


def country_choices(lang: str) -> list[tuple[str, str]]:
    """(code, localized name) of every served country, sorted by name in the UI language."""
    territories = Locale.parse(BABEL_LOCALE.get(lang, lang)).territories
    return sorted(((code, territories.get(code, code)) for code in COUNTRY_ZONES), key=lambda item: item[1])


def country_name(code: str, lang: str) -> str:
    """A country's name in the UI language."""
    return Locale.parse(BABEL_LOCALE.get(lang, lang)).territories.get(code, code)
