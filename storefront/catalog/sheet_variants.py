"""Variant rows of a catalogue spreadsheet: one row per variant, after its product's row and with its SKU.

A variant row has the product's ``sku`` and a ``variant`` cell naming the combination ("size=M; colour=blue");
it may set the variant's ``stock``, ``variant_sku`` and ``variant_price`` (empty = the product's price). The
combination must be one the product offers (option types are edited on the product form, not by file).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from storefront.catalog.models import Product, ProductVariant
from storefront.catalog.units import QuantityError, parse_quantity, quantity_rule, scale, to_decimal
from storefront.core.money import parse_amount
from storefront.core.validators import is_valid_sku

#: Largest stock a cell may set (as for products).
MAX_STOCK = 1_000_000_000


def options_text(variant: ProductVariant) -> str:
    """ "size=M; colour=blue" in the product's option order."""
    chosen = variant.options or {}
    return "; ".join(f"{o.code}={chosen[o.code]}" for o in variant.product.option_types if o.code in chosen)


def parse_options(text: str) -> dict[str, str] | None:
    """ "size=M; colour=blue" → {"size": "M", "colour": "blue"}; None when a part is not code=value."""
    chosen = {}
    for part in text.replace("；", ";").split(";"):
        if not part.strip():
            continue
        code, sep, value = part.partition("=")
        if not sep or not code.strip() or not value.strip():
            return None
        chosen[code.strip()] = value.strip()
    return chosen or None


def variant_rows(product: Product) -> list[dict[str, object]]:
    """The rows of a product's variants (none for a product without options)."""
    if not product.has_options:
        return []
    return [
        {
            "sku": product.sku,
            "variant": options_text(v),
            "variant_sku": v.sku or "",
            "variant_price": f"{Decimal(v.price_fen).scaleb(-2):.2f}" if v.price_fen is not None else "",
            "stock": v.stock if product.scale == 1 else to_decimal(v.stock, product.unit),
        }
        for v in product.variants
    ]


@dataclass
class VariantChange:
    """A checked variant row: the variant and its new values."""

    variant: ProductVariant
    stock: int
    sku: str | None
    price_fen: int | None

    def changes(self) -> bool:
        """True when the row changes the variant."""
        v = self.variant
        return (v.stock, v.sku, v.price_fen) != (self.stock, self.sku, self.price_fen)

    def apply(self) -> None:
        """Write the values (no flush)."""
        self.variant.stock, self.variant.sku, self.variant.price_fen = self.stock, self.sku, self.price_fen


def check_row(values: dict[str, str], product: Product | None) -> tuple[VariantChange | None, dict[str, object]]:
    """A variant row checked against its (existing) product: the change, or errors by column."""
    errors: dict[str, object] = {}
    if product is None:
        return None, {"sku": _l("Variant rows belong to a product that already exists: import the product first.")}
    chosen = parse_options(values.get("variant", ""))
    variant = product.variant_for(chosen) if chosen and product.has_options else None
    if variant is None:
        return None, {"variant": _l("This combination of options does not exist for this product.")}
    stock_text = values.get("stock", "").strip()
    stock = variant.stock
    if stock_text:
        try:
            stock = parse_quantity(
                stock_text.removesuffix(".0") if scale(product.unit) == 1 else stock_text, product.unit
            )
        except QuantityError:
            errors["stock"] = quantity_rule("stock", product.unit)
        else:
            if stock > MAX_STOCK:
                errors["stock"] = quantity_rule("stock", product.unit)
    sku = values.get("variant_sku", variant.sku or "").strip() or None
    if sku is not None and not is_valid_sku(sku):
        errors["variant_sku"] = _l("SKU: 1–20 letters, digits, dots, dashes or underscores.")
    elif sku is not None and any(v.sku == sku and v.id != variant.id for v in product.variants):
        errors["variant_sku"] = _l("Another variant of this product has this SKU.")
    price_fen = variant.price_fen
    if "variant_price" in values:
        try:
            price_fen = parse_amount(values["variant_price"], "CNY") if values["variant_price"].strip() else None
        except ValueError:
            errors["variant_price"] = _l("Enter a price in yuan, for example 128.50.")
        if price_fen is not None and price_fen <= 0:
            errors["variant_price"] = _l("Enter a price above 0 in yuan, for example 128.50.")
    return (None if errors else VariantChange(variant, stock, sku, price_fen)), errors
