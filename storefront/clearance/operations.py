"""Case operations (flush, never commit): open cases when an order is paid, declare the list when the merchant
ships, move cases with receipts, reject, correct and resubmit."""

from __future__ import annotations

import logging
from datetime import datetime
from decimal import Decimal

from blinker import Namespace
from flask import current_app
from sqlalchemy import select

from storefront.clearance import errors, mapping, outbox
from storefront.clearance.messages import new_guid
from storefront.clearance.messages.receipts import Receipt
from storefront.clearance.models import (
    CaseDocument,
    CaseEvent,
    ClearanceCase,
    OutboxMessage,
    to_utc,
    utcnow,
)
from storefront.clearance.status import (
    RANK,
    RECEIPT_FOR,
    TRANSPORT_FAILED,
    CaseStatus,
    is_refusal,
    list_status,
)
from storefront.extensions import db
from storefront.ordering.freight.modes import traf_mode_of

log = logging.getLogger(__name__)
_signals = Namespace()
#: Sent (inside the transaction) when a case is rejected; sender: the case.
case_rejected = _signals.signal("clearance-case-rejected")
#: Sent (inside the transaction) when customs approved a list's cancellation (CEB606): the goods will not
#: leave, so the payments side may propose a refund to the merchant. Sender: the case.
case_cancelled = _signals.signal("clearance-case-cancelled")
#: Statuses in which the merchant may ask customs to cancel the list (not yet released).
CANCELLABLE = frozenset({CaseStatus.DECLARED.value, CaseStatus.ACCEPTED.value, CaseStatus.INSPECTION.value})
#: Sent when a case changes status; sender: the case, keyword ``previous``.
case_status_changed = _signals.signal("clearance-case-status-changed")


class ClearanceError(ValueError):
    """An operation that the case's state does not allow."""


def case_for(sub_order_id: int) -> ClearanceCase | None:
    """The case of a sub-order."""
    return db.session.scalar(select(ClearanceCase).where(ClearanceCase.sub_order_id == sub_order_id))


def _event(
    case: ClearanceCase,
    status: str,
    source: str,
    at: datetime,
    *,
    previous: str | None = None,
    return_status: int | None = None,
    info: str = "",
) -> None:
    """Append a history event (status after, status before, what caused it)."""
    case.events.append(
        CaseEvent(
            status=status,
            previous=case.status if previous is None else previous,
            source=source,
            return_status=return_status,
            info=info[:2000],
            at=to_utc(at),
        )
    )


def _move(case: ClearanceCase, status: CaseStatus, source: str, at: datetime, **event) -> None:
    """Change status with a history event and the signal."""
    previous = case.status
    _event(case, status.value, source, at, previous=previous, **event)
    case.status = status.value
    if previous != status.value:
        case_status_changed.send(case, previous=previous)


def open_case(sub_order, *, payment_ref: str = "", now: datetime | None = None) -> ClearanceCase:
    """Create the case of a paid sub-order and write its order (CEB303) and payment (CEB403) to the outbox."""
    now = now or utcnow()
    existing = case_for(sub_order.id)
    if existing is not None:
        return existing
    plat = mapping.platform()
    order, merchant = sub_order.order, sub_order.merchant
    try:
        ebc = mapping.merchant_company(merchant)
        ebc_code, ebc_name = ebc.code, ebc.name
    except mapping.DataProblem:
        ebc_code, ebc_name = "", ((merchant.names or {}).get("zh") or "")[:100]
    case = ClearanceCase(
        sub_order_id=sub_order.id,
        merchant_id=sub_order.merchant_id,
        order_no=sub_order.number,
        cop_no=sub_order.number,
        ebc_code=ebc_code,
        ebc_name=ebc_name,
        owner_code=ebc_code,
        destination=order.country,
        currency=order.currency,
        customs_code=plat.customs_code,
        port_code=plat.port_code,
        traf_mode=traf_mode_of(order.transport_mode) or plat.traf_mode,
        goods_minor=sub_order.goods_minor,
        freight_minor=sub_order.shipping_minor,
        pay_no=(payment_ref or "")[:60],
        paid_at=to_utc(order.paid_at or now),
        gross_weight=mapping.kilograms(sub_order.gross_weight_g),
        net_weight=mapping.kilograms(sub_order.net_weight_g),
        status=CaseStatus.DECLARED.value,
        revision=1,
    )
    case.lines = [mapping.snapshot_line(gnum, line) for gnum, line in enumerate(sub_order.lines, start=1)]
    db.session.add(case)
    db.session.flush()
    _event(case, CaseStatus.DECLARED.value, "paid", now, previous="")
    declare(case, mapping.ORDER_KINDS, now=now)
    return case


