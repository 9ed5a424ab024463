"""Operators hiding a product with a reason its merchant sees, and lifting the hide (audited; flush, never
commit)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from storefront.accounts import notices
from storefront.catalog.models import Product
from storefront.catalog.operations import MODERATION_FIELDS, ProductError
from storefront.core import audit
from storefront.extensions import db


def hide(product: Product, operator, reason: str) -> None:
    """Operator hides a product with a reason its owner sees (audited)."""
    reason = (reason or "").strip()
    if not reason:
        raise ProductError({"reason": _l("Give a reason the merchant will see.")})
    before = audit.snapshot(product, *MODERATION_FIELDS)
    product.hidden, product.moderation_reason = True, reason
    db.session.flush()
    audit.record(operator, "product.hide", product, before, audit.snapshot(product, *MODERATION_FIELDS))
    notices.product_hidden(product)


def restore(product: Product, operator) -> None:
    """Operator lifts a moderation hide (audited)."""
    before = audit.snapshot(product, *MODERATION_FIELDS)
    product.hidden, product.moderation_reason = False, ""
    db.session.flush()
    audit.record(operator, "product.restore", product, before, audit.snapshot(product, *MODERATION_FIELDS))
