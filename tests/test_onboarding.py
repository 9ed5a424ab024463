"""After signing up, merchants and providers land on a checklist (filing → first listing → payout details),
not on the storefront; payout bank details are checked, audited and only the seller's own."""

from __future__ import annotations

import pytest

from storefront.core.audit import AuditEntry
from storefront.extensions import db
from storefront.ledger import payouts
from storefront.ledger.operations import seller_account
from tests.backoffice_helpers import client_as
from tests.test_accounts import _link_in_last_mail

BANK = {"bank_name": "中国银行大连分行", "account_name": "大连测试有限公司", "account_number": "6217 0000 1234 5678"}


@pytest.mark.parametrize(
    ("role", "checklist"), [("merchant", "/zh/merchant/welcome"), ("provider", "/zh/services/provider/welcome")]
)
def test_sign_up_lands_on_the_checklist_not_the_storefront(app, client, ctx, role, checklist):
    email = f"new-{role}@example.cn"
    client.post(
        "/zh/account/register",
        data={"name": "王丽", "email": email, "password": "long-enough-pw", "confirm": "long-enough-pw", "role": role},
    )
    landed = client.get(_link_in_last_mail(app, email))
    assert landed.status_code == 302 and landed.headers["Location"].endswith(checklist)
    page = client.get(checklist).get_data(as_text=True)
    assert page.count('class="checklist-step todo"') == 3
    steps = [s for s in ("filing", "product" if role == "merchant" else "package", "payout")]
    assert all(f'data-step="{s}"' in page for s in steps)
    assert "登记" in page or "备案" in page  # in Chinese
    client.post("/zh/account/logout")
    again = client.post("/zh/account/login", data={"email": email, "password": "long-enough-pw"})
    assert again.headers["Location"].endswith(checklist)


def test_buyers_still_land_on_the_storefront(app, client, ctx):
    client.post(
        "/en/account/register",
        data={
            "name": "B",
            "email": "b@example.com",
            "password": "long-enough-pw",
            "confirm": "long-enough-pw",
            "role": "buyer",
        },
    )
    assert client.get(_link_in_last_mail(app, "b@example.com")).headers["Location"].endswith("/en/")


def test_merchant_checklist_follows_the_steps_and_ends_on_the_dashboard(app, make):
    merchant = make.merchant(status="pending")
    db.session.commit()
    client = client_as(app, merchant.owner)
    page = client.get("/en/merchant/welcome").get_data(as_text=True)
    assert "waiting for the platform" in page and page.count("checklist-step todo") == 3
    make.product(merchant)
    merchant.status = "approved"
    db.session.commit()
    page = client.get("/en/merchant/welcome").get_data(as_text=True)
    assert page.count("checklist-step done") == 2
    assert client.post("/en/merchant/money/details", data=BANK).status_code == 302
    assert client.get("/en/merchant/welcome").headers["Location"].endswith("/en/merchant/")


def test_provider_checklist_counts_its_packages_and_payout_details(app, make):
    provider = make.service_provider()
    db.session.commit()
    client = client_as(app, provider.owner)
    assert client.get("/en/services/provider/welcome").get_data(as_text=True).count("checklist-step done") == 1
    make.service_package(provider)
    assert client.post("/en/services/provider/money/details", data=BANK).status_code == 302
    assert client.get("/en/services/provider/welcome").status_code == 302


def test_payout_details_are_checked_audited_and_per_seller(app, make):
    merchant, other = make.merchant(), make.merchant()
    db.session.commit()
    client = client_as(app, merchant.owner)
    bad = client.post("/zh/merchant/money/details", data={**BANK, "account_number": "12", "swift": "X"})
    page = bad.get_data(as_text=True)
    assert bad.status_code == 400 and page.count('aria-invalid="true"') == 2
    assert payouts.details_of(seller_account("merchant", merchant.id)) is None
    assert client.post("/zh/merchant/money/details", data={**BANK, "swift": "bkchcnbj"}).status_code == 302
    saved = payouts.details_of(seller_account("merchant", merchant.id))
    assert (saved.account_number, saved.swift, saved.updated_by_id) == (
        "6217 0000 1234 5678",
        "BKCHCNBJ",
        merchant.owner.id,
    )
    assert payouts.details_of(seller_account("merchant", other.id)) is None
    entry = db.session.scalars(db.select(AuditEntry).where(AuditEntry.action == "payout_details.update")).one()
    assert entry.actor_id == merchant.owner.id and entry.before is None
    client.post("/zh/merchant/money/details", data={**BANK, "bank_name": "中国工商银行大连分行"})
    assert "中国工商银行大连分行" in client.get("/zh/merchant/money").get_data(as_text=True)
    assert "中国银行大连分行" not in client_as(app, other.owner).get("/zh/merchant/money").get_data(as_text=True)
