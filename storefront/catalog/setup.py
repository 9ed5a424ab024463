"""Wiring of the catalogue into the app: which of its changes invalidate which cached pages."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from storefront.accounts.models import Merchant
from storefront.catalog.models import PriceTier, Product, ProductImage, ProductTranslation, ProductVariant
from storefront.catalog.promotions import Promotion, init_session_events, list_price, promotion_token
from storefront.catalog.taxonomy import Category, City, Cluster
from storefront.core import versions


def _locate(sess: Session, product_ids: set[int], categories: set[int]) -> tuple[set[int], set[int]]:
    """The categories (the products' own plus ``categories``, e.g. ones they left) and clusters they appear in."""
    categories = categories | set(sess.scalars(select(Product.category_id).where(Product.id.in_(product_ids))))
    clusters = set(sess.scalars(select(Category.cluster_id).where(Category.id.in_(categories))))
    return categories, clusters


def init_app(app: Flask) -> None:
    """Merchants and the catalogue's tree show on every page; product rows only where the product shows."""
    app.jinja_env.globals["promoted_price"] = list_price
    versions.watch(Merchant, Category, City, Cluster, Promotion)  # a saved promotion may touch many products
    versions.register_clock_source(promotion_token)  # one starting or ending changes prices without a write
    init_session_events()  # a transaction that wrote promotions prices with its own rows
    versions.watch_products(
        versions.ProductModels(
            product=Product,
            parts=(PriceTier, ProductImage, ProductTranslation),
            locate=_locate,
            variant=ProductVariant,
        )
    )
