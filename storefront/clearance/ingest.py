"""Receipts in: store each return node once (by identity), match it to its message by business keys, apply it.

Malformed XML and receipts for no known message are stored as ``quarantined`` (and logged) instead of raising,
so one bad file never stops the worker. Operations flush; the caller commits.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storefront.clearance import operations, summary
from storefront.clearance.messages.receipts import Receipt, ReceiptError, SummaryResult, parse_any
from storefront.clearance.models import ClearanceCase, OutboxMessage, ReceiptRecord, to_utc, utcnow
from storefront.clearance.status import RECEIPT_FOR, ReceiptState
from storefront.extensions import db

log = logging.getLogger(__name__)
#: The business key each receipt kind is matched by (the ``ref`` of the outbox message it answers).
MATCH_KEY = {
    "CEB304": "orderNo",
    "CEB404": "orderNo",
    "CEB506": "logisticsNo",
    "CEB604": "copNo",
    "CEB510": "copNo",
    "CEB702": "copNo",
}


@dataclass
class IngestResult:
    """What one raw receipt message did."""

    applied: int = 0
    duplicates: int = 0
    quarantined: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing was quarantined (the file may be archived)."""
        return self.quarantined == 0


def _store(record: ReceiptRecord) -> bool:
    """Insert a receipt record; False when its identity is already stored (a duplicate)."""
    if (
        db.session.scalar(select(ReceiptRecord.id).where(ReceiptRecord.identity == record.identity))
        is not None
    ):
        return False
    try:
        with db.session.begin_nested():
            db.session.add(record)
    except IntegrityError:
        return False  # stored meanwhile by another worker
    return True


def quarantine(data: bytes, *, source: str, error: str, now: datetime | None = None, kind: str = "") -> bool:
    """Keep an unreadable receipt for the operator (once per content)."""
    log.warning("quarantined receipt from %s: %s", source, error)
    digest = hashlib.sha256(data).hexdigest()
    return _store(
        ReceiptRecord(
            identity=f"raw:{digest}",
            kind=kind,
            state=ReceiptState.QUARANTINED.value,
            raw=data,
            source=source[:200],
            error=error[:2000],
            keys={},
            received_at=to_utc(now or utcnow()),
        )
    )


def match(kind: str, keys: dict[str, str]) -> OutboxMessage | None:
    """The last message of the kind a receipt answers, found by the receipt's business key."""
    ref = keys.get(MATCH_KEY.get(kind, ""), "")
    if not ref:
        return None
    return db.session.scalar(
        select(OutboxMessage)
        .where(OutboxMessage.kind == RECEIPT_FOR[kind], OutboxMessage.ref == ref)
        .order_by(OutboxMessage.id.desc())
        .limit(1)
    )


def _apply_receipt(receipt: Receipt, data: bytes, source: str, now: datetime, result: IngestResult) -> None:
    """Store one status receipt and apply it to its case or declaration (quarantine when unmatched)."""
    identity = f"{receipt.kind}:{receipt.guid}:{receipt.return_status}"
    message = match(receipt.kind, dict(receipt.keys))
    record = ReceiptRecord(
        identity=identity,
        kind=receipt.kind,
        state=ReceiptState.APPLIED.value,
        raw=data,
        source=source[:200],
        keys=dict(receipt.keys),
        return_status=receipt.return_status,
        return_time=to_utc(receipt.return_time),
        return_info=receipt.return_info[:2000],
        received_at=to_utc(now),
        message_id=message.id if message else None,
        case_id=message.case_id if message else None,
        declaration_id=message.declaration_id if message else None,
    )
    if message is None:
        record.state = ReceiptState.QUARANTINED.value
        record.error = f"no message answers {receipt.kind} {dict(receipt.keys)}"
        log.warning("receipt %s for an unknown message: %s", receipt.kind, dict(receipt.keys))
    if not _store(record):
        result.duplicates += 1
        return
    if message is None:
        result.quarantined += 1
        return
    if message.case_id is not None:
        case = db.session.scalar(
            select(ClearanceCase).where(ClearanceCase.id == message.case_id).with_for_update()
        )
        operations.apply_receipt(case, receipt, message, now=now)
    else:
        summary.apply_return(message, receipt)
    result.applied += 1


def _apply_result(item: SummaryResult, data: bytes, source: str, now: datetime, result: IngestResult) -> None:
    """Store one summary result (CEB792) and apply it to its declaration (quarantine when unmatched)."""
    declaration = summary.declaration_for_result(item)
    record = ReceiptRecord(
        identity=f"CEB792:{item.guid}:{item.dec_state}",
        kind="CEB792",
        state=ReceiptState.APPLIED.value,
        raw=data,
        source=source[:200],
        keys={"sumNo": item.sum_no, "entryId": item.entry_id or ""},
        return_time=to_utc(item.op_date),
        return_info=item.note or "",
        received_at=to_utc(now),
        declaration_id=declaration.id if declaration else None,
    )
    if declaration is None:
        record.state = ReceiptState.QUARANTINED.value
        record.error = f"no summary declaration for sumNo {item.sum_no}"
        log.warning("summary result %s for an unknown declaration", item.sum_no)
    if not _store(record):
        result.duplicates += 1
        return
    if declaration is None:
        result.quarantined += 1
        return
    summary.apply_result(declaration, item)
    result.applied += 1


def ingest(data: bytes, *, source: str = "", now: datetime | None = None) -> IngestResult:
    """Store and apply every return node of one receipt message (flush only)."""
    now = now or utcnow()
    result = IngestResult()
    try:
        parsed = parse_any(data)
    except ReceiptError as exc:
        quarantine(data, source=source, error=str(exc), now=now)
        result.quarantined += 1
        return result
    for item in parsed:
        if isinstance(item, SummaryResult):
            _apply_result(item, data, source, now, result)
        else:
            _apply_receipt(item, data, source, now, result)
    db.session.flush()
    return result
