"""Government vouchers: single use under concurrent redemption (SQLite and PostgreSQL), expiry, category and
merchant eligibility, amount vouchers with a card remainder, issuing batches and the operator report."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from services_market import orders, search, voucher_report, vouchers
from services_market.constants import Action, Party
from services_market.models import Package
from services_market.order_models import ServiceOrder
from services_market.voucher_models import Voucher, VoucherBatch
from storefront.accounts.models import Merchant, Role
from storefront.catalog.taxonomy import Cluster
from storefront.extensions import db
from tests import factories
from tests.fixtures import BACKENDS, backend_app
from tests.test_services import as_user

RACERS = 12


@pytest.fixture(autouse=True)
def _clean_package_index(app):
    with app.app_context():
        search.clear()
    yield


@pytest.fixture
def shop(make):
    """A Dalian merchant, a translation package (800 / 1500 CNY) and a certification package (5000 CNY)."""
    make.rates()
    merchant = make.merchant(city_slug="dalian")
    translation = make.service_package(make.service_provider())
    certification = make.service_package(
        make.service_provider(categories=["certification"]),
        category="certification",
        tiers=[("basic", 500000, 30, 0)],
    )
    db.session.commit()
    return merchant, translation, certification


def _place(merchant, package, code, level="basic"):
    return orders.place_order(merchant.owner, merchant, package, level, "Brief", [], code)


# concurrency --------------------------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def race_app(request, tmp_path):
    """A separate app and database per backend (PostgreSQL skips when the server is not installed)."""
    with backend_app(request, tmp_path, "voucher", pool=RACERS) as application:
        yield application


def test_a_voucher_is_redeemed_once_under_concurrent_checkouts(race_app):
    with race_app.app_context():
        factories.rates()
        merchant = factories.merchant()
        package = factories.service_package(factories.service_provider())
        code = factories.voucher(merchant, kind="full").code
        db.session.commit()
        merchant_id, package_id = merchant.id, package.id
    barrier = threading.Barrier(RACERS)
    outcomes: list[str | None] = [None] * RACERS

    def racer(i: int) -> None:
        with race_app.app_context():
            m, p = db.session.get(Merchant, merchant_id), db.session.get(Package, package_id)
            m.owner  # noqa: B018 - load before the race
            barrier.wait(timeout=30)
            try:
                orders.place_order(m.owner, m, p, "basic", f"Brief {i}", [], code)
                db.session.commit()
                outcomes[i] = "won"
            except vouchers.VoucherError as exc:
                db.session.rollback()
                outcomes[i] = exc.code
            except OperationalError:
                db.session.rollback()
                outcomes[i] = "busy"
            finally:
                db.session.remove()

    threads = [threading.Thread(target=racer, args=(i,)) for i in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert outcomes.count("won") == 1, outcomes
    assert set(outcomes) <= {"won", "used", "busy"}, outcomes
    with race_app.app_context():
        [voucher] = db.session.scalars(select(Voucher)).all()
        [order] = db.session.scalars(select(ServiceOrder)).all()  # the losers' orders were rolled back
        assert voucher.redeemed_at is not None and voucher.service_order_id == order.id
        assert (order.voucher_fen, order.card_fen, order.status) == (80000, 0, "requested")


def test_the_conditional_update_refuses_a_second_redemption(make, shop):
    merchant, translation, _cert = shop
    voucher = make.voucher(merchant)
    first = _place(merchant, translation, voucher.code)
    db.session.commit()
    stale = db.session.get(Voucher, voucher.id)
    second = _place(merchant, translation, None)
    second.voucher_fen, second.card_fen = 0, second.price_fen
    with pytest.raises(vouchers.VoucherError) as used:
        vouchers.redeem(stale, second, merchant)  # as if the check had passed in another transaction
    assert used.value.code == "used"
    db.session.rollback()
    assert db.session.get(Voucher, voucher.id).service_order_id == first.id
    with pytest.raises(vouchers.VoucherError) as again:
        _place(merchant, translation, voucher.code)
    assert again.value.code == "used"


# eligibility --------------------------------------------------------------------------------------


def test_expired_vouchers_are_refused(make, shop):
    merchant, translation, _cert = shop
    expired = make.voucher(merchant, days=-1)
    with pytest.raises(vouchers.VoucherError) as exc:
        _place(merchant, translation, expired.code)
    assert exc.value.code == "expired"
    assert vouchers.usable_vouchers(merchant) == []
    # "valid through" a day means until midnight at the end of that day, platform time (Asia/Shanghai)
    end = vouchers.end_of_day(date(2026, 3, 1))
    assert end.utcoffset() == timedelta(0) and (end.year, end.month, end.day, end.hour) == (2026, 3, 1, 16)


def test_category_eligibility(make, shop):
    merchant, translation, certification = shop
    voucher = make.voucher(merchant, categories=["certification"])
    with pytest.raises(vouchers.VoucherError) as exc:
        _place(merchant, translation, voucher.code)
    assert exc.value.code == "category"
    assert vouchers.usable_vouchers(merchant, "translation") == []
    assert vouchers.usable_vouchers(merchant, "certification") == [voucher]
    order = _place(merchant, certification, voucher.code)
    assert (order.voucher_fen, order.card_fen) == (500000, 0)


def test_merchant_eligibility_by_assignment_city_and_cluster(make, shop):
    merchant, translation, _cert = shop
    other = make.merchant(city_slug="yingkou")
    assigned = make.voucher(merchant)
    with pytest.raises(vouchers.VoucherError) as exc:
        _place(other, translation, assigned.code)
    assert exc.value.code == "not_yours"
    dalian_only = make.voucher(None, cities=["dalian"])
    with pytest.raises(vouchers.VoucherError) as exc:
        _place(other, translation, dalian_only.code)
    assert exc.value.code == "not_eligible"
    assert _place(merchant, translation, dalian_only.code).voucher_fen == 80000
    swimwear = Cluster(slug="swimwear", names={"en": "Swimwear"}, descriptions={})
    db.session.add(swimwear)
    db.session.flush()
    merchant.cluster_id = swimwear.id
    steel_only = make.voucher(None, clusters=["steel"])
    with pytest.raises(vouchers.VoucherError) as exc:
        _place(merchant, translation, steel_only.code)
    assert exc.value.code == "not_eligible"
    assert _place(merchant, translation, make.voucher(None, clusters=["swimwear"]).code).voucher_fen == 80000
    pending = make.merchant(status="pending")
    with pytest.raises(orders.OrderError):
        _place(pending, translation, make.voucher(pending).code)
    with pytest.raises(vouchers.VoucherError) as exc:
        _place(merchant, translation, "GV-NOPE-NOPE")
    assert exc.value.code == "unknown"


def test_amount_vouchers_leave_a_card_remainder(make, shop):
    merchant, translation, _cert = shop
    part = _place(merchant, translation, make.voucher(merchant, kind="amount", amount_fen=50000).code)
    assert (part.price_fen, part.voucher_fen, part.card_fen, part.status) == (
        80000,
        50000,
        30000,
        "pending_payment",
    )
    big = _place(merchant, translation, make.voucher(merchant, kind="amount", amount_fen=10_000_000).code)
    assert (big.voucher_fen, big.card_fen, big.status) == (80000, 0, "requested")
    # cancelling the unpaid order gives the voucher back
    orders.transition(part, Action.CANCEL, merchant.owner, Party.MERCHANT)
    assert vouchers.voucher_of(part) is None and part.refund_state == ""


def test_unpaid_orders_are_cancelled_by_the_job_and_free_their_voucher(runner, make, shop):
    merchant, translation, _cert = shop
    voucher = make.voucher(merchant, kind="amount", amount_fen=20000)
    stale = _place(merchant, translation, voucher.code)
    fresh = _place(merchant, translation, None)
    stale.created_at = stale.created_at - timedelta(hours=73)
    db.session.commit()
    result = runner.invoke(args=["services", "cancel-unpaid"])
    assert result.exit_code == 0 and stale.number in result.output and fresh.number not in result.output
    db.session.expire_all()
    assert db.session.get(ServiceOrder, stale.id).status == "cancelled"
    assert db.session.get(ServiceOrder, fresh.id).status == "pending_payment"
    assert db.session.get(Voucher, voucher.id).redeemed_at is None


# issuing and reporting ----------------------------------------------------------------------------


def test_operator_issues_a_batch_and_reads_the_report(app, make, shop):
    merchant, translation, certification = shop
    make.merchant(city_slug="yingkou")
    operator = make.user(Role.OPERATOR.value)
    db.session.commit()
    client = as_user(app, operator)
    assert client.get("/en/operator/vouchers/new").status_code == 200
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    bad = client.post(
        "/en/operator/vouchers/new",
        data={"name": "", "kind": "amount", "amount": "x", "expires_on": "2000-01-01", "quantity": "0"},
    )
    assert bad.status_code == 200 and db.session.scalar(select(func.count(VoucherBatch.id))) == 0
    ok = client.post(
        "/en/operator/vouchers/new",
        data={
            "name": "2026 Dalian translation support",
            "funder": "Dalian Bureau of Commerce",
            "kind": "amount",
            "amount": "500",
            "categories": ["translation"],
            "cities": ["dalian"],
            "expires_on": tomorrow,
            "quantity": "2",
            "assign_eligible": "y",
        },
    )
    assert ok.status_code == 302
    batch = db.session.scalars(select(VoucherBatch)).one()
    issued = vouchers.vouchers_of(batch.id)
    assert len(issued) == 3 and [v.merchant_id for v in issued] == [None, None, merchant.id]
    assert (batch.amount_fen, batch.categories, batch.cities) == (50000, ["translation"], ["dalian"])

    order = _place(merchant, translation, issued[2].code)
    assert (order.voucher_fen, order.card_fen) == (50000, 30000)
    old = make.voucher(None, kind="full", days=-3)
    full = make.voucher(merchant, kind="full", categories=["certification"])
    _place(merchant, certification, full.code)
    db.session.commit()

    report = voucher_report.build()
    assert (report.totals.issued, report.totals.redeemed, report.totals.expired) == (5, 2, 1)
    assert report.totals.spent_fen == 50000 + 500000 and report.totals.open == 2
    spent = {row.category: (row.redeemed, row.spent_fen) for row in report.categories}
    assert spent["translation"] == (1, 50000) and spent["certification"] == (1, 500000)
    assert spent["legal-ip"] == (0, 0)
    rows = {row.batch.id: row for row in report.batches}
    assert rows[old.batch_id].expired and rows[old.batch_id].counts.expired == 1
    page = client.get("/en/operator/vouchers/report").get_data(as_text=True)
    assert 'data-category="certification"' in page and "2026 Dalian translation support" in page
    assert client.get(f"/en/operator/vouchers/{batch.id}").status_code == 200
