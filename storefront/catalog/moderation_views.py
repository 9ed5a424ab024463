"""Moderation: find any product, hide it with a reason its owner sees, restore it (audited)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.accounts.backoffice_forms import ReasonForm
from storefront.accounts.models import Merchant
from storefront.catalog import moderation as moderation_ops
from storefront.catalog import queries as catalog_queries
from storefront.catalog.models import Product, ProductTranslation
from storefront.extensions import db

PER_PAGE = 30


@bp.get("/moderation/")
@operator_required
def moderation():
    """Products across merchants, searchable; moderated ones first when asked."""
    q = (request.args.get("q") or "").strip()[:80]
    state = request.args.get("state", "all")
    stmt = select(Product).join(Product.merchant)
    if q:
        like = f"%{q}%"
        names = select(ProductTranslation.product_id).where(ProductTranslation.name.ilike(like))
        stmt = stmt.where(or_(Product.sku.ilike(like), Product.id.in_(names), Merchant.slug.ilike(like)))
    if state == "moderated":
        stmt = stmt.where(Product.moderation_reason != "")
    page = catalog_queries.parse_page(request.args.get("page"))
    result = catalog_queries.paginate(stmt, page, PER_PAGE, (Product.id.desc(),))
    return render_template("operator/moderation.html", result=result, q=q, state=state, form=ReasonForm())


def _product(product_id: int) -> Product:
    return db.session.get(Product, product_id) or abort(404)


@bp.post("/moderation/products/<int:product_id>/hide")
@operator_required
def moderate_hide(product_id: int):
    """Hide a product with a reason."""
    product = _product(product_id)
    form = ReasonForm()
    if not form.validate_on_submit():
        flash(_("Give a reason the merchant will see."), "error")
    else:
        moderation_ops.hide(product, current_user, form.reason.data)
        db.session.commit()
        flash(_("Product %(sku)s hidden.", sku=product.sku), "success")
    return redirect(
        request.form.get("next_q") is not None
        and url_for("operator.moderation", q=request.form.get("next_q"))
        or url_for("operator.moderation")
    )


@bp.post("/moderation/products/<int:product_id>/restore")
@operator_required
def moderate_restore(product_id: int):
    """Lift a moderation hide."""
    product = _product(product_id)
    if not product.moderation_reason:
        flash(_("This product is not hidden by moderation."), "info")
    else:
        moderation_ops.restore(product, current_user)
        db.session.commit()
        flash(_("Product %(sku)s restored.", sku=product.sku), "success")
    return redirect(url_for("operator.moderation", state="moderated"))
