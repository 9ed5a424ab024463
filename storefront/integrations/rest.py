"""The merchant REST API (``/api/merchant/v1``): products with prices and stock, orders; authenticated by an
API key (``Authorization: Bearer kj_…``) with scopes. Answers JSON; the OpenAPI document describes it."""

from __future__ import annotations

from flask import Blueprint, abort, g, jsonify, request
from sqlalchemy import select

from storefront.accounts import api_keys
from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.ordering.models import SubOrder

bp = Blueprint("merchant_api", __name__, url_prefix="/api/merchant/v1")
PAGE = 100


def _key(scope: str) -> api_keys.ApiKey:
    key = api_keys.authenticate(request.headers.get("Authorization"))
    if key is None:
        abort(401)
    if scope not in (key.scopes or []):
        abort(403)
    db.session.commit()  # last_used_at
    g.api_key = key
    return key


def _page() -> int:
    raw = request.args.get("page", "1")
    return max(1, min(int(raw), 10_000)) if raw.isdigit() else 1


@bp.get("/products")
def products():
    """The key's merchant's products (100 a page): SKU, names, price in fen, stock, visibility."""
    key = _key("products:read")
    stmt = (
        select(Product)
        .where(Product.merchant_id == key.merchant_id)
        .order_by(Product.id)
        .offset((_page() - 1) * PAGE)
        .limit(PAGE)
    )
    items = [
        {
            "id": p.id,
            "sku": p.sku,
            "names": {code: t.name for code, t in p.translations.items()},
            "price_fen": p.price_fen,
            "currency": "CNY",
            "stock": p.stock,
            "hidden": p.hidden,
            "hs_code": p.hs_code,
        }
        for p in db.session.scalars(stmt)
    ]
    return jsonify({"items": items, "page": _page()})


@bp.get("/orders")
def orders():
    """The key's merchant's orders (sub-orders, 100 a page, newest first), optionally by status."""
    key = _key("orders:read")
    stmt = select(SubOrder).where(SubOrder.merchant_id == key.merchant_id)
    if request.args.get("status"):
        stmt = stmt.where(SubOrder.status == request.args["status"][:20])
    stmt = stmt.order_by(SubOrder.id.desc()).offset((_page() - 1) * PAGE).limit(PAGE)
    items = [
        {
            "number": s.number,
            "status": s.status,
            "currency": s.order.currency,
            "goods_minor": s.goods_minor,
            "country": s.order.country,
            "carrier": s.carrier or None,
            "tracking_no": s.tracking_no or None,
            "lines": [{"sku": line.sku, "qty": line.qty} for line in s.lines],
        }
        for s in db.session.scalars(stmt)
    ]
    return jsonify({"items": items, "page": _page()})


OPENAPI = {
    "openapi": "3.0.3",
    "info": {"title": "Kuajing merchant API", "version": "1"},
    "servers": [{"url": "/api/merchant/v1"}],
    "components": {"securitySchemes": {"key": {"type": "http", "scheme": "bearer"}}},
    "security": [{"key": []}],
    "paths": {
        "/products": {
            "get": {
                "summary": "Products of the key's merchant (scope products:read)",
                "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}}],
                "responses": {"200": {"description": "A page of products"}, "401": {"description": "No valid key"},
                              "403": {"description": "Scope missing"}},
            }
        },
        "/orders": {
            "get": {
                "summary": "Orders of the key's merchant (scope orders:read)",
                "parameters": [
                    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                    {"name": "status", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {"200": {"description": "A page of orders"}, "401": {"description": "No valid key"},
                              "403": {"description": "Scope missing"}},
            }
        },
    },
}  # fmt: skip


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI document of this API."""
    return jsonify(OPENAPI)


@bp.errorhandler(401)
@bp.errorhandler(403)
def _error(exc):
    return jsonify({"error": exc.code}), exc.code
