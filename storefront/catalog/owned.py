"""The signed-in merchant's own products, for back-office views (``g.merchant`` is set by ``merchant_required``)."""

from __future__ import annotations

from flask import abort, g
from sqlalchemy import select

from storefront.catalog.models import Product
from storefront.extensions import db


def own_product(product_id: int) -> Product:
    """One of the current merchant's products, or 404 (other merchants' ids look like missing ones)."""
    stmt = select(Product).where(Product.id == product_id, Product.merchant_id == g.merchant.id)
    return db.session.scalars(stmt).first() or abort(404)
