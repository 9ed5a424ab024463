"""Catalogue models: products and their translations, tiers, images and variants (clusters, categories and
cities: :mod:`storefront.catalog.taxonomy`).

A product sells as one or more variants (ProductVariant): stock lives on the variant only; a product without
options has exactly one default variant, invisible in the UI. A product's option types (size, colour, grade…)
are a small JSON document on the product (read through :class:`OptionType`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.collections import attribute_keyed_dict

from storefront.catalog.taxonomy import Category, City
from storefront.catalog.units import quantity, scale, small_quantity
from storefront.core.content import Localized, pick
from storefront.extensions import db


class Product(db.Model):
    """A product a merchant sells, with the customs data its export declaration needs."""

    __tablename__ = "products"
    __table_args__ = (
        UniqueConstraint("merchant_id", "sku"),
        CheckConstraint("price_fen > 0", name="price_positive"),
        CheckConstraint("moq >= 1", name="moq_positive"),
        CheckConstraint("qty_step >= 1", name="qty_step_positive"),
        CheckConstraint("unit_size >= 1", name="unit_size_positive"),
        CheckConstraint("sample_price_fen IS NULL OR sample_price_fen > 0", name="sample_price_positive"),
        CheckConstraint("sample_max_qty >= 1 AND sample_lead_days >= 0", name="sample_limits"),
        CheckConstraint("net_weight_g > 0 AND gross_weight_g >= net_weight_g", name="weights"),
        CheckConstraint(
            "units_per_package >= 1 AND packages_per_unit >= 1 AND (units_per_package = 1 OR packages_per_unit = 1)",
            name="packages",
        ),
        CheckConstraint(
            "(package_length_mm IS NULL AND package_width_mm IS NULL AND package_height_mm IS NULL)"
            " OR (package_length_mm > 0 AND package_width_mm > 0 AND package_height_mm > 0)",
            name="package_dims",
        ),
        Index("ix_products_listing", "hidden", "category_id", "price_fen"),
        Index("ix_products_created", "hidden", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    sku: Mapped[str] = mapped_column(String(20))
    #: 10-digit Chinese tariff code (HS + national subdivisions).
    hs_code: Mapped[str] = mapped_column(String(10), index=True)
    #: Name declared to customs (Chinese), used on the inventory list and for the tax rebate.
    customs_name: Mapped[str] = mapped_column(String(250))
    #: Customs unit-of-measure code (e.g. 011 件, 035 千克).
    customs_unit: Mapped[str] = mapped_column(String(3))
    #: Model / specification as declared (规格型号).
    model: Mapped[str] = mapped_column(String(250), default="")
    origin_city_slug: Mapped[str] = mapped_column(ForeignKey("cities.slug"), index=True)
    net_weight_g: Mapped[int] = mapped_column(Integer)
    gross_weight_g: Mapped[int] = mapped_column(Integer)
    #: How it is packed for transport: carton, bag, crate, pallet (freight: docs/freight.md).
    package_kind: Mapped[str] = mapped_column(String(10), default="carton")
    #: Outer size of one package in mm (all three or none; none = priced by weight only).
    package_length_mm: Mapped[int | None] = mapped_column(Integer)
    package_width_mm: Mapped[int | None] = mapped_column(Integer)
    package_height_mm: Mapped[int | None] = mapped_column(Integer)
    #: Units packed in one package (50 swimsuits per carton); 1 when a unit needs one or more packages.
    units_per_package: Mapped[int] = mapped_column(Integer, default=1)
    #: Packages one unit travels in (a lift in two crates); 1 when several units share a package.
    packages_per_unit: Mapped[int] = mapped_column(Integer, default=1)
    #: Base unit price in CNY fen.
    price_fen: Mapped[int] = mapped_column(Integer, index=True)
    #: Minimum order. Like every quantity of the product (step, tier breaks, sample limit, stock, cart and order
    #: lines) it is stored in steps of ``unit``'s scale (storefront.catalog.units.SCALE: 500 = 0.5 t).
    moq: Mapped[int] = mapped_column(Integer, default=1)
    #: Unit of sale, a :data:`storefront.catalog.units.UNITS` key (piece, pair, set, kg, tonne, metre, carton, pallet).
    unit: Mapped[str] = mapped_column(String(10), default="piece", server_default="piece")
    #: Pieces per carton for the ``carton`` unit (1 otherwise).
    unit_size: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: Quantities must be a multiple of this (scaled, like ``moq``: 500 = steps of 0.5 t).
    qty_step: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: Price of one sample in CNY fen, bought without the MOQ; NULL = no samples offered.
    sample_price_fen: Mapped[int | None] = mapped_column(Integer)
    #: Most samples one order may hold (scaled, like ``moq``).
    sample_max_qty: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: Days the merchant needs to send a sample.
    sample_lead_days: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    featured: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Hidden by the merchant or by moderation; hidden products are not public.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    #: Reason shown to the owner when an operator hid the product.
    moderation_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    merchant = relationship("Merchant", lazy="joined", innerjoin=True)
    category: Mapped[Category] = relationship(lazy="joined", innerjoin=True)
    origin_city: Mapped[City] = relationship(lazy="joined", innerjoin=True)
    translations: Mapped[dict[str, ProductTranslation]] = relationship(
        collection_class=attribute_keyed_dict("locale"),
        cascade="all, delete-orphan",
        lazy="selectin",
        back_populates="product",
    )
    tiers: Mapped[list[PriceTier]] = relationship(
        order_by="PriceTier.min_qty", cascade="all, delete-orphan", lazy="selectin", back_populates="product"
    )
    images: Mapped[list[ProductImage]] = relationship(
        order_by="ProductImage.position", cascade="all, delete-orphan", lazy="selectin", back_populates="product"
    )
    #: Option types buyers choose among, in order: [{"code": "size", "names": {"en": "Size"},
    #: "values": [{"code": "M", "names": {"en": "M"}}]}]; [] for a product without options.
    options: Mapped[list] = mapped_column(JSON, default=list)
    #: Loaded on use (cards and listings do not need them); pages that do use :func:`with_variants`.
    variants: Mapped[list[ProductVariant]] = relationship(
        order_by="ProductVariant.position", cascade="all, delete-orphan", back_populates="product"
    )

    def __init__(self, **kw) -> None:
        """A new product comes with its default variant (holding ``stock``) unless variants are given."""
        stock = kw.pop("stock", 0)
        super().__init__(**kw)
        if not self.variants:
            self.variants.append(ProductVariant(position=0, options={}, stock=stock or 0))

    @hybrid_property
    def stock(self) -> int:
        """Units in stock over all variants (the variants hold the stock)."""
        return sum(v.stock or 0 for v in self.variants)

    @stock.inplace.setter
    def _stock_setter(self, value: int) -> None:
        if len(self.variants) != 1:
            raise ValueError("stock of a product with several variants is set per variant")
        self.variants[0].stock = value

    @stock.inplace.expression
    @classmethod
    def _stock_expression(cls):
        return (
            select(func.coalesce(func.sum(ProductVariant.stock), 0))
            .where(ProductVariant.product_id == cls.id)
            .correlate_except(ProductVariant)
            .scalar_subquery()
        )

    @property
    def min_qty(self) -> int:
        """The smallest quantity that can be ordered: the MOQ rounded up to a whole quantity step."""
        step = self.qty_step or 1
        return -(-self.moq // step) * step

    @property
    def scale(self) -> int:
        """Stored quantity steps per unit of sale (1000 for kg and tonne, 100 for metre, 1 for pieces)."""
        return scale(self.unit)

    def amount(self, n: int) -> str:
        """``n`` of this product's unit in the current language ("5 штук", "3 cartons of 12")."""
        return quantity(n, self.unit, self.unit_size)

    def small_amount(self, n: int) -> str:
        """A small quantity of this product as buyers read it (a sample limit): "5 kg" of a tonne product."""
        return small_quantity(n, self.unit) if self.scale > 1 else self.amount(n)

    @property
    def offers_samples(self) -> bool:
        """True when buyers may order a sample without the MOQ."""
        return self.sample_price_fen is not None

    @property
    def default_variant(self) -> ProductVariant:
        """The first variant (the only one of a product without options)."""
        return self.variants[0]

    @property
    def has_options(self) -> bool:
        """True when buyers choose among variants."""
        return bool(self.options)

    @property
    def option_types(self) -> list[OptionType]:
        """The option types, in order."""
        return [OptionType(o) for o in self.options or ()]

    def variant(self, variant_id: int | None) -> ProductVariant | None:
        """This product's variant with that id (None for another product's variant or an unknown id)."""
        if variant_id is None and len(self.variants) == 1:
            return self.variants[0]
        return next((v for v in self.variants if v.id == variant_id), None)

    def variant_for(self, chosen: dict[str, str]) -> ProductVariant | None:
        """The variant of exactly this combination of option values (None when it does not exist)."""
        if not self.options:
            return self.variants[0] if self.variants else None
        wanted = {o.code: chosen.get(o.code) for o in self.option_types}
        return next((v for v in self.variants if dict(v.options or {}) == wanted), None)

    def text(self, field: str, lang: str) -> Localized:
        """A translated field ('name', 'description', 'specs') with fallback."""
        return pick({code: getattr(t, field) for code, t in self.translations.items()}, lang)

    def name(self, lang: str) -> Localized:
        """Product name in the language, with fallback."""
        return self.text("name", lang)

    def unit_price_fen(self, qty: int) -> int:
        """Unit price in fen for a quantity, applying the best tier reached."""
        price = self.price_fen
        for tier in self.tiers:
            if qty >= tier.min_qty:
                price = tier.price_fen
        return price

    @property
    def cover(self) -> ProductImage | None:
        """First image, used on cards."""
        return self.images[0] if self.images else None

    @property
    def is_public(self) -> bool:
        """Visible to buyers: not hidden and the merchant is approved."""
        return not self.hidden and self.merchant.is_approved


