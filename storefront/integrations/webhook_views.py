"""The merchant's webhook endpoints: add (the signing secret is shown once), remove, deliveries, retry."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import SelectMultipleField, StringField

from storefront.accounts.backoffice import bp, merchant_required
from storefront.extensions import db
from storefront.integrations import webhooks


class EndpointForm(FlaskForm):
    """URL and events of a new endpoint."""

    url = StringField(_l("Address (https://…)"))
    events = SelectMultipleField(_l("Events"), choices=[], validate_choice=False)


def _page(form=None, secret: str = "", status: int = 200):
    return (
        render_template(
            "merchant/webhooks.html",
            endpoints=webhooks.endpoints_of(g.merchant.id),
            deliveries=webhooks.deliveries_of(g.merchant.id),
            events=webhooks.EVENTS,
            form=form or EndpointForm(),
            secret=secret,
        ),
        status,
        {"Cache-Control": "no-store"},
    )


@bp.get("/webhooks")
@merchant_required
def webhooks_page():
    """Endpoints and the latest deliveries."""
    return _page()


@bp.post("/webhooks")
@merchant_required
def webhook_add():
    """Add an endpoint; its signing secret is on this answer."""
    form = EndpointForm()
    if not form.validate_on_submit():
        return _page(form, status=400)
    try:
        row = webhooks.add_endpoint(g.merchant.id, form.url.data or "", form.events.data or [], current_user)
        db.session.commit()
    except webhooks.WebhookError as exc:
        db.session.rollback()
        form.url.errors = [exc.message]
        return _page(form, status=400)
    return _page(secret=row.secret)


@bp.post("/webhooks/<int:endpoint_id>/remove")
@merchant_required
def webhook_remove(endpoint_id: int):
    """Remove an endpoint."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    stmt = select(webhooks.WebhookEndpoint).where(
        webhooks.WebhookEndpoint.id == endpoint_id, webhooks.WebhookEndpoint.merchant_id == g.merchant.id
    )
    row = db.session.scalars(stmt).first() or abort(404)
    webhooks.remove_endpoint(row, current_user)
    db.session.commit()
    flash(_("Endpoint removed."), "success")
    return redirect(url_for("merchant.webhooks_page"))


@bp.post("/webhooks/retry")
@merchant_required
def webhook_retry():
    """Queue the dead deliveries again."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    count = webhooks.retry_dead(g.merchant.id)
    db.session.commit()
    flash(ngettext("%(num)s delivery queued again.", "%(num)s deliveries queued again.", count), "success")
    return redirect(url_for("merchant.webhooks_page"))
