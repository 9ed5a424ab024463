"""Transport modes: their limits from data/modes.toml, their names and the buyer's part in their language."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flask_babel import lazy_gettext as _l

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Mode:
    """A transport mode's limits (see the comments in data/modes.toml)."""

    code: str
    divisor_kg_per_m3: int = 0
    min_kg: float = 0
    min_m3: float = 0
    max_kg: float = 0
    max_m3: float = 0
    piece_max_kg: float = 0
    piece_max_mm: int = 0
    parcel_max_kg: float = 0
    container_kg: float = 0
    container_m3: float = 0
    traf_mode: str = "5"
    sea: bool = False


@cache
def modes() -> dict[str, Mode]:
    """Mode code → Mode, in the order of the data file."""
    data = tomllib.loads((DATA_DIR / "modes.toml").read_text(encoding="utf-8"))["modes"]
    return {code: Mode(code=code, **row) for code, row in data.items()}


#: Names shown at checkout, on the order, the invoice and the tracking page.
MODE_LABELS = {
    "parcel": _l("Postal parcel"),
    "express": _l("Express courier"),
    "air": _l("Air freight"),
    "sea_lcl": _l("Sea freight, shared container (LCL)"),
    "sea_fcl20": _l("Sea freight, full 20' container"),
    "sea_fcl40": _l("Sea freight, full 40' container"),
    "rail": _l("Rail freight"),
    "road": _l("Road freight (truck)"),
}

#: What the buyer has to do to receive the goods with this mode.
BUYER_ACTIONS = {
    "parcel": _l("Delivered to your address by the post; pay any import charges to the postman."),
    "express": _l("Delivered to your door; the courier clears customs and may ask you for an ID."),
    "air": _l("Clear the goods at the destination airport (or through your broker) and collect them there."),
    "sea_lcl": _l("Clear the goods at the destination port and collect them at the container terminal."),
    "sea_fcl20": _l("Clear the container at the destination port, then truck it to you and return it empty."),
    "sea_fcl40": _l("Clear the container at the destination port, then truck it to you and return it empty."),
    "rail": _l("Clear the goods at the destination rail terminal and collect them there."),
    "road": _l("The truck clears at the border; unload it at your address (have a forklift or crane ready)."),
}


def label(code: str) -> str:
    """A mode's name in the current language (the code itself when unknown)."""
    found = MODE_LABELS.get(code)
    return str(found) if found is not None else code


def traf_mode_of(code: str) -> str | None:
    """The customs transport mode code (运输方式) declared for a transport mode (None when unknown)."""
    found = modes().get(code)
    return found.traf_mode if found else None
