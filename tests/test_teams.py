"""Teams: staff accounts with roles for merchants, providers and operators; every back-office route checks a
permission from the one table; changes are audited."""

from __future__ import annotations

import pytest

from services_market import orders
from services_market.constants import Action, Party
from storefront.accounts import permissions, team
from storefront.accounts.models import Role, User
from storefront.core.audit import AuditEntry
from storefront.extensions import db
from tests.backoffice_helpers import client_as
from tests.test_moderation_notices import _mails_to

PREFIXES = ("/<lang>/merchant", "/<lang>/operator", "/<lang>/services/provider/", "/<lang>/services/orders")


def test_every_back_office_route_has_a_permission_from_the_one_table(app):
    endpoints = {r.endpoint for r in app.url_map.iter_rules() if r.rule.startswith(PREFIXES)}
    missing = sorted(e for e in endpoints if e not in permissions.ENDPOINTS)
    assert missing == []
    assert set(permissions.ENDPOINTS.values()) <= set(permissions.PERMISSIONS)
    assert set(permissions.ENDPOINTS) <= {r.endpoint for r in app.url_map.iter_rules()}  # no stale lines


@pytest.fixture
def shop(app, make):
    merchant = make.merchant(owner=make.user(Role.MERCHANT.value, locale="zh"))
    make.product(merchant, sku="TEAM-1")
    db.session.commit()
    return merchant, client_as(app, merchant.owner)


def _staff(app, email):
    user = db.session.scalars(db.select(User).where(User.email == email)).one()
    return user, client_as(app, user)


def test_owner_adds_an_orders_clerk_who_cannot_see_finance_or_catalogue(app, shop):
    merchant, owner = shop
    added = owner.post("/zh/merchant/team", data={"email": "Clerk@Haiyun.example.cn", "name": "李明",
                                                   "roles": ["orders"]})  # fmt: skip
    assert added.status_code == 302
    clerk, client = _staff(app, "clerk@haiyun.example.cn")
    assert clerk.role == "merchant" and team.company_of(clerk, "merchant") == merchant.id
    [invite] = _mails_to(app, "clerk@haiyun.example.cn")
    assert "/zh/account/reset/" in invite.get_body(("plain",)).get_content()
    for url, status in (("/zh/merchant/", 200), ("/zh/merchant/orders", 200), ("/zh/merchant/money", 403),
                        ("/zh/merchant/fx-settlements", 403), ("/zh/merchant/products", 403),
                        ("/zh/merchant/team", 403), ("/zh/merchant/filing", 403)):  # fmt: skip
        assert client.get(url).status_code == status, url
    nav = client.get("/zh/merchant/orders").get_data(as_text=True)
    assert "/zh/merchant/money" not in nav and "/zh/merchant/orders" in nav
    entry = db.session.scalars(db.select(AuditEntry).where(AuditEntry.action == "team.set")).one()
    assert entry.actor_id == merchant.owner_id and entry.after["roles"] == ["orders"]


def test_roles_change_and_removal(app, shop):
    merchant, owner = shop
    owner.post("/zh/merchant/team", data={"email": "cat@haiyun.example.cn", "roles": ["catalogue"]})
    clerk, client = _staff(app, "cat@haiyun.example.cn")
    assert client.get("/zh/merchant/products").status_code == 200
    assert client.get("/zh/merchant/orders").status_code == 403
    owner.post("/zh/merchant/team", data={"email": "cat@haiyun.example.cn", "roles": ["catalogue", "finance"]})
    assert client.get("/zh/merchant/money").status_code == 200
    assert owner.post(f"/zh/merchant/team/{clerk.id}/remove").status_code == 302
    assert team.memberships(clerk) == []
    assert client.get("/zh/merchant/products").status_code == 302  # no company any more: the filing form
    assert owner.post(f"/zh/merchant/team/{clerk.id}/remove").status_code == 404
    actions = [e.action for e in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))]
    assert actions.count("team.set") == 2 and actions[-1] == "team.remove"


