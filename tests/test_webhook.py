"""POST /webhooks/stripe: signature checked, each event handled once, amount and currency checked."""

import logging
from itertools import count

import pytest
from sqlalchemy import func, select

from storefront.extensions import db
from storefront.ordering.models import Order, OrderEvent
from storefront.ordering.payable import KIND
from storefront.ordering.signals import order_paid
from storefront.payments import operations as pay_ops
from storefront.payments.gateway import IntentInfo
from storefront.payments.models import PaymentEvent, PaymentTransaction
from storefront.payments.stripe_gateway import StripeGateway
from tests.stripe_server import event_payload, sign

_ids = count(1)


class OfflineStripe(StripeGateway):
    """The Stripe gateway with its network calls replaced (webhook verification stays real)."""

    def create_intent(self, amount, *, idempotency_key, metadata):
        return IntentInfo(
            ref=f"pi_test_{next(_ids)}",
            status="open",
            amount_minor=amount.minor,
            currency=amount.currency,
            client_secret="secret",
        )


@pytest.fixture
def gateway(app):
    gw = OfflineStripe.from_config(app.config)
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


def test_valid_event_marks_the_order_paid_once(client, app, pending, paid_signals):
    order, intent = pending
    response = _post(client, app, _succeeded(intent))
    assert response.status_code == 200 and response.json["outcome"] == "paid"
    status, reason, events, txns = _state(order)
    assert (status, reason) == ("paid", "")
    assert paid_signals == [
        (order.number, {"cause": "payment_succeeded", "payment_ref": intent.provider_ref})
    ]
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
            "Stripe-Signature": sign(
                _succeeded(intent), app.config["STRIPE_WEBHOOK_SECRET"], timestamp=1_600_000_000
            )
        },
    )
    assert stale.status_code == 400
    tampered = _succeeded(intent).replace(b'"amount": ', b'"amount": 1')
    header = sign(_succeeded(intent), app.config["STRIPE_WEBHOOK_SECRET"])
    assert (
        client.post("/webhooks/stripe", data=tampered, headers={"Stripe-Signature": header}).status_code
        == 400
    )
    assert _state(order) == before
    assert db.session.scalar(select(func.count(PaymentEvent.id))) == 0


@pytest.mark.parametrize(("amount_delta", "currency"), [(-100, None), (0, "EUR")])
def test_wrong_amount_or_currency_is_not_paid_but_flagged(
    client, app, pending, paid_signals, amount_delta, currency
):
    order, intent = pending
    response = _post(
        client, app, _succeeded(intent, amount=intent.amount_minor + amount_delta, currency=currency)
    )
    assert response.status_code == 200 and response.json["outcome"] == "mismatch"
    status, reason, _events, _txns = _state(order)
    assert (status, reason) == ("pending_payment", "amount_mismatch")
    assert paid_signals == []
    txn = db.session.scalars(select(PaymentTransaction).where(PaymentTransaction.action == "mismatch")).one()
    assert txn.code == "amount_mismatch" and txn.provider_ref == intent.provider_ref
    event = db.session.scalars(select(OrderEvent).where(OrderEvent.cause == "amount_mismatch")).one()
    assert event.from_status == event.to_status == "pending_payment"


def test_unknown_payment_is_logged_and_acknowledged(client, app, pending, caplog):
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
    assert retry.attempt == 2 and retry.idempotency_key == f"kj-order-{order.id}-2"
    assert _post(client, app, _succeeded(retry, event_id="evt_s")).json["outcome"] == "paid"
    assert _state(order)[0] == "paid"
    # a success for the older, declined attempt now means the buyer paid twice: flagged for a refund
    late = event_payload(
        "evt_old", "payment_intent.succeeded", intent.provider_ref, intent.amount_minor, intent.currency
    )
    assert _post(client, app, late).json["outcome"] == "double_payment"
    status, reason, _e, _t = _state(order)
    assert (status, reason) == ("paid", "double_payment")
