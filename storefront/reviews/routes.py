"""Review pages: a buyer writes one for a purchase, the merchant replies, an operator moderates."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from storefront.accounts.models import Role
from storefront.core.security import roles_required
from storefront.core.uploads import IMAGE_KINDS, UploadRejected, check_upload
from storefront.extensions import db
from storefront.reviews import queries
from storefront.reviews.forms import ModerateForm, ReplyForm, ReviewForm
from storefront.reviews.models import HIDDEN, PUBLISHED
from storefront.reviews.operations import MAX_PHOTOS, ReviewError, check_reviewable, moderate, reply, write_review

bp = Blueprint("reviews", __name__, url_prefix="/<lang>/reviews")
operator_bp = Blueprint("reviews_operator", __name__, url_prefix="/<lang>/operator/reviews")


def _photos(storages, max_bytes: int) -> list:
    return [
        check_upload(s, allowed=IMAGE_KINDS, max_bytes=max_bytes)
        for s in storages or []
        if s and getattr(s, "filename", "")
    ]


@bp.route("/line/<int:line_id>", methods=["GET", "POST"])
@login_required
def write(line_id: int):
    """Review one purchased order line (only the order's buyer account; anyone else: 404)."""
    line = queries.own_line(line_id, current_user)
    order_url = url_for("ordering.order_page", lang=g.lang, number=line.sub_order.order.number)
    try:
        check_reviewable(current_user, line)
    except ReviewError as exc:
        flash(str(exc.message), "info")
        return redirect(order_url)
    form = ReviewForm()
    if form.validate_on_submit():
        try:
            photos = _photos(form.photos.data, current_app.config["IMAGE_MAX_BYTES"])
            write_review(current_user, line, int(form.rating.data), form.body.data or "", photos, g.lang)
            db.session.commit()
        except (ReviewError, UploadRejected) as exc:
            db.session.rollback()
            form.body.errors.append(str(exc.message))
        except IntegrityError:  # written at the same moment in another tab
            db.session.rollback()
            flash(str(ReviewError("reviewed").message), "info")
            return redirect(order_url)
        else:
            flash(_("Thank you! Your review is published."), "success")
            return redirect(url_for("catalog.product", lang=g.lang, product_id=line.product_id, _anchor="reviews"))
    return render_template("reviews/write.html", form=form, line=line, max_photos=MAX_PHOTOS)


@bp.get("/merchant")
@roles_required(Role.MERCHANT.value)
def merchant_reviews():
    """Reviews of the merchant's products, with a reply form for each unanswered one."""
    merchant = current_user.merchant or abort(404)
    return render_template("reviews/merchant.html", reviews=queries.of_merchant(merchant.id), form=ReplyForm())


@bp.post("/<int:review_id>/reply")
@roles_required(Role.MERCHANT.value)
def reply_to(review_id: int):
    """The merchant's public reply to a review of its product (another merchant's: 404)."""
    review = queries.get(review_id)
    if review.product is None or review.product.merchant.owner_id != current_user.id:
        abort(404)
    form = ReplyForm()
    if not form.validate_on_submit():
        flash(_("Write your reply."), "error")
        return redirect(url_for("reviews.merchant_reviews", lang=g.lang))
    try:
        reply(review, current_user, form.reply.data)
        db.session.commit()
    except ReviewError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
    else:
        flash(_("Your reply is published."), "success")
    return redirect(url_for("reviews.merchant_reviews", lang=g.lang, _anchor=f"review-{review.id}"))


@operator_bp.get("/")
@roles_required(Role.OPERATOR.value)
def queue():
    """Recent reviews, all or of one status, with hide / publish actions."""
    status = request.args.get("status") if request.args.get("status") in (PUBLISHED, HIDDEN) else None
    return render_template(
        "reviews/operator.html", reviews=queries.for_operator(status), status=status, form=ModerateForm()
    )


@operator_bp.post("/<int:review_id>")
@roles_required(Role.OPERATOR.value)
def moderate_review(review_id: int):
    """Hide or publish a review with a reason (audited)."""
    review = queries.get(review_id)
    form = ModerateForm()
    if not form.validate_on_submit():
        flash(str(ReviewError("reason").message), "error")
        return redirect(url_for("reviews_operator.queue", lang=g.lang))
    try:
        changed = moderate(review, current_user, form.action.data == "hide", form.reason.data)
        db.session.commit()
    except ReviewError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
    else:
        if changed and review.status == HIDDEN:
            flash(_("The review is hidden."), "success")
        elif changed:
            flash(_("The review is published again."), "success")
    return redirect(url_for("reviews_operator.queue", lang=g.lang, _anchor=f"review-{review.id}"))
