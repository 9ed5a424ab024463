"""Outbox and worker faults: backoff and dead letters, a flaky transport, a killed worker, leases,
duplicate, malformed and unknown receipts, exact money."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest
from lxml import etree
from sqlalchemy import func, select

from storefront.clearance import ingest, outbox
from storefront.clearance.messages.common import NS
from storefront.clearance.messages.receipts import build_receipt
from storefront.clearance.models import CaseEvent, ReceiptRecord
from storefront.clearance.status import CaseStatus, MessageStatus
from storefront.clearance.transports import Incoming, TransportError
from storefront.clearance.transports.simulator import Simulator, db_lookup
from storefront.extensions import db
from tests.clearance.helpers import Clock, case_of, messages, order_keys, paid_order, ship, simulator_worker


class Recording:
    """Wraps a transport: records every guid handed over; fails the first ``failures`` sends."""

    name = "recording"

    def __init__(self, inner, failures: int = 0, kill_on: str | None = None):
        self.inner, self.failures, self.kill_on = inner, failures, kill_on
        self.sent: list[tuple[str, str]] = []
        self.calls = 0

    def send(self, message):
        self.calls += 1
        if self.calls <= self.failures:
            raise TransportError("connection refused")
        self.inner.send(message)
        self.sent.append((message.business_key, message.guid))
        if self.kill_on == message.kind:
            self.kill_on = None
            raise KeyboardInterrupt("worker killed after sending, before recording")

    def receive(self):
        return self.inner.receive()


@pytest.fixture
def order_setup(ctx, make):
    """A paid two-line order of one merchant."""
    merchant = make.merchant()
    items = [(make.product(merchant, stock=10), 2), (make.product(merchant, stock=10, customs_unit="011"), 1)]
    return paid_order(make, items, currency="USD", country="KR")


def test_backoff_doubles_and_is_capped():
    assert [outbox.backoff(n, 30, 3600).total_seconds() for n in (1, 2, 3, 4, 8, 20)] == [
        30,
        60,
        120,
        240,
        3600,
        3600,
    ]


def test_failures_back_off_then_dead_letter_then_retry(app, order_setup):
    clock = Clock()
    transport = Recording(Simulator(lookup=db_lookup, clock=clock), failures=10**6)
    worker = simulator_worker(app, clock, transport)
    worker.max_attempts = 3
    stats = worker.run_once()
    assert (stats.failed, stats.sent) == (2, 0)
    assert {m.status for m in messages()} == {MessageStatus.PENDING}
    assert worker.run_once().idle  # not due before the backoff has passed
    clock.advance(seconds=30)
    assert worker.run_once().failed == 2
    clock.advance(seconds=59)
    assert worker.run_once().idle
    clock.advance(seconds=1)
    assert worker.run_once().dead == 2
    dead = messages(status=MessageStatus.DEAD.value)
    assert len(dead) == 2 and all(m.attempts == 3 and "connection refused" in m.last_error for m in dead)
    clock.advance(days=1)
    assert worker.run_once().idle  # dead letters wait for an operator
    assert outbox.retry([dead[0].id], now=clock()) == 1
    db.session.commit()
    transport.failures = 0
    assert worker.run_once().sent == 1
    assert [m.status for m in messages()] == [MessageStatus.SENT, MessageStatus.DEAD]


def test_flaky_transport_delivers_each_message_exactly_once(app, make, order_setup):
    clock = Clock()
    transport = Recording(Simulator(lookup=db_lookup, clock=clock), failures=5)
    worker = simulator_worker(app, clock, transport)
    for _ in range(6):
        worker.run_once()
        clock.advance(minutes=10)
    ship(order_setup.sub_orders[0])
    for _ in range(6):
        worker.run_once()
        clock.advance(minutes=10)
    keys = Counter(key for key, _guid in transport.sent)
    assert set(keys.values()) == {1}
    assert {key.split(":")[0] for key in keys} == {"CEB303", "CEB403", "CEB505", "CEB603", "CEB509"}
    assert transport.calls == len(keys) + 5
    assert case_of(order_setup.sub_orders[0]).status == CaseStatus.CLOSED


def _events() -> int:
    return db.session.scalar(select(func.count()).select_from(CaseEvent))


def test_killed_worker_resends_the_same_guid_and_duplicates_change_nothing(app, order_setup):
    clock = Clock()
    simulator = Simulator(lookup=db_lookup, clock=clock)
    transport = Recording(simulator, kill_on="CEB303")
    first = simulator_worker(app, clock, transport, token="a" * 32)
    with pytest.raises(KeyboardInterrupt):
        first.run_once()
    [order_msg, payment_msg] = messages()
    assert {m.status for m in (order_msg, payment_msg)} == {MessageStatus.SENDING}  # both claimed by the dead one
    assert order_msg.lease_token == "a" * 32

    second = simulator_worker(app, clock, transport, token="b" * 32)
    stats = second.run_once()  # nothing to send yet; takes in the receipts customs sent for the order
    assert (stats.sent, stats.receipts) == (0, 2)
    receipts, events = db.session.scalar(select(func.count()).select_from(ReceiptRecord)), _events()
    clock.advance(seconds=app.config["CLEARANCE_LEASE_SECONDS"] + 1)
    stats = second.run_once()
    assert (stats.sent, stats.duplicates, stats.receipts) == (2, 2, 2)
    guids = [guid for key, guid in transport.sent if key.startswith("CEB303")]
    assert guids == [order_msg.guid, order_msg.guid]
    assert [(m.status, m.attempts) for m in messages()] == [(MessageStatus.SENT, 2), (MessageStatus.SENT, 2)]
    assert db.session.scalar(select(func.count()).select_from(ReceiptRecord)) == receipts + 2  # the payment's
    assert _events() == events + 2


def test_lease_keeps_a_second_worker_away_until_it_expires(app, order_setup):
    clock = Clock()
    config = dict(now=clock(), lease_seconds=60, max_attempts=5)
    first = outbox.claim(10, token="a" * 32, **config)
    assert [c.kind for c in first] == ["CEB303", "CEB403"]
    assert outbox.claim(10, token="b" * 32, **config) == []
    clock.advance(seconds=61)
    second = outbox.claim(10, token="b" * 32, **{**config, "now": clock()})
    assert [c.guid for c in second] == [c.guid for c in first]
    assert not outbox.record_sent(first[0], now=clock())  # the first worker lost its lease
    assert outbox.record_sent(second[0], now=clock())
    assert [m.status for m in messages()] == [MessageStatus.SENT, MessageStatus.SENDING]


def test_duplicate_malformed_and_unknown_receipts(app, order_setup, caplog):
    clock = Clock()
    worker = simulator_worker(app, clock)
    worker.run_once()
    sub = order_setup.sub_orders[0]
    known = build_receipt("CEB304", order_keys(sub), 100, "重复申报", clock())
    unknown = build_receipt(
        "CEB604",
        {
            "agentCode": "A",
            "copNo": "NOPE",
            "preNo": "P" * 18,
            "invtNo": "I" * 18,
            "ebcCode": "E",
            "ebpCode": "P",
            "orderNo": "O",
            "statisticsFlag": "B",
        },
        800,
        "放行",
        clock(),
    )
    seen = []

    class Feed:
        name = "feed"

        def send(self, message):
            raise AssertionError("nothing to send")

        def receive(self):
            for name, data in [
                ("garbage.xml", b"<not-xml"),
                ("other.xml", b"<x/>"),
                ("unknown.xml", unknown),
                ("known.xml", known),
                ("again.xml", known),
            ]:
                yield Incoming(name, data, lambda ok, name=name: seen.append((name, ok)))

    worker.transport = Feed()
    stats = worker.run_once()
    assert (stats.receipts, stats.duplicates, stats.quarantined) == (1, 1, 3)
    assert seen == [
        ("garbage.xml", False),
        ("other.xml", False),
        ("unknown.xml", False),
        ("known.xml", True),
        ("again.xml", True),
    ]
    states = Counter(r.state for r in db.session.scalars(select(ReceiptRecord)))
    assert states["quarantined"] == 3
    case = case_of(sub)
    assert case.status == CaseStatus.REJECTED and case.reject_reason == "重复申报"
    assert "quarantined receipt" in caplog.text


def test_ingest_is_idempotent(app, order_setup):
    clock = Clock()
    simulator_worker(app, clock).run_once()
    sub = order_setup.sub_orders[0]
    receipt = build_receipt("CEB304", order_keys(sub), 120, "ok", clock())
    assert ingest.ingest(receipt).applied == 1
    assert ingest.ingest(receipt).duplicates == 1
    db.session.commit()


def _texts(xml: bytes, name: str) -> list[str]:
    return [el.text for el in etree.fromstring(xml).iter(f"{{{NS}}}{name}")]


@pytest.mark.parametrize("currency", ["KRW", "USD"])
def test_money_is_exact_in_every_message(app, ctx, make, currency):
    merchant = make.merchant()
    product = make.product(merchant, stock=10, price_fen=3333, customs_unit="011")
    order = paid_order(make, [(product, 3)], currency=currency, country="KR")
    sub = order.sub_orders[0]
    ship(sub)
    by_kind = {m.kind: m.payload for m in messages()}
    scale = 0 if currency == "KRW" else -2
    line = sub.lines[0]
    assert _texts(by_kind["CEB603"], "totalPrice") == [str(Decimal(line.unit_price_minor * 3).scaleb(scale))]
    assert _texts(by_kind["CEB303"], "goodsValue") == [str(Decimal(sub.goods_minor).scaleb(scale))]
    charge = Decimal(sub.goods_minor + sub.shipping_minor).scaleb(scale)
    assert _texts(by_kind["CEB403"], "charge") == [str(charge)]
    for xml in by_kind.values():
        for name in ("goodsValue", "charge", "totalPrice", "price", "freight", "qty", "grossWeight"):
            assert all(re.fullmatch(r"\d+(\.\d{1,5})?", text) for text in _texts(xml, name)), name
