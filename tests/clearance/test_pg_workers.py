"""Two workers at once on PostgreSQL: SKIP LOCKED hands them disjoint rows; nothing is sent twice or lost."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import replace

import pytest
from sqlalchemy import select

from storefront.clearance import demo, ingest, outbox
from storefront.clearance.messages import Company, Meta, build_ceb303, new_guid
from storefront.clearance.messages.receipts import build_receipt
from storefront.clearance.models import OutboxMessage, ReceiptRecord, utcnow
from storefront.clearance.signing import NoneSigner
from storefront.clearance.worker import PassStats, Worker
from storefront.extensions import db
from tests.fixtures import make_app, migrate_schema

pytestmark = pytest.mark.postgres
MESSAGES = 60


class Recorder:
    """A thread-safe transport that remembers every guid it was given."""

    name = "recorder"

    def __init__(self):
        self.lock = threading.Lock()
        self.sent: list[str] = []

    def send(self, message):
        with self.lock:
            self.sent.append(message.guid)

    def receive(self):
        return iter(())


@pytest.fixture(scope="module")
def pg_app(pg_cluster, tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("pgworkers"), pg_cluster.createdb("kj_clearance_workers"))
    migrate_schema(app)
    yield app
    with app.app_context():
        db.engine.dispose()


def _order_xml(order_no: str) -> bytes:
    """A valid CEB303 under the platform code P and shipper E."""
    order = replace(demo.demo_order(1), order_no=order_no, ebp=Company("P", "P"), ebc=Company("E", "E"))
    return build_ceb303(order, Meta(new_guid(), demo.TRANSFER))


def _fill(app) -> None:
    with app.app_context():
        db.session.execute(OutboxMessage.__table__.delete())
        for n in range(MESSAGES):
            outbox.enqueue(
                "CEB303",
                guid=new_guid(),
                business_key=f"CEB303:test:{n}",
                payload=_order_xml(f"R{n}"),
                ref=f"R{n}",
                now=utcnow(),
            )
        db.session.commit()


def test_two_workers_never_send_a_message_twice(pg_app):
    _fill(pg_app)
    transport = Recorder()
    both_locked = threading.Barrier(2, timeout=20)
    sent_by: dict[str, int] = {}
    errors: list[BaseException] = []

    def work(name: str) -> None:
        worker = Worker(pg_app, transport=transport, signer=NoneSigner(), token=name * 32)
        worker.batch = 7
        first = [True]

        def hold(rows):  # both workers hold their row locks at the same moment
            if first[0]:
                first[0] = False
                assert rows, "a worker found nothing: rows were not skipped but blocked or stolen"
                both_locked.wait()

        stats = PassStats()
        try:
            with pg_app.app_context():
                while True:
                    before = stats.sent
                    worker.send_due(stats, on_locked=hold)
                    if stats.sent == before:
                        break
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        sent_by[name] = stats.sent

    threads = [threading.Thread(target=work, args=(name,)) for name in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sorted(Counter(transport.sent).values()) == [1] * MESSAGES
    assert sent_by["a"] > 0 and sent_by["b"] > 0 and sent_by["a"] + sent_by["b"] == MESSAGES
    with pg_app.app_context():
        assert set(db.session.scalars(select(OutboxMessage.status))) == {"sent"}


def test_same_receipt_ingested_by_two_workers_is_stored_once(pg_app):
    _fill(pg_app)
    data = build_receipt("CEB304", {"ebpCode": "P", "ebcCode": "E", "orderNo": "R1"}, 120, "ok", utcnow())
    start = threading.Barrier(2, timeout=20)
    results = []

    def work():
        with pg_app.app_context():
            start.wait()
            results.append(ingest.ingest(data, source="twice"))
            db.session.commit()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted((r.applied, r.duplicates) for r in results) == [(0, 1), (1, 0)]
    with pg_app.app_context():
        assert len(db.session.scalars(select(ReceiptRecord)).all()) == 1
