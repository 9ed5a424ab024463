"""The "Policies & training" page of merchants and providers (both are users with a company): policies to read
and download, upcoming sessions to register for or cancel."""

from __future__ import annotations

import io

from flask import Blueprint, abort, flash, g, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from storefront.accounts.models import Role
from storefront.core.security import roles_required
from storefront.extensions import db
from storefront.training import operations as ops
from storefront.training.models import POLICY_CATEGORIES, Policy, RegistrationStatus, TrainingSession

bp = Blueprint("training", __name__, url_prefix="/<lang>/training")
#: Company users: merchants and service providers.
COMPANY_ROLES = (Role.MERCHANT.value, Role.PROVIDER.value)


@bp.get("/")
@roles_required(*COMPANY_ROLES)
def index():
    """Upcoming sessions with the user's registration, and the policies (of one category when chosen)."""
    category = request.args.get("category", "")
    category = category if category in POLICY_CATEGORIES else ""
    sessions = ops.upcoming()
    mine = {s.id: ops.registration_of(s, current_user) for s in sessions}
    return render_template(
        "training/index.html",
        sessions=sessions,
        mine={k: v for k, v in mine.items() if v is not None and v.status == RegistrationStatus.REGISTERED},
        policies=ops.policies(category or None),
        categories=POLICY_CATEGORIES,
        category=category,
        form=FlaskForm(),
    )


@bp.get("/policies/<int:policy_id>")
@roles_required(*COMPANY_ROLES)
def policy(policy_id: int):
    """One policy in the reader's language (with fallback)."""
    item = db.session.get(Policy, policy_id) or abort(404)
    return render_template("training/policy.html", item=item, categories=POLICY_CATEGORIES)


@bp.get("/policies/<int:policy_id>/file")
@roles_required(Role.MERCHANT.value, Role.PROVIDER.value, Role.OPERATOR.value)
def policy_file(policy_id: int):
    """The policy's PDF (for company users and operators)."""
    item = db.session.get(Policy, policy_id) or abort(404)
    path = ops.policy_file(item)
    if path is None or not path.exists():
        abort(404)
    data = io.BytesIO(path.read_bytes())  # read whole: no file handle left open after the response
    return send_file(data, mimetype="application/pdf", as_attachment=True, download_name=item.file_name or "policy.pdf")


def _session(session_id: int) -> TrainingSession:
    return db.session.get(TrainingSession, session_id) or abort(404)


@bp.post("/sessions/<int:session_id>/register")
@roles_required(*COMPANY_ROLES)
def register(session_id: int):
    """Take a seat (refused when full, closed or already registered); the confirmation goes by e-mail."""
    session = _session(session_id)
    try:
        ops.register(session, current_user, current_user.role)
        db.session.commit()
    except ops.TrainingError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        flash(_("You are registered. A confirmation is on its way by e-mail."), "success")
    return redirect(url_for("training.index", lang=g.lang))


@bp.post("/sessions/<int:session_id>/cancel")
@roles_required(*COMPANY_ROLES)
def cancel(session_id: int):
    """Give the seat back."""
    session = _session(session_id)
    row = ops.registration_of(session, current_user)
    try:
        if row is None:
            raise ops.TrainingError("not_registered")
        ops.cancel(row)
        db.session.commit()
    except ops.TrainingError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    else:
        flash(_("Your registration is cancelled."), "success")
    return redirect(url_for("training.index", lang=g.lang))
