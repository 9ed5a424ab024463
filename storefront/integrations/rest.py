"""The merchant REST API (``/api/merchant/v1``): products, variants, stock and prices, orders; authenticated by
an API key (``Authorization: Bearer kj_…``) with scopes. Answers JSON (errors as problem objects); the OpenAPI
document (``/openapi.json``, :mod:`storefront.integrations.rest_openapi`) describes every route. This module holds
the reads; :mod:`storefront.integrations.rest_write` the writes."""

from __future__ import annotations

from flask import jsonify, request
from sqlalchemy import select

from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.integrations import rest_write  # noqa: F401  (registers the write routes on the blueprint)
from storefront.integrations.rest_common import PAGE, bp, page, requires
from storefront.integrations.rest_json import (
    order_json,
    own_order,
    own_product,
    product_detail,
    product_summary,
    variant_json,
)
from storefront.integrations.rest_openapi import OPENAPI
from storefront.ordering.models import SubOrder

__all__ = ["bp"]


@bp.get("/products")
@requires("products:read")
def products(key):
    """The key's merchant's products (100 a page): SKU, names, price in fen, stock, visibility."""
    stmt = (
        select(Product)
        .where(Product.merchant_id == key.merchant_id)
        .order_by(Product.id)
        .offset((page() - 1) * PAGE)
        .limit(PAGE)
    )
    return jsonify({"items": [product_summary(p) for p in db.session.scalars(stmt)], "page": page()})


@bp.get("/products/<int:product_id>")
@requires("products:read")
def product(key, product_id: int):
    """One product with its texts, tiers, variants and open reviews."""
    return jsonify(product_detail(own_product(key, product_id)))


@bp.get("/products/<int:product_id>/variants")
@requires("products:read")
def variants(key, product_id: int):
    """A product's variants with price and stock."""
    return jsonify({"items": [variant_json(v) for v in own_product(key, product_id).variants]})


@bp.get("/orders")
@requires("orders:read")
def orders(key):
    """The key's merchant's orders (sub-orders, 100 a page, newest first), optionally by status."""
    stmt = select(SubOrder).where(SubOrder.merchant_id == key.merchant_id)
    if request.args.get("status"):
        stmt = stmt.where(SubOrder.status == request.args["status"][:20])
    stmt = stmt.order_by(SubOrder.id.desc()).offset((page() - 1) * PAGE).limit(PAGE)
    return jsonify({"items": [order_json(s) for s in db.session.scalars(stmt)], "page": page()})


@bp.get("/orders/<number>")
@requires("orders:read")
def order(key, number: str):
    """One order with amounts, dates and line prices."""
    return jsonify(order_json(own_order(key, number), detail=True))


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI document of this API."""
    return jsonify(OPENAPI)
