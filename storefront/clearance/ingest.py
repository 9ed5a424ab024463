"""Receipts in: store each return node once (by identity), match it to its message by business keys, apply it.

Malformed XML and receipts for no known message are stored as ``quarantined`` (and logged) instead of raising,
so one bad file never stops the worker. Operations flush; the caller commits.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime

from lxml import etree
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storefront.clearance import departures, operations, summary
from storefront.clearance.messages.receipts import Receipt, ReceiptError, SummaryResult, parse_any
from storefront.clearance.models import (
    ClearanceCase,
    OutboxMessage,
    ReceiptRecord,
    SummaryDeclaration,
    to_utc,
    utcnow,
)
from storefront.clearance.status import RECEIPT_FOR, ReceiptState
from storefront.extensions import db

log = logging.getLogger(__name__)
#: Business keys of each receipt kind (spec receipt tables; issue 19 #7): the first is the document number the
#: outbox row is indexed by (``ref``), the others must equal the message's own values too.
MATCH_KEYS: dict[str, tuple[str, ...]] = {
    "CEB304": ("orderNo", "ebpCode", "ebcCode"),
    "CEB404": ("orderNo", "ebcCode"),
    "CEB506": ("logisticsNo", "logisticsCode"),
    "CEB604": ("copNo",),
    "CEB606": ("copNo",),
    "CEB510": ("copNo", "logisticsCode"),
    "CEB608": ("copNo", "logisticsCode", "billNo"),
    "CEB702": ("copNo",),
}
#: Numbers customs assigns: when a receipt carries one and the document already has one, they must agree.
ASSIGNED = {"CEB604": ("preNo", "invtNo"), "CEB606": ("invtNo",), "CEB702": ("sumNo",)}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class NoMatch(LookupError):
    """A receipt that matches no message, or several cases: quarantined with this reason."""


def _message_keys(message: OutboxMessage, names: tuple[str, ...]) -> dict[str, str]:
    """The first value of each named element in a message (its head comes before its lines)."""
    found: dict[str, str] = {}
    for element in etree.fromstring(message.payload, _PARSER).iter():
        if isinstance(element.tag, str):
            name = etree.QName(element).localname
            if name in names and name not in found:
                found[name] = (element.text or "").strip()
    return found


def _assigned_numbers(message: OutboxMessage) -> dict[str, str]:
    """Numbers customs gave the document already (case preNo/invtNo, declaration sumNo)."""
    if message.case_id is not None:
        case = db.session.get(ClearanceCase, message.case_id)
        return {"preNo": case.pre_no or "", "invtNo": case.invt_no or ""}
    if message.declaration_id is not None:
        declaration = db.session.get(SummaryDeclaration, message.declaration_id)
        return {"sumNo": declaration.sum_no or ""}
    return {}


def match(kind: str, keys: dict[str, str]) -> OutboxMessage:
    """The last message of the one case/declaration whose business keys equal the receipt's (else NoMatch)."""
    names = MATCH_KEYS.get(kind)
    if names is None:
        raise NoMatch(f"{kind} is not a receipt this platform expects")
    wanted = {name: keys.get(name, "") for name in names}
    missing = [name for name, value in wanted.items() if not value]
    if missing:
        raise NoMatch(f"{kind} lacks its business key {', '.join(missing)}")
    candidates = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.kind == RECEIPT_FOR[kind], OutboxMessage.ref == wanted[names[0]])
        .order_by(OutboxMessage.id.desc())
    ).all()
    matches = [m for m in candidates if _message_keys(m, names) == wanted]
    described = ", ".join(f"{name}={value}" for name, value in wanted.items())
    if not matches:
        raise NoMatch(f"no {RECEIPT_FOR[kind]} message has {described}")
    owners = {(m.case_id, m.declaration_id) for m in matches}
    if len(owners) > 1:
        raise NoMatch(f"{len(owners)} cases or declarations have {described}: ambiguous, not applied")
    message = matches[0]
    for name in ASSIGNED.get(kind, ()):
        known, given = _assigned_numbers(message).get(name, ""), keys.get(name, "")
        if known and given and known != given:
            raise NoMatch(f"{kind} {described} carries {name} {given}, but customs gave {known} before")
    return message


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
    if db.session.scalar(select(ReceiptRecord.id).where(ReceiptRecord.identity == record.identity)) is not None:
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


def _apply_receipt(receipt: Receipt, data: bytes, source: str, now: datetime, result: IngestResult) -> None:
    """Store one status receipt and apply it to its case or declaration (quarantine when unmatched)."""
    identity = f"{receipt.kind}:{receipt.guid}:{receipt.return_status}"
    try:
        message, problem = match(receipt.kind, dict(receipt.keys)), ""
    except NoMatch as exc:
        message, problem = None, str(exc)
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
        record.error = problem[:2000]
        log.warning("receipt %s quarantined: %s", receipt.kind, problem)
    if not _store(record):
        result.duplicates += 1
        return
    if message is None:
        result.quarantined += 1
        return
    if message.kind in ("CEB509", "CEB607") and message.case_id is None:  # a batch: every parcel it carried
        batch = departures.batch_for(message.ref)
        message.receipt_status, message.answered_at = receipt.return_status, to_utc(receipt.return_time)
        for case in batch.cases if batch is not None else ():
            operations.apply_receipt(case, receipt, None, now=now)
        if receipt.return_status == operations.TRANSPORT_FAILED:
            operations.send_again(message, receipt.return_info, now=now)
    elif message.case_id is not None:
        case = db.session.scalar(select(ClearanceCase).where(ClearanceCase.id == message.case_id).with_for_update())
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
