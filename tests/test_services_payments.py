"""Card payment of service orders through the shop's payment module: the same ``POST /webhooks/stripe``, paid
once, replay-safe, amount checked; the card page against localstripe; late payments become refunds."""

from __future__ import annotations

import pytest
import requests
from flask import current_app
from sqlalchemy import func, select

from services_market import orders, search, vouchers
from services_market.constants import Action, Party
from services_market.order_models import ServiceOrder, ServiceOrderEvent
from services_market.payments import KIND
from storefront.extensions import db
from storefront.ordering.models import Order
from storefront.ordering.payable import KIND as SHOP_KIND
from storefront.payments import operations as pay_ops
from storefront.payments.models import PaymentEvent, PaymentIntentRecord, PaymentTransaction
from tests.fake_stripe import FakeStripe
from tests.stripe_server import PUBLISHABLE_KEY, event_payload, sign
from tests.test_services import as_user


@pytest.fixture(autouse=True)
def _clean_package_index(app):
    with app.app_context():
        search.clear()
    yield


@pytest.fixture
def gateway(app):
    gw = FakeStripe.from_app(app, prefix="pi_svc_")
    app.extensions["kj_payment_gateway"] = gw
    yield gw
    app.extensions.pop("kj_payment_gateway", None)


@pytest.fixture
def unpaid(make):
    """A service order with 300 CNY left to pay by card after a 500 CNY voucher."""
    make.rates()
    merchant = make.merchant()
    package = make.service_package(make.service_provider())
    voucher = make.voucher(merchant, kind="amount", amount_fen=50000)
    order = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], voucher.code)
    db.session.commit()
    return order


def _post(client, app, payload):
    header = sign(payload, app.config["STRIPE_WEBHOOK_SECRET"])
    return client.post(
        "/webhooks/stripe",
        data=payload,
        headers={"Stripe-Signature": header, "Content-Type": "application/json"},
    )


def _succeeded(intent, event_id, amount=None):
    gw = current_app.extensions["kj_payment_gateway"]
    if intent.provider_ref in gw.intents and gw.intents[intent.provider_ref].status != "succeeded":
        gw.succeed(intent.provider_ref)  # Stripe collected the money; the event is only the hint
    return event_payload(
        event_id,
        "payment_intent.succeeded",
        intent.provider_ref,
        intent.amount_minor if amount is None else amount,
        intent.currency,
    )


def _state(order):
    db.session.expire_all()
    fresh = db.session.get(ServiceOrder, order.id)
    events = db.session.scalar(select(func.count(ServiceOrderEvent.id)).where(ServiceOrderEvent.order_id == order.id))
    txns = db.session.scalar(select(func.count(PaymentTransaction.id)).where(PaymentTransaction.payable_kind == KIND))
    return fresh.status, fresh.payment_ref, fresh.refund_state, events, txns


def test_webhook_pays_a_service_order_once_and_replays_change_nothing(app, client, gateway, unpaid):
    intent = pay_ops.intent_for(KIND, unpaid)
    db.session.commit()
    assert (intent.amount_minor, intent.currency) == (30000, "CNY")
    assert intent.idempotency_key.startswith(f"kj-{KIND}-{unpaid.id}-1-")
    first = _post(client, app, _succeeded(intent, "evt_svc_1"))
    assert first.status_code == 200 and first.json["outcome"] == "paid"
    paid = _state(unpaid)
    assert paid[:3] == ("requested", intent.provider_ref, "") and paid[4] == 2  # created + succeeded
    replay = _post(client, app, _succeeded(intent, "evt_svc_1"))
    assert replay.json["outcome"] == "duplicate"
    again = _post(client, app, _succeeded(intent, "evt_svc_2"))  # a second event for the same intent
    assert again.json["outcome"] == "duplicate"
    assert _state(unpaid) == paid
    pays = db.session.scalars(
        select(ServiceOrderEvent.action).where(
            ServiceOrderEvent.order_id == unpaid.id, ServiceOrderEvent.action == "pay"
        )
    ).all()
    assert pays == ["pay"]
    assert db.session.scalar(select(func.count(PaymentEvent.id))) == 2


def test_a_bad_signature_or_a_wrong_amount_does_not_pay(app, client, gateway, unpaid):
    intent = pay_ops.intent_for(KIND, unpaid)
    db.session.commit()
    forged = client.post(
        "/webhooks/stripe",
        data=_succeeded(intent, "evt_forged"),
        headers={
            "Stripe-Signature": sign(_succeeded(intent, "evt_forged"), "whsec_wrong"),
            "Content-Type": "application/json",
        },
    )
    assert forged.status_code == 400
    wrong = _post(client, app, _succeeded(intent, "evt_svc_low", amount=100))
    assert wrong.json["outcome"] == "rejected"  # Stripe says 30000: the event's 100 is not believed
    status, _ref, refund, _events, _txns = _state(unpaid)
    assert status == "pending_payment" and refund == ""


