"""The filings review queue: one list per kind of filing (merchants; other kinds plug in via ``register``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from storefront.accounts import documents, filing
from storefront.accounts.models import FilingStatus, Merchant
from storefront.extensions import db


@dataclass(frozen=True)
class Row:
    """One filing in a queue."""

    id: int
    name: str
    status: str
    submitted_at: datetime | None


@dataclass(frozen=True)
class FilingKind:
    """How the console lists, shows, approves and rejects one kind of filing."""

    key: str
    label: object
    #: status → number of filings.
    counts: Callable[[], dict[str, int]]
    #: (status, lang) → rows, oldest submission first.
    rows: Callable[[str, str], list[Row]]
    #: id → the filing object or None.
    get: Callable[[int], object | None]
    approve: Callable[[object, object], None]
    reject: Callable[[object, object, str], None]
    #: Template with the kind's details, included in the review page.
    detail_template: str
    #: Owner kind of its documents in ``filing_documents``.
    document_kind: str
    #: Error raised by approve/reject when the state does not allow it.
    error: type[Exception] = filing.FilingError


KINDS: dict[str, FilingKind] = {}


def register(kind: FilingKind) -> None:
    """Add a kind of filing to the review console."""
    KINDS[kind.key] = kind


def _merchant_counts() -> dict[str, int]:
    stmt = select(Merchant.status, func.count()).group_by(Merchant.status)
    return {status: n for status, n in db.session.execute(stmt).all()}


def _merchant_rows(status: str, lang: str) -> list[Row]:
    stmt = select(Merchant).order_by(Merchant.submitted_at.asc().nulls_first(), Merchant.id)
    if status in {s.value for s in FilingStatus}:
        stmt = stmt.where(Merchant.status == status)
    return [Row(m.id, str(m.name(lang)), m.status, m.submitted_at) for m in db.session.scalars(stmt.limit(500))]


register(
    FilingKind(
        key="merchant",
        label=_l("Merchants"),
        counts=_merchant_counts,
        rows=_merchant_rows,
        get=lambda pk: db.session.get(Merchant, pk),
        approve=filing.approve,
        reject=filing.reject,
        detail_template="operator/_merchant_filing.html",
        document_kind=documents.MERCHANT,
    )
)


def pending_total() -> int:
    """Filings of every kind waiting for review."""
    return sum(kind.counts().get(FilingStatus.PENDING.value, 0) for kind in KINDS.values())
