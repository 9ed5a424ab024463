"""Card payments against localstripe: server-side confirmation, declines, retry, 3-D Secure, webhooks, KRW."""

import pytest
import requests
from flask_babel import force_locale
from sqlalchemy import select

from storefront.extensions import db
from storefront.ordering.models import Order
from storefront.ordering.payable import KIND
from storefront.payments import operations as pay_ops
from storefront.payments.messages import decline_message
from storefront.payments.models import PaymentIntentRecord
from tests.fixtures import LiveServer
from tests.stripe_server import PUBLISHABLE_KEY
from tests.test_checkout import ADDRESS, _fill_cart, _two_merchants

pytestmark = pytest.mark.stripe
GOOD, DECLINED, SECURE = "4242424242424242", "4000000000000341", "4000002500003155"


def _card(localstripe, number: str) -> str:
    """Tokenise a card like the fake Stripe.js does; returns the card id usable as a payment method."""
    body = {
        "card[number]": number,
        "card[exp_month]": "12",
        "card[exp_year]": "2034",
        "card[cvc]": "123",
        "key": PUBLISHABLE_KEY,
    }
    token = requests.post(f"{localstripe.url}/v1/tokens", data=body, timeout=10).json()
    return token["card"]["id"]


def _placed(client, make, **changes):
    a, b = _two_merchants(make)
    _fill_cart(client, [(a, 120), (b, 1)])
    client.post("/ru/checkout", data=dict(ADDRESS, action="place", **changes))
    return db.session.scalars(select(Order)).one()


def _pay(client, order, payment_method, **extra):
    return client.post(f"/ru/orders/{order.number}/pay/card", json={"payment_method": payment_method, **extra})


def _stripe_intent(localstripe, ref):
    return requests.get(f"{localstripe.url}/v1/payment_intents/{ref}", auth=("sk_test_12345", ""), timeout=10).json()


def test_pay_page_loads_stripe_js_from_the_configured_url(client, make, stripe_app, localstripe):
    order = _placed(client, make)
    page = client.get(f"/ru/orders/{order.number}/pay").get_data(as_text=True)
    assert f'src="{localstripe.url}/js.stripe.com/v3/"' in page
    assert 'data-publishable-key="pk_test_12345"' in page and "js/checkout.js" in page


def test_good_card_pays_the_order_server_side(client, make, stripe_app, localstripe):
    order = _placed(client, make)
    response = _pay(client, order, _card(localstripe, GOOD), amount=1, currency="usd")  # extra fields ignored
    assert response.json == {"status": "paid", "redirect": f"/ru/orders/{order.number}"}
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    assert order.status == "paid"
    intent = db.session.scalars(select(PaymentIntentRecord)).one()
    assert intent.idempotency_key.startswith(f"kj-order-{order.id}-1-") and intent.status == "succeeded"
    remote = _stripe_intent(localstripe, intent.provider_ref)
    assert (remote["amount"], remote["currency"], remote["status"]) == (order.total_minor, "eur", "succeeded")
    assert remote["metadata"] == {
        "payable": f"order:{order.id}",
        "reference": order.number,
        "attempt": intent.idempotency_key,
    }
    page = client.get(f"/ru/orders/{order.number}").get_data(as_text=True)
    assert 'data-status="paid"' in page
    # paying again is refused: the order is closed
    assert _pay(client, order, _card(localstripe, GOOD)).json["status"] == "closed"


def test_declined_card_then_retry_with_a_good_one(client, make, stripe_app, localstripe):
    order = _placed(client, make)
    declined = _pay(client, order, _card(localstripe, DECLINED))
    assert declined.status_code == 200
    assert declined.json["status"] == "declined"
    with force_locale("ru"):  # the buyer's language, whatever the catalogue holds today
        assert declined.json["message"] == decline_message("card_declined")
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    assert order.status == "payment_failed"
    assert "last-declined" in client.get(f"/ru/orders/{order.number}/pay").get_data(as_text=True)
    assert _pay(client, order, _card(localstripe, GOOD)).json["status"] == "paid"
    db.session.expire_all()
    attempts = db.session.scalars(select(PaymentIntentRecord).order_by(PaymentIntentRecord.attempt)).all()
    assert [(a.attempt, a.status) for a in attempts] == [(1, "failed"), (2, "succeeded")]
    assert [e.to_status for e in db.session.get(Order, order.id).events] == [
        "pending_payment",
        "payment_failed",
        "paid",
    ]


