"""The append-only double-entry ledger: entries from card, bank-transfer and service payments, commission
per category or seller, voucher subsidies from the budget, check constraints, no updates or deletes, and
``flask payments check-ledger`` proving the books equal Stripe's figures."""

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from services_market import orders as service_orders
from services_market.constants import Action, Party
from services_market.payments import KIND as SERVICE_KIND
from storefront.extensions import db
from storefront.ledger import operations as ledger
from storefront.ledger.check import check
from storefront.ledger.models import AppendOnlyError, LedgerEntry
from storefront.ordering.payable import KIND
from storefront.payments import operations as pay_ops
from tests.fake_stripe import FakeStripe


@pytest.fixture
def gateway(app):
    gw = FakeStripe.from_app(app, prefix="pi_ledger_")
    app.extensions["kj_payment_gateway"] = gw
    yield gw
    app.extensions.pop("kj_payment_gateway", None)


def pay_by_card(gateway, kind, payable):
    """Pay through the real path: attempt, Stripe confirms, apply."""
    rec = pay_ops.intent_for(kind, payable)
    outcome = pay_ops.apply_intent(gateway.succeed(rec.provider_ref), source="confirm", actor="buyer")
    db.session.commit()
    return rec, outcome


def _accounts(kind, payable_id):
    sums = {}
    for e in ledger.entries_for(kind, payable_id):
        sums[(e.kind, e.account)] = sums.get((e.kind, e.account), 0) + e.amount_minor
    return sums


@pytest.fixture
def two_merchant_order(make):
    make.rates()
    m1, m2 = make.merchant(), make.merchant()
    steel = make.category("steel-bars")
    berries = make.category("berries", cluster_slug="agri")
    a = make.product(m1, price_fen=10000, stock=10, category_=steel)
    b = make.product(m2, price_fen=5000, stock=10, category_=berries)
    order = make.order([(a, 2), (b, 3)], currency="CNY")
    db.session.commit()
    return order, m1, m2, steel, berries


def test_card_payment_credits_each_merchant_and_takes_commission(gateway, two_merchant_order):
    order, m1, m2, steel, _berries = two_merchant_order
    ledger.set_commission("category", f"product:{steel.id}", 800)  # steel 8 %, the rest the 5 % default
    ledger.set_commission("seller", f"seller:merchant:{m2.id}", 300)  # this merchant has 3 %
    db.session.commit()
    rec, outcome = pay_by_card(gateway, KIND, order)
    assert outcome == "paid"
    subs = {sub.merchant_id: sub for sub in order.sub_orders}
    share1 = subs[m1.id].goods_minor + subs[m1.id].shipping_minor
    share2 = subs[m2.id].goods_minor + subs[m2.id].shipping_minor
    sums = _accounts(KIND, order.id)
    assert sums[("charge", "cash:stripe")] == order.total_minor == share1 + share2
    assert sums[("charge", f"seller:merchant:{m1.id}")] == -share1
    assert sums[("charge", f"seller:merchant:{m2.id}")] == -share2
    assert sums[("commission", f"seller:merchant:{m1.id}")] == 20000 * 8 // 100  # goods only, not freight
    assert sums[("commission", f"seller:merchant:{m2.id}")] == 15000 * 3 // 100
    assert sums[("commission", "platform:commission")] == -(1600 + 450)
    for entry in ledger.entries_for(KIND, order.id):
        assert entry.currency == "CNY" and entry.cny_fen == entry.amount_minor
        assert entry.payment_ref == rec.provider_ref
    count, problems = check(gateway)
    assert problems == [] and count == len(ledger.entries_for(KIND, order.id))


def test_entries_carry_the_cny_equivalent_at_the_days_rate(gateway, make):
    make.rates()
    order = make.order([(make.product(price_fen=12345, stock=5), 1)], currency="USD")
    db.session.commit()
    pay_by_card(gateway, KIND, order)
    cash = next(e for e in ledger.entries_for(KIND, order.id) if e.account == "cash:stripe")
    assert cash.currency == "USD" and cash.amount_minor == order.total_minor
    assert str(cash.rate.normalize()) == "0.1389"
    assert abs(cash.cny_fen - round(order.total_minor / 0.1389)) <= 1


def test_bank_transfer_confirmation_is_booked_to_the_bank(make, runner):
    make.rates()
    order = make.order([(make.product(price_fen=10000, stock=5), 1)], currency="CNY", pay_method="transfer")
    db.session.commit()
    amount = f"{order.total_minor / 100:.2f}"
    result = runner.invoke(
        args=["orders", "confirm-transfer", order.number, "--amount", amount, "--reference", "BOC-1"]
    )
    assert "paid" in result.output
    sums = _accounts(KIND, order.id)
    assert sums[("charge", "cash:bank")] == order.total_minor
    assert "cash:stripe" not in {account for _kind, account in sums}
    assert check(None)[1] == []


