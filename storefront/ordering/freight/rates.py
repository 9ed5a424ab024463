"""Rate cards: parsing and checking (the platform's default card and providers' cards alike), and the price
of one lane for one shipment. Nothing here touches the database."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from flask_babel import lazy_gettext as _l

from storefront.ordering.freight.modes import DATA_DIR, modes
from storefront.ordering.freight.packing import Shipment, parcels
from storefront.ordering.shipping import ZONES

#: A provider's rate may be at most this many times the default card's for the same mode and zone.
ABSURD_FACTOR = 100
MAX_LANES = 200
MAX_BREAKS = 20
MAX_DAYS = 120
MAX_FEN = 100_000_000  # 1,000,000 CNY per kg, container or parcel: anything above is a typo


@dataclass(frozen=True)
class Lane:
    """One mode to some zones from an origin, with its prices."""

    mode: str
    zones: tuple[str, ...]
    origin: str
    via: str
    days: tuple[int, int]
    #: ((from_kg, to_kg or 0 = open, fen per chargeable kg), …) ascending, touching.
    breaks: tuple[tuple[int, int, int], ...] = ()
    min_fen: int = 0
    fixed_fen: int = 0
    first_fen: int = 0
    next_fen: int = 0
    step_g: int = 500
    container_fen: int = 0

    def top_rate(self) -> int:
        """The highest single rate on the lane (what the absurd-rate check compares)."""
        return max([rate for _f, _t, rate in self.breaks] + [self.first_fen, self.next_fen, self.container_fen])


@dataclass(frozen=True)
class Card:
    """A rate card: lanes valid between two dates, from the platform (provider_id None) or a provider."""

    code: str
    valid_from: date
    valid_until: date
    lanes: tuple[Lane, ...]
    provider_id: int | None = None
    #: Database id of a provider's card (None for the platform's default card).
    card_id: int | None = None
    by_key: dict = field(default_factory=dict, compare=False, repr=False)

    def valid_on(self, day: date) -> bool:
        """True when the card may price a shipment on ``day``."""
        return self.valid_from <= day <= self.valid_until

    def lanes_for(self, mode: str, zone: str) -> tuple[Lane, ...]:
        """The lanes serving a mode to a zone."""
        return self.by_key.get((mode, zone), ())

    @property
    def ref(self) -> str:
        """What the order records as the card that priced it."""
        return f"provider:{self.provider_id}:{self.card_id}" if self.provider_id else self.code


class CardError(ValueError):
    """A rate card that cannot be used; ``problems`` lists (where, message) for the uploader."""

    def __init__(self, problems: list[tuple[str, object]]):
        super().__init__("; ".join(f"{where}: {msg}" for where, msg in problems))
        self.problems = problems


def _int(value, low: int, high: int) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high else None


def _lane(raw: dict, where: str, problems: list) -> Lane | None:
    mode = raw.get("mode")
    if mode not in modes():
        problems.append((where, _l("Unknown transport mode.")))
        return None
    zones = tuple(raw.get("zones") or ())
    if not zones or any(z not in ZONES for z in zones):
        problems.append((where, _l("Name the destination zones from the list (KR, RU, MN, KZ, EU, US, ROW).")))
    days = raw.get("days") or ()
    if len(days) != 2 or not all(_int(d, 1, MAX_DAYS) for d in days) or days[0] > days[1]:
        problems.append((where, _l("Transit days: fastest and slowest, between 1 and 120, fastest first.")))
        days = (1, 1)
    money = {}
    for key in ("min_fen", "fixed_fen", "first_fen", "next_fen", "container_fen"):
        value = raw.get(key, 0)
        if _int(value, 0, MAX_FEN) is None:
            problems.append((where, _l("Rates and charges must be whole amounts of fen, 0 or more.")))
            value = 0
        money[key] = value
    breaks = []
    for item in raw.get("breaks") or ():
        if len(item) != 3 or _int(item[0], 0, 1_000_000) is None or _int(item[1], 0, 1_000_000) is None:
            problems.append((where, _l("Each weight break is: from kg, to kg (0 = and above), rate.")))
            return None
        if _int(item[2], 1, MAX_FEN) is None:
            problems.append((where, _l("Each weight break needs a rate above 0 fen per kg.")))
            return None
        breaks.append(tuple(item))
    _check_breaks(breaks, where, problems)
    kind_ok = {
        "parcel": money["first_fen"] > 0 and money["next_fen"] > 0,
        "sea_fcl20": money["container_fen"] > 0,
        "sea_fcl40": money["container_fen"] > 0,
    }.get(mode, bool(breaks))
    if not kind_ok:
        problems.append((where, _l("This mode needs its prices: weight breaks, a per-parcel or a per-container rate.")))
    step_g = raw.get("step_g", 500)
    if _int(step_g, 1, 100_000) is None:
        problems.append((where, _l("The parcel weight step is 1 to 100,000 grams.")))
        step_g = 500
    return Lane(
        mode=mode,
        zones=zones,
        origin=str(raw.get("origin") or "")[:40],
        via=str(raw.get("via") or "")[:40],
        days=(days[0], days[1]),
        breaks=tuple(sorted(breaks)),
        step_g=step_g,
        **money,
    )


def _check_breaks(breaks: list, where: str, problems: list) -> None:
    """Ranges start at 0, touch without overlapping, and only the last one is open."""
    if not breaks:
        return
    ordered = sorted(breaks)
    if ordered[0][0] != 0:
        problems.append((where, _l("The first weight break must start at 0 kg.")))
    for (f1, t1, _r1), (f2, _t2, _r2) in zip(ordered, ordered[1:], strict=False):
        if t1 == 0 or f2 < t1:
            problems.append((where, _l("Weight breaks %(a)s and %(b)s kg overlap.", a=f1, b=f2)))
            return
        if f2 > t1:
            problems.append((where, _l("No rate between %(a)s and %(b)s kg.", a=t1, b=f2)))
            return
    for f, t, _r in ordered:
        if t and t <= f:
            problems.append((where, _l("A weight break must end above where it starts.")))
            return
    if ordered[-1][1] != 0:
        problems.append((where, _l("The last weight break must be open (to kg 0 = and above).")))


def parse_card(
    raw: dict,
    *,
    today: date,
    reference: Card | None = None,
    provider_id: int | None = None,
    card_id: int | None = None,
) -> Card:
    """A checked card from its raw dict (TOML or spreadsheet rows); raises CardError listing every problem.

    ``reference`` (the default card) bounds a provider's rates: at most 100× its rate for the mode and zone.
    """
    problems: list[tuple[str, object]] = []
    valid_from, valid_until = raw.get("valid_from"), raw.get("valid_until")
    if not isinstance(valid_from, date) or not isinstance(valid_until, date) or valid_from > valid_until:
        problems.append(("valid", _l("Give the dates the rates are valid from and until, in that order.")))
    elif valid_until < today:
        problems.append(("valid", _l("These rates expired on %(day)s; upload current ones.", day=valid_until)))
    raw_lanes = raw.get("lanes") or []
    if not raw_lanes or len(raw_lanes) > MAX_LANES:
        problems.append(("lanes", _l("A rate card has 1 to 200 lanes.")))
    lanes = []
    for number, item in enumerate(raw_lanes[:MAX_LANES], start=1):
        lane = _lane(item if isinstance(item, dict) else {}, f"lane {number}", problems)
        if lane is None:
            continue
        if reference is not None:
            for zone in lane.zones:
                ref = [other.top_rate() for other in reference.lanes_for(lane.mode, zone)]
                if ref and lane.top_rate() > ABSURD_FACTOR * max(ref):
                    message = _l("A rate is more than 100 times the platform's usual rate; check the units (fen).")
                    problems.append((f"lane {number}", message))
                    break
        lanes.append(lane)
    if problems:
        raise CardError(problems)
    card = Card(
        code=str(raw.get("code") or "card")[:40],
        valid_from=valid_from,
        valid_until=valid_until,
        lanes=tuple(lanes),
        provider_id=provider_id,
        card_id=card_id,
    )
    for lane in lanes:
        for zone in lane.zones:
            card.by_key.setdefault((lane.mode, zone), ())
            card.by_key[(lane.mode, zone)] += (lane,)
    return card


@cache
def default_card() -> Card:
    """The platform's default card (data/rates.toml), checked once; its dates are the file's."""
    raw = tomllib.loads((DATA_DIR / "rates.toml").read_text(encoding="utf-8"))
    return parse_card(raw, today=raw["valid_from"])


def price_fen(lane: Lane, ship: Shipment) -> int | None:
    """Freight of a shipment on a lane in CNY fen, or None when the lane's mode cannot take it."""
    mode = modes()[lane.mode]
    if mode.container_kg:
        containers = max(
            -(-ship.gross_weight_g // int(mode.container_kg * 1000)),
            -(-ship.volume_cm3 // int(mode.container_m3 * 1_000_000)),
            1,
        )
        return containers * lane.container_fen + lane.fixed_fen
    if lane.first_fen:
        split = parcels(ship, int(mode.parcel_max_kg * 1000))
        if split is None:
            return None
        total = 0
        for count, weight in split:
            extra = max(0, -(-(weight - lane.step_g) // lane.step_g))
            total += count * (lane.first_fen + extra * lane.next_fen)
        return total + lane.fixed_fen
    chargeable_g = ship.chargeable_g(mode.divisor_kg_per_m3)
    rate = lane.breaks[0][2]
    for start, _end, fen in lane.breaks:
        if chargeable_g >= start * 1000:
            rate = fen
    return max(lane.min_fen, -(-chargeable_g * rate // 1000)) + lane.fixed_fen
