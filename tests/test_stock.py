"""Stock never oversells: 20 buyers race for the last 5 units over HTTP (SQLite and PostgreSQL); expired
reservations are released by the CLI job; late payments are honoured when stock allows, else flagged."""

import threading
from datetime import timedelta

import pytest
import requests
from sqlalchemy import func, select

from storefront.catalog.models import Product, ProductVariant
from storefront.extensions import db
from storefront.ordering import operations as ops
from storefront.ordering.models import Order, StockReservation
from tests import factories
from tests.fixtures import BACKENDS, LiveServer, backend_app

BUYERS = 20
UNITS = 5
OUT_OF_STOCK = "there is not enough stock left for a product in your cart"


@pytest.fixture(params=BACKENDS)
def race_app(request, tmp_path):
    """A separate app and database per backend (PostgreSQL skips when the server is not installed)."""
    with backend_app(request, tmp_path, "race", pool=BUYERS) as application:
        yield application


def _race(race_app, product_id: int, add: dict) -> list[tuple[int, str, str]]:
    """20 buyers put ``add`` in their carts, then check out at once; returns (status, final URL, page) each."""
    server = LiveServer(race_app).start()
    barrier = threading.Barrier(BUYERS)
    results: list[tuple[int, str, str]] = [None] * BUYERS  # type: ignore[list-item]

    def buyer(i: int) -> None:
        with requests.Session() as http:
            http.post(f"{server.url}/en/cart/add", data={"product_id": product_id, "qty": 1, **add}, timeout=60)
            form = {
                "email": f"buyer{i}@example.com",
                "contact_name": f"Buyer {i}",
                "country": "PL",
                "city": "Warszawa",
                "address_line1": "ul. Marszałkowska 1",
                "postal_code": "00-001",
                "terms": "DAP",
                "currency": "EUR",
                "pay_method": "card",
                "action": "place",
            }
            barrier.wait(timeout=60)
            response = http.post(f"{server.url}/en/checkout", data=form, timeout=120)
            results[i] = (response.status_code, response.url, response.text)

    threads = [threading.Thread(target=buyer, args=(i,)) for i in range(BUYERS)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=180)
    finally:
        server.stop()
    assert all(r is not None for r in results), "a buyer thread did not finish"
    assert all(status == 200 for status, _url, _text in results)
    won = [r for r in results if "/pay" in r[1]]
    lost = [r for r in results if r[1].endswith("/en/cart/")]
    assert len(won) == UNITS and len(lost) == BUYERS - UNITS
    assert all(OUT_OF_STOCK in text for _s, _u, text in lost)
    return results


def test_twenty_buyers_race_for_the_last_five_units(race_app):
    with race_app.app_context():
        factories.rates()
        product = factories.product(stock=UNITS, moq=1, price_fen=9900)
        db.session.commit()
        product_id = product.id
    _race(race_app, product_id, {})
    with race_app.app_context():
        assert db.session.get(Product, product_id).stock == 0
        assert db.session.scalar(select(func.count(Order.id))) == UNITS
        assert db.session.scalar(select(func.sum(StockReservation.qty))) == UNITS


def test_twenty_buyers_race_for_the_last_five_units_of_one_variant(race_app):
    """Per variant: the last 5 of size M in blue go to exactly 5 buyers; the other variants are untouched."""
    with race_app.app_context():
        factories.rates()
        suit = factories.product(moq=1, price_fen=12000)
        made = factories.with_variants(suit, {"size": ["S", "M"], "colour": ["red", "blue"]}, stock=100)
        made[("M", "blue")].stock = UNITS
        db.session.commit()
        product_id, target = suit.id, made[("M", "blue")].id
    _race(race_app, product_id, {"opt-size": "M", "opt-colour": "blue"})
    with race_app.app_context():
        stock = dict(db.session.execute(select(ProductVariant.id, ProductVariant.stock)).all())
        assert stock.pop(target) == 0 and set(stock.values()) == {100}
        assert db.session.scalar(select(func.count(Order.id))) == UNITS
        assert set(db.session.scalars(select(StockReservation.variant_id))) == {target}
        assert db.session.scalar(select(func.sum(StockReservation.qty))) == UNITS