def test_double_payment_goes_to_suspense_not_to_the_seller(gateway, two_merchant_order):
    order, *_ = two_merchant_order
    first, _ = pay_by_card(gateway, KIND, order)
    # a second attempt that also succeeded at Stripe (e.g. paid in two tabs)
    second = pay_ops.begin_attempt(KIND, order)
    info = gateway.create_intent(
        second.amount,
        idempotency_key=second.idempotency_key,
        metadata={"payable": f"order:{order.id}", "attempt": second.idempotency_key},
    )
    second.provider_ref = info.ref
    db.session.commit()
    assert pay_ops.apply_intent(gateway.succeed(info.ref), source="webhook") == "double_payment"
    db.session.commit()
    suspense = [e for e in ledger.entries_for(KIND, order.id) if e.account == "suspense:refund_due"]
    assert [e.amount_minor for e in suspense] == [-order.total_minor]
    assert check(gateway)[1] == []


def test_service_order_card_part_and_voucher_subsidy(gateway, make):
    make.rates()
    merchant = make.merchant()
    provider = make.service_provider()
    package = make.service_package(provider)
    voucher = make.voucher(merchant, kind="amount", amount_fen=50000)
    order = service_orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], voucher.code)
    db.session.commit()
    pay_by_card(gateway, SERVICE_KIND, order)
    provider_acc = f"seller:provider:{provider.id}"
    sums = _accounts(SERVICE_KIND, order.id)
    assert sums[("charge", provider_acc)] == -order.card_fen
    assert ("voucher_subsidy", "voucher:budget") not in sums  # paid only when the work is approved
    for action, party, user in (
        (Action.ACCEPT, Party.PROVIDER, provider.owner),
        (Action.START, Party.PROVIDER, provider.owner),
        (Action.DELIVER, Party.PROVIDER, provider.owner),
    ):
        service_orders.transition(order, action, user, party)
    service_orders.transition(order, Action.APPROVE, merchant.owner, Party.MERCHANT)
    db.session.commit()
    sums = _accounts(SERVICE_KIND, order.id)
    assert sums[("voucher_subsidy", "voucher:budget")] == order.voucher_fen == 50000
    assert sums[("voucher_subsidy", provider_acc)] == -50000
    assert ledger.balance(provider_acc, "CNY") == -(order.card_fen + 50000) + sums[("commission", provider_acc)]
    assert check(gateway)[1] == []


def test_ledger_is_append_only(gateway, two_merchant_order):
    order, *_ = two_merchant_order
    pay_by_card(gateway, KIND, order)
    entry = db.session.scalars(select(LedgerEntry)).first()
    entry.amount_minor += 1
    with pytest.raises(AppendOnlyError):
        db.session.flush()
    db.session.rollback()
    entry = db.session.scalars(select(LedgerEntry)).first()
    db.session.delete(entry)
    with pytest.raises(AppendOnlyError):
        db.session.flush()
    db.session.rollback()
    with pytest.raises(AppendOnlyError):
        db.session.execute(update(LedgerEntry).values(amount_minor=1))
    with pytest.raises(AppendOnlyError):
        db.session.execute(delete(LedgerEntry))
    db.session.rollback()
    assert check(gateway)[1] == []


@pytest.mark.parametrize(
    "bad",
    [
        {"amount_minor": 0, "cny_fen": 0},
        {"amount_minor": 5, "cny_fen": -5},
        {"kind": "gift"},
        {"currency": "CN"},
    ],
)
def test_database_constraints_refuse_bad_entries(app, ctx, bad):
    row = {
        "txn": "t",
        "kind": "charge",
        "account": "cash:stripe",
        "currency": "CNY",
        "amount_minor": 5,
        "cny_fen": 5,
        "rate": 1,
        "payable_kind": "order",
        "payable_id": 1,
        "payment_ref": "",
        "reference": "",
        "memo": "",
    }
    db.session.add(LedgerEntry(**{**row, **bad}))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_unbalanced_postings_are_refused_and_check_ledger_reports_tampering(gateway, two_merchant_order, runner):
    order, *_ = two_merchant_order
    with pytest.raises(ValueError):
        ledger._post("charge", "CNY", [("cash:stripe", 100), ("seller:merchant:1", -99)])
    rec, _ = pay_by_card(gateway, KIND, order)
    assert runner.invoke(args=["payments", "check-ledger"]).exit_code == 0
    # Stripe says less was received than the ledger holds (e.g. an entry written by hand)
    from dataclasses import replace

    gateway.intents[rec.provider_ref] = replace(gateway.intents[rec.provider_ref], amount_received=1)
    result = runner.invoke(args=["payments", "check-ledger"])
    assert result.exit_code != 0 and rec.provider_ref in result.output
    db.session.add(
        LedgerEntry(
            txn="x",
            kind="charge",
            account="cash:stripe",
            currency="CNY",
            amount_minor=7,
            cny_fen=7,
            rate=1,
            payable_kind="order",
            payable_id=order.id,
            payment_ref="x",
            reference="",
            memo="",
        )
    )
    db.session.commit()
    offline = runner.invoke(args=["payments", "check-ledger", "--offline"])
    assert offline.exit_code != 0 and "transaction x does not balance: 7 CNY" in offline.output
