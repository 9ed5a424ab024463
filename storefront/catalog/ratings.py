"""A product's review figures (sum and count of published stars), kept by ``storefront.reviews`` in the same
transaction as the review; read by cards, the product page, its JSON-LD and search ranking."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from storefront.extensions import db


class ProductRating(db.Model):
    """Published review stars of one product (no row: no reviews yet)."""

    __tablename__ = "product_ratings"
    __table_args__ = (CheckConstraint("rating_count >= 0 AND rating_sum >= rating_count", name="figures_valid"),)

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), primary_key=True)
    #: Sum of the stars of published reviews.
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    #: Number of published reviews.
    rating_count: Mapped[int] = mapped_column(Integer, default=0)

    #: ``product.rating`` (None without reviews), loaded with lists of products in one query.
    product = relationship("Product", backref=backref("rating", uselist=False, lazy="selectin"))

    @property
    def average(self) -> float | None:
        """Average stars (one decimal), or None without published reviews."""
        return round(self.rating_sum / self.rating_count, 1) if self.rating_count else None