def test_bad_team_changes_are_refused(app, shop, make):
    merchant, owner = shop
    other = make.merchant()
    buyer = make.user(Role.BUYER.value, email="buyer@example.com")
    db.session.commit()
    for data in (
        {"email": "x@example.com", "roles": ["boss"]},
        {"email": "x@example.com"},
        {"email": other.owner.email, "roles": ["orders"]},
        {"email": buyer.email, "roles": ["orders"]},
        {"email": merchant.owner.email, "roles": ["orders"]},
        {"email": "nope", "roles": ["orders"]},
    ):
        assert owner.post("/zh/merchant/team", data=data).status_code == 400, data
    assert team.team_of("merchant", merchant.id) == {}
    owner.post("/zh/merchant/team", data={"email": "shared@example.com", "roles": ["orders"]})
    response = client_as(app, other.owner).post("/zh/merchant/team", data={"email": "shared@example.com",
                                                                           "roles": ["orders"]})  # fmt: skip
    assert response.status_code == 400  # staff of one company cannot be taken by another


def test_operator_roles(app, make):
    admin = make.user(Role.OPERATOR.value, email="admin@kuajing.example")
    db.session.commit()
    a = client_as(app, admin)
    assert a.get("/zh/operator/team").status_code == 200  # an operator without roles is an administrator
    a.post("/zh/operator/team", data={"email": "filings@kuajing.example", "roles": ["filings"]})
    clerk = db.session.scalars(db.select(User).where(User.email == "filings@kuajing.example")).one()
    assert clerk.role == "operator"
    c = client_as(app, clerk)
    for url, status in (("/zh/operator/", 200), ("/zh/operator/filings/", 200), ("/zh/operator/rates/", 403),
                        ("/zh/operator/moderation/", 403), ("/zh/operator/audit", 403),
                        ("/zh/operator/clearance", 403), ("/zh/operator/team", 403),
                        ("/zh/operator/vouchers", 403)):  # fmt: skip
        assert c.get(url).status_code == status, url
    assert c.post("/zh/operator/rates/", data={"currency": "RUB", "rate": "13"}).status_code == 403


def test_provider_staff(app, make):
    provider = make.service_provider()
    db.session.commit()
    owner = client_as(app, provider.owner)
    assert owner.post("/en/services/provider/team", data={"email": "pm@translate.example",
                                                          "roles": ["catalogue"]}).status_code == 302  # fmt: skip
    staff = db.session.scalars(db.select(User).where(User.email == "pm@translate.example")).one()
    client = client_as(app, staff)
    assert client.get("/en/services/provider/packages/new").status_code == 200
    assert client.get("/en/services/provider/money").status_code == 403
    assert client.get("/en/services/provider/team").status_code == 403


def test_staff_work_on_their_companys_service_orders(app, make):
    make.rates()
    merchant = make.merchant()
    provider = make.service_provider()
    package = make.service_package(provider)
    order = orders.place_order(merchant.owner, merchant, package, "basic", "Brief", [], make.voucher(merchant).code)
    db.session.commit()
    client_as(app, provider.owner).post("/en/services/provider/team", data={"email": "pm@tr.example",
                                                                             "roles": ["orders"]})  # fmt: skip
    client_as(app, merchant.owner).post("/en/merchant/team", data={"email": "buyer@m.example", "roles": ["orders"]})
    pm = db.session.scalars(db.select(User).where(User.email == "pm@tr.example")).one()
    assert orders.party_of(order, pm) == Party.PROVIDER
    staff = client_as(app, pm)
    assert staff.get(f"/en/services/orders/{order.number}").status_code == 200
    assert staff.post(f"/en/services/orders/{order.number}/do/{Action.ACCEPT.value}").status_code == 302
    db.session.expire_all()
    assert order.status == "accepted"
    buyer = db.session.scalars(db.select(User).where(User.email == "buyer@m.example")).one()
    assert [o.number for o in orders.orders_of(buyer, Party.MERCHANT)] == [order.number]
    stranger = client_as(app, make.user(Role.PROVIDER.value))
    db.session.commit()
    assert stranger.get(f"/en/services/orders/{order.number}").status_code == 404
