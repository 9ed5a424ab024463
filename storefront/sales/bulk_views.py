"""Orders at volume: bulk "mark shipped" from a tracking file, export of the filtered list (CSV/XLSX),
shipping labels and packing lists as PDF."""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

from flask import Response, abort, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField

from storefront.accounts.backoffice import bp, merchant_required
from storefront.core.pdf import pdf_response
from storefront.core.uploads import UploadRejected, read_limited
from storefront.extensions import db
from storefront.ordering import bulk_ship, documents
from storefront.ordering.models import SubOrder
from storefront.ordering.shipping import country_name
from storefront.sales import reports as sales
from storefront.sales.order_views import _own, shipment_page

_SESSION_KEY = "bulk_ship"
MIMETYPES = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
MAX_BYTES = 2 * 1024 * 1024
#: Most labels or packing lists in one PDF.
MAX_DOCUMENTS = 200


class TrackingForm(FlaskForm):
    """A CSV/XLSX of order, carrier, tracking_no."""

    file = FileField(_l("Tracking file (.csv or .xlsx)"), render_kw={"accept": ".csv,.xlsx"})


class ApplyForm(FlaskForm):
    """Apply the checked file (with problems: only the valid rows, when ticked)."""

    valid_only = BooleanField(_l("Ship the valid rows only; leave the rows with problems"))


def _stash_path(token: str, fmt: str) -> Path:
    folder = Path(current_app.config["DATA_DIR"]) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"ship-{token}.{fmt}"


def _page(form=None, report=None, status: int = 200):
    return render_template(
        "merchant/ship_bulk.html", form=form or TrackingForm(), apply_form=ApplyForm(), report=report
    ), status


@bp.route("/orders/ship-bulk", methods=["GET", "POST"])
@merchant_required
def orders_ship_bulk():
    """Upload tracking numbers: every row is checked and problems listed; nothing is shipped yet."""
    form = TrackingForm()
    if not form.validate_on_submit():
        return _page(form)
    storage = form.file.data
    name = getattr(storage, "filename", "") or ""
    fmt = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if fmt not in MIMETYPES:
        form.file.errors = [_("Choose an .xlsx or .csv file.")]
        return _page(form, status=400)
    try:
        data = read_limited(storage.stream, MAX_BYTES)
    except UploadRejected as exc:
        form.file.errors = [str(exc.message)]
        return _page(form, status=400)
    report = bulk_ship.check(g.merchant.id, data, fmt)
    if report.valid:
        token = secrets.token_hex(16)
        _stash_path(token, fmt).write_bytes(data)
        session[_SESSION_KEY] = {"token": token, "fmt": fmt, "merchant": g.merchant.id}
    return _page(form, report, 200 if not report.errors else 400)


@bp.post("/orders/ship-bulk/apply")
@merchant_required
def orders_ship_bulk_apply():
    """Ship the checked file: every row, or (ticked) only the valid ones; the file is checked again."""
    form = ApplyForm()
    info = session.get(_SESSION_KEY) or {}
    token, fmt = str(info.get("token", "")), info.get("fmt")
    if not form.validate_on_submit() or info.get("merchant") != g.merchant.id or fmt not in MIMETYPES:
        flash(_("Upload the file again: the checked copy is no longer available."), "error")
        return redirect(url_for("merchant.orders_ship_bulk"))
    path = _stash_path(token if token.isalnum() else "x", fmt)
    if not path.is_file():
        flash(_("Upload the file again: the checked copy is no longer available."), "error")
        return redirect(url_for("merchant.orders_ship_bulk"))
    report = bulk_ship.check(g.merchant.id, path.read_bytes(), fmt)
    if report.errors and not form.valid_only.data:
        return _page(report=report, status=400)
    bulk_ship.apply(report, f"merchant:{g.merchant.id}", valid_only=bool(form.valid_only.data))
    db.session.commit()
    path.unlink(missing_ok=True)
    session.pop(_SESSION_KEY, None)
    flash(
        ngettext("%(num)s order marked as shipped.", "%(num)s orders marked as shipped.", report.shipped),
        "success",
    )
    return redirect(url_for("merchant.orders", status="shipped"))


def _filtered(limit: int | None = None, default_status: str = "") -> list[SubOrder]:
    args = request.args.to_dict()
    args["status"] = args.get("status") or default_status
    f = sales.parse_filters(args)
    stmt = sales.order_list(g.merchant.id, f).order_by(SubOrder.id.desc())
    return list(db.session.scalars(stmt.limit(limit) if limit else stmt))


@bp.get("/orders/export.<fmt>")
@merchant_required
def orders_export(fmt: str):
    """The filtered order list as CSV or XLSX, in the page's language."""
    if fmt not in MIMETYPES:
        abort(404)
    header, rows = bulk_ship.export_rows(_filtered(), g.lang)
    response = Response(bulk_ship.write(header, rows, fmt), mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="orders-{date.today():%Y%m%d}.{fmt}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/orders/labels.pdf")
@merchant_required
def orders_labels():
    """Shipping labels (A6, one per order) for the filtered orders — by default the paid ones to ship."""
    subs = _filtered(MAX_DOCUMENTS, default_status="paid")
    html = render_template("merchant/labels.html", subs=subs, merchant=g.merchant, country_name=country_name)
    return pdf_response(html, f"labels-{date.today():%Y%m%d}.pdf")


@bp.get("/orders/<int:sub_order_id>/packing-list.pdf")
@merchant_required
def packing_list_pdf(sub_order_id: int):
    """The packing list as a PDF (the printable page's content)."""
    sub = _own(sub_order_id)
    return pdf_response(shipment_page(sub, documents.PACKING, for_pdf=True), f"packing-list-{sub.number}.pdf")


@bp.get("/orders/<int:sub_order_id>/invoice.pdf")
@merchant_required
def invoice_pdf(sub_order_id: int):
    """The commercial invoice as a PDF (the printable page's content)."""
    sub = _own(sub_order_id)
    return pdf_response(shipment_page(sub, documents.INVOICE, for_pdf=True), f"invoice-{sub.number}.pdf")


@bp.get("/orders/<int:sub_order_id>/proforma.pdf")
@merchant_required
def proforma_pdf(sub_order_id: int):
    """The proforma invoice of the merchant's part of the order, as a PDF."""
    sub = _own(sub_order_id)
    doc = documents.proforma(sub.order, g.lang, subs=[sub])
    html = render_template("documents/proforma.html", doc=doc, for_pdf=True)
    return pdf_response(html, f"proforma-{sub.number}.pdf")
