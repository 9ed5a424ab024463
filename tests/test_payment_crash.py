"""Defect 2: a crash between the charge and our commit loses nothing. The attempt row is committed before
Stripe is called; a retry reuses the same PaymentIntent; ``flask payments reconcile`` settles what Stripe
charged. Runs against localstripe (which ignores idempotency keys, so our own attempt row must hold)."""

import pytest
import requests
from sqlalchemy import func, select

from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.ordering.models import Order, StockReservation
from storefront.payments.models import IntentStatus, PaymentIntentRecord
from tests.test_checkout_stripe import GOOD, _card, _pay, _placed

pytestmark = pytest.mark.stripe


class Crash(RuntimeError):
    """The process dies here."""


@pytest.fixture
def crash_at(stripe_app):
    points: set[str] = set()

    def hook(name):
        if name in points:
            points.discard(name)  # once: the process restarts without the fault
            raise Crash(name)

    stripe_app.extensions["kj_payment_faults"] = hook
    yield points
    stripe_app.extensions.pop("kj_payment_faults", None)


def _stripe(localstripe, path):
    return requests.get(f"{localstripe.url}/v1/{path}", auth=("sk_test_12345", ""), timeout=10).json()


def _our_intents_at_stripe(localstripe, order):
    """This test's intents (localstripe lives for the whole session and ids repeat between tests)."""
    keys = set(db.session.scalars(select(PaymentIntentRecord.idempotency_key)))
    found, after = [], None
    while True:
        page = _stripe(localstripe, "payment_intents?limit=100" + (f"&starting_after={after}" if after else ""))
        found += [pi for pi in page["data"] if pi["metadata"].get("attempt") in keys]
        if not page.get("has_more"):
            return found
        after = page["data"][-1]["id"]


def _snapshot(order_id):
    db.session.expire_all()
    order = db.session.get(Order, order_id)
    stock = {p.id: p.stock for p in db.session.scalars(select(Product).order_by(Product.id))}
    reservations = sorted(
        (r.product_id, r.qty, r.state)
        for r in db.session.scalars(select(StockReservation).where(StockReservation.order_id == order_id))
    )
    return order, stock, reservations


def test_crash_after_the_charge_then_reconcile_settles_once(client, make, stripe_app, localstripe, crash_at, runner):
    order = _placed(client, make)
    _order, stock_before, _res = _snapshot(order.id)
    crash_at.add("after_gateway_confirm")
    with pytest.raises(Crash):
        _pay(client, order, _card(localstripe, GOOD))
    db.session.rollback()
    order, stock, reservations = _snapshot(order.id)
    assert order.status == "pending_payment"  # charged at Stripe, not marked here: the defect's situation
    attempt = db.session.scalars(select(PaymentIntentRecord)).one()  # the attempt row survived the crash
    assert attempt.status == IntentStatus.OPEN and attempt.provider_ref is None  # its id was never committed
    (charged,) = _our_intents_at_stripe(localstripe, order)
    assert charged["status"] == "succeeded" and charged["metadata"]["attempt"] == attempt.idempotency_key

    result = runner.invoke(args=["payments", "reconcile", "--days", "1"])
    assert result.exit_code == 0, result.output
    assert f"settled {charged['id']}: paid" in result.output
    order, stock_after, reservations = _snapshot(order.id)
    assert order.status == "paid" and order.payment_ref == charged["id"]
    assert stock_after == stock_before  # taken once at checkout, never again
    assert all(state == "consumed" for _p, _q, state in reservations)
    # a second reconcile and a late retry by the buyer change nothing and charge nothing
    again = runner.invoke(args=["payments", "reconcile", "--days", "1"])
    assert "0 settled" in again.output
    assert _pay(client, order, _card(localstripe, GOOD)).json["status"] in {"paid", "closed"}
    intents = _our_intents_at_stripe(localstripe, order)
    assert len(intents) == 1 and intents[0]["status"] == "succeeded"
    charges = [c for c in _stripe(localstripe, "charges?limit=100")["data"] if c["payment_intent"] == intents[0]["id"]]
    assert len(charges) == 1
    assert db.session.scalar(select(func.count(Order.id)).where(Order.status == "paid")) == 1
    assert _snapshot(order.id)[1] == stock_before
    # the books: one charge in the ledger, equal to what Stripe received
    ledger_check = runner.invoke(args=["payments", "check-ledger"])
    assert ledger_check.exit_code == 0 and "ledger balanced" in ledger_check.output, ledger_check.output


def test_crash_after_the_charge_then_the_buyer_retries(client, make, stripe_app, localstripe, crash_at):
    """The buyer presses pay again before reconcile runs: the charged intent is settled, not charged again."""
    order = _placed(client, make)
    crash_at.add("after_gateway_confirm")
    with pytest.raises(Crash):
        _pay(client, order, _card(localstripe, GOOD))
    db.session.rollback()
    assert _pay(client, order, _card(localstripe, GOOD)).json["status"] == "paid"
    intents = _our_intents_at_stripe(localstripe, order)
    assert len(intents) == 1
    assert db.session.scalars(select(PaymentIntentRecord)).one().status == IntentStatus.SUCCEEDED


def test_crash_before_the_intent_id_is_recorded_reuses_the_same_intent(client, make, stripe_app, localstripe, crash_at):
    """Stripe made the PaymentIntent but we died before writing its id: the retry finds it by the attempt
    key in its metadata instead of creating a second one (localstripe ignores idempotency keys)."""
    order = _placed(client, make)
    crash_at.add("after_gateway_create")
    with pytest.raises(Crash):
        _pay(client, order, _card(localstripe, GOOD))
    db.session.rollback()
    attempt = db.session.scalars(select(PaymentIntentRecord)).one()
    assert attempt.provider_ref is None  # committed before the call, id never recorded
    assert len(_our_intents_at_stripe(localstripe, order)) == 1
    assert _pay(client, order, _card(localstripe, GOOD)).json["status"] == "paid"
    intents = _our_intents_at_stripe(localstripe, order)
    assert len(intents) == 1 and intents[0]["metadata"]["attempt"] == attempt.idempotency_key
    db.session.expire_all()
    assert db.session.get(PaymentIntentRecord, attempt.id).provider_ref == intents[0]["id"]
    assert db.session.get(Order, order.id).status == "paid"


def test_worker_pass_runs_reconcile(client, make, stripe_app, localstripe, crash_at):
    """The clearance worker's loop settles lost payments periodically (PAYMENTS_RECONCILE_SECONDS)."""
    from storefront.payments import reconcile

    order = _placed(client, make)
    crash_at.add("after_gateway_confirm")
    with pytest.raises(Crash):
        _pay(client, order, _card(localstripe, GOOD))
    db.session.rollback()
    stripe_app.config["PAYMENTS_RECONCILE_SECONDS"] = 60
    try:
        next_due = reconcile.periodic(stripe_app, 0.0)
        assert reconcile.periodic(stripe_app, next_due) == next_due  # not due again yet
    finally:
        stripe_app.config["PAYMENTS_RECONCILE_SECONDS"] = 0
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "paid"
