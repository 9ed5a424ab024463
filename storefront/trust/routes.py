"""Seller profile pages with the credit rating, the page that explains the formula, and the operator's override."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from storefront.accounts.models import FilingStatus, Merchant, Role
from storefront.core.security import roles_required
from storefront.extensions import db
from storefront.trust import credit
from storefront.trust.forms import OverrideForm
from storefront.trust.operations import CreditError, clear_override, set_override

bp = Blueprint("trust", __name__, url_prefix="/<lang>")
operator_bp = Blueprint("trust_operator", __name__, url_prefix="/<lang>/operator/sellers")


@bp.get("/sellers/<slug>")
def seller(slug: str):
    """A seller's public profile: company, figures and credit rating (approved sellers only)."""
    merchant = db.session.scalars(
        select(Merchant).where(Merchant.slug == slug, Merchant.status == FilingStatus.APPROVED.value)
    ).first() or abort(404)
    figures, rating = credit.rating_of(merchant)
    return render_template("trust/seller.html", merchant=merchant, figures=figures, rating=rating, credit=credit)


@bp.get("/credit-rating")
def explanation():
    """How the seller credit rating is computed (the weights and thresholds the code uses)."""
    return render_template("trust/explanation.html", credit=credit, on_time_days=credit.on_time_days())


@operator_bp.route("/<int:merchant_id>/rating", methods=["GET", "POST"])
@roles_required(Role.OPERATOR.value)
def override(merchant_id: int):
    """See a seller's computed rating and set or remove the operator's grade, with a reason."""
    merchant = db.session.get(Merchant, merchant_id) or abort(404)
    form = OverrideForm()
    if form.validate_on_submit():
        try:
            if form.grade.data:
                set_override(merchant, current_user, form.grade.data, form.reason.data)
            else:
                clear_override(merchant, current_user, form.reason.data)
            db.session.commit()
        except CreditError as exc:
            db.session.rollback()
            form.reason.errors.append(str(exc.message))
        else:
            flash(_("The seller's rating is saved."), "success")
            return redirect(url_for("trust_operator.override", lang=g.lang, merchant_id=merchant.id))
    figures, rating = credit.rating_of(merchant)
    return render_template(
        "trust/operator.html", merchant=merchant, figures=figures, rating=rating, credit=credit, form=form
    )
