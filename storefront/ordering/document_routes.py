"""The buyer's trade documents as PDF, in the page's language with Chinese alongside: the proforma invoice of
an order, and the commercial invoice and packing list of each shipment once it left."""

from __future__ import annotations

from flask import Blueprint, abort, g, render_template

from storefront.core.pdf import pdf_response
from storefront.ordering import access, documents

bp = Blueprint("documents", __name__, url_prefix="/<lang>/orders/<number>")


@bp.get("/proforma.pdf")
def proforma(number: str):
    """The order's proforma invoice (payment terms and T/T bank details), for any order the visitor may see."""
    order, _token = access.get_order_or_404(number)
    html = render_template("documents/proforma.html", doc=documents.proforma(order, g.lang), for_pdf=True)
    return pdf_response(html, f"proforma-{order.number}.pdf")


def _shipment_pdf(number: str, sub_order_id: int, kind: str, name: str):
    order, _token = access.get_order_or_404(number)
    sub = next((s for s in order.sub_orders if s.id == sub_order_id), None)
    if sub is None or not documents.is_shipped(sub):
        abort(404)
    html = render_template("documents/shipment.html", doc=documents.shipment_document(kind, sub, g.lang), for_pdf=True)
    return pdf_response(html, f"{name}-{sub.number}.pdf")


@bp.get("/shipments/<int:sub_order_id>/invoice.pdf")
def invoice(number: str, sub_order_id: int):
    """The commercial invoice of one shipped parcel of the order."""
    return _shipment_pdf(number, sub_order_id, documents.INVOICE, "invoice")


@bp.get("/shipments/<int:sub_order_id>/packing-list.pdf")
def packing_list(number: str, sub_order_id: int):
    """The packing list of one shipped parcel of the order."""
    return _shipment_pdf(number, sub_order_id, documents.PACKING, "packing-list")
