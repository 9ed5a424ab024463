"""Returns (RMA): the buyer asks, the merchant accepts with instructions (or declines), the goods come back,
the refund goes through the money domain's refund for the merchant's part."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storefront.extensions import db
from storefront.ordering import returns
from storefront.ordering.models import Order
from storefront.ordering.operations import ship_order
from storefront.ordering.payable import KIND
from storefront.payments.models import Refund
from tests.backoffice_helpers import client_as
from tests.fake_stripe import FakeStripe
from tests.test_ledger import pay_by_card


@pytest.fixture
def gateway(app):
    gw = FakeStripe.from_app(app, prefix="pi_rma_")
    app.extensions["kj_payment_gateway"] = gw
    yield gw
    app.extensions.pop("kj_payment_gateway", None)


@pytest.fixture
def shipped(app, make, gateway):
    """A card-paid CNY order of one merchant (2 × 100 CNY), shipped; the buyer is signed in."""
    make.rates()
    merchant = make.merchant()
    product = make.product(merchant, price_fen=10000, stock=10)
    buyer = make.user("buyer", email="anna@example.pl", locale="ru")
    order = make.order([(product, 2)], currency="CNY", lang="ru", user_=buyer, email=buyer.email)
    db.session.commit()
    pay_by_card(gateway, KIND, order)
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    sub = order.sub_orders[0]
    ship_order(sub, "EMS", "EA1CN", actor="test")
    db.session.commit()
    return merchant, order, sub, client_as(app, buyer), client_as(app, merchant.owner)


def test_full_return_ends_in_the_refund(shipped):
    merchant, order, sub, buyer, seller = shipped
    page = buyer.get(f"/ru/orders/{order.number}").get_data(as_text=True)
    assert f"/ru/orders/{order.number}/returns/{sub.id}" in page
    asked = buyer.post(f"/ru/orders/{order.number}/returns/{sub.id}", data={"reason": "Не подошёл размер"})
    assert asked.status_code == 302
    [item] = returns.returns_of(sub)
    assert item.status == "requested"
    assert "Не подошёл размер" in seller.get(f"/zh/merchant/orders/{sub.id}").get_data(as_text=True)
    seller.post(f"/zh/merchant/returns/{item.id}/accept", data={"text": "请寄回：辽宁省兴城市海滨路1号"})
    db.session.expire_all()
    assert item.status == "accepted"
    assert "辽宁省兴城市海滨路1号" in buyer.get(f"/ru/orders/{order.number}").get_data(as_text=True)
    seller.post(f"/zh/merchant/returns/{item.id}/receive")
    seller.post(f"/zh/merchant/returns/{item.id}/refund", data={"amount": "150.00"})
    db.session.expire_all()
    assert (item.status, item.refunded_minor) == ("refunded", 15000)
    refund = db.session.scalars(select(Refund)).one()
    assert refund.amount_minor == 15000 and refund.sub_order_id == sub.id and refund.reason == f"RMA {item.id}"


def test_return_rules(shipped, make):
    merchant, order, sub, buyer, seller = shipped
    url = f"/ru/orders/{order.number}/returns/{sub.id}"
    buyer.post(url, data={"reason": ""})
    assert returns.returns_of(sub) == []  # a reason is needed
    buyer.post(url, data={"reason": "Брак"})
    buyer.post(url, data={"reason": "Ещё раз"})
    [item] = returns.returns_of(sub)  # one open return per parcel
    assert seller.post(f"/zh/merchant/returns/{item.id}/refund", data={"amount": "1"}).status_code == 302
    assert item.status == "requested" and db.session.scalars(select(Refund)).all() == []  # not at that step
    other = make.merchant()
    db.session.commit()
    assert client_as(seller.application, other.owner).post(f"/zh/merchant/returns/{item.id}/accept",
                                                            data={"text": "x"}).status_code == 404  # fmt: skip
    seller.post(f"/zh/merchant/returns/{item.id}/decline", data={"text": "商品已使用，不符合退货条件"})
    db.session.expire_all()
    assert item.status == "declined"
    assert "商品已使用" in buyer.get(f"/ru/orders/{order.number}").get_data(as_text=True)
    assert client_as(seller.application).post(url, data={"reason": "x"}).status_code == 404  # a stranger


def test_only_shipped_parcels_can_be_returned(make):
    product = make.product(stock=5)
    order = make.order([(product, 1)])
    db.session.commit()
    with pytest.raises(returns.ReturnError):
        returns.request_return(order.sub_orders[0], "reason")
