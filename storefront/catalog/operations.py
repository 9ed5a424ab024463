"""Product state changes used by the back office, the spreadsheet import and tests (flush, never commit)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from storefront.catalog import images as image_files
from storefront.catalog.models import PriceTier, Product, ProductTranslation
from storefront.catalog.taxonomy import Category, City
from storefront.catalog.units import DEFAULT_UNIT as SALE_UNIT
from storefront.catalog.units import UNITS as SALE_UNITS
from storefront.catalog.units import quantity_rule, small_quantity
from storefront.catalog.units import scale as sale_scale
from storefront.clearance.codes import UNITS
from storefront.core.locales import LANGS
from storefront.core.validators import is_valid_hs_code, is_valid_sku, normalize_hs_code
from storefront.extensions import db

MAX_TIERS = 10
MAX_SPECS = 30
#: Upper bounds that keep values inside 32-bit integer columns and sane.
MAX_PRICE_FEN = 2_000_000_000
MAX_QTY = 1_000_000_000
#: Largest carton size (pieces per carton).
MAX_UNIT_SIZE = 10_000
MAX_WEIGHT_G = 100_000_000
#: Longest package side accepted (a 12 m bar still fits a 40' container), and most units or packages per count.
MAX_PACKAGE_MM = 15_000
MAX_PACKAGE_COUNT = 10_000
_DIMS_SPLIT = re.compile(r"\s*[x×*X]\s*|\s+")
#: Product fields recorded in the audit log when an operator moderates.
MODERATION_FIELDS = ("hidden", "moderation_reason")

#: Checks other domains register (ordering: variants that open orders still need), by name: given variant ids,
#: those whose quantities are held elsewhere in the product's current unit, so the unit may not change scale.
_UNIT_HOLDERS: dict[str, Callable[[Iterable[int]], set[int]]] = {}


def register_unit_holder(name: str, check: Callable[[Iterable[int]], set[int]]) -> None:
    """Register a check of :data:`_UNIT_HOLDERS` (idempotent: the last registration of a name wins)."""
    _UNIT_HOLDERS[name] = check


class ProductError(ValueError):
    """A product change the rules do not allow; ``errors`` maps fields to messages."""

    def __init__(self, errors: dict[str, object]) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors


@dataclass
class TextInput:
    """A product's text in one language."""

    name: str = ""
    description: str = ""
    #: Specification rows: [[label, value], ...].
    specs: list[list[str]] = field(default_factory=list)

    def is_empty(self) -> bool:
        """True when nothing was entered for the language."""
        return not (self.name or self.description or self.specs)


