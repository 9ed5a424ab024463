"""POST /webhooks/stripe: signature checked, each event handled once, and an event is only a hint — the
PaymentIntent is read back from Stripe and only what Stripe says (if it matches our record) is applied."""

import logging

import pytest
from sqlalchemy import func, select

from storefront.extensions import db
from storefront.ordering.models import Order
from storefront.ordering.payable import KIND
from storefront.ordering.signals import order_paid
from storefront.payments import operations as pay_ops
from storefront.payments.models import PaymentEvent, PaymentTransaction
from tests.fake_stripe import FakeStripe
from tests.stripe_server import event_payload, sign


@pytest.fixture
def gateway(app):
    gw = FakeStripe.from_app(app)
    app.extensions["kj_payment_gateway"] = gw
    yield gw
    app.extensions.pop("kj_payment_gateway", None)


@pytest.fixture
def paid_signals():
    received = []

    def receiver(order, **kw):
        received.append((order.number, kw))

    order_paid.connect(receiver)
    yield received
    order_paid.disconnect(receiver)


@pytest.fixture
def pending(make, gateway):
    """An unpaid order with an open intent (USD), committed."""
    make.rates()
    order = make.order([(make.product(price_fen=12345, stock=10), 2)], currency="USD")
    intent = pay_ops.intent_for(KIND, order)
    db.session.commit()
    return order, intent


def _post(client, app, payload, secret=None):
    header = sign(payload, secret or app.config["STRIPE_WEBHOOK_SECRET"])
    return client.post(
        "/webhooks/stripe",
        data=payload,
        headers={"Stripe-Signature": header, "Content-Type": "application/json"},
    )


def _succeeded(intent, event_id="evt_1", amount=None, currency=None):
    return event_payload(
        event_id,
        "payment_intent.succeeded",
        intent.provider_ref,
        intent.amount_minor if amount is None else amount,
        currency or intent.currency,
    )


def _state(order):
    db.session.expire_all()
    fresh = db.session.get(Order, order.id)
    return (
        fresh.status,
        fresh.review_reason,
        len(fresh.events),
        db.session.scalar(select(func.count(PaymentTransaction.id))),
    )


def test_valid_event_marks_the_order_paid_once(client, app, pending, paid_signals, gateway):
    order, intent = pending
    gateway.succeed(intent.provider_ref)
    response = _post(client, app, _succeeded(intent))
    assert response.status_code == 200 and response.json["outcome"] == "paid"
    status, reason, events, txns = _state(order)
    assert (status, reason) == ("paid", "")
    assert paid_signals == [(order.number, {"cause": "payment_succeeded", "payment_ref": intent.provider_ref})]
    fresh = db.session.get(Order, order.id)
    assert fresh.payment_ref == intent.provider_ref and fresh.paid_at is not None
    assert all(sub.status == "paid" for sub in fresh.sub_orders)
    # the same event again: acknowledged, nothing changes
    again = _post(client, app, _succeeded(intent))
    assert again.status_code == 200 and again.json["outcome"] == "duplicate"
    # another event about the same payment (e.g. after the buyer's return was applied): nothing changes either
    other = _post(client, app, _succeeded(intent, event_id="evt_2"))
    assert other.json["outcome"] == "duplicate"
    assert _state(order) == (status, reason, events, txns)
    assert len(paid_signals) == 1
    assert db.session.scalar(select(func.count(PaymentEvent.id))) == 2


def test_bad_signature_is_rejected_and_changes_nothing(client, app, pending):
    order, intent = pending
    before = _state(order)
    assert _post(client, app, _succeeded(intent), secret="whsec_wrong").status_code == 400
    no_header = client.post("/webhooks/stripe", data=_succeeded(intent))
    assert no_header.status_code == 400
    stale = client.post(
        "/webhooks/stripe",
        data=_succeeded(intent),
        headers={
            "Stripe-Signature": sign(_succeeded(intent), app.config["STRIPE_WEBHOOK_SECRET"], timestamp=1_600_000_000)
        },
    )
    assert stale.status_code == 400
    tampered = _succeeded(intent).replace(b'"amount": ', b'"amount": 1')
    header = sign(_succeeded(intent), app.config["STRIPE_WEBHOOK_SECRET"])
    assert client.post("/webhooks/stripe", data=tampered, headers={"Stripe-Signature": header}).status_code == 400
    assert _state(order) == before
    assert db.session.scalar(select(func.count(PaymentEvent.id))) == 0


