"""Checkout: guest and signed-in orders split per merchant, server-side totals, stock, access control."""

import re

from flask import g
from sqlalchemy import select

from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.ordering.models import Order, OrderEvent, StockReservation
from storefront.ordering.shipping import zone_for

ADDRESS = {
    "email": "ivan@example.ru",
    "contact_name": "Иван Петров",
    "phone": "+7 495 123-45-67",
    "country": "RU",
    "region": "Москва",
    "city": "Москва",
    "postal_code": "125009",
    "address_line1": "ул. Тверская, д. 1",
    "address_line2": "",
    "terms": "DAP",
    "currency": "EUR",
    "pay_method": "card",
    "note": "",
}


def _two_merchants(make):
    make.rates()
    a = make.product(
        make.merchant(),
        price_fen=10000,
        moq=10,
        stock=500,
        tiers=[(100, 8000)],
        gross_weight_g=600,
        net_weight_g=500,
        texts={"ru": {"name": "Купальник"}, "en": {"name": "Swimsuit"}},
    )
    b = make.product(
        make.merchant(),
        price_fen=50000,
        moq=1,
        stock=20,
        gross_weight_g=2500,
        net_weight_g=2000,
        texts={"ru": {"name": "Магниевый анод"}, "en": {"name": "Magnesium anode"}},
    )
    db.session.commit()
    return a, b


def _fill_cart(client, lines, lang="ru"):
    for product, qty in lines:
        client.post(f"/{lang}/cart/add", data={"product_id": product.id, "qty": qty})


def _place(client, lang="ru", **changes):
    data = dict(ADDRESS, action="place", **changes)
    return client.post(f"/{lang}/checkout", data=data)


def test_zones_of_destination_countries():
    assert zone_for("ru") == "RU" and zone_for("PL") == "EU" and zone_for("KZ") == "KZ" and zone_for("XX") is None


def test_empty_cart_goes_back_to_the_cart(client):
    assert client.get("/ru/checkout").headers["Location"].endswith("/ru/cart/")


def test_checkout_page_prefills_russia_and_shows_a_summary(client, make):
    a, b = _two_merchants(make)
    _fill_cart(client, [(a, 120), (b, 1)])
    page = client.get("/ru/checkout").get_data(as_text=True)
    assert '<option selected value="RU">' in page
    assert 'id="summary-total"' in page
    assert page.count('class="summary-group"') == 2
    # changing the country recalculates without placing anything
    page = client.post("/ru/checkout", data=dict(ADDRESS, country="US", action="update")).get_data(as_text=True)
    assert '<option selected value="US">' in page
    assert db.session.scalar(select(Order.id)) is None


def test_guest_places_a_card_order_split_per_merchant(client, make, app):
    a, b = _two_merchants(make)
    _fill_cart(client, [(a, 120), (b, 2)])
    response = _place(client)
    assert response.status_code == 302
    order = db.session.scalars(select(Order)).one()
    assert response.headers["Location"] == f"/ru/orders/{order.number}/pay"
    assert re.fullmatch(r"KJ-\d{4}-[2-9A-HJKMNP-Z]{5}", order.number)
    assert order.status == "pending_payment" and order.user_id is None and order.lang == "ru"
    assert [s.number for s in order.sub_orders] == [f"{order.number}-1", f"{order.number}-2"]
    first, second = order.sub_orders
    assert first.merchant_id == a.merchant_id and second.merchant_id == b.merchant_id
    line = first.lines[0]
    assert (line.qty, line.unit_price_fen, line.sku, line.hs_code, line.names["ru"]) == (
        120,
        8000,
        a.sku,
        a.hs_code,
        "Купальник",
    )
    assert line.unit_price_minor == 1026  # 80 CNY × 0.1282 EUR
    # the cheapest mode that fits both shipments: postal parcels of at most 30 kg (default card, RU: 65 CNY
    # for the first 500 g, 20 CNY per further 500 g); 120 × 0.6 kg = 30 + 30 + 12 kg; 2 × 2.5 kg = 5 kg
    assert order.transport_mode == "parcel" and first.rate_card == second.rate_card == "platform-default"
    assert first.shipping_fen == 2 * (6_500 + 59 * 2_000) + 6_500 + 23 * 2_000
    assert second.shipping_fen == 6_500 + 9 * 2_000
    assert order.goods_fen == 120 * 8000 + 2 * 50000
    assert order.total_minor == sum(s.goods_minor + s.shipping_minor for s in order.sub_orders)
    assert order.currency == "EUR" and str(order.exchange_rate) in {"0.1282", "0.12820000"}
    # stock taken and reserved
    db.session.expire_all()
    assert db.session.get(Product, a.id).stock == 380 and db.session.get(Product, b.id).stock == 18
    held = db.session.scalars(select(StockReservation).where(StockReservation.order_id == order.id)).all()
    assert sorted((r.product_id, r.qty, r.state) for r in held) == sorted([(a.id, 120, "held"), (b.id, 2, "held")])
    events = db.session.scalars(select(OrderEvent)).all()
    assert [(e.from_status, e.to_status, e.cause, e.actor) for e in events] == [
        ("", "pending_payment", "placed", "guest")
    ]
    # the cart is empty, the guest sees the order, a stranger does not
    with client.session_transaction() as sess:
        assert not sess.get("cart")
    page = client.get(f"/ru/orders/{order.number}").get_data(as_text=True)
    assert page.count('class="sub-order"') == 2 and "Купальник" in page
    stranger = app.test_client()
    assert stranger.get(f"/ru/orders/{order.number}").status_code == 404
    assert stranger.get(f"/ru/orders/{order.number}/pay").status_code == 404


