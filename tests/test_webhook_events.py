"""Webhook events order.refunded and customs.status (issue 18): queued once per change in the transaction that
records it, for the merchant concerned only, signed on delivery, payloads checked field by field."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime

import pytest

from storefront.clearance import operations as clearance_ops
from storefront.clearance.messages.receipts import Receipt
from storefront.extensions import db
from storefront.integrations import webhooks
from storefront.ordering.models import Order
from storefront.ordering.payable import KIND
from storefront.payments import refunds
from tests.backoffice_helpers import client_as
from tests.fake_stripe import FakeStripe
from tests.test_ledger import pay_by_card

EVENTS = ["order.paid", "order.shipped", "order.refunded", "customs.status"]


@pytest.fixture
def card(app):
    gateway = FakeStripe.from_app(app, prefix="pi_wh_")
    app.extensions["kj_payment_gateway"] = gateway
    yield gateway
    app.extensions.pop("kj_payment_gateway", None)


@pytest.fixture
def two_merchants(make, card):
    """A paid CNY order of two merchants, each with an endpoint for every event."""
    make.rates()
    m1, m2 = make.merchant(), make.merchant()
    order = make.order([(make.product(m1, price_fen=10000), 2), (make.product(m2, price_fen=5000), 3)], currency="CNY")
    for merchant in (m1, m2):
        webhooks.add_endpoint(merchant.id, f"http://127.0.0.1:9/{merchant.id}", EVENTS, merchant.owner)
    db.session.commit()
    pay_by_card(card, KIND, order)
    db.session.expire_all()
    return m1, m2, db.session.get(Order, order.id)


def _events(merchant, event: str) -> list:
    return [d for d in webhooks.deliveries_of(merchant.id) if d.event == event]


def test_refund_event_once_per_refund_for_the_merchant_concerned(app, two_merchants, card):
    m1, m2, order = two_merchants
    sub1, sub2 = order.sub_orders
    row = refunds.refund(KIND, order, 4000, actor="merchant:2", reason="damaged", sub_order=sub2)
    db.session.commit()
    assert refunds.complete(row) is False  # a second confirmation (webhook, reconcile) changes nothing
    db.session.commit()
    [event] = _events(m2, "order.refunded")
    assert event.payload == {
        "event": "order.refunded", "order": sub2.number, "refund": row.id, "amount_minor": 4000, "currency": "CNY",
        "reason": "damaged", "whole_order": False,
    }  # fmt: skip
    assert _events(m1, "order.refunded") == []  # another merchant's refund is not shown to m1
    rest = refunds.refundable(KIND, order).minor
    whole = refunds.refund(KIND, order, rest, actor="operator:1", reason="cancelled")
    db.session.commit()
    shares = {m.id: [e.payload for e in _events(m, "order.refunded") if e.payload["refund"] == whole.id]
              for m in (m1, m2)}  # fmt: skip
    assert sum(p["amount_minor"] for ps in shares.values() for p in ps) == rest  # split by the ledger
    assert [p["order"] for p in shares[m1.id]] == [sub1.number] and shares[m1.id][0]["whole_order"] is True
    assert shares[m1.id][0]["amount_minor"] == sub1.total_minor  # m1's whole part; m2 gives back the rest of its
    assert [p["amount_minor"] for p in shares[m2.id]] == [sub2.total_minor - 4000]


def test_customs_status_events_with_the_error_code(app, two_merchants):
    m1, m2, order = two_merchants
    case = clearance_ops.case_for(order.sub_orders[0].id)
    at = datetime.now(UTC)
    assert _events(m1, "customs.status") == []  # declaring at payment is not a change of status
    clearance_ops.apply_receipt(case, Receipt("CEB604", "g1", {}, 120, at, "入库成功"), None)
    clearance_ops.apply_receipt(case, Receipt("CEB604", "g2", {}, 120, at, "入库成功"), None)  # same status again
    clearance_ops.apply_receipt(case, Receipt("CEB604", "g3", {}, -301010, at, "商品编码错误"), None)
    db.session.commit()
    payloads = [e.payload for e in reversed(_events(m1, "customs.status"))]
    assert [(p["previous"], p["status"]) for p in payloads] == [("declared", "accepted"), ("accepted", "rejected")]
    assert payloads[0]["error_code"] is None and payloads[0]["order"] == case.order_no and payloads[0]["at"]
    assert payloads[1]["error_code"] == -301010 and payloads[1]["reason"]
    assert _events(m2, "customs.status") == []
    other = clearance_ops.case_for(order.sub_orders[1].id)
    clearance_ops.apply_receipt(other, Receipt("CEB604", "g4", {}, 800, at, "放行"), None)
    db.session.commit()
    [released] = _events(m2, "customs.status")
    assert (released.payload["status"], released.payload["error_code"]) == ("released", None)


def test_new_events_are_signed_on_delivery_and_offered_on_the_settings_page(app, two_merchants, card):
    m1, _m2, order = two_merchants
    refunds.refund(KIND, order, 1000, actor="merchant:1", sub_order=order.sub_orders[0])
    db.session.commit()
    sent = []
    stats = webhooks.deliver_due(post=lambda url, body, headers, timeout: sent.append((url, body, headers)) or 200)
    assert stats["delivered"] == len(sent) >= 3  # paid for each merchant, and the refund
    [(_url, body, headers)] = [s for s in sent if s[2]["X-Kuajing-Event"] == "order.refunded"]
    [endpoint] = webhooks.endpoints_of(m1.id)
    digest = hmac.new(endpoint.secret.encode(), headers["X-Kuajing-Timestamp"].encode() + b"." + body, hashlib.sha256)
    assert headers["X-Kuajing-Signature"] == f"sha256={digest.hexdigest()}"
    assert json.loads(body)["amount_minor"] == 1000
    page = client_as(app, m1.owner).get("/zh/merchant/webhooks").get_data(as_text=True)
    assert 'value="order.refunded"' in page and 'value="customs.status"' in page
    assert "订单已退款" in page and "清关状态变更" in page  # translated labels
