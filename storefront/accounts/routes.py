"""Register, sign in, sign out, change or reset the password, sign out everywhere."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from storefront.accounts import onboarding
from storefront.accounts import operations as ops
from storefront.accounts.forms import (
    ChangePasswordForm,
    ForgotPasswordForm,
    LoginForm,
    RegisterForm,
    ResetPasswordForm,
)
from storefront.core.security import safe_next_url
from storefront.extensions import db, limiter

bp = Blueprint("accounts", __name__, url_prefix="/<lang>/account")

#: Session keys that survive signing in or out (the anonymous cart and the display currency).
_KEPT_KEYS = ("cart", "currency", "my_orders")


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _renew_session(keep: tuple[str, ...] = _KEPT_KEYS) -> None:
    """Start a new session (new CSRF token, nothing planted survives), keeping the ``keep`` keys."""
    kept = {key: session[key] for key in keep if key in session}
    session.clear()
    session.update(kept)


def _sign_in(user, remember: bool = False) -> None:
    _renew_session()
    login_user(user, remember=remember)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    """Sign in; rate limited per client address."""
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = ops.authenticate(form.email.data, form.password.data)
        except ops.Unverified:
            form.email.errors.append(_("Confirm your e-mail address first: open the link we sent you."))
        else:
            if user is None:
                form.password.errors.append(_("Wrong e-mail or password."))
                return render_template("accounts/login.html", form=form)
            db.session.commit()  # a password rehashed with the current parameters
            _sign_in(user, remember=form.remember.data)
            flash(_("Welcome back, %(name)s.", name=user.name or user.email), "success")
            return redirect(
                safe_next_url(request.args.get("next"))
                or onboarding.landing_url(user, g.lang)
                or url_for("catalog.home", lang=g.lang)
            )
    return render_template("accounts/login.html", form=form)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def register():
    """Create an account (buyer, merchant or provider); the e-mailed link confirms the address and signs in.
    The answer is the same whether the e-mail already has an account or not."""
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            ops.register(form.email.data, form.password.data, name=form.name.data, role=form.role.data, lang=g.lang)
        except ops.WeakPassword as exc:
            form.password.errors.append(str(exc.message))
        else:
            db.session.commit()
            flash(_("Check your e-mail: we sent you a message to finish creating your account."), "info")
            return redirect(url_for("accounts.login", lang=g.lang))
    return render_template("accounts/register.html", form=form)


@bp.get("/verify/<token>")
def verify_email(token: str):
    """Open the confirmation link: the address is confirmed and the new account signed in."""
    user = ops.verify_email(token)
    if user is None:  # registering again with the same address sends a fresh link
        flash(_("This link has expired or was already used. Ask for a new one."), "error")
        return redirect(url_for("accounts.register", lang=g.lang))
    db.session.commit()
    _sign_in(user)
    flash(_("Your account is ready."), "success")
    return redirect(onboarding.landing_url(user, g.lang) or url_for("catalog.home", lang=g.lang))


@bp.post("/logout")
@login_required
def logout():
    """Sign out (POST with CSRF token): this session, every other one and the remember cookie end."""
    ops.end_sessions(current_user._get_current_object())
    db.session.commit()
    logout_user()
    remember = session.get("_remember")
    _renew_session(keep=("currency",))  # a shared computer: the next person sees no cart or orders of ours
    if remember:
        session["_remember"] = remember  # Flask-Login deletes the remember cookie on the way out
    flash(_("You are signed out."), "info")
    return redirect(url_for("catalog.home", lang=g.lang))


@bp.post("/sessions/end")
@login_required
def end_other_sessions():
    """Sign out everywhere else: other browsers and remember cookies stop working; this one goes on."""
    user = current_user._get_current_object()
    ops.end_sessions(user)
    db.session.commit()
    _sign_in(user)
    flash(_("You are signed out on every other device."), "success")
    return redirect(url_for("accounts.account", lang=g.lang))


@bp.route("/password", methods=["GET", "POST"])
@login_required
@limiter.limit(_login_limit, methods=["POST"])
def change_password():
    """Change the password; other sessions end, this one is renewed."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            ops.change_password(user, form.current.data, form.password.data)
        except ops.WeakPassword as exc:
            form.password.errors.append(str(exc.message))
        except ops.AccountError:
            form.current.errors.append(_("Wrong password."))
        else:
            db.session.commit()
            _sign_in(user)
            flash(_("Your password is changed. Other devices are signed out."), "success")
            return redirect(url_for("accounts.account", lang=g.lang))
    return render_template("accounts/password.html", form=form)


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def forgot_password():
    """Ask for a reset link; the answer is the same whether the e-mail has an account or not."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        ops.request_password_reset(form.email.data, g.lang)
        db.session.commit()
        flash(_("If an account exists for this e-mail, we have sent a link to reset the password."), "info")
        return redirect(url_for("accounts.login", lang=g.lang))
    return render_template("accounts/forgot.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def reset_password(token: str):
    """Choose a new password from an e-mailed link (single use, expires); every session of the user ends."""
    user = ops.user_for_reset_token(token)
    if user is None:
        flash(_("This link has expired or was already used. Ask for a new one."), "error")
        return redirect(url_for("accounts.forgot_password", lang=g.lang))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            ops.reset_password(user, form.password.data)
        except ops.WeakPassword as exc:
            form.password.errors.append(str(exc.message))
            return render_template("accounts/reset.html", form=form)
        db.session.commit()
        if current_user.is_authenticated:
            logout_user()
        _renew_session()
        flash(_("Your password is changed. Sign in with the new one."), "success")
        return redirect(url_for("accounts.login", lang=g.lang))
    return render_template("accounts/reset.html", form=form)


@bp.get("/")
@login_required
def account():
    """The signed-in user's account page."""
    return render_template("accounts/account.html", user=current_user)
