"""Account state changes (flush, never commit: the request or command commits)."""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from storefront.accounts.models import Role, User
from storefront.accounts.passwords import password_problem
from storefront.core.mail import render, send_after_commit
from storefront.core.urls import public_url
from storefront.extensions import db


class AccountError(ValueError):
    """A business rule refused the account change."""


class WeakPassword(AccountError):
    """The password breaks a rule of :mod:`storefront.accounts.passwords`; ``message`` says which."""

    def __init__(self, message):
        super().__init__("weak_password")
        self.message = message


def check_password_rules(password: str, *, email: str = "", name: str = "") -> None:
    """Raise :class:`WeakPassword` when the password is too short, common or personal."""
    if (problem := password_problem(password, email=email, name=name)) is not None:
        raise WeakPassword(problem)


def find_user(email: str) -> User | None:
    """User by e-mail (case-insensitive)."""
    return db.session.scalars(select(User).where(User.email == email.strip().lower())).first()


def create_user(
    email: str,
    password: str,
    *,
    name: str = "",
    role: str = Role.BUYER.value,
    locale: str = "en",
    verified: bool = True,
) -> User:
    """Create a user; the e-mail must be new (a taken one costs the same hashing time as a new one)."""
    email = email.strip().lower()
    if role not in {r.value for r in Role}:
        raise AccountError("bad_role")
    check_password_rules(password, email=email, name=name)  # first: the answer may not depend on the lookup
    if find_user(email):
        spend_hash_time()
        raise AccountError("email_taken")
    user = User(email=email, name=name.strip(), role=role, locale=locale, email_verified=verified)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = find_user(email)
    if user is None:
        spend_hash_time()  # an unknown e-mail answers as slowly as a wrong password
        return None
    if not user.check_password(password) or not user.active:
        return None
    if not user.email_verified:
        raise Unverified("email_not_verified")  # only someone who knows the password learns this
    user.rehash_if_needed(password)
    return user


class Unverified(AccountError):
    """The password is right but the e-mail address was never confirmed."""


def register(email: str, password: str, *, name: str, role: str, lang: str) -> User | None:
    """Self-registration that answers the same for a new and a taken e-mail: a new address gets an unconfirmed
    account and a confirmation link, a taken one a note to its owner (sign in or reset the password). Both
    cost one password hash and one mail. :class:`WeakPassword` for a bad password, whatever the e-mail."""
    try:
        user = create_user(email, password, name=name, role=role, locale=lang, verified=False)
    except WeakPassword:
        raise
    except AccountError as exc:
        if str(exc) != "email_taken":
            raise
        owner = find_user(email)
        if not owner.email_verified:  # registered before but never opened the link: send a fresh one
            _send_verification(owner, owner.locale or lang)
            return None
        owner_lang = owner.locale or lang
        links = {
            "login_link": public_url("accounts.login", lang=owner_lang),
            "reset_link": public_url("accounts.forgot_password", lang=owner_lang),
        }
        _mail("account_exists", owner, owner_lang, _exists_subject, **links)
        return None
    _send_verification(user, lang)
    return user


def _send_verification(user: User, lang: str) -> None:
    token = _verify_serializer().dumps({"u": user.id, "e": user.email})
    link = public_url("accounts.verify_email", lang=lang, token=token)
    _mail("verify_email", user, lang, _verify_subject, link=link)


def _mail(template: str, user: User, lang: str, subject, **context) -> None:
    send_after_commit(db.session, render(template, lang, user.email, subject, user=user, **context))


def _verify_subject(**_ctx) -> str:
    return _("Confirm your e-mail address for Kuajing")


def _exists_subject(**_ctx) -> str:
    return _("Your Kuajing account")


def _verify_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="kuajing-verify-email")


def verify_email(token: str) -> User | None:
    """Confirm the address a registration link was sent to; the user, or None for a bad or expired link."""
    try:
        data = _verify_serializer().loads(token, max_age=current_app.config["EMAIL_VERIFY_MAX_AGE"])
    except BadData:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = db.session.get(User, data["u"])
    if user is None or not user.active or user.email != data.get("e"):
        return None
    user.email_verified = True
    db.session.flush()
    return user