def open_cases(order, *, payment_ref: str = "", now: datetime | None = None) -> list[ClearanceCase]:
    """Open a case for every sub-order of a paid order."""
    return [open_case(sub, payment_ref=payment_ref, now=now) for sub in order.sub_orders]


def document(case: ClearanceCase, kind: str) -> CaseDocument:
    """The case's record of one document (created on first use)."""
    for doc in case.documents:
        if doc.kind == kind:
            return doc
    doc = CaseDocument(kind=kind, held=False, last_app_type="", last_revision=0)
    case.documents.append(doc)
    return doc


def app_type_for(case: ClearanceCase, kind: str) -> str:
    """Rule 3 (docs/customs.md): 2 (change) while customs holds a record for the document, else 1 (new)."""
    return "2" if document(case, kind).held else "1"


def _last_payload(case: ClearanceCase, kind: str) -> bytes | None:
    """The payload of the last message of a kind sent for the case."""
    return db.session.scalar(
        select(OutboxMessage.payload)
        .where(OutboxMessage.case_id == case.id, OutboxMessage.kind == kind)
        .order_by(OutboxMessage.id.desc())
        .limit(1)
    )


def declare(
    case: ClearanceCase,
    kinds: tuple[str, ...],
    *,
    now: datetime,
    only_changed: bool = False,
    always: tuple[str, ...] = (),
) -> list[str]:
    """Build the messages and write them to the outbox (all or none); bad data rejects the case locally.

    Each document goes with the appType of rule 3. ``only_changed`` (resubmission) skips documents customs
    holds whose content did not change (``always`` are sent anyway). Returns the kinds queued
    ([] when the case was rejected locally).
    """
    plat = mapping.platform()
    pending = []
    for kind in kinds:
        key = f"{kind}:{case.id}:{case.revision}"
        guid = new_guid()
        app_type = app_type_for(case, kind)
        try:
            if not case.merchant.is_approved or not case.ebc_code:
                mapping.merchant_company(case.merchant)  # raises with the reason
                raise mapping.DataProblem("merchant has no customs registration code or USCC")
            if case.logistics_no and len(case.logistics_no) > mapping.LOGISTICS_NO_MAX:
                raise mapping.DataProblem(
                    f"tracking number {case.logistics_no!r} is longer than {mapping.LOGISTICS_NO_MAX} "
                    "characters (spec logisticsNo C..32)"
                )
            if case.logistics_no and not case.logistics_code:
                mapping.platform().logistics_for(case.carrier)  # raises: unknown carrier
            payload = mapping.build(kind, case, plat, guid=guid, app_type=app_type, when=now)
        except mapping.DataProblem as exc:
            reject(case, kind, str(exc), now, source="local")
            return []
        unchanged = only_changed and kind not in always and app_type == "2"
        if unchanged and mapping.same_content(payload, _last_payload(case, kind)):
            continue
        pending.append((kind, key, guid, payload, app_type))
    for kind, key, guid, payload, app_type in pending:
        doc = document(case, kind)
        doc.last_app_type, doc.last_revision = app_type, case.revision
        outbox.enqueue(
            kind,
            guid=guid,
            business_key=key,
            payload=payload,
            ref=mapping.ref_for(kind, case),
            now=now,
            app_type=app_type,
            case_id=case.id,
        )
    return [kind for kind, *_rest in pending]


def ship(sub_order, *, carrier: str, tracking_no: str, now: datetime | None = None) -> ClearanceCase:
    """Record the carrier and waybill number; write the waybill (CEB505) and inventory list (CEB603)."""
    now = now or utcnow()
    case = case_for(sub_order.id) or open_case(sub_order, now=now)
    try:
        company = mapping.platform().logistics_for(carrier)
    except mapping.DataProblem:
        company = None  # declare() refuses locally with the reason; the parcel is shipped all the same
    case.carrier = (carrier or "")[:80]
    case.logistics_code = company.code if company else ""
    case.logistics_name = company.name if company else ""
    case.logistics_no = (tracking_no or "").strip()[:40]
    case.shipped_at = to_utc(sub_order.shipped_at or now)
    case.gross_weight = mapping.kilograms(sub_order.gross_weight_g)
    case.net_weight = mapping.kilograms(sub_order.net_weight_g)
    _event(case, case.status, "shipped", now, info=f"{case.carrier} {case.logistics_no}")
    if not case.is_rejected:  # a rejected case sends everything when it is resubmitted
        declare(case, mapping.SHIPPING_KINDS, now=now)
    return case


def reject(
    case: ClearanceCase,
    kind: str,
    reason: str,
    at: datetime,
    *,
    source: str,
    return_status: int | None = None,
) -> None:
    """Mark the case rejected with the reason and tell the merchant."""
    case.reject_reason = reason[:2000] or "-"
    case.rejected_kind = kind
    _move(case, CaseStatus.REJECTED, source, at, return_status=return_status, info=reason)
    log.warning("clearance case %s (%s) rejected on %s: %s", case.id, case.order_no, kind, reason)
    case_rejected.send(case)


