"""Prices, currency and totals come from the server only: tampered form or JSON fields change nothing."""

from sqlalchemy import select

from storefront.extensions import db
from storefront.ordering.freight.rates import default_card
from storefront.ordering.models import Order, OrderLine
from storefront.ordering.pricing import quote
from tests.test_checkout import ADDRESS, _fill_cart, _two_merchants


def test_tampered_prices_and_totals_in_the_checkout_form_are_ignored(client, make):
    a, b = _two_merchants(make)
    _fill_cart(client, [(a, 120), (b, 1)], lang="en")
    honest = client.post("/en/checkout", data=dict(ADDRESS, action="update")).get_data(as_text=True)
    tampered = dict(
        ADDRESS,
        action="place",
        price="0.01",
        price_fen="1",
        unit_price_fen="1",
        total="1",
        total_minor="1",
        goods_fen="1",
        shipping_fen="0",
        amount="1",
        exchange_rate="1000",
        rate="0.0001",
        unit_price_minor="1",
        **{f"qty-{a.default_variant.id}": "1", f"price-{a.id}": "1"},
    )
    client.post("/en/checkout", data=tampered)
    order = db.session.scalars(select(Order)).one()
    assert order.goods_fen == 120 * 8000 + 50000
    assert order.exchange_rate > 0 and abs(float(order.exchange_rate) - 0.1282) < 1e-9
    lines = db.session.scalars(select(OrderLine).order_by(OrderLine.id)).all()
    assert [(line.qty, line.unit_price_fen) for line in lines] == [(120, 8000), (1, 50000)]
    assert order.total.format("en") in honest  # exactly the total the summary showed before tampering


def test_a_currency_outside_the_list_is_refused(client, make):
    a, _b = _two_merchants(make)
    _fill_cart(client, [(a, 10)], lang="en")
    for bogus in ("XYZ", "MNT", "usd", ""):
        page = client.post("/en/checkout", data=dict(ADDRESS, currency=bogus, action="place")).get_data(as_text=True)
        assert 'id="currency-error"' in page
    assert db.session.scalar(select(Order.id)) is None


def test_order_total_is_the_server_quote(client, make, ctx):
    from storefront.ordering.cart import Cart, CartLine, MerchantGroup

    a, b = _two_merchants(make)
    order = make.order([(a, 120), (b, 1)], currency="KRW")
    cart = Cart(
        [
            MerchantGroup(a.merchant, [CartLine(a.default_variant, 120)]),
            MerchantGroup(b.merchant, [CartLine(b.default_variant, 1)]),
        ]
    )
    expected = quote(cart, "KRW", "RU", "DAP", country="RU", cards=[default_card()])
    assert (order.total_minor, order.currency) == (expected.total_minor, "KRW")
    assert order.total.format("ko").startswith("₩")
    assert order.total_minor == sum(line.total_minor for sub in order.sub_orders for line in sub.lines) + sum(
        sub.shipping_minor for sub in order.sub_orders
    )