@dataclass
class ProductInput:
    """Everything a merchant sets on a product, already parsed into Python values."""

    sku: str = ""
    category_id: int | None = None
    hs_code: str = ""
    customs_name: str = ""
    customs_unit: str = ""
    model: str = ""
    origin_city_slug: str = ""
    net_weight_g: int | None = None
    gross_weight_g: int | None = None
    price_fen: int | None = None
    moq: int | None = 1
    stock: int | None = 0
    #: Unit of sale (storefront.catalog.units), pieces per carton, quantity step.
    unit: str = SALE_UNIT
    unit_size: int | None = 1
    qty_step: int | None = 1
    #: Sample offer: price (None = no samples), most per order, lead time in days.
    sample_price_fen: int | None = None
    sample_max_qty: int | None = 1
    sample_lead_days: int | None = 0
    hidden: bool = False
    texts: dict[str, TextInput] = field(default_factory=dict)
    #: Wholesale tiers as (min_qty, price_fen), ascending.
    tiers: list[tuple[int, int]] = field(default_factory=list)
    #: Package length, width and height in mm (None: not given, priced by weight only).
    package_mm: tuple[int, int, int] | None = None
    units_per_package: int | None = 1
    packages_per_unit: int | None = 1

    @classmethod
    def from_product(cls, p: Product) -> ProductInput:
        """The current values of a product."""
        return cls(
            sku=p.sku,
            category_id=p.category_id,
            hs_code=p.hs_code,
            customs_name=p.customs_name,
            customs_unit=p.customs_unit,
            model=p.model,
            origin_city_slug=p.origin_city_slug,
            net_weight_g=p.net_weight_g,
            gross_weight_g=p.gross_weight_g,
            price_fen=p.price_fen,
            moq=p.moq,
            stock=p.stock,
            unit=p.unit,
            unit_size=p.unit_size,
            qty_step=p.qty_step,
            sample_price_fen=p.sample_price_fen,
            sample_max_qty=p.sample_max_qty,
            sample_lead_days=p.sample_lead_days,
            hidden=p.hidden,
            texts={
                code: TextInput(t.name, t.description, [list(r) for r in t.specs or []])
                for code, t in p.translations.items()
            },
            tiers=[(t.min_qty, t.price_fen) for t in p.tiers],
            package_mm=(p.package_length_mm, p.package_width_mm, p.package_height_mm) if p.package_length_mm else None,
            units_per_package=p.units_per_package,
            packages_per_unit=p.packages_per_unit,
        )

    def normalized(self) -> ProductInput:
        """Trimmed text, normalised HS code, empty languages dropped, tiers sorted."""
        texts = {}
        for code, t in self.texts.items():
            specs = [[str(a).strip(), str(b).strip()] for a, b in t.specs if str(a).strip() or str(b).strip()]
            clean = TextInput(t.name.strip(), t.description.strip().replace("\r\n", "\n"), specs)
            if not clean.is_empty():
                texts[code] = clean
        return ProductInput(
            sku=self.sku.strip(),
            category_id=self.category_id,
            hs_code=normalize_hs_code(self.hs_code),
            customs_name=self.customs_name.strip(),
            customs_unit=self.customs_unit.strip(),
            model=self.model.strip(),
            origin_city_slug=self.origin_city_slug.strip(),
            net_weight_g=self.net_weight_g,
            gross_weight_g=self.gross_weight_g,
            price_fen=self.price_fen,
            moq=self.moq,
            stock=self.stock,
            unit=(self.unit or SALE_UNIT).strip(),
            unit_size=self.unit_size,
            qty_step=self.qty_step,
            sample_price_fen=self.sample_price_fen,
            sample_max_qty=self.sample_max_qty,
            sample_lead_days=self.sample_lead_days,
            hidden=self.hidden,
            texts=texts,
            tiers=sorted(self.tiers),
            package_mm=self.package_mm,
            units_per_package=self.units_per_package,
            packages_per_unit=self.packages_per_unit,
        )


