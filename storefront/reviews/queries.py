"""Reading reviews: a product's published ones, a merchant's, the operator's queue, a buyer's order lines."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.ordering.models import Order, OrderLine, SubOrder
from storefront.reviews.models import PUBLISHED, ProductReview


def published(product_id: int, limit: int = 20) -> list[ProductReview]:
    """A product's published reviews, newest first."""
    stmt = (
        select(ProductReview)
        .where(ProductReview.product_id == product_id, ProductReview.status == PUBLISHED)
        .order_by(ProductReview.created_at.desc(), ProductReview.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(stmt).unique())


def of_merchant(merchant_id: int, limit: int = 100) -> list[ProductReview]:
    """Reviews of a merchant's products (published and hidden), newest first."""
    stmt = (
        select(ProductReview)
        .join(Product, Product.id == ProductReview.product_id)
        .where(Product.merchant_id == merchant_id)
        .order_by(ProductReview.created_at.desc(), ProductReview.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(stmt).unique())


def for_operator(status: str | None = None, limit: int = 100) -> list[ProductReview]:
    """Recent reviews for moderation, optionally of one status."""
    stmt = select(ProductReview).order_by(ProductReview.created_at.desc(), ProductReview.id.desc()).limit(limit)
    if status:
        stmt = stmt.where(ProductReview.status == status)
    return list(db.session.scalars(stmt).unique())


def get(review_id: int) -> ProductReview:
    """A review or 404."""
    return db.session.get(ProductReview, review_id) or abort(404)


def own_line(line_id: int, user) -> OrderLine:
    """An order line of one of the user's orders, or 404 (no hint whether it exists)."""
    stmt = (
        select(OrderLine)
        .join(SubOrder, SubOrder.id == OrderLine.sub_order_id)
        .join(Order, Order.id == SubOrder.order_id)
        .where(OrderLine.id == line_id, Order.user_id == user.id)
    )
    return db.session.scalars(stmt).first() or abort(404)


def reviewed_line_ids(order: Order) -> set[int]:
    """Lines of an order that have a review."""
    ids = [line.id for sub in order.sub_orders for line in sub.lines]
    if not ids:
        return set()
    return set(db.session.scalars(select(ProductReview.order_line_id).where(ProductReview.order_line_id.in_(ids))))