def _dates(case: ClearanceCase, status: CaseStatus, at: datetime) -> None:
    """Stamp when the list was released, departed and closed (first time only)."""
    when = to_utc(at)
    if status in (CaseStatus.RELEASED, CaseStatus.DEPARTED, CaseStatus.CLOSED) and case.released_at is None:
        case.released_at = when
    if status == CaseStatus.DEPARTED and case.departed_at is None:
        case.departed_at = when
    if status == CaseStatus.CLOSED and case.closed_at is None:
        case.closed_at = when


def _hold(case: ClearanceCase, receipt: Receipt, message: OutboxMessage | None) -> None:
    """Track what customs holds of the document this receipt answers (rule 3)."""
    kind = RECEIPT_FOR.get(receipt.kind)
    if kind is None:
        return
    doc, status = document(case, kind), receipt.return_status
    if (
        message is not None
        and message.kind == kind
        and message.business_key.rsplit(":", 1)[-1] != str(doc.last_revision)
    ):
        return  # a late receipt for an older version says nothing about the current one
    doc.last_status = status
    if status >= 120:
        doc.held = True
    elif is_refusal(status) and (message.app_type if message is not None else doc.last_app_type) == "1":
        doc.held = False  # a refused new document leaves nothing behind at customs


def send_again(message: OutboxMessage, info: str, *, now: datetime) -> None:
    """Status 4 (发送海关失败): the e-port could not reach customs; queue the message again with backoff."""
    config = current_app.config
    outbox.requeue(
        message,
        f"[4] 发送海关失败 (the e-port could not send it to customs): {info}",
        now=now,
        max_attempts=int(config.get("CLEARANCE_MAX_ATTEMPTS", 8)),
        base=float(config.get("CLEARANCE_BACKOFF_SECONDS", 30)),
        cap=float(config.get("CLEARANCE_BACKOFF_MAX_SECONDS", 3600)),
    )


def apply_receipt(
    case: ClearanceCase, receipt: Receipt, message: OutboxMessage | None, *, now: datetime | None = None
) -> None:
    """Move a case with a status receipt (CEB304/404/506/604/510/608): forward only, refusals reject (a refused
    departure or list master bill is history only: the operator and the merchant see it)."""
    at, status, info = receipt.return_time, receipt.return_status, receipt.return_info
    last = to_utc(case.last_return_at)
    stale = last is not None and to_utc(at) < last
    if message is not None:
        message.receipt_status, message.answered_at = status, to_utc(at)
    if receipt.kind == "CEB604":
        case.pre_no = receipt.keys.get("preNo") or case.pre_no
        case.invt_no = receipt.keys.get("invtNo") or case.invt_no
    _hold(case, receipt, message)
    if receipt.kind == "CEB606" and status != TRANSPORT_FAILED:
        _cancel_answered(case, receipt)
        return
    if case.status == CaseStatus.CANCELLED.value:  # nothing moves a cancelled list any more
        _event(case, case.status, receipt.kind, at, return_status=status, info=info)
        return
    if status == TRANSPORT_FAILED:  # the e-port could not reach customs: send again, nothing to correct
        _event(case, case.status, receipt.kind, at, return_status=status, info=info)
        if message is not None and not stale:
            send_again(message, info, now=now or utcnow())
        return
    if is_refusal(status):
        info = errors.explain(status, info)
        if stale or receipt.kind in ("CEB510", "CEB608") or case.is_rejected:
            _event(case, case.status, receipt.kind, at, return_status=status, info=info)
            return
        reject(case, RECEIPT_FOR[receipt.kind], info, at, source=receipt.kind, return_status=status)
        case.return_status, case.return_info, case.last_return_at = status, info, to_utc(at)
        return
    new = list_status(status) if receipt.kind == "CEB604" else None
    if receipt.kind == "CEB510" and status in (120, 399, 800, 899):
        new = CaseStatus.DEPARTED
    if new is None or case.is_rejected or RANK[new] <= RANK[CaseStatus(case.status)]:
        _event(case, case.status, receipt.kind, at, return_status=status, info=info)
        return
    _dates(case, new, at)
    _move(case, new, receipt.kind, at, return_status=status, info=info)
    case.return_status, case.return_info = status, info
    case.last_return_at = max(filter(None, (last, to_utc(at))))
    per_parcel = current_app.config.get("CLEARANCE_DEPARTURE") == "parcel"
    if new == CaseStatus.RELEASED and case.logistics_no and per_parcel:
        declare(case, ("CEB509",), now=now or utcnow())  # legacy: one departure per parcel, no conveyance


