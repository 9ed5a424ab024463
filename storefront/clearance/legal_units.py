"""Legal units of quantity per 10-digit commodity code (data/legal_units.toml, the one place for them).

``unit1``/``qty1`` are the tariff's first legal unit and quantity, ``unit2``/``qty2`` the second (spec
InventoryList table): not the unit the merchant sells in. ``quantities`` computes them from an order line.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from storefront.clearance import codes

TABLE_PATH = Path(__file__).parent / "data" / "legal_units.toml"
#: The finest declared quantity: CEB qty/qty1/qty2 carry at most 5 fraction digits.
QTY_STEP = Decimal("0.00001")
#: Customs units measured by weight, and grams per unit.
WEIGHT_UNITS = {"035": Decimal(1000), "036": Decimal(1), "070": Decimal(1_000_000)}


class UnknownLegalUnit(ValueError):
    """A commodity code with no row in the legal-units table: the line cannot be declared."""

    def __init__(self, gcode: str) -> None:
        super().__init__(gcode)
        self.gcode = gcode

    def __str__(self) -> str:
        return (
            f"HS code {self.gcode or '(none)'} is not in the legal-units table "
            "(法定计量单位表未收录该商品编码): add a row for it to "
            "storefront/clearance/data/legal_units.toml with its first and second legal unit "
            "from the tariff, "
            "or correct the HS code"
        )


@dataclass(frozen=True, slots=True)
class LegalUnits:
    """One row of the table."""

    gcode: str
    name: str
    unit1: str
    unit2: str | None
    verified: bool


@cache
def table() -> dict[str, LegalUnits]:
    """The whole table, checked on load (10-digit codes, units from the customs unit table)."""
    raw = tomllib.loads(TABLE_PATH.read_text(encoding="utf-8"))["codes"]
    rows = {}
    for gcode, row in raw.items():
        if len(gcode) != 10 or not gcode.isdigit():
            raise ValueError(f"legal_units.toml: {gcode!r} is not a 10-digit code")
        unit2 = row.get("unit2") or None
        for unit in filter(None, (row["unit1"], unit2)):
            if unit not in codes.UNITS:
                raise ValueError(f"legal_units.toml: {gcode} has unknown unit {unit!r}")
        rows[gcode] = LegalUnits(gcode, row["name"], row["unit1"], unit2, bool(row.get("verified", False)))
    return rows


def lookup(gcode: str) -> LegalUnits:
    """The legal units of a code, or ``UnknownLegalUnit``."""
    try:
        return table()[gcode]
    except KeyError:
        raise UnknownLegalUnit(gcode) from None


def known(gcode: str) -> bool:
    """True when the code has a row (a valid code to declare)."""
    return gcode in table()


def quantity_in(unit: str, pieces: Decimal, net_weight_g: Decimal) -> Decimal:
    """Quantity of an order line in a unit: the net weight (weight units) or the quantity sold, to the 5
    fraction digits CEB quantities (``xs:decimal``, ``Numeric(19, 5)``) carry, rounded half-up."""
    value = pieces * net_weight_g / WEIGHT_UNITS[unit] if unit in WEIGHT_UNITS else pieces
    return value.quantize(QTY_STEP, rounding=ROUND_HALF_UP).normalize() if value != value.to_integral_value() else value


def quantities(gcode: str, pieces: Decimal, net_weight_g: Decimal) -> tuple[str, Decimal, str | None, Decimal | None]:
    """(unit1, qty1, unit2, qty2) of a line: net weight × quantity where the legal unit is a weight."""
    row = lookup(gcode)
    qty2 = quantity_in(row.unit2, pieces, net_weight_g) if row.unit2 else None
    return row.unit1, quantity_in(row.unit1, pieces, net_weight_g), row.unit2, qty2
