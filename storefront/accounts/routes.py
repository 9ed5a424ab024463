"""Register, sign in, sign out."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from storefront.accounts import operations as ops
from storefront.accounts.forms import LoginForm, RegisterForm
from storefront.core.security import safe_next_url
from storefront.extensions import db, limiter

bp = Blueprint("accounts", __name__, url_prefix="/<lang>/account")


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    """Sign in; rate limited per client address."""
    form = LoginForm()
    if form.validate_on_submit():
        user = ops.authenticate(form.email.data, form.password.data)
        if user is None:
            form.password.errors.append(_("Wrong e-mail or password."))
        else:
            login_user(user, remember=form.remember.data)
            flash(_("Welcome back, %(name)s.", name=user.name or user.email), "success")
            return redirect(safe_next_url(request.args.get("next")) or url_for("catalog.home", lang=g.lang))
    return render_template("accounts/login.html", form=form)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def register():
    """Create an account (buyer, merchant or provider)."""
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = ops.create_user(
                form.email.data, form.password.data, name=form.name.data, role=form.role.data, locale=g.lang
            )
        except ops.AccountError:
            form.email.errors.append(_("An account with this e-mail already exists."))
        else:
            db.session.commit()
            login_user(user)
            flash(_("Your account is ready."), "success")
            return redirect(url_for("catalog.home", lang=g.lang))
    return render_template("accounts/register.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    """Sign out (POST with CSRF token)."""
    logout_user()
    flash(_("You are signed out."), "info")
    return redirect(url_for("catalog.home", lang=g.lang))


@bp.get("/")
@login_required
def account():
    """The signed-in user's account page."""
    return render_template("accounts/account.html", user=current_user)
