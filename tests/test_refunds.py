"""Refunds: card (Stripe Refund API with an idempotency key) and bank (recorded), full and partial, by the
operator or a merchant for its own lines; bad input changes nothing; two racing refunds → exactly one; stock
returns for goods that did not ship; refund webhooks are confirmed by reading the refund back; the buyer's
e-mail; proposals for the operator's queue; service orders use the same function."""

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.ledger import operations as ledger
from storefront.ledger.check import check
from storefront.ordering.models import Order, SubOrder
from storefront.ordering.payable import KIND
from storefront.payments import refunds
from storefront.payments.models import PaymentEvent, Refund, RefundProposal
from tests import factories
from tests.fake_stripe import FakeStripe
from tests.fixtures import BACKENDS, backend_app
from tests.stripe_server import sign
from tests.test_ledger import pay_by_card


@pytest.fixture
def gateway(app):
    gw = FakeStripe.from_app(app, prefix="pi_refund_")
    app.extensions["kj_payment_gateway"] = gw
    yield gw
    app.extensions.pop("kj_payment_gateway", None)


@pytest.fixture
def paid(make, gateway):
    """A paid CNY order of two merchants (2 × 100 CNY and 3 × 50 CNY), stock 10 each before the order."""
    make.rates()
    m1, m2 = make.merchant(), make.merchant()
    a = make.product(m1, price_fen=10000, stock=10)
    b = make.product(m2, price_fen=5000, stock=10)
    order = make.order([(a, 2), (b, 3)], currency="CNY", lang="ru")
    db.session.commit()
    pay_by_card(gateway, KIND, order)
    db.session.expire_all()
    return db.session.get(Order, order.id)


def refund_mails(app, order):
    """The refund e-mails sent to the order's buyer (.eml files of the file mail backend)."""
    from email import policy
    from email.parser import BytesParser

    found = []
    for path in sorted((Path(app.config["DATA_DIR"]) / "mail").glob("*.eml")):
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        if msg["To"] == order.email and str(msg["Subject"]).startswith(f"Заказ {order.number}: возврат"):
            found.append(msg)
    return found


def _stock(product_id):
    db.session.expire_all()
    return db.session.get(Product, product_id).stock


def _snapshot(order):
    db.session.expire_all()
    return (
        db.session.get(Order, order.id).status,
        db.session.scalar(select(func.count(Refund.id))),
        len(ledger.entries_for(KIND, order.id)),
        sorted(p.stock for p in db.session.scalars(select(Product))),
    )


def test_operator_refunds_half_by_card(paid, gateway, app):
    half = paid.total_minor // 2
    row = refunds.refund(KIND, paid, half, actor="operator:1", reason="damaged")
    db.session.commit()
    assert row.status == "succeeded" and row.provider_ref.startswith("re_test_")
    assert gateway.calls.count("refund") == 1
    stripe_refund = gateway.refunds[row.provider_ref]
    assert (stripe_refund.amount_minor, stripe_refund.intent_ref) == (half, paid.payment_ref)
    assert stripe_refund.metadata["refund"] == row.idempotency_key
    db.session.expire_all()
    order = db.session.get(Order, paid.id)
    assert order.status == "paid"  # partly refunded: still to be shipped
    assert refunds.refundable(KIND, order).minor == paid.total_minor - half
    sums = {}
    for e in ledger.entries_for(KIND, order.id):
        sums[(e.kind, e.account)] = sums.get((e.kind, e.account), 0) + e.amount_minor
    assert sums[("refund", "cash:stripe")] == -half
    assert sum(v for (k, a), v in sums.items() if k == "refund" and a.startswith("seller:")) == half
    assert check(gateway)[1] == []
    mail = refund_mails(app, order)
    assert len(mail) == 1, "the buyer gets one refund e-mail, in Russian"
    body = mail[0].get_body(("plain",)).get_content()
    assert "Мы вернули" in body and order.number in body and "damaged" in body


