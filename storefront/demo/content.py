"""Demo catalogue content for the Kuajing storefront: Liaoning's five export industry clusters.

The data lives in TOML files under ``storefront/demo/data/`` and is loaded (and checked) on import:

* ``CLUSTERS``  - the five industry clusters, in display order, each with its product categories;
* ``CITIES``    - every origin / merchant city, keyed by slug;
* ``MERCHANTS`` - demo merchants; ``uscc`` values carry a valid GB 32100-2015 check character;
* ``PRODUCTS``  - the product catalogue, one file per cluster (``products-<cluster>.toml``).

All translatable texts are tables keyed by language: ``zh`` (Simplified Chinese), ``en``, ``ru``, ``ko``; ``mn``
(Mongolian, Cyrillic) is optional and given for clusters, categories, cities and the products Mongolian buyers
look for most (garage equipment, steel, magnesia, farm produce); other products fall back to Russian there.
Weights are integer grams per sale unit, prices integer CNY fen per sale unit, and ``tiers`` are
``[min_quantity, unit_price_fen]`` pairs. ``storefront.demo.selfcheck.check_content()`` validates it all, and a
file that fails it stops the import with every problem listed.

Products deliberately lacking a translation, so the storefront shows its language fallback: HY-SW-1007 (no ko),
BL-SW-2006 (no ru), JY-MG-4002 (no ko), RK-TC-6002 (no ru), DB-ST-7003 (no ko), DX-AG-9202 (no ko).
"""

from __future__ import annotations

import sys

from storefront.demo.datafiles import DATA_DIR, DemoDataError, check_records, load
from storefront.demo.selfcheck import check_content

#: Product files in catalogue order.
PRODUCT_FILES = ("swimwear", "magnesium", "auto", "steel", "agriculture")

_PRODUCT_SCHEMA = {
    "sku": str,
    "merchant": str,
    "category": str,
    "hs_code": str,
    "customs_name": str,
    "customs_unit": str,
    "origin_city": str,
    "net_weight_g": int,
    "gross_weight_g": int,
    "price_fen": int,
    "tiers": list,
    "moq": (int, float),  # in the unit of sale: 0.5 (t) for half a tonne
    "stock": (int, float),
    "text": dict,
}

CLUSTERS: list[dict] = check_records(
    load(DATA_DIR / "clusters.toml", "clusters"),
    {"slug": str, "name": dict, "description": dict, "color": str, "categories": list},
    "clusters.toml",
)
CITIES: dict[str, dict[str, str]] = load(DATA_DIR / "cities.toml", "cities")
MERCHANTS: list[dict] = check_records(
    load(DATA_DIR / "merchants.toml", "merchants"),
    {"slug": str, "name": dict, "cluster": str, "city": str, "uscc": str},
    "merchants.toml",
)
PRODUCTS: list[dict] = [
    product
    for name in PRODUCT_FILES
    for product in check_records(
        load(DATA_DIR / f"products-{name}.toml", "products"), _PRODUCT_SCHEMA, f"products-{name}.toml"
    )
]

_problems = check_content(sys.modules[__name__])
if _problems:
    raise DemoDataError("demo content is inconsistent:\n  " + "\n  ".join(_problems))
