"""Quote every transport mode for a 40-line cart from three merchants (the demo catalogue's products).

.venv/bin/python -m bench.freight          → median and worst of 200 runs, in ms (target: under 20 ms)
"""

from __future__ import annotations

import statistics
import sys
import time
from types import SimpleNamespace

from storefront.demo.content import PRODUCTS
from storefront.ordering.freight.packing import shipment
from storefront.ordering.freight.quoting import options
from storefront.ordering.freight.rates import default_card

LIMIT_MS = 20.0


def _packed(data: dict) -> SimpleNamespace:
    package = data.get("package") or {}
    length, width, height = package.get("mm") or (None, None, None)
    return SimpleNamespace(
        gross_weight_g=data["gross_weight_g"],
        package_length_mm=length,
        package_width_mm=width,
        package_height_mm=height,
        units_per_package=package.get("units", 1),
        packages_per_unit=package.get("per_unit", 1),
    )


def cart_of_40() -> list[list[tuple[SimpleNamespace, int]]]:
    """Forty lines of garage equipment, steel bars and farm goods (three merchants' shipments) at their MOQs."""
    groups = []
    for prefixes, count in ((("HL-", "RK-"), 13), (("DB-", "HT-"), 13), (("LJ-AG", "DX-AG", "HZ-AG"), 14)):
        pool = [data for data in PRODUCTS if data["sku"].startswith(prefixes)]
        groups.append([(_packed(pool[i % len(pool)]), pool[i % len(pool)]["moq"]) for i in range(count)])
    return groups


def run(repeat: int = 200) -> tuple[float, float, int]:
    """(median ms, worst ms, modes offered) over ``repeat`` quotes of every mode."""
    cards = [default_card()]
    groups = cart_of_40()
    times, offered = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        shipments = [shipment(lines) for lines in groups]
        offered = len(options(shipments, "RU", cards))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times), offered


if __name__ == "__main__":
    median, worst, offered = run()
    print(f"40-line cart, 3 shipments, {offered} modes offered: median {median:.3f} ms, worst {worst:.3f} ms")
    sys.exit(0 if median < LIMIT_MS else 1)
