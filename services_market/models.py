"""Marketplace catalogue tables: providers (company filing), packages with per-locale text, tiers, images."""

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
    Select,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.orm.collections import attribute_keyed_dict

from services_market.constants import SPOKEN_LANGUAGES
from storefront.accounts.models import FiledCompany, FilingStatus
from storefront.core.content import Localized, pick
from storefront.extensions import db


class Provider(FiledCompany, db.Model):
    """A service company filed on the platform; its packages are public once an operator approves it."""

    __tablename__ = "service_providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    #: The account that runs the provider (role ``provider``).
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), unique=True)
    #: Unified social credit code (统一社会信用代码), GB 32100-2015.
    uscc: Mapped[str] = mapped_column(String(18), unique=True)
    #: Service category values (see :class:`~services_market.constants.ServiceCategory`).
    categories: Mapped[list] = mapped_column(JSON, default=list)
    #: Languages the team works in (ISO 639-1 codes).
    languages: Mapped[list] = mapped_column(JSON, default=list)
    #: Markets served (keys of :data:`~services_market.constants.REGIONS`).
    regions: Mapped[list] = mapped_column(JSON, default=list)
    contact_name: Mapped[str] = mapped_column(String(120), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    city_slug: Mapped[str | None] = mapped_column(ForeignKey("cities.slug"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    owner = relationship("User", foreign_keys=[owner_id], lazy="joined")
    city = relationship("City")


class Package(db.Model):
    """A service a provider sells, in up to three tiers."""

    __tablename__ = "service_packages"
    __table_args__ = (
        CheckConstraint("rating_count >= 0 AND rating_sum >= 0", name="rating_not_negative"),
        CheckConstraint("completed_count >= 0", name="completed_not_negative"),
        CheckConstraint("min_price_fen >= 0", name="min_price_not_negative"),
        Index("ix_service_packages_listing", "published", "category", "min_price_fen"),
        UniqueConstraint("provider_id", "key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("service_providers.id", ondelete="CASCADE"), index=True)
    #: A :class:`~services_market.constants.ServiceCategory` value.
    category: Mapped[str] = mapped_column(String(30), index=True)
    #: Stable key for demo data and imports (unique per provider when set).
    key: Mapped[str | None] = mapped_column(String(60))
    #: Shown to merchants (when the provider is approved); the provider can unpublish.
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Hidden by an operator: not public whatever ``published`` says; only an operator can restore it.
    moderated_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Why an operator hid the package (shown to the provider); empty when not moderated.
    moderation_reason: Mapped[str] = mapped_column(Text, default="")
    #: Cheapest tier price and fastest delivery, kept in step with the tiers (for filters and sorting).
    min_price_fen: Mapped[int] = mapped_column(Integer, default=0)
    min_delivery_days: Mapped[int] = mapped_column(Integer, default=0)
    #: Sum and number of review stars; completed orders.
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    rating_count: Mapped[int] = mapped_column(Integer, default=0)
    completed_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    provider: Mapped[Provider] = relationship(lazy="joined", innerjoin=True)
    texts: Mapped[dict[str, PackageText]] = relationship(
        collection_class=attribute_keyed_dict("locale"),
        cascade="all, delete-orphan",
        lazy="selectin",
        back_populates="package",
    )
    tiers: Mapped[list[Tier]] = relationship(
        order_by="Tier.position", cascade="all, delete-orphan", lazy="selectin", back_populates="package"
    )
    language_rows: Mapped[list[PackageLanguage]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    images: Mapped[list[PackageImage]] = relationship(
        order_by="PackageImage.position",
        cascade="all, delete-orphan",
        lazy="selectin",
        back_populates="package",
    )

    def text(self, field: str, lang: str) -> Localized:
        """A translated field ('title' or 'description') with fallback."""
        return pick({code: getattr(t, field) for code, t in self.texts.items()}, lang)

    def title(self, lang: str) -> Localized:
        """Title in the language, with fallback."""
        return self.text("title", lang)

    @property
    def languages(self) -> list[str]:
        """Languages the service is delivered in (in the platform's order of spoken languages)."""

        order = list(SPOKEN_LANGUAGES)
        return sorted((row.lang for row in self.language_rows), key=lambda c: order.index(c) if c in order else 99)

    @property
    def rating(self) -> float | None:
        """Average stars, or None without reviews."""
        return round(self.rating_sum / self.rating_count, 1) if self.rating_count else None

    @property
    def cover(self) -> PackageImage | None:
        """First image."""
        return self.images[0] if self.images else None

    def tier(self, level: str) -> Tier | None:
        """The tier of a level, or None."""
        return next((t for t in self.tiers if t.level == level), None)

    @property
    def is_public(self) -> bool:
        """Visible to merchants: published, not hidden by moderation, and the provider approved."""
        return self.published and not self.moderated_hidden and self.provider.is_approved


class PackageText(db.Model):
    """A package's title and description in one language."""

    __tablename__ = "service_package_texts"

    package_id: Mapped[int] = mapped_column(ForeignKey("service_packages.id", ondelete="CASCADE"), primary_key=True)
    locale: Mapped[str] = mapped_column(String(5), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")

    package: Mapped[Package] = relationship(back_populates="texts")


class PackageLanguage(db.Model):
    """A language a package is delivered in (one row per language, for filtering)."""

    __tablename__ = "service_package_languages"

    package_id: Mapped[int] = mapped_column(ForeignKey("service_packages.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(5), primary_key=True, index=True)


class Tier(db.Model):
    """One tier of a package: price, delivery time, revisions and deliverables."""

    __tablename__ = "service_tiers"
    __table_args__ = (
        UniqueConstraint("package_id", "level"),
        CheckConstraint("price_fen > 0", name="price_positive"),
        CheckConstraint("delivery_days > 0", name="delivery_positive"),
        CheckConstraint("revisions >= 0", name="revisions_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("service_packages.id", ondelete="CASCADE"), index=True)
    #: A :class:`~services_market.constants.TierLevel` value.
    level: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: Price in CNY fen.
    price_fen: Mapped[int] = mapped_column(Integer)
    delivery_days: Mapped[int] = mapped_column(Integer)
    #: Revisions the merchant may request after a delivery.
    revisions: Mapped[int] = mapped_column(Integer, default=0)
    #: What is delivered, per language: {"zh": ["…", …], "en": [...]}.
    deliverables: Mapped[dict] = mapped_column(JSON, default=dict)

    package: Mapped[Package] = relationship(back_populates="tiers")

    def deliverables_in(self, lang: str) -> Localized:
        """The deliverables list in the language, with fallback."""
        return pick(self.deliverables, lang)


class PackageImage(db.Model):
    """A package image; thumbnails are files named after ``stem`` (see storefront.catalog.images)."""

    __tablename__ = "service_package_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("service_packages.id", ondelete="CASCADE"), index=True)
    stem: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)

    package: Mapped[Package] = relationship(back_populates="images")


def public_packages() -> Select:
    """Packages merchants may see: published, not hidden by moderation, provider approved."""
    return (
        select(Package)
        .join(Package.provider)
        .where(
            Package.published.is_(True),
            Package.moderated_hidden.is_(False),
            Provider.status == FilingStatus.APPROVED.value,
        )
    )
