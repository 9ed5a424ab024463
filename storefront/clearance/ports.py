"""Port code tables: exit ports (出境口岸, customs offices of JGS/T 18, data/ports.toml) for the list's `portCode`
and the departure's `customsCode`, and ports of destination (指运港, data/destination_ports.toml) for the list's
`POD`. One place for both; ``DataProblem``-style ``PortError`` says which row to add."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
PORTS_PATH = DATA / "ports.toml"
DESTINATION_PORTS_PATH = DATA / "destination_ports.toml"


class PortError(ValueError):
    """A port is not in its table (the message names the table to extend)."""


@dataclass(frozen=True, slots=True)
class Port:
    """An exit port: customs office code, names, transport modes leaving there."""

    code: str
    zh: str
    en: str
    modes: tuple[str, ...]
    verified: bool


@dataclass(frozen=True, slots=True)
class DestinationPort:
    """A port of destination: the POD code (3..4 chars), its UN/LOCODE and names."""

    country: str
    mode: str
    code: str
    locode: str
    zh: str
    en: str
    verified: bool


@cache
def ports() -> dict[str, Port]:
    """The exit-port table (data/ports.toml)."""
    raw = tomllib.loads(PORTS_PATH.read_text(encoding="utf-8"))["ports"]
    return {
        code: Port(code, row["zh"], row["en"], tuple(row["modes"]), bool(row.get("verified", False)))
        for code, row in raw.items()
    }


@cache
def destination_ports() -> dict[tuple[str, str], DestinationPort]:
    """(country, mode or "default") → port of destination (data/destination_ports.toml)."""
    raw = tomllib.loads(DESTINATION_PORTS_PATH.read_text(encoding="utf-8"))
    return {
        (country, mode): DestinationPort(
            country, mode, row["code"], row["locode"], row["zh"], row["en"], bool(row.get("verified", False))
        )
        for country, modes in raw.items()
        for mode, row in modes.items()
    }


def exit_port(code: str, traf_mode: str) -> Port:
    """The exit port ``code`` for a transport mode, or ``PortError``."""
    port = ports().get(code)
    if port is None:
        raise PortError(
            f"exit port {code!r} is not in the port table (出口口岸不在口岸代码表中): "
            "add it to storefront/clearance/data/ports.toml or set CLEARANCE_PORT_CODE"
        )
    if traf_mode not in port.modes:
        raise PortError(f"transport mode {traf_mode!r} does not leave from {port.zh} ({port.code})")
    return port


def pod_for(country: str, traf_mode: str) -> DestinationPort:
    """The port of destination for a country and transport mode (the mode's row, else the country's default)."""
    table = destination_ports()
    country = (country or "").upper()
    port = table.get((country, traf_mode)) or table.get((country, "default"))
    if port is None:
        raise PortError(
            f"no port of destination (指运港) for country {country!r}: add a row for it to "
            "storefront/clearance/data/destination_ports.toml"
        )
    return port
