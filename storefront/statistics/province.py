"""Statistics for the province (数据统计 / 统计监测): export value by industry cluster, merchant city, destination
country, month and payment channel; active exporters; CSV export and a printable monthly report (PDF) in
Chinese for the commerce department. Sales are paid or shipped sub-orders, valued at their goods in CNY.

Other figures (services bought with government vouchers, training attendance) come from the sections registered
in ``storefront.core.statistics``: shown on the statistics page, appended to the CSV and printed in the report."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import Response, abort, render_template, request
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from storefront.accounts.backoffice import operator_bp as bp
from storefront.accounts.backoffice import operator_required
from storefront.accounts.models import Merchant
from storefront.catalog.taxonomy import City, Cluster
from storefront.core import statistics
from storefront.core.money import Money
from storefront.core.pdf import pdf_response
from storefront.extensions import db
from storefront.ordering.models import Order, SubOrder
from storefront.ordering.shipping import country_name
from storefront.ordering.states import PAY_METHOD_LABELS, OrderStatus

#: Sub-order states that count as sales (as on the statistics page).
SOLD = (OrderStatus.PAID.value, OrderStatus.SHIPPED.value)


def cny(fen: int) -> str:
    """Fen as CNY for the current language."""
    return Money(int(fen), "CNY").format()


@dataclass(frozen=True)
class Row:
    """Export value of one (cluster, city, country, channel) in a month."""

    cluster: str
    city: str
    country: str
    channel: str
    orders: int
    value_fen: int


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """'2026-11' → [start, end) in UTC; 404 for a malformed month."""
    try:
        start = datetime.strptime(month, "%Y-%m").replace(tzinfo=UTC)
    except ValueError:
        abort(404)
    end = start.replace(year=start.year + (start.month == 12), month=start.month % 12 + 1)
    return start, end


def rows(month: str, lang: str) -> list[Row]:
    """The month's export value by cluster, city, country and channel, largest first."""
    start, end = month_bounds(month)
    paid = func.coalesce(Order.paid_at, Order.created_at)
    stmt = (
        select(Merchant.cluster_id, Merchant.city_slug, Order.country, Order.pay_method,
               func.count(func.distinct(SubOrder.id)), func.sum(SubOrder.goods_fen))
        .join(SubOrder, SubOrder.order_id == Order.id)
        .join(Merchant, Merchant.id == SubOrder.merchant_id)
        .where(SubOrder.status.in_(SOLD), paid >= start, paid < end)
        .group_by(Merchant.cluster_id, Merchant.city_slug, Order.country, Order.pay_method)
    )  # fmt: skip
    clusters = {c.id: str(c.name(lang)) for c in db.session.scalars(select(Cluster))}
    cities = {c.slug: str(c.name(lang)) for c in db.session.scalars(select(City))}
    out = [
        Row(clusters.get(cl, "—"), cities.get(ci, "—"), str(country_name(co, lang)),
            str(PAY_METHOD_LABELS.get(ch, ch)).split(" (")[0].split(" —")[0].split("（")[0], n, int(v or 0))
        for cl, ci, co, ch, n, v in db.session.execute(stmt)
    ]  # fmt: skip
    return sorted(out, key=lambda r: -r.value_fen)


def active_exporters(month: str) -> int:
    """Merchants with at least one sale in the month."""
    start, end = month_bounds(month)
    paid = func.coalesce(Order.paid_at, Order.created_at)
    stmt = (
        select(func.count(func.distinct(SubOrder.merchant_id)))
        .join(Order, Order.id == SubOrder.order_id)
        .where(SubOrder.status.in_(SOLD), paid >= start, paid < end)
    )
    return db.session.scalar(stmt) or 0


def _totals(items: list[Row], attr: str) -> list[tuple[str, int]]:
    found: dict[str, int] = {}
    for r in items:
        found[getattr(r, attr)] = found.get(getattr(r, attr), 0) + r.value_fen
    return sorted(found.items(), key=lambda kv: -kv[1])


def _month() -> str:
    month = (request.args.get("month") or datetime.now(UTC).strftime("%Y-%m"))[:7]
    month_bounds(month)
    return month


@bp.get("/stats/province.csv")
@operator_required
def province_csv():
    """The month's export value by cluster, city, country and channel as CSV (Chinese headers)."""
    month = _month()
    with force_locale("zh"):
        items = rows(month, "zh")
        header = [_("Month"), _("Industry cluster"), _("City"), _("Destination"), _("Payment channel"),
                  _("Orders"), _("Export value (CNY)")]  # fmt: skip
        extra = statistics.sections(*month_bounds(month), "zh")
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for r in items:
        writer.writerow([month, r.cluster, r.city, r.country, r.channel, r.orders, f"{r.value_fen / 100:.2f}"])
    for section in extra:  # each registered section after a blank line: its title, headline figures, table
        writer.writerow([])
        writer.writerow([section.title])
        for label, value in section.headline:
            writer.writerow([label, value])
        writer.writerow(section.columns)
        writer.writerows(section.rows)
    response = Response("\ufeff" + out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="province-{month}.csv"'
    return response


@bp.get("/stats/province.pdf")
@operator_required
def province_pdf():
    """The printable monthly report in Chinese for the commerce department."""
    month = _month()
    with force_locale("zh"):
        items = rows(month, "zh")
        html = render_template(
            "operator/province_report.html",
            month=month,
            items=items,
            total=sum(r.value_fen for r in items),
            orders=sum(r.orders for r in items),
            exporters=active_exporters(month),
            by={k: _totals(items, k) for k in ("cluster", "city", "country", "channel")},
            sections=statistics.sections(*month_bounds(month), "zh"),
            money_cny=cny,
            lang="zh",
        )
    return pdf_response(html, f"province-report-{month}.pdf")


def months_before(month: str, count: int) -> datetime:
    """Start of the month ``count`` months before ``month`` ('2026-11', 11 → 2025-12-01 UTC)."""
    start, _end = month_bounds(month)
    index = start.year * 12 + start.month - 1 - count
    return start.replace(year=index // 12, month=index % 12 + 1)


def page_sections(lang: str) -> tuple[str, list[statistics.Section]]:
    """The month chosen on the statistics page (default: this month) and the registered sections over the twelve
    months up to it, for the page's charts and tables."""
    month = _month()
    return month, statistics.sections(months_before(month, 11), month_bounds(month)[1], lang)
