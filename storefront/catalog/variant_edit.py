"""The merchant's variants form: option types with translated values, and the variants (SKU, price tiers, stock,
weights, dimensions, HS code, image), checked as a whole and written in one go (flush, no commit).

Option values are typed one per line: ``M`` or ``blue | en=blue | zh=蓝色 | ru=синий | ko=파랑``. A variant names
its combination as the spreadsheet does: ``size=M; colour=blue``. A product without option types has exactly one
variant (the product itself).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from storefront.catalog.facets import OPTION_CODE, option_value_ok
from storefront.catalog.models import PriceTier, Product, ProductVariant
from storefront.catalog.operations import MAX_PRICE_FEN, MAX_QTY, MAX_TIERS, MAX_WEIGHT_G, parse_dims
from storefront.catalog.sheet_variants import options_text, parse_options
from storefront.catalog.units import QuantityError, parse_quantity, plain, quantity_rule
from storefront.core.locales import LANGS
from storefront.core.money import parse_amount
from storefront.core.validators import is_valid_hs_code, is_valid_sku
from storefront.extensions import db

#: Most option types and values per type, and variants per product.
MAX_OPTION_TYPES = 4
MAX_VALUES = 60
MAX_VARIANTS = 300
_FORBIDDEN_IN_VALUE = set("=;|")


@dataclass
class OptionInput:
    """One option type as typed: code, names per language, values text."""

    code: str
    names: dict[str, str]
    values: str

    def is_blank(self) -> bool:
        """True for an unused row of the form."""
        return not self.code.strip() and not self.values.strip() and not any(v.strip() for v in self.names.values())


@dataclass
class VariantInput:
    """One variant row as typed (strings, as the form holds them)."""

    id: int | None = None
    combination: str = ""
    sku: str = ""
    price: str = ""
    tiers: str = ""
    stock: str = ""
    #: The stock the page showed (a sale since then is not overwritten when the merchant left stock as shown).
    stock_was: str = ""
    net_weight_g: str = ""
    gross_weight_g: str = ""
    dims: str = ""
    hs_code: str = ""
    image_id: str = ""
    remove: bool = False

    def is_blank(self) -> bool:
        """True for an unused new row."""
        return self.id is None and not any(
            (self.combination.strip(), self.sku.strip(), self.price.strip(), self.stock.strip(), self.tiers.strip())
        )


@dataclass
class VariantPlan:
    """A checked variant: the existing row (None = new) and the values to write."""

    variant: ProductVariant | None
    values: dict
    tiers: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Plan:
    """Everything the form will write: the option types and the variants, in order, and the ones to remove."""

    options: list[dict]
    keep: list[VariantPlan]
    remove: list[ProductVariant]


class VariantEditError(ValueError):
    """The form breaks rules; ``errors`` maps ``options-<i>-<field>``, ``variants-<i>-<field>`` or ``form`` to a
    message."""

    def __init__(self, errors: dict[str, object]) -> None:
        super().__init__("variant form rejected")
        self.errors = errors


def inputs_of(product: Product) -> tuple[list[OptionInput], list[VariantInput]]:
    """The form's rows for a product as it is now."""
    options = []
    for o in product.option_types:
        lines = []
        for value in o.data.get("values") or ():
            names = value.get("names") or {}
            parts = [value["code"], *(f"{lang}={names[lang]}" for lang in LANGS if names.get(lang))]
            lines.append(" | ".join(parts))
        options.append(
            OptionInput(o.code, {lang: (o.data.get("names") or {}).get(lang, "") for lang in LANGS}, "\n".join(lines))
        )
    rows = []
    for v in product.variants:
        dims = (v.length_mm, v.width_mm, v.height_mm)
        rows.append(
            VariantInput(
                id=v.id,
                combination=options_text(v),
                sku=v.sku or "",
                price=_yuan(v.price_fen),
                tiers="; ".join(f"{plain(t.min_qty, product.unit)}: {_yuan(t.price_fen)}" for t in v.tiers),
                stock=plain(v.stock, product.unit),
                stock_was=plain(v.stock, product.unit),
                net_weight_g=str(v.net_weight_g or ""),
                gross_weight_g=str(v.gross_weight_g or ""),
                dims=" × ".join(map(str, dims)) if all(dims) else "",
                hs_code=v.hs_code or "",
                image_id=str(v.image_id or ""),
            )
        )
    return options, rows


