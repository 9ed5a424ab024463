"""Provider filings in the operator console's filings queue (``storefront.filing.queue``)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from services_market import providers
from services_market.models import Provider
from storefront.accounts.models import FilingStatus
from storefront.extensions import db
from storefront.filing.queue import FilingKind, Row
from storefront.filing.queue import register as register_kind

#: Owner kind of provider documents in ``filing_documents``.
DOCUMENT_KIND = "provider"


def _counts() -> dict[str, int]:
    stmt = select(Provider.status, func.count()).group_by(Provider.status)
    return {status: n for status, n in db.session.execute(stmt).all()}


def _rows(status: str, lang: str) -> list:

    stmt = select(Provider).order_by(Provider.submitted_at.asc().nulls_first(), Provider.id)
    if status in {s.value for s in FilingStatus}:
        stmt = stmt.where(Provider.status == status)
    return [Row(p.id, str(p.name(lang)), p.status, p.submitted_at) for p in db.session.scalars(stmt.limit(500))]


def register() -> None:
    """Add provider filings to the console's review queue (approve / reject with reason, audited)."""

    register_kind(
        FilingKind(
            key="provider",
            label=_l("Service providers"),
            counts=_counts,
            rows=_rows,
            get=lambda pk: db.session.get(Provider, pk),
            approve=providers.approve,
            reject=providers.reject,
            detail_template="services/operator/_provider_filing.html",
            document_kind=DOCUMENT_KIND,
            error=providers.ProviderError,
        )
    )
