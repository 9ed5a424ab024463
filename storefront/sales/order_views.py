"""Merchant orders: the list with filters, one order, shipping it, the packing list and commercial invoice."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from storefront.accounts.backoffice import bp, merchant_required
from storefront.catalog import queries as catalog_queries
from storefront.catalog.merchant_forms import ShipForm
from storefront.clearance.codes import UnknownCode, unit_name
from storefront.clearance.queries import cases_for
from storefront.core.money import Money, parse_amount
from storefront.extensions import db
from storefront.ordering import cancellation, documents, returns
from storefront.ordering.forms import CancelForm
from storefront.ordering.models import OrderEvent, SubOrder
from storefront.ordering.operations import ship_order
from storefront.ordering.payable import KIND
from storefront.ordering.shipping import country_name
from storefront.ordering.states import STATUS_LABELS, OrderStatus
from storefront.payments import refunds
from storefront.payments.forms import RefundForm
from storefront.sales import reports as sales

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
    return _order_page(sub, events)


def _order_page(sub: SubOrder, events=None, refund_error: str = "", refund_form: RefundForm | None = None):
    if events is None:
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
        refund_form=refund_form or RefundForm(),
        refund_error=refund_error,
        refund_left=refunds.refundable(KIND, sub.order, sub),
        refund_rows=[r for r in refunds.refunds_of(KIND, sub.order_id) if r.sub_order_id in (None, sub.id)],
        card_payment=(sub.order.payment_ref or "").startswith("pi_"),
        sub_returns=returns.returns_of(sub),
        cancel_form=CancelForm(),
    )


@bp.post("/orders/<int:sub_order_id>/refund")
@merchant_required
def order_refund(sub_order_id: int):
    """Refund part or all of the merchant's own part of a paid order (card or recorded bank transfer)."""
    sub = _own(sub_order_id)
    form = RefundForm()
    if not form.validate_on_submit():
        return _order_page(sub, refund_error=_("The form expired. Please try again."), refund_form=form), 400
    left = refunds.refundable(KIND, sub.order, sub)
    try:
        minor = parse_amount(form.amount.data, left.currency if left else sub.order.currency)
        row = refunds.refund(
            KIND,
            sub.order,
            minor,
            actor=f"merchant:{g.merchant.id}",
            reason=form.reason.data or "",
            sub_order=sub,
            bank_ref=form.bank_ref.data or "",
        )
    except ValueError as exc:
        db.session.rollback()
        message = exc.message if isinstance(exc, refunds.RefundError) else str(refunds.MESSAGES["amount"])
        return _order_page(_own(sub_order_id), refund_error=message, refund_form=form), 400
    db.session.commit()
    flash(_("Refunded %(amount)s.", amount=row.amount.format()), "success")
    return redirect(url_for("merchant.order", sub_order_id=sub_order_id))


@bp.post("/orders/<int:sub_order_id>/cannot-fulfil")
@merchant_required
def order_cannot_fulfil(sub_order_id: int):
    """The merchant cannot fulfil a paid order: a full refund of its part is proposed to the operator."""
    sub = _own(sub_order_id)
    form = RefundForm()
    if form.validate_on_submit() and sub.status == OrderStatus.PAID.value:
        refunds.propose(KIND, sub.order, "merchant_cancelled", sub_order=sub, detail=(form.reason.data or "")[:500])
        db.session.commit()
        flash(_("The platform will refund the buyer and tell them."), "success")
    return redirect(url_for("merchant.order", sub_order_id=sub_order_id))


@bp.post("/orders/<int:sub_order_id>/cancel-after-deposit")
@merchant_required
def order_cancel_deposit(sub_order_id: int):
    """Cancel a T/T order whose deposit is paid: stock released, balance void, deposit refunded (card: now through
    Stripe; bank transfer: by the platform's refund desk). A second submit changes nothing."""
    sub = _own(sub_order_id)
    form = CancelForm()
    if not form.validate_on_submit():
        abort(400)
    actor = f"merchant:{g.merchant.id}"
    try:
        proposal = cancellation.cancel(sub.order, actor=actor, reason=form.reason.data or "", merchant_id=g.merchant.id)
        db.session.commit()
    except cancellation.CancelError as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return redirect(url_for("merchant.order", sub_order_id=sub_order_id))
    if proposal is None:
        flash(_("This order is already cancelled."), "info")
        return redirect(url_for("merchant.order", sub_order_id=sub_order_id))
    try:
        refund = cancellation.refund_card_deposit(sub.order, proposal, actor=actor)
        db.session.commit()
    except refunds.RefundError:
        db.session.rollback()
        flash(_("The order is cancelled. The card refund could not be made now; the platform will refund it."), "info")
    else:
        if refund is not None:
            flash(_("The order is cancelled and the deposit refunded to the buyer's card."), "success")
        else:
            flash(_("The order is cancelled; the platform refunds the deposit by bank transfer."), "success")
    return redirect(url_for("merchant.order", sub_order_id=sub_order_id))


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


def shipment_page(sub: SubOrder, kind: str, for_pdf: bool = False) -> str:
    """The commercial invoice or packing list of a sub-order in the page's language with Chinese alongside
    (the same assembly, ``storefront.ordering.documents``, for the print view, the PDFs and the buyer's copy)."""
    return render_template(
        "documents/shipment.html",
        doc=documents.shipment_document(kind, sub, g.lang),
        for_pdf=for_pdf,
        back_url=url_for("merchant.order", sub_order_id=sub.id),
    )


@bp.get("/orders/<int:sub_order_id>/packing-list")
@merchant_required
def packing_list(sub_order_id: int):
    """Printable packing list in the page's language with Chinese alongside (the back office links to the
    buyer's language)."""
    return shipment_page(_own(sub_order_id), documents.PACKING)


@bp.get("/orders/<int:sub_order_id>/invoice")
@merchant_required
def invoice(sub_order_id: int):
    """Printable commercial invoice in the page's language with Chinese alongside."""
    return shipment_page(_own(sub_order_id), documents.INVOICE)
