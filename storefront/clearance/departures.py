"""Departures (离境单, CEB509) per shipment batch: the merchant or logistics provider enters the real
conveyance (flight / train / voyage, bill of lading, departure time, exit port) for a set of released parcels,
and one CEB509 lists all their waybills (spec §2.9). The lists were declared before the conveyance was known, so
the batch first declares it in a list master bill (清单总分单, CEB607, spec §2.15; table 2-34: "按照关区要求，
可以后置申报清单总分单"), answered by CEB608. Operations flush; the caller commits."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select

from storefront.clearance import mapping, outbox
from storefront.clearance.messages import (
    Company,
    DepartureData,
    WayBillData,
    build_ceb509,
    build_ceb607,
    new_guid,
)
from storefront.clearance.messages.common import Meta, china_time
from storefront.clearance.models import ClearanceCase, DepartureBatch, to_utc, utcnow
from storefront.clearance.ports import ports
from storefront.clearance.status import CaseStatus
from storefront.extensions import db

#: Spec lengths (table of §2.9): trafName C..100, voyageNo C..32, billNo C..37.
TRAF_NAME_MAX, VOYAGE_NO_MAX, BILL_NO_MAX = 100, 32, 37


class DepartureError(ValueError):
    """The batch cannot be declared (the message says what to fix)."""


def waiting(merchant_id: int) -> list[ClearanceCase]:
    """The merchant's released parcels that no departure has carried yet, oldest first."""
    return list(
        db.session.scalars(
            select(ClearanceCase)
            .where(
                ClearanceCase.merchant_id == merchant_id,
                ClearanceCase.status == CaseStatus.RELEASED.value,
                ClearanceCase.departure_id.is_(None),
                ClearanceCase.logistics_no.is_not(None),
            )
            .order_by(ClearanceCase.released_at, ClearanceCase.id)
        )
    )


def declare(
    merchant_id: int,
    case_ids: list[int],
    *,
    traf_mode: str,
    traf_name: str,
    voyage_no: str,
    bill_no: str,
    leave_time: datetime,
    port_code: str,
    now: datetime | None = None,
) -> DepartureBatch:
    """One CEB509 for the chosen released parcels of one merchant and one logistics enterprise."""
    now = now or utcnow()
    traf_name, voyage_no, bill_no = (" ".join((v or "").split()) for v in (traf_name, voyage_no, bill_no))
    port = ports().get(port_code)
    problems = []
    if port is None:
        problems.append(f"exit port {port_code!r} is not in the port table (data/ports.toml)")
    elif traf_mode not in port.modes:
        problems.append(f"transport mode {traf_mode!r} does not leave from {port.zh} ({port.code})")
    if not traf_name or len(traf_name) > TRAF_NAME_MAX:
        problems.append(f"the conveyance (flight, train, ship) is required, at most {TRAF_NAME_MAX} chars")
    if not voyage_no or len(voyage_no) > VOYAGE_NO_MAX:
        problems.append(f"the flight / train / voyage number is required, at most {VOYAGE_NO_MAX} chars")
    if not bill_no or len(bill_no) > BILL_NO_MAX:
        problems.append(f"the bill of lading / master air waybill is required, at most {BILL_NO_MAX} chars")
    cases = [case for case in waiting(merchant_id) if case.id in set(case_ids)]
    if not cases or len(cases) != len(set(case_ids)):
        problems.append("choose released parcels of yours that no departure has carried yet")
    elif len({case.logistics_code for case in cases}) != 1:
        problems.append("one departure carries the parcels of one logistics enterprise")
    elif len({case.customs_code for case in cases}) != 1:
        problems.append("one departure carries the lists of one customs office of declaration")
    if problems:
        raise DepartureError("; ".join(problems))
    number = (db.session.scalar(select(func.count()).select_from(DepartureBatch)) or 0) + 1
    batch = DepartureBatch(
        merchant_id=merchant_id,
        cop_no=f"D{china_stamp(now)}{merchant_id:05d}{number:06d}"[:30],
        traf_mode=traf_mode,
        traf_name=traf_name,
        voyage_no=voyage_no,
        bill_no=bill_no,
        leave_time=to_utc(leave_time),
        port_code=port_code,
        logistics_code=cases[0].logistics_code,
        logistics_name=cases[0].logistics_name,
        created_at=to_utc(now),
    )
    db.session.add(batch)
    db.session.flush()
    for case in cases:
        case.departure_id = batch.id
    plat = mapping.platform()
    logistics = Company(batch.logistics_code, batch.logistics_name)
    waybill = WayBillData(
        customs_code=cases[0].customs_code,
        cop_no=waybill_cop_no(batch),
        agent=plat.agent,
        logistics=logistics,
        traf_mode=traf_mode,
        traf_name=traf_name,
        voyage_no=voyage_no,
        bill_no=bill_no,
        gross_weight=sum((Decimal(case.gross_weight) for case in cases), Decimal(0)),
        logistics_nos=tuple(case.logistics_no for case in cases),
    )
    guid = new_guid()
    xml = build_ceb607(waybill, Meta(guid, plat.transfer, app_time=now))
    mapping.check(xml)
    outbox.enqueue(
        "CEB607", guid=guid, business_key=f"CEB607:batch:{batch.id}", payload=xml, ref=waybill.cop_no, now=now
    )
    guid = new_guid()
    data = DepartureData(
        customs_code=port_code,
        cop_no=batch.cop_no,
        logistics=Company(batch.logistics_code, batch.logistics_name),
        traf_mode=traf_mode,
        traf_name=traf_name,
        voyage_no=voyage_no,
        bill_no=bill_no,
        leave_time=batch.leave_time,
        logistics_nos=tuple(case.logistics_no for case in cases),
    )
    xml = build_ceb509(data, Meta(guid, plat.transfer, app_time=now))
    mapping.check(xml)
    outbox.enqueue("CEB509", guid=guid, business_key=f"CEB509:batch:{batch.id}", payload=xml, ref=batch.cop_no, now=now)
    return batch


def china_stamp(moment: datetime) -> str:
    """yyyymmdd in Beijing time (document numbers)."""
    return china_time(moment).strftime("%Y%m%d")


def waybill_cop_no(batch: DepartureBatch) -> str:
    """Enterprise number of the batch's list master bill (CEB607): its departure number with W for D."""
    return f"W{batch.cop_no[1:]}"


def batch_for(cop_no: str) -> DepartureBatch | None:
    """The batch a CEB510 (departure number) or CEB608 (master bill number, ``W…``) answers."""
    if cop_no.startswith("W"):
        cop_no = f"D{cop_no[1:]}"
    return db.session.scalar(select(DepartureBatch).where(DepartureBatch.cop_no == cop_no))
