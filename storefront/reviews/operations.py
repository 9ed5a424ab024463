"""Review state changes: a verified buyer writes (with photos), the merchant replies once, an operator hides or
restores with a reason (audited). The product's figures follow in the same transaction. Flush, never commit."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storefront.accounts.models import User
from storefront.catalog.images import ImageRejected, open_upload, save_image
from storefront.catalog.ratings import ProductRating
from storefront.core import audit
from storefront.core.errors import CodedError
from storefront.core.locales import LANGS
from storefront.core.versions import product_changed
from storefront.extensions import db
from storefront.ordering.models import OrderLine
from storefront.ordering.states import OrderStatus
from storefront.reviews.models import HIDDEN, PUBLISHED, ProductReview, ReviewPhoto
from storefront.search.sync import mark_changed

MAX_BODY = 5000
MAX_REASON = 2000
MAX_PHOTOS = 3
#: Sub-order states in which the buyer has (or is about to have) the goods. There is no delivery confirmation
#: yet: shipped is the last state a parcel reaches.
REVIEWABLE = frozenset({OrderStatus.SHIPPED.value})


class ReviewError(CodedError):
    """A review, reply or moderation the rules refuse."""

    MESSAGES = {
        "not_buyer": _l("Only the buyer of this order can review what it contains."),
        "not_shipped": _l("You can review a product once its parcel has been shipped to you."),
        "gone": _l("This product is no longer sold."),
        "reviewed": _l("You have already reviewed this purchase."),
        "rating": _l("Choose from 1 to 5 stars."),
        "long": _l("Use at most %(n)s characters."),
        "photos": _l("Attach at most %(n)s photos."),
        "photo": _l("The image file is damaged and cannot be read."),
        "empty": _l("Write your reply."),
        "replied": _l("You have already replied to this review."),
        "not_seller": _l("Only the seller of this product can reply."),
        "reason": _l("Give the reason for this decision."),
    }


def review_of_line(line_id: int) -> ProductReview | None:
    """The review written for an order line, if any."""
    return db.session.scalars(select(ProductReview).where(ProductReview.order_line_id == line_id)).first()


def check_reviewable(user: User, line: OrderLine) -> None:
    """Refuse (ReviewError) unless ``user`` bought this line, its parcel shipped and it has no review yet."""
    sub = line.sub_order
    if sub.order.user_id is None or sub.order.user_id != getattr(user, "id", None):
        raise ReviewError("not_buyer")
    if sub.status not in REVIEWABLE:
        raise ReviewError("not_shipped")
    if line.product_id is None:
        raise ReviewError("gone")
    if review_of_line(line.id) is not None:
        raise ReviewError("reviewed")


def _add_to_figures(product_id: int, stars: int, count: int) -> None:
    """Add to a product's review figures (one upsert: concurrent first reviews cannot collide)."""
    table = ProductRating.__table__
    insert = postgresql_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(table).values(product_id=product_id, rating_sum=max(stars, 0), rating_count=max(count, 0))
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.product_id],
        set_={"rating_sum": table.c.rating_sum + stars, "rating_count": table.c.rating_count + count},
    )
    db.session.execute(stmt)
    row = db.session.get(ProductRating, product_id)
    if row is not None:
        db.session.expire(row)
    product_changed(product_id)
    mark_changed(db.session(), [product_id])  # the search index ranks by the figures too


def write_review(user: User, line: OrderLine, rating, body: str, photos=(), lang: str = "en") -> ProductReview:
    """The buyer reviews one purchased order line: stars, text, up to three checked photos."""
    check_reviewable(user, line)
    if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5:
        raise ReviewError("rating")
    body = (body or "").strip()
    if len(body) > MAX_BODY:
        raise ReviewError("long", n=MAX_BODY)
    if len(photos) > MAX_PHOTOS:
        raise ReviewError("photos", n=MAX_PHOTOS)
    try:
        images = [open_upload(io.BytesIO(photo.data)) for photo in photos]
    except ImageRejected as exc:
        raise ReviewError("photo") from exc
    review = ProductReview(
        product_id=line.product_id,
        order_line_id=line.id,
        author_id=user.id,
        author_name=(user.name or "")[:120],
        rating=rating,
        body=body,
        lang=lang if lang in LANGS else "en",
        status=PUBLISHED,
        created_at=datetime.now(UTC),
    )
    for position, image in enumerate(images):
        stem, width, height = save_image(image)
        review.photos.append(ReviewPhoto(stem=stem, width=width, height=height, position=position))
    db.session.add(review)
    db.session.flush()  # the unique order line stops a second review written at the same moment
    _add_to_figures(line.product_id, rating, 1)
    return review


def reply(review: ProductReview, user: User, text: str) -> None:
    """The product's merchant answers a review publicly, once."""
    if review.product is None or review.product.merchant.owner_id != getattr(user, "id", None):
        raise ReviewError("not_seller")
    text = (text or "").strip()
    if not text:
        raise ReviewError("empty")
    if len(text) > MAX_BODY:
        raise ReviewError("long", n=MAX_BODY)
    result = db.session.execute(
        update(ProductReview)
        .where(ProductReview.id == review.id, ProductReview.reply == "")
        .values(reply=text, replied_at=datetime.now(UTC))
        .execution_options(synchronize_session=False)
    )
    db.session.expire(review)
    if result.rowcount != 1:
        raise ReviewError("replied")
    product_changed(review.product_id)


def moderate(review: ProductReview, operator: User, hide: bool, reason: str) -> bool:
    """Hide a review (it leaves the product's figures) or publish it again, with a reason; audited. Returns
    False when it already was in that state."""
    reason = (reason or "").strip()
    if not reason:
        raise ReviewError("reason")
    if len(reason) > MAX_REASON:
        raise ReviewError("long", n=MAX_REASON)
    target = HIDDEN if hide else PUBLISHED
    if review.status == target:
        return False
    before = audit.snapshot(review, "status", "moderation_reason")
    review.status, review.moderation_reason = target, reason
    db.session.flush()
    sign = -1 if hide else 1
    _add_to_figures(review.product_id, sign * review.rating, sign)
    audit.record(operator, "review.hide" if hide else "review.publish", review, before,
                 audit.snapshot(review, "status", "moderation_reason"))  # fmt: skip
    return True
