"""Catalogue models: clusters, categories, cities, products and their translations, tiers and images."""

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
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.orm.collections import attribute_keyed_dict

from storefront.core.content import Localized, pick
from storefront.extensions import db


class Cluster(db.Model):
    """One of the province's export industry clusters (swimwear, magnesium, …)."""

    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    descriptions: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Accent colour used on cards and banners.
    color: Mapped[str] = mapped_column(String(7), default="#0e7490")
    position: Mapped[int] = mapped_column(Integer, default=0)

    categories: Mapped[list[Category]] = relationship(
        back_populates="cluster", order_by="Category.position", lazy="selectin"
    )

    def name(self, lang: str) -> Localized:
        """Cluster name in the language, with fallback."""
        return pick(self.names, lang)

    def description(self, lang: str) -> Localized:
        """Cluster description in the language, with fallback."""
        return pick(self.descriptions, lang)


class Category(db.Model):
    """A product category inside a cluster."""

    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("cluster_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(60))
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    position: Mapped[int] = mapped_column(Integer, default=0)

    cluster: Mapped[Cluster] = relationship(back_populates="categories", lazy="joined", innerjoin=True)

    def name(self, lang: str) -> Localized:
        """Category name in the language, with fallback."""
        return pick(self.names, lang)


class City(db.Model):
    """An origin city of the province."""

    __tablename__ = "cities"

    slug: Mapped[str] = mapped_column(String(40), primary_key=True)
    names: Mapped[dict] = mapped_column(JSON, default=dict)

    def name(self, lang: str) -> Localized:
        """City name in the language, with fallback."""
        return pick(self.names, lang)


class Product(db.Model):
    """A product a merchant sells, with the customs data its export declaration needs."""

    __tablename__ = "products"
    __table_args__ = (
        UniqueConstraint("merchant_id", "sku"),
        CheckConstraint("price_fen > 0", name="price_positive"),
        CheckConstraint("moq >= 1", name="moq_positive"),
        CheckConstraint("stock >= 0", name="stock_not_negative"),
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
    moq: Mapped[int] = mapped_column(Integer, default=1)
    stock: Mapped[int] = mapped_column(Integer, default=0)
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
    """Wholesale price from a minimum quantity upward."""

    __tablename__ = "price_tiers"
    __table_args__ = (
        UniqueConstraint("product_id", "min_qty"),
        CheckConstraint("price_fen > 0", name="price_positive"),
        CheckConstraint("min_qty >= 1", name="min_qty_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    min_qty: Mapped[int] = mapped_column(Integer)
    price_fen: Mapped[int] = mapped_column(Integer)

    product: Mapped[Product] = relationship(back_populates="tiers")


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
