"""JSON read API for the catalogue."""

from __future__ import annotations

from flask import Blueprint, jsonify, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storefront.catalog import queries
from storefront.catalog.cards import cached_fragments, fragment_keys
from storefront.catalog.models import Product
from storefront.catalog.promotions import clock, list_price
from storefront.catalog.taxonomy import Category, Cluster
from storefront.catalog.units import json_quantity
from storefront.core.locales import DEFAULT_LANG, LANGS
from storefront.core.money import BASE_CURRENCY, Money
from storefront.core.urls import public_url
from storefront.core.versions import GLOBAL, LISTINGS
from storefront.search import lookup, service

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def api_lang() -> str:
    """The ``lang`` query parameter (a known language, else the default)."""
    lang = request.args.get("lang", DEFAULT_LANG)
    return lang if lang in LANGS else DEFAULT_LANG


def product_json(product: Product, lang: str) -> dict:
    """Public JSON shape of a product (shared by the products and search APIs)."""
    name = product.name(lang)
    description = product.text("description", lang)
    at = clock()
    price = list_price(product, product.price_fen, at)
    return {
        "id": product.id,
        "sku": product.sku,
        "name": str(name),
        "name_lang": name.lang,
        "description": str(description),
        "description_lang": description.lang,
        "price": Money(price.fen, BASE_CURRENCY).to_json(),
        "list_price": Money(price.list_fen, BASE_CURRENCY).to_json(),
        "promotion_ends_at": price.promotion.ends_at.isoformat() if price.promotion else None,
        "tiers": [
            {
                "min_qty": json_quantity(t.min_qty, product.unit),
                "amount": Money(list_price(product, t.price_fen, at).fen, BASE_CURRENCY).to_json()["amount"],
                "list_amount": Money(t.price_fen, BASE_CURRENCY).to_json()["amount"],
            }
            for t in product.tiers
        ],
        "moq": json_quantity(product.moq, product.unit),
        "stock": json_quantity(product.stock, product.unit),
        "hs_code": product.hs_code,
        "origin_city": product.origin_city_slug,
        "category": product.category.slug,
        "cluster": product.category.cluster.slug,
        "merchant": {
            "id": product.merchant.id,
            "slug": product.merchant.slug,
            "name": str(product.merchant.name(lang)),
        },
        "url": public_url("catalog.product", lang=lang, product_id=product.id),
    }


@bp.get("/products")
def products():
    """Public products, paginated, filtered by cluster/category slug."""
    lang = api_lang()
    page = queries.parse_page(request.args.get("page"))
    stmt = queries.public_products()
    cluster, category = request.args.get("cluster", ""), request.args.get("category", "")
    if cluster:
        stmt = stmt.join(Product.category).join(Category.cluster).where(Cluster.slug == cluster)
    if category:
        ids = select(Category.id).where(Category.slug == category)
        stmt = stmt.where(Product.category_id.in_(ids))
    per_page = min(max(request.args.get("per_page", 24, type=int) or 24, 1), 100)
    total = None
    if all(queries.is_slug(slug, 60) for slug in (cluster, category) if slug):  # a hostile value: counted, not kept
        total = queries.counted(stmt, (GLOBAL, LISTINGS), f"api-count:{cluster}:{category}")
    result = queries.paginate(stmt, page, per_page, queries.sort_order("newest"), ids=True, total=total)
    return jsonify(
        {
            "lang": lang,
            "page": result.page,
            "pages": result.pages,
            "total": result.total,
            "items": product_items(result.items, lang),
        }
    )


def product_items(ids: list[int], lang: str) -> list[dict]:
    """The JSON items of these public products, each kept in the shared cache until the product (its variants'
    stock included) or the catalogue changes, as the listings' cards are: an uncached page of 24 products
    loads and builds only those it has not seen in this version."""

    def build(products: list[Product]) -> dict[int, dict]:
        return {p.id: product_json(p, lang) for p in products}

    keys = fragment_keys(ids, "json", lang)
    return cached_fragments(ids, keys, build, options=(selectinload(Product.variants), selectinload(Product.tiers)))


@bp.get("/products/<int:product_id>")
def product(product_id: int):
    """One public product."""
    lang = api_lang()
    return jsonify(product_json(queries.get_public_product(product_id), lang))


@bp.get("/search")
def search():
    """Ranked public products for ?q= (same fields as /products plus ``score``), with facets."""

    lang = api_lang()
    per_page = min(max(request.args.get("per_page", 24, type=int) or 24, 1), 100)
    req = service.parse_request(request.args, lang, per_page)
    found = service.run(req)
    items = []
    for product, score in service.load_products(found, with_stock=True):
        item = product_json(product, lang)
        item["score"] = round(score, 4)
        items.append(item)
    return jsonify(
        {
            "lang": lang,
            "q": req.text,
            "sort": req.sort,
            "page": found.page,
            "pages": found.pages,
            "total": found.total,
            "relaxed": found.relaxed,
            "suggestion": found.suggestion,
            "facets": {name: [{"value": v, "count": n} for v, n in values] for name, values in found.facets.items()},
            "items": items,
        }
    )


@bp.get("/suggest")
def suggest():
    """Autocomplete: a JSON list of {id, name, name_lang, url} for the text typed so far."""
    lang = api_lang()
    text = (request.args.get("q") or "")[:200]
    limit = min(max(request.args.get("limit", 8, type=int) or 8, 1), 20)
    return jsonify(
        [
            {
                "id": s.id,
                "name": s.name,
                "name_lang": s.name_lang,
                "url": url_for("catalog.product", lang=lang, product_id=s.id),
            }
            for s in lookup.suggest(text, lang, limit)
        ]
    )