def test_three_d_secure_then_return(client, make, stripe_app, localstripe):
    order = _placed(client, make)
    first = _pay(client, order, _card(localstripe, SECURE))
    assert first.json["status"] == "requires_action" and first.json["client_secret"]
    ref = first.json["client_secret"].split("_secret_")[0]
    # what the fake Stripe.js does when the buyer completes the 3-D Secure dialog
    requests.post(
        f"{localstripe.url}/v1/payment_intents/{ref}/_authenticate?success=true",
        json={"key": PUBLISHABLE_KEY, "client_secret": first.json["client_secret"]},
        timeout=10,
    )
    back = client.post(f"/ru/orders/{order.number}/pay/return")
    assert back.json["status"] == "paid"
    # a redirect return (real Stripe) lands on the order page
    assert client.get(f"/ru/orders/{order.number}/pay/return").headers["Location"] == f"/ru/orders/{order.number}"


def test_failed_three_d_secure_is_a_decline(client, make, stripe_app, localstripe):
    order = _placed(client, make)
    first = _pay(client, order, _card(localstripe, SECURE))
    ref = first.json["client_secret"].split("_secret_")[0]
    requests.post(
        f"{localstripe.url}/v1/payment_intents/{ref}/_authenticate?success=false",
        json={"key": PUBLISHABLE_KEY, "client_secret": first.json["client_secret"]},
        timeout=10,
    )
    back = client.post(f"/ru/orders/{order.number}/pay/return")
    assert back.json["status"] == "declined" and back.json["message"]
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "payment_failed"


def test_krw_is_charged_in_whole_won(client, make, stripe_app, localstripe):
    order = _placed(client, make, currency="KRW")
    assert _pay(client, order, _card(localstripe, GOOD)).json["status"] == "paid"
    intent = db.session.scalars(select(PaymentIntentRecord)).one()
    remote = _stripe_intent(localstripe, intent.provider_ref)
    assert (remote["amount"], remote["currency"]) == (order.total_minor, "krw")
    assert order.total.amount == order.total_minor  # zero-decimal: minor unit = unit


def test_localstripe_webhook_alone_marks_the_order_paid(client, make, stripe_app, localstripe):
    """The buyer never comes back: Stripe's signed webhook (sent by localstripe) is enough."""
    order = _placed(client, make)
    intent = pay_ops.intent_for(KIND, order)
    db.session.commit()
    server = LiveServer(stripe_app).start()
    try:
        localstripe.register_webhook("kuajing-tests", f"{server.url}/webhooks/stripe")
        auth = ("sk_test_12345", "")
        requests.post(
            f"{localstripe.url}/v1/payment_intents/{intent.provider_ref}",
            auth=auth,
            data={"payment_method": _card(localstripe, GOOD)},
            timeout=10,
        )
        requests.post(f"{localstripe.url}/v1/payment_intents/{intent.provider_ref}/confirm", auth=auth, timeout=10)
        status = _wait_for_status(order.id, "paid")
    finally:
        localstripe.register_webhook("kuajing-tests", "http://127.0.0.1:9/unused")
        server.stop()
    assert status == "paid"


def _wait_for_status(order_id: int, wanted: str, timeout: float = 20.0) -> str:
    """Poll the database until the order reaches a status (webhooks arrive asynchronously)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        db.session.expire_all()
        status = db.session.get(Order, order_id).status
        if status == wanted or time.monotonic() > deadline:
            return status
        time.sleep(0.1)
