"""Merchant orders: the list with filters, one order, shipping it, the packing list and commercial invoice."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from storefront.catalog import queries as catalog_queries
from storefront.clearance.codes import UnknownCode, unit_name
from storefront.clearance.queries import cases_for
from storefront.core.money import Money
from storefront.extensions import db
from storefront.merchant import sales
from storefront.merchant.blueprint import bp, merchant_required
from storefront.merchant.forms import ShipForm
from storefront.ordering.models import OrderEvent, SubOrder
from storefront.ordering.operations import ship_order
from storefront.ordering.shipping import country_name
from storefront.ordering.states import STATUS_LABELS, OrderStatus

PER_PAGE = 30


@bp.context_processor
def order_helpers() -> dict:
    """Formatting helpers for the order pages and printed documents."""

    def money(minor: int, currency: str) -> str:
        return Money(int(minor), currency).format()

    def unit(code: str) -> str:
        try:
            return unit_name(code, "zh" if g.get("lang") == "zh" else "en")
        except UnknownCode:
            return code

    return {"money": money, "unit_label": unit}


def _own(sub_order_id: int) -> SubOrder:
    return sales.own_sub_order(g.merchant.id, sub_order_id) or abort(404)


@bp.get("/orders")
@merchant_required
def orders():
    """The merchant's orders, filtered by status, destination country and date."""
    f = sales.parse_filters(request.args)
    page = catalog_queries.parse_page(request.args.get("page"))
    stmt = sales.order_list(g.merchant.id, f)
    result = catalog_queries.paginate(stmt, page, PER_PAGE, (SubOrder.id.desc(),))
    return render_template(
        "merchant/orders.html",
        result=result,
        filters=f,
        statuses=STATUS_LABELS,
        countries=[(c, country_name(c, g.lang)) for c in sales.order_countries(g.merchant.id)],
        cases=cases_for(s.id for s in result.items),
        country_name=country_name,
    )


@bp.get("/orders/<int:sub_order_id>")
@merchant_required
def order(sub_order_id: int):
    """One order: buyer, lines with customs data, history, clearance, shipping."""
    sub = _own(sub_order_id)
    events = db.session.scalars(
        select(OrderEvent)
        .where(OrderEvent.order_id == sub.order_id)
        .where((OrderEvent.sub_order_id == sub.id) | OrderEvent.sub_order_id.is_(None))
        .order_by(OrderEvent.id)
    ).all()
    return render_template(
        "merchant/order.html",
        sub=sub,
        order=sub.order,
        events=events,
        form=ShipForm(),
        statuses=STATUS_LABELS,
        country_name=country_name,
    )


@bp.post("/orders/<int:sub_order_id>/ship")
@merchant_required
def order_ship(sub_order_id: int):
    """Mark the order shipped with carrier and tracking number (paid orders only)."""
    sub = _own(sub_order_id)
    form = ShipForm()
    if not form.validate_on_submit():
        flash(_("Enter the carrier and the tracking number."), "error")
    elif sub.status != OrderStatus.PAID.value:
        flash(_("Only paid orders that are not shipped yet can be shipped."), "error")
    elif ship_order(sub, form.carrier.data, form.tracking_no.data, actor=f"merchant:{g.merchant.id}"):
        db.session.commit()
        flash(_("Order %(number)s marked as shipped.", number=sub.number), "success")
    else:
        db.session.rollback()
        flash(_("Only paid orders that are not shipped yet can be shipped."), "error")
    return redirect(url_for("merchant.order", sub_order_id=sub_order_id))


@bp.get("/orders/<int:sub_order_id>/packing-list")
@merchant_required
def packing_list(sub_order_id: int):
    """Printable packing list in the page's language (Chinese at /zh/…, English at /en/…)."""
    sub = _own(sub_order_id)
    return render_template(
        "merchant/print_document.html",
        sub=sub,
        order=sub.order,
        merchant=g.merchant,
        kind="packing",
        country_name=country_name,
    )


@bp.get("/orders/<int:sub_order_id>/invoice")
@merchant_required
def invoice(sub_order_id: int):
    """Printable commercial invoice in the page's language (Chinese at /zh/…, English at /en/…)."""
    sub = _own(sub_order_id)
    return render_template(
        "merchant/print_document.html",
        sub=sub,
        order=sub.order,
        merchant=g.merchant,
        kind="invoice",
        country_name=country_name,
    )