def _yuan(fen: int | None) -> str:
    return "" if fen is None else f"{fen // 100}.{fen % 100:02d}"


def _parse_values(text: str) -> tuple[list[dict], object | None]:
    """Value lines → [{"code", "names"}], or an error message."""
    values: list[dict] = []
    for line in text.replace("\r", "").split("\n"):
        if not line.strip():
            continue
        code, *parts = (p.strip() for p in line.split("|"))
        if not option_value_ok(code) or _FORBIDDEN_IN_VALUE & set(code):
            return [], _l("Each value starts with a code of up to 40 characters without = ; or |.")
        names: dict[str, str] = {}
        for part in parts:
            lang, sep, name = part.partition("=")
            if not sep or lang.strip() not in LANGS or not name.strip() or len(name.strip()) > 80:
                return [], _l("Write value names as lang=name, e.g. ru=синий (languages: zh, ru, ko, en, mn).")
            names[lang.strip()] = name.strip()
        values.append({"code": code, "names": names or {"en": code}})
    if not values:
        return [], _l("Give each option type at least one value.")
    if len({v["code"] for v in values}) != len(values):
        return [], _l("Each value may appear only once.")
    if len(values) > MAX_VALUES:
        return [], _l("Use at most 60 values per option type.")
    return values, None


def check_options(rows: list[OptionInput]) -> tuple[list[dict], dict[str, object]]:
    """The option types as ``Product.options`` JSON, and errors by form field."""
    options: list[dict] = []
    errors: dict[str, object] = {}
    for i, row in enumerate(rows):
        if row.is_blank():
            continue
        code = row.code.strip()
        if not OPTION_CODE.fullmatch(code):
            errors[f"options-{i}-code"] = _l("The code is lower-case Latin letters, digits or _, e.g. size or colour.")
        elif any(o["code"] == code for o in options):
            errors[f"options-{i}-code"] = _l("Each option type may appear only once.")
        names = {lang: name.strip() for lang, name in row.names.items() if name.strip()}
        if "en" not in names:
            errors[f"options-{i}-name_en"] = _l("Give the option type a name in English at least.")
        elif any(len(n) > 80 for n in names.values()):
            errors[f"options-{i}-name_en"] = _l("Use at most 80 characters.")
        values, problem = _parse_values(row.values)
        if problem is not None:
            errors[f"options-{i}-values"] = problem
        options.append({"code": code, "names": names, "values": values})
    if len(options) > MAX_OPTION_TYPES:
        errors["form"] = _l("Use at most 4 option types.")
    return options, errors


def _whole(text: str, low: int, high: int) -> int | None:
    text = text.strip()
    if not text.isdigit() or not low <= int(text) <= high:
        return None
    return int(text)


def _amount(text: str, unit: str, low: int, high: int) -> int | None:
    """A quantity typed in the unit of sale → stored steps (0.5 t → 500), None when not one or out of range."""
    try:
        stored = parse_quantity(text, unit)
    except QuantityError:
        return None
    return stored if low <= stored <= high else None


def _price(text: str) -> int | None:
    """Yuan text → fen (None when empty); ValueError when not a price above 0."""
    if not text.strip():
        return None
    fen = parse_amount(text, "CNY")
    if fen is None or not 0 < fen <= MAX_PRICE_FEN:
        raise ValueError(text)
    return fen


def _tiers(text: str, unit: str) -> list[tuple[int, int]]:
    """ "10: 120.00; 50: 110.00" → [(10, 12000), (50, 11000)] (quantities in the unit: "2.5: 4000" of a tonne
    product → (2500, 400000)); ValueError when malformed."""
    tiers = []
    for part in text.replace("；", ";").split(";"):
        if not part.strip():
            continue
        qty, sep, price = part.partition(":")
        fen = _price(price) if sep else None
        qty_n = _amount(qty, unit, 2, MAX_QTY)
        if qty_n is None or fen is None:
            raise ValueError(part)
        tiers.append((qty_n, fen))
    return tiers


