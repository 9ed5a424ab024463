"""Outbound webhooks: queued in the order's transaction (no network in the request), signed with HMAC,
delivered by the worker with retries; an endpoint that times out is retried, then dead; retry of the dead."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from storefront.extensions import db
from storefront.integrations import webhooks
from storefront.ordering import operations as order_ops
from tests.backoffice_helpers import client_as


class Recorder(BaseHTTPRequestHandler):
    """A receiving endpoint on an ephemeral port that records what it gets."""

    received: list = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Recorder.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    Recorder.received = []
    server = HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent():
    """An endpoint that accepts the connection and never answers (a timeout)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(5)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/slow"
    sock.close()


@pytest.fixture
def shop(app, make):
    merchant = make.merchant()
    product = make.product(merchant, sku="WH-1", stock=9)
    db.session.commit()
    return merchant, product, client_as(app, merchant.owner)


def _pay(make, product):
    order = make.order([(product, 1)])
    order_ops.mark_paid(order, payment_ref=f"pi_{order.id}", cause="payment_succeeded", actor="test")
    db.session.commit()
    return order


def test_paid_and_shipped_events_are_signed_and_delivered_by_the_worker(app, shop, make, receiver):
    merchant, product, client = shop
    client.post("/zh/merchant/webhooks", data={"url": receiver, "events": ["order.paid", "order.shipped"]})
    [endpoint] = webhooks.endpoints_of(merchant.id)
    order = _pay(make, product)
    assert Recorder.received == []  # queued with the order, not sent by the request
    [pending] = webhooks.deliveries_of(merchant.id)
    assert pending.status == "pending" and pending.payload["order"] == order.sub_orders[0].number
    assert webhooks.deliver_due()["delivered"] == 1
    headers, body = Recorder.received[0]
    expected = hmac.new(endpoint.secret.encode(), headers["X-Kuajing-Timestamp"].encode() + b"." + body,
                        hashlib.sha256).hexdigest()  # fmt: skip
    assert headers["X-Kuajing-Signature"] == f"sha256={expected}" and headers["X-Kuajing-Event"] == "order.paid"
    assert json.loads(body)["lines"] == [{"sku": "WH-1", "qty": 1}]
    order_ops.ship_order(order.sub_orders[0], "EMS", "EA9CN", actor="test")
    db.session.commit()
    webhooks.deliver_due()
    assert json.loads(Recorder.received[-1][1])["tracking_no"] == "EA9CN"


def test_timeout_is_retried_then_dead_and_can_be_retried(app, shop, make, silent):
    merchant, product, client = shop
    app.config["WEBHOOK_TIMEOUT"] = 0.2
    try:
        client.post("/zh/merchant/webhooks", data={"url": silent, "events": ["order.paid"]})
        _pay(make, product)
        [item] = webhooks.deliveries_of(merchant.id)
        now = item.next_attempt_at
        for attempt in range(len(webhooks.BACKOFF) + 1):
            stats = webhooks.deliver_due(now)
            db.session.expire_all()
            item = webhooks.deliveries_of(merchant.id)[0]
            assert item.attempts == attempt + 1 and "timed out" in item.last_error.lower()
            now = item.next_attempt_at + timedelta(seconds=1) if item.status == "pending" else now
        assert item.status == "dead" and stats["dead"] == 1
        assert webhooks.deliver_due(now + timedelta(days=1)) == {"delivered": 0, "retry": 0, "dead": 0}
        assert client.post("/zh/merchant/webhooks/retry").status_code == 302
        db.session.expire_all()
        assert webhooks.deliveries_of(merchant.id)[0].status == "pending"
    finally:
        app.config["WEBHOOK_TIMEOUT"] = 5


def test_bad_endpoints_are_refused_and_foreign_ones_hidden(app, shop, make):
    merchant, product, client = shop
    for url in ("ftp://x", "http://example.com/hook", "", "https://x y"):
        assert client.post("/zh/merchant/webhooks", data={"url": url, "events": ["order.paid"]}).status_code == 400
    assert client.post("/zh/merchant/webhooks", data={"url": "https://erp.example.cn/h"}).status_code == 400
    page = client.post("/zh/merchant/webhooks", data={"url": "https://erp.example.cn/h", "events": ["order.paid"]})
    [row] = webhooks.endpoints_of(merchant.id)
    assert row.secret in page.get_data(as_text=True)  # shown once, on the answer
    assert row.secret not in client.get("/zh/merchant/webhooks").get_data(as_text=True)
    other = make.merchant()
    db.session.commit()
    assert client_as(app, other.owner).post(f"/zh/merchant/webhooks/{row.id}/remove").status_code == 404


@pytest.mark.parametrize(
    "url",
    ["https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/x",
     "https://192.168.0.10:8443/hook", "https://localhost/hook"],
)  # fmt: skip
def test_private_addresses_are_refused_in_production(app, ctx, monkeypatch, url):
    monkeypatch.setitem(app.config, "WEBHOOK_ALLOW_PRIVATE", False)
    with pytest.raises(ValueError, match="not a public address"):
        webhooks.public_address_only(url)


def test_a_webhook_never_makes_the_platform_call_its_own_network(app, shop, make, receiver, monkeypatch):
    """SSRF: plain http to localhost is refused when added, and a delivery to a host that resolves to a private
    address is never sent (checked at every send: DNS can change after the endpoint was added)."""
    merchant, product, client = shop
    client.post("/zh/merchant/webhooks", data={"url": receiver, "events": ["order.paid"]})  # allowed in tests
    _pay(make, product)
    monkeypatch.setitem(app.config, "WEBHOOK_ALLOW_PRIVATE", False)  # production
    with pytest.raises(webhooks.WebhookError):
        webhooks.add_endpoint(merchant.id, "http://127.0.0.1:9/hook", ["order.paid"], merchant.owner)
    sent = []
    stats = webhooks.deliver_due(post=lambda *args: sent.append(args) or 204)
    assert stats == {"delivered": 0, "retry": 1, "dead": 0} and sent == [] and Recorder.received == []
    [item] = webhooks.deliveries_of(merchant.id)
    assert "not a public address" in item.last_error
