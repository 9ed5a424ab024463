"""Merchant dashboard: catalogue health, translation coverage, sales and clearance charts."""

from __future__ import annotations

from flask import g, render_template
from flask_babel import format_percent
from flask_babel import gettext as _
from sqlalchemy import case, func, select

from storefront.accounts.backoffice import bp, merchant_required
from storefront.catalog import merchant_queries as queries
from storefront.catalog.models import Product
from storefront.core import charts
from storefront.core.locales import LANG_LABELS
from storefront.extensions import db
from storefront.sales import reports as sales_reports


def product_counts(merchant_id: int) -> dict[str, int]:
    """Products in total, visible, hidden by the merchant, hidden by an operator, out of stock."""
    row = db.session.execute(
        select(
            func.count(Product.id),
            func.sum(case((Product.hidden.is_(False), 1), else_=0)),
            func.sum(case(((Product.hidden.is_(True)) & (Product.moderation_reason == ""), 1), else_=0)),
            func.sum(case((Product.moderation_reason != "", 1), else_=0)),
            func.sum(case((Product.stock == 0, 1), else_=0)),
        ).where(Product.merchant_id == merchant_id)
    ).one()
    keys = ("total", "visible", "hidden", "moderated", "out_of_stock")
    return {k: int(v or 0) for k, v in zip(keys, row, strict=True)}


def coverage_chart(rows: list[queries.Coverage]) -> charts.Chart:
    """Translation coverage per language as a bar chart."""
    return charts.bar_chart(
        "chart-coverage",
        _("Translation coverage"),
        [(LANG_LABELS[r.lang], r.percent) for r in rows],
        fmt=lambda v: format_percent(v / 100),
        value_label=_("Products with a name"),
    )


@bp.get("/")
@merchant_required
def dashboard():
    """The merchant's overview."""
    merchant = g.merchant
    coverage = queries.catalogue_coverage(merchant.id)
    moderated = db.session.scalars(
        select(Product).where(Product.merchant_id == merchant.id, Product.moderation_reason != "").limit(20)
    ).all()
    sales = sales_reports.dashboard_charts(merchant.id, g.lang)
    return render_template(
        "merchant/dashboard.html",
        counts=product_counts(merchant.id),
        coverage=coverage,
        coverage_chart=coverage_chart(coverage),
        moderated=moderated,
        sales=sales,
        money_cny=sales_reports.cny,
    )
