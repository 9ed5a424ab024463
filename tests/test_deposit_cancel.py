"""Cancelling a T/T order after its deposit (``storefront.ordering.cancellation``): the buyer asks, the merchant's
orders staff cancels; stock released, balance void (paying it later goes to suspense with a refund proposal), no
clearance, the deposit refunded (bank transfer: the operator's refund queue; card: Stripe at once), mails in each
side's language, the ledger balanced, a second submit and strangers changing nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storefront.accounts import team
from storefront.accounts.models import Role
from storefront.catalog import operations as catalog_ops
from storefront.catalog.models import ProductVariant
from storefront.clearance.models import ClearanceCase
from storefront.extensions import db
from storefront.ledger import operations as ledger
from storefront.ledger.check import check
from storefront.ordering import cancellation, instalments, quotations, stock
from storefront.ordering.models import Order, OrderEvent
from storefront.ordering.payable import KIND
from storefront.ordering.states import Cause
from storefront.payments import refunds
from storefront.payments.models import Refund, RefundProposal
from tests.fake_stripe import FakeStripe
from tests.test_ledger import pay_by_card
from tests.test_rfq import _address, _mails, _quotation, _rfq, as_user, shop  # noqa: F401 (the fixture)


@pytest.fixture
def gateway(app):
    gw = FakeStripe.from_app(app, prefix="pi_deposit_")
    app.extensions["kj_payment_gateway"] = gw
    yield gw
    app.extensions.pop("kj_payment_gateway", None)


def _accepted(shop) -> Order:  # noqa: F811
    merchant, product, buyer = shop
    item = _rfq(shop)
    quotation = quotations.submit_quotation(item, _quotation(product), author=merchant.owner)
    db.session.commit()
    order = quotations.accept(quotation, buyer, _address(), lang="ru")
    db.session.commit()
    return order


def _tt_deposit_paid(runner, shop) -> Order:  # noqa: F811
    order = _accepted(shop)
    paid = runner.invoke(args=["orders", "confirm-transfer", order.number, "--amount", "840", "--reference", "D1"])
    assert "deposit_paid" in paid.output, paid.output
    db.session.expire_all()
    return db.session.get(Order, order.id)


def _staff(merchant, roles: list[str], email: str):
    user, _created = team.set_member(team.Side.MERCHANT, merchant.id, email, "Staff", roles, merchant.owner, "zh")
    db.session.commit()
    return user


def _stock(product) -> int:
    db.session.expire_all()
    return db.session.get(ProductVariant, product.default_variant.id).stock


def _proposals(order) -> list[RefundProposal]:
    stmt = select(RefundProposal).where(RefundProposal.payable_kind == KIND, RefundProposal.payable_id == order.id)
    return list(db.session.scalars(stmt))


def test_buyer_asks_orders_staff_cancels_tt_deposit_goes_to_the_refund_desk(app, runner, shop):  # noqa: F811
    merchant, product, buyer = shop
    order = _tt_deposit_paid(runner, shop)
    held = _stock(product)
    b = as_user(app, buyer)
    assert "cancel-request-form" in b.get(f"/ru/orders/{order.number}").get_data(as_text=True)
    asked = b.post(f"/ru/orders/{order.number}/cancel-request", data={"reason": "Проект отменён"})
    assert asked.status_code == 302
    request_mail = [m for m in _mails(app) if m["To"] == merchant.owner.email][-1]
    assert "取消" in str(request_mail["Subject"]) and "Проект отменён" in request_mail.get_content()
    assert "cancel-requested" in b.get(f"/ru/orders/{order.number}").get_data(as_text=True)

    orders_staff = _staff(merchant, ["orders"], "orders@example.com")
    sub = order.sub_orders[0]
    s = as_user(app, orders_staff)
    page = s.get(f"/zh/merchant/orders/{sub.id}").get_data(as_text=True)
    assert "cancel-deposit-form" in page and "Проект отменён" in page
    done = s.post(f"/zh/merchant/orders/{sub.id}/cancel-after-deposit", data={"reason": "客户取消"})
    assert done.status_code == 302
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    assert order.status == "cancelled" and all(s.status == "cancelled" for s in order.sub_orders)
    assert _stock(product) == held + 20  # the reservation is released
    balance = instalments.rows_of(order)[1]
    assert balance.kind == "balance" and balance.cancelled_at is not None and balance.paid_at is None
    assert instalments.next_due(order) is None
    (proposal,) = _proposals(order)
    assert (proposal.cause, proposal.amount_minor, proposal.currency, proposal.payment_ref, proposal.status) == (
        "deposit_cancelled", 84000, "USD", "tt:D1", "open",
    )  # fmt: skip
    assert db.session.scalar(select(func.count()).select_from(ClearanceCase)) == 0
    buyer_mail = [m for m in _mails(app) if m["To"] == order.email][-1]
    text = buyer_mail.get_body(("plain",)).get_content().replace("\xa0", " ")
    assert "отменён" in str(buyer_mail["Subject"]) and "840,00" in text and "банковским переводом" in text
    merchant_mails = [m for m in _mails(app) if m["To"] == merchant.owner.email]
    assert "已取消" in str(merchant_mails[-1]["Subject"])

    # double submit: nothing more happens
    again = s.post(f"/zh/merchant/orders/{sub.id}/cancel-after-deposit", data={"reason": "客户取消"})
    assert again.status_code == 302
    assert len(_proposals(order)) == 1 and _stock(product) == held + 20
    events = db.session.scalars(select(OrderEvent).where(OrderEvent.cause == Cause.DEPOSIT_CANCELLED)).all()
    assert len(events) == 1

    # the operator's refund desk pays it back by bank transfer (the existing refund path, with the ledger entries)
    row = refunds.refund(KIND, order, 84000, actor="operator", bank_ref="RF-1", payment_ref=proposal.payment_ref)
    db.session.commit()
    assert row.status == "succeeded"
    db.session.expire_all()
    assert _proposals(order)[0].status == "done"
    assert check()[1] == []
    seller = ledger.seller_account("merchant", merchant.id)
    assert sum(e.amount_minor for e in ledger.entries_for(KIND, order.id) if e.account == seller) == 0


def test_the_balance_cannot_be_paid_after_the_cancellation(app, runner, shop):  # noqa: F811
    _merchant, _product, buyer = shop
    order = _tt_deposit_paid(runner, shop)
    cancellation.cancel(order, actor="merchant:test")
    db.session.commit()
    for amount in ("1960", "2800"):  # the old balance, or the whole order
        late = runner.invoke(
            args=["orders", "confirm-transfer", order.number, "--amount", amount, "--reference", f"B{amount}"]
        )
        assert late.exit_code == 0
        assert "paid" not in late.output.replace("deposit_paid", ""), late.output
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    assert order.status == "cancelled" and order.paid_at is None
    assert db.session.scalar(select(func.count()).select_from(ClearanceCase)) == 0
    assert {p.payment_ref for p in _proposals(order)} == {"tt:D1", "tt:B1960", "tt:B2800"}  # all go back
    assert check()[1] == []
    b = as_user(app, buyer)
    page = b.get(f"/ru/orders/{order.number}").get_data(as_text=True)
    assert 'id="instalment-due"' not in page and "cancel-request-form" not in page


def test_card_deposit_is_refunded_through_stripe_once(app, shop, gateway):  # noqa: F811
    merchant, product, _buyer = shop
    order = _accepted(shop)  # the deposit paid through a card intent of the payments layer (amount due: the deposit)
    rec, outcome = pay_by_card(gateway, KIND, order)
    assert outcome == "deposit_paid" and rec.amount_minor == 84000
    db.session.expire_all()
    order = db.session.get(Order, order.id)
    held = _stock(product)
    s = as_user(app, _staff(merchant, ["orders"], "orders@example.com"))
    url = f"/zh/merchant/orders/{order.sub_orders[0].id}/cancel-after-deposit"
    assert s.post(url, data={"reason": ""}).status_code == 302
    assert s.post(url, data={"reason": ""}).status_code == 302  # double submit
    assert gateway.calls.count("refund") == 1
    (row,) = db.session.scalars(select(Refund)).all()
    assert (row.method, row.amount_minor, row.status, row.payment_ref) == ("card", 84000, "succeeded", rec.provider_ref)
    assert row.idempotency_key.startswith(f"kj-refund-order-{order.id}-")
    db.session.expire_all()
    assert _proposals(order)[0].status == "done"
    assert _stock(product) == held + 20
    assert check(gateway)[1] == []
    buyer_mail = [m for m in _mails(app) if m["To"] == order.email and "отменён" in str(m["Subject"])][-1]
    assert "карту" in buyer_mail.get_body(("plain",)).get_content()


def test_who_may_cancel(app, runner, shop, make):  # noqa: F811
    merchant, _product, buyer = shop
    order = _tt_deposit_paid(runner, shop)
    sub = order.sub_orders[0]
    url = f"/zh/merchant/orders/{sub.id}/cancel-after-deposit"
    catalogue_staff = _staff(merchant, ["catalogue"], "catalogue@example.com")
    other = make.merchant()
    stranger = make.user(Role.BUYER.value)
    db.session.commit()
    assert as_user(app, catalogue_staff).post(url, data={"reason": "x"}).status_code == 403
    assert as_user(app, other.owner).post(url, data={"reason": "x"}).status_code == 404
    assert as_user(app, buyer).post(url, data={"reason": "x"}).status_code == 403
    assert as_user(app, stranger).post(f"/ru/orders/{order.number}/cancel-request", data={}).status_code == 404
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "deposit_paid" and not _proposals(order)


def test_only_a_deposit_paid_order_is_cancelled_here(app, shop):  # noqa: F811
    order = _accepted(shop)  # awaiting the deposit
    with pytest.raises(cancellation.CancelError) as refused:
        cancellation.cancel(order, actor="merchant:test")
    db.session.rollback()
    assert refused.value.code == "state"
    b = as_user(app, shop[2])
    response = b.post(f"/ru/orders/{order.number}/cancel-request", data={"reason": "x"}, follow_redirects=True)
    assert "Отменить здесь можно только заказ" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "awaiting_transfer"


def test_an_order_with_its_deposit_paid_holds_its_variants_and_unit(app, runner, shop):  # noqa: F811
    """A T/T order waiting for its balance still needs its goods: the variant cannot be removed and the product's
    unit cannot change scale under its held stock (the release would give back the wrong amount); once the order is
    cancelled both are free again."""
    merchant, product, _buyer = shop
    order = _tt_deposit_paid(runner, shop)
    variant_id = product.default_variant.id
    assert stock.variants_in_open_orders([variant_id]) == {variant_id}
    data = catalog_ops.ProductInput.from_product(product)
    data.unit = "tonne"
    data.moq, data.qty_step, data.sample_max_qty = 10_000, 5_000, 1_000
    with pytest.raises(catalog_ops.ProductError) as refused:
        catalog_ops.update_product(product, data)
    assert set(refused.value.errors) == {"unit"}
    db.session.rollback()
    assert db.session.get(type(product), product.id).unit == "piece"
    cancellation.cancel(order, actor="test", reason="Покупатель передумал")
    db.session.commit()
    assert stock.variants_in_open_orders([variant_id]) == set()
    catalog_ops.update_product(db.session.get(type(product), product.id), data)
    db.session.commit()
    assert db.session.get(type(product), product.id).unit == "tonne"
