"""Merchant order queries and sales reports: the order list with filters, sales by country and month, top
products and clearance status counts (as server-rendered charts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from flask_babel import gettext as _
from sqlalchemy import Select, extract, func, select

from storefront.clearance.models import ClearanceCase
from storefront.clearance.status import CASE_LABELS
from storefront.core import charts
from storefront.core.content import pick
from storefront.core.dates import DateInputError, parse_date
from storefront.core.money import Money
from storefront.extensions import db
from storefront.ordering.models import Order, OrderLine, SubOrder, line_total_fen_sql
from storefront.ordering.shipping import country_name
from storefront.ordering.states import STATUS_LABELS, OrderStatus

#: Sub-order states that count as sales (money received).
SOLD = (OrderStatus.PAID.value, OrderStatus.SHIPPED.value)
MONTHS = 12


@dataclass
class OrderFilters:
    """Order list filters as typed, and their parsed values."""

    status: str = ""
    country: str = ""
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    errors: dict[str, str] = field(default_factory=dict)


def parse_filters(args) -> OrderFilters:
    """Read the filters from the query string; bad dates are reported, not fatal."""
    f = OrderFilters(
        status=args.get("status", "") if args.get("status") in {s.value for s in OrderStatus} else "",
        country=(args.get("country") or "").upper()[:2] if (args.get("country") or "").isalpha() else "",
        q=(args.get("q") or "").strip()[:40],
    )
    for key in ("date_from", "date_to"):
        try:
            setattr(f, key, parse_date(args.get(key)))
        except DateInputError as exc:
            f.errors[key] = str(exc.message)
    return f


def order_list(merchant_id: int, f: OrderFilters) -> Select:
    """The merchant's sub-orders (never another merchant's), filtered."""
    stmt = select(SubOrder).join(SubOrder.order).where(SubOrder.merchant_id == merchant_id)
    if f.status:
        stmt = stmt.where(SubOrder.status == f.status)
    if f.country:
        stmt = stmt.where(Order.country == f.country)
    if f.date_from:
        stmt = stmt.where(Order.created_at >= datetime.combine(f.date_from, time.min, UTC))
    if f.date_to:
        stmt = stmt.where(Order.created_at < datetime.combine(f.date_to + timedelta(days=1), time.min, UTC))
    if f.q:
        stmt = stmt.where(SubOrder.number.ilike(f"%{f.q}%", escape="\\"))
    return stmt


def order_countries(merchant_id: int) -> list[str]:
    """Destination countries the merchant has orders to."""
    stmt = (
        select(Order.country)
        .join(SubOrder, SubOrder.order_id == Order.id)
        .where(SubOrder.merchant_id == merchant_id)
        .distinct()
    )
    return sorted(db.session.scalars(stmt))


def own_sub_order(merchant_id: int, sub_order_id: int) -> SubOrder | None:
    """One of the merchant's sub-orders (None for anybody else's)."""
    stmt = select(SubOrder).where(SubOrder.id == sub_order_id, SubOrder.merchant_id == merchant_id)
    return db.session.scalars(stmt).first()


def cny(fen: float) -> str:
    """An amount of fen formatted as CNY for the page's language."""
    return Money(int(fen), "CNY").format()


def yuan(fen: float | None) -> float:
    """Fen → yuan, for chart values (axes then read in yuan)."""
    return (fen or 0) / 100


def cny_yuan(amount: float) -> str:
    """A yuan chart value formatted as CNY."""
    return cny(round(amount * 100))


def cny_chart(kind: str, chart_id: str, title: str, rows, value_label: str) -> charts.Chart:
    """A bar or line chart of (label, fen) rows: drawn in yuan, each value shown as CNY."""
    draw = charts.bar_chart if kind == "bar" else charts.line_chart
    return draw(chart_id, title, [(label, yuan(fen)) for label, fen in rows], fmt=cny_yuan, value_label=value_label)


def month_keys(today: date | None = None, months: int = MONTHS) -> list[tuple[int, int]]:
    """(year, month) of the last ``months`` months, oldest first."""
    today = today or datetime.now(UTC).date()
    keys, year, month = [], today.year, today.month
    for _i in range(months):
        keys.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def by_month(stmt_rows, months: int = MONTHS) -> list[tuple[str, float]]:
    """Fill (year, month, value) rows into the last ``months`` months (zeros where nothing sold)."""
    found = {(int(y), int(m)): v or 0 for y, m, v in stmt_rows}
    return [(f"{y}-{m:02d}", found.get((y, m), 0)) for y, m in month_keys(months=months)]


