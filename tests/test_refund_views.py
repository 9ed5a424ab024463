"""Refund pages: the operator refunds any order (queue of proposals), a merchant only its own lines; bad input
shows a clear, translated message and changes nothing; the buyer's order page shows the refund lines."""

import pytest
from sqlalchemy import func, select

from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.ordering.access import token_for
from storefront.ordering.models import Order
from storefront.payments.models import Refund, RefundProposal
from tests.backoffice_helpers import client_as
from tests.test_refunds import gateway, paid  # noqa: F401  (fixtures)


@pytest.fixture
def operator(make):
    return make.user(Role.OPERATOR.value)


def _count():
    return db.session.scalar(select(func.count(Refund.id)))


def test_operator_refunds_half_and_the_buyer_sees_the_line(app, paid, operator):  # noqa: F811
    client = client_as(app, operator)
    page = client.get(f"/en/operator/refunds/order/{paid.id}").get_data(as_text=True)
    assert "Can still be refunded" in page and 'id="refund-form"' in page
    half = paid.total_minor // 2
    response = client.post(
        f"/en/operator/refunds/order/{paid.id}",
        data={"amount": f"{half / 100:.2f}", "reason": "One box arrived broken"},
        follow_redirects=True,
    )
    assert response.status_code == 200 and "Refunded" in response.get_data(as_text=True)
    assert _count() == 1
    order = db.session.get(Order, paid.id)
    buyer_page = client_as(app).get(f"/ru/orders/{order.number}?t={token_for(order)}").get_data(as_text=True)
    assert 'class="refund-line"' in buyer_page and "One box arrived broken" in buyer_page
    assert "Возвраты" in buyer_page


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", "greater than zero"),
        ("-5", "greater than zero"),
        ("abc", "greater than zero"),
        ("999999", "more than can still be refunded"),
    ],
)
def test_operator_bad_amounts_get_a_message_and_change_nothing(app, paid, operator, gateway, amount, message):  # noqa: F811
    client = client_as(app, operator)
    response = client.post(f"/en/operator/refunds/order/{paid.id}", data={"amount": amount})
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert _count() == 0 and gateway.calls.count("refund") == 0


def test_bad_amount_message_is_translated(app, paid, operator):  # noqa: F811
    response = client_as(app, operator).post(f"/zh/operator/refunds/order/{paid.id}", data={"amount": "999999"})
    assert "超出了仍可退款的金额" in response.get_data(as_text=True)


def test_merchant_refunds_its_own_part_only(app, paid, gateway):  # noqa: F811
    mine, theirs = paid.sub_orders
    client = client_as(app, mine.merchant.owner)
    assert client.post(f"/en/merchant/orders/{theirs.id}/refund", data={"amount": "1"}).status_code == 404
    page = client.get(f"/en/merchant/orders/{mine.id}").get_data(as_text=True)
    assert 'id="refund-form"' in page
    too_much = client.post(f"/en/merchant/orders/{mine.id}/refund", data={"amount": "100000"})
    assert too_much.status_code == 400 and "more than can still be refunded" in too_much.get_data(as_text=True)
    assert _count() == 0
    ok = client.post(f"/en/merchant/orders/{mine.id}/refund", data={"amount": "10.00"}, follow_redirects=True)
    assert ok.status_code == 200
    row = db.session.scalars(select(Refund)).one()
    assert (row.sub_order_id, row.amount_minor, row.actor) == (mine.id, 1000, f"merchant:{mine.merchant_id}")


def test_merchant_cannot_fulfil_proposes_a_refund_the_operator_makes(app, paid, operator):  # noqa: F811
    sub = paid.sub_orders[0]
    merchant = client_as(app, sub.merchant.owner)
    merchant.post(f"/en/merchant/orders/{sub.id}/cannot-fulfil", data={"reason": "Out of stock at the factory"})
    proposal = db.session.scalars(select(RefundProposal)).one()
    assert (proposal.cause, proposal.sub_order_id) == ("merchant_cancelled", sub.id)
    assert proposal.amount_minor == sub.goods_minor + sub.shipping_minor
    op = client_as(app, operator)
    queue = op.get("/en/operator/refunds/").get_data(as_text=True)
    assert "The merchant cannot fulfil the order" in queue
    form = op.get(f"/en/operator/refunds/order/{paid.id}?proposal={proposal.id}").get_data(as_text=True)
    assert f'value="{proposal.amount_minor / 100:.2f}"' in form


def test_other_roles_cannot_refund(app, paid, make):  # noqa: F811
    buyer = client_as(app, make.user(Role.BUYER.value))
    assert buyer.post(f"/en/operator/refunds/order/{paid.id}", data={"amount": "1"}).status_code == 403
    assert client_as(app).get("/en/operator/refunds/").status_code in (302, 401)
    assert _count() == 0


def test_operator_refunds_a_service_order_from_its_page(app, make, gateway, operator):  # noqa: F811
    from services_market import orders as service_orders
    from services_market.order_models import ServiceOrder
    from services_market.payments import KIND as SERVICE_KIND
    from tests.test_ledger import pay_by_card

    make.rates()
    merchant = make.merchant()
    order = service_orders.place_order(
        merchant.owner, merchant, make.service_package(make.service_provider()), "basic", "Brief", [], None
    )
    db.session.commit()
    pay_by_card(gateway, SERVICE_KIND, order)
    client = client_as(app, operator)
    page = client.get(f"/en/services/orders/{order.number}").get_data(as_text=True)
    assert 'id="operator-refund"' in page
    form = client.get(f"/en/operator/refunds/service_order/{order.id}").get_data(as_text=True)
    assert "Can still be refunded" in form
    client.post(f"/en/operator/refunds/service_order/{order.id}", data={"amount": f"{order.card_fen / 100:.2f}"})
    db.session.expire_all()
    assert db.session.get(ServiceOrder, order.id).refund_state == "done"
