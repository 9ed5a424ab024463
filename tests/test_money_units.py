"""Defect 3: every currency's ISO 4217 minor unit in one place; what a page shows is what is charged."""

import re
from decimal import Decimal

import pytest

from storefront.core.money import ISO_MINOR_UNITS, Money, exponent, gateway_exponent
from storefront.extensions import db
from storefront.payments.gateway import GatewayError
from storefront.payments.stripe_gateway import check_currency


@pytest.mark.parametrize(
    ("code", "digits"), [("KRW", 0), ("JPY", 0), ("RUB", 2), ("CNY", 2), ("USD", 2), ("EUR", 2), ("MNT", 2)]
)
def test_iso_4217_minor_units(code, digits):
    assert exponent(code) == digits
    assert gateway_exponent(code) == digits  # Stripe agrees for every currency we show or charge
    check_currency(code)


def test_babel_is_not_iso_4217_and_is_not_used_where_they_differ():
    from babel.numbers import get_currency_precision

    assert get_currency_precision("IDR") == 0 and exponent("IDR") == 2  # CLDR cash digits vs ISO
    assert Money(123456, "IDR").format("en") == "IDR1,234.56"  # no minor unit lost on the page


def test_stripe_special_currencies_are_refused_rather_than_mischarged():
    for code in ("ISK", "HUF", "TWD", "UGX"):
        if exponent(code) != gateway_exponent(code):
            with pytest.raises(GatewayError):
                check_currency(code)
    assert set(ISO_MINOR_UNITS) >= {"CNY", "RUB", "KRW", "USD", "EUR", "MNT"}


def _krw_number(text: str) -> int:
    return int(text.replace("₩", "").replace(",", "").strip())


def test_krw_cart_shows_exactly_the_amount_charged(client, make):
    """Prices whose KRW conversion rounds: converting the CNY total differs from the sum of converted units."""
    make.rates()
    # 1.23 CNY × 192.40 = 236.652 → 237 won per unit; 7 units: 1659 won, but 8.61 CNY × 192.40 = 1656.56 → 1657
    product = make.product(price_fen=123, moq=1, stock=50)
    db.session.commit()
    with client.session_transaction() as sess:
        sess["currency"] = "KRW"
    client.post("/ko/cart/add", data={"product_id": product.id, "qty": 7})
    page = client.get("/ko/cart/").get_data(as_text=True)
    charge = re.search(r'class="charge-total">([^<]+)<', page).group(1)
    assert _krw_number(charge) == 1659
    line_total = re.search(r'class="line-total">.*?price-shown">.*?(₩[\d,]+)', page, re.S).group(1)
    assert _krw_number(line_total) == 1659
    assert "₩1,657" not in page
    # and the order placed from it is charged the same
    order = make.order([(product, 7)], currency="KRW")
    assert order.total_minor - order.shipping_minor == 1659
    assert Money(order.goods_minor, "KRW").amount == Decimal(1659)
