"""The buyer's account around checkout: signing in from checkout comes back to it with the cart intact; order
history with "order again"."""

from __future__ import annotations

from flask.testing import FlaskClient as Client

from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.ordering import cart as cart_ops


def as_user(app, user) -> Client:
    """A fresh client signed in as ``user``."""
    client = Client(app, app.response_class, use_cookies=True)
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True
    return client


def test_signing_in_at_checkout_returns_there_with_the_cart(app, make):
    make.rates()
    product = make.product(texts={"en": {"name": "Fused magnesia 97"}})
    buyer = make.user(Role.BUYER.value, email="olga@example.ru", password="long-enough-pw")
    db.session.commit()
    client = app.test_client()
    client.post("/en/cart/add", data={"product_id": product.id, "qty": product.moq})
    checkout = client.get("/en/checkout").get_data(as_text=True)
    link = "/en/account/login?next=/en/checkout"
    assert f'href="{link}"' in checkout
    signed_in = client.post(link, data={"email": "olga@example.ru", "password": "long-enough-pw"})
    assert signed_in.status_code == 302 and signed_in.headers["Location"].endswith("/en/checkout")
    page = client.get("/en/checkout").get_data(as_text=True)
    assert "Fused magnesia 97" in page and 'id="checkout-sign-in"' not in page
    assert 'class="cart-count">1<' in page  # the cart was kept across the sign-in
    assert buyer.email in page  # and the form is filled from the account


def test_order_again_puts_what_can_still_be_bought_in_the_cart(app, make):
    make.rates()
    kept = make.product(texts={"en": {"name": "Car lift"}})
    gone = make.product(texts={"en": {"name": "Old tyre changer"}})
    buyer = make.user(Role.BUYER.value)
    order = make.order([(kept, kept.moq), (gone, gone.moq)], currency="EUR", email=buyer.email, user_=buyer)
    gone.hidden = True
    db.session.commit()
    client = as_user(app, buyer)
    history = client.get("/en/account/orders").get_data(as_text=True)
    assert f"/en/cart/reorder/{order.number}" in history
    response = client.post(f"/en/cart/reorder/{order.number}", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Car lift" in page and "No longer available: Old tyre changer" in page
    assert db.session.scalars(db.select(cart_ops.CartItem).where(cart_ops.CartItem.user_id == buyer.id)).all()
    stranger = as_user(app, make.user(Role.BUYER.value))
    db.session.commit()
    assert stranger.post(f"/en/cart/reorder/{order.number}").status_code == 404
