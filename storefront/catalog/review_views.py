"""The listing review queue: new merchants' products and customs-data changes wait for an operator."""

from __future__ import annotations

from flask import abort, render_template
from flask_babel import gettext as _
from flask_login import current_user

from storefront.accounts.backoffice import decide_confirmed, decide_with_reason, operator_required
from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice_forms import ReasonForm
from storefront.catalog import reviews
from storefront.extensions import db

#: The queue page every decision returns to.
QUEUE = "operator.listing_reviews"


def _review(review_id: int) -> reviews.ListingReview:
    return db.session.get(reviews.ListingReview, review_id) or abort(404)


@bp.get("/moderation/reviews")
@operator_required
def listing_reviews():
    """Open listing reviews, oldest first."""
    return render_template(
        "operator/listing_reviews.html", items=reviews.queue(), kinds=reviews.KIND_LABELS, form=ReasonForm()
    )


@bp.post("/moderation/reviews/<int:review_id>/approve")
@operator_required
def review_approve(review_id: int):
    """Approve: the product is shown, or the customs change applied."""
    item = _review(review_id)
    approved = _("Approved: %(sku)s.", sku=item.product.sku)
    return decide_confirmed(lambda: reviews.approve(item, current_user), reviews.ReviewError, approved, QUEUE)


@bp.post("/moderation/reviews/<int:review_id>/reject")
@operator_required
def review_reject(review_id: int):
    """Reject with a reason the merchant sees."""
    item = _review(review_id)
    return decide_with_reason(
        lambda reason: reviews.reject(item, current_user, reason),
        reviews.ReviewError,
        _("Rejected: %(sku)s.", sku=item.product.sku),
        QUEUE,
        missing=_("Give a reason the merchant will see."),
    )