def parse_dims(text: str) -> tuple[int, int, int] | None:
    """ "4150 x 680 x 760" (x, ×, * or spaces) → (4150, 680, 760); "" → None; ValueError otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    parts = [part for part in _DIMS_SPLIT.split(text) if part]
    if len(parts) != 3 or not all(part.isdigit() and len(part) <= 6 for part in parts):
        raise ValueError(text)
    return int(parts[0]), int(parts[1]), int(parts[2])


@dataclass
class Refs:
    """Reference data the checks need, loaded once (a form submit or a whole import)."""

    categories: dict[int, Category]
    cities: set[str]

    @classmethod
    def load(cls) -> Refs:
        """Load the categories and cities."""
        return cls(
            categories={c.id: c for c in db.session.scalars(select(Category))},
            cities=set(db.session.scalars(select(City.slug))),
        )


def _int_in(value: int | None, low: int, high: int) -> bool:
    return isinstance(value, int) and low <= value <= high


def check(data: ProductInput, refs: Refs, *, sku_taken: bool = False) -> dict[str, object]:
    """Field → message for every rule a (normalised) product input breaks; empty when it is acceptable.

    Keys are the spreadsheet column names (``sku``, ``price``, ``name_zh``, …), shared by forms and imports.
    """
    e: dict[str, object] = {}
    _check_sku_category(data, refs, sku_taken, e)
    _check_customs(data, refs, e)
    if not _int_in(data.price_fen, 1, MAX_PRICE_FEN):
        e["price"] = _l("Enter a price above 0 in yuan, for example 128.50.")
    if not _int_in(data.moq, 1, MAX_QTY):
        e["moq"] = quantity_rule("moq", data.unit)
    if not _int_in(data.stock, 0, MAX_QTY):
        e["stock"] = quantity_rule("stock", data.unit)
    _check_package(data, e)
    if data.unit not in SALE_UNITS:
        e["unit"] = _l("Choose a unit of sale from the list.")
    if not _int_in(data.unit_size, 1, MAX_UNIT_SIZE):
        e["unit_size"] = _l("Pieces per carton: a whole number from 1 to 10,000.")
    if not _int_in(data.qty_step, 1, MAX_QTY):
        e["qty_step"] = quantity_rule("qty_step", data.unit)
    _check_samples(data, e)
    _check_texts(data, e)
    _check_tiers(data, e)
    return e


def _check_sku_category(data: ProductInput, refs: Refs, sku_taken: bool, e: dict[str, object]) -> None:
    """A valid SKU the merchant does not use yet, and a known category."""
    if not is_valid_sku(data.sku):
        e["sku"] = _l("SKU: 1–20 letters, digits, dots, dashes or underscores.")
    elif sku_taken:
        e["sku"] = _l("You already have a product with this SKU.")
    if data.category_id not in refs.categories:
        e["category"] = _l("Choose a category from the list.")


def _check_customs(data: ProductInput, refs: Refs, e: dict[str, object]) -> None:
    """What customs is told: HS code, declared name, unit and model, origin city, net and gross weight."""
    if not is_valid_hs_code(data.hs_code):
        e["hs_code"] = _l("The HS code has 10 digits and starts with an HS chapter (01–97).")
    if not data.customs_name or len(data.customs_name) > 250:
        e["customs_name"] = _l("Enter the name declared to customs (in Chinese, up to 250 characters).")
    if data.customs_unit not in UNITS:
        e["customs_unit"] = _l("Choose a customs unit code (e.g. 011 for pieces, 035 for kilograms).")
    if len(data.model) > 250:
        e["model"] = _l("Use at most 250 characters.")
    if data.origin_city_slug not in refs.cities:
        e["origin_city"] = _l("Choose an origin city from the list.")
    if not _int_in(data.net_weight_g, 1, MAX_WEIGHT_G):
        e["net_weight_g"] = _l("Enter the net weight in grams (a whole number above 0).")
    if not _int_in(data.gross_weight_g, 1, MAX_WEIGHT_G):
        e["gross_weight_g"] = _l("Enter the gross weight in grams (a whole number above 0).")
    elif "net_weight_g" not in e and data.gross_weight_g < data.net_weight_g:
        e["gross_weight_g"] = _l("The gross weight cannot be less than the net weight.")


def _check_samples(data: ProductInput, e: dict[str, object]) -> None:
    """Sample price (optional), most samples per order (below the minimum order when sold by weight or length)
    and lead time."""
    if data.sample_price_fen is not None and not _int_in(data.sample_price_fen, 1, MAX_PRICE_FEN):
        e["sample_price"] = _l("Enter a sample price above 0 in yuan, or leave it empty for no samples.")
    if not _int_in(data.sample_max_qty, 1, MAX_UNIT_SIZE * sale_scale(data.unit)):
        e["sample_max_qty"] = quantity_rule("sample_max_qty", data.unit)
    elif (
        data.sample_price_fen is not None
        and sale_scale(data.unit) > 1
        and _int_in(data.moq, 1, MAX_QTY)
        and data.sample_max_qty >= data.moq
    ):  # sold by weight or length: a sample is a small quantity, not the minimum order at the sample price
        e["sample_max_qty"] = _l(
            "A sample must be less than the minimum order (%(moq)s), e.g. %(example)s.",
            moq=small_quantity(data.moq, data.unit),
            example=small_quantity(max(data.moq // 100, 1), data.unit),
        )
    if not _int_in(data.sample_lead_days, 0, 365):
        e["sample_lead_days"] = _l("Sample lead time: whole days, 0 to 365.")


def _check_package(data: ProductInput, e: dict[str, object]) -> None:
    """Dimensions all above 0 (or none at all); units per package or packages per unit, one of them 1."""
    if data.package_mm is not None and (
        len(data.package_mm) != 3 or not all(_int_in(x, 1, MAX_PACKAGE_MM) for x in data.package_mm)
    ):
        e["package_mm"] = _l(
            "Give the package's length, width and height in mm, each above 0 (e.g. 600x400x300), or leave it empty."
        )
    units, per_unit = data.units_per_package, data.packages_per_unit
    if not _int_in(units, 1, MAX_PACKAGE_COUNT) or not _int_in(per_unit, 1, MAX_PACKAGE_COUNT):
        e["units_per_package"] = _l("Units per package and packages per unit are whole numbers, at least 1.")
    elif units > 1 and per_unit > 1:
        e["units_per_package"] = _l(
            "Either several units share a package or one unit needs several packages, not both."
        )


def _check_texts(data: ProductInput, e: dict[str, object]) -> None:
    for code, t in data.texts.items():
        if code not in LANGS:
            e[f"name_{code}"] = _l("Unknown language.")
            continue
        if not t.name:
            e[f"name_{code}"] = _l("Enter a name for this language, or leave the whole language empty.")
        elif len(t.name) > 250:
            e[f"name_{code}"] = _l("Use at most 250 characters.")
        if len(t.description) > 20000:
            e[f"description_{code}"] = _l("Use at most 20,000 characters.")
        if len(t.specs) > MAX_SPECS or any(len(a) > 100 or len(b) > 500 or not a for a, b in t.specs):
            e[f"specs_{code}"] = _l("Up to 30 lines of “label: value”, each with a label.")
    if not any(code in data.texts for code in ("zh", "en")):
        e.setdefault("name_zh", _l("Give the product a name in Chinese or English."))


def _check_tiers(data: ProductInput, e: dict[str, object]) -> None:
    if not data.tiers:
        return
    if len(data.tiers) > MAX_TIERS:
        e["tiers"] = _l("Use at most 10 price tiers.")
        return
    last_qty, last_price = data.moq or 1, data.price_fen or MAX_PRICE_FEN + 1
    for qty, fen in data.tiers:
        if not _int_in(qty, 2, MAX_QTY) or not _int_in(fen, 1, MAX_PRICE_FEN):
            e["tiers"] = _l("Each tier needs a quantity and a price above 0.")
            return
        if qty <= last_qty:
            e["tiers"] = _l("Tier quantities must be above the minimum order and all different.")
            return
        if fen >= last_price:
            e["tiers"] = _l("Each tier must be cheaper than the base price and the tier before it.")
            return
        last_qty, last_price = qty, fen


def sku_taken(merchant_id: int, sku: str, product_id: int | None = None) -> bool:
    """True when the merchant has another product with this SKU."""
    stmt = select(func.count()).select_from(Product).where(Product.merchant_id == merchant_id, Product.sku == sku)
    if product_id is not None:
        stmt = stmt.where(Product.id != product_id)
    return bool(db.session.scalar(stmt))


def _set(obj, name: str, value) -> bool:
    """Assign only when the value differs (so unchanged rows are never rewritten)."""
    if getattr(obj, name) != value:
        setattr(obj, name, value)
        return True
    return False


SCALARS = (
    "sku",
    "category_id",
    "hs_code",
    "customs_name",
    "customs_unit",
    "model",
    "origin_city_slug",
    "net_weight_g",
    "gross_weight_g",
    "price_fen",
    "moq",
    "unit",
    "unit_size",
    "qty_step",
    "sample_price_fen",
    "sample_max_qty",
    "sample_lead_days",
)


def package_values(data: ProductInput) -> dict[str, int | None]:
    """The product's package columns from checked input."""
    length, width, height = data.package_mm or (None, None, None)
    return {
        "package_length_mm": length,
        "package_width_mm": width,
        "package_height_mm": height,
        "units_per_package": data.units_per_package or 1,
        "packages_per_unit": data.packages_per_unit or 1,
    }