def correct(
    case: ClearanceCase,
    *,
    lines: dict[int, dict],
    gross_weight: Decimal | None = None,
    net_weight: Decimal | None = None,
) -> None:
    """Change the declared data of a rejected case (HS code, names, units, legal quantities, weights)."""
    if not case.is_rejected:
        raise ClearanceError("only a rejected case can be corrected")
    by_gnum = {line.gnum: line for line in case.lines}
    for gnum, values in lines.items():
        line = by_gnum.get(gnum)
        if line is None:
            raise ClearanceError(f"no line {gnum}")
        for name in ("gcode", "item_name", "gmodel", "unit", "qty", "unit1", "qty1"):
            if name in values and values[name] not in (None, ""):
                setattr(line, name, values[name])
        if "unit2" in values:  # the second legal unit may be cleared (codes without one)
            line.unit2 = values["unit2"] or None
            line.qty2 = values.get("qty2") if line.unit2 else None
    if gross_weight is not None:
        case.gross_weight = gross_weight
    if net_weight is not None:
        case.net_weight = net_weight
    db.session.flush()


def resubmit(case: ClearanceCase, *, now: datetime | None = None) -> bool:
    """Send the corrected case again (appType 2, same document numbers, new guids); False if still invalid."""
    now = now or utcnow()
    if not case.is_rejected:
        raise ClearanceError("only a rejected case can be resubmitted")
    refresh_merchant_identity(case)
    if case.logistics_no and not case.logistics_code:  # the carrier table may have been completed since
        try:
            company = mapping.platform().logistics_for(case.carrier)
            case.logistics_code, case.logistics_name = company.code, company.name
        except mapping.DataProblem:
            pass  # declare() rejects locally again with the reason
    refused = case.rejected_kind
    case.revision += 1
    case.reject_reason, case.rejected_kind = "", ""
    case.last_return_at = to_utc(now)
    _move(case, CaseStatus.DECLARED, "resubmit", now, info=f"revision {case.revision}")
    kinds = mapping.ORDER_KINDS + (mapping.SHIPPING_KINDS if case.logistics_no else ())
    sent = declare(case, kinds, now=now, only_changed=True, always=(refused,))
    if sent:
        case.events[-1].info = f"revision {case.revision}: " + ", ".join(sent)
    return bool(sent)


def refresh_merchant_identity(case: ClearanceCase) -> None:
    """Re-read the shipper's customs code and name from the merchant (who may have corrected them)."""
    try:
        ebc = mapping.merchant_company(case.merchant)
    except mapping.DataProblem:
        return  # declare() rejects locally with the reason
    if ebc.code != case.ebc_code:  # order and payment are keyed by ebcCode: new documents under the new code
        for kind in ("CEB303", "CEB403"):
            document(case, kind).held = False
    case.ebc_code, case.ebc_name, case.owner_code = ebc.code, ebc.name, ebc.code


def can_cancel(case: ClearanceCase) -> bool:
    """True while the merchant may ask customs to cancel the list: it has a list number, not released."""
    return case.status in CANCELLABLE and bool(case.invt_no) and case.cancel_requested_at is None


def request_cancel(case: ClearanceCase, reason: str, *, now: datetime | None = None) -> None:
    """Ask customs to cancel the list (CEB605, signed by the worker); CEB606 answers it."""
    now = now or utcnow()
    reason = " ".join((reason or "").split())[:200]
    if not reason:
        raise ClearanceError("a reason is required to cancel a list")
    if not can_cancel(case):
        raise ClearanceError("only a declared list that customs has not released can be cancelled")
    case.cancel_reason, case.cancel_requested_at = reason, to_utc(now)
    _event(case, case.status, "cancel", now, info=reason)
    if not declare(case, ("CEB605",), now=now):
        case.cancel_requested_at = None


def _cancel_answered(case: ClearanceCase, receipt: Receipt) -> None:
    """CEB606: cancellation approved (399 审结 or later) → cancelled; refused → the request is withdrawn."""
    at, status, info = receipt.return_time, receipt.return_status, receipt.return_info
    if is_refusal(status):
        reason = errors.explain(status, info)
        _event(case, case.status, receipt.kind, at, return_status=status, info=reason)
        case.cancel_requested_at = None  # the merchant sees why and may ask again
        case.return_info = reason
        return
    if status >= 399 and case.status != CaseStatus.CANCELLED.value:
        _move(case, CaseStatus.CANCELLED, receipt.kind, at, return_status=status, info=info)
        case.return_status, case.return_info = status, info
        case_cancelled.send(case)
        return
    _event(case, case.status, receipt.kind, at, return_status=status, info=info)
