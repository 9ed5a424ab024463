"""Provider filing: sign up a service company, resubmit after rejection, operator approval or rejection."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from services_market import mail
from services_market.constants import CATEGORIES, REGIONS, SPOKEN_LANGUAGES
from services_market.models import Provider
from services_market.util import now, slugify
from storefront.accounts import filing_review, team
from storefront.accounts.models import FilingStatus, Role, User
from storefront.catalog.taxonomy import City
from storefront.core import audit
from storefront.core.locales import LANGS
from storefront.core.validators import is_valid_uscc
from storefront.extensions import db

#: Provider fields recorded in the audit log.
AUDITED = (
    "status",
    "rejection_reason",
    "names",
    "uscc",
    "categories",
    "languages",
    "regions",
    "contact_name",
    "contact_email",
    "phone",
    "city_slug",
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ProviderError(ValueError):
    """A filing action the current state does not allow."""


@dataclass
class ProviderData:
    """What a provider types into the filing form."""

    names: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    uscc: str = ""
    categories: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    contact_name: str = ""
    contact_email: str = ""
    phone: str = ""
    city_slug: str = ""

    def normalized(self) -> ProviderData:
        """A copy with whitespace trimmed, codes upper-cased, lists de-duplicated in canonical order."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in values.items():
            if isinstance(value, str):
                values[key] = value.strip()
        values["names"] = {k: v.strip() for k, v in self.names.items() if k in LANGS and (v or "").strip()}
        values["descriptions"] = {
            k: v.strip() for k, v in self.descriptions.items() if k in LANGS and (v or "").strip()
        }
        values["uscc"] = values["uscc"].upper()
        values["contact_email"] = values["contact_email"].lower()
        values["categories"] = [c for c in CATEGORIES if c in set(self.categories)]
        values["languages"] = [c for c in SPOKEN_LANGUAGES if c in set(self.languages)]
        values["regions"] = [c for c in REGIONS if c in set(self.regions)]
        return ProviderData(**values)

    @classmethod
    def from_provider(cls, provider: Provider) -> ProviderData:
        """The current values of a filing (to prefill the form)."""
        return cls(
            names=dict(provider.names or {}),
            descriptions=dict(provider.descriptions or {}),
            uscc=provider.uscc,
            categories=list(provider.categories or []),
            languages=list(provider.languages or []),
            regions=list(provider.regions or []),
            contact_name=provider.contact_name,
            contact_email=provider.contact_email,
            phone=provider.phone,
            city_slug=provider.city_slug or "",
        )


def check(data: ProviderData, provider: Provider | None = None) -> dict[str, object]:
    """Field → message for every rule the filing breaks (empty when it is acceptable)."""
    errors: dict[str, object] = {}
    if not data.names.get("zh"):
        errors["name_zh"] = _l("Enter the company name in Chinese.")
    if not data.names.get("en"):
        errors["name_en"] = _l("Enter the company name in English.")
    if not is_valid_uscc(data.uscc):
        errors["uscc"] = _l(
            "This is not a valid unified social credit code: 18 characters, the last one a check character."
        )
    elif _uscc_taken(data.uscc, provider):
        errors["uscc"] = _l("Another provider on the platform has filed with this credit code.")
    if not data.categories:
        errors["categories"] = _l("Choose at least one service category.")
    if not data.languages:
        errors["languages"] = _l("Choose at least one language your team works in.")
    if not data.regions:
        errors["regions"] = _l("Choose at least one market you serve.")
    if not data.contact_name:
        errors["contact_name"] = _l("Enter a contact person.")
    if not _EMAIL.match(data.contact_email):
        errors["contact_email"] = _l("Enter a valid e-mail address.")
    if data.city_slug and db.session.get(City, data.city_slug) is None:
        errors["city_slug"] = _l("Choose a city.")
    return errors


def _uscc_taken(uscc: str, provider: Provider | None) -> bool:
    stmt = select(func.count()).select_from(Provider).where(Provider.uscc == uscc)
    if provider is not None and provider.id is not None:
        stmt = stmt.where(Provider.id != provider.id)
    return bool(db.session.scalar(stmt))


