"""Units of sale (piece, pair, set, kg, tonne, metre, carton of N, pallet): the one list, how quantities are
stored, typed and shown with each language's plural rules (1 штука / 2 штуки / 5 штук; 2,5 тонны; 件, 개, 吨).

Every stored quantity (cart, order lines, reservations, stock, MOQ, step, tier breaks, sample limit,
quotation lines, RFQ) is an integer count of the unit's smallest step: ``SCALE`` steps make one unit (a kg is
stored in grams, a tonne in kilograms, a metre in centimetres; piece-like units have scale 1, so their numbers
are plain counts). :func:`parse_quantity` turns what a buyer types ("2.5", "2,5") into that integer,
:func:`quantity` / :func:`format_quantity` show it back, and :func:`storefront.core.money.line_amount` prices
it (unit price × stored quantity / scale, rounded half-up). Each msgid is a literal so that Babel extracts it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from flask_babel import format_decimal, ngettext
from flask_babel import lazy_gettext as _l

#: Unit code → its name (for choosers).
UNITS: dict[str, object] = {
    "piece": _l("piece"),
    "pair": _l("pair"),
    "set": _l("set"),
    "kg": _l("kilogram"),
    "tonne": _l("tonne"),
    "metre": _l("metre"),
    "carton": _l("carton"),
    "pallet": _l("pallet"),
}
DEFAULT_UNIT = "piece"

#: Unit code → stored steps per unit (kg in grams, tonne in kilograms, metre in centimetres; 1 = whole units).
SCALE: dict[str, int] = {
    "piece": 1,
    "pair": 1,
    "set": 1,
    "kg": 1000,
    "tonne": 1000,
    "metre": 100,
    "carton": 1,
    "pallet": 1,
}

#: A typed quantity: at most 9 whole digits (bounded input), dot or comma, at most 6 fraction digits.
_TYPED = re.compile(r"^([0-9]{1,9})(?:[.,]([0-9]{1,6}))?$")

_COUNT: dict[str, Callable[[int, int], str]] = {
    "piece": lambda n, _s: ngettext("%(num)s piece", "%(num)s pieces", n),
    "pair": lambda n, _s: ngettext("%(num)s pair", "%(num)s pairs", n),
    "set": lambda n, _s: ngettext("%(num)s set", "%(num)s sets", n),
    "kg": lambda n, _s: ngettext("%(num)s kg", "%(num)s kg", n),
    "tonne": lambda n, _s: ngettext("%(num)s tonne", "%(num)s tonnes", n),
    "metre": lambda n, _s: ngettext("%(num)s metre", "%(num)s metres", n),
    "carton": lambda n, s: ngettext("%(num)s carton of %(size)s", "%(num)s cartons of %(size)s", n, size=s),
    "pallet": lambda n, _s: ngettext("%(num)s pallet", "%(num)s pallets", n),
}

_PER: dict[str, object] = {
    "piece": _l("per piece"),
    "pair": _l("per pair"),
    "set": _l("per set"),
    "kg": _l("per kg"),
    "tonne": _l("per tonne"),
    "metre": _l("per metre"),
    "carton": _l("per carton"),
    "pallet": _l("per pallet"),
}

#: Why a typed quantity was refused (keys of :class:`QuantityError`), in the buyer's language.
QUANTITY_ERRORS = {
    "not_a_number": _l("Enter the quantity as a number, e.g. 12 or 2.5."),
    "whole_units": _l("This product is sold in whole units: enter a quantity without decimals."),
    "too_precise": _l("Too many digits after the decimal point for this unit of sale."),
}


#: Field → what it accepts for piece-like units (whole numbers), in the merchant's language.
_WHOLE_RULES: dict[str, object] = {
    "stock": _l("Stock is a whole number, 0 or more."),
    "moq": _l("The minimum order is a whole number, at least 1."),
    "qty_step": _l("The quantity step is a whole number, at least 1."),
    "tiers": _l("Each tier needs a whole quantity and a price in yuan."),
    "sample_max_qty": _l("Samples per order: a whole number from 1 to 10,000."),
}

#: Field → what it accepts for units sold in decimals (kg, tonne, metre): ``num`` digits after the point,
#: ``example`` a quantity of the unit in the current language ("2,5 тонны").
_DECIMAL_RULES: dict[str, Callable[[int, str], str]] = {
    "stock": lambda d, ex: ngettext(
        "Stock is 0 or more, with at most %(num)s digit after the decimal point, e.g. %(example)s.",
        "Stock is 0 or more, with at most %(num)s digits after the decimal point, e.g. %(example)s.",
        d,
        example=ex,
    ),
    "moq": lambda d, ex: ngettext(
        "The minimum order is above 0, with at most %(num)s digit after the decimal point, e.g. %(example)s.",
        "The minimum order is above 0, with at most %(num)s digits after the decimal point, e.g. %(example)s.",
        d,
        example=ex,
    ),
    "qty_step": lambda d, ex: ngettext(
        "The quantity step is above 0, with at most %(num)s digit after the decimal point, e.g. %(example)s.",
        "The quantity step is above 0, with at most %(num)s digits after the decimal point, e.g. %(example)s.",
        d,
        example=ex,
    ),
    "tiers": lambda d, ex: ngettext(
        "Each tier needs a quantity with at most %(num)s digit after the decimal point (e.g. %(example)s) "
        "and a price in yuan.",
        "Each tier needs a quantity with at most %(num)s digits after the decimal point (e.g. %(example)s) "
        "and a price in yuan.",
        d,
        example=ex,
    ),
    "sample_max_qty": lambda d, ex: ngettext(
        "Samples per order: above 0, with at most %(num)s digit after the decimal point, e.g. %(example)s.",
        "Samples per order: above 0, with at most %(num)s digits after the decimal point, e.g. %(example)s.",
        d,
        example=ex,
    ),
}


def quantity_rule(field: str, unit: str | None) -> str:
    """What a quantity field (``stock``, ``moq``, ``qty_step``, ``tiers``, ``sample_max_qty``) accepts for a unit,
    as its error message in the current language: whole numbers for piece-like units; for kg, tonne and metre the
    unit's decimals, with an example in the unit ("2,5 тонны")."""
    code = unit_code(unit)
    digits = fraction_digits(code)
    if digits == 0:
        return str(_WHOLE_RULES[field])
    return _DECIMAL_RULES[field](digits, quantity(scale(code) * 5 // 2, code))


def small_quantity(n: int, unit: str | None) -> str:
    """A stored quantity as a buyer reads a small amount: under one tonne in kilograms ("5 kg", not "0,005 t");
    anything else as :func:`quantity`."""
    code = unit_code(unit)
    if code == "tonne" and 0 < n < SCALE["tonne"]:
        return quantity(n * SCALE["kg"], "kg")  # a kilogram step of a tonne is 1,000 gram steps of a kg
    return quantity(n, code)


class QuantityError(ValueError):
    """A typed quantity that cannot be taken; ``reason`` is a :data:`QUANTITY_ERRORS` key."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    @property
    def message(self) -> str:
        """The reason in the current language."""
        return str(QUANTITY_ERRORS[self.reason])


def unit_code(code: str | None) -> str:
    """A known unit code (unknown or empty → piece)."""
    return code if code in UNITS else DEFAULT_UNIT


def scale(unit: str | None) -> int:
    """Stored steps per unit (1000 for kg and tonne, 100 for metre, 1 for piece-like units)."""
    return SCALE[unit_code(unit)]


def fraction_digits(unit: str | None) -> int:
    """Digits a quantity of the unit may have after the decimal point (3 for kg, 2 for metre, 0 for pieces)."""
    return len(str(scale(unit))) - 1


def parse_quantity(text: str | None, unit: str | None) -> int:
    """A typed quantity in the unit ("2.5", "2,5", "12") → the stored integer (2500 for 2.5 t).

    Dot or comma is the decimal separator; spaces are ignored. Signs, exponents, NaN, thousands separators and
    more fraction digits than the unit's scale allows raise :class:`QuantityError` (nothing is rounded).
    """
    typed = (text or "").strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    found = _TYPED.match(typed)
    if found is None:
        raise QuantityError("not_a_number")
    whole, fraction = found.group(1), found.group(2) or ""
    digits = fraction_digits(unit)
    if len(fraction) > digits:
        raise QuantityError("whole_units" if digits == 0 else "too_precise")
    return int(whole) * scale(unit) + (int(fraction.ljust(digits, "0")) if digits else 0)


def stored(value: int | float | str, unit: str | None) -> int:
    """A quantity written in the unit in a data file (5, 0.5, "2.5") → the stored integer (ValueError if not)."""
    return parse_quantity(str(value), unit)


def to_decimal(n: int, unit: str | None) -> Decimal:
    """A stored quantity as an exact decimal number of the unit (2500 kg-steps of a tonne → Decimal("2.5"))."""
    factor = scale(unit)
    value = Decimal(int(n)) / factor if factor > 1 else Decimal(int(n))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def json_quantity(n: int, unit: str | None) -> int | float:
    """A stored quantity for JSON (APIs, webhooks): a whole number for piece units, else a number with the
    unit's decimals (2500 stored of a tonne product → 2.5; a float of at most 3 decimals prints exactly)."""
    return int(n) if scale(unit) == 1 else float(to_decimal(n, unit))


def plain(n: int, unit: str | None) -> str:
    """A stored quantity written for machines and form fields: dot decimal, no grouping ("2.5", "12")."""
    return format(to_decimal(n, unit), "f")


def format_quantity(n: int, unit: str | None) -> str:
    """A stored quantity as a number in the current locale ("2,5" in ru, "2.5" in zh, "1 000" grouping)."""
    digits = fraction_digits(unit)
    pattern = "#,##0." + "#" * digits if digits else "#,##0"
    return format_decimal(to_decimal(n, unit), format=pattern)


def plural_number(n: int, unit: str | None) -> int:
    """The whole number that picks the plural form of a stored quantity.

    Whole quantities use themselves. A fraction takes CLDR's "other" category in every language here (Babel:
    ``Locale("ru").plural_form(2.5) == "other"``); in gettext's forms that is the form of 2: the genitive
    singular in Russian ("2,5 тонны", like "2 тонны"), the plural in English and Mongolian, the one form in
    Chinese and Korean.
    """
    factor = scale(unit)
    return int(n) // factor if int(n) % factor == 0 else 2


class _Shown(int):
    """The whole number that picks a plural form (:func:`plural_number`), printed as the formatted quantity:
    ``ngettext`` chooses the form with the int and fills ``%(num)s`` with the text ("2,5")."""

    text: str

    def __new__(cls, n: int, text: str) -> _Shown:
        made = super().__new__(cls, n)
        made.text = text
        return made

    def __str__(self) -> str:
        return self.text


def quantity(n: int, unit: str | None, size: int = 1) -> str:
    """A stored quantity in the current language, e.g. "5 штук", "2,5 тонны", "3 cartons of 12"."""
    code = unit_code(unit)
    return _COUNT[code](_Shown(plural_number(n, code), format_quantity(n, code)), int(size or 1))


def per_unit(unit: str | None) -> str:
    """ "per piece", "за тонну"… for a price."""
    return str(_PER[unit_code(unit)])
