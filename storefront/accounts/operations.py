"""Account state changes (flush, never commit: the request or command commits)."""

from __future__ import annotations

from sqlalchemy import func, select

from storefront.accounts.models import Role, User
from storefront.extensions import db


class AccountError(ValueError):
    """A business rule refused the account change."""


def find_user(email: str) -> User | None:
    """User by e-mail (case-insensitive)."""
    return db.session.scalars(select(User).where(User.email == email.strip().lower())).first()


def create_user(email: str, password: str, *, name: str = "", role: str = Role.BUYER.value, locale: str = "en") -> User:
    """Create a user; the e-mail must be new."""
    email = email.strip().lower()
    if find_user(email):
        raise AccountError("email_taken")
    if role not in {r.value for r in Role}:
        raise AccountError("bad_role")
    user = User(email=email, name=name.strip(), role=role, locale=locale)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = find_user(email)
    if user is None or not user.active or not user.check_password(password):
        return None
    return user


def count_users() -> int:
    """Number of user accounts."""
    return db.session.scalar(select(func.count(User.id))) or 0