def spend_hash_time() -> None:
    """Check a dummy password hashed with the configured method (unknown e-mails take as long as known)."""
    method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    if _DUMMY.get(method) is None:
        _DUMMY[method] = generate_password_hash("dummy-password-for-timing", method=method)
    check_password_hash(_DUMMY[method], "not-the-dummy-password")


_DUMMY: dict[str, str] = {}


def request_password_reset(email: str, lang: str) -> None:
    """Mail a reset link when the e-mail has an active account; the same work is done when it has not."""
    user = find_user(email)
    if user is None or not user.active:
        spend_hash_time()
        return
    spend_hash_time()  # keep both paths equally costly (the unknown path's dummy hash dominates)
    lang = user.locale or lang
    link = public_url("accounts.reset_password", lang=lang, token=reset_token(user))
    mail = render("password_reset", lang, user.email, _reset_subject, user=user, link=link)
    send_after_commit(db.session, mail)


def invite(user: User, lang: str) -> None:
    """Mail a new staff account the link to choose its password (the password-reset link)."""
    link = public_url("accounts.reset_password", lang=lang, token=reset_token(user))
    mail = render("team_invite", lang, user.email, _invite_subject, user=user, link=link)
    send_after_commit(db.session, mail)


def _invite_subject(**_ctx) -> str:
    return _("You were added to a team on Kuajing")


def _reset_subject(**_ctx) -> str:
    return _("Reset your Kuajing password")


def count_users() -> int:
    """Number of user accounts."""
    return db.session.scalar(select(func.count(User.id))) or 0


def user_for_session(user_id: str) -> User | None:
    """The user a session or remember cookie names, if its session version is still current.

    Cookies carry ``"<id>:<version>"``; a bare ``"<id>"`` (cookies from before versions existed) only counts
    while the user's version is still 0, i.e. until their first logout or password change."""
    raw_id, _, version = user_id.partition(":")
    if not raw_id.isdigit() or (version and not version.isdigit()):
        return None
    user = db.session.get(User, int(raw_id))
    if user is None or int(version or 0) != (user.session_version or 0):
        return None
    return user


def end_sessions(user: User) -> None:
    """End every session and remember cookie of the user (flushes; the caller commits)."""
    user.session_version = (user.session_version or 0) + 1
    db.session.flush()


def change_role(user: User, role: str) -> None:
    """Give the user another role; their existing sessions end (a privilege change renews the session)."""
    if role not in {r.value for r in Role}:
        raise AccountError("bad_role")
    if user.role != role:
        user.role = role
        end_sessions(user)


def change_password(user: User, current: str, new: str) -> None:
    """Set a new password after checking the current one; every session of the user ends."""
    if not user.check_password(current):
        raise AccountError("wrong_password")
    check_password_rules(new, email=user.email, name=user.name)
    user.set_password(new)
    end_sessions(user)


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="kuajing-password-reset")


def _password_fingerprint(user: User) -> str:
    """Changes whenever the password does: a reset link works once and dies with the old password."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def reset_token(user: User) -> str:
    """A signed, expiring, single-use token for the password reset link."""
    return _reset_serializer().dumps({"u": user.id, "p": _password_fingerprint(user)})


def user_for_reset_token(token: str) -> User | None:
    """The user a reset token is for, or None when it is forged, expired or already used."""
    try:
        data = _reset_serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except BadData:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = db.session.get(User, data["u"])
    if user is None or not user.active:
        return None
    if not hmac.compare_digest(_password_fingerprint(user), str(data.get("p"))):
        return None
    return user


def reset_password(user: User, new: str) -> None:
    """Set the password from a reset link (which also proves the address); every session of the user ends."""
    check_password_rules(new, email=user.email, name=user.name)
    user.set_password(new)
    user.email_verified = True
    end_sessions(user)