class ProductTranslation(db.Model):
    """A product's text in one language."""

    __tablename__ = "product_translations"

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), primary_key=True)
    locale: Mapped[str] = mapped_column(String(5), primary_key=True)
    name: Mapped[str] = mapped_column(String(250))
    description: Mapped[str] = mapped_column(Text, default="")
    #: Specification rows: [[label, value], ...].
    specs: Mapped[list] = mapped_column(JSON, default=list)

    product: Mapped[Product] = relationship(back_populates="translations")


class PriceTier(db.Model):
    """Wholesale price from a minimum quantity upward (of the product, or of one variant with its own price)."""

    __tablename__ = "price_tiers"
    __table_args__ = (
        UniqueConstraint("product_id", "min_qty"),
        UniqueConstraint("variant_id", "min_qty"),
        CheckConstraint("(product_id IS NULL) <> (variant_id IS NULL)", name="one_owner"),
        CheckConstraint("price_fen > 0", name="price_positive"),
        CheckConstraint("min_qty >= 1", name="min_qty_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The product whose base price the tier lowers (NULL for a variant's tier).
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    #: The variant with its own price whose tier this is (NULL for a product's tier).
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("product_variants.id", ondelete="CASCADE"), index=True)
    #: The quantity from which the price applies (scaled like ``Product.moq``).
    min_qty: Mapped[int] = mapped_column(Integer)
    price_fen: Mapped[int] = mapped_column(Integer)

    product: Mapped[Product | None] = relationship(back_populates="tiers")
    variant: Mapped[ProductVariant | None] = relationship(back_populates="tiers")


class ProductImage(db.Model):
    """An uploaded product image; thumbnails are files named after ``stem``."""

    __tablename__ = "product_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    #: File stem under DATA_DIR/media/products; sizes are <stem>-<width>.webp.
    stem: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    alt: Mapped[str] = mapped_column(Text, default="")

    product: Mapped[Product] = relationship(back_populates="images")


class OptionType:
    """A read-only view of one entry of ``Product.options``."""

    def __init__(self, data: dict) -> None:
        self.data = data

    @property
    def code(self) -> str:
        """Key in the variants' ``options`` and the search facet: size, colour, grade, capacity, voltage…"""
        return self.data["code"]

    def name(self, lang: str) -> Localized:
        """Option name in the language, with fallback."""
        return pick(self.data.get("names") or {"en": self.code}, lang)

    def value_name(self, code: str, lang: str) -> Localized:
        """A value's label in the language (the code itself when the value has no names)."""
        for value in self.data.get("values") or ():
            if value.get("code") == code:
                return pick(value.get("names") or {"en": code}, lang)
        return Localized(code, None, lang)

    @property
    def value_codes(self) -> list[str]:
        """The value codes in display order."""
        return [value["code"] for value in self.data.get("values") or ()]


class ProductVariant(db.Model):
    """What a buyer actually orders: one combination of option values with its own SKU, price, stock and data.

    Columns left NULL take the product's value (price and tiers, weights, HS code, model); stock is the
    variant's alone.
    """

    __tablename__ = "product_variants"
    __table_args__ = (
        UniqueConstraint("product_id", "sku"),
        CheckConstraint("stock >= 0", name="stock_not_negative"),
        CheckConstraint("price_fen IS NULL OR price_fen > 0", name="price_positive"),
        CheckConstraint(
            "net_weight_g IS NULL OR (net_weight_g > 0 AND gross_weight_g >= net_weight_g)", name="weights"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: The variant's own SKU; NULL for a product's only variant, which sells under the product's SKU.
    sku: Mapped[str | None] = mapped_column(String(20))
    #: Chosen value code per option code, {"size": "m", "colour": "blue"}; {} for a product without options.
    options: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Own base price in CNY fen (with its own tiers); NULL = the product's price and tiers.
    price_fen: Mapped[int | None] = mapped_column(Integer)
    #: Stock (the only place stock is kept), in steps of the product unit's scale (2500 = 2.5 t).
    stock: Mapped[int] = mapped_column(Integer, default=0)
    #: Weight overrides per unit, grams (NULL = the product's).
    net_weight_g: Mapped[int | None] = mapped_column(Integer)
    gross_weight_g: Mapped[int | None] = mapped_column(Integer)
    #: Dimension overrides per unit, millimetres (NULL = not given / the product's).
    length_mm: Mapped[int | None] = mapped_column(Integer)
    width_mm: Mapped[int | None] = mapped_column(Integer)
    height_mm: Mapped[int | None] = mapped_column(Integer)
    #: The product image showing this variant.
    image_id: Mapped[int | None] = mapped_column(ForeignKey("product_images.id", ondelete="SET NULL"))
    #: Customs overrides where the variant declares differently (NULL = the product's).
    hs_code: Mapped[str | None] = mapped_column(String(10))
    model: Mapped[str | None] = mapped_column(String(250))

    product: Mapped[Product] = relationship(back_populates="variants")
    image: Mapped[ProductImage | None] = relationship(lazy="joined")
    tiers: Mapped[list[PriceTier]] = relationship(
        order_by="PriceTier.min_qty", cascade="all, delete-orphan", back_populates="variant"
    )

    @property
    def effective_sku(self) -> str:
        """The SKU this variant sells under."""
        return self.sku or self.product.sku

    @property
    def base_price_fen(self) -> int:
        """Unit price in fen below the first tier."""
        return self.price_fen if self.price_fen is not None else self.product.price_fen

    def unit_price_fen(self, qty: int) -> int:
        """Unit price in fen for a quantity: the variant's own price and tiers, else the product's."""
        if self.price_fen is None:
            return self.product.unit_price_fen(qty)
        price = self.price_fen
        for tier in self.tiers:
            if qty >= tier.min_qty:
                price = tier.price_fen
        return price

    @property
    def price_tiers(self) -> list[PriceTier]:
        """The tiers that apply to this variant."""
        return list(self.tiers) if self.price_fen is not None else list(self.product.tiers)

    @property
    def net_weight(self) -> int:
        """Net weight per unit, grams."""
        return self.net_weight_g or self.product.net_weight_g

    @property
    def gross_weight(self) -> int:
        """Gross weight per unit, grams."""
        return self.gross_weight_g or self.product.gross_weight_g

    @property
    def customs_hs_code(self) -> str:
        """HS code declared for this variant."""
        return self.hs_code or self.product.hs_code

    @property
    def customs_model(self) -> str:
        """Model / specification declared for this variant (规格型号): its own, else the product's plus its
        options in Chinese (e.g. "XC-2231 M · 蓝色")."""
        if self.model:
            return self.model
        return " ".join(part for part in (self.product.model or "", self.label("zh")) if part)

    def label(self, lang: str, names: dict[tuple[str, str], str] | None = None) -> str:
        """The chosen values in the language, e.g. "M · синий" ("" for a product without options). ``names``:
        value names already translated, by (option code, value code), for a page labelling many variants."""
        chosen, names, parts = self.options or {}, names or {}, []
        for option in self.product.option_types:
            code = option.code
            if code in chosen:
                value = chosen[code]
                parts.append(names.get((code, value)) or str(option.value_name(value, lang)))
        return " · ".join(parts)

    def labels(self, langs) -> dict[str, str]:
        """``label`` per language (for snapshots on order lines)."""
        return {lang: self.label(lang) for lang in langs} if self.options else {}


def with_variants() -> tuple:
    """Loader options bringing products' variants in one query (then :func:`load_variant_tiers`)."""
    return (selectinload(Product.variants),)


def load_variant_tiers(products) -> None:
    """Load the tiers of variants that have their own price in one query (none when no variant has one)."""
    variants = [v for p in products for v in p.variants]
    priced = [v.id for v in variants if v.price_fen is not None]
    found: dict[int, list[PriceTier]] = {}
    if priced:
        stmt = select(PriceTier).where(PriceTier.variant_id.in_(priced)).order_by(PriceTier.min_qty)
        for tier in db.session.scalars(stmt):
            found.setdefault(tier.variant_id, []).append(tier)
    for variant in variants:
        if "tiers" not in variant.__dict__:
            set_committed_value(variant, "tiers", found.get(variant.id, []))
