"""Teams: staff accounts of a merchant or provider company, and roles of platform operators.

A company's owner (``Merchant.owner_id`` / ``Provider.owner_id``) has every company permission; staff are
``TeamMember`` rows with one or more roles. Operators with no row are administrators (every platform
permission, as before teams existed); an operator with rows has only those roles. What each role may do is
the one table in :mod:`storefront.accounts.permissions`. Every change is audited."""

from __future__ import annotations

import secrets
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.accounts import operations as accounts
from storefront.accounts.models import Merchant, Role, User
from storefront.core import audit, labels
from storefront.core.errors import CodedError
from storefront.extensions import db


class Side:
    """Whose team a member belongs to."""

    MERCHANT = "merchant"
    PROVIDER = "provider"
    PLATFORM = "platform"


#: Roles inside a merchant or provider company.
COMPANY_ROLES: dict[str, object] = {
    "owner": _l("Owner (everything, team and filing)"),
    "catalogue": _l("Catalogue (products, import, appeals)"),
    "orders": _l("Orders (shipping, documents, clearance)"),
    "finance": _l("Finance (money, payouts, statements)"),
}
#: Roles of platform operators.
OPERATOR_ROLES: dict[str, object] = {
    "admin": _l("Administrator (everything)"),
    "filings": _l("Filings (company reviews)"),
    "moderation": _l("Moderation (products, packages, appeals)"),
    "customs": _l("Customs desk (clearance)"),
    "finance": _l("Finance (rates, refunds, payouts, vouchers)"),
    "policy": _l("Policy and training (policies, sessions, attendance)"),
}
labels.register("company_role", COMPANY_ROLES)
labels.register("operator_role", OPERATOR_ROLES)
#: The user role an account of each side has.
SIDE_USER_ROLE = {
    Side.MERCHANT: Role.MERCHANT.value,
    Side.PROVIDER: Role.PROVIDER.value,
    Side.PLATFORM: Role.OPERATOR.value,
}


class TeamMember(db.Model):
    """One role of a staff account in a company's (or the platform's) team."""

    __tablename__ = "team_members"
    __table_args__ = (
        UniqueConstraint("user_id", "role"),
        CheckConstraint("side IN ('merchant', 'provider', 'platform')", name="side_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: merchant, provider or platform.
    side: Mapped[str] = mapped_column(String(10))
    #: The merchant's or provider's id (None for the platform).
    company_id: Mapped[int | None] = mapped_column(Integer, index=True)
    #: A key of COMPANY_ROLES or OPERATOR_ROLES.
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    #: Who added this role (kept as NULL if that account is deleted).
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(foreign_keys=[user_id], lazy="joined")


class TeamError(CodedError):
    """A team change that cannot be made."""

    MESSAGES = {
        "role": _l("Choose one of the roles."),
        "email": _l("Enter a valid e-mail address."),
        "other_company": _l("This account already belongs to another company or is not a staff account."),
        "self": _l("You cannot change your own roles."),
        "not_member": _l("This person is not in your team."),
    }


def memberships(user) -> list[TeamMember]:
    """Every role row of a user."""
    if user is None or getattr(user, "id", None) is None:
        return []
    return list(db.session.scalars(select(TeamMember).where(TeamMember.user_id == user.id)))


def company_of(user, side: str) -> int | None:
    """The company id a staff account works for on that side (None when not staff there)."""
    return next((m.company_id for m in memberships(user) if m.side == side), None)


def roles_of(user, side: str, owner: bool) -> frozenset[str]:
    """The user's roles on a side: owners have "owner"; operators without rows are administrators."""
    rows = {m.role for m in memberships(user) if m.side == side}
    if side == Side.PLATFORM:
        return frozenset(rows or {"admin"})
    return frozenset(rows | ({"owner"} if owner else set()))


def team_of(side: str, company_id: int | None) -> dict[User, list[str]]:
    """Members of a team and their roles."""
    stmt = select(TeamMember).where(TeamMember.side == side)
    stmt = stmt.where(TeamMember.company_id.is_(None) if company_id is None else TeamMember.company_id == company_id)
    out: dict[User, list[str]] = {}
    for row in db.session.scalars(stmt.order_by(TeamMember.user_id, TeamMember.role)):
        out.setdefault(row.user, []).append(row.role)
    return out


def _valid_roles(side: str, roles: list[str]) -> list[str]:
    table = OPERATOR_ROLES if side == Side.PLATFORM else COMPANY_ROLES
    roles = sorted(set(roles))
    if not roles or any(r not in table for r in roles):
        raise TeamError("role")
    return roles


def set_member(side: str, company_id: int | None, email: str, name: str, roles: list[str], actor, lang: str):
    """Add a staff account to a team, or change its roles; a new address gets an account and a mail to set
    its password (returns (user, created)). Flushes; audited as ``team.set``."""
    roles = _valid_roles(side, roles)
    email = (email or "").strip().lower()
    if "@" not in email or len(email) > 254:
        raise TeamError("email")
    user = accounts.find_user(email)
    created = False
    if user is None:
        user = accounts.create_user(
            email, secrets.token_urlsafe(24), name=name or "", role=SIDE_USER_ROLE[side], locale=lang
        )
        created = True
    elif user.id == getattr(actor, "id", None):
        raise TeamError("self")
    elif (
        user.role != SIDE_USER_ROLE[side]
        or _owns_company(user, side)
        or any(m.side != side or m.company_id != company_id for m in memberships(user))
    ):
        raise TeamError("other_company")
    before = sorted(m.role for m in memberships(user))
    for row in memberships(user):
        if row.role not in roles:
            db.session.delete(row)
    for role in roles:
        if role not in before:
            db.session.add(
                TeamMember(user_id=user.id, side=side, company_id=company_id, role=role, added_by_id=actor.id)
            )
    db.session.flush()
    audit.record(actor, "team.set", ("users", user.id), {"roles": before} if before else None,
                 {"roles": roles, "side": side, "company": company_id})  # fmt: skip
    if created:
        accounts.invite(user, lang)
    return user, created


def remove_member(side: str, company_id: int | None, user: User, actor) -> None:
    """Take every role of a staff account in this team away (the account stays, without access)."""
    rows = [m for m in memberships(user) if m.side == side and m.company_id == company_id]
    if not rows:
        raise TeamError("not_member")
    if user.id == getattr(actor, "id", None):
        raise TeamError("self")
    before = sorted(m.role for m in rows)
    for row in rows:
        db.session.delete(row)
    db.session.flush()
    audit.record(actor, "team.remove", ("users", user.id), {"roles": before}, None)


_OWNERS: dict[str, object] = {}


def register_owner_check(side: str, check) -> None:
    """``check(user) -> bool``: does the user own a company on that side (merchants, providers)."""
    _OWNERS[side] = check


def _owns_company(user, side: str) -> bool:
    check = _OWNERS.get(side)
    return bool(check and check(user))


register_owner_check(
    Side.MERCHANT,
    lambda user: db.session.scalar(select(func.count(Merchant.id)).where(Merchant.owner_id == user.id)) > 0,
)