def test_full_refund_before_shipping_returns_stock_and_closes_the_order(paid, gateway):
    product_ids = [line.product_id for sub in paid.sub_orders for line in sub.lines]
    before = [_stock(pid) for pid in product_ids]
    refunds.refund(KIND, paid, paid.total_minor, actor="operator:1")
    db.session.commit()
    after = [_stock(pid) for pid in product_ids]
    assert after == [before[0] + 2, before[1] + 3]
    order = db.session.get(Order, paid.id)
    assert order.status == "refunded" and all(sub.status == "refunded" for sub in order.sub_orders)
    assert db.session.scalars(select(Refund)).one().restocked
    assert check(gateway)[1] == []


def test_merchant_refunds_only_its_own_lines(paid, gateway):
    sub = paid.sub_orders[1]  # 3 × 50 CNY + freight
    share = sub.goods_minor + sub.shipping_minor
    with pytest.raises(refunds.RefundError) as too_much:
        refunds.refund(KIND, paid, share + 1, actor="merchant:2", sub_order=sub)
    assert too_much.value.code == "too_much"
    product_id = sub.lines[0].product_id
    before = _stock(product_id)
    refunds.refund(KIND, paid, share, actor="merchant:2", sub_order=sub)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(SubOrder, sub.id).status == "refunded" and _stock(product_id) == before + 3
    assert db.session.get(Order, paid.id).status == "paid"  # the other merchant's part is still sold
    assert ledger.balance(f"seller:merchant:{sub.merchant_id}", "CNY", kind="refund") == share


def test_shipped_goods_are_refunded_without_stock_return(paid, gateway):
    from storefront.ordering.operations import ship_order

    sub = paid.sub_orders[0]
    ship_order(sub, "EMS", "EE123", actor="merchant")
    db.session.commit()
    before = _stock(sub.lines[0].product_id)
    refunds.refund(KIND, paid, sub.goods_minor + sub.shipping_minor, actor="operator:1", sub_order=sub)
    db.session.commit()
    assert _stock(sub.lines[0].product_id) == before
    assert db.session.get(SubOrder, sub.id).status == "shipped"


@pytest.mark.parametrize(("amount", "code"), [(0, "amount"), (-5, "amount"), (None, "amount"), (10**9, "too_much")])
def test_bad_amounts_change_nothing(paid, gateway, amount, code):
    before = _snapshot(paid)
    with pytest.raises(refunds.RefundError) as err:
        refunds.refund(KIND, paid, amount, actor="operator:1")
    assert err.value.code == code and err.value.message
    assert _snapshot(paid) == before and gateway.calls.count("refund") == 0


def test_messages_are_translated(paid, gateway):
    with pytest.raises(refunds.RefundError) as err:
        refunds.refund(KIND, paid, paid.total_minor + 1, actor="operator:1")
    with force_locale("zh"):
        assert "退款" in err.value.message
    with force_locale("ru"):
        assert "возврат" in err.value.message.lower()


def test_second_refund_beyond_the_rest_is_refused(paid, gateway):
    refunds.refund(KIND, paid, paid.total_minor - 100, actor="operator:1")
    db.session.commit()
    with pytest.raises(refunds.RefundError) as err:
        refunds.refund(KIND, paid, 101, actor="operator:1")
    assert err.value.code == "too_much"
    refunds.refund(KIND, paid, 100, actor="operator:1")
    db.session.commit()
    with pytest.raises(refunds.RefundError) as done:
        refunds.refund(KIND, paid, 1, actor="operator:1")
    assert done.value.code == "not_paid"


def test_gateway_failure_records_a_failed_refund_and_moves_no_money(paid, gateway):
    gateway.down = True
    with pytest.raises(refunds.RefundError) as err:
        refunds.refund(KIND, paid, 100, actor="operator:1")
    assert err.value.code == "gateway"
    db.session.expire_all()
    assert db.session.scalars(select(Refund)).one().status == "failed"
    assert refunds.refundable(KIND, db.session.get(Order, paid.id)).minor == paid.total_minor
    assert [e for e in ledger.entries_for(KIND, paid.id) if e.kind == "refund"] == []


