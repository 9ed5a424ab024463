"""Units of sale (piece, pair, set, kg, tonne, metre, carton of N, pallet): the one list, and quantities shown
with each language's plural rules (1 штука / 2 штуки / 5 штук; 件, 개, 吨).

Quantities are whole numbers of the unit; a product may sell in steps of several units (``Product.qty_step``,
e.g. 5 t), which is how weight goods avoid decimals. Each msgid is a literal so that Babel extracts it.
"""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

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


def unit_code(code: str | None) -> str:
    """A known unit code (unknown or empty → piece)."""
    return code if code in UNITS else DEFAULT_UNIT


def quantity(n: int, unit: str | None, size: int = 1) -> str:
    """``n`` units in the current language, e.g. "5 штук", "3 cartons of 12"."""
    return _COUNT[unit_code(unit)](int(n), int(size or 1))


def per_unit(unit: str | None) -> str:
    """ "per piece", "за тонну"… for a price."""
    return str(_PER[unit_code(unit)])
