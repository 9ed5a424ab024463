"""Merchant staff on requests for quotation: the permission table (``company.quotations``: owner and orders
staff) decides who reads an RFQ, writes in its thread and sends quotations; catalogue and finance staff, other
merchants' staff and staff whose role was taken away get nothing (403 from the table, 404 for the thread)."""

from __future__ import annotations

import io

from sqlalchemy import select

from storefront.accounts import team
from storefront.accounts.permissions import PERMISSIONS
from storefront.extensions import db
from storefront.messaging import rfq as rfq_thread
from storefront.messaging.models import Message, MessageFile
from storefront.ordering.rfq_models import Quotation
from tests.backoffice_helpers import PDF
from tests.test_rfq import NEXT_MONTH, _mails, _rfq, as_user, shop  # noqa: F401 (the fixture)


def _staff(merchant, roles: list[str], email: str):
    user, _created = team.set_member(team.Side.MERCHANT, merchant.id, email, "Staff", roles, merchant.owner, "zh")
    db.session.commit()
    return user


def test_the_table_names_who_answers_rfqs():
    assert PERMISSIONS["company.quotations"] == ("company", frozenset({"owner", "orders"}))


def test_orders_staff_reads_replies_and_quotes(app, shop):  # noqa: F811
    merchant, product, buyer = shop
    item = _rfq(shop)
    conversation = rfq_thread.conversation_of(item)
    staff = _staff(merchant, ["orders"], "sales@example.com")
    s = as_user(app, staff)
    page = s.get(f"/zh/merchant/rfqs/{item.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'id="message-form"' in html and f"/zh/messages/{conversation.id}" in html and "quotation-form" in html
    sent = s.post(
        f"/zh/messages/{conversation.id}",
        data={"body": "可以，7天内报价", "files": [(io.BytesIO(PDF), "catalogue.pdf")]},
        content_type="multipart/form-data",
    )
    assert sent.status_code == 302 and sent.headers["Location"].endswith(f"/zh/rfq/{item.id}#thread")
    message = db.session.scalars(select(Message).where(Message.author_id == staff.id)).one()
    assert message.party == "merchant" and message.lang == "zh"
    assert [m for m in _mails(app) if m["To"] == buyer.email and "7天内报价" in m.get_body(("plain",)).get_content()]
    assert s.get(sent.headers["Location"]).status_code == 200  # the RFQ page, as the merchant's side
    file = db.session.scalars(select(MessageFile)).one()
    download = s.get(f"/zh/messages/{conversation.id}/files/{file.id}")
    download.close()
    assert download.status_code == 200
    assert item.id in rfq_thread.first_replies()  # counts for the merchant's response time

    quoted = s.post(
        f"/zh/merchant/rfqs/{item.id}",
        data={"currency": "USD", "incoterm": "DAP", "pay_terms": "card", "valid_until": NEXT_MONTH.isoformat(),
              "line-1-variant": str(product.default_variant.id), "line-1-qty": "20", "line-1-price": "125"},
    )  # fmt: skip
    assert quoted.status_code == 302, quoted.get_data(as_text=True)[:2000]
    quotation = db.session.scalars(select(Quotation)).one()
    assert quotation.created_by_id == staff.id


def test_others_neither_read_nor_write(app, shop, make):  # noqa: F811
    merchant, _product, _buyer = shop
    item = _rfq(shop)
    conversation = rfq_thread.conversation_of(item)
    catalogue = _staff(merchant, ["catalogue"], "catalogue@example.com")
    finance = _staff(merchant, ["finance"], "finance@example.com")
    other = make.merchant()
    db.session.commit()
    foreign_orders = _staff(other, ["orders"], "foreign@example.com")
    for user, page_status in ((catalogue, 403), (finance, 403), (foreign_orders, 404), (other.owner, 404)):
        c = as_user(app, user)
        assert c.get(f"/zh/merchant/rfqs/{item.id}").status_code == page_status
        assert c.get("/zh/merchant/rfqs").status_code == (403 if page_status == 403 else 200)
        assert c.get(f"/zh/rfq/{item.id}").status_code == 404
        assert c.get(f"/zh/messages/{conversation.id}").status_code == 404
        assert c.post(f"/zh/messages/{conversation.id}", data={"body": "hi"}).status_code == 404
    assert db.session.scalars(select(Message).where(Message.party == "merchant")).all() == []


def test_a_role_taken_away_takes_the_thread_with_it(app, shop):  # noqa: F811
    merchant, _product, _buyer = shop
    item = _rfq(shop)
    conversation = rfq_thread.conversation_of(item)
    staff = _staff(merchant, ["orders"], "sales@example.com")
    s = as_user(app, staff)
    assert s.post(f"/zh/messages/{conversation.id}", data={"body": "第一条"}).status_code == 302
    team.set_member(team.Side.MERCHANT, merchant.id, staff.email, "Staff", ["catalogue"], merchant.owner, "zh")
    db.session.commit()
    s = as_user(app, staff)
    assert s.post(f"/zh/messages/{conversation.id}", data={"body": "第二条"}).status_code == 404
    assert s.get(f"/zh/rfq/{item.id}").status_code == 404
    assert [m.body for m in db.session.scalars(select(Message).where(Message.author_id == staff.id))] == ["第一条"]
