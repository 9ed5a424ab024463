"""Integrations: merchant API keys (scoped, revocable, shown once, hashed at rest) for the REST API, and its
OpenAPI document."""

from __future__ import annotations

import re

import pytest

from storefront.accounts import api_keys
from storefront.core.audit import AuditEntry
from storefront.extensions import db
from storefront.ordering import operations as order_ops
from tests.backoffice_helpers import client_as


@pytest.fixture
def shop(app, make):
    merchant = make.merchant()
    product = make.product(merchant, sku="API-1", stock=7)
    order = make.order([(product, 2)])
    order_ops.mark_paid(order, payment_ref="pi_api", cause="payment_succeeded", actor="test")
    other = make.product(make.merchant(), sku="NOT-MINE")
    db.session.commit()
    return merchant, order.sub_orders[0], other, client_as(app, merchant.owner)


def _create(client, scopes, name="ERP"):
    page = client.post("/zh/merchant/api-keys", data={"name": name, "scopes": scopes}).get_data(as_text=True)
    return re.search(r"<code>(kj_[0-9a-f]{8}_[A-Za-z0-9_-]+)</code>", page).group(1)


def test_key_is_shown_once_hashed_at_rest_and_scoped(app, shop):
    merchant, sub, other, client = shop
    key = _create(client, ["products:read"])
    [row] = api_keys.keys_of(merchant.id)
    assert row.key_hash != key and key not in row.key_hash and len(row.key_hash) == 64
    assert key not in client.get("/zh/merchant/api-keys").get_data(as_text=True)  # never shown again
    api = app.test_client()
    headers = {"Authorization": f"Bearer {key}"}
    products = api.get("/api/merchant/v1/products", headers=headers)
    assert products.status_code == 200
    skus = [p["sku"] for p in products.json["items"]]
    assert skus == ["API-1"] and products.json["items"][0]["stock"] == 5  # 7 less the paid order's 2
    assert api.get("/api/merchant/v1/orders", headers=headers).status_code == 403  # scope missing
    assert api.get("/api/merchant/v1/products").status_code == 401
    assert api.get("/api/merchant/v1/products", headers={"Authorization": "Bearer kj_nope_x"}).status_code == 401
    assert api.get("/api/merchant/v1/products", headers={"Authorization": f"Bearer {key}x"}).status_code == 401


def test_orders_scope_and_revocation(app, shop):
    merchant, sub, other, client = shop
    key = _create(client, ["orders:read", "products:read"])
    api = app.test_client()
    headers = {"Authorization": f"Bearer {key}"}
    orders = api.get("/api/merchant/v1/orders?status=paid", headers=headers).json["items"]
    assert [o["number"] for o in orders] == [sub.number] and orders[0]["lines"] == [{"sku": "API-1", "qty": 2}]
    [row] = api_keys.keys_of(merchant.id)
    assert client.post(f"/zh/merchant/api-keys/{row.id}/revoke").status_code == 302
    revoked = api.get("/api/merchant/v1/orders", headers=headers)
    assert revoked.status_code == 401 and revoked.json["status"] == 401  # used after revocation (a problem object)
    actions = set(db.session.scalars(db.select(AuditEntry.action)))
    assert {"api_key.create", "api_key.revoke"} <= actions


def test_bad_key_requests_and_other_merchants(app, shop, make):
    merchant, sub, other, client = shop
    assert client.post("/zh/merchant/api-keys", data={"name": "", "scopes": ["orders:read"]}).status_code == 400
    assert client.post("/zh/merchant/api-keys", data={"name": "x", "scopes": ["admin"]}).status_code == 400
    key = _create(client, ["products:read"])
    [row] = api_keys.keys_of(merchant.id)
    stranger = client_as(app, make.merchant().owner)
    db.session.commit()
    assert stranger.post(f"/zh/merchant/api-keys/{row.id}/revoke").status_code == 404
    items = app.test_client().get("/api/merchant/v1/products", headers={"Authorization": f"Bearer {key}"}).json
    assert "NOT-MINE" not in {p["sku"] for p in items["items"]}


def test_openapi_document_describes_every_api_route(app):
    doc = app.test_client().get("/api/merchant/v1/openapi.json").json
    assert doc["openapi"].startswith("3.")
    routes = {(re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", r.rule.removeprefix("/api/merchant/v1")), method.lower())
              for r in app.url_map.iter_rules()
              if r.endpoint.startswith("merchant_api.") and r.endpoint != "merchant_api.openapi"
              for method in r.methods - {"HEAD", "OPTIONS"}}  # fmt: skip
    documented = {(path, method) for path, item in doc["paths"].items() for method in item}
    assert routes == documented and len(routes) >= 9
