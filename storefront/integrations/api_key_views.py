"""The merchant's API keys: create (the key is shown once), list, revoke (owner only)."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import SelectMultipleField, StringField

from storefront.accounts import api_keys
from storefront.accounts.backoffice import bp, merchant_required
from storefront.extensions import db


class ApiKeyForm(FlaskForm):
    """Name and scopes of a new key."""

    name = StringField(_l("Name (e.g. ERP)"))
    scopes = SelectMultipleField(_l("Permissions"), choices=[], validate_choice=False)


def _page(form=None, new_key: str = "", status: int = 200):
    return render_template(
        "merchant/api_keys.html",
        keys=api_keys.keys_of(g.merchant.id),
        scopes=api_keys.SCOPES,
        form=form or ApiKeyForm(),
        new_key=new_key,
    ), status


@bp.get("/api-keys")
@merchant_required
def api_keys_page():
    """The merchant's keys (prefix, scopes, last use, revoked)."""
    return _page()


@bp.post("/api-keys")
@merchant_required
def api_key_create():
    """Create a key; its text is on this answer only (not stored, not shown again)."""
    form = ApiKeyForm()
    if not form.validate_on_submit():
        return _page(form, status=400)
    try:
        _row, key = api_keys.create(g.merchant.id, form.name.data or "", form.scopes.data or [], current_user)
        db.session.commit()
    except api_keys.ApiKeyError as exc:
        db.session.rollback()
        form.name.errors = [exc.message]
        return _page(form, status=400)
    response = _page(new_key=key)
    return response[0], 200, {"Cache-Control": "no-store"}


@bp.post("/api-keys/<int:key_id>/revoke")
@merchant_required
def api_key_revoke(key_id: int):
    """Revoke a key at once."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    stmt = select(api_keys.ApiKey).where(api_keys.ApiKey.id == key_id, api_keys.ApiKey.merchant_id == g.merchant.id)
    row = db.session.scalars(stmt).first() or abort(404)
    api_keys.revoke(row, current_user)
    db.session.commit()
    flash(_("Key %(prefix)s revoked.", prefix=row.prefix), "success")
    return redirect(url_for("merchant.api_keys_page"))
