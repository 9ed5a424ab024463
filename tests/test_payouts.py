"""Seller balances (held until delivery + N days), payout requests (never above the balance), approval
with the bank reference, the payout CSV, commission rates, and monthly statements in HTML and PDF whose
totals equal the ledger."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from storefront.accounts.models import Role
from storefront.core.pdf import load_weasyprint
from storefront.extensions import db
from storefront.ledger import operations as ledger
from storefront.ledger import payouts
from storefront.ledger.check import check
from storefront.ledger.models import LedgerEntry, Payout
from storefront.ordering.operations import ship_order
from storefront.ordering.payable import KIND
from storefront.payments import refunds
from tests.backoffice_helpers import client_as
from tests.test_refunds import gateway, paid  # noqa: F401  (fixtures)

MONTH = datetime.now(UTC).strftime("%Y-%m")


@pytest.fixture
def no_hold(app):
    app.config["PAYOUT_HOLD_DAYS"] = 0
    yield
    app.config["PAYOUT_HOLD_DAYS"] = 14


def _mine(order):
    sub = order.sub_orders[0]
    return sub, ledger.seller_account("merchant", sub.merchant_id)


def test_balance_is_sales_less_commission_and_refunds_held_until_delivery(paid, gateway):  # noqa: F811
    sub, account = _mine(paid)
    share = sub.goods_minor + sub.shipping_minor
    commission = sub.goods_minor * 5 // 100
    (balance,) = payouts.balances(account)
    assert (balance.currency, balance.owed, balance.available) == ("CNY", share - commission, 0)
    refunds.refund(KIND, paid, 1000, actor="operator:1", sub_order=sub)
    db.session.commit()
    (balance,) = payouts.balances(account)
    returned = round(commission * 1000 / share)
    assert balance.owed == share - commission - 1000 + returned
    ship_order(sub, "EMS", "EE1", actor="merchant")
    db.session.commit()
    assert payouts.balances(account)[0].available == 0  # shipped, but the hold has not passed
    later = datetime.now(UTC) + timedelta(days=15)
    assert payouts.balances(account, now=later)[0].available == balance.owed
    assert balance.owed == -ledger.balance(account, "CNY")  # a sum of entries, nothing stored


def test_payout_request_above_the_balance_is_refused(app, paid, gateway, no_hold):  # noqa: F811
    sub, account = _mine(paid)
    ship_order(sub, "EMS", "EE1", actor="merchant")
    db.session.commit()
    (balance,) = payouts.balances(account)
    client = client_as(app, sub.merchant.owner)
    page = client.get("/en/merchant/money").get_data(as_text=True)
    assert 'id="balances"' in page and balance.money(balance.available).format() in page
    too_much = client.post(
        "/en/merchant/money/payouts",
        data={"amount": f"{(balance.available + 1) / 100:.2f}", "currency": "CNY"},
    )
    assert too_much.status_code == 400 and "more than your available balance" in too_much.get_data(as_text=True)
    for bad in ("0", "-1", "x"):
        r = client.post("/en/merchant/money/payouts", data={"amount": bad, "currency": "CNY"})
        assert r.status_code == 400 and "greater than zero" in r.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Payout.id))) == 0
    ok = client.post("/en/merchant/money/payouts", data={"amount": f"{balance.available / 100:.2f}", "currency": "CNY"})
    assert ok.status_code == 302
    again = client.post("/en/merchant/money/payouts", data={"amount": "0.01", "currency": "CNY"})
    assert again.status_code == 400  # everything available is already requested
    assert db.session.scalar(select(func.count(Payout.id))) == 1


def test_operator_pays_with_bank_reference_and_exports_csv(app, paid, gateway, no_hold, make):  # noqa: F811
    sub, account = _mine(paid)
    ship_order(sub, "EMS", "EE1", actor="merchant")
    (balance,) = payouts.balances(account)
    payout = payouts.request_payout(account, balance.available, "CNY", actor="merchant")
    operator_user = make.user(Role.OPERATOR.value)
    db.session.commit()
    operator = client_as(app, operator_user)
    assert "Requested" in operator.get("/en/operator/payouts/").get_data(as_text=True)
    missing = operator.post(f"/en/operator/payouts/{payout.id}/approve", data={"bank_ref": ""})
    assert missing.status_code == 400 and "bank reference" in missing.get_data(as_text=True)
    assert operator.post(f"/en/operator/payouts/{payout.id}/approve", data={"bank_ref": "BOC-PAY-1"}).status_code == 302
    again = operator.post(f"/en/operator/payouts/{payout.id}/approve", data={"bank_ref": "BOC-PAY-2"})
    assert again.status_code == 400 and "already decided" in again.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Payout, payout.id).status == "paid"
    assert -ledger.balance(account, "CNY") == 0  # paid out in full
    assert (
        db.session.scalars(select(LedgerEntry).where(LedgerEntry.kind == "payout", LedgerEntry.account == "cash:bank"))
        .one()
        .amount_minor
        == -balance.available
    )
    csv_text = operator.get("/en/operator/payouts.csv").get_data(as_text=True)
    assert "BOC-PAY-1" in csv_text and f"{balance.available / 100:.2f}" in csv_text
    assert check(gateway)[1] == []


def test_commission_rates_by_the_operator(app, make):
    user = make.user(Role.OPERATOR.value)
    db.session.commit()
    operator = client_as(app, user)
    assert (
        operator.post(
            "/en/operator/commission",
            data={"scope": "category", "key": "service:translation", "percent": "7.5"},
        ).status_code
        == 302
    )
    assert ledger.commission_bp("seller:provider:1", "service:translation") == 750
    bad = operator.post("/en/operator/commission", data={"scope": "default", "key": "", "percent": "80"})
    assert bad.status_code == 400
    assert ledger.commission_bp("seller:provider:1", "service:legal") == ledger.DEFAULT_COMMISSION_BP


def _pdf_text(pdf_document) -> str:
    """Text laid out on the PDF's pages (WeasyPrint's boxes: what the PDF draws)."""
    parts = []

    def walk(box):
        text = getattr(box, "text", None)
        if text:
            parts.append(text)
        for child in getattr(box, "children", []) or []:
            walk(child)

    for page in pdf_document.pages:
        walk(page._page_box)
    return " ".join(parts)


def test_monthly_statement_lists_order_commission_refund_and_equals_the_ledger(app, paid, gateway):  # noqa: F811
    sub, account = _mine(paid)
    refunds.refund(KIND, paid, 1000, actor="operator:1", sub_order=sub, reason="broken")
    db.session.commit()
    client = client_as(app, sub.merchant.owner)
    html = client.get(f"/zh/merchant/money/statements/{MONTH}").get_data(as_text=True)
    assert paid.number in html
    for kind in ("charge", "commission", "refund", "commission_reversal"):
        assert f'data-kind="{kind}"' in html
    closing = payouts.statements(account, datetime.now(UTC).date().replace(day=1), lambda *_: "")[0].closing
    assert closing.minor == -ledger.balance(account, "CNY")
    assert closing.format("zh") in html
    response = client.get(f"/zh/merchant/money/statements/{MONTH}/pdf")
    # WeasyPrint must work here (CI installs Pango and fonts-noto-cjk): a 503 fails the test, it is not skipped
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    weasyprint = load_weasyprint()
    text = _pdf_text(weasyprint.HTML(string=html).render()).replace(" ", "")  # cells wrap at hyphens
    assert paid.number in text and "平台佣金" in text and "退还给买家" in text
    assert closing.format("zh").replace(" ", "") in text


def test_provider_money_page(app, make):
    provider = make.service_provider()
    db.session.commit()
    client = client_as(app, provider.owner)
    assert client.get("/en/services/provider/money").status_code == 200
    assert client.get("/en/services/provider/money/statements/bad").status_code == 404


def test_two_payout_requests_racing_cannot_overdraw(app, tmp_path):
    """Two requests for 60 % of the balance at once: exactly one is recorded (SQLite, separate sessions)."""
    import threading

    from sqlalchemy.exc import IntegrityError, OperationalError

    from storefront.ledger.operations import _post, seller_account
    from tests import factories
    from tests.fixtures import make_app, migrate_schema

    application = make_app(
        tmp_path,
        f"sqlite:///{tmp_path / 'payout-race.sqlite3'}",
        PAYOUT_HOLD_DAYS=0,
        SQLALCHEMY_ENGINE_OPTIONS={"connect_args": {"timeout": 30}},
    )
    migrate_schema(application)
    account = seller_account("provider", 1)
    with application.test_request_context("/en/"):
        factories.rates()
        # a balance of 100.00 CNY that is not tied to an undelivered order (available at once)
        _post("voucher_subsidy", "CNY", [("voucher:budget", 10000), (account, -10000)])
        db.session.commit()
    barrier = threading.Barrier(2)
    results = [None, None]

    def seller(i):
        with application.test_request_context("/en/"):
            try:
                payouts.balances(account)
                barrier.wait(timeout=30)
                payouts.request_payout(account, 6000, "CNY", actor=f"s{i}")
                db.session.commit()
                results[i] = "ok"
            except payouts.PayoutError as exc:
                db.session.rollback()
                results[i] = exc.code
            except (IntegrityError, OperationalError):
                db.session.rollback()
                results[i] = "busy"
            finally:
                db.session.remove()

    threads = [threading.Thread(target=seller, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(results) in (["busy", "ok"], ["above_balance", "ok"]), results
    with application.test_request_context("/en/"):
        assert db.session.scalar(select(func.count(Payout.id))) == 1
