"""Benchmark the product page of a product with 60 variants against a single-variant product (cold renders).

Run from the repository root:  .venv/bin/python bench/variants_page.py --runs 200
Creates a throwaway SQLite database with two products of one merchant: one without options and one with
6 sizes × 10 colours (60 variants, some with their own price and tiers). Each render clears the page and
fragment cache first, so every request builds the page and runs its queries. Prints the median and p95 per
page and the ratio in wall and CPU time, the two pages' renders interleaved (the goal: the 60-variant page
within 1.5× the single-variant one).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # executed as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import factories  # noqa: E402
from tests.fixtures import make_app, migrate_schema  # noqa: E402

SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
COLOURS = ["navy", "black", "red", "blue", "white", "green", "pink", "grey", "orange", "yellow"]


def _render(app, client, url: str) -> tuple[float, float]:
    """One cold render (page and fragment caches cleared): (wall seconds, CPU seconds of this process)."""
    from storefront.extensions import cache

    with app.app_context():
        cache.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert response.status_code == 200, url
    return wall, cpu


def _times(app, client, urls: dict[str, str], runs: int) -> dict[str, list[tuple[float, float]]]:
    """Renders of every page, interleaved round by round so that a burst of load elsewhere on the machine
    (or a CPU frequency change) falls on both pages alike instead of on one block of runs."""
    out: dict[str, list[tuple[float, float]]] = {label: [] for label in urls}
    for _ in range(runs):
        for label, url in urls.items():
            out[label].append(_render(app, client, url))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = make_app(tmp, f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        migrate_schema(app)
        from storefront.extensions import db

        with app.test_request_context("/en/"):
            factories.rates()
            merchant = factories.merchant()
            category = factories.category(cluster_slug="swimwear")
            single = factories.product(merchant, category_=category, stock=500, tiers=[(50, 9000)])
            many = factories.product(merchant, category_=category, tiers=[(50, 9000)])
            prices = {(s, c): 11000 + 500 * i for i, s in enumerate(SIZES) for c in COLOURS[:3]}
            factories.with_variants(many, {"size": SIZES, "colour": COLOURS}, stock=40, prices=prices)
            db.session.commit()
            urls = {"1 variant": f"/ru/p/{single.id}", "60 variants": f"/ru/p/{many.id}"}
        client = app.test_client()
        _times(app, client, urls, 10)  # warm up templates and connections
        results = _times(app, client, urls, args.runs)
        medians: dict[str, tuple[float, float]] = {}
        for label, samples in results.items():
            walls, cpus = sorted(w for w, _c in samples), sorted(c for _w, c in samples)
            medians[label] = (statistics.median(walls), statistics.median(cpus))
            p95 = walls[int(len(walls) * 0.95) - 1]
            print(
                f"{label:>12}: median {medians[label][0] * 1000:.1f} ms wall, {medians[label][1] * 1000:.1f} ms CPU, "
                f"p95 {p95 * 1000:.1f} ms wall"
            )
        wall_ratio = medians["60 variants"][0] / medians["1 variant"][0]
        cpu_ratio = medians["60 variants"][1] / medians["1 variant"][1]
        print(f"ratio 60/1: {wall_ratio:.2f} wall, {cpu_ratio:.2f} CPU (goal ≤ 1.5)")


if __name__ == "__main__":
    main()
