"""Cart: guest (session) and stored carts, MOQ and stock limits, tier prices, grouping, merge on sign-in."""

import re

from storefront.extensions import db
from storefront.ordering.models import CartItem


def _seed(make, **kw):
    make.rates()
    product = make.product(**kw)
    db.session.commit()
    return product


def _add(client, product_id, qty, lang="en"):
    return client.post(f"/{lang}/cart/add", data={"product_id": product_id, "qty": qty}, follow_redirects=True)


def test_product_page_has_the_buy_box(client, make):
    p = _seed(make, moq=10, stock=500)
    page = client.get(f"/en/p/{p.id}").get_data(as_text=True)
    assert 'action="/en/cart/add"' in page
    assert 'min="10"' in page and 'max="500"' in page and 'value="10"' in page


def test_out_of_stock_product_cannot_be_added(client, make):
    p = _seed(make, moq=10, stock=5)
    assert 'action="/en/cart/add"' not in client.get(f"/en/p/{p.id}").get_data(as_text=True)
    page = _add(client, p.id, 10).get_data(as_text=True)
    assert "Not enough stock for the minimum order." in page
    assert "Your cart is empty." in client.get("/en/cart/").get_data(as_text=True)


def test_guest_cart_applies_moq_stock_and_tier_price(client, make):
    p = _seed(make, moq=10, stock=300, price_fen=10000, tiers=[(100, 8000)])
    page = _add(client, p.id, 3).get_data(as_text=True)
    assert "raised to the minimum order" in page
    with client.session_transaction() as sess:
        assert sess["cart"] == {str(p.default_variant.id): 10}
    _add(client, p.id, 95)  # 105 units: the 100+ tier applies
    page = client.get("/en/cart/").get_data(as_text=True)
    assert 'value="105"' in page
    assert "Wholesale price" in page
    assert "CN¥80.00" in page  # tier unit price
    client.post("/en/cart/update", data={f"qty-{p.default_variant.id}": "999"}, follow_redirects=True)
    with client.session_transaction() as sess:
        assert sess["cart"] == {str(p.default_variant.id): 300}  # clamped to stock


def test_cart_groups_lines_by_merchant_and_totals_in_two_currencies(client, make):
    make.rates()
    m1, m2 = make.merchant(), make.merchant()
    a = make.product(m1, price_fen=10000)
    b = make.product(m2, price_fen=25000)
    c = make.product(m1, price_fen=5000)
    db.session.commit()
    for pid in (a.id, b.id, c.id):
        _add(client, pid, 2)
    page = client.get("/en/cart/").get_data(as_text=True)
    groups = re.findall(r'class="cart-group" data-merchant="([^"]+)"', page)
    assert groups == [m1.slug, m2.slug]
    assert "CN¥800.00" in page  # goods: 2×100 + 2×250 + 2×50
    # unit prices converted first (13.89, 34.73, 6.95), as the charge is: every shown total is what is charged
    # (converting the CNY total instead would show $111.12)
    assert "≈</abbr>" in page and "$111.14" in page and "$111.12" not in page
    assert 'To pay in USD</dt><dd class="charge-total">$111.14<' in page


def test_remove_and_bad_quantity(client, make):
    p = _seed(make)
    _add(client, p.id, 2)
    page = client.post("/en/cart/update", data={f"qty-{p.default_variant.id}": "two"}, follow_redirects=True).get_data(
        as_text=True
    )
    assert "Enter the quantity as a number, e.g. 12 or 2.5." in page
    client.post("/en/cart/update", data={"remove": str(p.default_variant.id)})
    with client.session_transaction() as sess:
        assert sess["cart"] == {}


def test_hidden_product_drops_out_of_the_cart(client, make):
    p = _seed(make)
    _add(client, p.id, 1)
    p.hidden = True
    db.session.commit()
    assert "Your cart is empty." in client.get("/en/cart/").get_data(as_text=True)


def test_signed_in_cart_is_stored_and_guest_cart_merges_on_login(client, make):
    p = _seed(make, moq=1, stock=50)
    q = make.product(stock=50)
    buyer = make.user(email="merge@example.com")
    db.session.add(CartItem(user_id=buyer.id, variant_id=q.default_variant.id, qty=3))
    db.session.commit()
    _add(client, p.id, 4)
    _add(client, q.id, 2)
    client.post("/en/account/login", data={"email": "merge@example.com", "password": "correct-horse-battery"})
    db.session.expire_all()
    rows = {row.variant_id: row.qty for row in db.session.query(CartItem).filter_by(user_id=buyer.id)}
    assert rows == {p.default_variant.id: 4, q.default_variant.id: 5}
    with client.session_transaction() as sess:
        assert "cart" not in sess
    _add(client, p.id, 1)
    db.session.expire_all()
    assert db.session.query(CartItem).filter_by(user_id=buyer.id, variant_id=p.default_variant.id).one().qty == 5
    page = client.get("/en/cart/").get_data(as_text=True)
    assert 'class="cart-count">2<' in page


def test_cart_page_in_every_language(client, make):
    p = _seed(make)
    _add(client, p.id, 1)
    for lang in ("zh", "ru", "ko", "en"):
        response = client.get(f"/{lang}/cart/")
        assert response.status_code == 200
        assert f'lang="{ {"zh": "zh-Hans"}.get(lang, lang) }"' in response.get_data(as_text=True)
