"""User and merchant (exporter company) models."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, func, true
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from storefront.core import labels
from storefront.core.content import Localized, pick
from storefront.extensions import db


class Role(StrEnum):
    """What a user account is for."""

    BUYER = "buyer"
    MERCHANT = "merchant"
    PROVIDER = "provider"
    OPERATOR = "operator"


ROLE_LABELS = {
    Role.BUYER: _l("Buyer"),
    Role.MERCHANT: _l("Merchant (exporter)"),
    Role.PROVIDER: _l("Service provider"),
    Role.OPERATOR: _l("Operator"),
}


class FilingStatus(StrEnum):
    """Review state of a company filing (备案)."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


FILING_LABELS = {
    FilingStatus.PENDING: _l("Pending review"),
    FilingStatus.APPROVED: _l("Approved"),
    FilingStatus.REJECTED: _l("Rejected"),
}
labels.register("filing_status", FILING_LABELS)


class User(UserMixin, db.Model):
    """A person who signs in: buyer, merchant staff, provider staff or operator."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Login name, stored lower-case.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(16), default=Role.BUYER.value, index=True)
    #: Preferred UI language, used for e-mails.
    locale: Mapped[str] = mapped_column(String(5), default="en")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: False from self-registration until the link mailed to the address is opened (sign-in waits for it).
    email_verified: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    #: Part of every session and remember cookie; bumping it ends them all (logout, password change or reset,
    #: role change, "sign out everywhere"). Checked on each request by the user loader.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    merchant: Mapped[Merchant | None] = relationship(
        back_populates="owner", uselist=False, foreign_keys="Merchant.owner_id"
    )

    def set_password(self, password: str) -> None:
        """Store a salted hash of the password (``PASSWORD_HASH_METHOD``, scrypt by default)."""
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt") if has_app_context() else "scrypt"
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password: str) -> bool:
        """True when the password matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def rehash_if_needed(self, password: str) -> bool:
        """After a successful check: re-hash with ``PASSWORD_HASH_METHOD`` when the stored hash used other
        parameters (e.g. scrypt's cost was raised). True when the hash changed (the caller commits)."""
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt") if has_app_context() else "scrypt"
        if _hash_parameters(self.password_hash) == _current_parameters(method):
            return False
        self.set_password(password)
        return True

    def get_id(self) -> str:  # Flask-Login: stored in the session and the remember cookie
        """``"<id>:<session version>"``: a cookie stops working once the version is bumped."""
        return f"{self.id}:{self.session_version or 0}"

    @property
    def is_active(self) -> bool:  # Flask-Login
        return self.active

    def has_role(self, *roles: str) -> bool:
        """True when the user has one of the roles."""
        return self.role in roles


def _hash_parameters(password_hash: str) -> str:
    """The method and cost part of a werkzeug hash (``scrypt:32768:8:1``), without salt and digest."""
    return password_hash.split("$", 1)[0]


_PARAMETERS: dict[str, str] = {}


def _current_parameters(method: str) -> str:
    """The parameters a new hash with ``method`` gets (werkzeug fills in its defaults), computed once."""
    if method not in _PARAMETERS:
        _PARAMETERS[method] = _hash_parameters(generate_password_hash("probe", method=method))
    return _PARAMETERS[method]


class FiledCompany:
    """What every company filed on the platform has (a merchant; a service provider of the marketplace): names
    and descriptions per language, and the review state of its filing (备案), which
    :mod:`storefront.accounts.filing_review` changes."""

    #: Company name per language ({"zh": ..., "en": ...}); zh and en are required for filing.
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    #: About the company, per language.
    descriptions: Mapped[dict] = mapped_column(JSON, default=dict)
    #: A :class:`FilingStatus` value.
    status: Mapped[str] = mapped_column(String(16), default=FilingStatus.PENDING.value, index=True)
    #: Why an operator rejected (or suspended) the filing; the company sees it.
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    #: When the filing was last (re)submitted for review.
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: When and by which operator the filing was last approved or rejected.
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    @property
    def is_approved(self) -> bool:
        """Only an approved company's products or packages are public."""
        return self.status == FilingStatus.APPROVED.value

    def name(self, lang: str) -> Localized:
        """Company name in the language, with fallback."""
        return pick(self.names, lang)

    def description(self, lang: str) -> Localized:
        """Company description in the language, with fallback."""
        return pick(self.descriptions, lang)


class Merchant(FiledCompany, db.Model):
    """A provincial exporter company selling on the platform."""

    __tablename__ = "merchants"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), unique=True)
    #: Unified social credit code (统一社会信用代码), 18 characters, GB 32100-2015.
    uscc: Mapped[str] = mapped_column(String(18), default="")
    #: Customs registration code (海关注册编码), 10 characters.
    customs_code: Mapped[str] = mapped_column(String(10), default="")
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id"), index=True)
    city_slug: Mapped[str | None] = mapped_column(ForeignKey("cities.slug"))
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    founded: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    #: Person to contact about the filing and orders.
    contact_name: Mapped[str] = mapped_column(String(120), default="", server_default="")

    owner: Mapped[User | None] = relationship(back_populates="merchant", foreign_keys=[owner_id])
    reviewed_by: Mapped[User | None] = relationship(foreign_keys="Merchant.reviewed_by_id")
    cluster = relationship("Cluster")
    city = relationship("City")
