"""Operators hide service packages with a reason the provider sees, and restore them (audited)."""

from __future__ import annotations

import pytest
from flask import g
from flask_babel import force_locale, gettext
from sqlalchemy import select

from services_market import search
from services_market.models import Package
from storefront.accounts.models import Role
from storefront.core.audit import AuditEntry
from storefront.extensions import db
from tests.backoffice_helpers import FreshClient

REASON = "Promises guaranteed customs clearance"


class Client(FreshClient):
    """A client that also forgets the provider cached on ``g``."""

    def open(self, *args, **kwargs):
        g.pop("provider", None)
        return super().open(*args, **kwargs)


def as_user(app, user=None) -> Client:
    """A fresh client, signed in as ``user`` when given."""
    client = Client(app, app.response_class, use_cookies=True)
    if user is not None:
        with client.session_transaction() as session:  # Flask-Login's keys: the sign-in form is rate limited
            session["_user_id"] = str(user.id)
            session["_fresh"] = True
    return client


@pytest.fixture(autouse=True)
def _clean_package_index(app):
    """The package index starts empty (the database wipe bypasses the commit hooks)."""
    with app.app_context():
        search.clear()
    yield


@pytest.fixture
def market(make):
    """An operator, a provider with a public package, and another provider's public package."""
    make.rates()
    operator = make.user(Role.OPERATOR.value, email="moderator@kuajing.example")
    provider = make.service_provider()
    package = make.service_package(provider, texts={"zh": ("可疑的清关服务", ""), "en": ("Dubious clearance help", "")})
    other = make.service_package(
        make.service_provider(), texts={"zh": ("正规的翻译服务", ""), "en": ("Honest translation help", "")}
    )
    db.session.commit()
    return operator, provider, package, other


def _package(package_id: int) -> Package:
    db.session.expire_all()
    return db.session.get(Package, package_id)


def _public(client, package) -> dict[str, bool]:
    """Where the public sees the package: its page, the API (one and list), browsing and search."""
    listing = client.get("/api/v1/services?lang=en").json
    return {
        "page": client.get(f"/en/services/p/{package.id}").status_code == 200,
        "api": client.get(f"/api/v1/services/{package.id}").status_code == 200,
        "api_list": package.id in [item["id"] for item in listing["items"]],
        "browse": f'data-package="{package.id}"' in client.get("/en/services/").get_data(as_text=True),
        "search": f'data-package="{package.id}"' in client.get("/en/services/?q=clearance").get_data(as_text=True),
    }


def _package_form(**extra) -> dict:
    return {
        "category": "translation",
        "languages": ["zh", "ru"],
        "title_zh": "可疑的清关服务",
        "title_en": "Dubious clearance help",
        "basic_enabled": "y",
        "basic_price": "800",
        "basic_days": "5",
        "basic_revisions": "1",
        "basic_deliverables_zh": "交付物",
        **extra,
    }


