"""The operator sets or removes a seller's credit grade override, with a reason; both are audited."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l

from storefront.accounts.models import Merchant, User
from storefront.core import audit
from storefront.core.errors import CodedError
from storefront.extensions import db
from storefront.trust.credit import GRADES
from storefront.trust.models import CreditOverride

MAX_REASON = 2000


class CreditError(CodedError):
    """An override the rules refuse."""

    MESSAGES = {
        "grade": _l("Choose a grade: A, B, C or D."),
        "reason": _l("Give the reason for this decision."),
        "long": _l("Use at most %(n)s characters."),
    }


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise CreditError("reason")
    if len(reason) > MAX_REASON:
        raise CreditError("long", n=MAX_REASON)
    return reason


def set_override(merchant: Merchant, operator: User, grade: str, reason: str) -> CreditOverride:
    """Show ``grade`` instead of the computed one, for the reason given (audited)."""
    if grade not in {g for g, _minimum in GRADES}:
        raise CreditError("grade")
    reason = _reason(reason)
    row = db.session.get(CreditOverride, merchant.id)
    before = audit.snapshot(row, "grade", "reason") if row is not None else None
    if row is None:
        row = CreditOverride(merchant_id=merchant.id)
        db.session.add(row)
    row.grade, row.reason, row.operator_id, row.created_at = grade, reason, operator.id, datetime.now(UTC)
    db.session.flush()
    audit.record(operator, "credit.override", ("merchants", merchant.id), before, {"grade": grade, "reason": reason})
    return row


def clear_override(merchant: Merchant, operator: User, reason: str) -> bool:
    """Go back to the computed grade (audited, with a reason); False when there was no override."""
    reason = _reason(reason)
    row = db.session.get(CreditOverride, merchant.id)
    if row is None:
        return False
    before = audit.snapshot(row, "grade", "reason")
    db.session.delete(row)
    db.session.flush()
    audit.record(operator, "credit.override_removed", ("merchants", merchant.id), before, {"reason": reason})
    return True
