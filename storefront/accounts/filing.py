"""Merchant filing (备案): submit, resubmit after rejection, operator approval or rejection with a reason."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from storefront.accounts import documents, filing_review, notices
from storefront.accounts.models import FilingStatus, Merchant, Role, User
from storefront.catalog.taxonomy import City, Cluster
from storefront.core import audit
from storefront.core.validators import is_valid_customs_code, is_valid_uscc
from storefront.extensions import db

#: Merchant fields shown in the audit log before/after a filing change.
AUDITED = (
    "status",
    "rejection_reason",
    "names",
    "uscc",
    "customs_code",
    "contact_name",
    "contact_email",
    "phone",
    "cluster_id",
    "city_slug",
)


class FilingError(ValueError):
    """A filing action that the current state does not allow."""


@dataclass
class FilingData:
    """What a merchant types into the filing form."""

    name_zh: str = ""
    name_en: str = ""
    uscc: str = ""
    customs_code: str = ""
    contact_name: str = ""
    contact_email: str = ""
    phone: str = ""
    cluster_id: int | None = None
    city_slug: str = ""

    def normalized(self) -> FilingData:
        """A copy with whitespace trimmed and codes upper-cased."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in values.items():
            if isinstance(value, str):
                values[key] = value.strip()
        values["uscc"] = values["uscc"].upper()
        values["customs_code"] = values["customs_code"].upper()
        values["contact_email"] = values["contact_email"].lower()
        return FilingData(**values)

    @classmethod
    def from_merchant(cls, merchant: Merchant) -> FilingData:
        """The current values of a filing (to prefill the form)."""
        names = merchant.names or {}
        return cls(
            name_zh=names.get("zh", ""),
            name_en=names.get("en", ""),
            uscc=merchant.uscc,
            customs_code=merchant.customs_code,
            contact_name=merchant.contact_name,
            contact_email=merchant.contact_email,
            phone=merchant.phone,
            cluster_id=merchant.cluster_id,
            city_slug=merchant.city_slug or "",
        )


def check(data: FilingData, merchant: Merchant | None = None) -> dict[str, object]:
    """Field → message for every rule the filing breaks (empty when it is acceptable)."""
    errors: dict[str, object] = {}
    if not data.name_zh:
        errors["name_zh"] = _l("Enter the company name in Chinese.")
    if not data.name_en:
        errors["name_en"] = _l("Enter the company name in English.")
    if not is_valid_uscc(data.uscc):
        errors["uscc"] = _l(
            "This is not a valid unified social credit code: 18 characters, the last one a check character."
        )
    elif _taken(Merchant.uscc, data.uscc, merchant):
        errors["uscc"] = _l("Another company on the platform has filed with this credit code.")
    if not is_valid_customs_code(data.customs_code):
        errors["customs_code"] = _l("The customs registration code has 10 letters or digits.")
    elif _taken(Merchant.customs_code, data.customs_code, merchant):
        errors["customs_code"] = _l("Another company on the platform has filed with this customs code.")
    if not data.contact_name:
        errors["contact_name"] = _l("Enter a contact person.")
    if data.cluster_id is None or db.session.get(Cluster, data.cluster_id) is None:
        errors["cluster_id"] = _l("Choose an industry cluster.")
    if not data.city_slug or db.session.get(City, data.city_slug) is None:
        errors["city_slug"] = _l("Choose a city.")
    return errors


def _taken(column, value: str, merchant: Merchant | None) -> bool:
    stmt = select(func.count()).select_from(Merchant).where(column == value)
    if merchant is not None and merchant.id is not None:
        stmt = stmt.where(Merchant.id != merchant.id)
    return bool(db.session.scalar(stmt))


def _slug_for(name_en: str) -> str:
    """A unique URL slug from the English company name."""
    ascii_name = unicodedata.normalize("NFKD", name_en).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60] or "merchant"
    slug, n = base, 2
    while db.session.scalar(select(func.count()).select_from(Merchant).where(Merchant.slug == slug)):
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(merchant: Merchant, data: FilingData) -> None:
    merchant.names = {**(merchant.names or {}), "zh": data.name_zh, "en": data.name_en}
    merchant.uscc, merchant.customs_code = data.uscc, data.customs_code
    merchant.contact_name, merchant.contact_email, merchant.phone = (
        data.contact_name,
        data.contact_email,
        data.phone,
    )
    merchant.cluster_id, merchant.city_slug = data.cluster_id, data.city_slug


def _now() -> datetime:
    return datetime.now(UTC)


def submit(user: User, data: FilingData) -> Merchant:
    """File a new company for a merchant account; the filing waits for review."""
    if not user.has_role(Role.MERCHANT.value):
        raise FilingError("not_a_merchant")
    if user.merchant is not None:
        raise FilingError("already_filed")
    data = data.normalized()
    if check(data):
        raise FilingError("invalid")
    merchant = Merchant(
        slug=_slug_for(data.name_en),
        owner=user,
        descriptions={},
        status=FilingStatus.PENDING.value,
        rejection_reason="",
        submitted_at=_now(),
    )
    _apply(merchant, data)
    db.session.add(merchant)
    db.session.flush()
    audit.record(user, "filing.submit", merchant, None, audit.snapshot(merchant, *AUDITED))
    return merchant


def can_edit(merchant: Merchant) -> bool:
    """A filing may be changed while it waits and after a rejection, not once approved."""
    return filing_review.can_edit(merchant)


def resubmit(merchant: Merchant, user: User, data: FilingData) -> Merchant:
    """Change a pending or rejected filing and send it (back) to review."""
    if not can_edit(merchant):
        raise FilingError("not_editable")
    data = data.normalized()
    if check(data, merchant):
        raise FilingError("invalid")
    before = audit.snapshot(merchant, *AUDITED)
    _apply(merchant, data)
    merchant.status = FilingStatus.PENDING.value
    merchant.submitted_at = _now()
    db.session.flush()
    audit.record(user, "filing.resubmit", merchant, before, audit.snapshot(merchant, *AUDITED))
    return merchant


def approve(merchant: Merchant, operator: User) -> None:
    """Approve a pending filing: the merchant's products become public."""
    filing_review.approve(merchant, operator, action="filing.approve", error=FilingError)
    notices.filing_decided(merchant)


def reject(merchant: Merchant, operator: User, reason: str) -> None:
    """Reject a pending filing (or suspend an approved one) with a reason the merchant sees."""
    filing_review.reject(merchant, operator, reason, action="filing.reject", error=FilingError)
    notices.filing_decided(merchant)


def add_document(merchant: Merchant, user: User, upload) -> documents.Document:
    """Attach a checked upload to a filing that may still change."""
    if not can_edit(merchant):
        raise FilingError("not_editable")
    return documents.save_document(documents.MERCHANT, merchant.id, upload, user)


def merchant_documents(merchant: Merchant) -> list[documents.Document]:
    """A merchant filing's documents."""
    return documents.documents_of(documents.MERCHANT, merchant.id)


def pending_count() -> int:
    """Merchant filings waiting for review."""
    stmt = select(func.count()).select_from(Merchant).where(Merchant.status == FilingStatus.PENDING.value)
    return db.session.scalar(stmt) or 0
