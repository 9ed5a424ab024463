"""The merchant appeals against a moderation hide of one of their products."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import TextAreaField

from storefront.accounts.backoffice import bp, merchant_required
from storefront.catalog import appeals
from storefront.catalog.owned import own_product
from storefront.extensions import db


class AppealForm(FlaskForm):
    """What the merchant changed, or why the product should be shown."""

    message = TextAreaField(_l("Your appeal"))  # length and emptiness: catalog.appeals.appeal


@bp.post("/products/<int:product_id>/appeal")
@merchant_required
def product_appeal(product_id: int):
    """Send an appeal to the operators' moderation queue."""
    product = own_product(product_id)
    form = AppealForm()
    if not form.validate_on_submit():
        flash(_("The form expired. Please try again."), "error")
        return redirect(url_for("merchant.product_edit", product_id=product.id, _anchor="appeal"))
    try:
        appeals.appeal(product, current_user, form.message.data or "")
        db.session.commit()
    except appeals.AppealError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        flash(_("Your appeal is sent. An operator will review it."), "success")
    return redirect(url_for("merchant.product_edit", product_id=product.id, _anchor="appeal"))