def test_operator_hides_and_restores_a_package(app, market):
    operator, provider, package, other = market
    public, ops, owner = as_user(app), as_user(app, operator), as_user(app, provider.owner)
    everywhere = dict.fromkeys(("page", "api", "api_list", "browse", "search"), True)
    assert _public(public, package) == everywhere

    listing = ops.get("/en/operator/moderation/packages/?q=Dubious").get_data(as_text=True)
    assert "Dubious clearance help" in listing and "Honest translation help" not in listing
    response = ops.post(f"/en/operator/moderation/packages/{package.id}/hide", data={"reason": REASON})
    assert response.status_code == 302
    hidden = _package(package.id)
    assert hidden.moderated_hidden and hidden.moderation_reason == REASON and hidden.published

    assert _public(public, package) == dict.fromkeys(everywhere, False)
    assert _public(public, other)["page"] and _public(public, other)["api_list"]
    moderated = ops.get("/en/operator/moderation/packages/?state=moderated").get_data(as_text=True)
    assert "Dubious clearance help" in moderated and REASON in moderated
    assert "Honest translation help" not in moderated

    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "package.hide")).one()
    target = (entry.actor_id, entry.target_type, entry.target_id)
    assert target == (operator.id, "service_packages", str(package.id))
    assert entry.before == {"moderated_hidden": False, "moderation_reason": ""}
    assert entry.after == {"moderated_hidden": True, "moderation_reason": REASON}

    # the owner sees why, on the dashboard and the edit page
    assert REASON in owner.get("/en/services/provider/").get_data(as_text=True)
    edit = owner.get(f"/en/services/provider/packages/{package.id}/edit").get_data(as_text=True)
    assert "An operator hid this package." in edit and REASON in edit
    with force_locale("zh"):
        notice_zh = gettext("An operator hid this package.")
    assert notice_zh != "An operator hid this package."
    assert notice_zh in owner.get(f"/zh/services/provider/packages/{package.id}/edit").get_data(as_text=True)

    # …but cannot publish it again: unpublishing and republishing leaves it hidden
    url = f"/en/services/provider/packages/{package.id}/edit"
    assert owner.post(url, data=_package_form()).status_code == 302  # published unticked
    assert owner.post(url, data=_package_form(published="y")).status_code == 302
    again = _package(package.id)
    assert again.published and again.moderated_hidden and again.moderation_reason == REASON
    assert _public(public, package) == dict.fromkeys(everywhere, False)

    response = ops.post(f"/en/operator/moderation/packages/{package.id}/restore")
    assert response.status_code == 302
    restored = _package(package.id)
    assert not restored.moderated_hidden and restored.moderation_reason == ""
    assert _public(public, package) == everywhere
    assert "An operator hid this package." not in owner.get(url).get_data(as_text=True)
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "package.restore")).one()
    assert entry.before == {"moderated_hidden": True, "moderation_reason": REASON}
    assert entry.after == {"moderated_hidden": False, "moderation_reason": ""}


def test_a_reason_is_required(app, market):
    operator, _provider, package, _other = market
    ops = as_user(app, operator)
    for data in ({}, {"reason": "   "}):
        assert ops.post(f"/en/operator/moderation/packages/{package.id}/hide", data=data).status_code == 302
    assert not _package(package.id).moderated_hidden
    assert ops.post(f"/en/operator/moderation/packages/{package.id}/restore").status_code == 302
    assert db.session.scalars(select(AuditEntry)).all() == []
    missing = ops.post("/en/operator/moderation/packages/999999/hide", data={"reason": REASON})
    assert missing.status_code == 404


def test_products_and_packages_share_the_moderation_page(app, market):
    operator, *_rest = market
    ops = as_user(app, operator)
    products = ops.get("/en/operator/moderation/").get_data(as_text=True)
    assert "/en/operator/moderation/packages/" in products
    packages = ops.get("/en/operator/moderation/packages/").get_data(as_text=True)
    assert 'href="/en/operator/moderation/"' in packages and "Dubious clearance help" in packages


def test_only_operators_moderate_packages(app, make, market):
    _operator, provider, package, _other = market
    merchant = make.merchant()
    db.session.commit()
    urls = [
        ("get", "/en/operator/moderation/packages/"),
        ("post", f"/en/operator/moderation/packages/{package.id}/hide"),
        ("post", f"/en/operator/moderation/packages/{package.id}/restore"),
    ]
    for user, expected in ((None, 302), (provider.owner, 403), (merchant.owner, 403)):
        client = as_user(app, user)
        for method, url in urls:
            response = getattr(client, method)(url, data={"reason": "mine"} if method == "post" else None)
            assert response.status_code == expected, (user, url)
            if expected == 302:
                assert "/account/login" in response.headers["Location"]
    assert not _package(package.id).moderated_hidden
    assert db.session.scalars(select(AuditEntry)).all() == []


def test_csrf_protects_the_moderation_forms(app, market):
    operator, _provider, package, _other = market
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        ops = as_user(app, operator)
        response = ops.post(f"/en/operator/moderation/packages/{package.id}/hide", data={"reason": REASON})
        assert response.status_code == 400
        assert ops.post(f"/en/operator/moderation/packages/{package.id}/restore").status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert not _package(package.id).moderated_hidden
