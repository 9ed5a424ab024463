"""The review of a company filing, one rule for merchants and service providers.

A filing (a :class:`~storefront.accounts.models.Merchant` or a marketplace provider: any object with ``status``,
``rejection_reason``, ``reviewed_at`` and ``reviewed_by_id``) waits as pending; an operator approves it, or rejects
it with a reason the company sees (an approved company may be suspended that way). It may change while pending or
rejected, never once approved. Each decision is audited under the caller's action name; the caller's refusal class
is raised with a code (``not_pending``, ``reason_required``). Functions flush, never commit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from storefront.accounts.models import FilingStatus, User
from storefront.core import audit
from storefront.extensions import db

#: The columns a decision changes (audited before and after).
DECIDED = ("status", "rejection_reason")


def can_edit(company: Any) -> bool:
    """A filing may change while it waits and after a rejection, not once approved."""
    return company.status in (FilingStatus.PENDING.value, FilingStatus.REJECTED.value)


def approve(company: Any, operator: User, *, action: str, error: Callable[[str], Exception]) -> None:
    """Approve a pending filing (audited as ``action``)."""
    if company.status != FilingStatus.PENDING.value:
        raise error("not_pending")
    _decide(company, operator, FilingStatus.APPROVED.value, "", action)


def reject(company: Any, operator: User, reason: str, *, action: str, error: Callable[[str], Exception]) -> None:
    """Reject a pending filing (or suspend an approved one) with a reason the company sees (audited as ``action``)."""
    reason = (reason or "").strip()
    if not reason:
        raise error("reason_required")
    if company.status not in (FilingStatus.PENDING.value, FilingStatus.APPROVED.value):
        raise error("not_pending")
    _decide(company, operator, FilingStatus.REJECTED.value, reason, action)


def _decide(company: Any, operator: User, status: str, reason: str, action: str) -> None:
    before = audit.snapshot(company, *DECIDED)
    company.status, company.rejection_reason = status, reason
    company.reviewed_at, company.reviewed_by_id = datetime.now(UTC), operator.id
    db.session.flush()
    audit.record(operator, action, company, before, audit.snapshot(company, *DECIDED))
