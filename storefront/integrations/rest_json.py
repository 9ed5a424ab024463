"""The merchant REST API's JSON shapes (products, variants, orders) and the key's own objects (404 otherwise)."""

from __future__ import annotations

from sqlalchemy import select

from storefront.accounts import api_keys
from storefront.catalog.models import Product, ProductVariant
from storefront.catalog.promotions import list_price
from storefront.catalog.reviews import ListingReview
from storefront.catalog.units import json_quantity
from storefront.extensions import db
from storefront.integrations.rest_common import ApiProblem, object_id
from storefront.ordering.models import SubOrder
from storefront.ordering.operations import as_utc


def product_summary(p: Product) -> dict:
    """A product in a list."""
    return {
        "id": p.id,
        "sku": p.sku,
        "names": {code: t.name for code, t in p.translations.items()},
        "price_fen": p.price_fen,
        **price_now_json(p, p.price_fen),
        "currency": "CNY",
        "stock": json_quantity(p.stock, p.unit),
        "hidden": p.hidden,
        "hs_code": p.hs_code,
    }


def product_detail(p: Product) -> dict:
    """One product with everything the API may change, its variants and its open listing reviews."""
    reviews = db.session.scalars(
        select(ListingReview)
        .where(ListingReview.product_id == p.id, ListingReview.status == "open")
        .order_by(ListingReview.id)
    )
    return {
        **product_summary(p),
        "category_id": p.category_id,
        "customs_name": p.customs_name,
        "customs_unit": p.customs_unit,
        "model": p.model,
        "origin_city": p.origin_city_slug,
        "net_weight_g": p.net_weight_g,
        "gross_weight_g": p.gross_weight_g,
        "moq": json_quantity(p.moq, p.unit),
        "unit": p.unit,
        "unit_size": p.unit_size,
        "qty_step": json_quantity(p.qty_step, p.unit),
        "moderated": bool(p.moderation_reason),
        "texts": {
            code: {"name": t.name, "description": t.description, "specs": [list(r) for r in t.specs or []]}
            for code, t in p.translations.items()
        },
        "tiers": [{"min_qty": json_quantity(t.min_qty, p.unit), "price_fen": t.price_fen} for t in p.tiers],
        "variants": [variant_json(v) for v in p.variants],
        "reviews": [{"kind": r.kind, "proposed": r.proposed or {}} for r in reviews],
    }


def price_now_json(product: Product, fen: int) -> dict:
    """What buyers pay now for a list price of ``product`` (``promotions.list_price``: the storefront's rule)
    and the promotion giving it (its id and end), or nulls when none runs."""
    now = list_price(product, fen)
    rule = now.promotion
    return {
        "price_now_fen": now.fen,
        "promotion_id": rule.id if rule else None,
        "promotion_ends_at": rule.ends_at.isoformat() if rule else None,
    }


def variant_json(v: ProductVariant) -> dict:
    """One variant: its SKU, options, price (own or the product's) and stock."""
    return {
        "id": v.id,
        "product_id": v.product_id,
        "sku": v.effective_sku,
        "options": v.options or {},
        "price_fen": v.base_price_fen,
        **price_now_json(v.product, v.base_price_fen),
        "own_price": v.price_fen is not None,
        "stock": json_quantity(v.stock, v.product.unit),
    }


def order_json(s: SubOrder, *, detail: bool = False) -> dict:
    """A merchant's sub-order (with amounts, dates and line prices when ``detail``)."""
    body = {
        "number": s.number,
        "status": s.status,
        "currency": s.order.currency,
        "goods_minor": s.goods_minor,
        "country": s.order.country,
        "carrier": s.carrier or None,
        "tracking_no": s.tracking_no or None,
        "lines": [{"sku": line.sku, "qty": json_quantity(line.qty, line.unit)} for line in s.lines],
    }
    if detail:
        body.update(
            shipping_minor=s.shipping_minor,
            duty_minor=s.duty_minor,
            total_minor=s.total_minor,
            delivery_terms=s.order.delivery_terms,
            paid_at=as_utc(s.order.paid_at).isoformat() if s.order.paid_at else None,
            shipped_at=as_utc(s.shipped_at).isoformat() if s.shipped_at else None,
            lines=[
                {
                    "sku": line.sku,
                    "qty": json_quantity(line.qty, line.unit),
                    "unit_price_minor": line.unit_price_minor,
                    "hs_code": line.hs_code,
                }
                for line in s.lines
            ],
        )
    return body


def own_product(key: api_keys.ApiKey, product_id: int) -> Product:
    """One of the key's merchant's products, or a 404 problem (another merchant's looks missing)."""
    stmt = select(Product).where(Product.id == object_id(product_id), Product.merchant_id == key.merchant_id)
    product = db.session.scalars(stmt).first()
    if product is None:
        raise ApiProblem(404)
    return product


def own_order(key: api_keys.ApiKey, number: str) -> SubOrder:
    """One of the key's merchant's sub-orders by number, or a 404 problem."""
    stmt = select(SubOrder).where(SubOrder.number == number[:24], SubOrder.merchant_id == key.merchant_id)
    sub = db.session.scalars(stmt).first()
    if sub is None:
        raise ApiProblem(404)
    return sub