def test_twenty_buyers_race_for_the_last_five_half_tonnes_of_a_decimal_product(race_app):
    """A tonne product stored in kilograms: 20 buyers each want 2,5 t of the last 12,5 t → exactly 5 orders."""
    with race_app.app_context():
        factories.rates()
        magnesia = factories.product(unit="tonne", moq=500, qty_step=500, stock=UNITS * 2500, price_fen=432_001)
        db.session.commit()
        product_id = magnesia.id
    _race(race_app, product_id, {"qty": "2,5"})
    with race_app.app_context():
        assert db.session.get(Product, product_id).stock == 0
        assert db.session.scalar(select(func.count(Order.id))) == UNITS
        assert db.session.scalar(select(func.sum(StockReservation.qty))) == UNITS * 2500


def test_stock_never_goes_negative_even_by_a_direct_update(make):
    from sqlalchemy.exc import IntegrityError

    p = make.product(stock=1)
    db.session.commit()
    from storefront.ordering import stock

    assert stock.take(p.default_variant.id, 2) is False
    assert stock.take(p.default_variant.id, 1) is True
    db.session.commit()
    with pytest.raises(IntegrityError):
        db.session.execute(db.update(ProductVariant).where(ProductVariant.product_id == p.id).values(stock=-1))
        db.session.flush()
    db.session.rollback()


def _expire(order):
    order.reserved_until = ops.utcnow() - timedelta(minutes=1)
    db.session.commit()


def test_release_job_cancels_expired_orders_and_returns_stock(make, runner):
    make.rates()
    a = make.product(stock=10)
    b = make.product(stock=10)
    fresh = make.order([(a, 2)])
    old = make.order([(a, 3), (b, 4)])
    transfer = make.order([(b, 1)], pay_method="transfer")
    db.session.commit()
    _expire(old)
    result = runner.invoke(args=["orders", "release-expired"])
    assert result.exit_code == 0 and "1 order(s) released" in result.output
    db.session.expire_all()
    assert db.session.get(Product, a.id).stock == 8 and db.session.get(Product, b.id).stock == 9
    assert db.session.get(Order, old.id).status == "cancelled"
    assert db.session.get(Order, fresh.id).status == "pending_payment"
    assert db.session.get(Order, transfer.id).status == "awaiting_transfer"
    assert [e.cause for e in db.session.get(Order, old.id).events][-1] == "reservation_expired"
    again = runner.invoke(args=["orders", "release-expired"])
    assert "0 order(s) released" in again.output
    db.session.expire_all()
    assert db.session.get(Product, a.id).stock == 8


def test_late_payment_is_honoured_when_stock_allows(make):
    make.rates()
    a = make.product(stock=5)
    order = make.order([(a, 3)])
    db.session.commit()
    _expire(order)
    ops.cancel_expired()
    db.session.commit()
    assert db.session.get(Product, a.id).stock == 5
    outcome = ops.mark_paid(order, payment_ref="pi_late", cause="payment_succeeded", actor="stripe")
    db.session.commit()
    assert outcome == "late_paid" and order.status == "paid" and order.review_reason == ""
    db.session.expire_all()
    assert db.session.get(Product, a.id).stock == 2
    assert [e.cause for e in order.events][-1] == "late_payment"


def test_late_payment_without_stock_is_flagged_for_refund(make):
    make.rates()
    a = make.product(stock=5)
    order = make.order([(a, 3)])
    db.session.commit()
    _expire(order)
    ops.cancel_expired()
    make.order([(a, 4)])  # someone else bought the released units
    db.session.commit()
    outcome = ops.mark_paid(order, payment_ref="pi_late", cause="payment_succeeded", actor="stripe")
    db.session.commit()
    assert outcome == "refund_due"
    assert order.status == "refund_due" and order.review_reason == "refund_due" and order.payment_ref == "pi_late"
    db.session.expire_all()
    assert db.session.get(Product, a.id).stock == 1
