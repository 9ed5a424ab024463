"""A shipment's weight, volume and packages from cart lines: what every transport mode is priced on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from storefront.core.money import line_amount


class Packed(Protocol):
    """What packing needs to know about a product (Product and its variants provide it)."""

    gross_weight_g: int
    package_length_mm: int | None
    package_width_mm: int | None
    package_height_mm: int | None
    units_per_package: int
    packages_per_unit: int


@dataclass(frozen=True)
class Pieces:
    """``count`` identical packages of one line."""

    count: int
    weight_g: int
    volume_cm3: int
    longest_mm: int


def pieces_of(product: Packed, qty: int, scale: int = 1) -> Pieces:
    """The packages ``qty`` units travel in: several per unit (a lift in two crates) or several units per
    carton (the last carton may be partly filled; it still takes its whole volume).

    ``qty`` is a stored quantity and ``scale`` its unit's (2500 with scale 1000 is 2.5 t: a part unit still
    takes whole packages)."""
    dims = (product.package_length_mm, product.package_width_mm, product.package_height_mm)
    volume = dims[0] * dims[1] * dims[2] // 1000 if all(dims) else 0
    longest = max(dims) if all(dims) else 0
    per_unit = max(product.packages_per_unit or 1, 1)
    units = max(product.units_per_package or 1, 1)
    if per_unit > 1:
        return Pieces(-(-qty * per_unit // scale), -(-product.gross_weight_g // per_unit), volume, longest)
    count = -(-qty // (units * scale))
    return Pieces(count, line_amount(product.gross_weight_g, min(units * scale, qty), scale), volume, longest)


@dataclass(frozen=True)
class Shipment:
    """One merchant's goods as a carrier sees them."""

    gross_weight_g: int
    volume_cm3: int
    pieces: tuple[Pieces, ...]

    @property
    def package_count(self) -> int:
        """Number of packages."""
        return sum(p.count for p in self.pieces)

    @property
    def heaviest_piece_g(self) -> int:
        """The heaviest single package."""
        return max((p.weight_g for p in self.pieces), default=0)

    @property
    def longest_mm(self) -> int:
        """The longest side of any package (0 when no dimensions are known)."""
        return max((p.longest_mm for p in self.pieces), default=0)

    @property
    def volume_m3(self) -> float:
        """Volume in cubic metres."""
        return self.volume_cm3 / 1_000_000

    def chargeable_g(self, divisor_kg_per_m3: int) -> int:
        """max(gross, volumetric) with the mode's divisor (kg per m³; 0 = by weight only)."""
        volumetric = self.volume_cm3 * divisor_kg_per_m3 // 1000
        return max(self.gross_weight_g, volumetric)


def shipment(lines: Iterable[tuple[Packed, int] | tuple[Packed, int, int]]) -> Shipment:
    """A shipment from (product, stored quantity[, unit scale]) tuples; gross weight is per unit × quantity in
    the unit (grams, rounded half-up per line)."""
    pieces, gross, volume = [], 0, 0
    for product, qty, *rest in lines:
        scale = rest[0] if rest else 1
        if qty <= 0:
            continue
        p = pieces_of(product, qty, scale)
        pieces.append(p)
        gross += line_amount(product.gross_weight_g, qty, scale)
        volume += p.volume_cm3 * p.count
    return Shipment(gross, volume, tuple(pieces))


def parcels(ship: Shipment, limit_g: int) -> list[tuple[int, int]] | None:
    """Split the packages into parcels of at most ``limit_g`` (next fit, in closed form per line):
    [(number of parcels, weight of each)], or None when one package alone is over the limit."""
    if ship.heaviest_piece_g > limit_g:
        return None
    out: list[tuple[int, int]] = []
    current = 0
    for p in ship.pieces:
        if p.weight_g <= 0:
            continue
        left = p.count
        take = min(left, (limit_g - current) // p.weight_g)
        current += take * p.weight_g
        left -= take
        if left:
            if current:
                out.append((1, current))
            per_parcel = limit_g // p.weight_g
            full, rest = divmod(left, per_parcel)
            if full:
                out.append((full, per_parcel * p.weight_g))
            current = rest * p.weight_g
    if current:
        out.append((1, current))
    return out
