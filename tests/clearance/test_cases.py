"""Cases from real orders: XSD-valid messages for KR/RU/MN buyers in several currencies, rejections by the
simulator (missing HS code, zero weight), local data problems, correction and resubmission (appType 2)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from storefront.clearance import operations, xsd
from storefront.clearance.messages.common import NS
from storefront.clearance.signing import RsaSigner, verify_signature
from storefront.clearance.status import CaseStatus
from storefront.clearance.transports.simulator import Simulator, db_lookup
from storefront.extensions import db
from tests.clearance.helpers import (
    Clock,
    case_of,
    drain,
    messages,
    order_keys,
    paid_order,
    ship,
    simulator_worker,
)


def _texts(xml: bytes, name: str) -> list[str]:
    return [el.text or "" for el in etree.fromstring(xml).iter(f"{{{NS}}}{name}")]


class Capture:
    """Keeps what the worker hands to the transport (signed bytes) and forwards to the simulator."""

    name = "capture"

    def __init__(self, inner):
        self.inner, self.sent = inner, []

    def send(self, message):
        self.sent.append(message)
        self.inner.send(message)

    def receive(self):
        return self.inner.receive()


@pytest.mark.parametrize(
    ("country", "currency", "customs_country"),
    [("KR", "KRW", "133"), ("RU", "USD", "344"), ("MN", "CNY", "124"), ("RU", "EUR", "344")],
)
def test_every_message_of_a_real_order_validates(
    app, ctx, make, xsd_ready, rsa_identity, country, currency, customs_country
):
    merchant = make.merchant()
    items = [
        (make.product(merchant, stock=9), 2),
        (
            make.product(merchant, stock=9, customs_unit="011", hs_code="6112410000", customs_name="女式泳衣"),
            3,
        ),
        (
            make.product(merchant, stock=9, customs_unit="007", hs_code="8424200000", customs_name="洗车喷枪"),
            1,
        ),
    ]
    order = paid_order(make, items, currency=currency, country=country)
    ship(order.sub_orders[0])
    key, cert = rsa_identity
    clock = Clock()
    transport = Capture(Simulator(lookup=db_lookup, clock=clock))
    drain(simulator_worker(app, clock, transport, signer=RsaSigner(key, cert)))
    assert case_of(order.sub_orders[0]).status == CaseStatus.CLOSED
    kinds = [m.kind for m in transport.sent]
    assert kinds == ["CEB303", "CEB403", "CEB505", "CEB603", "CEB509"]
    for message in transport.sent:
        assert xsd.validate(message.data) == [], message.kind
    inventory = transport.sent[3].data
    verify_signature(inventory, cert)  # the list is signed (spec §6), the order is not
    assert b"Signature" not in transport.sent[0].data
    assert _texts(inventory, "gnum") == ["1", "2", "3"]
    assert set(_texts(inventory, "country")) == {customs_country}
    assert _texts(inventory, "gcode") == ["7228300000", "6112410000", "8424200000"]
    assert _texts(inventory, "unit") == ["035", "011", "007"]


def test_missing_hs_code_is_refused_locally_then_corrected_and_resubmitted(app, ctx, make):
    """No HS code: nothing reaches customs (no 0000000000 placeholder); the reason says what to add."""
    merchant = make.merchant(contact_email="export@merchant.example")
    product = make.product(merchant, stock=9, hs_code="", customs_unit="011", net_weight_g=250)
    order = paid_order(make, [(product, 2)], currency="USD", country="RU")
    sub = order.sub_orders[0]
    ship(sub)
    case = case_of(sub)
    assert case.status == CaseStatus.REJECTED and case.rejected_kind == "CEB303"
    assert "legal_units.toml" in case.reject_reason and "(none)" in case.reject_reason
    assert messages() == []  # nothing was queued, nothing will be sent
    mails = list((Path(app.config["DATA_DIR"]) / "mail").glob("*.eml"))
    assert any(f"{sub.number}" in mail.read_text(errors="replace") for mail in mails)
    operations.correct(
        case,
        lines={1: {"gcode": "6112410000", "unit1": "011", "qty1": Decimal(2), "unit2": "035", "qty2": Decimal("0.5")}},
    )
    assert operations.resubmit(case)
    db.session.commit()
    resent = messages(status="pending")
    assert [m.kind for m in resent] == ["CEB303", "CEB403", "CEB505", "CEB603"]
    list_xml = resent[3].payload
    assert _texts(list_xml, "gcode") == ["6112410000"]
    assert (_texts(list_xml, "unit1"), _texts(list_xml, "qty1")) == (["011"], ["2"])
    assert (_texts(list_xml, "unit2"), _texts(list_xml, "qty2")) == (["035"], ["0.5"])
    clock = Clock()
    drain(simulator_worker(app, clock))
    case = case_of(sub)
    assert case.status == CaseStatus.CLOSED and case.reject_reason == ""
    statuses = [e.status for e in case.events if e.changed]
    assert statuses == ["declared", "rejected", "declared", "accepted", "released", "departed", "closed"]
    with pytest.raises(operations.ClearanceError):
        operations.resubmit(case)  # only a rejected case


def test_zero_net_weight_is_rejected_by_customs(app, ctx, make):
    merchant = make.merchant()
    product = make.product(merchant, stock=9, customs_unit="011")
    order = make.order([(product, 1)], currency="USD", country="KR")
    order.sub_orders[0].net_weight_g = 0
    from storefront.ordering.operations import mark_paid

    mark_paid(order, payment_ref="pi_zero", cause="payment_succeeded", actor="test")
    db.session.commit()
    ship(order.sub_orders[0])
    drain(simulator_worker(app, Clock()))
    case = case_of(order.sub_orders[0])
    assert case.status == CaseStatus.REJECTED
    assert "净重必须大于0" in case.reject_reason


def test_inspection_step(app, ctx, make):
    merchant = make.merchant()
    order = paid_order(make, [(make.product(merchant, stock=9), 1)], currency="USD", country="KR")
    ship(order.sub_orders[0])
    clock = Clock()
    drain(simulator_worker(app, clock, Simulator(lookup=db_lookup, clock=clock, inspect_over="0")))
    case = case_of(order.sub_orders[0])
    assert [e.status for e in case.events if e.changed][:4] == [
        "declared",
        "accepted",
        "inspection",
        "released",
    ]
    assert case.status == CaseStatus.CLOSED


def test_merchant_without_customs_identity_is_rejected_locally_and_payment_stands(app, ctx, make):
    merchant = make.merchant()
    merchant.customs_code, merchant.uscc = "", ""
    order = paid_order(make, [(make.product(merchant, stock=9), 1)])
    case = case_of(order.sub_orders[0])
    assert order.status == "paid"
    assert case.status == CaseStatus.REJECTED and "customs registration code" in case.reject_reason
    assert messages() == []


def test_order_refused_holds_the_list_until_resubmitted(app, ctx, make):
    from storefront.clearance import ingest
    from storefront.clearance.messages.receipts import build_receipt

    merchant = make.merchant()
    order = paid_order(make, [(make.product(merchant, stock=9), 1)])
    sub = order.sub_orders[0]
    clock = Clock()
    worker = simulator_worker(app, clock)
    worker.run_once()
    ingest.ingest(
        build_receipt(
            "CEB304",
            order_keys(sub),
            100,
            "订单重复",
            clock() + timedelta(minutes=1),
        )
    )
    db.session.commit()
    ship(sub)
    assert [m.kind for m in messages()] == ["CEB303", "CEB403"]  # nothing more while rejected
    case = case_of(sub)
    assert case.rejected_kind == "CEB303" and case.logistics_no
    operations.resubmit(case)
    db.session.commit()
    # the payment customs holds is not sent again; the refused order goes as new, waybill and list first time
    pending = [(m.kind, m.app_type) for m in messages(status="pending")]
    assert pending == [("CEB303", "1"), ("CEB505", "1"), ("CEB603", "1")]


def test_a_decimal_quantity_is_declared_in_the_customs_units_and_validates(app, ctx, make, xsd_ready):
    """2.5 t of magnesia (stored 2500 kg-steps, 1 t net per tonne) declares 2500 in 035 千克; 3.75 m of a bar
    declared in 030 米 declares 3.75; the list validates against ceb-export-2022.xsd."""
    merchant = make.merchant()
    magnesia = make.product(
        merchant,
        unit="tonne",
        moq=500,
        qty_step=500,
        stock=10_000,
        price_fen=432_001,
        hs_code="2519901000",
        customs_name="电熔镁砂",
        customs_unit="035",
        net_weight_g=1_000_000,
        gross_weight_g=1_002_000,
    )
    bar = make.product(
        merchant,
        unit="metre",
        stock=10_000,
        price_fen=3_333,
        customs_unit="030",
        net_weight_g=15_400,
        gross_weight_g=15_600,
    )
    order = paid_order(make, [(magnesia, 2500), (bar, 375)], currency="CNY")
    ship(order.sub_orders[0])
    clock = Clock()
    transport = Capture(Simulator(lookup=db_lookup, clock=clock))
    drain(simulator_worker(app, clock, transport))
    inventory = next(m.data for m in transport.sent if m.kind == "CEB603")
    assert xsd.validate(inventory) == []
    assert _texts(inventory, "unit") == ["035", "030"]
    assert [Decimal(q) for q in _texts(inventory, "qty")] == [Decimal(2500), Decimal("3.75")]
    assert [Decimal(q) for q in _texts(inventory, "qty1")] == [Decimal(2500), Decimal("57.75")]
    # value: 432 001 fen × 2.5 = 1 080 002.5 → 1 080 003 fen; 3 333 × 3.75 = 12 498.75 → 12 499 fen
    assert [Decimal(v) for v in _texts(inventory, "totalPrice")] == [Decimal("10800.03"), Decimal("124.99")]
    assert case_of(order.sub_orders[0]).status == CaseStatus.CLOSED
