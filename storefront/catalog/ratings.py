"""A product's review figures (sum and count of published stars), kept by ``storefront.reviews`` in the same
transaction as the review; read by cards, the product page, its JSON-LD and search ranking."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from storefront.extensions import db

#: Reviews after which the rating counts fully as a search signal (fewer reviews weigh proportionally less).
SIGNAL_FULL_AT = 10


def rating_signal(rating: ProductRating | None) -> int:
    """The review figures as one search-ranking signal in -100…100: 0 without reviews or at 3 stars, +100 for
    5 stars over at least ``SIGNAL_FULL_AT`` reviews, -100 for 1 star over as many."""
    if rating is None or not rating.rating_count:
        return 0
    average = rating.rating_sum / rating.rating_count
    return round(100 * (average - 3) / 2 * min(rating.rating_count, SIGNAL_FULL_AT) / SIGNAL_FULL_AT)


class ProductRating(db.Model):
    """Published review stars of one product (no row: no reviews yet)."""

    __tablename__ = "product_ratings"
    __table_args__ = (CheckConstraint("rating_count >= 0 AND rating_sum >= rating_count", name="figures_valid"),)

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), primary_key=True)
    #: Sum of the stars of published reviews.
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    #: Number of published reviews.
    rating_count: Mapped[int] = mapped_column(Integer, default=0)

    #: ``product.rating`` (None without reviews), joined to every product query: no extra query for cards.
    product = relationship("Product", backref=backref("rating", uselist=False, lazy="joined"))

    @property
    def average(self) -> float | None:
        """Average stars (one decimal), or None without published reviews."""
        return round(self.rating_sum / self.rating_count, 1) if self.rating_count else None