def test_bank_transfer_refund_needs_its_reference(make, runner):
    make.rates()
    order = make.order([(make.product(price_fen=10000, stock=5), 1)], currency="CNY", pay_method="transfer")
    db.session.commit()
    runner.invoke(
        args=[
            "orders",
            "confirm-transfer",
            order.number,
            "--amount",
            f"{order.total_minor / 100:.2f}",
            "--reference",
            "BOC-1",
        ]
    )
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    with pytest.raises(refunds.RefundError) as err:
        refunds.refund(KIND, order, 500, actor="operator:1")
    assert err.value.code == "bank_ref"
    row = refunds.refund(KIND, order, 500, actor="operator:1", bank_ref="BOC-OUT-9")
    db.session.commit()
    assert (row.method, row.status, row.provider_ref) == ("bank", "succeeded", "bank:BOC-OUT-9")
    cash = [e.amount_minor for e in ledger.entries_for(KIND, order.id) if e.account == "cash:bank"]
    assert cash == [order.total_minor, -500]


def _post_event(client, app, payload: bytes):
    return client.post(
        "/webhooks/stripe",
        data=payload,
        headers={"Stripe-Signature": sign(payload, app.config["STRIPE_WEBHOOK_SECRET"])},
    )


def _refund_event(event_id, info, type_="refund.updated", amount=None):
    import json

    obj = {
        "id": info.ref,
        "object": "refund",
        "amount": info.amount_minor if amount is None else amount,
        "currency": info.currency.lower(),
        "status": "succeeded",
        "payment_intent": info.intent_ref,
    }
    return json.dumps({"id": event_id, "type": type_, "data": {"object": obj}}).encode()


def test_pending_refund_is_confirmed_by_the_webhook_after_reading_it_back(paid, gateway, client, app):
    original = gateway.create_refund

    def pending_refund(*args, **kwargs):
        info = original(*args, **kwargs)
        gateway.refunds[info.ref] = replace(info, status="pending")
        return gateway.refunds[info.ref]

    gateway.create_refund = pending_refund
    row = refunds.refund(KIND, paid, 300, actor="operator:1")
    db.session.commit()
    assert row.status == "pending"
    info = gateway.refunds[row.provider_ref]
    # an event claiming success while Stripe still says pending: acknowledged, nothing booked
    assert _post_event(client, app, _refund_event("evt_r0", info)).json["outcome"] == "pending"
    # a forged amount is rejected
    gateway.refunds[info.ref] = info = replace(info, status="succeeded")
    assert _post_event(client, app, _refund_event("evt_r1", info, amount=5)).json["outcome"] == "rejected"
    assert "amount" in db.session.scalars(select(PaymentEvent).where(PaymentEvent.event_id == "evt_r1")).one().reason
    assert _post_event(client, app, _refund_event("evt_r2", info)).json["outcome"] == "refunded"
    assert _post_event(client, app, _refund_event("evt_r2", info)).json["outcome"] == "duplicate"
    charge_event = (
        b'{"id": "evt_r3", "type": "charge.refunded", "data": {"object": {"id": "ch_1", "object": "charge", '
        b'"payment_intent": "' + paid.payment_ref.encode() + b'"}}}'
    )
    assert _post_event(client, app, charge_event).json["outcome"] == "duplicate"
    db.session.expire_all()
    assert db.session.get(Refund, row.id).status == "succeeded"
    assert len({e.txn for e in ledger.entries_for(KIND, paid.id) if e.kind == "refund"}) == 1  # booked once
    assert check(gateway)[1] == []


def test_late_payment_without_stock_is_proposed_for_refund(make, gateway):
    """A paid order that cannot be fulfilled is queued for the operator; refunding it closes the proposal."""
    from datetime import timedelta

    from storefront.ordering import operations as ops

    make.rates()
    product = make.product(price_fen=10000, stock=1)
    order = make.order([(product, 1)], currency="CNY")
    order.reserved_until = ops.utcnow() - timedelta(minutes=1)
    db.session.commit()
    ops.cancel_expired()
    product.stock = 0
    db.session.commit()
    rec, outcome = pay_by_card(gateway, KIND, order)
    assert outcome == "refund_due"
    proposal = db.session.scalars(select(RefundProposal)).one()
    assert (proposal.cause, proposal.amount_minor, proposal.status) == (
        "refund_due",
        order.total_minor,
        "open",
    )
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    refunds.refund(KIND, order, proposal.amount_minor, actor="operator:1", payment_ref=proposal.payment_ref)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(RefundProposal, proposal.id).status == "done"
    assert db.session.get(Order, order.id).status == "refunded"
    assert check(gateway)[1] == []