def taken_skus(product: Product) -> set[str]:
    """SKUs the merchant already uses elsewhere: every product's SKU and the variants of its other products."""
    merchant_id = product.merchant_id
    products = db.session.scalars(select(Product.sku).where(Product.merchant_id == merchant_id))
    variants = db.session.scalars(
        select(ProductVariant.sku)
        .join(Product, Product.id == ProductVariant.product_id)
        .where(Product.merchant_id == merchant_id, Product.id != product.id, ProductVariant.sku.is_not(None))
    )
    return {s.lower() for s in products} | {s.lower() for s in variants}


def _check_row(i: int, row: VariantInput, product: Product, options: list[dict], e: dict[str, object]) -> dict:
    """The column values of one variant row; its problems go into ``e`` as ``variants-{i}-<field>``."""
    key = f"variants-{i}-"
    values: dict = {}
    chosen = _row_combination(row, options, e, key)
    if chosen is not None:
        values["options"] = chosen
    sku = row.sku.strip()
    if sku and not is_valid_sku(sku):
        e[key + "sku"] = _l("SKU: 1–20 letters, digits, dots, dashes or underscores.")
    values["sku"] = sku or None
    try:
        values["price_fen"] = _price(row.price)
    except ValueError:
        e[key + "price"] = _l("Enter a price above 0 in yuan, for example 128.50.")
    stock = _amount(row.stock, product.unit, 0, MAX_QTY)
    if stock is None:
        e[key + "stock"] = quantity_rule("stock", product.unit)
    if not _stock_unchanged(row, product, stock):
        values["stock"] = stock
    values["net_weight_g"], values["gross_weight_g"] = _row_weights(row, e, key)
    values["length_mm"], values["width_mm"], values["height_mm"] = _row_dims(row, e, key) or (None, None, None)
    hs = row.hs_code.strip()
    if hs and not is_valid_hs_code(hs):
        e[key + "hs_code"] = _l("The HS code has 10 digits and starts with an HS chapter (01–97).")
    values["hs_code"] = hs or None
    values["image_id"] = _row_image(row, product, e, key)
    return values


def _row_combination(row: VariantInput, options: list[dict], e: dict[str, object], key: str) -> dict | None:
    """The option values the row names ({} when none); None when the combination cannot be read."""
    chosen = parse_options(row.combination) if row.combination.strip() else {}
    if chosen is None:
        e[key + "combination"] = _l("Write the combination as code=value; code=value, e.g. size=M; colour=blue.")
        return None
    by_code = {o["code"]: {v["code"] for v in o["values"]} for o in options}
    unknown = [c for c in chosen if c not in by_code]
    missing = [o["code"] for o in options if o["code"] not in chosen]
    if unknown:
        e[key + "combination"] = _l("This product has no option type %(code)s.", code=unknown[0])
    elif missing:
        e[key + "combination"] = _l("Give this variant a value for %(code)s.", code=missing[0])
    elif any(value not in by_code[code] for code, value in chosen.items()):
        bad = next(value for code, value in chosen.items() if value not in by_code[code])
        e[key + "combination"] = _l("%(value)s is not one of the values of its option type.", value=bad)
    return chosen


def _stock_unchanged(row: VariantInput, product: Product, stock: int | None) -> bool:
    """True when an existing variant's stock was left as the page showed it: the live figure is kept (buyers may
    have bought since)."""
    variant = product.variant(row.id) if row.id is not None else None
    return variant is not None and stock is not None and row.stock.strip() == row.stock_was.strip()


def _row_weights(row: VariantInput, e: dict[str, object], key: str) -> tuple[int | None, int | None]:
    """(net, gross) weight in grams; (None, None) when not given or not usable."""
    net, gross = row.net_weight_g.strip(), row.gross_weight_g.strip()
    if not (net or gross):
        return None, None
    net_n, gross_n = _whole(net, 1, MAX_WEIGHT_G), _whole(gross, 1, MAX_WEIGHT_G)
    if net_n is None or gross_n is None:
        e[key + "net_weight_g"] = _l("Give both weights in grams (whole numbers above 0), or neither.")
    elif gross_n < net_n:
        e[key + "gross_weight_g"] = _l("The gross weight cannot be less than the net weight.")
    else:
        return net_n, gross_n
    return None, None


