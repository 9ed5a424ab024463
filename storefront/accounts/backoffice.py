"""The back offices' blueprints and access helpers, low enough that every domain may register its own views.

The merchant blueprint's pages are for the signed-in merchant's own data; every operator page needs the operator
role. A back-office view lives with its domain (``storefront/<domain>/*_views.py``) and registers on one of these
blueprints; ``storefront/merchant/routes.py`` and ``storefront/operator/routes.py`` import them all.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Blueprint, abort, current_app, flash, g, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from storefront.accounts import team
from storefront.accounts.backoffice_forms import ReasonForm
from storefront.accounts.models import Merchant, Role
from storefront.core.security import roles_required
from storefront.extensions import db

bp = Blueprint("merchant", __name__, url_prefix="/<lang>/merchant")

#: The operator console (``operator.*`` endpoints).
operator_bp = Blueprint("operator", __name__, url_prefix="/<lang>/operator")

#: Decorator for operator views (anonymous → sign-in page, other roles → 403).
operator_required = roles_required(Role.OPERATOR.value)


@bp.app_template_global()
def has_endpoint(endpoint: str) -> bool:
    """True when a view exists (back-office menus show only what is installed)."""
    return endpoint in current_app.view_functions


def current_merchant() -> Merchant | None:
    """The company the signed-in user owns or works for as staff (None before filing)."""
    owned = db.session.scalars(select(Merchant).where(Merchant.owner_id == current_user.id)).first()
    if owned is not None:
        return owned
    company_id = team.company_of(current_user, team.Side.MERCHANT)
    return db.session.get(Merchant, company_id) if company_id is not None else None


def merchant_required(view):
    """Signed in as a merchant with a filed company (else: log in, 403, or the filing form)."""

    @wraps(view)
    @roles_required(Role.MERCHANT.value)
    def wrapped(*args, **kwargs):
        merchant = current_merchant()
        if merchant is None:
            flash(_("File your company first: the back office opens once the filing is submitted."), "info")
            return redirect(url_for("merchant.filing_page"))
        g.merchant = merchant
        return view(*args, **kwargs)

    return wrapped


def decide(action: Callable[[], object], errors: type[Exception], success: str, back: str):
    """Run an operator's decision on a queue item in one transaction: commit and flash ``success``, or roll back and
    flash the refusal's ``message`` (``errors``: the domain's refusal class); either way back to the queue."""
    try:
        action()
        db.session.commit()
    except errors as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        flash(success, "success")
    return redirect(url_for(back))


def decide_confirmed(action: Callable[[], object], errors: type[Exception], success: str, back: str):
    """:func:`decide` for a decision without a reason: a form that fails its CSRF check is a 400."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    return decide(action, errors, success, back)


def decide_with_reason(
    action: Callable[[str], object], errors: type[Exception], success: str, back: str, *, missing: str
):
    """:func:`decide` for a decision the owner is told why about: ``action(reason)`` runs with the
    :class:`ReasonForm`'s reason; without one, ``missing`` is flashed and nothing is decided."""
    form = ReasonForm()
    if not form.validate_on_submit():
        flash(missing, "error")
        return redirect(url_for(back))
    return decide(lambda: action(form.reason.data), errors, success, back)
