"""Reviews: one per completed order (1–5 stars and text), shown on the package and the provider; one reply."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from services_market.constants import MAX_TEXT, OrderStatus, Party
from services_market.models import Package
from services_market.order_models import ServiceOrder, ServiceReview
from services_market.orders import OrderError
from services_market.util import now
from storefront.extensions import db


def review_of(order: ServiceOrder) -> ServiceReview | None:
    """The order's review, if written."""
    return db.session.scalars(select(ServiceReview).where(ServiceReview.order_id == order.id)).first()


def can_review(order: ServiceOrder, party: Party | None) -> bool:
    """True when the merchant may review the order now."""
    return party == Party.MERCHANT and order.status == OrderStatus.COMPLETED.value and review_of(order) is None


def create(order: ServiceOrder, user, party: Party | None, rating: int, body: str, lang: str) -> ServiceReview:
    """The merchant reviews a completed order, once; the package's rating follows."""
    if party != Party.MERCHANT:
        raise OrderError("forbidden", _l("You cannot do this on this order."))
    if order.status != OrderStatus.COMPLETED.value:
        raise OrderError("state", _l("You can review an order once it is completed."))
    if review_of(order) is not None:
        raise OrderError("reviewed", _l("You have already reviewed this order."))
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise OrderError("rating", _l("Choose from 1 to 5 stars."))
    body = (body or "").strip()
    if len(body) > MAX_TEXT:
        raise OrderError("long", _l("Use at most %(n)s characters.", n=MAX_TEXT))
    review = ServiceReview(
        order_id=order.id,
        package_id=order.package_id,
        provider_id=order.provider_id,
        merchant_id=order.merchant_id,
        author_id=user.id,
        rating=rating,
        body=body,
        lang=lang,
        reply="",
    )
    db.session.add(review)
    db.session.flush()  # the unique order_id stops a second review written at the same moment
    db.session.execute(
        update(Package)
        .where(Package.id == order.package_id)
        .values(rating_sum=Package.rating_sum + rating, rating_count=Package.rating_count + 1)
    )
    db.session.expire(order.package, ["rating_sum", "rating_count"])
    return review


def reply(review: ServiceReview, user, party: Party | None, text: str) -> None:
    """The provider answers a review, once."""
    if party != Party.PROVIDER:
        raise OrderError("forbidden", _l("You cannot do this on this order."))
    text = (text or "").strip()
    if not text:
        raise OrderError("empty", _l("Write your reply."))
    if len(text) > MAX_TEXT:
        raise OrderError("long", _l("Use at most %(n)s characters.", n=MAX_TEXT))
    result = db.session.execute(
        update(ServiceReview)
        .where(ServiceReview.id == review.id, ServiceReview.reply == "")
        .values(reply=text, replied_at=now())
        .execution_options(synchronize_session=False)
    )
    db.session.expire(review)
    if result.rowcount != 1:
        raise OrderError("replied", _l("You have already replied to this review."))
