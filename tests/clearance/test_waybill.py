"""List master bill (清单总分单, CEB607 → CEB608; issue 19 #6, spec §2.15–2.16): a departure batch whose lists were
declared before their conveyance declares it in a CEB607 listing the waybills, signed, XSD-valid, and the CEB608 is
matched on copNo + logisticsCode + billNo and recorded on every parcel of the batch."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from lxml import etree
from sqlalchemy import select

from storefront.clearance import departures, ingest, mapping, xsd
from storefront.clearance.messages.common import NS
from storefront.clearance.messages.receipts import build_receipt
from storefront.clearance.models import ReceiptRecord
from storefront.clearance.signing import (
    RsaSigner,
    SignatureInvalid,
    Sm2Signer,
    generate_identity,
    verify_signature,
)
from storefront.clearance.status import CaseStatus, MessageStatus, ReceiptState
from storefront.extensions import db
from tests.clearance.helpers import case_of, drain, messages, simulator_worker
from tests.clearance.test_departures import FLIGHT, _released

BATCH_DEPARTURES = True
HEAD = (
    "customsCode",
    "copNo",
    "agentCode",
    "agentName",
    "trafMode",
    "trafName",
    "voyageNo",
    "billNo",
    "grossWeight",
    "logisticsCode",
    "logisticsName",
    "msgCount",
    "msgSeqNo",
)


def _declared(app, make):
    merchant, subs, clock = _released(app, make)
    cases = [case_of(s) for s in subs]
    batch = departures.declare(merchant.id, [c.id for c in cases], **FLIGHT)
    db.session.commit()
    return batch, cases, subs, clock


def test_departure_batch_writes_a_master_bill_from_the_spec_table(app, ctx, make):
    """CEB607 before CEB509, every head field of table 2-31 from the batch, one line per waybill, XSD-valid."""
    batch, cases, _subs, _clock = _declared(app, make)
    assert [m.kind for m in messages() if m.kind in ("CEB607", "CEB509")] == ["CEB607", "CEB509"]
    (message,) = messages(kind="CEB607")
    assert message.ref == departures.waybill_cop_no(batch) == "W" + batch.cop_no[1:]
    assert xsd.validate(message.payload) == []
    root = etree.fromstring(message.payload)
    head = {name: root.findtext(f"{{{NS}}}WayBill/{{{NS}}}WayBillHead/{{{NS}}}{name}") for name in HEAD}
    agent = mapping.platform().agent
    gross = sum((Decimal(c.gross_weight) for c in cases), Decimal(0))
    assert head == {
        "customsCode": cases[0].customs_code,
        "copNo": message.ref,
        "agentCode": agent.code,
        "agentName": agent.name,
        "trafMode": "5",
        "trafName": "大韩航空 KE854",
        "voyageNo": "KE854",
        "billNo": "180-12345675",
        "grossWeight": head["grossWeight"],
        "logisticsCode": batch.logistics_code,
        "logisticsName": batch.logistics_name,
        "msgCount": "1",
        "msgSeqNo": "1",
    }
    assert Decimal(head["grossWeight"]) == gross > 0
    lines = [
        (el.findtext(f"{{{NS}}}gnum"), el.findtext(f"{{{NS}}}logisticsNo")) for el in root.iter(f"{{{NS}}}WayBillList")
    ]
    assert lines == [(str(n), c.logistics_no) for n, c in enumerate(cases, start=1)]


@pytest.mark.parametrize("kind", ["sm2", "rsa"])
def test_master_bill_signature_verifies_and_tampering_fails(app, ctx, make, kind):
    """Signed like every signed kind (spec §6): verifies, still XSD-valid; a changed bill of lading fails."""
    _released_batch = _declared(app, make)
    (message,) = messages(kind="CEB607")
    key, cert = generate_identity(kind, "master bill")
    signed = (Sm2Signer if kind == "sm2" else RsaSigner)(key, cert).sign(message.payload)
    verify_signature(signed, cert)
    assert xsd.validate(signed) == []
    with pytest.raises(SignatureInvalid):
        verify_signature(signed.replace(b"180-12345675", b"180-99999999"), cert)


def test_master_bill_receipt_is_matched_and_recorded_on_every_parcel(app, ctx, make):
    """The simulator answers CEB608 (2, 120): matched to the CEB607 on its business keys, every parcel of the batch
    shows it in its history, and the departure then closes the lists."""
    batch, cases, subs, clock = _declared(app, make)
    drain(simulator_worker(app, clock))
    (message,) = messages(kind="CEB607")
    assert message.receipt_status == 120
    records = db.session.scalars(select(ReceiptRecord).where(ReceiptRecord.kind == "CEB608")).all()
    assert {(r.state, r.message_id, r.return_status) for r in records} == {
        (ReceiptState.APPLIED.value, message.id, 2),
        (ReceiptState.APPLIED.value, message.id, 120),
    }
    for sub in subs:
        case = case_of(sub)
        assert [e.return_status for e in case.events if e.source == "CEB608"] == [2, 120]
        assert case.status == CaseStatus.CLOSED and case.departure_id == batch.id


def _receipt(message, status, info="", **change):
    root = etree.fromstring(message.payload)
    keys = {name: root.findtext(f".//{{{NS}}}{name}") for name in ("agentCode", "logisticsCode", "copNo", "billNo")}
    keys.update(preNo="E20260000000000001", msgSeqNo="1", **change)
    when = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
    return build_receipt("CEB608", keys, status, info, when)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"billNo": "180-00000000"}, "billNo=180-00000000"),
        ({"logisticsCode": "91210200MA0KJ9999X"}, "logisticsCode=91210200MA0KJ9999X"),
    ],
)
def test_master_bill_receipt_with_other_business_keys_is_quarantined(app, ctx, make, change, reason):
    """copNo alone never matches: a CEB608 whose bill of lading or logistics enterprise differs is quarantined."""
    _declared(app, make)
    (message,) = messages(kind="CEB607")
    result = ingest.ingest(_receipt(message, 120, **change), source="test")
    db.session.commit()
    assert result.quarantined == 1
    record = db.session.scalars(select(ReceiptRecord).where(ReceiptRecord.kind == "CEB608")).one()
    assert record.state == ReceiptState.QUARANTINED.value and reason in record.error
    assert messages(kind="CEB607")[0].receipt_status is None


def test_master_bill_refusal_is_shown_and_transport_failure_resent(app, ctx, make):
    """A refusal (100) is recorded with its reason on every parcel but does not reject the released lists (the
    conveyance is corrected by the logistics side); status 4 puts the CEB607 back in the queue."""
    _batch, cases, subs, _clock = _declared(app, make)
    (message,) = messages(kind="CEB607")
    ingest.ingest(_receipt(message, 100, "提运单号与舱单不符"), source="test")
    db.session.commit()
    for sub in subs:
        case = case_of(sub)
        assert case.status == CaseStatus.RELEASED
        (event,) = [e for e in case.events if e.source == "CEB608"]
        assert event.return_status == 100 and "提运单号与舱单不符" in event.info
    message.status = MessageStatus.SENT.value
    db.session.commit()
    ingest.ingest(_receipt(message, 4, "网络异常"), source="test")
    db.session.commit()
    (message,) = messages(kind="CEB607")
    assert message.status == MessageStatus.PENDING.value and message.last_error.startswith("[4]")