def _row_dims(row: VariantInput, e: dict[str, object], key: str) -> tuple[int, int, int] | None:
    """Length, width and height in mm as typed (None when empty or unreadable); a zero side is an error too."""
    try:
        dims = parse_dims(row.dims)
        usable = dims is None or all(dims)
    except ValueError:
        dims, usable = None, False
    if not usable:
        e[key + "dims"] = _l("Enter length × width × height in whole millimetres, e.g. 300 × 200 × 50.")
    return dims


def _row_image(row: VariantInput, product: Product, e: dict[str, object], key: str) -> int | None:
    """The id of the product image the row chooses, None when it chooses none or one not of this product."""
    image = row.image_id.strip()
    if not image:
        return None
    if not image.isdigit() or int(image) not in {img.id for img in product.images}:
        e[key + "image_id"] = _l("Choose one of this product's images.")
        return None
    return int(image)


def check(product: Product, option_rows: list[OptionInput], rows: list[VariantInput], in_open_orders: set[int]) -> Plan:
    """Check the whole form against the product; raises :class:`VariantEditError` with every problem found.

    ``in_open_orders``: ids of this product's variants that open orders still need (they cannot be removed)."""
    options, e = check_options(option_rows)
    keep: list[VariantPlan] = []
    remove: list[ProductVariant] = []
    taken = taken_skus(product)
    seen_skus: dict[str, int] = {}
    seen_combos: dict[tuple, int] = {}
    for i, row in enumerate(rows):
        if row.is_blank():
            continue
        variant = None
        if row.id is not None:
            variant = product.variant(row.id)
            if variant is None or variant.product_id != product.id:
                e[f"variants-{i}-combination"] = _l("This variant is not one of this product's.")
                continue
        if row.remove:
            if variant is None:
                continue
            if variant.id in in_open_orders:
                e[f"variants-{i}-remove"] = _l(
                    "Open orders still need this variant: it can be removed once they are shipped or cancelled."
                )
            remove.append(variant)
            continue
        values = _check_row(i, row, product, options, e)
        sku = (values.get("sku") or "").lower()
        if sku and (sku in taken or sku in seen_skus):
            e[f"variants-{i}-sku"] = _l("You already use this SKU for another product or variant.")
        elif sku:
            seen_skus[sku] = i
        combo = tuple(sorted((values.get("options") or {}).items()))
        if "options" in values and combo in seen_combos:
            e[f"variants-{i}-combination"] = _l("Another variant already has this combination.")
        seen_combos.setdefault(combo, i)
        try:
            tiers = _tiers(row.tiers, product.unit)
        except ValueError:
            e[f"variants-{i}-tiers"] = _l("Write tiers as quantity: price; e.g. 10: 120.00; 50: 110.00.")
            tiers = []
        if tiers and values.get("price_fen") is None:
            e[f"variants-{i}-tiers"] = _l("Give the variant its own price to give it its own price tiers.")
        elif len(tiers) > MAX_TIERS or len({q for q, _p in tiers}) != len(tiers):
            e[f"variants-{i}-tiers"] = _l("Use at most 10 price tiers, each from a different quantity.")
        keep.append(VariantPlan(variant, values, sorted(tiers)))
    if not keep:
        e.setdefault("form", _l("A product keeps at least one variant."))
    elif not options and len(keep) > 1:
        e.setdefault("form", _l("Without option types a product has exactly one variant: add option types first."))
    elif len(keep) > MAX_VARIANTS:
        e.setdefault("form", _l("Use at most 300 variants."))
    if e:
        raise VariantEditError(e)
    return Plan(options, keep, remove)


def apply(product: Product, plan: Plan) -> None:
    """Write a checked plan: option types, removed variants, changed and new variants with their tiers (flush)."""
    for variant in plan.remove:
        product.variants.remove(variant)
    db.session.flush()  # removed SKUs are free before other rows take them
    product.options = plan.options
    for position, item in enumerate(plan.keep):
        variant = item.variant
        if variant is None:
            variant = ProductVariant()
            product.variants.append(variant)
        variant.position = position
        for name, value in item.values.items():
            setattr(variant, name, value)
        if [(t.min_qty, t.price_fen) for t in variant.tiers] != item.tiers:
            variant.tiers[:] = []
            db.session.flush()
            variant.tiers.extend(PriceTier(min_qty=q, price_fen=p) for q, p in item.tiers)
    product.variants.sort(key=lambda v: v.position)
    db.session.flush()
