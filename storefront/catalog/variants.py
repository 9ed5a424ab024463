"""Variants on the product page: the option picker's data (embedded as JSON, read by static/js/variants.js),
the variant shown first, and swimwear size charts (data in ``data/size_charts.toml``)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from flask_babel import lazy_gettext as _l

from storefront.catalog.images import image_url
from storefront.catalog.models import Product, ProductVariant
from storefront.catalog.promotions import best_price, clock, known_rules
from storefront.catalog.units import plain
from storefront.core.money import price_for_display

_CHARTS = Path(__file__).resolve().parent / "data" / "size_charts.toml"

#: Size chart column headings.
SIZE_COLUMNS = {
    "eu": _l("EU"),
    "ru": _l("Russia"),
    "kr": _l("Korea"),
    "bust_cm": _l("Bust, cm"),
    "waist_cm": _l("Waist, cm"),
    "hips_cm": _l("Hips, cm"),
}


@cache
def _charts() -> dict[str, dict]:
    with _CHARTS.open("rb") as fh:
        return tomllib.load(fh)


def size_chart(product: Product) -> tuple[list[str], list[tuple[str, list[str]]]] | None:
    """(column codes, [(size, cells)]) for the sizes a swimwear product offers; None for other products."""
    if product.category.cluster.slug != "swimwear":
        return None
    size = next((o for o in product.option_types if o.code == "size"), None)
    if size is None:
        return None
    charts = _charts()
    chart = charts.get(product.category.slug) or charts["swimwear"]
    rows = [(code.upper(), chart[code.upper()]) for code in size.value_codes if code.upper() in chart]
    return (chart["columns"], rows) if rows else None


def orderable(variant: ProductVariant) -> bool:
    """True when the variant has stock for the minimum order."""
    return variant.stock >= variant.product.min_qty


def first_choice(product: Product) -> ProductVariant:
    """The variant the page shows first: the first one that can be ordered, else the first."""
    return next((v for v in product.variants if orderable(v)), product.default_variant)


class _Prices(dict):
    """Formatted display prices by fen amount: variants mostly share a few prices, so each is formatted once."""

    def __missing__(self, fen: int) -> dict[str, str]:
        shown = price_for_display(fen)
        self[fen] = {"shown": shown.shown.format(), "base": shown.base.format() if shown.approximate else ""}
        return self[fen]


def picker(product: Product, lang: str) -> dict:
    """The option picker's data: options with translated values, and every variant with its price and stock."""
    shown = _Prices()
    amounts: dict[int, str] = {}
    at = clock()
    rules = known_rules(at)  # once per page, not once per variant and tier (as promotions.list_price does)
    paid: dict[int, dict[str, str]] = {}

    def price(list_fen: int) -> dict[str, str]:
        """The shown price paid for a list price (the best running promotion applied), formatted once."""
        if list_fen not in paid:
            paid[list_fen] = shown[best_price(product, list_fen, rules, at).fen]
        return paid[list_fen]

    def amount(n: int) -> str:
        if n not in amounts:
            amounts[n] = product.amount(n)
        return amounts[n]

    options = [
        {
            "code": o.code,
            "name": str(o.name(lang)),
            "values": [{"code": code, "name": str(o.value_name(code, lang))} for code in o.value_codes],
        }
        for o in product.option_types
    ]
    names = {(o["code"], value["code"]): value["name"] for o in options for value in o["values"]}

    return {
        "options": options,
        "variants": [
            {
                "id": v.id,
                "options": v.options or {},
                "label": v.label(lang, names),  # each value translated once per page
                "sku": v.effective_sku,
                "hs_code": v.customs_hs_code,
                "orderable": orderable(v),
                "stock": amount(v.stock),
                "max": plain(v.stock // product.qty_step * product.qty_step, product.unit),
                "price": price(v.base_price_fen),  # the price paid (promotion applied)
                "tiers": [[amount(t.min_qty) + "+", price(t.price_fen)] for t in v.price_tiers],
                "image": image_url(v.image.stem, 800) if v.image else "",
            }
            for v in product.variants
        ],
        "moq": amount(product.moq) + "+",
        "text": {"out": str(_l("out of stock")), "none": str(_l("not available"))},
    }