@pytest.mark.parametrize(("amount_delta", "currency"), [(-100, None), (0, "EUR")])
def test_event_claiming_another_amount_than_stripe_is_rejected(
    client, app, pending, paid_signals, gateway, amount_delta, currency
):
    """Stripe collected the right amount, but the event says otherwise: the event is not believed."""
    order, intent = pending
    gateway.succeed(intent.provider_ref)
    before = _state(order)
    response = _post(client, app, _succeeded(intent, amount=intent.amount_minor + amount_delta, currency=currency))
    assert response.status_code == 200 and response.json["outcome"] == "rejected"
    assert _state(order) == before and paid_signals == []
    event = db.session.scalars(select(PaymentEvent)).one()
    assert event.outcome == "rejected" and "gateway says" in event.reason


def test_forged_success_for_an_unpaid_intent_changes_nothing(client, app, pending, paid_signals, gateway):
    """A correctly signed but false event (Stripe says the intent is still open) is stored as rejected."""
    order, intent = pending
    before = _state(order)
    response = _post(client, app, _succeeded(intent))
    assert response.json["outcome"] == "rejected"
    assert _state(order) == before and paid_signals == []
    event = db.session.scalars(select(PaymentEvent)).one()
    assert event.reason.startswith("event says succeeded, gateway says open")
    # replaying it later, once the buyer really paid, still changes nothing (the event id was handled)
    gateway.succeed(intent.provider_ref)
    assert _post(client, app, _succeeded(intent)).json["outcome"] == "duplicate"
    assert _state(order) == before


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"amount_received": 1}, "amount received 1 is not"),
        ({"metadata": {"payable": "order:999999"}}, "metadata payable 'order:999999'"),
        ({"currency": "EUR"}, "currency EUR is not USD"),
        ({"amount_minor": 5}, "amount 5 is not"),
    ],
)
def test_stripe_object_not_matching_our_record_is_rejected(client, app, pending, paid_signals, gateway, change, reason):
    """What Stripe says must match our record (amount received, currency, amount, payable in metadata)."""
    from dataclasses import replace

    order, intent = pending
    gateway.succeed(intent.provider_ref)
    gateway.intents[intent.provider_ref] = fake = replace(gateway.intents[intent.provider_ref], **change)
    before = _state(order)
    payload = event_payload("evt_m", "payment_intent.succeeded", intent.provider_ref, fake.amount_minor, fake.currency)
    assert _post(client, app, payload).json["outcome"] == "rejected"
    assert _state(order) == before and paid_signals == []
    assert reason in db.session.scalars(select(PaymentEvent)).one().reason


def test_stripe_unreachable_defers_the_event(client, app, pending, gateway):
    """Cannot read the intent back: 503 (Stripe delivers again), nothing recorded."""
    order, intent = pending
    gateway.succeed(intent.provider_ref)
    gateway.down = True
    before = _state(order)
    assert _post(client, app, _succeeded(intent)).status_code == 503
    assert _state(order) == before
    assert db.session.scalar(select(func.count(PaymentEvent.id))) == 0
    gateway.down = False
    assert _post(client, app, _succeeded(intent)).json["outcome"] == "paid"


def test_unknown_payment_is_logged_and_acknowledged(client, app, pending, caplog, gateway):
    _order, intent = pending
    payload = event_payload("evt_x", "payment_intent.succeeded", "pi_not_ours", 500, "usd")
    with caplog.at_level(logging.WARNING, logger="storefront.payments.operations"):
        response = _post(client, app, payload)
    assert response.status_code == 200 and response.json["outcome"] == "unknown"
    assert "pi_not_ours" in caplog.text
    assert db.session.scalars(select(PaymentEvent)).one().outcome == "unknown"


def test_other_event_types_are_acknowledged_and_ignored(client, app, pending):
    payload = b'{"id": "evt_c", "type": "customer.created", "data": {"object": {"object": "customer"}}}'
    response = _post(client, app, payload)
    assert response.status_code == 200 and response.json["outcome"] == "ignored"


