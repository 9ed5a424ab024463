"""Where products belong: the province's industry clusters, their categories, and the origin cities."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

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
