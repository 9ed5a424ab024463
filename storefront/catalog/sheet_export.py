"""Catalogue export by spreadsheet: the merchant's products and variants as rows the import reads back, and the
example rows of the template (import: :mod:`storefront.catalog.sheet_import`)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storefront.catalog import operations as ops
from storefront.catalog import sheet_options, sheet_variants
from storefront.catalog import spreadsheet as sheets
from storefront.catalog.models import Product
from storefront.catalog.sheet_import import category_paths, fen_text
from storefront.catalog.units import plain, scale, to_decimal
from storefront.extensions import db


def _cell(n: int, unit: str) -> int | Decimal:
    """A stored quantity as a spreadsheet cell in the unit of sale (whole numbers stay integers)."""
    return n if scale(unit) == 1 else to_decimal(n, unit)


def product_row(product: Product, paths_by_id: dict[int, str]) -> dict[str, object]:
    """One product as a spreadsheet row."""
    row: dict[str, object] = {
        "sku": product.sku,
        "category": paths_by_id.get(product.category_id, ""),
        "hs_code": product.hs_code,
        "customs_name": product.customs_name,
        "customs_unit": product.customs_unit,
        "model": product.model,
        "origin_city": product.origin_city_slug,
        "net_weight_g": product.net_weight_g,
        "gross_weight_g": product.gross_weight_g,
        "package_mm": "x".join(
            str(x) for x in (product.package_length_mm, product.package_width_mm, product.package_height_mm)
        )
        if product.package_length_mm
        else "",
        "units_per_package": product.units_per_package,
        "packages_per_unit": product.packages_per_unit,
        "price": Decimal(fen_text(product.price_fen)),
        "moq": _cell(product.moq, product.unit),
        "stock": _cell(product.stock, product.unit),
        "unit": product.unit,
        "unit_size": product.unit_size,
        "qty_step": _cell(product.qty_step, product.unit),
        "hidden": "yes" if product.hidden else "no",
        "tiers": "; ".join(f"{plain(t.min_qty, product.unit)}:{fen_text(t.price_fen)}" for t in product.tiers),
        "options": sheet_options.options_cell(product),
    }
    for code, t in product.translations.items():
        row[f"name_{code}"] = t.name
        row[f"description_{code}"] = t.description
        row[f"specs_{code}"] = "\n".join(f"{a}: {b}" for a, b in (t.specs or []))
    return row


def export_rows(merchant_id: int) -> list[dict[str, object]]:
    """All of a merchant's products as spreadsheet rows, by SKU."""
    paths = {cid: path for path, cid in category_paths(ops.Refs.load()).items()}
    stmt = (
        select(Product)
        .where(Product.merchant_id == merchant_id)
        .order_by(Product.sku)
        .options(selectinload(Product.variants))
    )
    return [row for p in db.session.scalars(stmt) for row in (product_row(p, paths), *sheet_variants.variant_rows(p))]


def export_sheet(merchant_id: int, fmt: str, header: list[str] | None = None) -> bytes:
    """A merchant's catalogue as CSV or XLSX bytes (``header``: the column names, default the English keys)."""
    return write_sheet(export_rows(merchant_id), fmt, header)


def write_sheet(rows: list[dict[str, object]], fmt: str, header: list[str] | None = None) -> bytes:
    """Rows as CSV or XLSX bytes (the XLSX with its Instructions sheet)."""
    if fmt == "xlsx":
        return sheets.write_xlsx(rows, sheets.instructions(), header)
    return sheets.write_csv(rows, header)


#: What each example row is, to find a category and an origin city that fit it: (cluster, category, city).
EXAMPLE_PLACES = (("swimwear", "womens-swimwear", "xingcheng"), ("special-steel", "structural-alloy-steel", "dalian"))


def _example_place(paths: list[str], cities: set[str], cluster: str, category: str, city: str):
    """The wanted category path (or another of its cluster, or any) and city (or any) that exist."""
    wanted = f"{cluster}/{category}"
    path = (
        wanted
        if wanted in paths
        else next((p for p in paths if p.startswith(f"{cluster}/")), paths[0] if paths else wanted)
    )
    return path, city if city in cities or not cities else sorted(cities)[0]


def example_rows(refs: ops.Refs | None = None) -> list[dict[str, object]]:
    """Example rows for the downloadable example: a swimsuit in a swimwear category made in Xingcheng, a steel
    bar in a steel category made in Dalian (or the nearest category and city that exist). They import cleanly
    into a catalogue that does not have their SKUs yet (tests/test_spreadsheet_template.py)."""
    refs = refs or ops.Refs.load()
    paths = sorted(category_paths(refs))
    cities = set(refs.cities)
    (swim_cat, swim_city), (steel_cat, steel_city) = (_example_place(paths, cities, *place) for place in EXAMPLE_PLACES)
    return [
        {
            "sku": "EX-001",
            "category": swim_cat,
            "hs_code": "6112410000",
            "customs_name": "女式泳衣",
            "customs_unit": "011",
            "model": "M-2025",
            "origin_city": swim_city,
            "net_weight_g": 180,
            "gross_weight_g": 230,
            "price": Decimal("128.50"),
            "moq": 10,
            "stock": 500,
            "hidden": "no",
            "tiers": "50:118.00; 200:109.00",
            "name_zh": "女式连体泳衣",
            "name_en": "Women's one-piece swimsuit",
            "name_ru": "Женский слитный купальник",
            "name_ko": "여성 원피스 수영복",
            "description_en": "Chlorine-resistant fabric.\nSizes S–XL.",
            "specs_en": "Material: nylon 82%\nSizes: S-XL",
            "specs_zh": "面料: 锦纶82%\n尺码: S-XL",
        },
        {
            "sku": "EX-002",
            "category": steel_cat,
            "hs_code": "7228300000",
            "customs_name": "合金钢圆钢",
            "customs_unit": "035",
            "model": "Φ50",
            "origin_city": steel_city,
            "net_weight_g": 1000,
            "gross_weight_g": 1050,
            "price": Decimal("12.00"),
            "moq": 100,
            "stock": 20000,
            "hidden": "yes",
            "name_zh": "合金钢圆钢 Φ50",
            "name_en": "Alloy steel round bar Φ50",
        },
    ]
