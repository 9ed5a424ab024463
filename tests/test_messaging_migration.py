"""Migration t1a2b3c4d5e6 moves service order threads into conversations and back, messages and files kept."""

from __future__ import annotations

from flask import g
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from services_market import orders, threads
from services_market.constants import Party
from services_market.files import check_attachment
from storefront.extensions import db
from storefront.messaging import queries
from tests import factories as make
from tests.backoffice_helpers import PDF
from tests.fixtures import make_app
from tests.test_services import upload

BEFORE = "f1a2b3c4d5e6"


def test_service_threads_go_back_to_service_messages_and_return(tmp_path):
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'threads.sqlite3'}")
    with app.test_request_context("/en/"):
        g.lang = "en"
        upgrade(revision="heads")
        merchant, provider = make.merchant(), make.service_provider()
        package = make.service_package(provider)
        order = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], make.voucher(merchant).code)
        threads.post(order, merchant.owner, Party.MERCHANT, "Первое", [check_attachment(upload(PDF, "a.pdf"))])
        threads.post(order, provider.owner, Party.PROVIDER, "回复")
        db.session.commit()
        order_id, stored = order.id, threads.thread(order)[0].files[0].stored_name
        db.session.remove()

        downgrade(revision=BEFORE)
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT order_id, party, body FROM service_messages ORDER BY id")).all()
            files = conn.execute(text("SELECT purpose, stored_name FROM service_files WHERE message_id IS NOT NULL"))
            assert [tuple(r) for r in rows] == [(order_id, "merchant", "Первое"), (order_id, "provider", "回复")]
            assert [tuple(f) for f in files] == [("message", stored)]

        upgrade(revision="heads")
        conversation = queries.by_key(f"service_order:{order_id}")
        messages = queries.messages_of(conversation)
        assert [(m.party, m.body) for m in messages] == [("merchant", "Первое"), ("provider", "回复")]
        assert [(f.folder, f.stored_name) for f in messages[0].files] == [("service_files", stored)]
        assert {(p.user_id, p.party) for p in conversation.participants} == {
            (merchant.owner_id, "merchant"),
            (provider.owner_id, "provider"),
        }
        assert all(p.last_read_id == messages[-1].id for p in conversation.participants)
        assert conversation.last_message_at is not None
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM service_files")).scalar() == 0
