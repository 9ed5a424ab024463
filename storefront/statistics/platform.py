"""Platform statistics: GMV by destination country, industry cluster and month; orders; active merchants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import g, render_template
from flask_babel import gettext as _
from sqlalchemy import extract, func, select

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.accounts.models import FilingStatus, Merchant
from storefront.catalog import merchant_queries
from storefront.catalog.taxonomy import Cluster
from storefront.core import charts
from storefront.extensions import db
from storefront.ordering.models import Order, SubOrder
from storefront.ordering.shipping import country_name
from storefront.sales.reports import (
    SOLD,
    by_month,
    clearance_counts,
    cny,
    cny_chart,
    per_month,
    sales_by_country,
    since_first_month,
)
from storefront.statistics import province


def _count(v: float) -> str:
    return f"{v:.0f}"


def figures(lang: str) -> dict:
    """Headline numbers and the charts of the statistics page."""
    sold = SubOrder.status.in_(SOLD)
    paid = func.coalesce(Order.paid_at, Order.created_at)
    by_country = sales_by_country(sold)
    since_30 = datetime.now(UTC) - timedelta(days=30)
    return {
        "gmv_fen": sum(v or 0 for _c, v in by_country),
        "orders": db.session.scalar(select(func.count(Order.id)).where(Order.paid_at.is_not(None))) or 0,
        "approved_merchants": db.session.scalar(
            select(func.count(Merchant.id)).where(Merchant.status == FilingStatus.APPROVED.value)
        )
        or 0,
        "active_merchants": db.session.scalar(
            select(func.count(func.distinct(SubOrder.merchant_id)))
            .join(Order, Order.id == SubOrder.order_id)
            .where(sold, paid >= since_30)
        )
        or 0,
        "coverage": merchant_queries.catalogue_coverage(None),
        "charts": _charts(lang, sold, by_country),
        "clearance": clearance_counts(None),
    }


def _charts(lang: str, sold, by_country) -> list[charts.Chart]:
    """GMV by country, cluster and month; paid orders and active merchants by month."""
    paid = func.coalesce(Order.paid_at, Order.created_at)
    month = (extract("year", paid), extract("month", paid))
    by_cluster = db.session.execute(
        select(Merchant.cluster_id, func.sum(SubOrder.goods_fen))
        .join(SubOrder, SubOrder.merchant_id == Merchant.id)
        .where(sold)
        .group_by(Merchant.cluster_id)
        .order_by(func.sum(SubOrder.goods_fen).desc())
    ).all()
    clusters = {c.id: str(c.name(lang)) for c in db.session.scalars(select(Cluster))}
    orders_month = db.session.execute(
        select(*month, func.count(Order.id))
        .where(Order.paid_at.is_not(None), paid >= since_first_month())
        .group_by(*month)
    ).all()
    return [
        cny_chart(
            "bar",
            "chart-gmv-country",
            _("GMV by destination country"),
            [(country_name(c, lang), v) for c, v in by_country],
            _("GMV (CNY)"),
        ),
        cny_chart(
            "bar",
            "chart-gmv-cluster",
            _("GMV by industry cluster"),
            [(clusters.get(cid, "—"), v) for cid, v in by_cluster],
            _("GMV (CNY)"),
        ),
        cny_chart(
            "line",
            "chart-gmv-month",
            _("GMV by month"),
            by_month(per_month(sold, func.sum(SubOrder.goods_fen))),
            _("GMV (CNY)"),
        ),
        charts.line_chart(
            "chart-orders-month",
            _("Paid orders by month"),
            by_month(orders_month),
            fmt=_count,
            value_label=_("Orders"),
        ),
        charts.line_chart(
            "chart-active-month",
            _("Active merchants by month (with sales)"),
            by_month(per_month(sold, func.count(func.distinct(SubOrder.merchant_id)))),
            fmt=_count,
            value_label=_("Merchants"),
        ),
    ]


@bp.get("/stats")
@operator_required
def stats():
    """Platform statistics with server-rendered charts and data tables."""
    month, sections = province.page_sections(g.lang)
    return render_template(
        "operator/stats.html", figures=figures(g.lang), money_cny=cny, month=month, sections=sections
    )