def since_first_month() -> datetime:
    """Start of the oldest month the charts show."""
    first_year, first_month = month_keys()[0]
    return datetime(first_year, first_month, 1, tzinfo=UTC)


def sales_by_country(sold) -> list:
    """(country, goods fen) of the sub-orders matching ``sold``, largest first."""
    return db.session.execute(
        select(Order.country, func.sum(SubOrder.goods_fen))
        .join(SubOrder, SubOrder.order_id == Order.id)
        .where(sold)
        .group_by(Order.country)
        .order_by(func.sum(SubOrder.goods_fen).desc())
    ).all()


def per_month(sold, value) -> list:
    """(year, month, ``value``) over the sub-orders matching ``sold`` paid in the months the charts show."""
    paid = func.coalesce(Order.paid_at, Order.created_at)
    month = (extract("year", paid), extract("month", paid))
    return db.session.execute(
        select(*month, value)
        .join(SubOrder, SubOrder.order_id == Order.id)
        .where(sold, paid >= since_first_month())
        .group_by(*month)
    ).all()


def dashboard_charts(merchant_id: int, lang: str) -> dict:
    """Sales by destination country and by month, top products, clearance status counts."""
    sold = (SubOrder.merchant_id == merchant_id) & SubOrder.status.in_(SOLD)
    countries = sales_by_country(sold)
    monthly = per_month(sold, func.sum(SubOrder.goods_fen))
    top = db.session.execute(
        select(
            OrderLine.sku,
            func.max(OrderLine.id),
            func.sum(OrderLine.qty),
            func.sum(line_total_fen_sql()),
        )
        .join(SubOrder, SubOrder.id == OrderLine.sub_order_id)
        .where(sold)
        .group_by(OrderLine.sku)
        .order_by(func.sum(line_total_fen_sql()).desc())
        .limit(10)
    ).all()
    names = {
        line.id: pick(line.names, lang)
        for line in db.session.scalars(select(OrderLine).where(OrderLine.id.in_([row[1] for row in top])))
    }
    result = {
        "charts": [
            cny_chart(
                "bar",
                "chart-sales-country",
                _("Sales by destination country"),
                [(country_name(c, lang), v) for c, v in countries],
                _("Sales (CNY)"),
            ),
            cny_chart("line", "chart-sales-month", _("Sales by month"), by_month(monthly), _("Sales (CNY)")),
            cny_chart(
                "bar",
                "chart-top-products",
                _("Top products"),
                [(f"{sku} {names.get(line_id) or ''}".strip(), v) for sku, line_id, _qty, v in top],
                _("Sales (CNY)"),
            ),
        ],
        "total_fen": sum(v or 0 for _c, v in countries),
        "orders": db.session.scalar(select(func.count(SubOrder.id)).where(sold)) or 0,
        "to_ship": db.session.scalar(
            select(func.count(SubOrder.id)).where(
                SubOrder.merchant_id == merchant_id, SubOrder.status == OrderStatus.PAID.value
            )
        )
        or 0,
    }
    clearance = clearance_counts(merchant_id)
    if clearance is not None:
        result["charts"].append(clearance)
    return result


def clearance_counts(merchant_id: int | None) -> charts.Chart | None:
    """Clearance cases per status."""
    stmt = select(ClearanceCase.status, func.count()).group_by(ClearanceCase.status)
    if merchant_id is not None:
        stmt = stmt.where(ClearanceCase.merchant_id == merchant_id)
    rows = dict(db.session.execute(stmt).all())
    return charts.bar_chart(
        "chart-clearance",
        _("Customs clearance by status"),
        [(str(label), rows[status]) for status, label in CASE_LABELS.items() if rows.get(status)],
        fmt=lambda v: f"{v:.0f}",
        value_label=_("Orders"),
    )


def status_label(status: str) -> str:
    """The label of an order status."""
    try:
        return str(STATUS_LABELS[OrderStatus(status)])
    except ValueError:
        return status
