"""Appeals against moderation hides: the operators' queue; restore the product or keep it hidden with an answer."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.accounts.backoffice_forms import ReasonForm
from storefront.catalog import appeals
from storefront.extensions import db


def _appeal(appeal_id: int) -> appeals.ModerationAppeal:
    return db.session.get(appeals.ModerationAppeal, appeal_id) or abort(404)


@bp.get("/moderation/appeals")
@operator_required
def moderation_appeals():
    """Merchants' appeals waiting for a decision, oldest first."""
    return render_template("operator/appeals.html", items=appeals.open_appeals(), form=ReasonForm())


@bp.post("/moderation/appeals/<int:appeal_id>/accept")
@operator_required
def appeal_accept(appeal_id: int):
    """Accept: the product is restored and the merchant told."""
    item = _appeal(appeal_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    try:
        appeals.accept(item, current_user)
        db.session.commit()
    except appeals.AppealError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        flash(_("Product %(sku)s restored.", sku=item.product.sku), "success")
    return redirect(url_for("operator.moderation_appeals"))


@bp.post("/moderation/appeals/<int:appeal_id>/reject")
@operator_required
def appeal_reject(appeal_id: int):
    """Keep the product hidden, with an answer the merchant sees."""
    item = _appeal(appeal_id)
    form = ReasonForm()
    if not form.validate_on_submit():
        flash(_("Give an answer the merchant will see."), "error")
        return redirect(url_for("operator.moderation_appeals"))
    try:
        appeals.reject(item, current_user, form.reason.data)
        db.session.commit()
    except appeals.AppealError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        flash(_("The product stays hidden; the merchant is told why."), "success")
    return redirect(url_for("operator.moderation_appeals"))