def test_signed_link_opens_the_order_and_a_forged_one_does_not(client, make, app):
    from storefront.ordering.access import token_for

    a, _b = _two_merchants(make)
    _fill_cart(client, [(a, 10)])
    _place(client)
    order = db.session.scalars(select(Order)).one()
    stranger = app.test_client()
    with app.test_request_context():
        token = token_for(order)
    assert stranger.get(f"/ru/orders/{order.number}?t={token}").status_code == 200
    assert stranger.get(f"/ru/orders/{order.number}?t={token[:-2]}xx").status_code == 404


def test_signed_in_buyer_sees_their_history_only(client, make, app):
    a, _b = _two_merchants(make)
    make.user(email="olga@example.ru")
    db.session.commit()
    client.post("/ru/account/login", data={"email": "olga@example.ru", "password": "correct-horse-battery"})
    _fill_cart(client, [(a, 10)])
    _place(client, email="olga@example.ru")
    order = db.session.scalars(select(Order)).one()
    assert order.user_id is not None
    page = client.get("/ru/account/orders").get_data(as_text=True)
    assert f'data-order="{order.number}"' in page
    other = app.test_client()
    make.user(email="petr@example.ru")
    db.session.commit()
    other.post("/ru/account/login", data={"email": "petr@example.ru", "password": "correct-horse-battery"})
    assert order.number not in other.get("/ru/account/orders").get_data(as_text=True)
    assert other.get(f"/ru/orders/{order.number}").status_code == 404
    g.pop("_login_user", None)  # the test's app context is shared by the clients' requests
    assert app.test_client().get("/ru/account/orders").status_code == 302  # sign-in required


def test_errors_keep_what_the_buyer_typed(client, make):
    a, _b = _two_merchants(make)
    _fill_cart(client, [(a, 10)])
    page = _place(client, email="not-an-email", city="").get_data(as_text=True)
    assert 'value="not-an-email"' in page and 'value="ул. Тверская, д. 1"' in page
    assert page.count('class="error"') >= 2
    assert db.session.scalar(select(Order.id)) is None


def test_unserved_country_is_refused(client, make):
    a, _b = _two_merchants(make)
    _fill_cart(client, [(a, 10)])
    page = _place(client, country="AQ").get_data(as_text=True)
    assert 'id="country-error"' in page
    assert db.session.scalar(select(Order.id)) is None


def test_bank_transfer_order_waits_for_the_operator(client, make, runner, app):
    a, _b = _two_merchants(make)
    _fill_cart(client, [(a, 100)])
    response = _place(client, pay_method="transfer", currency="USD")
    order = db.session.scalars(select(Order)).one()
    assert response.headers["Location"] == f"/ru/orders/{order.number}"
    assert order.status == "awaiting_transfer"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "BKCHCNBJ810" in page and order.total.format("en") in client.get(f"/en/orders/{order.number}").get_data(
        as_text=True
    )
    wrong = runner.invoke(args=["orders", "confirm-transfer", order.number, "--amount", "1", "--reference", "X1"])
    assert "mismatch" in wrong.output
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "awaiting_transfer"
    assert db.session.get(Order, order.id).review_reason == "amount_mismatch"
    amount = str(order.total.amount)
    ok = runner.invoke(args=["orders", "confirm-transfer", order.number, "--amount", amount, "--reference", "BOC-77"])
    assert ok.exit_code == 0, ok.output
    db.session.expire_all()
    paid = db.session.get(Order, order.id)
    assert paid.status == "paid" and paid.payment_ref == "tt:BOC-77"
    assert [e.cause for e in paid.events][-1] == "transfer_confirmed"


def test_switching_between_card_and_transfer(client, make):
    a, _b = _two_merchants(make)
    _fill_cart(client, [(a, 10)])
    _place(client)
    order = db.session.scalars(select(Order)).one()
    before = order.reserved_until
    client.post(f"/ru/orders/{order.number}/method", data={"method": "transfer"})
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    assert order.status == "awaiting_transfer" and order.pay_method == "transfer" and order.reserved_until > before
    response = client.post(f"/ru/orders/{order.number}/method", data={"method": "card"})
    assert response.headers["Location"].endswith(f"/orders/{order.number}/pay")
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "pending_payment"


def test_order_events_record_every_change(client, make, ctx):
    from storefront.ordering import operations as ops

    a, b = _two_merchants(make)
    order = make.order([(a, 10), (b, 1)])
    assert ops.mark_payment_failed(order, code="card_declined", actor="stripe")
    assert ops.mark_paid(order, payment_ref="pi_1", cause="payment_succeeded", actor="stripe") == "paid"
    assert ops.mark_paid(order, payment_ref="pi_1", cause="payment_succeeded", actor="stripe") == "duplicate"
    first = order.sub_orders[0]
    assert ops.ship_order(first, "EMS", "EE123456789CN", actor="merchant:1")
    assert order.status == "paid"
    assert ops.ship_order(order.sub_orders[1], "CDEK", "1234567890", actor="merchant:2")
    assert order.status == "shipped"
    trail = [(e.from_status, e.to_status, e.cause) for e in order.events]
    assert trail == [
        ("", "pending_payment", "placed"),
        ("pending_payment", "payment_failed", "card_declined"),
        ("payment_failed", "paid", "payment_succeeded"),
        ("paid", "shipped", "shipped"),
        ("paid", "shipped", "shipped"),
        ("paid", "shipped", "shipped"),
    ]
    assert all(e.created_at is not None and e.actor for e in order.events)