def test_failed_then_succeeded(client, app, pending, gateway):
    order, intent = pending
    gateway.fail(intent.provider_ref)
    failed = event_payload(
        "evt_f",
        "payment_intent.payment_failed",
        intent.provider_ref,
        intent.amount_minor,
        intent.currency,
        status="requires_payment_method",
        error={"code": "card_declined", "message": "Your card was declined."},
    )
    assert _post(client, app, failed).json["outcome"] == "failed"
    assert _state(order)[0] == "payment_failed"
    db.session.expire_all()
    retry = pay_ops.intent_for(KIND, db.session.get(Order, order.id))  # a new attempt, new idempotency key
    db.session.commit()
    assert retry.attempt == 2 and retry.idempotency_key.startswith(f"kj-order-{order.id}-2-")
    gateway.succeed(retry.provider_ref)
    assert _post(client, app, _succeeded(retry, event_id="evt_s")).json["outcome"] == "paid"
    assert _state(order)[0] == "paid"
    # a success for the older, declined attempt now means the buyer paid twice: flagged for a refund
    gateway.succeed(intent.provider_ref)
    late = event_payload(
        "evt_old", "payment_intent.succeeded", intent.provider_ref, intent.amount_minor, intent.currency
    )
    assert _post(client, app, late).json["outcome"] == "double_payment"
    status, reason, _e, _t = _state(order)
    assert (status, reason) == ("paid", "double_payment")


def test_real_stripe_without_a_webhook_secret_refuses_to_start(tmp_path):
    """No default secret with real Stripe: anyone could sign events with the public development one."""
    from storefront.app import create_app
    from storefront.config import load_config
    from storefront.payments import UnsafeStripeConfig

    real = {"STRIPE_SECRET_KEY": "sk_live_abc", "DATA_DIR": str(tmp_path)}
    assert load_config(real)["STRIPE_WEBHOOK_SECRET"] == ""
    for extra in ({}, {"STRIPE_WEBHOOK_SECRET": "whsec_localstripe_dev"}):
        config = {**load_config({**real, **extra}), "TESTING": True}
        with pytest.raises(UnsafeStripeConfig):
            create_app(config)
    test_key = load_config({"STRIPE_SECRET_KEY": "sk_test_abc", "DATA_DIR": str(tmp_path)})
    with pytest.raises(UnsafeStripeConfig):
        create_app({**test_key, "TESTING": True})
    # with the endpoint's secret it starts; a fake server (loopback or declared) keeps the development secret
    assert create_app({**load_config({**real, "STRIPE_WEBHOOK_SECRET": "whsec_real"}), "TESTING": True})
    local = load_config({"DATA_DIR": str(tmp_path)})
    assert local["STRIPE_WEBHOOK_SECRET"] == "whsec_localstripe_dev"
    declared = load_config({"STRIPE_API_BASE": "http://localstripe:8420", "STRIPE_FAKE": "1"})
    assert declared["STRIPE_WEBHOOK_SECRET"] == "whsec_localstripe_dev"
    undeclared = load_config({"STRIPE_API_BASE": "http://stripe-proxy:8420"})
    assert undeclared["STRIPE_WEBHOOK_SECRET"] == ""


def test_webhook_settles_an_attempt_whose_intent_id_was_lost(client, app, make, gateway, paid_signals):
    """The process died after Stripe created the intent but before we stored its id: the webhook finds the
    attempt by the key in the intent's metadata (a guest order here) and settles it."""
    make.rates()
    order = make.order([(make.product(price_fen=5000, stock=3), 1)], currency="USD", user_=None)
    db.session.commit()
    attempt = pay_ops.begin_attempt(KIND, order)  # committed; no provider_ref yet
    info = gateway.create_intent(
        attempt.amount,
        idempotency_key=attempt.idempotency_key,
        metadata={"payable": f"order:{order.id}", "attempt": attempt.idempotency_key},
    )
    gateway.succeed(info.ref)
    payload = event_payload("evt_lost", "payment_intent.succeeded", info.ref, info.amount_minor, info.currency)
    assert _post(client, app, payload).json["outcome"] == "paid"
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "paid"
    assert len(paid_signals) == 1
