"""CEB605 cancellation from the merchant's order page, answered by CEB606 (issue 19 #11, acceptance)."""

from __future__ import annotations

from lxml import etree

from storefront.clearance import operations
from storefront.clearance.messages.common import NS
from storefront.clearance.signing import Sm2Signer, generate_identity, verify_signature
from storefront.clearance.status import CaseStatus
from storefront.clearance.transports.simulator import Simulator, db_lookup
from storefront.extensions import db
from tests.backoffice_helpers import client_as
from tests.clearance.helpers import Clock, case_of, drain, messages, paid_order, ship, simulator_worker


class Capture:
    """Records what the worker sends, then lets the simulator answer."""

    name = "simulator"

    def __init__(self, inner):
        self.inner, self.sent = inner, []

    def send(self, message):
        self.sent.append(message)
        self.inner.send(message)

    def receive(self):
        return self.inner.receive()


def test_merchant_cancels_a_list_before_release(app, ctx, make):
    """Order → 603 accepted (120) → the merchant cancels on the order page → signed CEB605 → CEB606 399."""
    cancelled = []

    def receiver(case):
        cancelled.append(case.id)

    operations.case_cancelled.connect(receiver)
    try:
        _cancel_flow(app, make, cancelled)
    finally:
        operations.case_cancelled.disconnect(receiver)


def _cancel_flow(app, make, cancelled):
    merchant = make.merchant()
    order = paid_order(make, [(make.product(merchant, stock=5), 1)])
    sub = order.sub_orders[0]
    ship(sub)
    clock = Clock()
    key, cert = generate_identity("sm2", "t")
    transport = Capture(Simulator(lookup=db_lookup, clock=clock, hold_lists=True))
    drain(simulator_worker(app, clock, transport, signer=Sm2Signer(key, cert)))
    case = case_of(sub)
    assert case.status == CaseStatus.ACCEPTED and case.invt_no and operations.can_cancel(case)
    client = client_as(app, merchant.owner)
    page = client.get(f"/en/merchant/orders/{sub.id}").get_data(as_text=True)
    assert 'id="cancel-list"' in page
    url = f"/en/merchant/clearance/{case.id}/cancel"
    assert client_as(app, make.merchant().owner).post(url, data={"reason": "x"}).status_code == 404
    client.post(url, data={"reason": "  "})
    assert case_of(sub).cancel_requested_at is None  # a reason is required
    assert client.post(url, data={"reason": "买家取消订单 (buyer cancelled)"}).status_code == 302
    case = case_of(sub)
    assert case.cancel_requested_at is not None and case.cancel_reason == "买家取消订单 (buyer cancelled)"
    assert 'id="cancel-pending"' in client.get(f"/en/merchant/orders/{sub.id}").get_data(as_text=True)
    (cancel,) = messages(kind="CEB605")
    assert cancel.app_type == "1" and cancel.ref == case.cop_no
    drain(simulator_worker(app, clock, transport, signer=Sm2Signer(key, cert)))
    sent = next(m for m in transport.sent if m.kind == "CEB605")
    verify_signature(sent.data, cert)  # CEB605 is signed (spec §6)
    root = etree.fromstring(sent.data)
    assert root.findtext(f".//{{{NS}}}invtNo") == case.invt_no
    assert root.findtext(f".//{{{NS}}}reason") == "买家取消订单 (buyer cancelled)"
    case = case_of(sub)
    assert case.status == CaseStatus.CANCELLED and cancelled == [case.id]
    assert [e.source for e in case.events][-4:] == ["cancel", "CEB606", "CEB606", "CEB606"]
    assert not operations.can_cancel(case)


def test_released_list_cannot_be_cancelled_and_refusal_is_shown(app, ctx, make):
    """A released list has no cancel form; a CEB606 refusal withdraws the request with its code."""
    from storefront.clearance import ingest
    from storefront.clearance.messages.receipts import build_receipt

    order = paid_order(make, [(make.product(make.merchant(), stock=5), 1)])
    sub = order.sub_orders[0]
    ship(sub)
    clock = Clock()
    transport = Simulator(lookup=db_lookup, clock=clock, hold_lists=True)
    drain(simulator_worker(app, clock, transport))
    case = case_of(sub)
    operations.request_cancel(case, "重复下单")
    db.session.commit()
    keys = {"agentCode": "A", "copNo": case.cop_no, "preNo": case.pre_no, "invtNo": case.invt_no}
    ingest.ingest(build_receipt("CEB606", keys, -623005, "清单状态不符", clock()), now=clock())
    db.session.commit()
    case = case_of(sub)
    assert case.status == CaseStatus.ACCEPTED and case.cancel_requested_at is None
    assert "[-623005]" in case.events[-1].info and operations.can_cancel(case)
    drain(simulator_worker(app, clock))  # nothing pending; the list is released elsewhere
    case.status = CaseStatus.RELEASED.value
    db.session.commit()
    assert not operations.can_cancel(case)