def _unique_slug(name_en: str) -> str:
    base = slugify(name_en, "provider")
    slug, n = base, 2
    while db.session.scalar(select(func.count()).select_from(Provider).where(Provider.slug == slug)):
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(provider: Provider, data: ProviderData) -> None:
    provider.names, provider.descriptions = dict(data.names), dict(data.descriptions)
    provider.uscc = data.uscc
    provider.categories, provider.languages, provider.regions = data.categories, data.languages, data.regions
    provider.contact_name, provider.contact_email, provider.phone = (
        data.contact_name,
        data.contact_email,
        data.phone,
    )
    provider.city_slug = data.city_slug or None


def provider_of(user) -> Provider | None:
    """The provider company a user runs or works for as staff (None before filing)."""
    if user is None or getattr(user, "id", None) is None:
        return None
    owned = db.session.scalars(select(Provider).where(Provider.owner_id == user.id)).first()
    if owned is not None:
        return owned
    company_id = team.company_of(user, team.Side.PROVIDER)
    return db.session.get(Provider, company_id) if company_id is not None else None


def submit(user: User, data: ProviderData) -> Provider:
    """File a new provider company for a provider account; it waits for review."""
    if not user.has_role(Role.PROVIDER.value):
        raise ProviderError("not_a_provider")
    if provider_of(user) is not None:
        raise ProviderError("already_filed")
    data = data.normalized()
    if check(data):
        raise ProviderError("invalid")
    provider = Provider(
        slug=_unique_slug(data.names["en"]),
        owner_id=user.id,
        status=FilingStatus.PENDING.value,
        rejection_reason="",
        submitted_at=now(),
    )
    _apply(provider, data)
    db.session.add(provider)
    db.session.flush()
    audit.record(user, "provider.submit", provider, None, audit.snapshot(provider, *AUDITED))
    return provider


def can_edit(provider: Provider) -> bool:
    """A filing may change while it waits and after a rejection, not once approved."""
    return filing_review.can_edit(provider)


def resubmit(provider: Provider, user: User, data: ProviderData) -> Provider:
    """Change a pending or rejected filing and send it (back) to review."""
    if not can_edit(provider):
        raise ProviderError("not_editable")
    data = data.normalized()
    if check(data, provider):
        raise ProviderError("invalid")
    before = audit.snapshot(provider, *AUDITED)
    _apply(provider, data)
    provider.status, provider.submitted_at = FilingStatus.PENDING.value, now()
    db.session.flush()
    audit.record(user, "provider.resubmit", provider, before, audit.snapshot(provider, *AUDITED))
    return provider


def approve(provider: Provider, operator: User) -> None:
    """Approve a pending filing: the provider's published packages become visible."""
    filing_review.approve(provider, operator, action="provider.approve", error=ProviderError)
    _notify(provider)


def reject(provider: Provider, operator: User, reason: str) -> None:
    """Reject a pending filing (or suspend an approved one) with a reason the provider sees."""
    filing_review.reject(provider, operator, reason, action="provider.reject", error=ProviderError)
    _notify(provider)


def _notify(provider: Provider) -> None:

    mail.filing_decided(provider)


def pending() -> list[Provider]:
    """Provider filings waiting for review, oldest first."""
    stmt = (
        select(Provider)
        .where(Provider.status == FilingStatus.PENDING.value)
        .order_by(Provider.submitted_at, Provider.id)
    )
    return list(db.session.scalars(stmt))


def pending_count() -> int:
    """Provider filings waiting for review (for the operator console's filings queue)."""
    stmt = select(func.count()).select_from(Provider).where(Provider.status == FilingStatus.PENDING.value)
    return db.session.scalar(stmt) or 0


def all_providers(status: str | None = None) -> list[Provider]:
    """Providers, newest filing first, optionally of one status."""
    stmt = select(Provider).order_by(Provider.submitted_at.desc(), Provider.id.desc())
    if status:
        stmt = stmt.where(Provider.status == status)
    return list(db.session.scalars(stmt))