def test_goods_and_services_share_the_webhook(app, client, gateway, make, unpaid):
    shop_order = make.order([(make.product(price_fen=12345, stock=10), 1)], currency="USD")
    shop_intent = pay_ops.intent_for(SHOP_KIND, shop_order)
    service_intent = pay_ops.intent_for(KIND, unpaid)
    db.session.commit()
    assert _post(client, app, _succeeded(shop_intent, "evt_goods")).json["outcome"] == "paid"
    assert _post(client, app, _succeeded(service_intent, "evt_service")).json["outcome"] == "paid"
    db.session.expire_all()
    assert db.session.get(Order, shop_order.id).status == "paid"
    assert db.session.get(ServiceOrder, unpaid.id).status == "requested"
    kinds = db.session.scalars(select(PaymentIntentRecord.payable_kind).order_by(PaymentIntentRecord.id)).all()
    assert kinds == [SHOP_KIND, KIND]


def test_money_after_cancellation_is_marked_for_refund(app, client, gateway, unpaid):
    intent = pay_ops.intent_for(KIND, unpaid)
    orders.transition(unpaid, Action.CANCEL, unpaid.merchant.owner, Party.MERCHANT)
    db.session.commit()
    assert _post(client, app, _succeeded(intent, "evt_late")).json["outcome"] == "refund_due"
    status, _ref, refund, _events, _txns = _state(unpaid)
    assert (status, refund) == ("cancelled", "due")


def test_paid_order_declined_by_the_provider_is_refunded(app, client, gateway, unpaid):
    intent = pay_ops.intent_for(KIND, unpaid)
    db.session.commit()
    _post(client, app, _succeeded(intent, "evt_paid"))
    db.session.expire_all()
    order = db.session.get(ServiceOrder, unpaid.id)
    orders.transition(order, Action.DECLINE, order.provider.owner, Party.PROVIDER, "No capacity")
    db.session.commit()
    assert order.refund_state == "due" and vouchers.voucher_of(order) is None


@pytest.mark.stripe
def test_card_page_and_server_side_confirmation_against_localstripe(app, make, stripe_app, localstripe, unpaid):
    merchant_client = as_user(app, unpaid.merchant.owner, "zh")
    page = merchant_client.get(f"/zh/services/orders/{unpaid.number}/pay").get_data(as_text=True)
    assert f'src="{localstripe.url}/js.stripe.com/v3/"' in page and "js/checkout.js" in page
    token = requests.post(
        f"{localstripe.url}/v1/tokens",
        timeout=10,
        data={
            "card[number]": "4242424242424242",
            "card[exp_month]": "12",
            "card[exp_year]": "2034",
            "card[cvc]": "123",
            "key": PUBLISHABLE_KEY,
        },
    ).json()
    paid = merchant_client.post(
        f"/zh/services/orders/{unpaid.number}/pay/card", json={"payment_method": token["card"]["id"]}
    )
    assert paid.json == {"status": "paid", "redirect": f"/zh/services/orders/{unpaid.number}"}
    db.session.expire_all()
    assert db.session.get(ServiceOrder, unpaid.id).status == "requested"
    intent = db.session.scalars(select(PaymentIntentRecord)).one()
    remote = requests.get(
        f"{localstripe.url}/v1/payment_intents/{intent.provider_ref}", auth=("sk_test_12345", ""), timeout=10
    ).json()
    assert (remote["amount"], remote["currency"], remote["status"]) == (30000, "cny", "succeeded")
    assert remote["metadata"] == {
        "payable": f"{KIND}:{unpaid.id}",
        "reference": unpaid.number,
        "attempt": intent.idempotency_key,
    }
    provider_client = as_user(app, unpaid.provider.owner)
    assert (
        provider_client.post(
            f"/en/services/orders/{unpaid.number}/pay/card", json={"payment_method": "pm_x_1"}
        ).status_code
        == 404
    )


def test_service_card_payments_share_the_shop_rate_limit(app, tmp_path, unpaid):
    """One card flow for goods and services: the services endpoint is rate limited like the shop's."""
    from storefront.extensions import limiter
    from tests.fixtures import make_app

    limited = make_app(
        tmp_path, app.config["SQLALCHEMY_DATABASE_URI"], RATELIMIT_ENABLED=True, PAY_RATE_LIMIT="3 per minute"
    )
    client = as_user(limited, unpaid.merchant.owner)
    try:
        codes = [
            client.post(f"/en/services/orders/{unpaid.number}/pay/card", json={"payment_method": "bad"}).status_code
            for _ in range(5)
        ]
    finally:
        limiter.enabled = False  # the limiter object is shared by every app in the test session
        limiter.reset()
    assert codes == [400, 400, 400, 429, 429]
