"""Services bought with government vouchers, for the province statistics (registered into
``storefront.core.statistics`` by ``setup.init_app``): service orders paid fully or in part with a voucher, the
voucher amount and the orders' total, by month and service category, and the merchants who used a voucher.

An order counts in the month it was paid (a full voucher pays at ordering, a part voucher when the card part is
paid) while its voucher stays redeemed: a cancelled or declined order gives its voucher back and drops out."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import extract, func, select

from services_market.constants import CATEGORY_LABELS
from services_market.order_models import ServiceOrder
from services_market.voucher_models import Voucher
from storefront.core import charts
from storefront.core.money import Money
from storefront.core.statistics import Section
from storefront.extensions import db

KEY = "service_vouchers"


def _cny(fen: int) -> str:
    return Money(int(fen), "CNY").format()


def _yuan(fen: int) -> str:
    return f"{fen / 100:.2f}"


def _redeemed(start: datetime, end: datetime):
    """The WHERE clause: redeemed vouchers of orders paid in [start, end)."""
    return (
        Voucher.redeemed_at.is_not(None),
        ServiceOrder.paid_at.is_not(None),
        ServiceOrder.paid_at >= start,
        ServiceOrder.paid_at < end,
    )


def figures(start: datetime, end: datetime) -> dict:
    """Raw figures: rows (year, month, category, orders, voucher fen, total fen), merchants, totals."""
    year, month = extract("year", ServiceOrder.paid_at), extract("month", ServiceOrder.paid_at)
    rows = db.session.execute(
        select(
            year,
            month,
            ServiceOrder.category,
            func.count(ServiceOrder.id),
            func.coalesce(func.sum(Voucher.amount_fen), 0),
            func.coalesce(func.sum(ServiceOrder.price_fen), 0),
        )
        .join(Voucher, Voucher.service_order_id == ServiceOrder.id)
        .where(*_redeemed(start, end))
        .group_by(year, month, ServiceOrder.category)
    ).all()
    merchants = db.session.scalar(
        select(func.count(func.distinct(ServiceOrder.merchant_id)))
        .join(Voucher, Voucher.service_order_id == ServiceOrder.id)
        .where(*_redeemed(start, end))
    )
    out = sorted(
        ((f"{int(y)}-{int(m):02d}", cat, int(n), int(v), int(t)) for y, m, cat, n, v, t in rows),
        key=lambda r: (r[0], -r[3], r[1]),
    )
    return {
        "rows": out,
        "merchants": int(merchants or 0),
        "orders": sum(r[2] for r in out),
        "voucher_fen": sum(r[3] for r in out),
        "total_fen": sum(r[4] for r in out),
    }


def section(start: datetime, end: datetime, lang: str) -> Section:
    """The section of the province statistics (texts in the current locale)."""
    data = figures(start, end)
    label = {k: str(v) for k, v in CATEGORY_LABELS.items()}
    by_category: dict[str, int] = {}
    by_month: dict[str, int] = {}
    for month, cat, _n, voucher_fen, _t in data["rows"]:
        by_category[cat] = by_category.get(cat, 0) + voucher_fen
        by_month[month] = by_month.get(month, 0) + voucher_fen
    chart_list = [
        charts.bar_chart(
            "chart-vouchers-category",
            _("Voucher amount by service category"),
            [(label.get(c, c), v / 100) for c, v in sorted(by_category.items(), key=lambda kv: -kv[1])],
            fmt=lambda y: _cny(round(y * 100)),
            value_label=_("Voucher amount (CNY)"),
        )
    ]
    if len(by_month) > 1:
        chart_list.append(
            charts.line_chart(
                "chart-vouchers-month",
                _("Voucher amount by month"),
                [(m, v / 100) for m, v in sorted(by_month.items())],
                fmt=lambda y: _cny(round(y * 100)),
                value_label=_("Voucher amount (CNY)"),
            )
        )
    return Section(
        key=KEY,
        title=_("Services bought with government vouchers"),
        headline=(
            (_("Service orders paid with vouchers"), f"{data['orders']}"),
            (_("Voucher amount"), _cny(data["voucher_fen"])),
            (_("Total of these orders"), _cny(data["total_fen"])),
            (_("Merchants who used a voucher"), f"{data['merchants']}"),
        ),
        columns=(_("Month"), _("Service category"), _("Orders"), _("Voucher amount (CNY)"), _("Total (CNY)")),
        rows=tuple((m, label.get(c, c), n, _yuan(v), _yuan(t)) for m, c, n, v, t in data["rows"]),
        cells=tuple((m, label.get(c, c), str(n), _cny(v), _cny(t)) for m, c, n, v, t in data["rows"]),
        charts=tuple(chart_list),
        note=_(
            "Service orders paid fully or in part with a government voucher, in the month they were paid; "
            "cancelled and declined orders gave their voucher back and are not counted."
        ),
    )
