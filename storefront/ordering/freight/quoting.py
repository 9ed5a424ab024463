"""Quotes per transport mode: for each merchant's shipment to a zone, the cheapest lane of every valid card,
and the modes that fit every shipment of the order, cheapest and fastest marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storefront.ordering.freight.modes import Mode, modes
from storefront.ordering.freight.packing import Shipment
from storefront.ordering.freight.rates import Card, Lane, price_fen


@dataclass(frozen=True)
class LaneQuote:
    """One shipment priced on one lane of one card."""

    fen: int
    lane: Lane
    card: Card


@dataclass(frozen=True)
class ModeOption:
    """A transport mode offered for the whole order: a lane quote per shipment (merchant), in order."""

    mode: str
    parts: tuple[LaneQuote, ...]
    cheapest: bool = False
    fastest: bool = False

    @property
    def fen(self) -> int:
        """Freight of all shipments, CNY fen."""
        return sum(part.fen for part in self.parts)

    @property
    def days(self) -> tuple[int, int]:
        """Transit range of the slowest shipment."""
        return (max(p.lane.days[0] for p in self.parts), max(p.lane.days[1] for p in self.parts))

    @property
    def route(self) -> str:
        """Origin (and border crossing) of the first shipment, e.g. "Dalian – Manzhouli"."""
        lane = self.parts[0].lane
        return f"{lane.origin} – {lane.via}" if lane.via else lane.origin


def fits(mode: Mode, ship: Shipment) -> bool:
    """True when the mode may carry the shipment: size bounds, heaviest and longest package."""
    kg, m3 = ship.gross_weight_g / 1000, ship.volume_m3
    if kg < mode.min_kg and (not mode.min_m3 or m3 < mode.min_m3):
        return False
    if mode.max_kg and kg > mode.max_kg or mode.max_m3 and m3 > mode.max_m3:
        return False
    if mode.piece_max_kg and ship.heaviest_piece_g > mode.piece_max_kg * 1000:
        return False
    return not (mode.piece_max_mm and ship.longest_mm > mode.piece_max_mm)


def best_lane(mode: Mode, ship: Shipment, zone: str, cards: Sequence[Card]) -> LaneQuote | None:
    """The cheapest lane of any card for the mode and zone (ties: the faster, then the earlier card)."""
    best = None
    for card in cards:
        for lane in card.lanes_for(mode.code, zone):
            fen = price_fen(lane, ship)
            if fen is None:
                continue
            if best is None or (fen, lane.days[1]) < (best.fen, best.lane.days[1]):
                best = LaneQuote(fen, lane, card)
    return best


def options(shipments: Sequence[Shipment], zone: str, cards: Sequence[Card]) -> list[ModeOption]:
    """Every mode that fits all shipments to the zone, priced; cheapest and fastest marked."""
    found = []
    for mode in modes().values():
        if not all(fits(mode, ship) for ship in shipments):
            continue
        parts = []
        for ship in shipments:
            quote = best_lane(mode, ship, zone, cards)
            if quote is None:
                break
            parts.append(quote)
        else:
            if parts:
                found.append(ModeOption(mode.code, tuple(parts)))
    if not found:
        return found
    cheapest = min(found, key=lambda o: (o.fen, o.days[1]))
    fastest = min(found, key=lambda o: (o.days[1], o.days[0], o.fen))
    return [ModeOption(o.mode, o.parts, cheapest=o is cheapest, fastest=o is fastest) for o in found]