def apply(product: Product, data: ProductInput) -> bool:
    """Write checked input onto a product; returns True when anything changed. Does not flush."""
    changed = False
    for name in SCALARS:
        changed |= _set(product, name, getattr(data, name))
    if len(product.variants) == 1:  # a product with options keeps its stock per variant
        changed |= _set(product.variants[0], "stock", data.stock)
    for name, value in package_values(data).items():
        changed |= _set(product, name, value)
    if not product.moderation_reason:
        changed |= _set(product, "hidden", data.hidden)
    for code in list(product.translations):
        if code not in data.texts:
            del product.translations[code]
            changed = True
    for code, t in data.texts.items():
        row = product.translations.get(code)
        if row is None:
            product.translations[code] = ProductTranslation(
                locale=code, name=t.name, description=t.description, specs=t.specs
            )
            changed = True
        else:
            changed |= _set(row, "name", t.name) | _set(row, "description", t.description)
            changed |= _set(row, "specs", t.specs)
    wanted = dict(data.tiers)
    for tier in list(product.tiers):
        if tier.min_qty not in wanted:
            product.tiers.remove(tier)
            changed = True
        else:
            changed |= _set(tier, "price_fen", wanted.pop(tier.min_qty))
    for qty, fen in sorted(wanted.items()):
        product.tiers.append(PriceTier(min_qty=qty, price_fen=fen))
        changed = True
    if changed:
        product.tiers.sort(key=lambda t: t.min_qty)
    return changed