def test_service_order_declined_by_provider_is_refunded_through_the_same_function(make, gateway):
    from services_market import orders as service_orders
    from services_market.constants import Action, Party
    from services_market.order_models import ServiceOrder
    from services_market.payments import KIND as SERVICE_KIND

    make.rates()
    merchant = make.merchant()
    package = make.service_package(make.service_provider())
    order = service_orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], None)
    db.session.commit()
    pay_by_card(gateway, SERVICE_KIND, order)
    db.session.expire_all()
    order = db.session.get(ServiceOrder, order.id)
    service_orders.transition(order, Action.DECLINE, order.provider.owner, Party.PROVIDER, "No capacity")
    db.session.commit()
    proposal = db.session.scalars(select(RefundProposal)).one()
    assert (proposal.payable_kind, proposal.cause, proposal.amount_minor) == (
        SERVICE_KIND,
        "provider_declined",
        order.card_fen,
    )
    refunds.refund(SERVICE_KIND, order, proposal.amount_minor, actor="operator:1")
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(ServiceOrder, order.id).refund_state == "done"
    assert db.session.get(RefundProposal, proposal.id).status == "done"
    assert check(gateway)[1] == []


@pytest.fixture(params=BACKENDS)
def race_app(request, tmp_path):
    """A separate app and database per backend, with the fake Stripe gateway of the payments tests."""
    with backend_app(request, tmp_path, "refund", pool=4) as application:
        gw = FakeStripe.from_app(application, prefix="pi_race_")
        application.extensions["kj_payment_gateway"] = gw
        yield application, gw


def test_two_refunds_racing_exactly_one_succeeds(race_app):
    application, gw = race_app
    with application.test_request_context("/en/"):
        factories.rates()
        order = factories.order([(factories.product(price_fen=10000, stock=5), 1)], currency="CNY")
        db.session.commit()
        pay_by_card(gw, KIND, order)
        order_id, total = order.id, order.total_minor
        db.session.remove()
    amount = total * 6 // 10  # each asks 60 %: both together would be too much
    barrier = threading.Barrier(2)
    results = [None, None]

    def operator(i):
        with application.test_request_context("/en/"):
            try:
                payable = db.session.get(Order, order_id)
                refunds.refundable(KIND, payable)  # both have read the same state
                barrier.wait(timeout=30)
                refunds.refund(KIND, payable, amount, actor=f"operator:{i}")
                db.session.commit()
                results[i] = "ok"
            except refunds.RefundError as exc:
                db.session.rollback()
                results[i] = exc.code
            finally:
                db.session.remove()

    threads = [threading.Thread(target=operator, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(results) == ["busy", "ok"] or sorted(results) == ["ok", "too_much"], results
    with application.test_request_context("/en/"):
        rows = db.session.scalars(select(Refund)).all()
        assert [(r.status, r.amount_minor) for r in rows] == [("succeeded", amount)]
        assert gw.calls.count("refund") == 1
        assert check(gw)[1] == []


def test_customs_refusal_hook_proposes_the_merchants_part(paid, gateway):
    from storefront.ordering.payable import propose_customs_refund

    sub = paid.sub_orders[0]
    propose_customs_refund(sub, detail="CEB 100: refused")
    propose_customs_refund(sub, detail="again")  # once while open
    db.session.commit()
    proposal = db.session.scalars(select(RefundProposal)).one()
    assert (proposal.cause, proposal.sub_order_id) == ("customs_refused", sub.id)
    assert proposal.amount_minor == sub.goods_minor + sub.shipping_minor
