"""Product reviews: one per order line, by the buyer account of the order after its parcel shipped; photos;
the merchant's public reply; operator moderation with a reason."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, SmallInteger, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.core.timestamps import UTCDateTime
from storefront.extensions import db

PUBLISHED, HIDDEN = "published", "hidden"


class ProductReview(db.Model):
    """A verified buyer's review of a product they received in one order line."""

    __tablename__ = "product_reviews"
    __table_args__ = (CheckConstraint("rating >= 1 AND rating <= 5", name="rating_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    #: The order line bought (one review per line: the unique constraint stops a second one).
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"), unique=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    #: Name shown with the review, as the author's account had it when writing.
    author_name: Mapped[str] = mapped_column(String(120), default="")
    #: 1–5 stars.
    rating: Mapped[int] = mapped_column(SmallInteger)
    #: Plain text, rendered escaped.
    body: Mapped[str] = mapped_column(Text, default="")
    #: The language the review is written in (the author's UI language), shown to readers.
    lang: Mapped[str] = mapped_column(String(5), default="en")
    #: The merchant's public reply ("" until written; written once).
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: published or hidden (by an operator, with a reason; hidden reviews leave the product's figures).
    status: Mapped[str] = mapped_column(String(10), default=PUBLISHED, index=True)
    moderation_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now(), index=True)

    photos: Mapped[list[ReviewPhoto]] = relationship(
        order_by="ReviewPhoto.position", lazy="joined", cascade="all, delete-orphan"
    )
    product = relationship("Product")


class ReviewPhoto(db.Model):
    """A photo of a review: a checked upload turned into WebP thumbnails (as product images are)."""

    __tablename__ = "review_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("product_reviews.id", ondelete="CASCADE"), index=True)
    #: Thumbnail name stem under DATA_DIR/media/products.
    stem: Mapped[str] = mapped_column(String(40))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