def create_product(merchant, data: ProductInput, refs: Refs | None = None) -> Product:
    """Check and add a product for a merchant."""
    data = data.normalized()
    errors = check(data, refs or Refs.load(), sku_taken=sku_taken(merchant.id, data.sku))
    if errors:
        raise ProductError(errors)
    product = Product(merchant_id=merchant.id, moderation_reason="", featured=False)
    apply(product, data)
    db.session.add(product)
    db.session.flush()
    return product


def update_product(product: Product, data: ProductInput, refs: Refs | None = None) -> bool:
    """Check and change a product; returns True when anything changed."""
    data = data.normalized()
    errors = check(data, refs or Refs.load(), sku_taken=sku_taken(product.merchant_id, data.sku, product.id))
    if product.moderation_reason and not data.hidden and product.hidden:
        errors["hidden"] = _l("An operator hid this product; it stays hidden until they restore it.")
    if sale_scale(product.unit) != sale_scale(data.unit) and _quantities_held(product):
        errors["unit"] = _l(
            "Open orders hold this product in its current unit: ship or cancel them before changing between "
            "count, weight and length units."
        )
    if errors:
        raise ProductError(errors)
    _rescale_variants(product, sale_scale(product.unit), sale_scale(data.unit))
    changed = apply(product, data)
    db.session.flush()
    return changed


def _quantities_held(product: Product) -> bool:
    """True when a registered holder (open orders and their stock reservations) keeps quantities of the product
    in steps of its current unit: rescaling stock under them would give back the wrong amount on release."""
    ids = [v.id for v in product.variants if v.id is not None]
    return any(check(ids) for check in _UNIT_HOLDERS.values()) if ids else False


def _rescale_variants(product: Product, old: int, new: int) -> None:
    """A unit change between scales (piece → kg) keeps what the variants hold: their stock and own tier breaks
    are converted to the new unit's steps (the form sends the product's own quantities already in the new unit).
    A quantity finer than the new unit allows is rounded down."""
    if old == new or not product.has_options:
        return
    for variant in product.variants:
        variant.stock = variant.stock * new // old
        for tier in variant.tiers:
            tier.min_qty = max(tier.min_qty * new // old, 2)


def set_hidden(product: Product, hidden: bool) -> None:
    """Hide or show a product (the merchant's choice); moderated products stay hidden."""
    if not hidden and product.moderation_reason:
        raise ProductError({"hidden": _l("An operator hid this product; it stays hidden until they restore it.")})
    product.hidden = hidden
    db.session.flush()


def delete_product(product: Product) -> None:
    """Delete a product and its image files."""
    stems = [img.stem for img in product.images]
    db.session.delete(product)
    db.session.flush()
    for stem in stems:
        image_files.delete_files(stem)
