"""The clearance desk: cases with filters (status, merchant, month, customs return code), each case's
documents, receipts, messages and history, the next action, "send now" and retry of its dead letters.
Used by the operator's desk and (scoped to one merchant) by the merchant's case list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select, update

from storefront.clearance.models import ClearanceCase, OutboxMessage, ReceiptRecord, to_utc
from storefront.clearance.status import CASE_LABELS, CaseStatus, MessageStatus
from storefront.core import labels
from storefront.extensions import db

labels.register("case_status", CASE_LABELS)

#: What someone should do next, by case status (and who).
NEXT_ACTIONS = {
    CaseStatus.DECLARED.value: _l("Wait for the customs receipt; the list is sent when the merchant ships."),
    CaseStatus.ACCEPTED.value: _l("Wait for release; nothing to do unless customs asks."),
    CaseStatus.INSPECTION.value: _l("Customs inspects the goods: the merchant keeps the parcel ready."),
    CaseStatus.RELEASED.value: _l("Record the departure (manifest) so the goods can leave."),
    CaseStatus.DEPARTED.value: _l("Wait for customs to close the list."),
    CaseStatus.CLOSED.value: _l("Nothing: the list goes into the next summary declaration."),
    CaseStatus.CANCELLED.value: _l("Nothing: the buyer is refunded."),
    CaseStatus.REJECTED.value: _l("The merchant corrects the data and resubmits; see the customs reason."),
}


@dataclass
class DeskFilters:
    """Filters of the case list as typed and parsed."""

    status: str = ""
    merchant_id: int | None = None
    month: str = ""
    code: int | None = None
    errors: dict[str, object] = field(default_factory=dict)


def parse_filters(args) -> DeskFilters:
    """Read status, merchant, month (YYYY-MM) and customs return code from a query string."""
    f = DeskFilters()
    status = args.get("status", "")
    f.status = status if status in {s.value for s in CaseStatus} else ""
    merchant = (args.get("merchant") or "").strip()
    f.merchant_id = int(merchant) if merchant.isdigit() and len(merchant) < 10 else None
    month = (args.get("month") or "").strip()
    if month:
        try:
            datetime.strptime(month, "%Y-%m")
            f.month = month
        except ValueError:
            f.errors["month"] = _l("Enter a month like 2026-11.")
    code = (args.get("code") or "").strip()
    f.code = int(code) if code.lstrip("-").isdigit() and len(code) < 6 else None
    return f


def case_list(f: DeskFilters, merchant_id: int | None = None) -> Select:
    """Cases matching the filters, newest first (only one merchant's when ``merchant_id``)."""
    stmt = select(ClearanceCase)
    if merchant_id is not None:
        stmt = stmt.where(ClearanceCase.merchant_id == merchant_id)
    elif f.merchant_id is not None:
        stmt = stmt.where(ClearanceCase.merchant_id == f.merchant_id)
    if f.status:
        stmt = stmt.where(ClearanceCase.status == f.status)
    if f.month:
        year, month = (int(p) for p in f.month.split("-"))
        start = datetime(year, month, 1, tzinfo=UTC)
        end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
        stmt = stmt.where(ClearanceCase.created_at >= start, ClearanceCase.created_at < end)
    if f.code is not None:
        stmt = stmt.where(ClearanceCase.return_status == f.code)
    return stmt


def messages_of(case: ClearanceCase) -> list[OutboxMessage]:
    """The case's outbox messages, oldest first."""
    stmt = select(OutboxMessage).where(OutboxMessage.case_id == case.id).order_by(OutboxMessage.id)
    return list(db.session.scalars(stmt))


def receipts_of(case: ClearanceCase) -> list[ReceiptRecord]:
    """The receipts customs sent about the case, newest first."""
    stmt = select(ReceiptRecord).where(ReceiptRecord.case_id == case.id).order_by(ReceiptRecord.id.desc())
    return list(db.session.scalars(stmt))


def send_now(case: ClearanceCase, now: datetime) -> int:
    """Make the case's waiting messages due now, and put its dead letters back in the queue (flush only);
    returns how many messages will be sent on the worker's next pass."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.case_id == case.id,
            OutboxMessage.status.in_((MessageStatus.PENDING.value, MessageStatus.DEAD.value)),
        )
        .values(status=MessageStatus.PENDING.value, next_attempt_at=to_utc(now), attempts=0)
        .execution_options(synchronize_session=False)
    )
    db.session.expire_all()
    return result.rowcount or 0
